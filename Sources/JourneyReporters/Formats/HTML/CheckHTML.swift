import JSONWriter
import CharterChecker
import JourneyModel

/// `--format html` for `check`: one self-contained page to open or attach as
/// a CI artifact — inline CSS, no script, nothing fetched (a
/// Content-Security-Policy says so to the browser).
///
/// The summary and counts, then a table of the open findings grouped by
/// file (severity in colour, location, rule, journey and touchpoint,
/// segment, message with expected and planned values), then the accepted
/// gaps with their reasons. Every piece of text from the files is escaped
/// (`&`, `<`, `>`, `"`, `'`; control characters HTML forbids become U+FFFD).
public struct CheckHTML: Reporter {
    public init() {}

    /// Row by row into `output`.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        let summary = result.summary
        let status = switch result.verdict {
        case .fails: "fail"
        case .passesWithFindings: "warn"
        case .clean: "pass"
        }
        for text in HTMLPage.head(title: "Throughline check", style: Self.style) + [
            "<body>",
            "<h1>Throughline check</h1>",
            "<p class=\"summary \(status)\">\(Self.escape(ReportWording.summaryLine(summary)))</p>",
            "<table class=\"counts\">",
            "<tr><th>Errors</th><th>Warnings</th><th>Infos</th><th>Accepted</th><th>Files</th><th>Journeys</th><th>Touchpoints</th></tr>",
            "<tr><td class=\"error\">\(summary.errors)</td><td class=\"warning\">\(summary.warnings)</td><td class=\"info\">\(summary.infos)</td>"
                + "<td>\(summary.suppressed)</td><td>\(summary.files)</td><td>\(summary.journeys)</td><td>\(summary.touchpoints)</td></tr>",
            "</table>",
        ] { line(text) }
        if let note = ReportWording.cutNote(result) { line("<p class=\"summary warn\">\(Self.escape(note))</p>") }

        let open = FindingsByFile(result, includingAccepted: false)
        if result.diagnostics.isEmpty && result.gapCounts.open == 0 {
            line("<p class=\"none\">No open findings.</p>")
        } else {
            line("<h2>Findings</h2>")
            line("<table class=\"findings\">")
            line("<thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Journey</th><th>Touchpoint</th><th>Segment</th><th>Message</th></tr></thead>")
            open.forEachFile { file, findings in
                line("<tbody>")
                line("<tr class=\"file\"><th colspan=\"7\">\(Self.escape(file))</th></tr>")
                for finding in FindingsByFile.inLineOrder(findings) { line(Self.row(finding)) }
                line("</tbody>")
            }
            line("</table>")
        }

        let accepted = result.suppressedGaps.map(Finding.gap)
        if !accepted.isEmpty {
            line("<h2>Accepted gaps</h2>")
            line("<table class=\"findings accepted\">")
            line("<thead><tr><th>Severity</th><th>Location</th><th>Rule</th><th>Journey</th><th>Touchpoint</th><th>Segment</th><th>Message</th><th>Reason</th></tr></thead>")
            line("<tbody>")
            for finding in accepted {
                line(Self.row(finding, showFile: true, reason: finding.suppression?.reason ?? ""))
            }
            line("</tbody>")
            line("</table>")
        }
        line("</body>")
        line("</html>")
    }

    /// A finding's row: its line and column, or its whole location when
    /// the table is not grouped by file; a reason for accepted gaps.
    static func row(_ finding: Finding, showFile: Bool = false, reason: String? = nil) -> String {
        let severity = finding.severity.rawValue
        let location = finding.location
        let place = showFile ? location.description : location.position.description
        let words = finding.words
        var message = escape(words.message)
        if let (expected, planned) = words.expectedAndPlanned {
            message += "<div class=\"detail\">expected <q>\(escape(expected))</q>, planned <q>\(escape(planned))</q></div>"
        }
        if let action = words.action {
            message += "<div class=\"action\">→ \(escape(action))</div>"
        }
        for related in words.related {
            message += "<div class=\"detail\">\(escape(related.location.description)): \(escape(related.message))</div>"
        }
        var cells = [
            "<td>\(HTMLPage.severityBadge(finding.severity))</td>",
            "<td class=\"location\">\(escape(place))</td>",
            "<td><code>\(escape(finding.id))</code></td>",
            "<td>\(escape(finding.gap?.journey ?? ""))</td>",
            "<td>\(escape(finding.gap?.touchpoint ?? ""))</td>",
            "<td>\(escape(finding.gap?.segment ?? ""))</td>",
            "<td>\(message)</td>",
        ]
        if let reason { cells.append("<td>\(escape(reason))</td>") }
        return "<tr class=\"\(severity)\">" + cells.joined() + "</tr>"
    }

    static func escape(_ text: String) -> String { MarkupEscaping.text(text) }

    static let style = """
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 2rem; }
    h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
    h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
    table { border-collapse: collapse; margin: .5rem 0; }
    th, td { border: 1px solid #d0d7de; padding: .3rem .6rem; text-align: left; vertical-align: top; }
    thead th, .counts th { background: #f6f8fa; }
    .counts td { text-align: right; font-variant-numeric: tabular-nums; }
    .summary { padding: .5rem .8rem; border-left: 4px solid; }
    .summary.fail { border-color: #cf222e; background: #ffebe9; }
    .summary.warn { border-color: #bf8700; background: #fff8c5; }
    .summary.pass { border-color: #1a7f37; background: #dafbe1; }
    tr.file th { background: #eaeef2; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-weight: 600; }
    .location, code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; white-space: nowrap; }
    .badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; color: #fff; font-size: .85em; font-weight: 600; }
    .badge.error { background: #cf222e; }
    .badge.warning { background: #9a6700; }
    .badge.info { background: #0969da; }
    tr.error td:first-child { border-left: 4px solid #cf222e; }
    tr.warning td:first-child { border-left: 4px solid #bf8700; }
    tr.info td:first-child { border-left: 4px solid #0969da; }
    .counts td.error { color: #cf222e; }
    .counts td.warning { color: #9a6700; }
    .counts td.info { color: #0969da; }
    .accepted { opacity: .8; }
    .detail { color: #57606a; font-size: .9em; }
    .action { color: #1a7f37; font-size: .9em; }
    .none { color: #1a7f37; }

    """
}
