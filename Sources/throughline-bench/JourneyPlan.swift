/// One generated journey as plain values, before it is written as JSONC.

/// How a generated journey's values are chosen.
enum ValuePlanning: Sendable {
    /// Within the charter but for a few deliberate departures: about 2.5 % of checks fail.
    case realistic
    /// Each at random from its attribute's domain: a large share of checks fail.
    case random
}

struct PlannedTouchpoint: Sendable {
    var id: String
    var name: String
    var stage: Int
    var channel: Int
    var activity: String
    /// Segment positions when the touchpoint is restricted to some; nil for all of the journey's.
    var segments: [Int]?
    /// Attribute position → value, for every segment.
    var base: [Int: PlanValue] = [:]
    /// Segment position → attribute position → value laid over `base`.
    var overlays: [Int: [Int: PlanValue]] = [:]
    /// Positions of the touchpoints `next` names (always later ones).
    var next: [Int] = []
    /// Written as `//` comments inside the touchpoint.
    var notes: [String] = []

    /// The experience of `segment` at this touchpoint, as the checker computes it.
    func value(_ attribute: Int, for segment: Int) -> PlanValue? {
        overlays[segment]?[attribute] ?? base[attribute]
    }
}

struct PlannedKPI: Sendable {
    let name: String
    let quantitative: Bool
    let target: String?
}

struct PlannedJourney: Sendable {
    let id: String
    let name: String
    let brand: Int
    /// The folder-relative path: `Journeys/<brand>/<id>.journey.jsonc`.
    let path: String
    /// Segment positions that go through the journey.
    let segments: [Int]
    /// False when the file leaves `segments` out (every segment of the brand).
    let writesSegments: Bool
    var touchpoints: [PlannedTouchpoint]
    var kpis: [(stage: Int, kpis: [PlannedKPI])]
    let description: String
}

/// Counts the planner keeps, for the generator's self-check line.
struct PlanStatistics: Sendable {
    var touchpoints = 0
    /// Deliberate departures from the charter.
    var departures = 0
    /// Places where the charter's constraints leave no value: a template bug.
    var contradictions = 0

    static func + (lhs: PlanStatistics, rhs: PlanStatistics) -> PlanStatistics {
        PlanStatistics(
            touchpoints: lhs.touchpoints + rhs.touchpoints, departures: lhs.departures + rhs.departures,
            contradictions: lhs.contradictions + rhs.contradictions
        )
    }
}
