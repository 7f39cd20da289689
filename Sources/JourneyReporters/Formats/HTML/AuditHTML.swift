import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `audit --format html`: the director's report, one self-contained page
/// to read on a laptop or print for a committee — inline CSS and SVG, no
/// script, nothing fetched (a Content-Security-Policy says so to the
/// browser), readable from `file://` with JavaScript off.
///
/// In order:
/// - the title with the brands, the date of the data, the scope and the
///   charter versions;
/// - per brand, its headline: status, open gaps by severity, its segments,
///   the most serious breaches and the top actions across segments (one
///   action for a fix several segments need);
/// - the legend: how status is decided (severity first, score second) and
///   what the colours, patterns and words mean;
/// - with `--compare`, what changed since the previous audit;
/// - per segment, priority segments first: its status, each journey as a
///   swimlane (stages as columns, channels as lanes, touchpoints as boxes
///   coloured by their worst open gap and linked to it, handoffs as
///   arrows) with the KPIs of each stage, the marker × channel heat map
///   with marker and channel scores (worst first on both axes), the gaps
///   with their actions grouped by channel owner, and the accepted gaps.
///
/// Status, not score, decides colour: an open error-level gap reads
/// "charter broken" at 97%. Every state is also written in words and
/// marked by a pattern, so nothing depends on colour alone and the page
/// prints in greyscale. Every piece of text from the files is escaped
/// (``MarkupEscaping``); ids and anchors are made from positions. The page
/// holds no clock time or path of the machine: the same audit gives the
/// same bytes.
public struct AuditHTML: Reporter {
    public init() {}

    /// Part by part into `output`: one brand's headline or one segment's section at a time.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        output.writeLines(HTMLPage.head(title: AuditWording.title(audit), style: Self.style) + ["<body>", SwimlaneSVG.definitions])
        output.writeLines(Self.header(audit))
        if audit.segments.isEmpty {
            output.writeLine("<p class=\"empty\">\(Self.escape(ReportWording.nothingToAudit))</p>")
        } else {
            let anchors = Self.segmentAnchors(audit.segments)
            output.writeLine("<section class=\"overview\">")
            output.writeLines(Self.legend)
            for (index, headline) in audit.brands.enumerated() {
                output.writeLines(Self.headline(headline, index: index, anchors: anchors))
            }
            output.writeLine("</section>")
            if let comparison = audit.comparison { output.writeLines(Self.comparison(comparison, anchors: anchors)) }
            for (index, segment) in audit.segments.enumerated() {
                Self.writeSection(segment, index: index, to: &output)
            }
        }
        output.writeLines(["</body>", "</html>"])
    }

    // MARK: - Title and context

    static func header(_ audit: AuditReport) -> [String] {
        var lines = [
            "<header class=\"report-head\">",
            "<p class=\"kicker\">Relational identity charter · audit report</p>",
            "<h1>\(escape(AuditWording.title(audit)))</h1>",
            "<p class=\"context\"><span class=\"date\">\(escape(AuditWording.dateLine(audit.context)))</span>"
                + " · <span class=\"scope\">Scope: \(escape(AuditWording.scopeLine(audit)))</span></p>",
        ]
        if let charters = AuditWording.chartersLine(audit.context) {
            lines.append("<p class=\"context charters\">\(escape(charters))</p>")
        }
        lines.append("<p class=\"context weights\">\(escape(ReportWording.weightsLine(audit.weights)))</p>")
        lines.append("</header>")
        return lines
    }

    /// `segment-1`…, by label: indexes keep anchors free of anything from the files.
    static func segmentAnchors(_ segments: [SegmentReport]) -> [String: String] {
        Dictionary(segments.enumerated().map { ($1.label, anchor($0)) }, uniquingKeysWith: { first, _ in first })
    }

    static func anchor(_ index: Int) -> String { "segment-\(index + 1)" }

    // MARK: - Headline

    static func headline(_ headline: BrandHeadline, index: Int, anchors: [String: String]) -> [String] {
        var html = [
            "<section class=\"brand-headline\" id=\"brand-\(index + 1)\" data-brand=\"\(attribute(headline.brand))\" data-status=\"\(headline.status.rawValue)\">",
            "<h2>\(escape(headline.brandName)) \(statusBadge(headline.status))</h2>",
            "<div class=\"headline-top\">",
            "<div class=\"tiles\">"
                + tile(headline.openCounts.errors, "error", headline.openCounts.errors == 1 ? "error-level gap" : "error-level gaps")
                + tile(headline.openCounts.warnings, "warning", headline.openCounts.warnings == 1 ? "warning" : "warnings")
                + tile(headline.openCounts.infos, "info", "info")
                + tile(headline.segments.filter { $0.status == .broken }.count, "broken-count", "of \(headline.segments.count) segments broken")
                + "</div>",
            "<table class=\"standings\">",
            "<thead><tr><th>Segment</th><th>Status</th><th class=\"num\">Score</th><th class=\"num\">Checks met</th></tr></thead>",
            "<tbody>",
        ]
        for standing in headline.segments {
            let link = anchors["\(headline.brand)/\(standing.segment)"].map { "<a href=\"#\($0)\">\(escape(standing.name))</a>" } ?? escape(standing.name)
            html.append("<tr class=\"status-\(standing.status.rawValue)\" data-segment=\"\(attribute(standing.segment))\" data-status=\"\(standing.status.rawValue)\">"
                + "<td>\(link)\(standing.priority ? " \(priorityBadge)" : "")</td>"
                + "<td>\(statusBadge(standing.status))</td>"
                + "<td class=\"num\">\(standing.score.formatted)</td>"
                + "<td class=\"num\">\(ReportWording.checks(standing.score))</td></tr>")
        }
        html += ["</tbody>", "</table>", "</div>"]
        if headline.actions.isEmpty {
            html.append("<p class=\"clear\">No open gap: every segment lives the charter as planned.</p>")
        } else {
            html.append("<div class=\"headline-lists\">")
            html.append("<div><h3>Most serious breaches</h3>")
            html.append("<ol class=\"breaches\">")
            for action in headline.breaches {
                html.append("<li class=\"\(action.severity.rawValue)\">\(HTMLPage.severityBadge(action.severity)) \(escape(action.item.gap.message))"
                    + " <span class=\"who\">\(escape(AuditWording.segments(action)))</span>"
                    + " <span class=\"location\">\(location(action.item.location))</span></li>")
            }
            html.append("</ol></div>")
            html.append("<div><h3>Top actions across segments</h3>")
            html.append("<ol class=\"top-actions\">")
            for action in headline.actions.prefix(AuditWording.topActionCount) {
                let segments = action.segments.count > 1 ? "for \(action.segments.count) segments: " : "for "
                html.append("<li class=\"\(action.severity.rawValue)\" data-segments=\"\(action.segments.count)\">\(HTMLPage.severityBadge(action.severity)) "
                    + "<strong>\(escape(action.item.action))</strong>"
                    + "<br><span class=\"who\">\(escape(AuditWording.owner(action))) · \(escape(segments + AuditWording.segments(action)))</span></li>")
            }
            html.append("</ol>")
            let more = headline.actions.count - min(headline.actions.count, AuditWording.topActionCount)
            if more > 0 {
                html.append("<p class=\"more\">\(escape(ReportWording.plural(more, "more action"))) in the segments' plans below.</p>")
            }
            html.append("</div></div>")
        }
        html.append("</section>")
        return html
    }

    static func tile(_ count: Int, _ kind: String, _ label: String) -> String {
        "<div class=\"tile \(kind)\(count == 0 ? " zero" : "")\"><span class=\"count\">\(count)</span> <span class=\"label\">\(escape(label))</span></div>"
    }

    static let legend = [
        "<div class=\"legend\">",
        "<p><strong>How to read it.</strong> \(escape(AuditStatus.rule))</p>",
        "<p class=\"keys\">"
            + AuditStatus.allCases.map(statusBadge).joined(separator: " ")
            + " · Swimlane boxes: <span class=\"key error\">!! error</span> <span class=\"key warning\">! warning</span>"
            + " <span class=\"key info\">i info</span> <span class=\"key accepted\">✓ accepted</span> <span class=\"key clear\">no gap</span>"
            + " · a flagged arrow is a handoff gap · heat map cells: status shade, score written, <span class=\"key none\">·</span> no check applies</p>",
        "</div>",
    ]

    // MARK: - Comparison

    static func comparison(_ comparison: AuditComparison, anchors: [String: String]) -> [String] {
        var html = [
            "<section class=\"comparison\" id=\"comparison\">",
            "<h2>What changed — \(escape(AuditWording.comparisonTitle(comparison)))</h2>",
        ]
        if !comparison.exactMatching { html.append("<p class=\"note\">\(escape(AuditWording.looseMatching))</p>") }
        html += [
            "<table class=\"changes\">",
            "<thead><tr><th>Segment</th><th class=\"num\">Before</th><th class=\"num\">Now</th><th class=\"num\">Change</th><th>Status</th><th class=\"num\">New gaps</th><th class=\"num\">Fixed</th></tr></thead>",
            "<tbody>",
        ]
        for change in comparison.segments {
            let name = anchors[change.label].map { "<a href=\"#\($0)\">\(escape(change.name))</a>" } ?? escape(change.name)
            html.append("<tr data-segment=\"\(attribute(change.label))\"><td>\(name) <span class=\"detail\">\(escape(change.label))</span></td>"
                + "<td class=\"num\">\(escape(AuditWording.percent(change.before?.score)))</td>"
                + "<td class=\"num\">\(escape(AuditWording.percent(change.after?.score)))</td>"
                + "<td class=\"num delta\(deltaClass(change.scoreDelta))\">\(escape(AuditWording.delta(change.scoreDelta)))</td>"
                + "<td>\(escape(AuditWording.statusChange(change.before, change.after)))</td>"
                + "<td class=\"num\">\(change.newGaps.count)</td><td class=\"num\">\(change.fixedGaps.count)</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        let moved = comparison.segments.filter { !$0.channels.isEmpty || !$0.markers.isEmpty }
        if !moved.isEmpty {
            html.append("<h3>Channels and markers that moved</h3>")
            html.append("<ul class=\"moved\">")
            for change in moved {
                let entries = (change.channels.map { ("channel", $0) } + change.markers.map { ("marker", $0) }).map { kind, entry in
                    "\(kind) \(entry.key) \(AuditWording.percent(entry.before?.score)) → \(AuditWording.percent(entry.after?.score)) (\(AuditWording.statusChange(entry.before, entry.after)))"
                }
                html.append("<li><strong>\(escape(change.name))</strong>: \(escape(entries.joined(separator: "; ")))</li>")
            }
            html.append("</ul>")
        }
        let new = comparison.segments.flatMap { change in change.newGaps.map { (change, $0) } }
        let fixed = comparison.segments.flatMap { change in change.fixedGaps.map { (change, $0) } }
        html.append("<div class=\"two-columns\">")
        html.append("<div><h3>New since then</h3>")
        if new.isEmpty {
            html.append("<p class=\"clear\">No new gap.</p>")
        } else {
            html.append("<ul class=\"new-gaps\">")
            for (change, gap) in new {
                html.append("<li>\(HTMLPage.severityBadge(gap.severity)) \(escape(gap.message)) <span class=\"who\">\(escape(change.segment))</span></li>")
            }
            html.append("</ul>")
        }
        html.append("</div><div><h3>Fixed since then</h3>")
        if fixed.isEmpty {
            html.append("<p class=\"none\">No gap fixed.</p>")
        } else {
            html.append("<ul class=\"fixed-gaps\">")
            for (change, gap) in fixed {
                let severity = gap.severity.map { HTMLPage.severityBadge($0) + " " } ?? ""
                let text = gap.message.isEmpty ? "\(gap.marker) at \(gap.journey)/\(gap.touchpoint ?? "—")" : gap.message
                html.append("<li>\(severity)<span class=\"fixed\">✓ fixed</span> \(escape(text)) <span class=\"who\">\(escape(change.segment))</span></li>")
            }
            html.append("</ul>")
        }
        html += ["</div></div>", "</section>"]
        return html
    }

    static func deltaClass(_ delta: Double?) -> String {
        guard let delta, delta != 0 else { return "" }
        return delta > 0 ? " up" : " down"
    }

    // MARK: - Segment

    /// A segment's section, each part written as soon as it is made.
    static func writeSection(_ report: SegmentReport, index: Int, to output: inout ReportOutput) {
        let prefix = "s\(index + 1)"
        output.writeLines([
            "<section class=\"segment status-\(report.status.rawValue)\" id=\"\(anchor(index))\" data-segment=\"\(attribute(report.label))\" data-status=\"\(report.status.rawValue)\">",
            "<h2><span class=\"brand-name\">\(escape(report.brandName))</span> · \(escape(report.segmentName))"
                + (report.priority ? " \(priorityBadge)" : "") + " \(statusBadge(report.status))"
                + " <span class=\"headline-score\">\(report.score.formatted)</span></h2>",
            "<p class=\"counts\">Segment <code>\(escape(report.label))</code> · \(escape(ReportWording.countsLine(report)))"
                + " · open: \(escape(AuditWording.counts(report.openCounts)))</p>",
        ])

        // Where each touchpoint's first gap row is, for the boxes' links.
        var gapAnchors: [Spot: String] = [:]
        for (row, gap) in report.gaps.enumerated() {
            let key = Spot(journey: gap.journey, touchpoint: gap.touchpoint ?? "")
            if gapAnchors[key] == nil { gapAnchors[key] = "\(prefix)-gap-\(row + 1)" }
        }
        var acceptedAnchors: [Spot: String] = [:]
        for (row, gap) in report.suppressed.enumerated() {
            let key = Spot(journey: gap.journey, touchpoint: gap.touchpoint ?? "")
            if acceptedAnchors[key] == nil { acceptedAnchors[key] = "\(prefix)-accepted-\(row + 1)" }
        }
        let journeyScores = Dictionary(report.byJourney.map { ($0.journey, $0) }, uniquingKeysWith: { first, _ in first })
        for passage in report.journeys {
            var lines = ["<figure class=\"journey\" data-journey=\"\(attribute(passage.journey))\">"]
            let score = journeyScores[passage.journey]
            lines.append("<figcaption><strong>\(escape(ReportWording.journeyLabel(passage.journey, name: passage.name)))</strong>"
                + (score.map { " \(statusBadge($0.status)) <span class=\"num\">\($0.score.formatted)</span>" } ?? "")
                + " <span class=\"detail\">\(escape(ReportWording.plural(passage.steps.count, "touchpoint"))) · \(escape(passage.file))</span></figcaption>")
            if passage.steps.isEmpty {
                lines.append("<p class=\"none\">No touchpoint for this segment.</p>")
            } else {
                let svg = SwimlaneSVG.svg(passage, title: "Swimlane of \(passage.journey) for \(report.label)") { step in
                    let key = Spot(journey: passage.journey, touchpoint: step.touchpoint)
                    return gapAnchors[key] ?? acceptedAnchors[key]
                }
                lines.append("<div class=\"lane-scroll\">\(svg)</div>")
            }
            if !passage.kpis.isEmpty {
                lines.append("<dl class=\"kpis\">")
                for stage in passage.kpis {
                    let items = stage.kpis.map { kpi in
                        "<span class=\"kpi \(kpi.kind.rawValue)\">\(escape(kpi.name))"
                            + " <span class=\"kind\">\(kpi.kind == .quantitative ? "quant." : "qual.")</span>"
                            + (kpi.target.map { " <span class=\"target\">target \(escape($0))</span>" } ?? "") + "</span>"
                    }
                    lines.append("<div><dt>\(escape(stage.stage))</dt><dd>\(items.isEmpty ? "none declared" : items.joined(separator: "; "))</dd></div>")
                }
                lines.append("</dl>")
            }
            lines.append("</figure>")
            output.writeLines(lines)
        }

        output.writeLines(matrix(report))
        writeGapsByOwner(report, prefix: prefix, to: &output)

        if !report.suppressed.isEmpty {
            output.writeLine("<h3>Accepted gaps</h3>")
            output.writeLine("<table class=\"accepted\"><thead><tr><th>Marker</th><th>Where</th><th>Reason</th><th>Location</th></tr></thead><tbody>")
            for (row, gap) in report.suppressed.enumerated() {
                output.writeLine("<tr id=\"\(prefix)-accepted-\(row + 1)\"><td><code>\(escape(gap.marker))</code></td>"
                    + "<td class=\"where\">\(place(of: gap))</td>"
                    + "<td>\(escape(gap.suppression?.reason ?? ""))</td>"
                    + "<td class=\"location\">\(location(gap.location))</td></tr>")
            }
            output.writeLine("</tbody></table>")
        }
        output.writeLine("</section>")
    }

    /// The marker × channel heat map, worst first on both axes: each row
    /// with its marker's severity and score, a last row with each
    /// channel's score; cells shaded by status, `·` where no check applied.
    static func matrix(_ report: SegmentReport) -> [String] {
        let matrix = report.matrix
        guard !matrix.rows.isEmpty, !matrix.columns.isEmpty else { return [] }
        let channels = Dictionary(report.byChannel.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
        let markers = Dictionary(report.byMarker.map { ($0.marker, $0) }, uniquingKeysWith: { first, _ in first })
        let headers = matrix.columns.map { column in
            let name = column == ScoreMatrix.noChannel ? "checks about no single channel" : channels[column].map { ReportWording.channelLabel($0.channel, name: $0.name) } ?? column
            return "<th class=\"channel\" title=\"\(attribute(name))\"><span>\(escape(column))</span></th>"
        }
        var html = [
            "<h3>Marker × channel</h3>",
            "<div class=\"table-scroll\"><table class=\"matrix\">",
            "<thead><tr><th>Marker</th><th>Severity</th><th class=\"num\">Score</th>" + headers.joined() + "</tr></thead>",
            "<tbody>",
        ]
        // Markers kept on every channel: a printed page names them in one row.
        var kept: [String] = []
        for (row, marker) in matrix.rows.enumerated() {
            let entry = markers[marker]
            let cells = matrix.columns.indices.map { column -> String in
                let score = matrix.cells[row][column]
                guard let status = matrix.status(row: row, column: column) else { return "<td class=\"cell none\">·</td>" }
                let hint = "\(marker) × \(matrix.columns[column]): \(score.met) of \(ReportWording.plural(score.applicable, "check")) met — \(status.label)"
                return "<td class=\"cell status-\(status.rawValue)\" title=\"\(attribute(hint))\" data-status=\"\(status.rawValue)\">\(status == .kept ? "" : "\(glyph(status)) ")\(score.formatted)</td>"
            }
            let title = entry.map { $0.title == $0.marker ? "" : " title=\"\(attribute($0.title))\"" } ?? ""
            let allKept = entry?.status == .kept && matrix.columns.indices.allSatisfy { matrix.status(row: row, column: $0) != .broken && matrix.status(row: row, column: $0) != .atRisk && matrix.status(row: row, column: $0) != .watch }
            if allKept { kept.append(marker) }
            html.append("<tr data-marker=\"\(attribute(marker))\"\(allKept ? " class=\"all-kept\"" : "")><th\(title)><code>\(escape(marker))</code></th>"
                + "<td>\(HTMLPage.severityBadge(matrix.severities[row]))</td>"
                + "<td class=\"num status-text-\(entry?.status.rawValue ?? "kept")\">\(entry?.score.formatted ?? "n/a")</td>"
                + cells.joined() + "</tr>")
        }
        let footer = matrix.columns.map { column -> String in
            guard let channel = channels[column] else { return "<td class=\"cell none\">·</td>" }
            return "<td class=\"cell total status-\(channel.status.rawValue)\" title=\"\(attribute("\(channel.name)\(channel.owner.map { " — \($0)" } ?? ""): \(channel.status.label)"))\">\(channel.status == .kept ? "" : "\(glyph(channel.status)) ")\(channel.score.formatted)</td>"
        }
        if !kept.isEmpty {
            html.append("<tr class=\"kept-summary\"><td colspan=\"\(matrix.columns.count + 3)\">✓ \(escape(ReportWording.plural(kept.count, "marker"))) kept on every channel: "
                + kept.map { "<code>\(escape($0))</code>" }.joined(separator: ", ") + "</td></tr>")
        }
        html.append("<tr class=\"totals\"><th colspan=\"3\">Channel score</th>\(footer.joined())</tr>")
        html += ["</tbody>", "</table></div>"]
        return html
    }

    /// The open gaps with what to do, grouped by channel and its owner,
    /// worst first: each group's heading, then one row per gap, each
    /// written as it is made.
    static func writeGapsByOwner(_ report: SegmentReport, prefix: String, to output: inout ReportOutput) {
        guard !report.gaps.isEmpty else { return output.writeLines(["<h3>Gaps and actions</h3>", "<p class=\"clear\">No open gap.</p>"]) }
        // Rows keep the numbering of the gap list, which the boxes link to.
        var rows = GapRows(report.gaps)
        output.writeLines([
            "<h3>Gaps and actions, by owner</h3>",
            "<table class=\"gaps\">",
            "<thead><tr><th>Severity</th><th>Where</th><th>Expected → planned</th><th>Action</th></tr></thead>",
        ])
        var used = Set<Int>()
        for group in report.actions {
            var head = "<strong>\(escape(group.channelName))</strong>"
            if let owner = group.owner { head += " — \(escape(owner))" }
            if let score = group.score { head += " · score \(score.formatted)" }
            output.writeLine("<tbody class=\"group\"><tr class=\"group-head\"><th colspan=\"4\">\(head)</th></tr>")
            for item in group.items {
                var id = ""
                let gap = item.gap
                if let row = rows.row(of: gap), used.insert(row).inserted { id = " id=\"\(prefix)-gap-\(row)\"" }
                output.writeLine("<tr class=\"\(gap.severity.rawValue)\"\(id)><td>\(HTMLPage.severityBadge(gap.severity))<br><code>\(escape(gap.marker))</code></td>"
                    + "<td class=\"where\">\(place(of: gap))<br><span class=\"location\">\(location(gap.location))</span></td>"
                    + "<td>\(escape(gap.expected)) <span class=\"arrow\">→</span> <em>\(escape(gap.planned))</em></td>"
                    + "<td>\(escape(item.action))</td></tr>")
            }
            output.writeLine("</tbody>")
        }
        output.writeLine("</table>")
    }

    /// What tells one gap row from another: the fingerprint and the place in the file.
    static func key(_ gap: DescribedGap) -> String { "\(gap.fingerprint)\u{1F}\(gap.location)" }

    /// A touchpoint of a journey, by id; an empty touchpoint for the journey as a whole.
    struct Spot: Hashable {
        let journey: String
        let touchpoint: String
    }

    /// The number of the first row of the gap list with each gap's ``key(_:)``.
    ///
    /// Gaps with one key are at one place (journey, touchpoint, segment,
    /// marker, position), and most places hold one gap: keys are made only
    /// for gaps that share their place with another, not for every gap.
    struct GapRows {
        private let gaps: AuditGaps
        /// The first row of each place, 1-based, for checked gaps.
        private var firstAtPlace: [GapPlace: Int] = [:]
        /// The rows of each place holding more than one gap, with their keys.
        private var shared: [GapPlace: [(key: String, row: Int)]] = [:]
        /// Rows by key, for gaps written out rather than checked.
        private var written: [String: Int] = [:]
        /// Every row by key, made only if a gap written out is looked up.
        private var all: [String: Int]?

        init(_ gaps: AuditGaps) {
            self.gaps = gaps
            var rowsAtPlace: [GapPlace: [Int]] = [:]
            for (index, gap) in gaps.enumerated() {
                guard let place = gap.gap?.place else {
                    if written[key(gap)] == nil { written[key(gap)] = index + 1 }
                    continue
                }
                if let first = firstAtPlace[place] {
                    rowsAtPlace[place, default: [first]].append(index + 1)
                } else {
                    firstAtPlace[place] = index + 1
                }
            }
            for (place, rows) in rowsAtPlace {
                var keyed: [(key: String, row: Int)] = []
                for row in rows {
                    let key = AuditHTML.key(gaps[row - 1])
                    if !keyed.contains(where: { $0.key == key }) { keyed.append((key, row)) }
                }
                shared[place] = keyed
            }
        }

        /// The first row with `gap`'s key, nil when no row has it.
        mutating func row(of gap: DescribedGap) -> Int? {
            guard let place = gap.gap?.place else {
                if all == nil {
                    var rows: [String: Int] = [:]
                    for (index, listed) in gaps.enumerated() where rows[key(listed)] == nil { rows[key(listed)] = index + 1 }
                    all = rows
                }
                return all?[key(gap)]
            }
            var found: Int?
            if let keyed = shared[place] {
                let key = AuditHTML.key(gap)
                found = keyed.first { $0.key == key }?.row
            } else if let row = firstAtPlace[place] {
                let listed = gaps[row - 1]
                found = listed.gap == gap.gap || AuditHTML.key(listed) == AuditHTML.key(gap) ? row : nil
            }
            if !written.isEmpty, let row = written[key(gap)] { found = min(found ?? row, row) }
            return found
        }
    }

    // MARK: - Pieces

    /// `journey/touchpoint`, then channel and stage on a line of their own.
    static func place(of gap: DescribedGap) -> String {
        let place = ReportWording.route(of: gap).map(escape).joined(separator: "/<wbr>")
        let context = ReportWording.context(of: gap)
        return context.isEmpty ? place : "\(place)<br><span class=\"detail\">\(escape(context))</span>"
    }

    /// `file:line:column`: a break allowed after each `/` of the path, never inside `:line:column`.
    static func location(_ location: SourceLocation) -> String {
        let path = escape(location.file).split(separator: "/", omittingEmptySubsequences: false).joined(separator: "/<wbr>")
        return "\(path)<span class=\"nowrap\">:\(location.line):\(location.column)</span>"
    }

    static func statusBadge(_ status: AuditStatus) -> String {
        "<span class=\"status \(status.rawValue)\">\(glyph(status)) \(escape(status.label))</span>"
    }

    /// A mark for each status, so greyscale print still tells them apart.
    static func glyph(_ status: AuditStatus) -> String {
        switch status {
        case .broken: "✖"
        case .atRisk: "▲"
        case .watch: "●"
        case .kept: "✓"
        }
    }

    static let priorityBadge = "<span class=\"badge priority\">priority</span>"

    static func escape(_ text: String) -> String { MarkupEscaping.text(text) }

    static func attribute(_ text: String) -> String { MarkupEscaping.attribute(text) }

    static let style = """
    :root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --paper: #fff; --soft: #f6f8fa;
            --broken: #b3261e; --broken-bg: #fde2df; --risk: #8a5a00; --risk-bg: #fff0c2; --watch: #0b5cad; --watch-bg: #dcecff;
            --kept: #1a7f37; --kept-bg: #dcf5e3; }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper);
           margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 74rem; }
    h1 { font-size: 1.75rem; line-height: 1.2; margin: .1rem 0 .5rem; }
    h2 { font-size: 1.3rem; margin: 0 0 .5rem; }
    h3 { font-size: .95rem; margin: 1.2rem 0 .4rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    a { color: inherit; }
    code, .location { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86em; }
    .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: .78rem; }
    .report-head { border-bottom: 3px solid var(--ink); padding-bottom: .6rem; margin-bottom: 1.2rem; }
    .context { margin: .15rem 0; color: var(--muted); font-size: .9rem; }
    .context.charters, .context.weights { font-size: .8rem; }
    .brand-headline { border: 1px solid var(--rule); border-radius: .5rem; padding: 1rem 1.2rem; margin: 0 0 1rem; }
    .headline-top { display: grid; grid-template-columns: minmax(0, 22rem) minmax(0, 1fr); gap: 1.2rem; align-items: start; margin: .3rem 0 .6rem; }
    .headline-top table { width: 100%; margin: 0; }
    .tiles { display: grid; grid-template-columns: 1fr 1fr; gap: .4rem; }
    .tile { border: 1px solid var(--rule); border-radius: .4rem; padding: .3rem .6rem; background: var(--soft); }
    .tile .count { font-size: 1.5rem; font-weight: 700; font-variant-numeric: tabular-nums; }
    .tile .label { color: var(--muted); font-size: .85rem; }
    .tile.error:not(.zero), .tile.broken-count:not(.zero) { border-color: var(--broken); background: var(--broken-bg); }
    .tile.error:not(.zero) .count, .tile.broken-count:not(.zero) .count { color: var(--broken); }
    .tile.warning:not(.zero) { border-color: var(--risk); background: var(--risk-bg); }
    .tile.zero { opacity: .75; }
    table { border-collapse: collapse; margin: .3rem 0; font-size: .92rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: .3rem .55rem; text-align: left; vertical-align: top; }
    thead th { background: var(--soft); font-weight: 600; border-bottom: 2px solid var(--rule); }
    tbody th { font-weight: normal; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .detail, .who { color: var(--muted); font-size: .88em; }
    .location { color: var(--muted); overflow-wrap: anywhere; }
    .nowrap { white-space: nowrap; }
    .status { display: inline-block; padding: .05rem .5rem; border-radius: 1rem; font-size: .8rem; font-weight: 700; white-space: nowrap;
              vertical-align: middle; border: 1.5px solid currentColor; }
    .status.broken { color: var(--broken); background: var(--broken-bg); }
    .status.at-risk { color: var(--risk); background: var(--risk-bg); }
    .status.watch { color: var(--watch); background: var(--watch-bg); border-style: dashed; }
    .status.kept { color: var(--kept); background: var(--kept-bg); border-style: dotted; }
    .badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; color: #fff; font-size: .75em; font-weight: 700;
             white-space: nowrap; vertical-align: middle; text-transform: uppercase; letter-spacing: .03em; }
    .badge.error { background: var(--broken); }
    .badge.warning { background: var(--risk); }
    .badge.info { background: var(--watch); }
    .badge.priority { background: #6639ba; }
    .headline-lists { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
    .headline-lists ol { margin: .2rem 0; padding-left: 1.3rem; }
    .headline-lists li { margin: .3rem 0; }
    .more { color: var(--muted); font-size: .85rem; margin: .2rem 0; }
    .legend { border: 1px solid var(--rule); border-left: 4px solid var(--ink); border-radius: .3rem; margin: 0 0 1rem; padding: .3rem .8rem;
              font-size: .84rem; color: var(--muted); background: var(--soft); }
    .legend p { margin: .3rem 0; }
    .key { display: inline-block; padding: 0 .4rem; border-radius: .25rem; border: 1px solid var(--rule); color: var(--ink); font-size: .8rem; }
    .key.error { background: var(--broken-bg); border: 1.5px solid var(--broken); }
    .key.warning { background: var(--risk-bg); border: 1.5px solid var(--risk); }
    .key.info { background: var(--watch-bg); border: 1.5px dashed var(--watch); }
    .key.accepted { border: 1.5px dashed var(--muted); }
    .key.none { background: var(--soft); }
    .comparison { border: 1px solid var(--rule); border-radius: .5rem; padding: 1rem 1.2rem; margin: 1rem 0; }
    .delta.up { color: var(--kept); font-weight: 700; }
    .delta.down { color: var(--broken); font-weight: 700; }
    .fixed { color: var(--kept); font-weight: 700; }
    .two-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
    .two-columns ul { padding-left: 1.1rem; margin: .2rem 0; }
    .note { color: var(--muted); font-size: .85rem; }
    section.segment { margin-top: 2.2rem; padding-top: 1rem; border-top: 3px solid var(--ink); }
    section.segment > h2 .brand-name { color: var(--muted); font-weight: 600; }
    .headline-score { font-variant-numeric: tabular-nums; color: var(--muted); font-weight: 600; margin-left: .2rem; }
    .counts { color: var(--muted); margin: .1rem 0 .6rem; font-size: .9rem; }
    figure.journey { margin: .8rem 0 1rem; }
    figcaption { margin-bottom: .3rem; }
    .lane-scroll, .table-scroll { overflow-x: auto; max-width: 100%; }
    \(SwimlaneSVG.gridStyle)
    svg .box { fill: #fff; stroke: #8c959f; stroke-width: 1; }
    svg .touchpoint.error .box { fill: var(--broken-bg); stroke: var(--broken); stroke-width: 2; }
    svg .touchpoint.warning .box { fill: var(--risk-bg); stroke: var(--risk); stroke-width: 1.6; }
    svg .touchpoint.info .box { fill: var(--watch-bg); stroke: var(--watch); stroke-dasharray: 3 2; }
    svg .touchpoint.accepted .box { stroke-dasharray: 4 3; stroke: var(--muted); }
    svg .pattern.error { fill: url(#tl-hatch); }
    svg .pattern.warning { fill: url(#tl-dots); }
    svg .pattern.info { fill: var(--watch); }
    svg .name { font-size: 10.5px; font-weight: 600; fill: var(--ink); }
    svg .detail { font-size: 9px; fill: var(--ink); }
    svg a:hover .box { stroke-width: 3; }
    svg .handoff { fill: none; stroke: #8c959f; stroke-width: 1.2; }
    svg .handoff.gap { stroke: var(--ink); stroke-width: 2.2; stroke-dasharray: 5 3; }
    svg .handoff-flag circle { fill: #fff; stroke: var(--ink); stroke-width: 1.5; }
    svg .handoff-flag.error circle { fill: var(--broken-bg); stroke: var(--broken); }
    svg .handoff-flag text { font-size: 8px; font-weight: 700; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .1rem 1rem; margin: .5rem 0 0; font-size: .82rem; }
    .kpis dt { font-weight: 700; text-transform: uppercase; font-size: .9em; letter-spacing: .04em; color: var(--muted); }
    .kpis dd { margin: 0 0 .2rem; }
    .kpi .kind { color: var(--muted); font-size: .9em; }
    .kpi .target { font-weight: 600; }
    .matrix th.channel { text-align: center; }
    .matrix td.cell { text-align: center; min-width: 3.3rem; white-space: nowrap; font-variant-numeric: tabular-nums; border: 2px solid #fff; }
    .cell.status-broken { background: var(--broken-bg); color: var(--broken); font-weight: 700; }
    .cell.status-at-risk { background: var(--risk-bg); color: var(--risk); font-weight: 700; }
    .cell.status-watch { background: var(--watch-bg); color: var(--watch); }
    .cell.status-kept { background: var(--kept-bg); color: var(--kept); }
    .cell.none { background: var(--soft); color: #8c959f; }
    .totals th, .totals td { border-top: 2px solid var(--ink); font-weight: 700; }
    .kept-summary { display: none; }
    .kept-summary td { color: var(--kept); white-space: normal; }
    .status-text-broken { color: var(--broken); font-weight: 700; }
    .status-text-at-risk { color: var(--risk); font-weight: 700; }
    table.gaps { width: 100%; }
    .gaps .group-head th { background: var(--soft); border-top: 2px solid var(--rule); padding-top: .4rem; }
    tr.error td:first-child { border-left: 5px solid var(--broken); }
    tr.warning td:first-child { border-left: 5px double var(--risk); }
    tr.info td:first-child { border-left: 5px dotted var(--watch); }
    td.location { min-width: 10rem; }
    td.where { min-width: 8rem; max-width: 22rem; }
    table.gaps td:first-child { white-space: nowrap; }
    .arrow { color: var(--muted); }
    .accepted { color: var(--muted); font-size: .92em; }
    .clear { color: var(--kept); font-weight: 600; }
    .empty, .none { color: var(--muted); }
    :target { outline: 3px solid #6639ba; outline-offset: -3px; }
    @media (max-width: 40rem) {
      body { padding: .8rem; font-size: 14px; }
      h1 { font-size: 1.35rem; }
      .headline-lists, .two-columns, .headline-top { grid-template-columns: minmax(0, 1fr); }
      .brand-headline, .comparison { padding: .6rem .7rem; }
      .standings th:nth-child(4), .standings td:nth-child(4) { display: none; }
      .standings td, .standings th { padding: .25rem .35rem; }
      table.standings, table.changes { width: 100%; }
      table.gaps thead { display: none; }
      table.gaps tr, table.gaps td { display: block; border: 0; }
      table.gaps tr { border-bottom: 1px solid var(--rule); padding: .3rem 0; }
    }
    @page { size: A4; margin: 10mm 10mm; }
    @media print {
      body { padding: 0; max-width: none; font-size: 8.4pt; line-height: 1.28; }
      h1 { font-size: 16pt; }
      h2 { font-size: 11pt; margin-bottom: .2rem; }
      h3 { font-size: 7.2pt; margin: .45rem 0 .15rem; }
      a { text-decoration: none; }
      .brand-headline { padding: .5rem .8rem; margin-bottom: .5rem; break-inside: avoid; }
      .tile { padding: .15rem .5rem; }
      .tile .count { font-size: 13pt; }
      .comparison { break-before: page; }
      section.segment { break-before: page; margin-top: 0; padding-top: .3rem; }
      figure.journey { margin: .3rem 0 .5rem; break-inside: avoid; }
      .lane-scroll, .table-scroll { overflow: visible; }
      .lane-scroll { zoom: .68; }
      svg.swimlane { max-width: 100%; height: auto; }
      table { font-size: 7.2pt; }
      th, td { padding: .08rem .3rem; }
      table.matrix, table.gaps { font-size: 6.6pt; }
      table.gaps td { padding-top: .04rem; padding-bottom: .04rem; }
      .matrix td.cell { min-width: 2.2rem; }
      .matrix tr.all-kept { display: none; }
      .matrix tr.kept-summary { display: table-row; }
      td.location, .location { font-size: 6pt; }
      .report-head { padding-bottom: .3rem; margin-bottom: .5rem; }
      .headline-lists { font-size: 7.4pt; gap: .8rem; }
      .headline-lists li { margin: .12rem 0; }
      .standings { font-size: 7.4pt; }
      .headline-top { margin: .1rem 0 .3rem; gap: .8rem; grid-template-columns: minmax(0, 15rem) minmax(0, 1fr); }
      .tiles { gap: .25rem; }
      .legend { font-size: 7pt; margin-bottom: .5rem; padding: .15rem .6rem; }
      h2, h3, figcaption { break-after: avoid; }
      tr, li, .kpis div { break-inside: avoid; }
      .matrix, .standings { break-inside: avoid; }
      .kpis { display: block; font-size: 6.6pt; margin-top: .15rem; }
      .kpis div, .kpis dt, .kpis dd { display: inline; margin: 0; }
      .kpis dt::after { content: ": "; }
      .kpis div + div::before { content: " · "; }
      .counts { margin-bottom: .2rem; font-size: 7.2pt; }
      figcaption { font-size: 7.6pt; margin-bottom: .1rem; }
      table.accepted { font-size: 6.8pt; }
      :target { outline: none; }
    }

    """
}
