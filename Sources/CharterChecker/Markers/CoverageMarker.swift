import JourneyModel

/// Coverage markers: in every unit (the journey, each of its stages, or
/// each of its channels) at least `minimum` touchpoints in scope meet the
/// expectations. One check per unit; the gap points at the unit's first
/// touchpoint.
extension CoverageRule: MarkerEvaluation {
    /// How many touchpoints of the unit meet the expectations, and the
    /// unit's first touchpoint, which tells the unit (its stage or channel).
    public struct Finding: Hashable, Sendable {
        private let storedHits: Int32
        private let storedFirst: Int32

        init(hits: Int, first: Int) {
            storedHits = Int32(clamping: hits)
            storedFirst = Int32(clamping: first)
        }

        public var hits: Int { Int(storedHits) }
        public var first: Int { Int(storedFirst) }
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let compiled = marker.expectations
        let inScope = view.orderedTouchpoints(in: marker.scope)
        guard !inScope.isEmpty else { return }
        for unit in units(of: inScope, in: view) {
            let hits = unit.members.filter { compiled.isMet(in: view, at: $0, matches: &recorder.patternResults) }.count
            let first = unit.members[0]
            recorder.record(
                marker, in: view.trace, touchpoint: nil, channel: unit.channel, met: hits >= minimum,
                findings: [(.coverage(Finding(hits: hits, first: first)), view.trace.sourcePosition(first))]
            )
        }
    }

    private struct Unit {
        var members: [Int]
        var channel: Int?
    }

    /// The units of one journey, in stage or channel order, each with its
    /// touchpoints in journey order.
    private func units(of positions: [Int], in view: JourneyView) -> [Unit] {
        switch unit {
        case .journey:
            return [Unit(members: positions)]
        case .stage:
            let groups = Dictionary(grouping: positions) { view.stage($0) }
            return groups.keys.sorted().map { Unit(members: groups[$0] ?? []) }
        case .channel:
            let groups = Dictionary(grouping: positions) { view.channel($0) }
            return groups.keys.sorted().map { Unit(members: groups[$0] ?? [], channel: $0) }
        }
    }

    func attribute(of finding: Finding) -> Int? { nil }

    func channel(of finding: Finding, in context: GapContext) -> Int? {
        unit == .channel ? context.touchpoint(finding.first).channel : nil
    }

    func stage(of finding: Finding, in context: GapContext) -> Int? {
        unit == .stage ? context.touchpoint(finding.first).stage : nil
    }

    /// The unit as a label and in a sentence: `stage buy`, `stage 'buy' of journey 'j'`.
    private func describe(_ finding: Finding, in context: GapContext) -> (label: String, sentence: String) {
        let journey = context.journey.id
        switch unit {
        case .stage:
            let id = context.brand.stages[context.touchpoint(finding.first).stage].id
            return ("stage \(id)", "stage '\(id)' of journey '\(journey)'")
        case .channel:
            let id = context.channelID(of: finding.first)
            return ("channel \(id)", "channel '\(id)' of journey '\(journey)'")
        case .journey:
            return ("the journey", "journey '\(journey)'")
        }
    }

    /// What the touchpoints counted meet: `ritual planned and tone = warm`.
    private func wanted(in context: GapContext) -> String { Expectation.describe(expectations, in: context.brand) }

    private static func touchpoints(_ count: Int) -> String { "touchpoint\(count == 1 ? "" : "s")" }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        "at least \(minimum) \(Self.touchpoints(minimum)) per \(unit.rawValue) with \(wanted(in: context))"
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        "\(finding.hits) in \(describe(finding, in: context).label)"
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        "\(describe(finding, in: context).sentence) has \(finding.hits) \(Self.touchpoints(finding.hits)) with \(wanted(in: context)); "
            + "'\(context.marker.title)' expects at least \(minimum)"
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        let missing = minimum - finding.hits
        return "Make \(missing) more \(Self.touchpoints(missing)) of \(describe(finding, in: context).label) meet "
            + "'\(wanted(in: context))' (for example \(context.touchpointID(finding.first)))."
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] {
        [RelatedLocation(context.location(context.touchpoint(finding.first).position), "first touchpoint of \(describe(finding, in: context).label)")]
    }
}
