import CharterAudit
import JourneyModel

/// Where everything of a journey's swimlane goes: stages as columns in the
/// brand's order, channels as lanes, each touchpoint a box in its stage's
/// column and its channel's lane, planned `next` steps as arrows. The
/// audit's page and the lived report's draw from the same layout, each with
/// its own ``Metrics``.
///
/// Computed from the journey alone, in whole units (CSS pixels at scale 1),
/// so that a test can check from the values that no two boxes overlap. A
/// cell (one stage of one lane) holding several touchpoints lays them out
/// in rows of at most ``Metrics/perRow``, in journey order; its lane grows as tall
/// as its fullest cell and its column as wide as its widest. A journey of
/// hundreds of touchpoints gives a large drawing, never a crowded one: the
/// page scrolls it sideways on a screen and scales it to the page in print.
///
/// ```swift
/// let layout = SwimlaneLayout(passage)
/// layout.boxes[0].frame   // Rect(x: 97, y: 27, width: 150, height: 30)
/// ```
struct SwimlaneLayout: Sendable {
    struct Rect: Sendable, Equatable {
        var x: Int, y: Int, width: Int, height: Int

        var maxX: Int { x + width }
        var maxY: Int { y + height }
        var midX: Int { x + width / 2 }
        var midY: Int { y + height / 2 }

        /// Whether the two share any area (touching edges do not).
        func overlaps(_ other: Rect) -> Bool {
            x < other.maxX && other.x < maxX && y < other.maxY && other.y < maxY
        }
    }

    /// What a layout places: the stages and channels in the order drawn,
    /// and each touchpoint with its stage, channel and planned next steps.
    struct Shape: Sendable {
        struct Step: Sendable {
            var touchpoint: String
            var stage: String
            var channel: String
            /// Touchpoint ids; one not in the shape is not drawn.
            var next: [String]
        }

        var stages: [String]
        var channels: [String]
        var steps: [Step]
    }

    /// Sizes of a drawing. The audit's boxes sit close; the lived report's
    /// leave room between them for the counts on the arrows.
    struct Metrics: Sendable {
        var boxWidth: Int
        var boxHeight: Int
        /// The margin on each side of a box, across and down.
        var spacingX: Int
        var spacingY: Int
        var laneHeaderWidth = 92
        var stageHeaderHeight = 22
        /// Boxes side by side in one cell before a new row starts.
        var perRow = 2

        static let audit = Metrics(boxWidth: SwimlaneLayout.boxWidth, boxHeight: SwimlaneLayout.boxHeight, spacingX: 5, spacingY: 5)
    }

    struct Box: Sendable {
        /// Position in the shape's steps.
        var step: Int
        var frame: Rect
    }

    /// A planned step: from one box to another, the `link`-th of the first
    /// step's `next`.
    struct Arrow: Sendable {
        var from: Int
        var to: Int
        var link: Int
    }

    /// A cubic Bézier curve, in whole units.
    struct Curve: Sendable {
        var start: (x: Int, y: Int)
        var control1: (x: Int, y: Int)
        var control2: (x: Int, y: Int)
        var end: (x: Int, y: Int)

        /// The SVG path data.
        var d: String { "M\(start.x) \(start.y) C\(control1.x) \(control1.y) \(control2.x) \(control2.y) \(end.x) \(end.y)" }

        /// The point halfway along the parameter, in whole units.
        var middle: (x: Int, y: Int) {
            ((start.x + 3 * control1.x + 3 * control2.x + end.x) / 8, (start.y + 3 * control1.y + 3 * control2.y + end.y) / 8)
        }

        /// The point at parameter `t` (0 at the start, 1 at the end), rounded.
        func point(at t: Double) -> (x: Int, y: Int) {
            let u = 1 - t
            let a = u * u * u, b = 3 * u * u * t, c = 3 * u * t * t, e = t * t * t
            let x = a * Double(start.x) + b * Double(control1.x) + c * Double(control2.x) + e * Double(end.x)
            let y = a * Double(start.y) + b * Double(control1.y) + c * Double(control2.y) + e * Double(end.y)
            return (Int(x.rounded()), Int(y.rounded()))
        }
    }

    /// The audit's box size, which its tests and print styles rely on.
    static let boxWidth = 150
    static let boxHeight = 30

    var metrics: Metrics
    var width: Int
    var height: Int
    /// Stage ids with their column, left to right.
    var columns: [(stage: String, frame: Rect)]
    /// Channel ids with their lane, top to bottom.
    var lanes: [(channel: String, frame: Rect)]
    /// One per step, in the shape's order.
    var boxes: [Box]
    var arrows: [Arrow]
    /// By step: its place in its cell's rows (0 the leftmost).
    var placeInRow: [Int]

    init(_ passage: JourneyPassage) {
        self.init(Shape(passage), metrics: .audit)
    }

    init(_ shape: Shape, metrics: Metrics) {
        self.metrics = metrics
        let stageIndex = Dictionary(shape.stages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let laneIndex = Dictionary(shape.channels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let stageCount = max(shape.stages.count, 1), laneCount = max(shape.channels.count, 1)
        let perRow = max(metrics.perRow, 1)
        // Each step's cell, and its rank in it, in journey order.
        var cellCounts = [Int](repeating: 0, count: stageCount * laneCount)
        var placement: [(stage: Int, lane: Int, rank: Int)] = []
        placement.reserveCapacity(shape.steps.count)
        for step in shape.steps {
            let stage = stageIndex[step.stage] ?? 0, lane = laneIndex[step.channel] ?? 0
            placement.append((stage, lane, cellCounts[stage * laneCount + lane]))
            cellCounts[stage * laneCount + lane] += 1
        }
        let unitX = metrics.boxWidth + metrics.spacingX, unitY = metrics.boxHeight + metrics.spacingY
        var columnWidths = [Int](repeating: unitX + metrics.spacingX, count: stageCount)
        var laneHeights = [Int](repeating: unitY + metrics.spacingY, count: laneCount)
        for stage in 0..<stageCount {
            for lane in 0..<laneCount {
                let count = cellCounts[stage * laneCount + lane]
                guard count > 0 else { continue }
                let across = min(count, perRow), down = (count + perRow - 1) / perRow
                columnWidths[stage] = max(columnWidths[stage], across * unitX + metrics.spacingX)
                laneHeights[lane] = max(laneHeights[lane], down * unitY + metrics.spacingY)
            }
        }
        var columnX = [Int](), x = metrics.laneHeaderWidth
        for width in columnWidths {
            columnX.append(x)
            x += width
        }
        var laneY = [Int](), y = metrics.stageHeaderHeight
        for height in laneHeights {
            laneY.append(y)
            y += height
        }
        width = x
        height = y
        columns = shape.stages.indices.map { index in
            (shape.stages[index], Rect(x: columnX[index], y: 0, width: columnWidths[index], height: y))
        }
        lanes = shape.channels.indices.map { index in
            (shape.channels[index], Rect(x: 0, y: laneY[index], width: x, height: laneHeights[index]))
        }
        boxes = placement.enumerated().map { step, place in
            let column = place.rank % perRow, row = place.rank / perRow
            return Box(step: step, frame: Rect(
                x: columnX[place.stage] + metrics.spacingX + column * unitX, y: laneY[place.lane] + metrics.spacingY + row * unitY,
                width: metrics.boxWidth, height: metrics.boxHeight
            ))
        }
        placeInRow = placement.map { $0.rank % perRow }
        let stepIndex = Dictionary(shape.steps.enumerated().map { ($1.touchpoint, $0) }, uniquingKeysWith: { first, _ in first })
        arrows = shape.steps.enumerated().flatMap { from, step in
            step.next.enumerated().compactMap { link, touchpoint in
                stepIndex[touchpoint].map { Arrow(from: from, to: $0, link: link) }
            }
        }
    }

    /// The arrow's path: from the right edge to the left edge when the
    /// target is further right, else from the bottom (or top) edge to the
    /// top (or bottom) edge, as a cubic curve.
    func path(of arrow: Arrow) -> Curve {
        path(from: boxes[arrow.from].frame, to: boxes[arrow.to].frame)
    }

    func path(from: Rect, to: Rect) -> Curve {
        if to.x >= from.maxX {
            let start = (from.maxX, from.midY), end = (to.x - 2, to.midY)
            let bend = max((end.0 - start.0) / 2, 12)
            return Curve(start: start, control1: (start.0 + bend, start.1), control2: (end.0 - bend, end.1), end: end)
        } else if to.y >= from.maxY {
            let start = (from.midX, from.maxY), end = (to.midX, to.y - 2)
            let bend = max((end.1 - start.1) / 2, 10)
            return Curve(start: start, control1: (start.0, start.1 + bend), control2: (end.0, end.1 - bend), end: end)
        } else {
            let start = (from.midX, from.y), end = (to.midX, to.maxY + 2)
            let bend = max((start.1 - end.1) / 2, 10)
            return Curve(start: start, control1: (start.0, start.1 - bend), control2: (end.0, end.1 + bend), end: end)
        }
    }
}

extension SwimlaneLayout.Shape {
    /// The audit's journey map of one segment.
    init(_ passage: JourneyPassage) {
        self.init(passage, steps: Array(passage.steps))
    }

    /// The same, from its steps made once.
    init(_ passage: JourneyPassage, steps: [JourneyStep]) {
        self.init(
            stages: passage.stages, channels: passage.channels,
            steps: steps.map { Step(touchpoint: $0.touchpoint, stage: $0.stage, channel: $0.channel, next: $0.next.map(\.touchpoint)) }
        )
    }
}

/// Draws a ``SwimlaneLayout`` as inline SVG: every text escaped, every id
/// made from positions, so nothing from the files can reach an attribute
/// unescaped or clash with another drawing's ids. Colours carry a pattern
/// and a word too, for greyscale print.
enum SwimlaneSVG {
    /// `anchor(step)`: the id of the gap row a box links to, nil for none.
    static func svg(_ passage: JourneyPassage, title: String, anchor: (JourneyStep) -> String?) -> String {
        // The passage makes a step each time one is read: made once here.
        let steps = Array(passage.steps)
        let layout = SwimlaneLayout(SwimlaneLayout.Shape(passage, steps: steps), metrics: .audit)
        var svg = start(layout, title: title, touchpoints: steps.count)
        for arrow in layout.arrows {
            let path = layout.path(of: arrow)
            let severity = steps[arrow.from].next[arrow.link].worstOpen
            let middle = path.middle
            svg += "<path class=\"handoff\(severity.map { " gap \($0.rawValue)" } ?? "")\" d=\"\(path.d)\" marker-end=\"url(#tl-arrow\(severity == nil ? "" : "-gap"))\">"
            if let severity {
                svg += "<title>\(MarkupEscaping.text("handoff \(steps[arrow.from].touchpoint) → \(steps[arrow.to].touchpoint): \(severity.rawValue)"))</title>"
            }
            svg += "</path>"
            if let severity {
                svg += "<g class=\"handoff-flag \(severity.rawValue)\"><circle cx=\"\(middle.x)\" cy=\"\(middle.y)\" r=\"7\"/>"
                    + "<text x=\"\(middle.x)\" y=\"\(middle.y + 3)\" text-anchor=\"middle\">\(glyph(severity))</text></g>"
            }
        }
        for box in layout.boxes {
            let step = steps[box.step], frame = box.frame
            let state = step.worstOpen?.rawValue ?? (step.acceptedGaps > 0 ? "accepted" : "clear")
            var label = step.touchpoint
            if let name = step.name, !name.isEmpty, name != step.touchpoint { label += " — \(name)" }
            let detail = boxDetail(step)
            var group = "<g class=\"touchpoint \(state)\" data-touchpoint=\"\(MarkupEscaping.attribute(step.touchpoint))\""
                + " data-stage=\"\(MarkupEscaping.attribute(step.stage))\" data-channel=\"\(MarkupEscaping.attribute(step.channel))\">"
            group += "<title>\(MarkupEscaping.text("\(label) (\(step.channel), \(step.stage))\(detail.isEmpty ? "" : ": \(detail)")"))</title>"
            group += "<rect class=\"box\" x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\" rx=\"5\"/>"
            if let severity = step.worstOpen {
                group += "<rect class=\"pattern \(severity.rawValue)\" x=\"\(frame.x)\" y=\"\(frame.y)\" width=\"7\" height=\"\(frame.height)\" rx=\"2\"/>"
            }
            group += "<text class=\"name\" x=\"\(frame.x + 12)\" y=\"\(frame.y + (detail.isEmpty ? frame.height / 2 + 4 : 12))\">\(MarkupEscaping.text(fitted(step.touchpoint, width: frame.width - 16, size: 6.5)))</text>"
            if !detail.isEmpty {
                group += "<text class=\"detail\" x=\"\(frame.x + 12)\" y=\"\(frame.y + 24)\">\(MarkupEscaping.text(fitted(detail, width: frame.width - 16, size: 5.6)))</text>"
            }
            group += "</g>"
            if let target = anchor(step) {
                svg += "<a href=\"#\(target)\">\(group)</a>"
            } else {
                svg += group
            }
        }
        return svg + "</svg>"
    }

    /// The opening of a drawing: the `<svg>` tag, its title, then the lanes
    /// and the stage columns with their names; `height` makes room under the
    /// lanes for what a page draws there.
    static func start(_ layout: SwimlaneLayout, title: String, touchpoints: Int, height: Int? = nil) -> String {
        let height = height ?? layout.height
        var svg = "<svg class=\"swimlane\" role=\"img\" viewBox=\"0 0 \(layout.width) \(height)\""
            + " width=\"\(layout.width)\" height=\"\(height)\" data-touchpoints=\"\(touchpoints)\">"
        svg += "<title>\(MarkupEscaping.text(title))</title>"
        for (index, lane) in layout.lanes.enumerated() {
            let frame = lane.frame
            svg += "<rect class=\"lane\(index % 2 == 1 ? " alt" : "")\" x=\"0\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\"/>"
            svg += "<text class=\"lane-name\" x=\"8\" y=\"\(frame.midY + 4)\">\(MarkupEscaping.text(fitted(lane.channel, width: layout.metrics.laneHeaderWidth - 12, size: 6.4)))<title>\(MarkupEscaping.text(lane.channel))</title></text>"
        }
        for column in layout.columns {
            let frame = column.frame
            svg += "<line class=\"stage-rule\" x1=\"\(frame.x)\" y1=\"0\" x2=\"\(frame.x)\" y2=\"\(frame.height)\"/>"
            svg += "<text class=\"stage-name\" x=\"\(frame.midX)\" y=\"15\" text-anchor=\"middle\">\(MarkupEscaping.text(fitted(column.stage, width: frame.width - 8, size: 6.6)))<title>\(MarkupEscaping.text(column.stage))</title></text>"
        }
        return svg
    }

    /// The style of the lanes and stage columns ``start(_:title:touchpoints:height:)``
    /// draws, for each page's stylesheet (`--muted`, `--ink` and `--rule` are the page's).
    static let gridStyle = """
    svg.swimlane { display: block; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    svg .lane { fill: #fff; }
    svg .lane.alt { fill: #f6f8fa; }
    svg .lane-name { font-size: 11px; font-weight: 600; fill: var(--muted); }
    svg .stage-name { font-size: 11px; font-weight: 700; fill: var(--ink); text-transform: uppercase; letter-spacing: .04em; }
    svg .stage-rule { stroke: var(--rule); stroke-width: 1; }
    """

    /// The markers and patterns every swimlane refers to, defined once per page.
    static let definitions = """
    <svg class="definitions" width="0" height="0" aria-hidden="true"><defs>\
    <marker id="tl-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" fill="#6e7781"/></marker>\
    <marker id="tl-arrow-gap" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0 0 L8 4 L0 8 z" fill="#1f2328"/></marker>\
    <pattern id="tl-hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="#cf222e"/><rect width="2" height="4" fill="#fff"/></pattern>\
    <pattern id="tl-dots" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#bf8700"/><circle cx="2" cy="2" r="1" fill="#fff"/></pattern>\
    </defs></svg>
    """

    /// `⛔ 1 error`, `2 warnings`, `✓ accepted`: what a box says under its name, so no state is told by colour alone.
    static func boxDetail(_ step: JourneyStep) -> String {
        var parts: [String] = []
        if let worst = step.worstOpen {
            parts.append("\(glyph(worst)) \(worst.rawValue)\(step.openGaps > 1 ? " · \(step.openGaps) gaps" : "")")
        } else if step.openGaps > 0 {
            parts.append("handoff gap")
        }
        if step.acceptedGaps > 0 { parts.append("✓ accepted") }
        return parts.joined(separator: " · ")
    }

    static func glyph(_ severity: Severity) -> String {
        switch severity {
        case .error: "!!"
        case .warning: "!"
        case .info: "i"
        }
    }

    /// `text` cut with `…` to about `width` units, at `size` units a character.
    static func fitted(_ text: String, width: Int, size: Double) -> String {
        let fits = max(Int(Double(width) / size), 2)
        guard text.count > fits else { return text }
        return String(text.prefix(fits - 1)) + "…"
    }
}
