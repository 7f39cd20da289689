import CharterChecker
import JourneyModel
import LivedCases

/// What a brand's judging needs, made once and shared by every task: the
/// matcher of each source, a judge per segment, and the duration promises
/// of the charter with where each applies.
public struct LivedContext: Sendable {
    /// One shared object: a task reads it for every case, and a copy costs
    /// one reference count, not one per table.
    private let storage: Storage

    private final class Storage: Sendable {
        let brand: Brand
        let journeys: [Journey]
        let judges: [LivedJudge]
        let promises: [(attribute: Int, seconds: Double)?]
        let inScope: [[[Bool]]]

        init(brand: Brand, journeys: [Journey], judges: [LivedJudge], promises: [(attribute: Int, seconds: Double)?], inScope: [[[Bool]]]) {
            self.brand = brand
            self.journeys = journeys
            self.judges = judges
            self.promises = promises
            self.inScope = inScope
        }
    }

    public var brand: Brand { storage.brand }
    public var journeys: [Journey] { storage.journeys }
    var judges: [LivedJudge] { storage.judges }
    /// `promises[marker]`: the attribute and the promise in seconds of a
    /// marker that promises a duration at most.
    var promises: [(attribute: Int, seconds: Double)?] { storage.promises }
    /// `inScope[segment][marker][channel * stageCount + stage]`.
    var inScope: [[[Bool]]] { storage.inScope }

    public init(brand: Brand, journeys: [Journey]) {
        let judges = brand.segments.indices.map { LivedJudge(brand: brand, segment: $0, journeyCount: journeys.count) }
        let markers = brand.charter.markers
        let promises: [(attribute: Int, seconds: Double)?] = markers.map { marker in
            for expectation in marker.rule.definition.expectations {
                switch expectation.test {
                case .atMost(.duration(let limit)): return (expectation.attribute, limit.seconds)
                default: continue
                }
            }
            return nil
        }
        let channels = brand.channels.count, stages = brand.stages.count
        let inScope = judges.map { judge in
            markers.indices.map { marker in
                guard promises[marker] != nil else { return [Bool]() }
                var table = [Bool](repeating: false, count: channels * stages)
                for channel in 0..<channels {
                    for stage in 0..<stages { table[channel * stages + stage] = judge.includes(marker: marker, channel: channel, stage: stage) }
                }
                return table
            }
        }
        storage = Storage(brand: brand, journeys: journeys, judges: judges, promises: promises, inScope: inScope)
    }
}

/// Everything counted over the cases one task judged, for one brand;
/// tallies merge in any order to the same totals, so a report does not
/// depend on partitions, cores or row order.
public struct LivedTally: Sendable {
    public private(set) var cases = 0
    public private(set) var duplicates = 0
    public private(set) var unmatched: [UnmatchedReason: Int] = [:]
    /// `journeys[journey * segmentCount + segment]`, nil until a case of it
    /// is counted: a case finds its counts by index, not by a hashed key.
    private var journeys: [JourneyTally?]
    private let segmentCount: Int
    private var sessions: [LivedSession]
    /// The lived journey of the case being judged, its buffers kept between cases.
    private var lived = LivedJourney()
    /// The case being judged, matched; its buffers kept between cases.
    private var matched = MatchedCase()
    /// The brand's journeys, each held in an object of this tally's own:
    /// a reference every case counts, and no other task touches.
    private let shared: [SharedJourney]

    public init(context: LivedContext) {
        sessions = context.judges.map { $0.makeSession() }
        shared = context.journeys.map(SharedJourney.init)
        segmentCount = context.brand.segments.count
        journeys = Array(repeating: nil, count: context.journeys.count * segmentCount)
    }

    struct JourneyKey: Hashable, Sendable {
        let journey: Int
        let segment: Int
    }

    /// The journeys and segments with at least one case counted.
    var journeyKeys: [JourneyKey] {
        journeys.indices.compactMap { journeys[$0] == nil ? nil : JourneyKey(journey: $0 / segmentCount, segment: $0 % segmentCount) }
    }

    /// The counts of one journey and segment, nil when no case lived it.
    func counts(_ key: JourneyKey) -> JourneyTally? {
        let slot = key.journey * segmentCount + key.segment
        return journeys.indices.contains(slot) ? journeys[slot] : nil
    }

    /// Matches, judges and counts one case.
    public mutating func add(_ observed: ObservedCase, matcher: CaseMatcher, context: LivedContext) {
        cases += 1
        duplicates += observed.duplicates
        if let reason = matcher.match(observed, into: &matched) {
            unmatched[reason, default: 0] += 1
            return
        }
        let journey = matched.journey, segment = matched.segment
        guard let path = matcher.paths[journey][segment] else { return }
        let slot = journey * segmentCount + segment
        if journeys[slot] == nil { journeys[slot] = JourneyTally(planned: shared[journey].journey, segment: segment, context: context) }
        // Each piece is passed where it is stored, in place: a stored
        // property read while `self` changes would be copied, per case.
        Self.judge(
            observed, planned: shared[journey], path: path, compiled: matcher.compiled,
            matched: &matched, lived: &lived, session: &sessions[segment], counts: &journeys[slot]
        )
    }

    /// Judges the matched case and counts it in `counts`.
    private static func judge(
        _ observed: ObservedCase, planned: SharedJourney, path: PlannedPath, compiled: CompiledSource,
        matched: inout MatchedCase, lived: inout LivedJourney, session: inout LivedSession, counts: inout JourneyTally?
    ) {
        lived.fill(matched, observed: observed, path: path)
        let judgement = session.judge(lived.steps, of: planned, plannedJourney: matched.journey)
        // A lived touchpoint in sequence whose lived experience breaks a marker is failing.
        for gap in judgement.gaps where gap.isOpen {
            guard let index = gap.place.touchpoint, matched.steps.indices.contains(index) else { continue }
            let position = matched.steps[index].touchpoint
            if matched.status[position] == .completed { matched.status[position] = .failing }
        }
        counts?.add(matched, observed: observed, judgement: judgement, compiled: compiled)
    }

    /// Adds another task's counts.
    public mutating func merge(_ other: LivedTally) {
        cases += other.cases
        duplicates += other.duplicates
        unmatched.merge(other.unmatched, uniquingKeysWith: +)
        if journeys.count < other.journeys.count { journeys += Array(repeating: nil, count: other.journeys.count - journeys.count) }
        for slot in other.journeys.indices {
            guard let theirs = other.journeys[slot] else { continue }
            if journeys[slot] == nil {
                journeys[slot] = theirs
            } else {
                journeys[slot]?.merge(theirs)
            }
        }
    }
}


/// Counts for the cases of one segment living one journey.
struct JourneyTally: Sendable {
    var cases = 0
    var asPlanned = 0
    /// `status[touchpoint * statusCount + TouchpointStatus.rawValue]`: one
    /// buffer, so a count is one index and one uniqueness check.
    private(set) var status: [Int]
    var otherChannel: [Int]
    var late: [Int]
    /// `examples[touchpoint * departures.count + departure]`, departures as
    /// in ``JourneyTally/departures``.
    private(set) var examples: [CaseExamples]
    /// Lived steps between planned touchpoints.
    var flows: FlowCounts
    /// Unplanned activity names → events, and cases.
    var adHoc: [ByteKey: (events: Int, cases: CaseCount)] = [:]
    var adHocEvents = 0
    var markerApplicable: [Int]
    var markerMet: [Int]
    var markerExamples: [CaseExamples]
    /// By marker: lived milliseconds and how many times, for markers promising a duration.
    var durations: [DurationCounts]
    var channelEvents: [Int]
    var channelChecks: [CheckCount]
    var owners: [ByteKey: (cases: Int, asPlanned: Int)] = [:]
    /// By touchpoint position: its stage.
    private let stages: [Int]
    /// The markers promising a duration at most, each with its attribute
    /// and whether it judges a channel and stage (`channel * stageCount +
    /// stage`). Made for this tally alone, like `stages`: every case reads
    /// them, and tables no other task reads count their references cheaply.
    private let promised: [(marker: Int, attribute: Int, scope: [Bool])]
    private let stageCount: Int

    /// The departures a touchpoint keeps examples of, in this order.
    static let departures: [Departure] = [.failing, .missing, .outOfSequence, .otherChannel, .late]
    private static let statusCount = TouchpointStatus.allCases.count
    private static let departureCount = departures.count

    /// How many cases had `state` at touchpoint `position`.
    func status(at position: Int, _ state: TouchpointStatus) -> Int {
        status[position * Self.statusCount + Int(state.rawValue)]
    }

    /// The examples of departure `departure` (index in ``departures``) at touchpoint `position`.
    func examples(at position: Int, departure: Int) -> CaseExamples {
        examples[position * Self.departureCount + departure]
    }

    init(planned: Journey, segment: Int, context: LivedContext) {
        let markerCount = context.brand.charter.markers.count, channelCount = context.brand.channels.count
        let count = planned.touchpoints.count
        stages = planned.touchpoints.map(\.stage)
        stageCount = context.brand.stages.count
        promised = context.promises.enumerated().compactMap { marker, promise in
            promise.map { (marker, $0.attribute, context.inScope[segment][marker].map { $0 }) }
        }
        status = Array(repeating: 0, count: Self.statusCount * count)
        otherChannel = Array(repeating: 0, count: count)
        late = Array(repeating: 0, count: count)
        examples = Array(repeating: CaseExamples(), count: Self.departureCount * count)
        flows = FlowCounts(touchpointCount: count)
        markerApplicable = Array(repeating: 0, count: markerCount)
        markerMet = Array(repeating: 0, count: markerCount)
        markerExamples = Array(repeating: CaseExamples(), count: markerCount)
        durations = Array(repeating: DurationCounts(), count: markerCount)
        channelEvents = Array(repeating: 0, count: channelCount)
        channelChecks = Array(repeating: CheckCount(), count: channelCount + 1)
    }

    mutating func add(_ matched: MatchedCase, observed: ObservedCase, judgement: LivedJudgement, compiled: CompiledSource) {
        cases += 1
        let key = observed.key
        var departed = matched.hasDeparture
        // Counts written over the buffers, each checked for sharing once per
        // case rather than once per touchpoint or step; the departures, few,
        // are counted by a second pass of their own.
        let states = matched.status, steps = matched.steps
        status.withUnsafeMutableBufferPointer { counts in
            precondition(states.count * Self.statusCount <= counts.count, "a case's statuses are not its journey's")
            for (position, state) in states.enumerated() where state != .notPlanned {
                counts[position * Self.statusCount + Int(state.rawValue)] += 1
            }
        }
        for (position, state) in states.enumerated() {
            let base = position * Self.departureCount
            switch state {
            case .failing: examples[base].insert(key); departed = true
            case .missing: examples[base + 1].insert(key)
            case .outOfSequence: examples[base + 2].insert(key)
            case .completed, .notReached, .notPlanned: break
            }
        }
        channelEvents.withUnsafeMutableBufferPointer { counts in
            for step in steps {
                precondition(counts.indices.contains(step.channel), "a lived step's channel is not the brand's")
                counts[step.channel] += 1
            }
        }
        for step in steps where step.late || (step.isFirst && step.otherChannel) {
            if step.isFirst, step.otherChannel {
                otherChannel[step.touchpoint] += 1
                examples[step.touchpoint * Self.departureCount + 3].insert(key)
            }
            if step.late {
                late[step.touchpoint] += 1
                examples[step.touchpoint * Self.departureCount + 4].insert(key)
            }
        }
        flows.count(steps, case: cases)
        for index in matched.adHoc {
            let event = observed.events[index]
            let name = observed.name(of: event) ?? Array(compiled.source.activities[Int(event.activity)].name.utf8)
            Self.bump(&adHoc[ByteKey(name), default: (0, CaseCount())], case: cases)
            adHocEvents += 1
        }
        for marker in judgement.checks.indices where judgement.checks[marker].applicable > 0 {
            markerApplicable[marker] += 1
            if judgement.checks[marker].failed == 0 {
                markerMet[marker] += 1
            } else {
                markerExamples[marker].insert(key)
                departed = true
            }
        }
        let byChannel = judgement.byChannel
        channelChecks.withUnsafeMutableBufferPointer { checks in
            for channel in byChannel.indices where channel < checks.count { checks[channel] = checks[channel] + byChannel[channel] }
        }
        // Values read in place by index: a copied value would count its text's reference.
        let values = observed.values
        for (marker, attribute, scope) in promised {
            for step in matched.steps where scope[step.channel * stageCount + stages[step.touchpoint]] {
                for index in observed.events[step.event].values where values[index].attribute == attribute && values[index].kind == .duration {
                    durations[marker].add(Int64(values[index].scalar))
                }
            }
        }
        if !departed { asPlanned += 1 }
        if let owner = observed.owner { Self.bump(&owners[ByteKey(owner), default: (0, 0)], asPlanned: !departed) }
    }

    /// Counts in place, the dictionary entry hashed once.
    private static func bump(_ count: inout (events: Int, cases: CaseCount), case number: Int) {
        count.events += 1
        count.cases.count(case: number)
    }

    private static func bump(_ count: inout (cases: Int, asPlanned: Int), asPlanned: Bool) {
        count.cases += 1
        if asPlanned { count.asPlanned += 1 }
    }

    mutating func merge(_ other: JourneyTally) {
        cases += other.cases
        asPlanned += other.asPlanned
        for index in status.indices { status[index] += other.status[index] }
        for position in otherChannel.indices {
            otherChannel[position] += other.otherChannel[position]
            late[position] += other.late[position]
        }
        for index in examples.indices { examples[index].merge(other.examples[index]) }
        flows.merge(other.flows)
        adHoc.merge(other.adHoc) { ($0.events + $1.events, $0.cases.merged($1.cases)) }
        adHocEvents += other.adHocEvents
        for marker in markerApplicable.indices {
            markerApplicable[marker] += other.markerApplicable[marker]
            markerMet[marker] += other.markerMet[marker]
            markerExamples[marker].merge(other.markerExamples[marker])
        }
        for marker in durations.indices { durations[marker].merge(other.durations[marker]) }
        for channel in channelEvents.indices { channelEvents[channel] += other.channelEvents[channel] }
        for channel in channelChecks.indices { channelChecks[channel] = channelChecks[channel] + other.channelChecks[channel] }
        owners.merge(other.owners) { ($0.cases + $1.cases, $0.asPlanned + $1.asPlanned) }
    }
}

/// How many cases lived something, each counted once however often it
/// lived it: a case is told from the one before by its number in the
/// tally, so no set of what a case has seen is made per case.
struct CaseCount: Sendable {
    private(set) var cases = 0
    /// The number of the last case counted; case numbers start at 1.
    private var last = 0

    /// Counts case `number` (the tally's count of cases, itself included)
    /// unless it is counted already.
    mutating func count(case number: Int) {
        guard number != last else { return }
        cases += 1
        last = number
    }

    /// Both counts together. A tally numbers the cases it adds after a
    /// merge past both tallies' cases, so no case number is met twice.
    func merged(_ other: CaseCount) -> CaseCount {
        var result = CaseCount()
        result.cases = cases + other.cases
        result.last = max(last, other.last)
        return result
    }
}

/// Bytes as a dictionary key (an owner, an activity name), hashed in one
/// call over the whole buffer: `[UInt8]`'s own hashing feeds the hasher
/// one byte at a time, and a tally hashes an owner for every case.
struct ByteKey: Hashable, Sendable {
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    static func == (lhs: ByteKey, rhs: ByteKey) -> Bool { lhs.bytes == rhs.bytes }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
