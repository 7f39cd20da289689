import JourneyModel

/// A journey's structure as plain integers, computed once per journey and
/// shared by every segment: markers read channels and stages in their inner
/// loops, and reading them from here copies no touchpoint.
struct JourneyLayout: Sendable {
    /// Every touchpoint position, in journey order.
    let order: [Int]
    /// Each touchpoint's channel, by touchpoint position.
    let channels: [Int]
    /// Each touchpoint's stage, by touchpoint position.
    let stages: [Int]

    init(_ journey: Journey) {
        order = JourneyOrder.order(of: journey)
        channels = journey.touchpoints.map(\.channel)
        stages = journey.touchpoints.map(\.stage)
    }
}

/// One journey as one segment lives it: the touchpoints it goes through, in
/// journey order, each with the segment's effective experience. Built once
/// per journey and segment, then shared by every marker.
struct JourneyView: Sendable {
    let journey: Journey
    /// Position among the brand's journeys.
    let index: Int
    let layout: JourneyLayout
    /// Positions of the touchpoints the segment goes through, in journey order.
    let order: [Int]
    /// The segment's experience at each touchpoint, by touchpoint position;
    /// empty for touchpoints the segment does not go through.
    let experiences: [Experience]
    /// Positions of the touchpoints the segment goes through, by channel.
    let byChannel: [[Int]]
    /// The same experiences as plain numbers, for compiled expectations:
    /// the slots of touchpoint `p` are `slots[slotStarts[p]..<slotStarts[p + 1]]`.
    /// Empty in a view kept for the markers that compare journeys (see
    /// ``keptForComparison()``), which then read ``experiences``.
    private(set) var slots: [PlannedSlot]
    private(set) var slotStarts: [Int32]
    private let taken: MemberSet

    init(journey: Journey, index: Int, segment: Int, layout: JourneyLayout, channelCount: Int) {
        self.journey = journey
        self.index = index
        self.layout = layout
        let touchpoints = journey.touchpoints
        // Stored properties read in place: no touchpoint is copied.
        order = layout.order.filter { touchpoints[$0].segments?.contains(segment) ?? true }
        var experiences = [Experience](repeating: Experience(), count: touchpoints.count)
        var byChannel = [[Int]](repeating: [], count: channelCount)
        for position in order {
            experiences[position] = SegmentOverlay.experience(
                for: segment, base: touchpoints[position].experience, overlays: touchpoints[position].bySegment
            )
            byChannel[layout.channels[position]].append(position)
        }
        self.experiences = experiences
        self.byChannel = byChannel
        var slots: [PlannedSlot] = []
        var slotStarts: [Int32] = []
        slotStarts.reserveCapacity(experiences.count + 1)
        for experience in experiences {
            slotStarts.append(Int32(truncatingIfNeeded: slots.count))
            for planned in experience.values { slots.append(PlannedSlot(planned)) }
        }
        slotStarts.append(Int32(truncatingIfNeeded: slots.count))
        self.slots = slots
        self.slotStarts = slotStarts
        taken = MemberSet(order)
    }

    /// This view without its slots: markers that compare journeys need every
    /// view of a segment at once, and the slots, a copy of the experiences
    /// made for speed, would double what those views hold.
    func keptForComparison() -> JourneyView {
        var kept = self
        kept.slots = []
        kept.slotStarts = []
        return kept
    }

    /// The touchpoint itself: for messages, once a check has failed.
    func touchpoint(_ position: Int) -> Touchpoint { journey.touchpoints[position] }

    func channel(_ position: Int) -> Int { layout.channels[position] }

    func stage(_ position: Int) -> Int { layout.stages[position] }

    func isTaken(_ position: Int) -> Bool { taken.contains(position) }
}

/// A planned value reduced to a number: the rank of a word, a number, a
/// duration in seconds, 0 or 1 for a boolean; text keeps only its kind.
/// Sixteen bytes and no reference, so scanning them costs no reference counting.
struct PlannedSlot: Sendable {
    let attribute: Int32
    let kind: Kind
    let scalar: Double

    enum Kind: UInt8, Sendable {
        case choice, number, duration, boolean, text
    }

    init(_ planned: PlannedValue) {
        attribute = Int32(truncatingIfNeeded: planned.attribute)
        switch planned.value {
        case .choice(let rank): (kind, scalar) = (.choice, Double(rank))
        case .number(let number): (kind, scalar) = (.number, number)
        case .duration(let duration): (kind, scalar) = (.duration, duration.seconds)
        case .boolean(let flag): (kind, scalar) = (.boolean, flag ? 1 : 0)
        case .text: (kind, scalar) = (.text, 0)
        }
    }
}
