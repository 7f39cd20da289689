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
        self.init(journey, order: JourneyOrder.order(of: journey))
    }

    /// A journey read in an order of its own: a lived journey, in the order
    /// it was lived.
    init(_ journey: Journey, order: [Int]) {
        self.order = order
        channels = journey.touchpoints.map(\.channel)
        stages = journey.touchpoints.map(\.stage)
    }
}

/// One journey as one segment lives it: the touchpoints it goes through, in
/// journey order, each with the segment's experience there. What markers
/// that compare journeys keep of each journey.
struct JourneyTrace: Sendable {
    let journey: Journey
    /// Position among the brand's journeys, for the tallies.
    let index: Int
    /// Position among the workspace's journeys, for the gaps.
    let workspaceIndex: Int
    let layout: JourneyLayout
    /// Positions of the touchpoints the segment goes through, in journey order.
    let order: [Int]
    /// The segment's experience at each touchpoint, by touchpoint position;
    /// empty for touchpoints the segment does not go through.
    let experiences: [Experience]
    /// For a lived journey, when each touchpoint was lived, in seconds from
    /// the first, by touchpoint position; nil for a planned journey, whose
    /// times are the sums of its `after` delays.
    let livedSeconds: [Double]?
    private let taken: MemberSet

    init(journey: Journey, index: Int, workspaceIndex: Int, segment: Int, layout: JourneyLayout, livedSeconds: [Double]? = nil) {
        self.journey = journey
        self.index = index
        self.workspaceIndex = workspaceIndex
        self.layout = layout
        self.livedSeconds = livedSeconds
        let touchpoints = journey.touchpoints
        // Stored properties read in place: no touchpoint is copied.
        order = layout.order.filter { touchpoints[$0].segments?.contains(segment) ?? true }
        var experiences = [Experience](repeating: Experience(), count: touchpoints.count)
        for position in order {
            experiences[position] = SegmentOverlay.experience(
                for: segment, base: touchpoints[position].experience, overlays: touchpoints[position].bySegment
            )
        }
        self.experiences = experiences
        taken = MemberSet(order)
    }

    /// The touchpoint itself: for its links and suppressions.
    func touchpoint(_ position: Int) -> Touchpoint { journey.touchpoints[position] }

    func channel(_ position: Int) -> Int { layout.channels[position] }

    func stage(_ position: Int) -> Int { layout.stages[position] }

    func isTaken(_ position: Int) -> Bool { taken.contains(position) }

    /// The touchpoints inside `scope`, in journey order.
    func touchpoints(in scope: ScopeFilter) -> [Int] {
        guard scope.channels != nil || scope.stages != nil else { return order }
        return order.filter { scope.includes(channel: layout.channels[$0]) && scope.includes(stage: layout.stages[$0]) }
    }
}

/// A journey as a segment lives it, ready for the markers that judge it on
/// its own: its trace, its touchpoints by channel, and its experiences as
/// plain numbers for compiled expectations. Built once per journey and
/// segment, shared by every such marker, and let go before the next journey.
struct JourneyView: Sendable {
    let trace: JourneyTrace
    /// Positions of the touchpoints the segment goes through, by channel.
    let byChannel: [[Int]]
    /// The experiences as plain numbers: the slots of touchpoint `p` are
    /// `slots[slotStarts[p]..<slotStarts[p + 1]]`.
    let slots: [PlannedSlot]
    let slotStarts: [Int32]

    init(_ trace: JourneyTrace, channelCount: Int) {
        self.trace = trace
        var byChannel = [[Int]](repeating: [], count: channelCount)
        for position in trace.order { byChannel[trace.layout.channels[position]].append(position) }
        self.byChannel = byChannel
        var slots: [PlannedSlot] = []
        var slotStarts: [Int32] = []
        slotStarts.reserveCapacity(trace.experiences.count + 1)
        for experience in trace.experiences {
            slotStarts.append(Int32(truncatingIfNeeded: slots.count))
            for planned in experience.values { slots.append(PlannedSlot(planned)) }
        }
        slotStarts.append(Int32(truncatingIfNeeded: slots.count))
        self.slots = slots
        self.slotStarts = slotStarts
    }

    var journey: Journey { trace.journey }
    var order: [Int] { trace.order }
    var experiences: [Experience] { trace.experiences }

    func channel(_ position: Int) -> Int { trace.layout.channels[position] }

    func stage(_ position: Int) -> Int { trace.layout.stages[position] }

    func isTaken(_ position: Int) -> Bool { trace.isTaken(position) }

    /// The touchpoints inside `scope`, in journey order.
    func orderedTouchpoints(in scope: ScopeFilter) -> [Int] { trace.touchpoints(in: scope) }

    /// The touchpoints inside `scope`, grouped by channel through the view's
    /// index, so a marker about two channels never visits the others.
    func touchpoints(in scope: ScopeFilter) -> [Int] {
        guard let channels = scope.channels else { return trace.touchpoints(in: scope) }
        let stages = trace.layout.stages
        var result: [Int] = []
        for channel in channels where channel < byChannel.count {
            for position in byChannel[channel] where scope.includes(stage: stages[position]) {
                result.append(position)
            }
        }
        return result
    }
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
