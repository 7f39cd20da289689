import Foundation
import CharterAudit
import JourneyModel
import JourneyReporters
import ThroughlineKit

/// `throughline audit`: the per-segment gap report with scores and an
/// action plan, for customer-relationship directors.
enum AuditCommand {
    /// The formats `audit` writes.
    enum Format: String, CaseIterable {
        case text, json, markdown, html, csv

        /// The reporter that writes this format; `style` colours the text
        /// format, `csvPart` picks the CSV table, `csv` is how it is written.
        func reporter(style: TerminalStyle, csvPart: AuditCSV.Part, csv: CSVDialect = .standard) -> any Reporter<AuditReport> {
            switch self {
            case .text: AuditText(style: style)
            case .json: AuditJSON()
            case .markdown: AuditMarkdown()
            case .html: AuditHTML()
            case .csv: AuditCSV(part: csvPart, dialect: csv)
            }
        }
    }

    static let segment: Option<String?> = .text("segment", short: "s", value: "SEGMENT", help: "Only this segment (an id, or brand/segment).")
    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
    static let output = CommonOptions.output("the report")
    static let compare: Option<String?> = .text(
        "compare", value: "PREVIOUS.json", help: "Show what changed since a previous `audit --format json`: scores, statuses, gaps new and fixed."
    )
    static let date: Option<String?> = .text(
        "date", value: "YYYY-MM-DD", help: "The date of the data, shown in the report (never taken from the clock or the files' modification times, so reports stay reproducible)."
    )
    static let csvPart: Option<AuditCSV.Part> = .choice(
        "csv-part", value: "PART", help: "With --format csv: one row per gap, or the scores table.", default: .gaps
    )

    static let spec = CommandSpec(
        name: "audit",
        abstract: "Report, per customer segment, the gaps to the charter, scores and an action plan.",
        discussion: """
        Priority segments come first. Scores are checks met over checks applicable, weighted by the \
        severity of each marker (error 3, warning 2, info 1). Exit code 0 unless the input is unusable (2): \
        an audit reports, it does not gate; use `check` in CI.
        """,
        options: [
            segment.spec, format.spec, output.spec, compare.spec, date.spec, csvPart.spec, CommonOptions.color.spec,
            CommonOptions.csvSeparator.spec,
        ],
        flags: [CommonOptions.csvBOM.spec],
        positionals: PositionalSpec(name: "PATH", help: "Brand, charter or journey files, or folders holding them.", repeating: true),
        examples: [
            "throughline audit",
            "throughline audit --segment premium",
            "throughline audit --format html --output audit.html",
            "throughline audit --format json --output audit-q2.json",
            "throughline audit --format html --compare audit-q2.json --output audit.html",
            "throughline audit --format csv --csv-part scores",
        ]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        let files = WorkspaceFiles(workingDirectory: io.workingDirectory)
        if let given = arguments[Self.date], AuditDate(given) == nil {
            io.writeError("error: --date '\(given)' is not a date; write it as YYYY-MM-DD, such as 2026-09-30\n")
            return .unusableInput
        }
        // The previous audit is read before the workspace: a wrong path fails at once.
        var snapshot: AuditSnapshot?
        if let path = arguments[Self.compare] {
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(files.absolute(path))
            } catch {
                io.writeError("error: cannot read the previous audit \(path): \(error.reason)\n")
                return .unusableInput
            }
            let (read, problems) = AuditSnapshot.read(bytes, path: path)
            for problem in problems { io.writeError("\(problem.location): error: \(problem.message)\n") }
            guard let read else { return .unusableInput }
            snapshot = read
        }
        let workspace = await WorkspaceRun.load(paths: arguments.positionals, io: io)
        // Brands whose files are all usable are audited; the others are
        // left out, their errors printed, and the run ends with exit code 2.
        let run = await workspace.check()
        let unusable = workspace.reportUnusableInput(run.diagnostics, io: io)
        var selected: Set<String>?
        if let segment = arguments[Self.segment] {
            let known = run.loaded.workspace.brands.flatMap { brand in brand.segments.ids + brand.segments.ids.map { "\(brand.id)/\($0)" } }
            guard known.contains(segment) else {
                let listed = Set(known.filter { !$0.contains("/") }).sorted().joined(separator: ", ")
                io.writeError(TerminalEscaping.text("error: unknown segment '\(segment)'\(DidYouMean.hint(for: segment, in: known)); known segments: \(listed)") + "\n")
                return .unusableInput
            }
            selected = [segment]
        }
        var audit = run.audit(segments: selected)
        audit.context = context(of: audit, workspace: workspace, date: arguments[Self.date])
        if let snapshot, let path = arguments[Self.compare] {
            // The file's name alone: a folder of the machine that ran the
            // audit says nothing to a committee and differs between runners.
            let name = path.split(separator: "/").last.map(String.init) ?? path
            audit.comparison = AuditComparison.compare(audit, with: snapshot, file: name)
        }
        let output = arguments[Self.output]
        let colors = output == nil && io.usesColor(arguments[CommonOptions.color])
        let csv = CSVDialect(separator: arguments[CommonOptions.csvSeparator], byteOrderMark: arguments[CommonOptions.csvBOM])
        let reporter = arguments[Self.format].reporter(style: TerminalStyle(colors: colors), csvPart: arguments[Self.csvPart], csv: csv)
        // The previous audit is an input: never the report's destination.
        if let failure = workspace.emit(audit, with: reporter, output: output, io: io, baseline: arguments[Self.compare]) {
            return failure
        }
        // The report went to a file: the log still shows what it holds.
        if let output { io.writeError(summary(of: audit, writtenTo: output) + "\n") }
        return unusable ?? .success
    }

    /// The date of the data (`--date`) and each audited brand's charter
    /// version.
    static func context(of audit: AuditReport, workspace: WorkspaceRun, date given: String?) -> AuditContext {
        let files = workspace.files
        var context = AuditContext(date: given)
        let audited = Set(audit.segments.map(\.brand))
        for brand in workspace.loaded.workspace.brands where audited.contains(brand.id) {
            let paths = AuditContext.charterFiles(of: brand)
            let contents = paths.compactMap { try? FileReader.read(files.absolute($0)) }
            guard contents.count == paths.count else { continue }
            context.charters.append(AuditContext.CharterVersion(brand: brand.id, digest: AuditContext.digest(of: contents), files: paths))
        }
        return context
    }

    /// `wrote audit.html: 4 segments, lowest score 61.5% (maison-aurele/premium)`.
    static func summary(of audit: AuditReport, writtenTo output: String) -> String {
        let count = "\(audit.segments.count) segment\(audit.segments.count == 1 ? "" : "s")"
        let scored = audit.segments.compactMap { segment in segment.score.percent.map { (segment, $0) } }
        // The first of equal scores, in report order (priority segments first).
        guard let lowest = scored.min(by: { $0.1 < $1.1 })?.0 else { return "wrote \(output): \(count)" }
        return "wrote \(output): \(count), lowest score \(lowest.score.formatted) (\(TerminalEscaping.text(lowest.label)))"
    }
}

/// A calendar day written `YYYY-MM-DD`, checked.
struct AuditDate {
    let text: String

    /// Nil unless `text` is four digits, two, two, a month and a day that exist.
    init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        self.text = text
    }
}
