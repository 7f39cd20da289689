import CharterChecker
import JourneyModel

/// A matched case's lived touchpoints, ready for the checker: each the
/// planned touchpoint with its lived channel and its lived values laid over
/// what the segment plans there (``PlannedPath/experiences``), and when it
/// was lived. Ad hoc events are not in it: they have no planned stage,
/// initiator or experience. One is kept per task and filled again for each
/// case, so a case costs no model journey, no catalog and no copied names.
///
/// ```swift
/// var lived = LivedJourney()
/// lived.fill(matched, observed: observed, path: path)
/// lived.steps.touchpoints   // [2, 2, 5]: planned positions, in lived order
/// lived.steps.seconds       // [0, 240, 86_400]
/// ```
public struct LivedJourney: Sendable {
    public private(set) var steps = LivedSteps()
    /// One event's lived values in the model's terms, sorted by attribute.
    private var overlay: [PlannedValue] = []
    /// By attribute: the last event (counted in `events`) that gave it a value.
    private var seen: [Int] = []
    private var events = 0

    public init() {}

    /// Makes this the lived journey of `matched`, a case matched against `path`.
    public mutating func fill(_ matched: MatchedCase, observed: ObservedCase, path: PlannedPath) {
        steps.removeAll()
        let start = matched.steps.first.map { observed.events[$0.event].time } ?? 0
        for step in matched.steps {
            let event = observed.events[step.event]
            var experience = path.experiences[step.touchpoint]
            let values = observed.values(of: event)
            if !values.isEmpty {
                overlay.removeAll(keepingCapacity: true)
                events += 1
                let position = path.positions[step.touchpoint]
                // The first value of each attribute counts, as the row gives them.
                for value in values where value.attribute >= 0 {
                    if value.attribute >= seen.count { seen.append(contentsOf: repeatElement(0, count: value.attribute - seen.count + 1)) }
                    guard seen[value.attribute] != events else { continue }
                    seen[value.attribute] = events
                    overlay.append(PlannedValue(attribute: value.attribute, value: Self.value(value), position: position))
                }
                overlay.sort { $0.attribute < $1.attribute }
                experience = experience.overlaid(withSorted: overlay[...])
            }
            steps.append(touchpoint: step.touchpoint, channel: step.channel, experience: experience, seconds: Double(event.time - start) / 1000)
        }
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
