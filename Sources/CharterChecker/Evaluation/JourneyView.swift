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

    init(_ journey: Journey, order: [Int]) {
        self.init(order: order, channels: journey.touchpoints.map(\.channel), stages: journey.touchpoints.map(\.stage))
    }

    /// A journey read in an order of its own: a lived journey, in the order
    /// it was lived, on the channels it was lived on.
    init(order: [Int], channels: [Int], stages: [Int]) {
        self.order = order
        self.channels = channels
        self.stages = stages
    }
}

/// One journey as one segment lives it: the touchpoints it goes through, in
/// journey order, each with the segment's experience there. What markers
/// that compare journeys keep of each journey.
///
/// A lived journey is read over its planned one, without a model journey
/// of its own: touchpoint `p` of the trace is the lived step `p`, which is
/// planned touchpoint `livedTouchpoints[p]` lived on `layout.channels[p]`,
/// with `next` to the step lived after it.
struct JourneyTrace: Sendable {
    /// The journey; for a lived one, the planned journey it follows.
    var journey: Journey { shared.journey }
    private let shared: SharedJourney
    /// Position among the brand's journeys, for the tallies.
    let index: Int
    /// Position among the workspace's journeys, for the gaps.
    let workspaceIndex: Int
    let layout: JourneyLayout
    /// Positions of the touchpoints the segment goes through, in journey order.
    let order: [Int]
    /// The segment's experience at each touchpoint, by touchpoint position;
    /// empty for touchpoints the segment does not go through.
    let experiences: TraceExperiences
    /// For a lived journey, when each touchpoint was lived, in seconds from
    /// the first, by touchpoint position; nil for a planned journey, whose
    /// times are the sums of its `after` delays.
    let livedSeconds: [Double]?
    /// For a lived journey, the planned touchpoint of each lived one; nil
    /// for a planned journey.
    private let livedTouchpoints: [Int]?
    /// For a lived journey, the link from each lived touchpoint to the next
    /// (the last one's is never read).
    private let livedLinks: [TouchpointLink]
    /// Nil for a lived journey, whose touchpoints are all lived.
    private let taken: MemberSet?

    init(journey: Journey, index: Int, workspaceIndex: Int, segment: Int, layout: JourneyLayout) {
        shared = SharedJourney(journey)
        self.index = index
        self.workspaceIndex = workspaceIndex
        self.layout = layout
        livedSeconds = nil
        livedTouchpoints = nil
        livedLinks = []
        let touchpoints = journey.touchpoints
        // Stored properties read in place: no touchpoint is copied.
        order = layout.order.filter { touchpoints[$0].segments?.contains(segment) ?? true }
        var experiences = [Experience](repeating: Experience(), count: touchpoints.count)
        for position in order {
            experiences[position] = SegmentOverlay.experience(
                for: segment, base: touchpoints[position].experience, overlays: touchpoints[position].bySegment
            )
        }
        self.experiences = TraceExperiences(experiences)
        taken = MemberSet(order)
    }

    /// A lived journey over `planned`: `layout` in lived order (its order
    /// every position), the experiences already the segment's with the
    /// lived values laid over them, `links[p]` the link from `p` to `p + 1`.
    init(
        lived touchpoints: [Int], of planned: SharedJourney, index: Int, layout: JourneyLayout, experiences: TraceExperiences,
        seconds: [Double], links: [TouchpointLink]
    ) {
        shared = planned
        self.index = index
        workspaceIndex = 0
        self.layout = layout
        order = layout.order
        self.experiences = experiences
        livedSeconds = seconds
        livedTouchpoints = touchpoints
        livedLinks = links
        taken = nil
    }

    /// How many touchpoints the journey has (lived ones, for a lived journey).
    var count: Int { livedTouchpoints?.count ?? journey.touchpoints.count }

    /// The planned touchpoint's position in the journey.
    func planned(_ position: Int) -> Int { livedTouchpoints?[position] ?? position }

    func initiator(_ position: Int) -> Initiator { journey.touchpoints[planned(position)].initiator }

    func after(_ position: Int) -> ISODuration? { journey.touchpoints[planned(position)].after }

    func suppressions(_ position: Int) -> [Suppression] { journey.touchpoints[planned(position)].suppressions }

    /// Where the touchpoint is written.
    func sourcePosition(_ position: Int) -> SourcePosition { journey.touchpoints[planned(position)].position }

    /// Where `position` leads: its `next`; for a lived touchpoint, the one lived after it.
    func links(_ position: Int) -> ArraySlice<TouchpointLink> {
        guard livedTouchpoints != nil else { return journey.touchpoints[position].next[...] }
        return position + 1 < livedLinks.count ? livedLinks[position...position] : livedLinks[0..<0]
    }

    func channel(_ position: Int) -> Int { layout.channels[position] }

    func stage(_ position: Int) -> Int { layout.stages[position] }

    func isTaken(_ position: Int) -> Bool { taken?.contains(position) ?? (position >= 0 && position < count) }

    /// The touchpoints inside `scope`, in journey order.
    func touchpoints(in scope: ScopeFilter) -> [Int] {
        guard scope.channels != nil || scope.stages != nil else { return order }
        return order.filter { scope.includes(channel: layout.channels[$0]) && scope.includes(stage: layout.stages[$0]) }
    }
}

/// A planned journey held once and shared: a lived check judges every
/// case of a journey over it, and each case's trace then costs one
/// reference count for the journey rather than one per array it holds.
public final class SharedJourney: Sendable {
    public let journey: Journey

    public init(_ journey: Journey) {
        self.journey = journey
    }
}

/// The experiences a trace reads, by touchpoint position: a planned
/// journey's, one ``Experience`` each, or a lived case's steps, their lived
/// values over the planned ones, with the checker's numbers already laid out.
struct TraceExperiences: Sendable {
    private let planned: [Experience]
    /// Nil for a planned journey's.
    let lived: LivedSteps?

    init(_ planned: [Experience]) {
        self.planned = planned
        lived = nil
    }

    init(lived: LivedSteps) {
        planned = []
        self.lived = lived
    }

    var count: Int { lived?.count ?? planned.count }

    subscript(position: Int) -> ExperienceValues {
        guard let lived else { return planned[position].view }
        return lived.experience(at: position)
    }

    /// The values planned at `position` of a planned journey.
    func plannedValues(at position: Int) -> [PlannedValue] { planned[position].values }
}

/// A journey as a segment lives it, ready for the markers that judge it on
/// its own: its trace, its touchpoints by channel, and its experiences as
/// plain numbers for compiled expectations. Built once per journey and
/// segment, shared by every such marker, and let go before the next journey.
struct JourneyView: Sendable {
    let trace: JourneyTrace
    /// Positions of the touchpoints the segment goes through, grouped by
    /// channel, each group in journey order: channel `c`'s are
    /// `byChannel[channelStarts[c]..<channelStarts[c + 1]]`.
    let byChannel: [Int]
    let channelStarts: [Int32]
    /// The experiences as plain numbers: the slots of touchpoint `p` are
    /// `slots[slotStarts[p]..<slotStarts[p + 1]]`.
    let slots: [PlannedSlot]
    let slotStarts: [Int32]

    init(_ trace: JourneyTrace, channelCount: Int) {
        var storage = Storage()
        self.init(trace, channelCount: channelCount, reusing: &storage)
    }

    /// A view whose buffers are `storage`'s, refilled in place: a lived
    /// session makes one view per case, and the buffers are unshared again
    /// once the view of the case before is let go. A lived case's numbers
    /// are its steps' own, laid out as they were filled.
    ///
    /// The trace is consumed: a lived case's is made for its view alone,
    /// and moving it in spares counting every reference it holds.
    init(_ trace: consuming JourneyTrace, channelCount: Int, reusing storage: inout Storage) {
        // Grouped by channel with one count and one pass, in place: no array per
        // channel. The buffer of positions only grows; the starts say what is read.
        let channels = trace.layout.channels, order = trace.order
        if storage.channelStarts.count != channelCount + 1 { storage.channelStarts = Array(repeating: 0, count: channelCount + 1) }
        if storage.byChannel.count < order.count { storage.byChannel = Array(repeating: 0, count: order.count) }
        storage.channelStarts.withUnsafeMutableBufferPointer { starts in
            storage.byChannel.withUnsafeMutableBufferPointer { positions in
                starts.update(repeating: 0)
                for position in order {
                    // A channel is the brand's (the loader's or the row's look-up); checked
                    // once here, the unchecked buffers below stay within bounds.
                    precondition((0..<channelCount).contains(channels[position]), "a lived step's channel is not the brand's")
                    starts[channels[position] + 1] += 1
                }
                for channel in 0..<channelCount { starts[channel + 1] += starts[channel] }
                // Each channel's start serves as its cursor, then is set back.
                for position in order {
                    let channel = channels[position]
                    positions[Int(starts[channel])] = position
                    starts[channel] += 1
                }
                for channel in stride(from: channelCount, to: 0, by: -1) { starts[channel] = starts[channel - 1] }
                starts[0] = 0
            }
        }
        byChannel = storage.byChannel
        channelStarts = storage.channelStarts
        if let lived = trace.experiences.lived {
            slots = lived.slots
            slotStarts = lived.slotStarts
        } else {
            storage.slots.removeAll(keepingCapacity: true)
            storage.slotStarts.removeAll(keepingCapacity: true)
            let experiences = trace.experiences
            storage.slotStarts.reserveCapacity(experiences.count + 1)
            for position in 0..<experiences.count {
                storage.slotStarts.append(Int32(truncatingIfNeeded: storage.slots.count))
                for planned in experiences.plannedValues(at: position) { storage.slots.append(PlannedSlot(planned)) }
            }
            storage.slotStarts.append(Int32(truncatingIfNeeded: storage.slots.count))
            slots = storage.slots
            slotStarts = storage.slotStarts
        }
        self.trace = trace
    }

    /// The buffers of a view, kept between views.
    struct Storage: Sendable {
        var byChannel: [Int] = []
        var channelStarts: [Int32] = []
        var slots: [PlannedSlot] = []
        var slotStarts: [Int32] = []
    }

    var journey: Journey { trace.journey }
    var order: [Int] { trace.order }
    var experiences: TraceExperiences { trace.experiences }

    func channel(_ position: Int) -> Int { trace.layout.channels[position] }

    func stage(_ position: Int) -> Int { trace.layout.stages[position] }

    func isTaken(_ position: Int) -> Bool { trace.isTaken(position) }

    /// The touchpoints inside `scope`, in journey order.
    func orderedTouchpoints(in scope: ScopeFilter) -> [Int] { trace.touchpoints(in: scope) }

    /// Calls `body` with each touchpoint inside `scope`, allocating
    /// nothing (a lived check runs every marker for every case): in journey
    /// order, or grouped by channel through the view's index when the scope
    /// names channels, so a marker about two channels never visits the others.
    func forEachTouchpoint(in scope: ScopeFilter, _ body: (Int) -> Void) {
        let stages = trace.layout.stages
        guard let channels = scope.channels else {
            for position in trace.order where scope.includes(stage: stages[position]) { body(position) }
            return
        }
        for channel in 0..<channelStarts.count - 1 where channels.contains(channel) {
            for position in byChannel[Int(channelStarts[channel])..<Int(channelStarts[channel + 1])]
            where scope.includes(stage: stages[position]) {
                body(position)
            }
        }
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

    init(_ planned: borrowing PlannedValue) {
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
