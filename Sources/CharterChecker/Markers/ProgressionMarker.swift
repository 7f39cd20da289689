import JourneyModel

/// Progression markers: along each journey, every touchpoint in scope that
/// plans the attribute plans at least the value of the previous one (win
/// probability rises toward closing). One check per touchpoint after the
/// first; the gap is where the value falls, with the one it falls from.
extension ProgressionRule: MarkerEvaluation {
    /// Where the value falls from: the previous touchpoint that plans it.
    public struct Finding: Hashable, Sendable {
        private let storedFrom: Int32

        init(from: Int) {
            storedFrom = Int32(clamping: from)
        }

        public var from: Int { Int(storedFrom) }
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let definition = recorder.brand.attributes[attribute]
        var previous: (position: Int, planned: PlannedValue)?
        for position in view.orderedTouchpoints(in: marker.scope) {
            guard let planned = view.experiences[position][attribute] else { continue }
            defer { previous = (position, planned) }
            guard let before = previous else { continue }
            let met = (definition.compare(planned.value, before.planned.value) ?? 0) >= 0
            recorder.record(
                marker, in: view.trace, touchpoint: position, channel: view.channel(position), met: met,
                findings: [(.progression(Finding(from: before.position)), planned.position)]
            )
        }
    }

    func attribute(of finding: Finding) -> Int? { attribute }

    /// The two values, in words: now and at the touchpoint it falls from.
    private func values(_ finding: Finding, in context: GapContext) -> (now: String, then: String) {
        func value(at position: Int?) -> String {
            guard let position, let planned = context.planned(attribute, at: position) else { return "" }
            return context.render(planned.value, of: attribute)
        }
        return (value(at: context.gap.place.touchpoint), value(at: finding.from))
    }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        "\(context.attributeID(attribute)) ≥ \(values(finding, in: context).then) (as at \(context.touchpointID(finding.from)))"
    }

    func planned(_ finding: Finding, in context: GapContext) -> String { values(finding, in: context).now }

    func message(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        let (now, then) = values(finding, in: context)
        return "\(context.subject(of: touchpoint)) plans \(context.attributeID(attribute)) = \(now), down from \(then) at "
            + "\(context.touchpointID(finding.from)); '\(context.marker.title)' expects it never to decrease along the journey"
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        return "Raise \(context.attributeID(attribute)) at \(context.touchpointID(touchpoint)) to at least "
            + "\(values(finding, in: context).then), or lower it at \(context.touchpointID(finding.from))."
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] {
        guard let earlier = context.planned(attribute, at: finding.from) else { return [] }
        let then = context.render(earlier.value, of: attribute)
        return [RelatedLocation(
            context.location(earlier.position), "\(context.attributeID(attribute)) = \(then) at \(context.touchpointID(finding.from))"
        )]
    }
}
