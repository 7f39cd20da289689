import CharterChecker
import JourneyModel

/// A journey as one segment plans to live it, laid out for matching lived
/// cases against it: the touchpoints the segment goes through, each one's
/// rank in the planned order, and which touchpoints every path to it must
/// go through, and what the segment plans at each. Made once per journey
/// and segment.
///
/// **Rank.** The planned order is the checker's journey order: the brand's
/// stages in order, then `next` within a stage. A touchpoint's rank is its
/// stage, then the length of the longest `next` path that leads to it from
/// touchpoints of the same stage; touchpoints on parallel branches (two
/// ways out of an order confirmation) share a rank, so either order is in
/// sequence. A journey with no `next` at all is planned in the order it is
/// written (stage by stage).
///
/// **Dominators.** The planned paths are the `next` links that go forward
/// in journey order (a link back, a loop, opens no new path), links to a
/// touchpoint the segment skips followed through it, and a start before
/// every touchpoint no link leads to; a journey with no `next` is one path
/// in journey order. A touchpoint dominates another when every planned path
/// from the start to the other goes through it.
public struct PlannedPath: Sendable {
    public let journey: Int
    public let segment: Int
    /// One shared object: every case matched against the path reads it,
    /// and a copy costs one reference count, not one per table.
    private let storage: Storage

    private final class Storage: Sendable {
        let order: [Int]
        let isTaken: [Bool]
        let rank: [Int]
        let dominator: [Int]
        let experiences: [Experience]
        let positions: [SourcePosition]

        init(order: [Int], isTaken: [Bool], rank: [Int], dominator: [Int], experiences: [Experience], positions: [SourcePosition]) {
            self.order = order
            self.isTaken = isTaken
            self.rank = rank
            self.dominator = dominator
            self.experiences = experiences
            self.positions = positions
        }
    }

    /// Touchpoint positions the segment goes through, in journey order.
    public var order: [Int] { storage.order }
    /// By touchpoint position: whether the segment goes through it.
    public var isTaken: [Bool] { storage.isTaken }
    /// By touchpoint position: its rank (stage, then depth), comparable as integers.
    public var rank: [Int] { storage.rank }
    /// By touchpoint position: its immediate dominator, -1 for the start.
    public var dominator: [Int] { storage.dominator }
    /// By touchpoint position: the segment's experience there (empty where
    /// the segment does not go), what a lived event's values are laid over.
    public var experiences: [Experience] { storage.experiences }
    /// By touchpoint position: where it is written, where lived values point.
    public var positions: [SourcePosition] { storage.positions }

    public init(_ journey: Journey, index: Int, segment: Int) {
        self.journey = index
        self.segment = segment
        let touchpoints = journey.touchpoints
        let count = touchpoints.count
        let taken = (0..<count).map { position in journey.segments.contains(segment) && touchpoints[position].isTaken(by: segment) }
        let order = JourneyOrder.order(of: journey).filter { taken[$0] }
        var place = [Int](repeating: -1, count: count)
        for (index, position) in order.enumerated() { place[position] = index }
        let hasLinks = touchpoints.contains { !$0.next.isEmpty }

        // Forward successors among taken touchpoints, links through skipped ones followed.
        var successors = [[Int]](repeating: [], count: count)
        if hasLinks {
            for position in order {
                var seen = Set<Int>([position]), pending = touchpoints[position].next.map(\.target)
                var found: [Int] = []
                while let target = pending.popLast() {
                    guard target >= 0, target < count, seen.insert(target).inserted else { continue }
                    if taken[target] {
                        if place[target] > place[position] { found.append(target) }
                    } else {
                        pending += touchpoints[target].next.map(\.target)
                    }
                }
                successors[position] = found.sorted()
            }
        } else {
            for (index, position) in order.enumerated() where index + 1 < order.count { successors[position] = [order[index + 1]] }
        }
        var predecessors = [[Int]](repeating: [], count: count)
        for position in order {
            for next in successors[position] { predecessors[next].append(position) }
        }

        // Ranks: stage, then the longest same-stage path to the touchpoint.
        var depth = [Int](repeating: 0, count: count)
        var writtenInStage = [Int: Int]()
        for position in order {
            let stage = touchpoints[position].stage
            if hasLinks {
                for before in predecessors[position] where touchpoints[before].stage == stage {
                    depth[position] = max(depth[position], depth[before] + 1)
                }
            } else {
                depth[position] = writtenInStage[stage, default: 0]
                writtenInStage[stage, default: 0] += 1
            }
        }
        var rank = [Int](repeating: Int.max, count: count)
        for position in order { rank[position] = touchpoints[position].stage << 32 | min(depth[position], Int(Int32.max)) }

        // Immediate dominators on the DAG, in journey order (a topological order of forward links).
        var dominator = [Int](repeating: -1, count: count)
        var level = [Int](repeating: 0, count: count)
        for position in order {
            let before = predecessors[position]
            guard var common = before.first else { continue }
            for other in before.dropFirst() { common = Self.meet(common, other, dominator: dominator, level: level) }
            if common < 0 { continue }
            dominator[position] = common
            level[position] = level[common] + 1
        }

        storage = Storage(
            order: order, isTaken: taken, rank: rank, dominator: dominator,
            experiences: (0..<count).map { taken[$0] ? touchpoints[$0].experience(for: segment) : Experience() },
            positions: (0..<count).map { touchpoints[$0].position }
        )
    }

    /// The nearest common dominator of two touchpoints, -1 for the start.
    private static func meet(_ first: Int, _ second: Int, dominator: [Int], level: [Int]) -> Int {
        var a = first, b = second
        while a != b {
            if a < 0 || b < 0 { return -1 }
            if level[a] >= level[b] { a = dominator[a] } else { b = dominator[b] }
        }
        return a
    }

    /// Whether `other` is this very path (the same made one, not an equal one).
    public func isSame(as other: PlannedPath) -> Bool { storage === other.storage }

    /// The touchpoints every planned path to `position` goes through, nearest first.
    public func dominators(of position: Int) -> [Int] {
        var result: [Int] = []
        let dominator = storage.dominator
        var current = dominator[position]
        while current >= 0 {
            result.append(current)
            current = dominator[current]
        }
        return result
    }
}
