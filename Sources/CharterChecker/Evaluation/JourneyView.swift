import JourneyModel

/// One journey as one segment lives it: the touchpoints it goes through, in
/// journey order, each with the segment's effective experience. Built once
/// per journey and segment, then shared by every marker.
struct JourneyView: Sendable {
    let journey: Journey
    /// Position among the brand's journeys.
    let index: Int
    /// Positions of the touchpoints the segment goes through, in journey order.
    let order: [Int]
    /// The segment's experience at each touchpoint, by touchpoint position;
    /// empty for touchpoints the segment does not go through.
    let experiences: [Experience]
    /// Positions of the touchpoints the segment goes through, by channel.
    let byChannel: [Int: [Int]]
    private let taken: MemberSet

    init(journey: Journey, index: Int, segment: Int, journeyOrder: [Int]) {
        self.journey = journey
        self.index = index
        let touchpoints = journey.touchpoints
        order = journeyOrder.filter { touchpoints[$0].isTaken(by: segment) }
        var experiences = [Experience](repeating: Experience(), count: touchpoints.count)
        for position in order { experiences[position] = touchpoints[position].experience(for: segment) }
        self.experiences = experiences
        byChannel = Dictionary(grouping: order, by: { touchpoints[$0].channel })
        taken = MemberSet(order)
    }

    func touchpoint(_ position: Int) -> Touchpoint { journey.touchpoints[position] }

    func isTaken(_ position: Int) -> Bool { taken.contains(position) }
}
