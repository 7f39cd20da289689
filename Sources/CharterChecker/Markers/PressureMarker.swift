import JourneyModel

/// Pressure markers: along each journey as a segment lives it, no window of
/// the marker's length holds more than `maximum` brand-initiated
/// touchpoints in scope. A touchpoint is planned `after` the previous one
/// the segment lives (with it, when it says no `after`); one check per
/// brand-initiated touchpoint in scope, on the window that ends at it, so
/// the gaps are the touchpoints that overload a window. A lived journey
/// is timed by when each touchpoint was lived.
extension PressureRule: MarkerEvaluation {
    /// How many brand-initiated touchpoints the window ending at the gap's
    /// touchpoint holds, and the first of them.
    public struct Finding: Hashable, Sendable {
        private let storedCount: Int32
        private let storedWindowStart: Int32

        init(count: Int, windowStart: Int) {
            storedCount = Int32(clamping: count)
            storedWindowStart = Int32(clamping: windowStart)
        }

        public var count: Int { Int(storedCount) }
        public var windowStart: Int { Int(storedWindowStart) }
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let trace = view.trace
        let length = window.seconds
        var counted: [(position: Int, time: Double)] = []
        var time = 0.0
        for position in view.order {
            time = trace.livedSeconds?[position] ?? time + (trace.after(position)?.seconds ?? 0)
            guard trace.initiator(position) == .brand, marker.scope.includes(channel: view.channel(position)),
                  marker.scope.includes(stage: view.stage(position)) else { continue }
            counted.append((position, time))
        }
        var start = 0
        for end in counted.indices {
            while counted[end].time - counted[start].time >= length { start += 1 }
            let count = end - start + 1
            let position = counted[end].position
            recorder.record(
                marker, in: view.trace, touchpoint: position, channel: view.channel(position), met: count <= maximum,
                findings: [(.pressure(Finding(count: count, windowStart: counted[start].position)), nil)]
            )
        }
    }

    func attribute(of finding: Finding) -> Int? { nil }

    /// `3 touchpoints`, `1 touchpoint`.
    private static func touchpoints(_ count: Int) -> String { "\(count) touchpoint\(count == 1 ? "" : "s")" }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        "at most \(Self.touchpoints(maximum)) initiated by the brand within \(window.text)"
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        "\(finding.count) within \(window.text), from \(context.touchpointID(finding.windowStart))"
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        return "\(context.subject(of: touchpoint)) makes \(Self.touchpoints(finding.count)) initiated by the brand within "
            + "\(window.text), from \(context.touchpointID(finding.windowStart)); '\(context.marker.title)' expects at most \(maximum)"
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        return "Space out, merge or drop the touchpoints the brand initiates from \(context.touchpointID(finding.windowStart)) "
            + "to \(context.touchpointID(touchpoint)): \(finding.count) within \(window.text), at most \(maximum)."
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] {
        [RelatedLocation(
            context.location(context.touchpoint(finding.windowStart).position),
            "first of the \(finding.count) within \(window.text): \(context.touchpointID(finding.windowStart))"
        )]
    }
}
