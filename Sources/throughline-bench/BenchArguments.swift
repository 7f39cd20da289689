import LogGenerator

/// The bench's command line:
///
///     throughline-bench generate [--profile realistic|gap-heavy] --journeys N [--seed S] [--output DIR]
///     throughline-bench generate --profile long-journey [--touchpoints N] [--seed S] --output DIR
///     throughline-bench write-sample [--profile P] (--journeys N | --touchpoints N) --output DIR [--seed S]
///     throughline-bench run [--journeys N] [--scales 1,4,16] [--repeat R] [--seed S]
///     throughline-bench run --files DIR [--repeat R]
///     throughline-bench profile (--files DIR | --journeys N) [--step load|check|audit] [--repeat R]
///     throughline-bench generate-export --events N --output FILE [--seed S]
///     throughline-bench read-export FILE [--repeat R] [--chunk BYTES]
enum BenchCommand: Sendable, Equatable {
    case generate(GenerateProfile, seed: UInt64, output: String?)
    case run(journeys: Int, scales: [Int], repeats: Int, seed: UInt64)
    case runFiles(folder: String, repeats: Int)
    /// Runs one step over and over and nothing else, for `perf record`.
    case profile(source: ProfileSource, step: ProfileStep, repeats: Int)
    /// A help-desk export as CSV, for `read-export`.
    case generateExport(events: Int, seed: UInt64, output: String)
    case readExport(file: String, repeats: Int, chunkSize: Int)
    case generateLog(events: Int, seed: UInt64, order: LivedLogGenerator.RowOrder, output: String)
    case help
}

/// What `generate` makes.
enum GenerateProfile: Sendable, Equatable {
    /// N journeys over the brands, values within the charter but for a few departures.
    case realistic(journeys: Int)
    /// The same journeys with every value random: a large share of checks fail.
    case gapHeavy(journeys: Int)
    /// One brand and one journey of N touchpoints, written as it is planned.
    case longJourney(touchpoints: Int)
}

enum ProfileSource: Sendable, Equatable {
    case files(String)
    case generated(journeys: Int, seed: UInt64)
}

enum ProfileStep: String, Sendable, Equatable {
    case load, check, audit
}

struct ArgumentError: Error, CustomStringConvertible {
    let description: String
}

enum BenchArguments {
    static let usage = """
        USAGE:
          throughline-bench generate [--profile realistic] --journeys N [--seed S] [--output DIR]
              Generates a workspace (group charter, brands, N journeys) deterministically
              for the seed, self-checks it (load + check, diagnostics must be 0), and
              writes it to DIR if given. About 2.5 % of checks fail; 465 journeys
              make 50 MB.
          throughline-bench generate --profile gap-heavy --journeys N [--seed S] [--output DIR]
              The same brands, charters and journeys, but every planned value (shared
              or per segment) drawn at random from its attribute's domain, texts mostly
              distinct: about three checks in four fail. 723 journeys make 50 MB.
          throughline-bench generate --profile long-journey [--touchpoints N] [--seed S] --output DIR
              One brand, its group charter and ONE journey of N touchpoints (default
              1000000, about 600 MB), values as in the realistic profile. Written to DIR
              as it is planned, then read back and self-checked (which takes about as
              much memory as `throughline check` on it).
          throughline-bench write-sample [--profile P] (--journeys N | --touchpoints N) --output DIR [--seed S]
              The same as generate, with the folder required.
          throughline-bench run [--journeys N] [--scales 1,4,16] [--repeat R] [--seed S]
              Times Foundation's JSON parser, Throughline's load, check and audit on
              N × each scale journeys generated in memory; prints Markdown tables.
          throughline-bench run --files DIR [--repeat R]
              The same timings on the *.jsonc files under DIR.
          throughline-bench profile (--files DIR | --journeys N [--seed S]) [--step load|check|audit] [--repeat R]
              Runs one step R times and nothing else (default: check, 3 times), to
              run under `perf record` or valgrind. `check` is load + check, `audit`
              is load + check + audit.
          throughline-bench generate-export --events N --output FILE [--seed S]
              Writes a help-desk export as CSV (case id, ISO timestamp, activity,
              channel, segment, owner, three attribute columns), deterministically.
          throughline-bench generate-log --events N --output DIR [--order case|time|shuffled] [--seed S]
              Writes into DIR (a workspace from generate, or a new folder) a brand,
              its purchase journey, a source and its CSV export of lived cases
              (at least N rows) with departures of each class injected at known
              rates, and DIR/lived-ground-truth.json: what `conform` must find.
          throughline-bench read-export FILE [--repeat R] [--chunk BYTES]
              Times the CSV reader on FILE read in chunks (default 1 MiB): rows
              counted, each timestamp parsed; prints events/s, MB/s, peak memory.

        Defaults: --journeys 20, --scales 1,4,16, --repeat 5, --seed 42.

        """

    static func parse(_ arguments: [String]) throws(ArgumentError) -> BenchCommand {
        guard let command = arguments.first, command != "--help", command != "-h", command != "help" else { return .help }
        var options: [String: String] = [:]
        var rest = arguments.dropFirst()
        var file: String?
        if command == "read-export", let first = rest.first, !first.hasPrefix("--") {
            file = first
            rest = rest.dropFirst()
        }
        while let key = rest.first {
            rest = rest.dropFirst()
            guard key.hasPrefix("--") else { throw ArgumentError(description: "unexpected argument '\(key)'") }
            if key == "--help" { return .help }
            guard let value = rest.first else { throw ArgumentError(description: "\(key) needs a value") }
            rest = rest.dropFirst()
            options[String(key.dropFirst(2))] = value
        }
        let known: Set<String> = switch command {
        case "generate", "write-sample": ["profile", "journeys", "touchpoints", "seed", "output"]
        case "run": ["journeys", "scales", "repeat", "seed", "files"]
        case "profile": ["journeys", "seed", "files", "step", "repeat"]
        case "generate-export": ["events", "seed", "output"]
        case "read-export": ["repeat", "chunk"]
        case "generate-log": ["events", "seed", "order", "output"]
        default:
            throw ArgumentError(description: "unknown command '\(command)'; use generate, write-sample, run, profile, generate-export, generate-log or read-export")
        }
        if let unknown = options.keys.sorted().first(where: { !known.contains($0) }) {
            throw ArgumentError(description: "unknown option --\(unknown) for \(command)")
        }
        let journeys = try positive(options["journeys"] ?? "20", "--journeys")
        let seed = try unsigned(options["seed"] ?? "42")
        switch command {
        case "generate-export":
            guard let output = options["output"] else { throw ArgumentError(description: "generate-export needs --output FILE") }
            return .generateExport(events: try positive(options["events"] ?? "1000000", "--events"), seed: seed, output: output)
        case "generate-log":
            guard let output = options["output"] else { throw ArgumentError(description: "generate-log needs --output DIR") }
            guard let order = LivedLogGenerator.RowOrder(rawValue: options["order"] ?? "case") else {
                throw ArgumentError(description: "--order is case, time or shuffled")
            }
            return .generateLog(events: try positive(options["events"] ?? "1000000", "--events"), seed: seed, order: order, output: output)
        case "read-export":
            guard let file else { throw ArgumentError(description: "read-export needs the export's path") }
            return .readExport(
                file: file, repeats: try positive(options["repeat"] ?? "3", "--repeat"),
                chunkSize: try positive(options["chunk"] ?? "1048576", "--chunk")
            )
        case "generate", "write-sample":
            let name = options["profile"] ?? "realistic"
            let long = name == "long-journey"
            if long, options["journeys"] != nil { throw ArgumentError(description: "--profile long-journey takes --touchpoints, not --journeys") }
            if !long, options["touchpoints"] != nil { throw ArgumentError(description: "--touchpoints is for --profile long-journey") }
            let profile: GenerateProfile = switch name {
            case "realistic": .realistic(journeys: journeys)
            case "gap-heavy": .gapHeavy(journeys: journeys)
            case "long-journey": .longJourney(touchpoints: try positive(options["touchpoints"] ?? "1000000", "--touchpoints"))
            default: throw ArgumentError(description: "--profile is realistic, gap-heavy or long-journey, not '\(name)'")
            }
            // A long journey goes straight to disk.
            if command == "write-sample" || long, options["output"] == nil {
                throw ArgumentError(description: "\(long ? "--profile long-journey" : "write-sample") needs --output DIR")
            }
            return .generate(profile, seed: seed, output: options["output"])
        case "profile":
            let repeats = try positive(options["repeat"] ?? "3", "--repeat")
            guard let step = ProfileStep(rawValue: options["step"] ?? "check") else {
                throw ArgumentError(description: "--step is load, check or audit")
            }
            let source = options["files"].map(ProfileSource.files) ?? .generated(journeys: journeys, seed: seed)
            return .profile(source: source, step: step, repeats: repeats)
        default:
            let repeats = try positive(options["repeat"] ?? "5", "--repeat")
            if let folder = options["files"] { return .runFiles(folder: folder, repeats: repeats) }
            var scales: [Int] = []
            for part in (options["scales"] ?? "1,4,16").split(separator: ",") {
                scales.append(try positive(String(part), "--scales"))
            }
            return .run(journeys: journeys, scales: scales, repeats: repeats, seed: seed)
        }
    }

    private static func positive(_ text: String, _ name: String) throws(ArgumentError) -> Int {
        guard let value = Int(text), value > 0 else {
            throw ArgumentError(description: "\(name) needs a positive whole number, not '\(text)'")
        }
        return value
    }

    private static func unsigned(_ text: String) throws(ArgumentError) -> UInt64 {
        guard let value = UInt64(text) else { throw ArgumentError(description: "--seed needs a whole number ≥ 0, not '\(text)'") }
        return value
    }
}
