import JourneyModel

/// The order in which a customer meets a journey's touchpoints: the brand's
/// stage order first, then `next` within a stage, then the order written.
///
/// Sequence and progression markers read a journey in this order.
public enum JourneyOrder {
    /// Touchpoint positions in journey order.
    public static func order(of journey: Journey) -> [Int] {
        let touchpoints = journey.touchpoints
        let stages = touchpoints.indices.map { touchpoints[$0].stage }
        let byStage = Dictionary(grouping: touchpoints.indices, by: { stages[$0] })
        var work = Work(count: touchpoints.count)
        var result: [Int] = []
        result.reserveCapacity(touchpoints.count)
        for stage in byStage.keys.sorted() {
            orderWithinStage(byStage[stage] ?? [], stage: stage, stages: stages, touchpoints: touchpoints, work: &work, into: &result)
        }
        return result
    }

    /// Per-touchpoint state shared by the stages of one journey, indexed by
    /// position: no hashing in a loop that runs for every touchpoint.
    private struct Work {
        var incoming: [Int]
        var placed: [Bool]

        init(count: Int) {
            incoming = [Int](repeating: 0, count: count)
            placed = [Bool](repeating: false, count: count)
        }
    }

    /// Kahn's algorithm on the `next` links inside one stage, always taking
    /// the earliest-written touchpoint that is ready, so the result is
    /// stable. Touchpoints caught in a cycle keep their written order.
    private static func orderWithinStage(
        _ members: [Int], stage: Int, stages: [Int], touchpoints: Catalog<Touchpoint>, work: inout Work, into result: inout [Int]
    ) {
        guard members.count > 1 else {
            result += members
            return
        }
        func isMember(_ position: Int) -> Bool { position >= 0 && position < stages.count && stages[position] == stage }
        for member in members {
            for link in touchpoints[member].next where isMember(link.target) && link.target != member {
                work.incoming[link.target] += 1
            }
        }
        // Ready positions, largest first, so the earliest-written is taken from the end.
        var ready = members.filter { work.incoming[$0] == 0 }.reversed() as [Int]
        var placedCount = 0
        var scan = 0
        while placedCount < members.count {
            if ready.isEmpty {
                // A cycle: release the earliest-written touchpoint not yet placed.
                while scan < members.count, work.placed[members[scan]] { scan += 1 }
                guard scan < members.count else { break }
                ready = [members[scan]]
            }
            let current = ready.removeLast()
            guard !work.placed[current] else { continue }
            work.placed[current] = true
            placedCount += 1
            result.append(current)
            for link in touchpoints[current].next where isMember(link.target) && !work.placed[link.target] {
                work.incoming[link.target] -= 1
                if work.incoming[link.target] == 0 {
                    let slot = ready.firstIndex { $0 < link.target } ?? ready.endIndex
                    ready.insert(link.target, at: slot)
                }
            }
        }
    }
}
