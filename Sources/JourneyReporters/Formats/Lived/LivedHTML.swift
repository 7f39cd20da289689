import JSONWriter
import JourneyModel
import LivedReport

/// `conform --format html`: the lived report as one self-contained page,
/// like the audit's — inline CSS and SVG, no script, nothing fetched (a
/// Content-Security-Policy says so), readable from `file://` and printable
/// in greyscale on A4.
///
/// In order: the title and what was read; every journey's cases and share
/// lived as planned, linked to its section; the action plan, worst first;
/// the sources; the legend. Then per brand, segment and journey (priority
/// segments first), a section with the planned path drawn with the lived
/// flows on it (``LivedDrawing``), the touchpoints' classes with their
/// rates, each marker's planned verdict beside its lived conformance (worst
/// first), the ad hoc events, the channels and owners, and example cases.
///
/// Every piece of text from the files and the exports is escaped
/// (``MarkupEscaping``); ids and anchors are made from positions. Case ids
/// and owners are the report's labels (keyed hashes with `--redact`). The
/// page holds no clock time: the same report gives the same bytes.
public struct LivedHTML: Reporter {
    public init() {}

    public func write(_ report: LivedReport, to output: inout ReportOutput) {
        let brands = Self.brandNames(report)
        let title = "Lived journeys" + (brands.isEmpty ? "" : ": " + brands.joined(separator: ", "))
        output.writeLines(HTMLPage.head(title: title, style: Self.style) + ["<body>", SwimlaneSVG.definitions, LivedSwimlaneSVG.definitions])
        var context = "\(LivedWording.count(report.caseCount)) cases matched in \(LivedWording.count(report.journeys.count)) journeys, "
            + "from \(LivedWording.count(report.sources.count)) sources"
        if report.redacted { context += " · case ids and owners redacted (keyed hashes)" }
        output.writeLines([
            "<header class=\"report-head\">",
            "<p class=\"kicker\">Lived journeys · conformance to the plan and the charter</p>",
            "<h1>\(Self.escape(title))</h1>",
            "<p class=\"context\">\(Self.escape(context))</p>",
            "</header>",
        ])
        output.writeLines(Self.overview(report))
        for (index, journey) in report.journeys.enumerated() {
            output.writeLines(Self.section(journey, index: index))
        }
        output.writeLines(["</body>", "</html>"])
    }

    static func brandNames(_ report: LivedReport) -> [String] {
        var seen = Set<String>()
        return report.journeys.compactMap { seen.insert($0.brand).inserted ? $0.brandName : nil }
    }

    static func anchor(_ index: Int) -> String { "journey-\(index + 1)" }

    // MARK: - Overview

    static func overview(_ report: LivedReport) -> [String] {
        var html = ["<section class=\"overview\">"]
        if report.journeys.isEmpty {
            html.append("<p class=\"none\">No case was matched to a journey.</p>")
        } else {
            html += [
                "<table class=\"journeys\">",
                "<thead><tr><th>Journey</th><th class=\"num\">Cases</th><th class=\"num\">Lived as planned</th><th>Lowest lived marker</th></tr></thead>",
                "<tbody>",
            ]
            for (index, journey) in report.journeys.enumerated() {
                let worst = LivedWording.markersWorstFirst(journey).first { $0.rate != nil }
                html.append("<tr data-journey=\"\(attribute(journey.label))\"><td><a href=\"#\(anchor(index))\">\(escape(heading(journey)))</a>"
                    + (journey.priority ? " \(priorityBadge)" : "") + "</td>"
                    + "<td class=\"num\">\(LivedWording.count(journey.cases))</td>"
                    + "<td class=\"num\">\(share(journey.asPlanned, of: journey.cases))</td>"
                    + "<td>\(worst.map { "<code>\(escape($0.marker))</code> \(escape(LivedWording.percent($0.rate)))" } ?? "—")</td></tr>")
            }
            html += ["</tbody>", "</table>"]
        }
        html.append("<h2>Action plan</h2>")
        if report.actions.isEmpty {
            html.append("<p class=\"clear\">Nothing departs from the plan.</p>")
        } else {
            html.append("<ol class=\"actions\">")
            for action in report.actions {
                var item = "<li data-departure=\"\(action.departure.rawValue)\">"
                    + (action.severity.map { HTMLPage.severityBadge($0) + " " } ?? "")
                    + "<strong>\(LivedWording.count(action.cases)) cases (\(escape(LivedWording.percent(action.share))))</strong> "
                    + "\(escape(LivedWording.departure(action.departure))) <code>\(escape(action.subject))</code>"
                    + " <span class=\"who\">\(escape(action.journey))\(action.owner.map { " — " + escape($0) } ?? "")</span>"
                if !action.examples.isEmpty { item += " <span class=\"examples\">e.g. \(cases(action.examples))</span>" }
                html.append(item + "</li>")
            }
            html.append("</ol>")
        }
        html += sources(report.sources)
        html += legend
        html.append("</section>")
        return html
    }

    static func sources(_ sources: [SourceSummary]) -> [String] {
        guard !sources.isEmpty else { return ["<h3>Sources</h3>", "<p class=\"none\">No source: add Observations/&lt;brand&gt;/*.source.jsonc.</p>"] }
        var html = [
            "<h3>Sources</h3>",
            "<table class=\"sources\">",
            "<thead><tr><th>Source</th><th>Export</th><th class=\"num\">Rows</th><th class=\"num\">Events</th><th class=\"num\">Skipped</th>"
                + "<th class=\"num\">Duplicates</th><th class=\"num\">Cases</th><th>Unmatched</th></tr></thead>",
            "<tbody>",
        ]
        for source in sources {
            let skipped = source.skippedByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ")
            html.append("<tr><td><code>\(escape("\(source.brand)/\(source.source)"))</code></td><td class=\"location\">\(escape(source.data))</td>"
                + "<td class=\"num\">\(LivedWording.count(source.rows))</td><td class=\"num\">\(LivedWording.count(source.events))</td>"
                + "<td class=\"num\">\(LivedWording.count(source.skipped))\(skipped.isEmpty ? "" : " <span class=\"detail\">(\(escape(skipped)))</span>")</td>"
                + "<td class=\"num\">\(LivedWording.count(source.duplicates))</td><td class=\"num\">\(LivedWording.count(source.cases))</td>"
                + "<td>\(escape(source.unmatched.map { "\($0.reason) \($0.count)" }.joined(separator: ", ")))</td></tr>")
        }
        html += ["</tbody>", "</table>"]
        let issues = sources.flatMap(\.issues)
        if !issues.isEmpty {
            html.append("<ul class=\"issues\">" + issues.map { "<li class=\"location\">\(escape($0))</li>" }.joined() + "</ul>")
        }
        return html
    }

    static let legend = [
        "<div class=\"legend\">",
        "<p><strong>How to read the drawings.</strong> Stages are columns and channels lanes, as in the audit. "
            + "<span class=\"key planned\">── n</span> a planned step and the cases that took it · "
            + "<span class=\"key unplanned\">╌╌ n</span> a flow the plan does not hold · "
            + "<span class=\"key missing\">✕ missing</span> hatched stripe on the left · "
            + "<span class=\"key out-of-sequence\">⇄ out of sequence</span> dotted stripe on the right · "
            + "<span class=\"key unlived\">dashed box</span> no case reached it · "
            + "<span class=\"key ad-hoc\">+ ad hoc</span> lived, not planned.</p>",
        "</div>",
    ]

    // MARK: - Journey

    /// `Maison Aurèle · Loyal premium customers · Care and repair (care-and-repair)`.
    static func heading(_ journey: JourneyConformance) -> String {
        "\(journey.brandName) · \(journey.segmentName) · \(ReportWording.journeyLabel(journey.journey, name: journey.journeyName))"
    }

    static func section(_ journey: JourneyConformance, index: Int) -> [String] {
        var html = [
            "<section class=\"journey\" id=\"\(anchor(index))\" data-journey=\"\(attribute(journey.label))\" data-cases=\"\(journey.cases)\" data-as-planned=\"\(journey.asPlanned)\">",
            "<h2>\(escape(heading(journey)))\(journey.priority ? " \(priorityBadge)" : "")</h2>",
            "<p class=\"counts\"><code>\(escape(journey.label))</code> · <strong>\(LivedWording.count(journey.cases)) cases</strong>"
                + " · lived as planned: \(LivedWording.count(journey.asPlanned)) (\(share(journey.asPlanned, of: journey.cases)))"
                + " · \(LivedWording.count(journey.adHocEvents)) ad hoc events</p>",
        ]
        if journey.touchpoints.isEmpty {
            html.append("<p class=\"none\">No planned touchpoint for this segment.</p>")
        } else {
            let drawing = LivedDrawing(journey)
            html.append("<figure class=\"lived-map\"><div class=\"lane-scroll\">"
                + LivedSwimlaneSVG.svg(drawing, title: "Planned path of \(journey.journey) for \(journey.brand)/\(journey.segment), with the lived flows")
                + "</div></figure>")
        }
        html += touchpoints(journey)
        html += markers(journey)
        if !journey.adHoc.isEmpty {
            html += [
                "<h3>Ad hoc (\(LivedWording.count(journey.adHocEvents)) events)</h3>",
                "<table class=\"ad-hoc\"><thead><tr><th>Activity</th><th class=\"num\">Events</th><th class=\"num\">Cases</th></tr></thead><tbody>",
            ]
            html += journey.adHoc.map { "<tr><td>\(escape($0.activity))</td><td class=\"num\">\(LivedWording.count($0.events))</td><td class=\"num\">\(LivedWording.count($0.cases))</td></tr>" }
            html.append("</tbody></table>")
        }
        html.append("<div class=\"two-columns\">")
        html.append("<div><h3>By channel</h3>")
        if journey.channels.isEmpty {
            html.append("<p class=\"none\">No channel lived.</p>")
        } else {
            html.append("<table class=\"channels\"><thead><tr><th>Channel</th><th>Owner</th><th class=\"num\">Events</th><th class=\"num\">Lived checks met</th></tr></thead><tbody>")
            html += journey.channels.map { channel in
                "<tr><td><code>\(escape(channel.channel))</code></td><td>\(escape(channel.owner ?? "—"))</td><td class=\"num\">\(LivedWording.count(channel.events))</td>"
                    + "<td class=\"num\">\(escape(LivedWording.percent(channel.rate))) of \(LivedWording.count(channel.checks))</td></tr>"
            }
            html.append("</tbody></table>")
        }
        html.append("</div><div><h3>By owner</h3>")
        if journey.owners.isEmpty {
            html.append("<p class=\"none\">The export names no owner.</p>")
        } else {
            html.append("<table class=\"owners\"><thead><tr><th>Owner</th><th class=\"num\">Cases</th><th class=\"num\">As planned</th></tr></thead><tbody>")
            html += journey.owners.map { owner in
                "<tr><td><code>\(escape(owner.owner))</code></td><td class=\"num\">\(LivedWording.count(owner.cases))</td>"
                    + "<td class=\"num\">\(LivedWording.count(owner.asPlanned)) (\(share(owner.asPlanned, of: owner.cases)))</td></tr>"
            }
            html.append("</tbody></table>")
        }
        html.append("</div></div>")
        let departures = journey.touchpoints.flatMap { touchpoint in touchpoint.examples.map { (touchpoint.touchpoint, $0) } }
        if !departures.isEmpty {
            html.append("<h3>Example cases</h3>")
            html.append("<ul class=\"examples\">" + departures.map { touchpoint, examples in
                "<li data-departure=\"\(examples.departure.rawValue)\">\(escape(LivedWording.departure(examples.departure))) <code>\(escape(touchpoint))</code>: \(cases(examples.cases))</li>"
            }.joined() + "</ul>")
        }
        html.append("</section>")
        return html
    }

    /// Per planned touchpoint, in planned order: each class's count and share of the journey's cases.
    static func touchpoints(_ journey: JourneyConformance) -> [String] {
        var html = [
            "<h3>Touchpoints</h3>",
            "<div class=\"table-scroll\"><table class=\"touchpoints\">",
            "<thead><tr><th>Touchpoint</th><th>Channel</th><th class=\"num\">Completed</th><th class=\"num\">Failing</th><th class=\"num\">Missing</th>"
                + "<th class=\"num\">Out of seq.</th><th class=\"num\">Not reached</th><th class=\"num\">Other channel</th><th class=\"num\">Late</th></tr></thead>",
            "<tbody>",
        ]
        for touchpoint in journey.touchpoints {
            let cells = [
                touchpoint.completed, touchpoint.failing, touchpoint.missing, touchpoint.outOfSequence, touchpoint.notReached,
                touchpoint.otherChannel, touchpoint.late,
            ].enumerated().map { column, count in
                let departs = column != 0 && column != 4 && count > 0
                return "<td class=\"num\(departs ? " departs" : "")\">\(LivedWording.count(count)) <span class=\"detail\">\(share(count, of: journey.cases))</span></td>"
            }
            html.append("<tr data-touchpoint=\"\(attribute(touchpoint.touchpoint))\"><td><code>\(escape(touchpoint.touchpoint))</code></td>"
                + "<td>\(escape(touchpoint.channel))</td>\(cells.joined())</tr>")
        }
        html += ["</tbody>", "</table></div>"]
        return html
    }

    /// Each marker's planned verdict beside its lived conformance, worst first.
    static func markers(_ journey: JourneyConformance) -> [String] {
        guard !journey.markers.isEmpty else { return [] }
        var html = [
            "<h3>Markers, planned and lived — worst first</h3>",
            "<table class=\"markers\">",
            "<thead><tr><th>Marker</th><th>Severity</th><th>Planned</th><th class=\"num\">Lived</th><th>Lived durations</th><th>Example cases</th></tr></thead>",
            "<tbody>",
        ]
        for marker in LivedWording.markersWorstFirst(journey) {
            let lived = marker.casesApplicable == 0
                ? "no case"
                : "\(escape(LivedWording.percent(marker.rate))) <span class=\"detail\">of \(LivedWording.count(marker.casesApplicable))</span>"
            let bar = marker.rate.map { "<span class=\"bar\"><span style=\"width: \(Int(($0 * 100).rounded()))%\"></span></span>" } ?? ""
            let rate = LivedWording.fraction(marker.casesMet, of: marker.casesApplicable)
            let durations = marker.durations.map { escape(LivedWording.durations($0)) } ?? ""
            let verdict = "<span class=\"verdict \(marker.planned.rawValue)\">\(verdictGlyph(marker.planned)) \(marker.planned.rawValue)</span>"
            var row = "<tr data-marker=\"\(attribute(marker.marker))\" data-planned=\"\(marker.planned.rawValue)\" data-rate=\"\(rate)\">"
            row += "<td><code>\(escape(marker.marker))</code><br><span class=\"detail\">\(escape(marker.title))</span></td>"
            row += "<td>\(HTMLPage.severityBadge(marker.severity))</td><td>\(verdict)</td>"
            row += "<td class=\"num\">\(lived)\(bar)</td><td>\(durations)</td><td>\(cases(marker.examples))</td></tr>"
            html.append(row)
        }
        html += ["</tbody>", "</table>"]
        return html
    }

    static func verdictGlyph(_ verdict: PlannedVerdict) -> String {
        switch verdict {
        case .met: "✓"
        // As the audit's key words an accepted gap; the word, in ink rather than green, tells it from met.
        case .accepted: "✓"
        case .broken: "✖"
        case .notApplicable: "·"
        }
    }

    // MARK: - Pieces

    /// `85.7%`, `—` for no case.
    static func share(_ part: Int, of whole: Int) -> String {
        escape(LivedWording.percent(whole == 0 ? nil : Double(part) / Double(whole)))
    }

    static func cases(_ labels: [CaseLabel]) -> String {
        labels.map { "<code class=\"case\">\(escape($0))</code>" }.joined(separator: ", ")
    }

    static let priorityBadge = "<span class=\"badge priority\">priority</span>"

    static func escape(_ text: String) -> String { MarkupEscaping.text(text) }

    static func attribute(_ text: String) -> String { MarkupEscaping.attribute(text) }

    static let style = """
    :root { --ink: #1f2328; --muted: #57606a; --rule: #d0d7de; --soft: #f6f8fa; --broken: #b3261e; --broken-bg: #fde2df;
            --risk: #8a5a00; --watch: #0b5cad; --kept: #1a7f37; --unplanned: #8250df; }
    * { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
    body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff;
           margin: 0 auto; padding: 1.5rem 2rem 3rem; max-width: 78rem; }
    h1 { font-size: 1.7rem; line-height: 1.2; margin: .1rem 0 .4rem; }
    h2 { font-size: 1.25rem; margin: 1rem 0 .4rem; }
    h3 { font-size: .9rem; margin: 1.1rem 0 .35rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
    a { color: inherit; }
    code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .86em; }
    .kicker { margin: 0; color: var(--muted); text-transform: uppercase; letter-spacing: .08em; font-size: .78rem; }
    .report-head { border-bottom: 3px solid var(--ink); padding-bottom: .5rem; margin-bottom: 1rem; }
    .context, .counts { color: var(--muted); margin: .15rem 0 .5rem; font-size: .9rem; }
    table { border-collapse: collapse; margin: .3rem 0; font-size: .9rem; }
    th, td { border-bottom: 1px solid var(--rule); padding: .28rem .5rem; text-align: left; vertical-align: top; }
    thead th { background: var(--soft); font-weight: 600; border-bottom: 2px solid var(--rule); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .detail, .who, .examples { color: var(--muted); font-size: .88em; }
    .location { color: var(--muted); overflow-wrap: anywhere; font-size: .85em; }
    td.departs { font-weight: 700; }
    .badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; color: #fff; font-size: .75em; font-weight: 700;
             white-space: nowrap; vertical-align: middle; text-transform: uppercase; letter-spacing: .03em; }
    .badge.error { background: var(--broken); }
    .badge.warning { background: var(--risk); }
    .badge.info { background: var(--watch); }
    .badge.priority { background: #6639ba; }
    .verdict { white-space: nowrap; font-weight: 600; }
    .verdict.broken { color: var(--broken); }
    .verdict.met { color: var(--kept); }
    .bar { display: block; height: 5px; margin-top: 3px; background: var(--soft); border: 1px solid var(--rule); }
    .bar span { display: block; height: 100%; background: var(--muted); }
    ol.actions { padding-left: 1.5rem; }
    ol.actions li { margin: .3rem 0; }
    .legend { border: 1px solid var(--rule); border-left: 4px solid var(--ink); border-radius: .3rem; margin: 1rem 0; padding: .3rem .8rem;
              font-size: .84rem; color: var(--muted); background: var(--soft); }
    .key { display: inline-block; padding: 0 .35rem; border-radius: .25rem; border: 1px solid var(--rule); color: var(--ink); background: #fff; }
    .key.unplanned { border: 1.5px dashed var(--unplanned); color: var(--unplanned); }
    .key.missing { border-left: 6px solid var(--broken); }
    .key.out-of-sequence { border-right: 6px dotted var(--risk); }
    .key.unlived, .key.ad-hoc { border: 1.5px dashed var(--muted); }
    .two-columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1.2rem; }
    ul.examples, ul.issues { padding-left: 1.2rem; margin: .2rem 0; }
    section.journey { margin-top: 2rem; padding-top: .8rem; border-top: 3px solid var(--ink); }
    figure.lived-map { margin: .6rem 0 1rem; }
    .lane-scroll, .table-scroll { overflow-x: auto; max-width: 100%; }
    \(SwimlaneSVG.gridStyle)
    svg .box { fill: #fff; stroke: #8c959f; stroke-width: 1; }
    svg .touchpoint.missing .box, svg .touchpoint.out-of-sequence .box { stroke: var(--ink); stroke-width: 1.6; }
    svg .touchpoint.unlived .box { fill: var(--soft); stroke-dasharray: 4 3; }
    svg .pattern.missing { fill: url(#tl-hatch); }
    svg .pattern.out-of-sequence { fill: url(#tl-dots); }
    svg .name { font-size: 10.5px; font-weight: 600; fill: var(--ink); }
    svg .detail { font-size: 9px; fill: var(--ink); }
    svg .flow { fill: none; stroke: #57606a; stroke-width: 1.4; }
    svg .flow.none { stroke-width: .8; }
    svg .flow.unplanned { stroke: var(--unplanned); stroke-dasharray: 5 3; stroke-width: 1.6; }
    svg .flow-count rect { fill: #fff; stroke: #57606a; stroke-width: 1; }
    svg .flow-count.unplanned rect { stroke: var(--unplanned); stroke-dasharray: 3 2; }
    svg .flow-count text { font-size: 9.5px; font-weight: 700; fill: var(--ink); font-variant-numeric: tabular-nums; }
    svg .flow-count.unplanned text { fill: var(--unplanned); font-style: italic; }
    svg .ad-hoc-strip { fill: #fff; stroke: var(--rule); stroke-dasharray: 4 3; }
    svg .ad-hoc .box { fill: #fff; stroke: var(--unplanned); stroke-dasharray: 4 3; }
    .none { color: var(--muted); }
    .clear { color: var(--kept); font-weight: 600; }
    @media (max-width: 40rem) {
      body { padding: .8rem; font-size: 14px; }
      .two-columns { grid-template-columns: minmax(0, 1fr); }
    }
    @page { size: A4; margin: 10mm; }
    @media print {
      body { padding: 0; max-width: none; font-size: 8.4pt; line-height: 1.28; }
      h1 { font-size: 15pt; }
      h2 { font-size: 11pt; margin: 0 0 .2rem; }
      h3 { font-size: 7.2pt; margin: .45rem 0 .15rem; }
      a { text-decoration: none; }
      section.journey { break-before: page; margin-top: 0; padding-top: .3rem; }
      figure.lived-map { break-inside: avoid; margin: .3rem 0; }
      .lane-scroll, .table-scroll { overflow: visible; }
      .lane-scroll { zoom: .62; }
      svg.swimlane { max-width: 100%; height: auto; }
      table { font-size: 7pt; }
      th, td { padding: .06rem .28rem; }
      tr, li { break-inside: avoid; }
      h2, h3 { break-after: avoid; }
      .legend { font-size: 7pt; padding: .15rem .6rem; }
    }

    """
}
