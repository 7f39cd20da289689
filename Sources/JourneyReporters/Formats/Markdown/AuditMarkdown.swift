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
        blocks.write("## Charter audit")
        blocks.write(Self.escape(Self.weightsLine(audit.weights)))
        if audit.segments.isEmpty {
            blocks.write(Self.escape(Self.emptyLine))
        }
        for segment in audit.segments {
            Self.write(segment, to: &blocks)
        }
        output = blocks.finish()
    }

    /// A segment's blocks, each written as soon as it is made.
    static func write(_ report: SegmentReport, to blocks: inout MarkdownBlocks<ReportOutput>) {
        let badge = report.priority ? " · ⭐ priority" : ""
        blocks.write("### \(escape(report.brandName)) · \(escape(report.segmentName)) — \(report.score.formatted)\(badge)")
        blocks.write("Segment \(code(report.label, inTable: false)). Score **\(report.score.formatted)**: \(escape(countsLine(report))).")

        if !report.journeys.isEmpty {
            var lines = ["**Journeys**", ""]
            for passage in report.journeys {
                let route = passage.touchpoints.isEmpty ? "no touchpoint" : passage.touchpoints.map(escape).joined(separator: " → ")
                lines.append("- \(escape(journeyLabel(passage.journey, name: passage.name))): \(route)")
            }
            blocks.write(lines.joined(separator: "\n"))
        }

        if !report.byChannel.isEmpty {
            blocks.write(table(
                title: "By channel", header: ["Channel", "Owner", "Score", "Checks"], rightAligned: [2, 3],
                rows: report.byChannel.map { entry in
                    [escape(channelLabel(entry.channel, name: entry.name)), escape(entry.owner ?? "—"), entry.score.formatted, checks(entry.score)]
                }
            ))
        }
        if !report.byMarker.isEmpty {
            blocks.write(table(
                title: "By marker", header: ["Marker", "Promise", "Kind", "Severity", "Score", "Checks"], rightAligned: [4, 5],
                rows: report.byMarker.map { entry in
                    [code(entry.marker), entry.title == entry.marker ? "" : escape(entry.title), entry.kind.rawValue,
                     entry.severity.rawValue, entry.score.formatted, checks(entry.score)]
                }
            ))
        }
        if !report.byJourney.isEmpty {
            let names = journeyNames(report)
            blocks.write(table(
                title: "By journey", header: ["Journey", "Score", "Checks"], rightAligned: [1, 2],
                rows: report.byJourney.map { entry in
                    [escape(journeyLabel(entry.journey, name: names[entry.journey] ?? nil)), entry.score.formatted, checks(entry.score)]
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
            blocks.write(table(
                title: "Gaps, worst first", header: ["Severity", "Marker", "Where", "Expected", "Planned", "Location"], rightAligned: [],
                rows: report.gaps.map { gap in
                    [CheckMarkdown.severityLabel(gap.severity), code(gap.marker), escape(place(of: gap)),
                     escape(gap.expected), escape(gap.planned), code(gap.location.description)]
                }
            ))
        }

        if !report.actions.isEmpty {
            var lines = ["#### Action plan", ""]
            for (index, group) in report.actions.enumerated() {
                let number = "\(index + 1). "
                lines.append(number + "**\(escape(group.channelName))**" + escape(groupDetails(group)))
                let indent = String(repeating: " ", count: number.count)
                for item in group.items {
                    lines.append("\(indent)- \(CheckMarkdown.severityLabel(item.severity)) \(code(item.marker, inTable: false)): \(escape(item.action)) \(code(item.location.description, inTable: false))")
                }
            }
            blocks.write(lines.joined(separator: "\n"))
        }

        if !report.suppressed.isEmpty {
            blocks.write(table(
                title: "Accepted gaps", header: ["Marker", "Where", "Reason", "Location"], rightAligned: [],
                rows: report.suppressed.map { gap in
                    [code(gap.marker), escape(place(of: gap)), escape(gap.suppression?.reason ?? ""), code(gap.location.description)]
                }
            ))
        }
    }

    // MARK: - Wording shared by the audit formats (plain text, not escaped)

    static func weightsLine(_ weights: SeverityWeights) -> String {
        "Score = checks met over checks applicable, weighted by severity (error \(weights.error), warning \(weights.warning), info \(weights.info))."
    }

    static let emptyLine = "No segment goes through any journey: nothing to audit."

    /// `187 of 192 checks met, 5 open gaps, 1 accepted`
    static func countsLine(_ report: SegmentReport) -> String {
        let gaps = report.gaps.count
        let accepted = report.suppressed.isEmpty ? "" : ", \(report.suppressed.count) accepted"
        return "\(report.score.met) of \(report.score.applicable) checks met, \(gaps) open gap\(gaps == 1 ? "" : "s")\(accepted)"
    }

    /// `Chat (chat)`, or the id alone when the channel has no other name.
    static func channelLabel(_ id: String, name: String) -> String {
        name.isEmpty || name == id ? id : "\(name) (\(id))"
    }

    /// `Care and repair (care-and-repair)`, or the id alone.
    static func journeyLabel(_ id: String, name: String?) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    static func journeyNames(_ report: SegmentReport) -> [String: String?] {
        Dictionary(report.journeys.map { ($0.journey, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// ` — Customer care · score 88.9%`: what follows a group's channel name.
    static func groupDetails(_ group: ActionGroup) -> String {
        (group.owner.map { " — \($0)" } ?? "") + (group.score.map { " · score \($0.formatted)" } ?? "")
    }

    /// `care-and-repair/care-chat (chat, support)`
    static func place(of gap: DescribedGap) -> String {
        let place = [gap.journey, gap.touchpoint].compactMap { $0 }.joined(separator: "/")
        let context = [gap.channel, gap.stage].compactMap { $0 }.joined(separator: ", ")
        return context.isEmpty ? place : "\(place) (\(context))"
    }

    /// `19/21`
    static func checks(_ score: Score) -> String {
        "\(score.met)/\(score.applicable)"
    }

    // MARK: - Markdown

    static func matrixCell(_ score: Score) -> String {
        score.applicable == 0 ? "·" : score.formatted
    }

    static func table(title: String, header: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        var lines = ["#### \(title)", "", CheckMarkdown.row(header)]
        lines.append("| " + header.indices.map { rightAligned.contains($0) ? "---:" : "---" }.joined(separator: " | ") + " |")
        lines += rows.map(CheckMarkdown.row)
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String { MarkdownEscaping.cell(text) }

    static func code(_ text: String, inTable: Bool = true) -> String { MarkdownEscaping.codeSpan(text, inTable: inTable) }
}
