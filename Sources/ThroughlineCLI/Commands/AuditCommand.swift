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

        /// The reporter that writes this format; `style` colours the text format.
        func reporter(style: TerminalStyle) -> any Reporter<AuditReport> {
            switch self {
            case .text: AuditText(style: style)
            case .json: AuditJSON()
            case .markdown: AuditMarkdown()
            case .html: AuditHTML()
            case .csv: AuditCSV()
            }
        }
    }

    static let segment: Option<String?> = .text("segment", short: "s", value: "SEGMENT", help: "Only this segment (an id, or brand/segment).")
    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
    static let output = CommonOptions.output("the report")

    static let spec = CommandSpec(
        name: "audit",
        abstract: "Report, per customer segment, the gaps to the charter, scores and an action plan.",
        discussion: """
        Priority segments come first. Scores are checks met over checks applicable, weighted by the \
        severity of each marker (error 3, warning 2, info 1). Exit code 0 unless the input is unusable (2): \
        an audit reports, it does not gate; use `check` in CI.
        """,
        options: [segment.spec, format.spec, output.spec, CommonOptions.color.spec],
        positionals: PositionalSpec(name: "PATH", help: "Brand, charter or journey files, or folders holding them.", repeating: true),
        examples: [
            "throughline audit",
            "throughline audit --segment premium",
            "throughline audit --format html --output audit.html",
        ]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        let workspace = await WorkspaceRun.load(paths: arguments.positionals, io: io)
        // Brands whose files are all usable are audited; the others are
        // left out, their errors printed, and the run ends with exit code 2.
        let run = await workspace.check()
        let unusable = workspace.reportUnusableInput(run.diagnostics, io: io)
        var selected: Set<String>?
        if let segment = arguments[Self.segment] {
            let known = run.loaded.workspace.brands.flatMap { brand in brand.segments.ids + brand.segments.ids.map { "\(brand.id)/\($0)" } }
            guard known.contains(segment) else {
                io.writeError("error: unknown segment '\(segment)'\(DidYouMean.hint(for: segment, in: known)); known segments: \(Set(known.filter { !$0.contains("/") }).sorted().joined(separator: ", "))\n")
                return .unusableInput
            }
            selected = [segment]
        }
        let audit = run.audit(segments: selected)
        let output = arguments[Self.output]
        let colors = output == nil && io.usesColor(arguments[CommonOptions.color])
        let reporter = arguments[Self.format].reporter(style: TerminalStyle(colors: colors))
        if let failure = workspace.emit(audit, with: reporter, output: output, io: io) { return failure }
        // The report went to a file: the log still shows what it holds.
        if let output { io.writeError(summary(of: audit, writtenTo: output) + "\n") }
        return unusable ?? .success
    }

    /// `wrote audit.html: 4 segments, lowest score 61.5% (maison-aurele/premium)`.
    static func summary(of audit: AuditReport, writtenTo output: String) -> String {
        let count = "\(audit.segments.count) segment\(audit.segments.count == 1 ? "" : "s")"
        let scored = audit.segments.compactMap { segment in segment.score.percent.map { (segment, $0) } }
        // The first of equal scores, in report order (priority segments first).
        guard let lowest = scored.min(by: { $0.1 < $1.1 })?.0 else { return "wrote \(output): \(count)" }
        return "wrote \(output): \(count), lowest score \(lowest.score.formatted) (\(lowest.label))"
    }
}
