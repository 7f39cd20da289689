import CharterChecker
import JourneyModel
import Testing

/// Journey order: stage order, then `next` within a stage (earliest written
/// first among the ready ones), cycles released in written order.
@Suite("Journey order")
struct JourneyOrderTests {
    static func journey(_ touchpoints: [(stage: Int, next: [Int])]) -> Journey {
        let points = touchpoints.enumerated().map { index, point in
            Touchpoint(
                id: "t\(index)", stage: point.stage, channel: 0,
                next: point.next.map { TouchpointLink(target: $0, position: .startOfFile) },
                position: .startOfFile
            )
        }
        return Journey(
            id: "j", brand: "b", segments: [0], touchpoints: Catalog(points),
            location: SourceLocation(file: "j.journey.jsonc", position: .startOfFile)
        )
    }

    @Test("stages first, then next links, then the order written")
    func stagesThenLinks() {
        // Stage 1: t0 → t2 is not a link inside stage 0; t3 hands to t1.
        let journey = Self.journey([(1, []), (0, []), (1, [0]), (0, [1]), (0, [])])
        // Stage 0 members t1, t3, t4: t3 → t1, so t3 before t1; t4 is ready from the start but written after t3.
        // Stage 1 members t0, t2: t2 → t0.
        #expect(JourneyOrder.order(of: journey) == [3, 1, 4, 2, 0])
    }

    @Test("a cycle is released at its earliest-written touchpoint")
    func cycle() {
        let journey = Self.journey([(0, [1]), (0, [2]), (0, [0]), (0, [])])
        // t3 is ready; t0, t1, t2 form a cycle: t3 first, then the cycle from t0.
        #expect(JourneyOrder.order(of: journey) == [3, 0, 1, 2])
        let selfLink = Self.journey([(0, [0]), (0, [])])
        #expect(JourneyOrder.order(of: selfLink) == [0, 1])
    }

    /// The rule stated plainly, slowly: the reference the fast version must match.
    static func reference(_ journey: Journey) -> [Int] {
        let points = journey.touchpoints
        var result: [Int] = []
        for stage in Set(points.indices.map { points[$0].stage }).sorted() {
            let members = points.indices.filter { points[$0].stage == stage }
            var incoming = [Int: Int]()
            for member in members {
                for link in points[member].next where members.contains(link.target) && link.target != member {
                    incoming[link.target, default: 0] += 1
                }
            }
            var placed = Set<Int>()
            while placed.count < members.count {
                let ready = members.filter { !placed.contains($0) && incoming[$0, default: 0] == 0 }
                guard let current = ready.min() ?? members.first(where: { !placed.contains($0) }) else { break }
                placed.insert(current)
                result.append(current)
                for link in points[current].next where members.contains(link.target) && !placed.contains(link.target) {
                    incoming[link.target, default: 0] -= 1
                }
            }
        }
        return result
    }

    @Test("random journeys are ordered as the plain rule says", arguments: 0..<40)
    func matchesReference(seed: Int) {
        var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let count = 1 + next(40)
        let touchpoints = (0..<count).map { _ in
            (stage: next(3), next: (0..<next(3)).map { _ in next(count) })
        }
        let journey = Self.journey(touchpoints)
        let order = JourneyOrder.order(of: journey)
        #expect(order.sorted() == Array(0..<count), "every touchpoint once")
        #expect(order == Self.reference(journey), "\(touchpoints)")
    }
}
