import JourneyModel

/// Matches each case of one source against the planned journey of its
/// segment. Deterministic, and linear in the case's length but for the
/// longest-increasing-subsequence step, which is O(n log n).
///
/// 1. **Segment**: the case's (the first event naming one), else the
///    source's fixed segment; a case with neither is not matched.
/// 2. **Journey**: the source's fixed journey, else the case's journey
///    column, else the journey of the brand, among those the segment goes
///    through, whose touchpoints the case's events live most (ties to the
///    smaller id); a case none of whose events is a touchpoint of such a
///    journey is not matched.
/// 3. **Lived touchpoints**: each event whose activity maps to a
///    touchpoint of that journey that the segment goes through; every other
///    event (an unmapped activity, or a touchpoint of another journey or
///    segment) is **ad hoc**. Activities mapped to `null` are left out.
/// 4. **In sequence**: of the first time each touchpoint is lived, the
///    longest subsequence whose planned ranks never decrease (see
///    ``PlannedPath``); the others are **out of sequence**. A touchpoint
///    lived again later is a repeat, not a departure.
/// 5. **Missing**: a touchpoint never lived that dominates the last
///    touchpoint of that subsequence (every planned path to where the
///    customer got goes through it); one never lived that does not is
///    **not reached**.
/// 6. **Another channel**: lived on a channel the row names that is not
///    the planned one. **Late**: first lived more than its planned `after`
///    after the lived event before it.
///
/// Whether a lived touchpoint is **failing** (its lived experience breaks
/// a marker) is the checker's to say, once the case is judged.
public struct CaseMatcher: Sendable {
    public let compiled: CompiledSource
    /// `targets[activity][journey]`: the touchpoint position the source's
    /// activity is in that journey, or -1.
    let targets: [[Int32]]
    let ignored: [Bool]
    /// `paths[journey][segment]`, nil when the segment does not go through the journey.
    public let paths: [[PlannedPath?]]
    /// Brand journey positions by id, for ties.
    let journeysByID: [Int]
    let fixedJourney: Int?
    /// `routes[journey][segment]`, beside `paths`: what matching reads per event.
    private let routes: [[Route?]]

    /// What a case matched against one path reads for each event and each
    /// first step, laid out flat by activity and by touchpoint once per path
    /// rather than looked up through the journey's touchpoints per case.
    private final class Route: Sendable {
        /// By activity: the touchpoint it lives, ``ignoredActivity`` when
        /// the source leaves it out, -1 when it is ad hoc on this path.
        let positions: [Int32]
        /// By touchpoint position: its planned channel.
        let channels: [Int]
        /// By touchpoint position: its planned `after` in milliseconds,
        /// infinity when it has none (no delay is late).
        let lateAfter: [Double]

        init(positions: [Int32], channels: [Int], lateAfter: [Double]) {
            self.positions = positions
            self.channels = channels
            self.lateAfter = lateAfter
        }
    }

    static let ignoredActivity: Int32 = -2

    public init(_ compiled: CompiledSource) {
        self.compiled = compiled
        let journeys = compiled.journeys
        var targets: [[Int32]] = []
        var ignored: [Bool] = []
        for mapping in compiled.source.activities {
            switch mapping.target {
            case .ignored:
                ignored.append(true)
                targets.append(Array(repeating: -1, count: journeys.count))
            case .touchpoint(let id, let journey):
                ignored.append(false)
                targets.append(journeys.map { candidate in
                    guard journey == nil || journey == candidate.id else { return -1 }
                    return Int32(candidate.touchpoints.index(of: id) ?? -1)
                })
            }
        }
        self.targets = targets
        self.ignored = ignored
        paths = journeys.enumerated().map { index, journey in
            compiled.brand.segments.indices.map { segment in
                journey.segments.contains(segment) ? PlannedPath(journey, index: index, segment: segment) : nil
            }
        }
        journeysByID = journeys.indices.sorted { journeys[$0].id < journeys[$1].id }
        fixedJourney = compiled.source.journey.flatMap { id in journeys.firstIndex { $0.id == id } }
        routes = paths.map { byJourney in
            byJourney.map { path in
                path.map { path in
                    let touchpoints = journeys[path.journey].touchpoints, isTaken = path.isTaken
                    return Route(
                        positions: targets.indices.map { activity in
                            if ignored[activity] { return Self.ignoredActivity }
                            let position = targets[activity][path.journey]
                            return position >= 0 && isTaken[Int(position)] ? position : -1
                        },
                        channels: touchpoints.map(\.channel),
                        lateAfter: touchpoints.map { $0.after.map { $0.seconds * 1000 } ?? .infinity }
                    )
                }
            }
        }
    }

    public func match(_ observed: ObservedCase) -> CaseMatch {
        var matched = MatchedCase()
        if let reason = match(observed, into: &matched) { return .unmatched(reason) }
        return .matched(matched)
    }

    /// Matches `observed` into `matched`, a case kept from one case to the
    /// next so that its arrays and the matcher's working ones are refilled
    /// in place; nil when the case is matched, else why not.
    public func match(_ observed: ObservedCase, into matched: inout MatchedCase) -> UnmatchedReason? {
        guard let segment = observed.segment ?? compiled.source.segment else { return .noSegment }
        let journey: Int
        if let fixed = fixedJourney ?? observed.journey {
            journey = fixed
        } else {
            var best = -1, bestCount = 0
            for candidate in journeysByID {
                guard let isTaken = paths[candidate][segment]?.isTaken else { continue }
                var count = 0
                for event in observed.events where event.activity >= 0 {
                    let position = Int(targets[Int(event.activity)][candidate])
                    if position >= 0, isTaken[position] { count += 1 }
                }
                if count > bestCount { (best, bestCount) = (candidate, count) }
            }
            guard best >= 0 else { return .noJourney }
            journey = best
        }
        // `routes` is made from `paths`: both are there or neither.
        guard let path = paths[journey][segment], let route = routes[journey][segment] else { return .journeyNotForSegment }
        match(observed, path: path, route: route, into: &matched)
        return nil
    }

    private func match(_ observed: ObservedCase, path: PlannedPath, route: Route, into matched: inout MatchedCase) {
        let touchpointCount = compiled.journeys[path.journey].touchpoints.count
        matched.reset(journey: path.journey, segment: path.segment, touchpointCount: touchpointCount)
        // At most one step per event: a long case's steps do not double past them.
        matched.steps.reserveCapacity(observed.events.count)
        let positions = route.positions, channels = route.channels
        for (index, event) in observed.events.enumerated() {
            let position = event.activity >= 0 ? Int(positions[Int(event.activity)]) : -1
            if position == Int(Self.ignoredActivity) { continue }
            guard position >= 0 else {
                matched.adHoc.append(index)
                continue
            }
            let plannedChannel = channels[position]
            let channel = event.channel >= 0 ? Int(event.channel) : plannedChannel
            let isFirst = matched.first[position] < 0
            if isFirst {
                matched.first[position] = matched.steps.count
                matched.firsts.append(matched.steps.count)
            }
            matched.steps.append(LivedStep(event: index, touchpoint: position, channel: channel, isFirst: isFirst, otherChannel: channel != plannedChannel))
        }
        // Late: first lived more than `after` after the lived event before it.
        let lateAfter = route.lateAfter
        for index in matched.firsts.dropFirst() {
            let delay = observed.events[matched.steps[index].event].time - observed.events[matched.steps[index - 1].event].time
            if Double(delay) > lateAfter[matched.steps[index].touchpoint] { matched.steps[index].late = true }
        }
        // In sequence: the longest subsequence of first occurrences with ranks that never decrease.
        let rank = path.rank
        for index in matched.firsts { matched.ranks.append(rank[matched.steps[index].touchpoint]) }
        Self.longestNonDecreasing(matched.ranks, into: &matched.kept, buffers: &matched.buffers)
        // Statuses: those kept are in sequence (they are lived, and the segment goes through them).
        for position in path.order { matched.status[position] = matched.first[position] < 0 ? .notReached : .outOfSequence }
        for index in matched.kept { matched.status[matched.steps[matched.firsts[index]].touchpoint] = .completed }
        // Over the buffer: written in place, the steps are checked for sharing once, not once per step.
        let status = matched.status
        matched.steps.withUnsafeMutableBufferPointer { steps in
            for index in steps.indices { steps[index].inSequence = status[steps[index].touchpoint] == .completed }
        }
        if let last = matched.kept.last {
            let dominator = path.dominator
            var current = dominator[matched.steps[matched.firsts[last]].touchpoint]
            while current >= 0 {
                if matched.first[current] < 0 { matched.status[current] = .missing }
                current = dominator[current]
            }
        }
    }

    /// Positions in `ranks` of a longest subsequence that never decreases,
    /// in order: patience sorting with the smallest possible tails, so that
    /// of equally long subsequences the one kept ends lowest. `result` is
    /// emptied first; `buffers` are working arrays kept between calls.
    static func longestNonDecreasing(_ ranks: [Int], into result: inout [Int], buffers: inout MatchedCase.Buffers) {
        result.removeAll(keepingCapacity: true)
        guard !ranks.isEmpty else { return }
        // A case lived in the planned order keeps every step: the search
        // below would extend the one subsequence by each of them.
        if zip(ranks, ranks.dropFirst()).allSatisfy({ $0 <= $1 }) {
            result.append(contentsOf: ranks.indices)
            return
        }
        // Positions in `ranks` of the tail of each length.
        buffers.tails.removeAll(keepingCapacity: true)
        buffers.previous.removeAll(keepingCapacity: true)
        buffers.previous.append(contentsOf: repeatElement(-1, count: ranks.count))
        for (index, rank) in ranks.enumerated() {
            // The first tail greater than `rank` (equal ranks extend a subsequence).
            var low = 0, high = buffers.tails.count
            while low < high {
                let middle = (low + high) / 2
                if ranks[buffers.tails[middle]] <= rank { low = middle + 1 } else { high = middle }
            }
            if low > 0 { buffers.previous[index] = buffers.tails[low - 1] }
            if low == buffers.tails.count { buffers.tails.append(index) } else { buffers.tails[low] = index }
        }
        var current = buffers.tails.last ?? -1
        while current >= 0 {
            result.append(current)
            current = buffers.previous[current]
        }
        result.reverse()
    }

    static func longestNonDecreasing(_ ranks: [Int]) -> [Int] {
        var result: [Int] = [], buffers = MatchedCase.Buffers()
        longestNonDecreasing(ranks, into: &result, buffers: &buffers)
        return result
    }
}

/// What matching one case gave.
public enum CaseMatch: Sendable {
    case matched(MatchedCase)
    case unmatched(UnmatchedReason)
}

/// Why a case follows no planned journey.
public enum UnmatchedReason: String, Sendable, CaseIterable {
    /// No event names a segment, and the source gives none.
    case noSegment = "no-segment"
    /// None of its events is a touchpoint of a journey its segment goes through.
    case noJourney = "no-journey"
    /// Its journey (the column's, or the source's) is not planned for its segment.
    case journeyNotForSegment = "journey-not-for-segment"
}

/// A case matched against its planned journey.
///
/// One is kept from case to case where many are matched
/// (``CaseMatcher/match(_:into:)``): its arrays are refilled in place.
public struct MatchedCase: Sendable {
    /// Position among the brand's journeys.
    public internal(set) var journey = 0
    public internal(set) var segment = 0
    /// Events that are touchpoints of the journey, in lived order.
    public internal(set) var steps: [LivedStep] = []
    /// Positions in the case's events of those lived ad hoc.
    public internal(set) var adHoc: [Int] = []
    /// Each planned touchpoint's status, by position in the journey.
    public var status: [TouchpointStatus] = []
    /// By touchpoint position: the step that first lives it, or -1.
    var first: [Int] = []
    /// The steps that first live a touchpoint, in lived order.
    var firsts: [Int] = []
    /// The planned rank of each of `firsts`, and those of them kept in sequence.
    var ranks: [Int] = []
    var kept: [Int] = []
    var buffers = Buffers()

    /// The longest-subsequence search's working arrays.
    struct Buffers: Sendable {
        var tails: [Int] = []
        var previous: [Int] = []
    }

    /// An empty case, to be matched into.
    public init() {}

    /// Empties the case for `journey`, keeping its buffers.
    mutating func reset(journey: Int, segment: Int, touchpointCount: Int) {
        self.journey = journey
        self.segment = segment
        steps.removeAll(keepingCapacity: true)
        adHoc.removeAll(keepingCapacity: true)
        firsts.removeAll(keepingCapacity: true)
        ranks.removeAll(keepingCapacity: true)
        // Cases of one journey follow each other: the tables are mostly reset in place.
        if status.count == touchpointCount {
            status.withUnsafeMutableBufferPointer { $0.update(repeating: .notPlanned) }
        } else {
            status.removeAll(keepingCapacity: true)
            status.append(contentsOf: repeatElement(.notPlanned, count: touchpointCount))
        }
        if first.count == touchpointCount {
            first.withUnsafeMutableBufferPointer { $0.update(repeating: -1) }
        } else {
            first.removeAll(keepingCapacity: true)
            first.append(contentsOf: repeatElement(-1, count: touchpointCount))
        }
    }

    /// Whether anything departs from the plan (before the charter is applied).
    public var hasDeparture: Bool {
        !adHoc.isEmpty || steps.contains { $0.otherChannel || $0.late } || status.contains { $0 == .missing || $0 == .outOfSequence || $0 == .failing }
    }
}

/// One lived touchpoint of a case.
public struct LivedStep: Sendable, Equatable {
    /// Position in the case's events.
    public let event: Int
    /// Position in the journey's touchpoints.
    public let touchpoint: Int
    /// The channel it was lived on: the row's, else the planned one.
    public let channel: Int
    /// The first time the case lives this touchpoint.
    public let isFirst: Bool
    public let otherChannel: Bool
    public internal(set) var late = false
    public internal(set) var inSequence = false
}

/// What became of one planned touchpoint in one case.
public enum TouchpointStatus: UInt8, Sendable, CaseIterable {
    /// The segment does not go through it.
    case notPlanned
    /// Lived in sequence, and its lived experience breaks no marker.
    case completed
    /// Lived in sequence, but its lived experience breaks a marker.
    case failing
    /// Never lived, though every planned path to where the case got goes through it.
    case missing
    /// Lived, but not in the planned order.
    case outOfSequence
    /// Never lived, and not on the way to where the case got.
    case notReached
}
