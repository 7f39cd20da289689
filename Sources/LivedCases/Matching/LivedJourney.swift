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
        // The case's arrays are read once, by index: a slice of the values
        // per step would count a reference to them, and let it go, per step.
        let caseEvents = observed.events, values = observed.values
        let start = matched.steps.first.map { caseEvents[$0.event].time } ?? 0
        let plan = self.plan(of: path)
        steps.removeAll(over: plan.experiences, reservingCapacity: matched.steps.count)
        for step in matched.steps {
            let event = caseEvents[step.event]
            if !event.values.isEmpty {
                events += 1
                let position = plan.positions[step.touchpoint]
                // The first value of each attribute counts, as the row gives them.
                for index in event.values {
                    let attribute = values[index].attribute
                    guard attribute >= 0 else { continue }
                    if attribute >= seen.count { seen.append(contentsOf: repeatElement(0, count: attribute - seen.count + 1)) }
                    guard seen[attribute] != events else { continue }
                    seen[attribute] = events
                    steps.overlay(PlannedValue(attribute: attribute, value: value(values, at: index), position: position))
                }
            }
            steps.append(touchpoint: step.touchpoint, channel: step.channel, seconds: Double(event.time - start) / 1000)
        }
    }

    /// A recorded value in the model's terms, read where it is stored.
    private mutating func value(_ values: [RecordedValue], at index: Int) -> AttributeValue {
        let scalar = values[index].scalar
        switch values[index].kind {
        case .choice: return .choice(Int(scalar))
        case .number: return .number(scalar)
        case .duration: return .duration(duration(milliseconds: Int64(scalar)))
        case .boolean: return .boolean(scalar != 0)
        case .text: return .text(String(decoding: values[index].text, as: UTF8.self))
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
