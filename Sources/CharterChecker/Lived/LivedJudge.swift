import JourneyModel

/// Judges lived journeys by a brand's charter for one segment, with the
/// very evaluations that judge planned journeys: a lived journey is a
/// journey whose touchpoints are those the customer lived, in the order
/// lived, each with the lived values laid over the planned ones, and
/// `next` from each to the one lived after it, read over the planned
/// journey (``LivedSteps``) rather than made a model journey of its own.
/// The view the evaluations read is the planned one's, read in lived order
/// and timed by when each touchpoint was lived (pressure counts real
/// contacts in real windows).
///
/// Markers that compare journeys (one value across journeys) compare the
/// touchpoints of the one lived journey: a case is one customer's journey.
///
/// ```swift
/// var session = LivedJudge(brand: brand, segment: premium, journeyCount: 2).makeSession()
/// let judgement = session.judge(lived, of: journey, plannedJourney: 0)   // lived: LivedSteps
/// judgement.checks[markerIndex]   // applicable and met checks of that marker in this case
/// ```
public struct LivedJudge: Sendable {
    let judge: SegmentJudge
    let journeyCount: Int

    /// - Parameter journeyCount: how many journeys the brand has, which
    ///   lived journeys are counted against by position.
    public init(brand: Brand, segment: Int, journeyCount: Int) {
        judge = SegmentJudge(brand: brand, segment: segment)
        self.journeyCount = journeyCount
    }

    public var brand: Brand { judge.brand }
    public var segment: Int { judge.segment }

    /// Whether `marker` (position in the charter) judges a touchpoint on
    /// `channel` at `stage` for this segment: which lived values a report
    /// sets beside the marker's promise (a lived reply time beside "at
    /// most two hours").
    public func includes(marker: Int, channel: Int, stage: Int) -> Bool {
        let markers = judge.brand.charter.markers
        guard markers.indices.contains(marker), markers[marker].isEnabled else { return false }
        let scope = ScopeFilter(markers[marker].scope, brand: judge.brand)
        return scope.includes(segment: judge.segment) && scope.includes(channel: channel) && scope.includes(stage: stage)
    }

    /// A session judges cases one after another, reusing what it can. Its
    /// markers are compiled for it alone: a task counts references to them
    /// for every case, and objects no other task touches count cheaply.
    public func makeSession() -> LivedSession {
        LivedSession(judge: SegmentJudge(brand: judge.brand, segment: judge.segment), journeyCount: journeyCount)
    }
}

/// A case's lived touchpoints as the checker reads them, over the planned
/// journey: for each, in lived order, the planned touchpoint, the channel
/// it was lived on, the lived values laid over what the segment plans
/// there, and when it was lived. The planned values are read in place from
/// the path's ``PlannedExperiences``; only the lived ones, and the
/// checker's numbers for each experience, are laid out in buffers of the
/// steps, so a case allocates nothing per touchpoint and copies no planned
/// value. Filled again for each case, its buffers kept.
public struct LivedSteps: Sendable {
    /// Planned touchpoint positions, by lived position.
    public private(set) var touchpoints: [Int] = []
    public private(set) var channels: [Int] = []
    /// Seconds from the first lived touchpoint.
    public private(set) var seconds: [Double] = []
    /// What the path the steps follow plans, by planned touchpoint.
    private(set) var planned = PlannedExperiences([])
    /// `planned`'s numbers and where each touchpoint's numbers start, held here
    /// too: a step reads them as the steps' own arrays, where reading them
    /// through the planned object counts references to it and to them per step.
    private var plannedSlots: [PlannedSlot] = []
    private var plannedStarts: [Int32] = [0]
    /// Each lived position's lived values, sorted by attribute, one after
    /// the other: position `p`'s are `lived[livedStarts[p]..<livedStarts[p + 1]]`.
    private(set) var lived: [PlannedValue] = []
    private var livedStarts: [Int32] = [0]
    /// Whether the values given since the last touchpoint came out of attribute order.
    private var livedUnsorted = false
    /// Each lived position's whole experience, lived over planned, as the
    /// numbers the checker compares: position `p`'s are
    /// `slots[slotStarts[p]..<slotStarts[p + 1]]`.
    private(set) var slots: [PlannedSlot] = []
    private(set) var slotStarts: [Int32] = [0]

    public init() {}

    public var count: Int { touchpoints.count }

    /// The experience of lived position `index`, read in place.
    public func experience(at index: Int) -> ExperienceValues {
        ExperienceValues(
            planned.values[planned.range(of: touchpoints[index])], overlaid: lived[Int(livedStarts[index])..<Int(livedStarts[index + 1])]
        )
    }

    /// Empties the steps for a case over `planned`, keeping their buffers
    /// for the next case, with room for `count` touchpoints (so that a long
    /// case's arrays are not grown, and copied, step by step).
    public mutating func removeAll(over planned: PlannedExperiences, reservingCapacity count: Int = 0) {
        if planned !== self.planned {
            self.planned = planned
            plannedSlots = planned.slots
            plannedStarts = planned.starts
        }
        touchpoints.removeAll(keepingCapacity: true)
        channels.removeAll(keepingCapacity: true)
        seconds.removeAll(keepingCapacity: true)
        lived.removeAll(keepingCapacity: true)
        livedStarts.removeAll(keepingCapacity: true)
        livedStarts.append(0)
        livedUnsorted = false
        slots.removeAll(keepingCapacity: true)
        slotStarts.removeAll(keepingCapacity: true)
        slotStarts.append(0)
        touchpoints.reserveCapacity(count)
        channels.reserveCapacity(count)
        seconds.reserveCapacity(count)
        livedStarts.reserveCapacity(count + 1)
        slotStarts.reserveCapacity(count + 1)
    }

    /// Lays `value` over what the touchpoint appended next plans: a lived
    /// touchpoint's values come first, one per attribute in any order, then
    /// the touchpoint. Moved in, so that no value is copied or counted again.
    public mutating func overlay(_ value: consuming PlannedValue) {
        if lived.count > Int(livedStarts[livedStarts.count - 1]), lived[lived.count - 1].attribute > value.attribute {
            livedUnsorted = true
        }
        lived.append(value)
    }

    /// Appends a lived touchpoint, planned position `touchpoint` of the
    /// experiences the steps are over, with the values given by `overlay`
    /// since the touchpoint before laid over what it plans.
    public mutating func append(touchpoint: Int, channel: Int, seconds: Double) {
        touchpoints.append(touchpoint)
        channels.append(channel)
        self.seconds.append(seconds)
        let range = Int(plannedStarts[touchpoint])..<Int(plannedStarts[touchpoint + 1]), start = Int(livedStarts[livedStarts.count - 1])
        if start != lived.count, livedUnsorted {
            // Rows mostly give their values in attribute order already.
            lived[start...].sort { $0.attribute < $1.attribute }
            livedUnsorted = false
        }
        Self.appendExperience(plannedSlots, range, overlaid: lived, from: start, into: &slots)
        livedStarts.append(Int32(truncatingIfNeeded: lived.count))
        slotStarts.append(Int32(truncatingIfNeeded: slots.count))
    }

    /// Appends to `slots` the planned numbers `planned[range]` with the
    /// numbers of the lived values `lived[start...]` laid over them. The
    /// arrays come in borrowed, the steps' own: the step appended copies
    /// numbers only, and counts no reference to the arrays it reads.
    private static func appendExperience(
        _ planned: borrowing [PlannedSlot], _ range: Range<Int>, overlaid lived: borrowing [PlannedValue], from start: Int,
        into slots: inout [PlannedSlot]
    ) {
        planned.withUnsafeBufferPointer { planned in
            let planned = UnsafeBufferPointer(rebasing: planned[range])
            guard start < lived.count else {
                slots.append(contentsOf: planned)
                return
            }
            lived.withUnsafeBufferPointer { lived in
                Experience.merge(
                    planned, overlaid: UnsafeBufferPointer(rebasing: lived[start...]), into: &slots,
                    attribute: { Int($0.attribute) }, topAttribute: \.attribute, converting: PlannedSlot.init
                )
            }
        }
    }
}

/// Judges one lived journey after another for one segment; not shared
/// between tasks (each task makes its own). The buffers a case's trace is
/// made of are kept from one case to the next.
public struct LivedSession: Sendable {
    private let judge: SegmentJudge
    private var recorder: GapRecorder
    private var order: [Int] = []
    private var stages: [Int] = []
    private var links: [TouchpointLink] = []
    private var view = JourneyView.Storage()

    init(judge: SegmentJudge, journeyCount: Int) {
        self.judge = judge
        recorder = GapRecorder(brand: judge.brand, segment: judge.segment, journeyCount: max(1, journeyCount))
        recorder.startCountingCases()
    }

    /// Judges `lived`, the lived touchpoints of a case of `planned`, planned
    /// journey `plannedJourney` (position among the brand's journeys).
    ///
    /// The gaps name the lived journey as journey 0 of a workspace, and
    /// positions in its lived touchpoints (`lived.touchpoints` gives the
    /// planned one of each).
    public mutating func judge(_ lived: LivedSteps, of planned: Journey, plannedJourney: Int) -> LivedJudgement {
        judge(lived, of: SharedJourney(planned), plannedJourney: plannedJourney)
    }

    /// The same, over a planned journey shared by every case of it.
    public mutating func judge(_ lived: LivedSteps, of shared: SharedJourney, plannedJourney: Int) -> LivedJudgement {
        let count = lived.count
        // The order is every lived position: cut or grown at its end, not refilled per case.
        if order.count > count {
            order.removeSubrange(count...)
        } else if order.count < count {
            order.reserveCapacity(count)
            order.append(contentsOf: order.count..<count)
        }
        stages.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
        stages.reserveCapacity(count)
        links.reserveCapacity(count)
        let touchpoints = shared.journey.touchpoints
        for index in 0..<count {
            let position = lived.touchpoints[index]
            stages.append(touchpoints[position].stage)
            links.append(TouchpointLink(target: index + 1, position: touchpoints[position].position))
        }
        recorder.startCase()
        // The trace holds the buffers only while the case is judged: the
        // next case finds them unshared and refills them in place.
        do {
            let trace = JourneyTrace(
                lived: lived.touchpoints, of: shared, index: plannedJourney,
                layout: JourneyLayout(order: order, channels: lived.channels, stages: stages),
                experiences: TraceExperiences(lived: lived), seconds: lived.seconds, links: links
            )
            if judge.comparesJourneys {
                judge.judge(copy trace, into: &recorder, reusing: &view)
                judge.compare([trace], into: &recorder)
            } else {
                judge.judge(trace, into: &recorder, reusing: &view)
            }
        }
        let checks = recorder.caseChecks
        return LivedJudgement(checks: checks.byMarker, byChannel: checks.byChannel, gaps: recorder.takeGaps())
    }
}

/// What the charter found in one lived journey.
public struct LivedJudgement: Sendable {
    /// By marker position in the brand's charter: the checks that applied
    /// and those met (suppressed checks are not counted).
    public let checks: [CheckCount]
    /// By channel position (the last column: checks about no one channel),
    /// every marker's checks together.
    public let byChannel: [CheckCount]
    /// The gaps, open and accepted, at positions of the lived journey.
    public let gaps: [Gap]
}
