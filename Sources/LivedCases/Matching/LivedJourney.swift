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
    /// Lived durations made before, in a slot the milliseconds hash to:
    /// making one writes and parses its ISO text, and a lived export
    /// repeats the same few durations (minutes of reply time).
    private var durations: [(milliseconds: Int64, duration: ISODuration)?] = []
    static let durationBits = 10
    static let durationsCached = 1 << durationBits
    /// By journey, then segment: what the path of the cases filled so far
    /// plans, laid out in storage of this lived journey's own.
    private var plans: [[Plan?]] = []

    /// A path's planned experiences, laid out for the steps to be read over.
    private struct Plan: Sendable {
        let path: PlannedPath
        let experiences: PlannedExperiences
        let positions: [SourcePosition]

        init(_ path: PlannedPath) {
            self.path = path
            experiences = PlannedExperiences(path.experiences)
            positions = path.positions
        }
    }

    /// `path`'s plan, made the first time a case follows it.
    private mutating func plan(of path: PlannedPath) -> Plan {
        if path.journey < plans.count, path.segment < plans[path.journey].count, let plan = plans[path.journey][path.segment],
           plan.path.isSame(as: path) {
            return plan
        }
        let plan = Plan(path)
        if plans.count <= path.journey { plans.append(contentsOf: repeatElement([], count: path.journey - plans.count + 1)) }
        if plans[path.journey].count <= path.segment {
            plans[path.journey].append(contentsOf: repeatElement(nil, count: path.segment - plans[path.journey].count + 1))
        }
        plans[path.journey][path.segment] = plan
        return plan
    }

    public init() {}

    /// Makes this the lived journey of `matched`, a case matched against `path`.
    public mutating func fill(_ matched: MatchedCase, observed: ObservedCase, path: PlannedPath) {
        let start = matched.steps.first.map { observed.events[$0.event].time } ?? 0
        let plan = self.plan(of: path)
        steps.removeAll(over: plan.experiences)
        for step in matched.steps {
            let event = observed.events[step.event]
            let values = observed.values(of: event)
            if !overlay.isEmpty { overlay.removeAll(keepingCapacity: true) }
            if !values.isEmpty {
                events += 1
                var unsorted = false
                let position = plan.positions[step.touchpoint]
                // The first value of each attribute counts, as the row gives them.
                for value in values where value.attribute >= 0 {
                    if value.attribute >= seen.count { seen.append(contentsOf: repeatElement(0, count: value.attribute - seen.count + 1)) }
                    guard seen[value.attribute] != events else { continue }
                    seen[value.attribute] = events
                    let lived = self.value(value)
                    if let last = overlay.last, last.attribute > value.attribute { unsorted = true }
                    overlay.append(PlannedValue(attribute: value.attribute, value: lived, position: position))
                }
                // Rows mostly give their values in attribute order already.
                if unsorted { overlay.sort { $0.attribute < $1.attribute } }
            }
            steps.append(touchpoint: step.touchpoint, channel: step.channel, lived: overlay[...], seconds: Double(event.time - start) / 1000)
        }
    }

    /// A recorded value in the model's terms.
    private mutating func value(_ recorded: RecordedValue) -> AttributeValue {
        switch recorded.kind {
        case .choice: .choice(Int(recorded.scalar))
        case .number: .number(recorded.scalar)
        case .duration: .duration(duration(milliseconds: Int64(recorded.scalar)))
        case .boolean: .boolean(recorded.scalar != 0)
        case .text: .text(String(decoding: recorded.text, as: UTF8.self))
        }
    }

    /// The duration of `milliseconds`, from the cache when it was made before.
    mutating func duration(milliseconds: Int64) -> ISODuration {
        if durations.isEmpty { durations = Array(repeating: nil, count: Self.durationsCached) }
        // Multiplicative hashing: whole minutes share their low bits, their product's high bits differ.
        let slot = Int((UInt64(bitPattern: milliseconds) &* 0x9E37_79B9_7F4A_7C15) >> (64 - Self.durationBits))
        if let cached = durations[slot], cached.milliseconds == milliseconds { return cached.duration }
        let made = ISODuration(milliseconds: milliseconds)
        durations[slot] = (milliseconds, made)
        return made
    }
}
