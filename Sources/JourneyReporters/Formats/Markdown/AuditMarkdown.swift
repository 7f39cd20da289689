import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `audit --format markdown`: the charter audit as a wiki page or a
/// pull-request comment (GitHub-flavoured Markdown), readable without the
/// journey files open.
///
/// A title and the weights, then per segment, priority segments first: a
/// heading (brand · segment, priority badge, score), the journeys it goes
/// through, tables by channel (with its owner), by marker and by journey,
/// the marker × channel matrix (`·` where no check applied), the open gaps
/// worst first, the action plan as a numbered list per channel, and the
/// accepted gaps with their reasons. The same content as `audit` in text.
/// Every piece of text from the files is escaped (``MarkdownEscaping``).
///
/// ```markdown
/// ### Maison Aurèle · Loyal premium customers — 97.5% · ⭐ priority
///
/// Segment `maison-aurele/premium`. Score **97.5%**: 187 of 192 checks met, 5 open gaps, 1 accepted.
///
/// | Channel | Owner | Score | Checks |
/// | --- | --- | ---: | ---: |
/// | Chat (chat) | Customer care | 88.9% | 19/21 |
/// ```
public struct AuditMarkdown: Reporter {
    public init() {}

    /// Block by block into `output`: one segment's blocks at a time.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        var blocks = MarkdownBlocks(into: consume output)
        blocks.write("## \(Self.escape(AuditWording.title(audit)))")
        var context = [Self.escape("\(AuditWording.dateLine(audit.context)) · scope: \(AuditWording.scopeLine(audit))")]
        if let charters = AuditWording.chartersLine(audit.context) { context.append(Self.escape(charters)) }
        blocks.write(context.joined(separator: "  \n"))
        blocks.write(Self.escape(ReportWording.weightsLine(audit.weights)) + "  \n" + Self.escape(AuditStatus.rule))
        if audit.segments.isEmpty {
            blocks.write(Self.escape(ReportWording.nothingToAudit))
        }
        for headline in audit.brands { Self.write(headline, to: &blocks) }
        if let comparison = audit.comparison { Self.write(comparison, to: &blocks) }
        for segment in audit.segments {
            Self.write(segment, to: &blocks)
        }
        output = blocks.finish()
    }

    /// A brand's status, its segments and the top actions across them.
    static func write(_ headline: BrandHeadline, to blocks: inout MarkdownBlocks) {
        blocks.write("### \(escape(headline.brandName)): \(statusIcon(headline.status)) \(headline.status.label)")
        blocks.write("Open gaps: \(escape(AuditWording.counts(headline.openCounts))).")
        blocks.write(table(
            title: "Segments", header: ["Segment", "Status", "Score", "Checks"], rightAligned: [2, 3],
            rows: headline.segments.map { standing in
                [escape(standing.name) + (standing.priority ? " ⭐" : ""), "\(statusIcon(standing.status)) \(standing.status.label)",
                 standing.score.formatted, ReportWording.checks(standing.score)]
            }
        ))
        guard !headline.actions.isEmpty else { return }
        var lines = ["#### Top actions across segments", ""]
        for (index, action) in headline.actions.prefix(AuditWording.topActionCount).enumerated() {
            lines.append("\(index + 1). \(ReportWording.severityWithIcon(action.severity)) **\(escape(action.item.action))** — "
                + "\(escape(AuditWording.owner(action))); for \(escape(AuditWording.segments(action))) \(code(action.item.location.description, inTable: false))")
        }
        blocks.write(lines.joined(separator: "\n"))
    }

    /// Score and status changes per segment, then gaps new and fixed.
    static func write(_ comparison: AuditComparison, to blocks: inout MarkdownBlocks) {
        blocks.write("### What changed — \(escape(AuditWording.comparisonTitle(comparison)))")
        if !comparison.exactMatching { blocks.write(escape(AuditWording.looseMatching)) }
        blocks.write(table(
            title: "By segment", header: ["Segment", "Before", "Now", "Change", "Status", "New gaps", "Fixed"], rightAligned: [1, 2, 3, 5, 6],
            rows: comparison.segments.map { change in
                [code(change.label), AuditWording.percent(change.before?.score), AuditWording.percent(change.after?.score),
                 AuditWording.delta(change.scoreDelta), escape(AuditWording.statusChange(change.before, change.after)),
                 String(change.newGaps.count), String(change.fixedGaps.count)]
            }
        ))
        var lines: [String] = []
        for change in comparison.segments {
            for gap in change.newGaps { lines.append("- 🆕 \(ReportWording.severityWithIcon(gap.severity)) \(escape(gap.message)) (\(code(change.segment, inTable: false)))") }
            for gap in change.fixedGaps {
                lines.append("- ✅ fixed: \(escape(gap.message.isEmpty ? gap.marker : gap.message)) (\(code(change.segment, inTable: false)))")
            }
        }
        if !lines.isEmpty { blocks.write(lines.joined(separator: "\n")) }
    }

    /// `⛔`, `⚠️`, `🔵`, `✅`: a status at a glance.
    static func statusIcon(_ status: AuditStatus) -> String {
        switch status {
        case .broken: "⛔"
        case .atRisk: "⚠️"
        case .watch: "🔵"
        case .kept: "✅"
        }
    }

    /// A segment's blocks, each written as soon as it is made.
    static func write(_ report: SegmentReport, to blocks: inout MarkdownBlocks) {
        let badge = report.priority ? " · ⭐ priority" : ""
        blocks.write("### \(escape(report.brandName)) · \(escape(report.segmentName)) — \(report.score.formatted)\(badge)")
        blocks.write("Segment \(code(report.label, inTable: false)). Status: \(statusIcon(report.status)) **\(report.status.label)**. Score **\(report.score.formatted)**: \(escape(ReportWording.countsLine(report))).")

        if !report.journeys.isEmpty {
            var lines = ["**Journeys**", ""]
            for passage in report.journeys {
                let route = passage.touchpoints.isEmpty ? "no touchpoint" : passage.touchpoints.map(escape).joined(separator: " → ")
                lines.append("- \(escape(ReportWording.journeyLabel(passage.journey, name: passage.name))): \(route)")
                for stage in passage.kpis where !stage.kpis.isEmpty {
                    let kpis = stage.kpis.map { "\(escape($0.name)) (\($0.kind.rawValue)\($0.target.map { ", target \(escape($0))" } ?? ""))" }
                    lines.append("  - KPIs \(escape(stage.stage)): \(kpis.joined(separator: "; "))")
                }
            }
            blocks.write(lines.joined(separator: "\n"))
        }

        if !report.byChannel.isEmpty {
            blocks.write(table(
                title: "By channel", header: ["Channel", "Owner", "Status", "Score", "Checks"], rightAligned: [3, 4],
                rows: report.byChannel.map { entry in
                    [escape(ReportWording.channelLabel(entry.channel, name: entry.name)), escape(entry.owner ?? "—"),
                     "\(statusIcon(entry.status)) \(entry.status.label)", entry.score.formatted, ReportWording.checks(entry.score)]
                }
            ))
        }
        if !report.byMarker.isEmpty {
            blocks.write(table(
                title: "By marker", header: ["Marker", "Promise", "Kind", "Severity", "Status", "Score", "Checks"], rightAligned: [5, 6],
                rows: report.byMarker.map { entry in
                    [code(entry.marker), entry.title == entry.marker ? "" : escape(entry.title), entry.kind.rawValue,
                     entry.severity.rawValue, "\(statusIcon(entry.status)) \(entry.status.label)", entry.score.formatted, ReportWording.checks(entry.score)]
                }
            ))
        }
        if !report.byJourney.isEmpty {
            let names = ReportWording.journeyNames(report)
            blocks.write(table(
                title: "By journey", header: ["Journey", "Score", "Checks"], rightAligned: [1, 2],
                rows: report.byJourney.map { entry in
                    [escape(ReportWording.journeyLabel(entry.journey, name: names[entry.journey] ?? nil)), entry.score.formatted, ReportWording.checks(entry.score)]
                }
            ))
        }
        let matrix = report.matrix
        if !matrix.rows.isEmpty, !matrix.columns.isEmpty {
            blocks.write(table(
                title: "Marker × channel", header: ["Marker"] + matrix.columns.map(escape),
                rightAligned: Set(1...matrix.columns.count),
                rows: zip(matrix.rows, matrix.cells).map { row, cells in [code(row)] + cells.map(matrixCell) }
            ))
        }

        if report.gaps.isEmpty {
            blocks.write("#### Gaps\n\n✅ No open gap.")
        } else {
            writeTable(
                title: "Gaps, worst first", header: ["Severity", "Marker", "Where", "Expected", "Planned", "Location"], rows: report.gaps,
                to: &blocks
            ) { gap in
                [ReportWording.severityWithIcon(gap.severity), code(gap.marker), escape(ReportWording.place(of: gap)),
                 escape(gap.expected), escape(gap.planned), code(gap.location.description)]
            }
        }

        if !report.actions.isEmpty {
            // Line by line: a plan of many gaps is never one string.
            blocks.write("#### Action plan\n")
            for (index, group) in report.actions.enumerated() {
                let number = "\(index + 1). "
                blocks.writeLine(inBlock: number + "**\(escape(group.channelName))**" + escape(ReportWording.groupDetails(group)))
                let indent = String(repeating: " ", count: number.count)
                for item in group.items {
                    blocks.writeLine(inBlock: "\(indent)- \(ReportWording.severityWithIcon(item.severity)) \(code(item.marker, inTable: false)): \(escape(item.action)) \(code(item.location.description, inTable: false))")
                }
            }
        }

        if !report.suppressed.isEmpty {
            writeTable(title: "Accepted gaps", header: ["Marker", "Where", "Reason", "Location"], rows: report.suppressed, to: &blocks) { gap in
                [code(gap.marker), escape(ReportWording.place(of: gap)), escape(gap.suppression?.reason ?? ""), code(gap.location.description)]
            }
        }
    }

    static func matrixCell(_ score: Score) -> String {
        score.applicable == 0 ? "·" : score.formatted
    }

    static func table(title: String, header: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        MarkdownTable.titled(title, header: header, rightAligned: rightAligned, rows: rows)
    }

    /// The same table as ``table(title:header:rightAligned:rows:)``, written
    /// row by row as each is made: a table of many gaps is never one string.
    static func writeTable<Rows: Sequence>(
        title: String, header: [String], rows: Rows, to blocks: inout MarkdownBlocks, cells: (Rows.Element) -> [String]
    ) {
        blocks.write((["#### \(title)", ""] + MarkdownTable.header(header)).joined(separator: "\n"))
        for row in rows { blocks.writeLine(inBlock: MarkdownTable.row(cells(row))) }
    }

    static func escape(_ text: String) -> String { MarkdownEscaping.cell(text) }

    static func code(_ text: String, inTable: Bool = true) -> String { MarkdownEscaping.codeSpan(text, inTable: inTable) }
}
