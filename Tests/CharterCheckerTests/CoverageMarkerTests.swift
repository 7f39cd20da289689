import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Coverage markers")
struct CoverageMarkerTests {
    @Test("per journey (the default): one check per journey; the gap points at its first touchpoint in journey order")
    func perJourney() async throws {
        let checked = try await check(
            markers: [#"{ "id": "ritual", "kind": "coverage", "expect": { "ritual": true } }"#],
            journeys: [
                Fixture.journey("j1", [
                    #"{ "id": "a", "stage": "discover", "channel": "email", "experience": { "ritual": false } }"#,
                    #"{ "id": "b", "stage": "buy", "channel": "store", "experience": { "ritual": true } }"#,
                ]),
                // Written out of stage order: `early` comes first for the customer.
                Fixture.journey("j2", [
                    #"{ "id": "late", "stage": "buy", "channel": "store" }"#,
                    #"{ "id": "early", "stage": "discover", "channel": "email", "experience": { "ritual": false } }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "ritual", segment: "newcomers", journey: "j2", touchpoint: nil, channel: nil, stage: nil, attribute: nil,
                expected: "at least 1 touchpoint per journey with ritual = true", planned: "0 in the journey", at: at("j2", 4, 5)
            ),
        ])
        let gap = try #require(checked.described.first)
        #expect(gap.kind == .coverage)
        #expect(gap.message == "journey 'j2' has 0 touchpoints with ritual = true; 'ritual' expects at least 1")
        #expect(gap.related == [RelatedLocation(.init(file: Fixture.path("j2"), line: 4, column: 5), "first touchpoint of the journey")])
        #expect(checked.row("ritual", "newcomers") == channels(none: n(2, 1)))
        #expect(checked.byJourney("j1", "ritual", "newcomers") == n(1, 1))
        #expect(checked.byJourney("j2", "ritual", "newcomers") == n(1, 0))
    }

    @Test("per stage, at least 2: one check per stage the journey has touchpoints in")
    func perStage() async throws {
        let checked = try await check(
            markers: [#"{ "id": "ritual", "kind": "coverage", "per": "stage", "atLeast": 2, "expect": { "ritual": true } }"#],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "d1", "stage": "discover", "channel": "email", "experience": { "ritual": true } }"#,
                #"{ "id": "d2", "stage": "discover", "channel": "chat", "experience": { "ritual": true } }"#,
                #"{ "id": "c1", "stage": "choose", "channel": "store", "experience": { "ritual": true } }"#,
                #"{ "id": "c2", "stage": "choose", "channel": "email", "experience": { "ritual": false } }"#,
            ])]
        )
        // buy and support have no touchpoint, so nothing to check there.
        #expect(checked.gaps == [
            GapFacts(
                "ritual", segment: "newcomers", journey: "j1", touchpoint: nil, channel: nil, stage: "choose", attribute: nil,
                expected: "at least 2 touchpoints per stage with ritual = true", planned: "1 in stage choose", at: at("j1", 5, 5)
            ),
        ])
        #expect(checked.described.first?.message == "stage 'choose' of journey 'j1' has 1 touchpoint with ritual = true; 'ritual' expects at least 2")
        #expect(checked.row("ritual", "newcomers") == channels(none: n(2, 1)))
    }

    @Test("per channel: one check per channel the journey uses, counted on that channel")
    func perChannel() async throws {
        let checked = try await check(
            markers: [#"{ "id": "ritual", "kind": "coverage", "per": "channel", "expect": { "ritual": true } }"#],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "m1", "stage": "discover", "channel": "email", "experience": { "ritual": true } }"#,
                #"{ "id": "c1", "stage": "discover", "channel": "chat" }"#,
                #"{ "id": "m2", "stage": "choose", "channel": "email" }"#,
                #"{ "id": "c2", "stage": "buy", "channel": "chat", "experience": { "ritual": false } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "ritual", segment: "newcomers", journey: "j1", touchpoint: nil, channel: "chat", stage: nil, attribute: nil,
                expected: "at least 1 touchpoint per channel with ritual = true", planned: "0 in channel chat", at: at("j1", 4, 5)
            ),
        ])
        #expect(checked.row("ritual", "newcomers") == channels(email: n(1, 1), chat: n(1, 0)))
    }

    @Test("each segment is counted on its own experience and its own touchpoints")
    func perSegment() async throws {
        let checked = try await check(
            markers: [#"{ "id": "ritual", "kind": "coverage", "atLeast": 2, "expect": { "ritual": true } }"#],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "welcome", "stage": "discover", "channel": "email", "experience": { "ritual": false }, "bySegment": { "premium": { "ritual": true } } }"#,
                #"{ "id": "lounge", "stage": "buy", "channel": "store", "segments": ["premium"], "experience": { "ritual": true } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "ritual", segment: "newcomers", journey: "j1", touchpoint: nil, channel: nil, stage: nil, attribute: nil,
                expected: "at least 2 touchpoints per journey with ritual = true", planned: "0 in the journey", at: at("j1", 3, 5)
            ),
        ])
        #expect(checked.row("ritual", "newcomers") == channels(none: n(1, 0)))
        #expect(checked.row("ritual", "premium") == channels(none: n(1, 1)))
    }

    @Test("where limits the touchpoints counted; a journey with none in scope has no check")
    func scoped() async throws {
        let checked = try await check(
            markers: [#"{ "id": "ritual", "kind": "coverage", "per": "stage", "where": { "stages": ["buy", "support"] }, "expect": { "ritual": true } }"#],
            journeys: [
                Fixture.journey("j1", [
                    #"{ "id": "look", "stage": "discover", "channel": "email", "experience": { "ritual": false } }"#,
                    #"{ "id": "pay", "stage": "buy", "channel": "store", "experience": { "ritual": false } }"#,
                ]),
                Fixture.journey("j2", [
                    #"{ "id": "look", "stage": "discover", "channel": "email", "experience": { "ritual": false } }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "ritual", segment: "newcomers", journey: "j1", touchpoint: nil, channel: nil, stage: "buy", attribute: nil,
                expected: "at least 1 touchpoint per stage with ritual = true", planned: "0 in stage buy", at: at("j1", 4, 5)
            ),
        ])
        #expect(checked.row("ritual", "newcomers") == channels(none: n(1, 0)))
        #expect(checked.byJourney("j2", "ritual", "newcomers") == o)
    }
}
