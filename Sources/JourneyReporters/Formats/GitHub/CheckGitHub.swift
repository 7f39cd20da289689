import JSONWriter
import CharterChecker
import JourneyModel

/// `--format github` for `check`: GitHub Actions workflow commands, which the
/// runner turns into annotations on the pull request's files.
///
/// One line per open finding, worst first (the runner shows only the first
/// few annotations of each level on a pull request): errors, then warnings,
/// then notices, diagnostics before gaps within a level, each in report
/// order. The same gap lived by several segments is one annotation whose
/// title names them all. Then the plain summary line:
///
/// ```text
/// ::error file=Journeys/aurele/first-purchase.journey.jsonc,line=12,col=20,title=formal-address · newcomers%2C premium::welcome-mail (email, discover) plans …
/// 2 errors, 0 warnings, 0 infos in 2 files (1 journey, 4 touchpoints)
/// ```
///
/// Errors are `::error`, warnings `::warning`, infos `::notice`. The action
/// that would close a gap, then related locations, follow the message on
/// lines of their own (escaped as `%0A`).
/// Property values escape `%`, CR, LF, `:` and `,`; the message escapes `%`,
/// CR and LF, as `@actions/core` does. Accepted gaps get no annotation; the
/// summary line counts them.
public struct CheckGitHub: Reporter {
    public init() {}

    /// Command by command into `output`.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        // One walk of the gaps per level: linear, and the gaps past the
        // memory budget are made again rather than held.
        for severity in Severity.worstFirst {
            for diagnostic in result.diagnostics where diagnostic.severity == severity {
                output.writeLine(Self.command(for: .diagnostic(diagnostic)))
            }
            let open = result.gaps.lazy.filter { $0.isOpen && $0.severity == severity }
            SamePlaceGroups.forEachPlace(open) { groups in
                for group in groups { output.writeLine(Self.command(for: .gap(group.gap), title: group.title)) }
            }
        }
        if let note = ReportWording.cutNote(result) {
            output.writeLine("::warning title=\(WorkflowCommandEscaping.property("throughline report cut"))::\(WorkflowCommandEscaping.data(note))")
        }
        output.writeLine(ReportWording.summaryLine(result.summary))
    }

    /// `error`, `warning`, `notice`.
    public static func commandName(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
    }

    /// `title` replaces the finding's own (`marker · segment`), to name every segment of a group.
    static func command(for finding: Finding, title: String? = nil) -> String {
        let properties = [
            ("file", show(finding.location.file)),
            ("line", String(finding.location.line)),
            ("col", String(finding.location.column)),
            ("title", show(title ?? finding.title)),
        ]
        let list = properties.map { "\($0)=\(WorkflowCommandEscaping.property($1))" }.joined(separator: ",")
        // The values' own line breaks are shown (`\u{A}`); the lines this
        // joins them with become `%0A`, which the runner turns back into lines.
        var message = show(finding.message)
        if let action = finding.action { message += "\n→ \(show(action))" }
        for related in finding.related { message += "\n\(show(related.location.description)): \(show(related.message))" }
        return "::\(commandName(finding.severity)) \(list)::\(WorkflowCommandEscaping.data(message))"
    }

    /// Text from the files, its unsafe characters shown (``TerminalEscaping``).
    private static func show(_ text: String) -> String { TerminalEscaping.text(text) }
}
