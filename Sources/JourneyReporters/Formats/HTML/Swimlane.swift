import CharterAudit
import JourneyModel

/// Where everything of a journey's swimlane goes: stages as columns in the
/// brand's order, channels as lanes, each touchpoint a box in its stage's
/// column and its channel's lane, `next` handoffs as arrows.
///
/// Computed from the journey alone, in whole units (CSS pixels at scale 1),
/// so that a test can check from the values that no two boxes overlap. A
/// cell (one stage of one lane) holding several touchpoints lays them out
/// in rows of at most ``perRow``, in journey order; its lane grows as tall
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

    struct Box: Sendable {
        /// Position in the passage's steps.
        var step: Int
        var frame: Rect
    }

    struct Arrow: Sendable {
        var from: Int
        var to: Int
        var worstOpen: Severity?
    }

    static let boxWidth = 150
    static let boxHeight = 30
    static let spacing = 5
    static let laneHeaderWidth = 92
    static let stageHeaderHeight = 22
    /// Boxes side by side in one cell before a new row starts.
    static let perRow = 2

    var width: Int
    var height: Int
    /// Stage ids with their column, left to right.
    var columns: [(stage: String, frame: Rect)]
    /// Channel ids with their lane, top to bottom.
    var lanes: [(channel: String, frame: Rect)]
    /// One per step, in the passage's order.
    var boxes: [Box]
    var arrows: [Arrow]

    init(_ passage: JourneyPassage) {
        let stageIndex = Dictionary(passage.stages.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let laneIndex = Dictionary(passage.channels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let stageCount = max(passage.stages.count, 1), laneCount = max(passage.channels.count, 1)
        // Each step's cell, and its rank in it, in journey order.
        var cellCounts = [Int](repeating: 0, count: stageCount * laneCount)
        var placement: [(stage: Int, lane: Int, rank: Int)] = []
        placement.reserveCapacity(passage.steps.count)
        for step in passage.steps {
            let stage = stageIndex[step.stage] ?? 0, lane = laneIndex[step.channel] ?? 0
            placement.append((stage, lane, cellCounts[stage * laneCount + lane]))
            cellCounts[stage * laneCount + lane] += 1
        }
        let unitX = Self.boxWidth + Self.spacing, unitY = Self.boxHeight + Self.spacing
        var columnWidths = [Int](repeating: unitX + Self.spacing, count: stageCount)
        var laneHeights = [Int](repeating: unitY + Self.spacing, count: laneCount)
        for stage in 0..<stageCount {
            for lane in 0..<laneCount {
                let count = cellCounts[stage * laneCount + lane]
                guard count > 0 else { continue }
                let across = min(count, Self.perRow), down = (count + Self.perRow - 1) / Self.perRow
                columnWidths[stage] = max(columnWidths[stage], across * unitX + Self.spacing)
                laneHeights[lane] = max(laneHeights[lane], down * unitY + Self.spacing)
            }
        }
        var columnX = [Int](), x = Self.laneHeaderWidth
        for width in columnWidths {
            columnX.append(x)
            x += width
        }
        var laneY = [Int](), y = Self.stageHeaderHeight
        for height in laneHeights {
            laneY.append(y)
            y += height
        }
        width = x
        height = y
        columns = passage.stages.indices.map { index in
            (passage.stages[index], Rect(x: columnX[index], y: 0, width: columnWidths[index], height: y))
        }
        lanes = passage.channels.indices.map { index in
            (passage.channels[index], Rect(x: 0, y: laneY[index], width: x, height: laneHeights[index]))
        }
        boxes = placement.enumerated().map { step, place in
            let column = place.rank % Self.perRow, row = place.rank / Self.perRow
            return Box(step: step, frame: Rect(
                x: columnX[place.stage] + Self.spacing + column * unitX, y: laneY[place.lane] + Self.spacing + row * unitY,
                width: Self.boxWidth, height: Self.boxHeight
            ))
        }
        let stepIndex = Dictionary(passage.steps.enumerated().map { ($1.touchpoint, $0) }, uniquingKeysWith: { first, _ in first })
        arrows = passage.steps.enumerated().flatMap { from, step in
            step.next.compactMap { handoff in
                stepIndex[handoff.touchpoint].map { Arrow(from: from, to: $0, worstOpen: handoff.worstOpen) }
            }
        }
    }

    /// The arrow's path: from the right edge to the left edge when the
    /// target is further right, else from the bottom (or top) edge to the
    /// top (or bottom) edge, as a cubic curve.
    func path(of arrow: Arrow) -> (d: String, midX: Int, midY: Int) {
        let from = boxes[arrow.from].frame, to = boxes[arrow.to].frame
        let start: (Int, Int), end: (Int, Int), control1: (Int, Int), control2: (Int, Int)
        if to.x >= from.maxX {
            start = (from.maxX, from.midY)
            end = (to.x - 2, to.midY)
            let bend = max((end.0 - start.0) / 2, 12)
            control1 = (start.0 + bend, start.1)
            control2 = (end.0 - bend, end.1)
        } else if to.y >= from.maxY {
            start = (from.midX, from.maxY)
            end = (to.midX, to.y - 2)
            let bend = max((end.1 - start.1) / 2, 10)
            control1 = (start.0, start.1 + bend)
            control2 = (end.0, end.1 - bend)
        } else {
            start = (from.midX, from.y)
            end = (to.midX, to.maxY + 2)
            let bend = max((start.1 - end.1) / 2, 10)
            control1 = (start.0, start.1 - bend)
            control2 = (end.0, end.1 + bend)
        }
        let d = "M\(start.0) \(start.1) C\(control1.0) \(control1.1) \(control2.0) \(control2.1) \(end.0) \(end.1)"
        return (d, (start.0 + 3 * control1.0 + 3 * control2.0 + end.0) / 8, (start.1 + 3 * control1.1 + 3 * control2.1 + end.1) / 8)
    }
}

/// Draws a ``SwimlaneLayout`` as inline SVG: every text escaped, every id
/// made from positions, so nothing from the files can reach an attribute
/// unescaped or clash with another drawing's ids. Colours carry a pattern
/// and a word too, for greyscale print.
enum SwimlaneSVG {
    /// `anchor(step)`: the id of the gap row a box links to, nil for none.
    static func svg(_ passage: JourneyPassage, title: String, anchor: (Int) -> String?) -> String {
        let layout = SwimlaneLayout(passage)
        var svg = "<svg class=\"swimlane\" role=\"img\" viewBox=\"0 0 \(layout.width) \(layout.height)\""
            + " width=\"\(layout.width)\" height=\"\(layout.height)\" data-touchpoints=\"\(passage.steps.count)\">"
        svg += "<title>\(MarkupEscaping.text(title))</title>"
        for (index, lane) in layout.lanes.enumerated() {
            let frame = lane.frame
            svg += "<rect class=\"lane\(index % 2 == 1 ? " alt" : "")\" x=\"0\" y=\"\(frame.y)\" width=\"\(frame.width)\" height=\"\(frame.height)\"/>"
            svg += "<text class=\"lane-name\" x=\"8\" y=\"\(frame.midY + 4)\">\(MarkupEscaping.text(fitted(lane.channel, width: SwimlaneLayout.laneHeaderWidth - 12, size: 6.4)))<title>\(MarkupEscaping.text(lane.channel))</title></text>"
        }
        for column in layout.columns {
            let frame = column.frame
            svg += "<line class=\"stage-rule\" x1=\"\(frame.x)\" y1=\"0\" x2=\"\(frame.x)\" y2=\"\(frame.height)\"/>"
            svg += "<text class=\"stage-name\" x=\"\(frame.midX)\" y=\"15\" text-anchor=\"middle\">\(MarkupEscaping.text(fitted(column.stage, width: frame.width - 8, size: 6.6)))<title>\(MarkupEscaping.text(column.stage))</title></text>"
        }
        for arrow in layout.arrows {
            let path = layout.path(of: arrow)
            let severity = arrow.worstOpen
            svg += "<path class=\"handoff\(severity.map { " gap \($0.rawValue)" } ?? "")\" d=\"\(path.d)\" marker-end=\"url(#tl-arrow\(severity == nil ? "" : "-gap"))\">"
            if let severity {
                svg += "<title>\(MarkupEscaping.text("handoff \(passage.steps[arrow.from].touchpoint) → \(passage.steps[arrow.to].touchpoint): \(severity.rawValue)"))</title>"
            }
            svg += "</path>"
            if let severity {
                svg += "<g class=\"handoff-flag \(severity.rawValue)\"><circle cx=\"\(path.midX)\" cy=\"\(path.midY)\" r=\"7\"/>"
                    + "<text x=\"\(path.midX)\" y=\"\(path.midY + 3)\" text-anchor=\"middle\">\(glyph(severity))</text></g>"
            }
        }
        for box in layout.boxes {
            let step = passage.steps[box.step], frame = box.frame
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
            if let target = anchor(box.step) {
                svg += "<a href=\"#\(target)\">\(group)</a>"
            } else {
                svg += group
            }
        }
        return svg + "</svg>"
    }

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
