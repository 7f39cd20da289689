import LivedReport

/// A journey's planned path drawn with what its cases lived on it, laid
/// out as the audit lays out a journey (``SwimlaneLayout``: stages as
/// columns, channels as lanes), with room between the boxes for counts.
///
/// - Each planned step (`next`) is a solid arrow carrying how many cases
///   went that way (`0` when none did); each lived flow the plan does not
///   hold is a dashed arrow with an open head, with its count in a dashed
///   frame.
/// - A box says how many cases lived its touchpoint and marks the
///   departures in words and patterns: a hatched stripe on the left for
///   cases that missed it, a dotted one on the right for cases that lived
///   it out of sequence; a touchpoint no case reached is drawn dashed.
/// - The most frequent ad hoc activities sit in a dashed strip under the lanes.
///
/// Counts are placed on their arrow where they cover no box and no other
/// count: the first free of a few points along the curve (else just above
/// or below it), looked up in a
/// grid of buckets, so placing them costs time in proportion to the arrows.
/// In a drawing so crowded that none of those places is free, a count sits
/// at its curve's middle, over whatever is there.
/// Everything is computed from the report's values, in whole units, so a
/// test can check the placement without a browser.
struct LivedDrawing: Sendable {
    typealias Rect = SwimlaneLayout.Rect

    struct Flow: Sendable {
        var from: Int
        var to: Int
        var cases: Int
        var planned: Bool
        var curve: SwimlaneLayout.Curve
        /// Where the count is written.
        var label: Rect
    }

    struct AdHocBox: Sendable {
        var item: AdHocCount
        var frame: Rect
    }

    static let metrics = SwimlaneLayout.Metrics(boxWidth: 180, boxHeight: 44, spacingX: 26, spacingY: 20)
    static let labelHeight = 14
    static let adHocHeight = 34

    var layout: SwimlaneLayout
    var touchpoints: [TouchpointConformance]
    var flows: [Flow]
    var adHoc: [AdHocBox]
    /// The drawing's height, the ad hoc strip included.
    var height: Int
    /// The top of the ad hoc strip, when there is one.
    var adHocY: Int?

    init(_ journey: JourneyConformance) {
        touchpoints = journey.touchpoints
        // Channels in the brand's order as the report lists them, then any other a touchpoint plans.
        var channels: [String] = [], stages: [String] = []
        var seenChannels = Set<String>(), seenStages = Set<String>()
        for channel in journey.channels where seenChannels.insert(channel.channel).inserted { channels.append(channel.channel) }
        for touchpoint in journey.touchpoints {
            if seenChannels.insert(touchpoint.channel).inserted { channels.append(touchpoint.channel) }
            if seenStages.insert(touchpoint.stage).inserted { stages.append(touchpoint.stage) }
        }
        let lived = Set(journey.touchpoints.map(\.channel))
        channels = channels.filter(lived.contains)
        let shape = SwimlaneLayout.Shape(
            stages: stages, channels: channels,
            steps: journey.touchpoints.map { .init(touchpoint: $0.touchpoint, stage: $0.stage, channel: $0.channel, next: $0.next) }
        )
        let layout = SwimlaneLayout(shape, metrics: Self.metrics)
        self.layout = layout

        var occupied = Occupancy()
        for box in layout.boxes { occupied.insert(box.frame) }
        var counts: [String: LivedFlow] = [:]
        for flow in journey.flows { counts[flow.from + "\u{1F}" + flow.to] = flow }
        var flows: [Flow] = []
        var drawn = Set<String>()
        for arrow in layout.arrows {
            let key = journey.touchpoints[arrow.from].touchpoint + "\u{1F}" + journey.touchpoints[arrow.to].touchpoint
            guard drawn.insert(key).inserted else { continue }
            flows.append(Self.flow(from: arrow.from, to: arrow.to, cases: counts[key]?.cases ?? 0, planned: true, layout: layout, occupied: &occupied))
        }
        let index = Dictionary(journey.touchpoints.enumerated().map { ($1.touchpoint, $0) }, uniquingKeysWith: { first, _ in first })
        for flow in journey.flows where !drawn.contains(flow.from + "\u{1F}" + flow.to) {
            guard let from = index[flow.from], let to = index[flow.to], from != to else { continue }
            drawn.insert(flow.from + "\u{1F}" + flow.to)
            flows.append(Self.flow(from: from, to: to, cases: flow.cases, planned: false, layout: layout, occupied: &occupied))
        }
        self.flows = flows

        // The ad hoc strip: rows of boxes under the lanes.
        let metrics = Self.metrics
        let unit = metrics.boxWidth + metrics.spacingX
        let perRow = max(1, (layout.width - metrics.laneHeaderWidth) / unit)
        let top = layout.height + metrics.spacingY
        adHoc = journey.adHoc.enumerated().map { position, item in
            let column = position % perRow, row = position / perRow
            return AdHocBox(item: item, frame: Rect(
                x: metrics.laneHeaderWidth + metrics.spacingX + column * unit, y: top + metrics.spacingY + row * (Self.adHocHeight + metrics.spacingY),
                width: metrics.boxWidth, height: Self.adHocHeight
            ))
        }
        adHocY = adHoc.isEmpty ? nil : top
        height = adHoc.map { $0.frame.maxY + metrics.spacingY }.max() ?? layout.height
    }

    /// Where along its curve a count may go, the middle first, then outwards.
    static let places: [Double] = {
        var places: [Double] = [0.5]
        for step in 1...9 {
            let offset = Double(step) * 0.05
            places += [0.5 - offset, 0.5 + offset]
        }
        return places
    }()

    /// A flow's curve, and its count placed where it covers nothing drawn before.
    static func flow(from: Int, to: Int, cases: Int, planned: Bool, layout: SwimlaneLayout, occupied: inout Occupancy) -> Flow {
        let curve = route(from: from, to: to, layout: layout)
        let width = 10 + 6 * String(cases).count
        func label(at t: Double, shift: Int) -> Rect {
            let point = curve.point(at: t)
            return Rect(x: point.x - width / 2, y: point.y - labelHeight / 2 + shift, width: width, height: labelHeight)
        }
        // On the curve first; then above or below it, clear of a box the curve leaves.
        let shift = layout.metrics.boxHeight / 2 + labelHeight / 2 + 3
        let candidates = [0, -shift, shift].flatMap { shift in Self.places.map { label(at: $0, shift: shift) } }
        let chosen = candidates.first { !occupied.overlaps($0) } ?? candidates[0]
        occupied.insert(chosen)
        return Flow(from: from, to: to, cases: cases, planned: planned, curve: curve, label: chosen)
    }

    /// Forward: as the audit draws it, right edge to left edge. Back to an
    /// earlier column: from the left edge to the target's right edge, over
    /// the boxes when both are in one row. Within one column: out of the
    /// side facing away from the cell's other box and back in, so the curve
    /// runs in the gutter rather than through the boxes between.
    static func route(from: Int, to: Int, layout: SwimlaneLayout) -> SwimlaneLayout.Curve {
        let source = layout.boxes[from].frame, target = layout.boxes[to].frame
        if target.x >= source.maxX { return layout.path(from: source, to: target) }
        let metrics = layout.metrics
        if target.maxX <= source.x {
            if abs(source.midY - target.midY) < metrics.boxHeight {
                let lift = metrics.spacingY + 12
                let start = (source.x + 12, source.y), end = (target.maxX - 12, target.y - 2)
                return .init(start: start, control1: (start.0, start.1 - lift), control2: (end.0, end.1 - lift), end: end)
            }
            let start = (source.x, source.midY), end = (target.maxX + 2, target.midY)
            let bend = max((start.0 - end.0) / 2, 12)
            return .init(start: start, control1: (start.0 - bend, start.1), control2: (end.0 + bend, end.1), end: end)
        }
        // Longer arcs bulge further, so arcs sharing a gutter stay apart.
        let bulge = min(2 * metrics.spacingX - 4, 12 + abs(target.midY - source.midY) * 6 / max(metrics.boxHeight, 1))
        if layout.placeInRow[from] == 0 {
            let start = (source.x, source.midY), end = (target.x - 2, target.midY)
            return .init(start: start, control1: (start.0 - bulge, start.1), control2: (end.0 - bulge, end.1), end: end)
        }
        let start = (source.maxX, source.midY), end = (target.maxX + 2, target.midY)
        return .init(start: start, control1: (start.0 + bulge, start.1), control2: (end.0 + bulge, end.1), end: end)
    }

    /// Rectangles already drawn, in square buckets, so a look-up reads only
    /// the few that share its buckets.
    struct Occupancy: Sendable {
        static let bucket = 64
        private var buckets: [Int: [Rect]] = [:]

        private static func keys(_ rect: Rect) -> [Int] {
            func cell(_ value: Int) -> Int { value >= 0 ? value / bucket : (value + 1) / bucket - 1 }
            var keys: [Int] = []
            for x in cell(rect.x)...cell(rect.maxX) {
                for y in cell(rect.y)...cell(rect.maxY) { keys.append(x << 32 &+ y) }
            }
            return keys
        }

        mutating func insert(_ rect: Rect) {
            for key in Self.keys(rect) { buckets[key, default: []].append(rect) }
        }

        /// Whether `rect`, grown by two units, covers anything inserted.
        func overlaps(_ rect: Rect) -> Bool {
            let padded = Rect(x: rect.x - 2, y: rect.y - 2, width: rect.width + 4, height: rect.height + 4)
            return Self.keys(padded).contains { key in buckets[key]?.contains { $0.overlaps(padded) } ?? false }
        }
    }
}

/// Writes a ``LivedDrawing`` as inline SVG; every text escaped, ids made
/// from positions only.
enum LivedSwimlaneSVG {
    static func svg(_ drawing: LivedDrawing, title: String) -> String {
        let layout = drawing.layout
        var svg = SwimlaneSVG.start(layout, title: title, touchpoints: drawing.touchpoints.count, height: drawing.height)
        if let top = drawing.adHocY {
            svg += "<rect class=\"ad-hoc-strip\" x=\"0\" y=\"\(top)\" width=\"\(layout.width)\" height=\"\(drawing.height - top)\"/>"
            svg += "<text class=\"lane-name\" x=\"8\" y=\"\(top + 20)\">ad hoc</text>"
        }
        for flow in drawing.flows {
            let from = drawing.touchpoints[flow.from].touchpoint, to = drawing.touchpoints[flow.to].touchpoint
            let kind = flow.planned ? "planned" : "unplanned"
            let words = "\(from) → \(to): \(LivedWording.count(flow.cases)) cases" + (flow.planned ? "" : " (not planned)")
            svg += "<path class=\"flow \(kind)\(flow.cases == 0 ? " none" : "")\" d=\"\(flow.curve.d)\" marker-end=\"url(#tl-\(kind))\">"
                + "<title>\(MarkupEscaping.text(words))</title></path>"
        }
        for (position, box) in layout.boxes.enumerated() {
            svg += self.box(drawing.touchpoints[box.step], frame: box.frame, position: position)
        }
        for item in drawing.adHoc {
            let frame = item.frame
            svg += "<g class=\"ad-hoc\" data-activity=\"\(MarkupEscaping.attribute(item.item.activity))\" data-events=\"\(item.item.events)\">"
                + "<title>\(MarkupEscaping.text("ad hoc '\(item.item.activity)': \(item.item.events) events in \(item.item.cases) cases"))</title>"
                + "<rect class=\"box\" x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"5\"/>"
                + "<text class=\"name\" x=\"\(frame.x + 10)\" y=\"\(frame.y + 14)\">+ \(MarkupEscaping.text(SwimlaneSVG.fitted(item.item.activity, width: frame.width - 24, size: 6.5)))</text>"
                + "<text class=\"detail\" x=\"\(frame.x + 10)\" y=\"\(frame.y + 27)\">\(LivedWording.count(item.item.events)) events · \(LivedWording.count(item.item.cases)) cases</text></g>"
        }
        for flow in drawing.flows {
            let label = flow.label
            svg += "<g class=\"flow-count \(flow.planned ? "planned" : "unplanned")\" data-from=\"\(MarkupEscaping.attribute(drawing.touchpoints[flow.from].touchpoint))\""
                + " data-to=\"\(MarkupEscaping.attribute(drawing.touchpoints[flow.to].touchpoint))\" data-cases=\"\(flow.cases)\">"
                + "<rect x=\"\(label.x)\" y=\"\(label.y)\" width=\"\(label.width)\" height=\"\(label.height)\" rx=\"3\"/>"
                + "<text x=\"\(label.midX)\" y=\"\(label.y + 10)\" text-anchor=\"middle\">\(flow.cases)</text></g>"
        }
        return svg + "</svg>"
    }

    static func box(_ touchpoint: TouchpointConformance, frame: SwimlaneLayout.Rect, position: Int) -> String {
        var classes = ["touchpoint"]
        if touchpoint.lived == 0 { classes.append("unlived") }
        if touchpoint.missing > 0 { classes.append("missing") }
        if touchpoint.outOfSequence > 0 { classes.append("out-of-sequence") }
        if touchpoint.failing > 0 { classes.append("failing") }
        let cases = touchpoint.lived + touchpoint.missing + touchpoint.notReached
        var livedLine = "lived \(LivedWording.count(touchpoint.lived))/\(LivedWording.count(cases))"
        if touchpoint.failing > 0 { livedLine += " · \(LivedWording.count(touchpoint.failing)) failing" }
        let marks = LivedWording.marks(touchpoint)
        let name = touchpoint.name.map { $0.isEmpty || $0 == touchpoint.touchpoint ? "" : " — \($0)" } ?? ""
        var group = "<g class=\"\(classes.joined(separator: " "))\" data-touchpoint=\"\(MarkupEscaping.attribute(touchpoint.touchpoint))\""
            + " data-lived=\"\(touchpoint.lived)\" data-missing=\"\(touchpoint.missing)\" data-out-of-sequence=\"\(touchpoint.outOfSequence)\">"
        group += "<title>\(MarkupEscaping.text("\(touchpoint.touchpoint)\(name) (\(touchpoint.channel), \(touchpoint.stage)): \(livedLine)\(marks.isEmpty ? "" : "; " + marks.joined(separator: ", "))"))</title>"
        group += "<rect class=\"box\" x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"5\"/>"
        if touchpoint.missing > 0 {
            group += "<rect class=\"pattern missing\" x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"7\" height=\"\(frame.height)\" rx=\"2\"/>"
        }
        if touchpoint.outOfSequence > 0 {
            group += "<rect class=\"pattern out-of-sequence\" x=\"\(frame.maxX - 7)\" y=\"\(frame.y)\" width=\"7\" height=\"\(frame.height)\" rx=\"2\"/>"
        }
        group += "<text class=\"name\" x=\"\(frame.x + 11)\" y=\"\(frame.y + 13)\">\(MarkupEscaping.text(SwimlaneSVG.fitted(touchpoint.touchpoint, width: frame.width - 20, size: 6.5)))</text>"
        group += "<text class=\"detail\" x=\"\(frame.x + 11)\" y=\"\(frame.y + 26)\">\(MarkupEscaping.text(SwimlaneSVG.fitted(livedLine, width: frame.width - 20, size: 5.4)))</text>"
        let markLine = marks.isEmpty ? (touchpoint.lived == 0 ? "no case reached it" : "✓ no departure") : marks.joined(separator: " · ")
        group += "<text class=\"detail marks\" x=\"\(frame.x + 11)\" y=\"\(frame.y + 38)\">\(MarkupEscaping.text(SwimlaneSVG.fitted(markLine, width: frame.width - 20, size: 5.4)))</text>"
        return group + "</g>"
    }

    /// The arrowheads of planned and unplanned flows, once per page.
    static let definitions = """
    <svg class="definitions" width="0" height="0" aria-hidden="true"><defs>\
    <marker id="tl-planned" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" fill="#57606a"/></marker>\
    <marker id="tl-unplanned" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto"><path d="M1 1 L7 4 L1 7" fill="none" stroke="#8250df" stroke-width="1.5"/></marker>\
    </defs></svg>
    """
}
