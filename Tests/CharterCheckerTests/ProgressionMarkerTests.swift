import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Progression markers")
struct ProgressionMarkerTests {
    static let rising = #"{ "id": "rising-score", "kind": "progression", "attribute": "score" }"#

    @Test("a value that rises or stays passes; touchpoints that do not plan it are skipped")
    func rising() async throws {
        let checked = try await check(
            markers: [Self.rising],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "p1", "stage": "discover", "channel": "phone", "experience": { "score": 10 } }"#,
                #"{ "id": "p2", "stage": "choose", "channel": "store", "experience": { "score": 20 } }"#,
                #"{ "id": "p3", "stage": "choose", "channel": "email", "experience": { "score": 20 } }"#,
                #"{ "id": "quiet", "stage": "buy", "channel": "chat" }"#,
                #"{ "id": "p4", "stage": "support", "channel": "store", "experience": { "score": 50 } }"#,
            ])]
        )
        #expect(checked.gaps.isEmpty)
        // One check per touchpoint after the first that plans the score.
        #expect(checked.row("rising-score", "newcomers") == channels(store: n(2, 2), email: n(1, 1)))
    }

    @Test("a fall is reported where it falls, with the touchpoint it falls from")
    func fall() async throws {
        let checked = try await check(
            markers: [Self.rising],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "p1", "stage": "discover", "channel": "phone", "experience": { "score": 10 } }"#,
                #"{ "id": "p2", "stage": "choose", "channel": "store", "experience": { "score": 40 } }"#,
                #"{ "id": "p3", "stage": "buy", "channel": "email", "experience": { "score": 30 } }"#,
                #"{ "id": "p4", "stage": "support", "channel": "store", "experience": { "score": 35 } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "rising-score", segment: "newcomers", journey: "j1", touchpoint: "p3", channel: "email", stage: "buy",
                attribute: "score", expected: "score ≥ 40 (as at p2)", planned: "30", at: at("j1", 5, 80)
            ),
        ])
        let gap = try #require(checked.described.first)
        #expect(gap.kind == .progression)
        #expect(gap.related == [RelatedLocation(.init(file: Fixture.path("j1"), line: 4, column: 83), "score = 40 at p2")])
        #expect(gap.message == "p3 (email, buy) plans score = 30, down from 40 at p2; 'rising-score' expects it never to decrease along the journey")
        // p4 (35) is compared with p3 (30), the touchpoint just before it.
        #expect(checked.row("rising-score", "newcomers") == channels(store: n(2, 2), email: n(1, 0)))
    }

    @Test("the order is the stage order, then next within a stage, whatever the order written")
    func journeyOrder() async throws {
        let checked = try await check(
            markers: [Self.rising],
            journeys: [
                // Written backwards; in journey order: start 10, a 50, b 60, close 90.
                Fixture.journey("j1", [
                    #"{ "id": "close", "stage": "buy", "channel": "store", "experience": { "score": 90 } }"#,
                    #"{ "id": "b", "stage": "choose", "channel": "email", "experience": { "score": 60 } }"#,
                    #"{ "id": "a", "stage": "choose", "channel": "phone", "experience": { "score": 50 }, "next": ["b"] }"#,
                    #"{ "id": "start", "stage": "discover", "channel": "chat", "experience": { "score": 10 } }"#,
                ]),
                // Written rising, but `next` puts b (60) before a (50).
                Fixture.journey("j2", [
                    #"{ "id": "a", "stage": "choose", "channel": "phone", "experience": { "score": 50 } }"#,
                    #"{ "id": "b", "stage": "choose", "channel": "email", "experience": { "score": 60 }, "next": ["a"] }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "rising-score", segment: "newcomers", journey: "j2", touchpoint: "a", channel: "phone", stage: "choose",
                attribute: "score", expected: "score ≥ 60 (as at b)", planned: "50", at: at("j2", 3, 82)
            ),
        ])
        #expect(checked.described.first?.related == [RelatedLocation(.init(file: Fixture.path("j2"), line: 4, column: 82), "score = 60 at b")])
        #expect(checked.byJourney("j1", "rising-score", "newcomers") == n(3, 3))
        #expect(checked.byJourney("j2", "rising-score", "newcomers") == n(1, 0))
    }

    @Test("each segment follows its own values and its own touchpoints")
    func perSegment() async throws {
        let checked = try await check(
            markers: [Self.rising],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "p1", "stage": "discover", "channel": "phone", "experience": { "score": 20 } }"#,
                #"{ "id": "vip", "stage": "choose", "channel": "store", "segments": ["premium"], "experience": { "score": 70 } }"#,
                #"{ "id": "p2", "stage": "buy", "channel": "email", "experience": { "score": 30 }, "bySegment": { "premium": { "score": 80 } } }"#,
            ])]
        )
        #expect(checked.gaps.isEmpty)
        #expect(checked.row("rising-score", "newcomers") == channels(email: n(1, 1)))
        #expect(checked.row("rising-score", "premium") == channels(store: n(1, 1), email: n(1, 1)))
    }
}
