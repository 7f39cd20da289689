import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `audit --format html`: the charter audit as one self-contained page for
/// customer-relationship directors — inline CSS, no script, nothing fetched
/// (a Content-Security-Policy says so to the browser), and laid out to print:
/// each segment starts a new page and the shading is kept on paper.
///
/// First an overview of every segment with its score, open gaps by severity
/// and accepted gaps, each linked to its section; then one section per
/// segment, priority segments first, with the same content as the Markdown
/// report: journeys, scores by channel (with its owner), marker and journey,
/// the marker × channel matrix as a heat map, the open gaps worst first, the
/// action plan per channel and the accepted gaps with their reasons.
///
/// Score cells are shaded by value, as the page's legend says: green from
/// ``goodThreshold`` (90%), amber from ``fairThreshold`` (70%), red below,
/// grey where no check applied. The shade follows the score as printed (one
/// decimal), and the value is always written too, so nothing depends on
/// colour alone. Every piece of text from the files is escaped
/// (``MarkupEscaping``); the page holds no date or path of the machine, so
/// the same audit always gives the same bytes.
public struct AuditHTML: Reporter {
    /// Scores at or above this percentage are shaded green.
    public static let goodThreshold = 90.0
    /// Scores at or above this percentage, and below ``goodThreshold``, are shaded amber; lower ones red.
    public static let fairThreshold = 70.0

    public init() {}

    /// Section by section into `output`: one segment's lines at a time.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        output.writeLines(HTMLPage.head(title: "Charter audit", style: Self.style) + [
            "<body>",
            "<h1>Charter audit</h1>",
            "<p class=\"weights\">\(Self.escape(ReportWording.weightsLine(audit.weights)))</p>",
            Self.legend,
        ])
        if audit.segments.isEmpty {
            output.writeLine("<p class=\"empty\">\(Self.escape(ReportWording.nothingToAudit))</p>")
        } else {
            output.writeLines(Self.overview(audit.segments))
            for (index, segment) in audit.segments.enumerated() {
                Self.writeSection(segment, anchor: Self.anchor(index), to: &output)
            }
        }
        output.writeLines(["</body>", "</html>"])
    }

    static let legend = "<p class=\"legend\">Score shading: "
        + "<span class=\"score good\">\(threshold(goodThreshold))% and above</span> "
        + "<span class=\"score fair\">\(threshold(fairThreshold))% to under \(threshold(goodThreshold))%</span> "
        + "<span class=\"score poor\">below \(threshold(fairThreshold))%</span> "
        + "<span class=\"score none\">· no check applies</span></p>"

    /// `segment-1`: indexes keep anchors free of anything from the files.
    static func anchor(_ index: Int) -> String { "segment-\(index + 1)" }

    static func overview(_ segments: [SegmentReport]) -> [String] {
        var html = [
            "<h2>Overview</h2>",
            "<table class=\"overview\">",
            "<thead><tr><th>Brand</th><th>Segment</th><th>Priority</th><th>Score</th><th>Checks met</th><th>Open gaps</th><th>Accepted</th></tr></thead>",
            "<tbody>",
        ]
        for (index, report) in segments.enumerated() {
            html.append("<tr>"
                + "<td>\(escape(report.brandName))</td>"
                + "<td><a href=\"#\(anchor(index))\">\(escape(report.segmentName))</a></td>"
                + "<td>\(report.priority ? priorityBadge : "")</td>"
                + scoreCell(report.score)
                + "<td class=\"num\">\(ReportWording.checks(report.score))</td>"
                + "<td>\(gapCounts(report.gaps))</td>"
                + "<td class=\"num\">\(report.suppressed.count)</td>"
                + "</tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    /// A segment's section, each part written as soon as it is made.
    static func writeSection(_ report: SegmentReport, anchor: String, to output: inout ReportOutput) {
        output.writeLines([
            "<section class=\"segment\" id=\"\(anchor)\">",
            "<h2>\(escape(report.brandName)) · \(escape(report.segmentName))"
                + (report.priority ? " \(priorityBadge)" : "")
                + " <span class=\"score headline \(band(report.score))\">\(report.score.formatted)</span></h2>",
            "<p class=\"counts\">Segment <code>\(escape(report.label))</code>. Score \(report.score.formatted): \(escape(ReportWording.countsLine(report))).</p>",
        ])

        if !report.journeys.isEmpty {
            output.writeLine("<h3>Journeys</h3>")
            output.writeLine("<ul class=\"journeys\">")
            for passage in report.journeys {
                let route = passage.touchpoints.isEmpty ? "no touchpoint" : passage.touchpoints.map { "<span class=\"touchpoint\">\(escape($0))</span>" }.joined(separator: " → ")
                output.writeLine("<li><strong>\(escape(ReportWording.journeyLabel(passage.journey, name: passage.name)))</strong>: \(route)</li>")
            }
            output.writeLine("</ul>")
        }

        if !report.byChannel.isEmpty {
            output.writeLines(table(
                title: "By channel", header: ["Channel", "Owner", "Score", "Checks"],
                rows: report.byChannel.map { entry in
                    "<td>\(escape(ReportWording.channelLabel(entry.channel, name: entry.name)))</td>"
                        + "<td>\(escape(entry.owner ?? "—"))</td>" + scoreCell(entry.score) + checksCell(entry.score)
                }
            ))
        }
        if !report.byMarker.isEmpty {
            output.writeLines(table(
                title: "By marker", header: ["Marker", "Promise", "Kind", "Severity", "Score", "Checks"],
                rows: report.byMarker.map { entry in
                    "<td><code>\(escape(entry.marker))</code></td>"
                        + "<td>\(entry.title == entry.marker ? "" : escape(entry.title))</td>"
                        + "<td>\(escape(entry.kind.rawValue))</td>"
                        + "<td>\(HTMLPage.severityBadge(entry.severity))</td>"
                        + scoreCell(entry.score) + checksCell(entry.score)
                }
            ))
        }
        if !report.byJourney.isEmpty {
            let names = ReportWording.journeyNames(report)
            output.writeLines(table(
                title: "By journey", header: ["Journey", "Score", "Checks"],
                rows: report.byJourney.map { entry in
                    "<td>\(escape(ReportWording.journeyLabel(entry.journey, name: names[entry.journey] ?? nil)))</td>"
                        + scoreCell(entry.score) + checksCell(entry.score)
                }
            ))
        }
        output.writeLines(matrix(report))

        if report.gaps.isEmpty {
            output.writeLine("<h3>Gaps</h3>")
            output.writeLine("<p class=\"clear\">No open gap.</p>")
        } else {
            output.writeLines(table(
                title: "Gaps, worst first", header: ["Severity", "Marker", "Where", "Expected", "Planned", "Location"],
                className: "gaps",
                rows: report.gaps.map { gap in
                    "<td>\(HTMLPage.severityBadge(gap.severity))</td>"
                        + "<td><code>\(escape(gap.marker))</code></td>"
                        + "<td class=\"where\">\(place(of: gap))</td>"
                        + "<td>\(escape(gap.expected))</td>"
                        + "<td>\(escape(gap.planned))</td>"
                        + "<td class=\"location\">\(location(gap.location))</td>"
                },
                rowClasses: report.gaps.map(\.severity.rawValue)
            ))
        }

        if !report.actions.isEmpty {
            output.writeLine("<h3>Action plan</h3>")
            output.writeLine("<ol class=\"actions\">")
            for group in report.actions {
                var head = "<strong>\(escape(group.channelName))</strong>"
                if let owner = group.owner { head += " — \(escape(owner))" }
                if let score = group.score { head += " · score <span class=\"score \(band(score))\">\(score.formatted)</span>" }
                output.writeLine("<li>\(head)")
                output.writeLine("<ul>")
                for item in group.items {
                    output.writeLine("<li>\(HTMLPage.severityBadge(item.severity)) <code>\(escape(item.marker))</code> \(escape(item.action))"
                        + " <span class=\"location\">\(location(item.location))</span></li>")
                }
                output.writeLine("</ul>")
                output.writeLine("</li>")
            }
            output.writeLine("</ol>")
        }

        if !report.suppressed.isEmpty {
            output.writeLines(table(
                title: "Accepted gaps", header: ["Marker", "Where", "Reason", "Location"], className: "accepted",
                rows: report.suppressed.map { gap in
                    "<td><code>\(escape(gap.marker))</code></td>"
                        + "<td class=\"where\">\(place(of: gap))</td>"
                        + "<td>\(escape(gap.suppression?.reason ?? ""))</td>"
                        + "<td class=\"location\">\(location(gap.location))</td>"
                }
            ))
        }
        output.writeLine("</section>")
    }

    /// The marker × channel heat map: one shaded cell per marker and channel,
    /// `·` on grey where no check applied; hovering a cell gives its counts.
    static func matrix(_ report: SegmentReport) -> [String] {
        let matrix = report.matrix
        guard !matrix.rows.isEmpty, !matrix.columns.isEmpty else { return [] }
        let channelNames = Dictionary(report.byChannel.map { ($0.channel, $0.name) }, uniquingKeysWith: { first, _ in first })
        let markerTitles = Dictionary(report.byMarker.map { ($0.marker, $0.title) }, uniquingKeysWith: { first, _ in first })
        let headers = matrix.columns.map { column in
            let name = column == ScoreMatrix.noChannel ? "checks about no single channel" : channelNames[column] ?? column
            return "<th title=\"\(attribute(name))\">\(escape(column))</th>"
        }
        var html = [
            "<h3>Marker × channel</h3>",
            "<table class=\"matrix\">",
            "<thead><tr><th>Marker</th>" + headers.joined() + "</tr></thead>",
            "<tbody>",
        ]
        for (row, cells) in zip(matrix.rows, matrix.cells) {
            let title = markerTitles[row] ?? row
            let cellsHTML = zip(matrix.columns, cells).map { column, score in
                guard score.applicable > 0 else { return "<td class=\"score none\">·</td>" }
                let hint = "\(row) × \(column): \(score.met) of \(ReportWording.plural(score.applicable, "check")) met"
                return "<td class=\"score \(band(score))\" title=\"\(attribute(hint))\">\(score.formatted)</td>"
            }
            let titleAttribute = title == row ? "" : " title=\"\(attribute(title))\""
            html.append("<tr><th\(titleAttribute)><code>\(escape(row))</code></th>" + cellsHTML.joined() + "</tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    static func table(title: String, header: [String], className: String? = nil, rows: [String], rowClasses: [String]? = nil) -> [String] {
        var html = [
            "<h3>\(escape(title))</h3>",
            "<table\(className.map { " class=\"\($0)\"" } ?? "")>",
            "<thead><tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>",
            "<tbody>",
        ]
        for (index, row) in rows.enumerated() {
            let rowClass = rowClasses.map { " class=\"\($0[index])\"" } ?? ""
            html.append("<tr\(rowClass)>\(row)</tr>")
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    /// `journey/touchpoint`, then channel and stage on a line of their own.
    static func place(of gap: DescribedGap) -> String {
        let place = ReportWording.route(of: gap).map(escape).joined(separator: "/<wbr>")
        let context = ReportWording.context(of: gap)
        return context.isEmpty ? place : "\(place)<br><span class=\"detail\">\(escape(context))</span>"
    }

    /// `file:line:column`, with a line-break opportunity after each `/`.
    static func location(_ location: SourceLocation) -> String {
        escape(location.description).split(separator: "/", omittingEmptySubsequences: false).joined(separator: "/<wbr>")
    }

    /// `good`, `fair`, `poor`, or `none` when no check applied.
    static func band(_ score: Score) -> String {
        guard let percent = score.percent else { return "none" }
        if percent >= goodThreshold { return "good" }
        if percent >= fairThreshold { return "fair" }
        return "poor"
    }

    static func scoreCell(_ score: Score) -> String {
        "<td class=\"score \(band(score))\">\(score.formatted)</td>"
    }

    static func checksCell(_ score: Score) -> String {
        "<td class=\"num\">\(ReportWording.checks(score))</td>"
    }

    static let priorityBadge = "<span class=\"badge priority\">priority</span>"

    /// `1 error`, `3 warnings`… as badges, worst first; `0` when none.
    static func gapCounts(_ gaps: [DescribedGap]) -> String {
        let parts = [Severity.error, .warning, .info].compactMap { severity -> String? in
            let count = gaps.filter { $0.severity == severity }.count
            guard count > 0 else { return nil }
            let noun = severity == .info ? "info" : (count == 1 ? severity.rawValue : "\(severity.rawValue)s")
            return "<span class=\"badge \(severity.rawValue)\">\(count) \(noun)</span>"
        }
        return parts.isEmpty ? "0" : parts.joined(separator: " ")
    }

    static func threshold(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(value)"
    }

    static func escape(_ text: String) -> String { MarkupEscaping.text(text) }

    static func attribute(_ text: String) -> String { MarkupEscaping.attribute(text) }

    static let style = """
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1f2328; margin: 2rem; max-width: 72rem; }
    h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
    h2 { font-size: 1.3rem; margin: 2.5rem 0 .4rem; padding-bottom: .3rem; border-bottom: 1px solid #d0d7de; }
    h3 { font-size: 1.02rem; margin: 1.4rem 0 .4rem; }
    table { border-collapse: collapse; margin: .4rem 0; }
    th, td { border: 1px solid #d0d7de; padding: .25rem .55rem; text-align: left; vertical-align: top; }
    thead th { background: #f6f8fa; }
    tbody th { font-weight: normal; }
    a { color: #0969da; }
    code, .location { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .88em; }
    .location { color: #57606a; overflow-wrap: anywhere; }
    td.location { min-width: 11rem; }
    td.where { min-width: 8rem; }
    .detail { color: #57606a; font-size: .9em; }
    .num, .score { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .score.good { background: #d2f4dc; color: #0f5323; }
    .score.fair { background: #fff1b8; color: #6a4300; }
    .score.poor { background: #ffd8d3; color: #8f0b1f; font-weight: 600; }
    .score.none { background: #f6f8fa; color: #8c959f; }
    span.score { display: inline-block; padding: 0 .4rem; border-radius: .3rem; }
    .score.headline { font-size: 1.1rem; padding: .05rem .5rem; margin-left: .3rem; }
    td code, th code, .touchpoint { white-space: nowrap; }
    .matrix td, .matrix thead th { text-align: center; min-width: 2.8rem; vertical-align: middle; }
    .matrix tbody th { vertical-align: middle; }
    .matrix td.score { border-color: #fff; }
    .badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; color: #fff; font-size: .8em; font-weight: 600; white-space: nowrap; vertical-align: middle; }
    .badge.error { background: #cf222e; }
    .badge.warning { background: #9a6700; }
    .badge.info { background: #0969da; }
    .badge.priority { background: #8250df; }
    tr.error td:first-child { border-left: 4px solid #cf222e; }
    tr.warning td:first-child { border-left: 4px solid #bf8700; }
    tr.info td:first-child { border-left: 4px solid #0969da; }
    .weights, .counts { color: #424a53; }
    .legend span { margin-right: .3rem; }
    .journeys li { margin: .15rem 0; }
    .actions > li { margin: .5rem 0; }
    .actions ul { margin: .2rem 0; padding-left: 1.2rem; list-style: none; }
    .actions ul li { margin: .15rem 0; }
    .accepted { color: #424a53; }
    .clear, .empty { color: #1a7f37; }
    * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    @media print {
      body { margin: 0; font-size: 10.5pt; max-width: none; }
      a { color: inherit; text-decoration: none; }
      section.segment { break-before: page; }
      h2, h3 { break-after: avoid; }
      tr, li { break-inside: avoid; }
      .matrix { break-inside: avoid; }
    }

    """
}
