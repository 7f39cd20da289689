import JourneyModel

/// A matched case as a model value the checker judges like any journey:
/// the touchpoints lived, in lived order, each the planned touchpoint with
/// its lived channel and its lived values laid over what the segment plans
/// there, and `next` from each to the one lived after it. Ad hoc events
/// are not in it: they have no planned stage, initiator or experience.
///
/// ```swift
/// let lived = LivedJourney(matched, observed: observed, planned: journey, brand: brand)
/// lived.journey.touchpoints.map(\.id)   // ["care-chat", "care-chat", "diagnosis-call"]
/// lived.seconds                          // [0, 240, 86_400]
/// ```
public struct LivedJourney: Sendable {
    public let journey: Journey
    /// When each lived touchpoint was lived, in seconds from the first.
    public let seconds: [Double]
    /// Which lived values each lived touchpoint holds (by attribute), as
    /// recorded in the export: reports tell lived values from planned ones.
    public let recorded: [[RecordedValue]]

    public init(_ matched: MatchedCase, observed: ObservedCase, planned: Journey, brand: Brand) {
        var touchpoints: [Touchpoint] = []
        touchpoints.reserveCapacity(matched.steps.count)
        var seconds: [Double] = []
        seconds.reserveCapacity(matched.steps.count)
        var recorded: [[RecordedValue]] = []
        recorded.reserveCapacity(matched.steps.count)
        let start = matched.steps.first.map { observed.events[$0.event].time } ?? 0
        for (index, step) in matched.steps.enumerated() {
            let event = observed.events[step.event]
            let plannedTouchpoint = planned.touchpoints[step.touchpoint]
            let values = Array(observed.values(of: event))
            var experience = plannedTouchpoint.experience(for: matched.segment)
            if !values.isEmpty {
                var lived: [PlannedValue] = []
                var seen = MemberSet()
                for value in values where !seen.contains(value.attribute) {
                    seen.insert(value.attribute)
                    lived.append(PlannedValue(attribute: value.attribute, value: Self.value(value), position: plannedTouchpoint.position))
                }
                experience = experience.overlaid(with: Experience(lived))
            }
            let next = index + 1 < matched.steps.count ? [TouchpointLink(target: index + 1, position: plannedTouchpoint.position)] : []
            touchpoints.append(Touchpoint(
                id: plannedTouchpoint.id, name: plannedTouchpoint.name, stage: plannedTouchpoint.stage, channel: step.channel,
                experience: experience, next: next, initiator: plannedTouchpoint.initiator, after: plannedTouchpoint.after,
                suppressions: plannedTouchpoint.suppressions, position: plannedTouchpoint.position
            ))
            seconds.append(Double(event.time - start) / 1000)
            recorded.append(values)
        }
        journey = Journey(
            id: planned.id, name: planned.name, brand: brand.id, segments: [matched.segment],
            touchpoints: Catalog(keepingRepeatedIDs: touchpoints), kpis: planned.kpis, suppressions: planned.suppressions,
            location: planned.location
        )
        self.seconds = seconds
        self.recorded = recorded
    }

    /// A recorded value in the model's terms.
    static func value(_ recorded: RecordedValue) -> AttributeValue {
        switch recorded.kind {
        case .choice: .choice(Int(recorded.scalar))
        case .number: .number(recorded.scalar)
        case .duration: .duration(ISODuration(milliseconds: Int64(recorded.scalar)))
        case .boolean: .boolean(recorded.scalar != 0)
        case .text: .text(String(decoding: recorded.text, as: UTF8.self))
        }
    }
}
