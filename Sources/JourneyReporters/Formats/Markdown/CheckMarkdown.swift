import JSONWriter
import CharterChecker
import JourneyModel

/// `--format markdown` for `check`: a report to post as a pull-request or
/// merge-request comment (GitHub-flavoured Markdown).
///
/// A title, the summary line and a table of counts, then one section per
/// file with its open diagnostics and gaps in line order, then the accepted
/// gaps, folded in a `<details>` block with their reasons. Text from the
/// files is escaped: `|` and the characters that start inline Markdown or
/// HTML are backslash-escaped, line breaks become `<br>`.
///
/// ```markdown
/// ### `Journeys/aurele/first-purchase.journey.jsonc`
///
/// | Severity | Location | Rule | Segment | Message |
/// | --- | --- | --- | --- | --- |
/// | ⛔ error | 12:20 | `formal-address` | newcomers | welcome\-mail (email, discover) plans … |
/// ```
public struct CheckMarkdown: Reporter {
    public init() {}

    /// Row by row into `output`: nothing but one row is held as text.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        let summary = result.summary
        var blocks = MarkdownBlocks(into: consume output)
        blocks.write("## Throughline check")
        let icon = switch result.verdict {
        case .fails: "❌"
        case .passesWithFindings: "⚠️"
        case .clean: "✅"
        }
        blocks.write("\(icon) \(MarkdownEscaping.cell(ReportWording.summaryLine(summary)))")
        let counts = [summary.errors, summary.warnings, summary.infos, summary.suppressed, summary.files, summary.journeys, summary.touchpoints]
        let countsTable = MarkdownTable.header(
            ["Errors", "Warnings", "Infos", "Accepted", "Files", "Journeys", "Touchpoints"], rightAligned: Set(counts.indices)
        ) + [MarkdownTable.row(counts.map(String.init))]
        blocks.write(countsTable.joined(separator: "\n"))
        if let note = ReportWording.cutNote(result) { blocks.write("> ⚠️ \(MarkdownEscaping.cell(note))") }

        let open = FindingsByFile(result, includingAccepted: false)
        open.forEachFile { file, findings in
            let heading = [
                "### \(MarkdownEscaping.codeSpan(file, inTable: false))",
                "",
            ] + MarkdownTable.header(["Severity", "Location", "Rule", "Segment", "Message"])
            blocks.write(heading.joined(separator: "\n"))
            for finding in FindingsByFile.inLineOrder(findings) {
                let cells = [
                    ReportWording.severityWithIcon(finding.severity),
                    finding.location.position.description,
                    MarkdownEscaping.codeSpan(finding.id),
                    MarkdownEscaping.cell(finding.gap?.segment ?? ""),
                    Self.message(of: finding),
                ]
                blocks.writeLine(inBlock: MarkdownTable.row(cells))
            }
        }

        let accepted = result.suppressedGaps.map(Finding.gap)
        if !accepted.isEmpty {
            let heading = [
                "<details>",
                "<summary>\(accepted.count) accepted \(accepted.count == 1 ? "gap" : "gaps")</summary>",
                "",
            ] + MarkdownTable.header(["Location", "Rule", "Segment", "Message", "Reason"])
            blocks.write(heading.joined(separator: "\n"))
            for finding in accepted {
                blocks.writeLine(inBlock: MarkdownTable.row([
                    MarkdownEscaping.codeSpan(finding.location.description),
                    MarkdownEscaping.codeSpan(finding.id),
                    MarkdownEscaping.cell(finding.gap?.segment ?? ""),
                    Self.message(of: finding),
                    MarkdownEscaping.cell(finding.suppression?.reason ?? ""),
                ]))
            }
            blocks.writeLine(inBlock: "")
            blocks.writeLine(inBlock: "</details>")
        }
        output = blocks.finish()
    }

    /// The message, then the action that would close a gap and the related places.
    static func message(of finding: Finding) -> String {
        var text = MarkdownEscaping.cell(finding.message)
        if let action = finding.action { text += "<br>→ \(MarkdownEscaping.cell(action))" }
        for related in finding.related {
            text += "<br>↳ \(MarkdownEscaping.codeSpan(related.location.description)) \(MarkdownEscaping.cell(related.message))"
        }
        return text
    }
}
