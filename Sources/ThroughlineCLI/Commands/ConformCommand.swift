import ConformanceSQL
import Foundation
import JourneyModel
import JourneyReporters
import LivedReport
import ThroughlineKit

/// `throughline conform`: replays what customers lived (the exports that
/// `Observations/<brand>/*.source.jsonc` describe) against the planned
/// journeys and the charter.
enum ConformCommand {
    /// The formats `conform` writes.
    enum Format: String, CaseIterable {
        case text, json, csv, markdown, html

        /// The reporter that writes this format; `style` colours the text
        /// format, `csvPart` picks the CSV table, `csv` is how it is written.
        func reporter(style: TerminalStyle, csvPart: LivedCSV.Part, csv: CSVDialect = .standard) -> any Reporter<LivedReport> {
            switch self {
            case .text: LivedText(style: style)
            case .json: LivedJSON()
            case .csv: LivedCSV(part: csvPart, dialect: csv)
            case .markdown: LivedMarkdown()
            case .html: LivedHTML()
            }
        }
    }

    /// The folders read when no path is given.
    static let defaultFolders = ["Brands", "Journeys", "Observations"]
    /// Where `--redact` finds its key when no key file is given.
    static let keyVariable = "THROUGHLINE_REDACT_KEY"

    static let segment: Option<String?> = .text("segment", short: "s", value: "SEGMENT", help: "Only cases of this segment (an id, or brand/segment).")
    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
    static let output = CommonOptions.output("the report")
    static let failBelow: Option<Double?> = .parsed(
        "fail-below", value: "RATE", help: "Exit 1 when a marker's lived conformance is below RATE (0.8 or 80%)."
    ) { text in
        let number = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        return number.flatMap { $0 >= 0 && $0 <= 1 ? $0 : nil }
    }
    static let maxBadRows: Option<Int?> = .parsed(
        "max-bad-rows", value: "N", help: "Exit 2 when an export has more than N rows that cannot be read."
    ) { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
    static let csvPart: Option<LivedCSV.Part> = .choice(
        "csv-part", value: "PART", help: "With --format csv: one row per planned touchpoint, or the markers, ad hoc, channels or owners table.",
        default: .touchpoints
    )
    static let redact = Flag("redact", help: "Replace case ids and owners by a keyed hash (HMAC-SHA256) in the report.")
    static let redactKeyFile: Option<String?> = .text(
        "redact-key-file", value: "FILE", help: "The key for --redact (default: the \(keyVariable) environment variable)."
    )

    static let emitSQL: Option<SQLDialect?> = .parsed(
        "emit-sql", value: "DIALECT", help: "Write the conformance as a SQL script for duckdb, spark or ansi instead of replaying the exports."
    ) { SQLDialect(rawValue: $0) }
    static let table: Option<String> = .text("table", value: "NAME", help: "With --emit-sql: the normalised events view the script makes and reads.", default: "events")

    static let spec = CommandSpec(
        name: "conform",
        abstract: "Replay lived journeys from exports against the planned journeys and the charter.",
        discussion: """
        Reads ./Brands, ./Journeys and ./Observations by default. Exit code 0, or 1 with --fail-below when a \
        marker's lived conformance is below the rate, or 2 when the input is unusable (a source or an export \
        with errors, more bad rows than --max-bad-rows).
        """,
        options: [
            segment.spec, format.spec, output.spec, csvPart.spec, CommonOptions.csvSeparator.spec, failBelow.spec, maxBadRows.spec,
            redactKeyFile.spec, CommonOptions.color.spec, emitSQL.spec, table.spec,
        ],
        flags: [CommonOptions.csvBOM.spec, redact.spec],
        positionals: PositionalSpec(name: "PATH", help: "Brand, journey and source files, or folders holding them.", repeating: true),
        examples: [
            "throughline conform",
            "throughline conform --segment premium --format json --output lived.json",
            "throughline conform --format html --output lived.html",
            "throughline conform --format csv --csv-part markers --output lived-markers.csv",
            "throughline conform --format csv --csv-separator tab --csv-bom --output lived.csv",
            "throughline conform --format markdown --output lived.md",
            "throughline conform --fail-below 80%",
            "throughline conform --emit-sql duckdb --output conformance.sql",
        ]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        let loaded = await WorkspaceRun.load(paths: arguments.positionals, io: io, defaultFolders: defaultFolders)
        let check = await loaded.check()
        let workspace = loaded.reading(exportsOf: check, keyFile: arguments[Self.redactKeyFile])
        if let unusable = workspace.reportUnusableInput(check.diagnostics, io: io) { return unusable }
        if let dialect = arguments[Self.emitSQL] { return emitSQL(dialect, arguments: arguments, workspace: workspace, check: check, io: io) }
        var selected: Set<String>?
        if let segment = arguments[Self.segment] {
            let known = check.loaded.workspace.brands.flatMap { brand in brand.segments.ids + brand.segments.ids.map { "\(brand.id)/\($0)" } }
            guard known.contains(segment) else {
                io.writeError(TerminalEscaping.text("error: unknown segment '\(segment)'\(DidYouMean.hint(for: segment, in: known))") + "\n")
                return .unusableInput
            }
            selected = [segment]
        }
        var redaction: KeyedHash?
        if arguments[Self.redact] {
            switch redactionKey(arguments, io: io) {
            case .success(let key): redaction = KeyedHash(key: key)
            case .failure(let problem):
                io.writeError("error: \(problem.message)\n")
                return .unusableInput
            }
        }
        let run = ConformRun.conform(
            check, access: FileExports(workingDirectory: io.workingDirectory, sources: check.loaded.sources), segments: selected, maxBadRows: arguments[Self.maxBadRows],
            redaction: redaction
        )
        if !run.diagnostics.isEmpty, let failure = workspace.reportUnusableInput(run.diagnostics, io: io) { return failure }
        if run.tooManyBadRows, let limit = arguments[Self.maxBadRows] {
            for source in run.report.sources where source.skipped > limit {
                io.writeError(TerminalEscaping.text("error: \(source.data): more than \(limit) rows cannot be read (--max-bad-rows \(limit)); the first:") + "\n")
                for issue in source.issues.prefix(5) { io.writeError("  \(TerminalEscaping.text(issue))\n") }
            }
            return .unusableInput
        }
        let output = arguments[Self.output]
        let colors = output == nil && io.usesColor(arguments[CommonOptions.color])
        let csv = CSVDialect(separator: arguments[CommonOptions.csvSeparator], byteOrderMark: arguments[CommonOptions.csvBOM])
        let reporter = arguments[Self.format].reporter(style: TerminalStyle(colors: colors), csvPart: arguments[Self.csvPart], csv: csv)
        if let failure = workspace.emit(run.report, with: reporter, output: output, io: io) { return failure }
        if let output { io.writeError("wrote \(output): \(run.report.caseCount) cases in \(run.report.journeys.count) journeys\n") }
        if let threshold = arguments[Self.failBelow] {
            let below = run.report.journeys.flatMap { journey in
                journey.markers.compactMap { marker in marker.rate.flatMap { $0 < threshold ? "\(journey.label): \(marker.marker) \(LivedWording.percent($0))" : nil } }
            }
            if !below.isEmpty {
                io.writeError(TerminalEscaping.text("lived conformance below \(LivedWording.percent(threshold)): " + below.prefix(10).joined(separator: ", ")
                    + (below.count > 10 ? ", and \(below.count - 10) more" : "")) + "\n")
                return .findings
            }
        }
        return .success
    }

    /// The key: the file's bytes (a final line break left out), else the environment variable's.
    static func redactionKey(_ arguments: ParsedArguments, io: CommandIO) -> Result<[UInt8], KeyProblem> {
        if let file = arguments[Self.redactKeyFile] {
            let path = file.hasPrefix("/") ? file : io.workingDirectory + "/" + file
            do throws(FileReader.Failure) {
                var key = try FileReader.read(path)
                while key.last == 10 || key.last == 13 { key.removeLast() }
                guard !key.isEmpty else { return .failure(KeyProblem("the key file \(file) is empty")) }
                return .success(key)
            } catch {
                return .failure(KeyProblem("cannot read the key file \(file): \(error.reason)"))
            }
        }
        guard let key = io.environment[keyVariable], !key.isEmpty else {
            return .failure(KeyProblem("--redact needs a key: --redact-key-file FILE, or the \(keyVariable) environment variable"))
        }
        return .success(Array(key.utf8))
    }

    struct KeyProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
