import JourneyModel

/// The order in which a customer meets a journey's touchpoints: the brand's
/// stage order first, then `next` within a stage, then the order written.
///
/// Sequence and progression markers read a journey in this order.
public enum JourneyOrder {
    /// Touchpoint positions in journey order.
    public static func order(of journey: Journey) -> [Int] {
        let touchpoints = journey.touchpoints
        let byStage = Dictionary(grouping: touchpoints.indices, by: { touchpoints[$0].stage })
        var result: [Int] = []
        result.reserveCapacity(touchpoints.count)
        for stage in byStage.keys.sorted() {
            result += orderWithinStage(byStage[stage] ?? [], touchpoints: touchpoints)
        }
        return result
    }

    /// Kahn's algorithm on the `next` links inside one stage, always taking
    /// the earliest-written touchpoint that is ready, so the result is
    /// stable. Touchpoints caught in a cycle keep their written order.
    private static func orderWithinStage(_ members: [Int], touchpoints: Catalog<Touchpoint>) -> [Int] {
        guard members.count > 1 else { return members }
        let memberSet = Set(members)
        var incoming = Dictionary(uniqueKeysWithValues: members.map { ($0, 0) })
        for member in members {
            for link in touchpoints[member].next where memberSet.contains(link.target) && link.target != member {
                incoming[link.target, default: 0] += 1
            }
        }
        var ready = members.filter { incoming[$0] == 0 }
        var placed = Set<Int>()
        var result: [Int] = []
        while !ready.isEmpty || result.count < members.count {
            if ready.isEmpty {
                // A cycle: release the earliest-written touchpoint not yet placed.
                guard let next = members.first(where: { !placed.contains($0) }) else { break }
                ready = [next]
            }
            ready.sort()
            let current = ready.removeFirst()
            guard placed.insert(current).inserted else { continue }
            result.append(current)
            for link in touchpoints[current].next where memberSet.contains(link.target) && !placed.contains(link.target) {
                incoming[link.target, default: 0] -= 1
                if incoming[link.target] == 0 { ready.append(link.target) }
            }
        }
        return result
    }
}
