import JourneyLoader
import JourneyModel
import Testing

@testable import LivedCases

/// Ranks and dominators of planned journeys, computed by hand.
@Suite("Planned paths")
struct PlannedPathTests {
    static func path(_ touchpoints: String, segment: Int = 0) async throws -> (PlannedPath, Journey) {
        let journey = #"{ "journey": "j", "brand": "shop", "touchpoints": [ \#(touchpoints) ] }"#
        let result = await WorkspaceLoader.load([
            SourceFile(path: Shop.brandPath, text: Shop.brand), SourceFile(path: "Journeys/shop/j.journey.jsonc", text: journey),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        let loaded = try #require(result.workspace.journeys.first)
        return (PlannedPath(loaded, index: 0, segment: segment), loaded)
    }

    static func position(_ id: String, in journey: Journey) -> Int { journey.touchpoints.index(of: id) ?? -1 }

    @Test("Parallel branches share a rank; only what every path goes through dominates")
    func fork() async throws {
        let (path, journey) = try await Self.path(#"""
        { "id": "a", "stage": "discover", "channel": "web", "next": ["b", "c"] },
        { "id": "b", "stage": "discover", "channel": "email", "next": ["d"] },
        { "id": "c", "stage": "discover", "channel": "phone", "next": ["d"] },
        { "id": "d", "stage": "discover", "channel": "store", "next": ["e"] },
        { "id": "e", "stage": "buy", "channel": "store" }
        """#)
        let p = { Self.position($0, in: journey) }
        #expect(path.rank[p("b")] == path.rank[p("c")])
        #expect(path.rank[p("a")] < path.rank[p("b")])
        #expect(path.rank[p("c")] < path.rank[p("d")])
        #expect(path.rank[p("d")] < path.rank[p("e")])
        #expect(path.dominators(of: p("d")) == [p("a")])
        #expect(path.dominators(of: p("e")) == [p("d"), p("a")])
        #expect(path.dominators(of: p("b")) == [p("a")])
        #expect(path.dominators(of: p("a")) == [])
    }

    @Test("A journey without `next` is one path in the order written, stage by stage")
    func writtenOrder() async throws {
        let (path, journey) = try await Self.path(#"""
        { "id": "x", "stage": "buy", "channel": "web" },
        { "id": "y", "stage": "discover", "channel": "web" },
        { "id": "z", "stage": "discover", "channel": "web" }
        """#)
        let p = { Self.position($0, in: journey) }
        #expect(path.order == [p("y"), p("z"), p("x")])
        #expect(path.rank[p("y")] < path.rank[p("z")])
        #expect(path.rank[p("z")] < path.rank[p("x")])
        #expect(path.dominators(of: p("x")) == [p("z"), p("y")])
    }

    @Test("A touchpoint the segment skips is followed through; a link back opens no path")
    func skippedAndLoops() async throws {
        let touchpoints = #"""
        { "id": "a", "stage": "discover", "channel": "web", "next": ["s"] },
        { "id": "s", "stage": "discover", "channel": "email", "segments": ["premium"], "next": ["b"] },
        { "id": "b", "stage": "discover", "channel": "store", "next": ["a", "c"] },
        { "id": "c", "stage": "buy", "channel": "phone" }
        """#
        let (regulars, journey) = try await Self.path(touchpoints, segment: 0)
        let p = { Self.position($0, in: journey) }
        #expect(regulars.order == [p("a"), p("b"), p("c")])
        #expect(!regulars.isTaken[p("s")])
        #expect(regulars.dominators(of: p("b")) == [p("a")])
        #expect(regulars.dominators(of: p("c")) == [p("b"), p("a")])
        #expect(regulars.rank[p("a")] < regulars.rank[p("b")])
        let (premium, _) = try await Self.path(touchpoints, segment: 1)
        #expect(premium.dominators(of: p("b")) == [p("s"), p("a")])
    }
}
