import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Consistency markers")
struct ConsistentMarkerTests {
    static let acrossChannels = #"{ "id": "one-signature", "kind": "consistent", "attribute": "signature", "across": "channels" }"#
    static let acrossJourneys = #"{ "id": "one-signature", "kind": "consistent", "attribute": "signature", "across": "journeys" }"#

    @Test("across channels: the value most used is the reference; the gap lists every value and where it is")
    func mostUsedValue() async throws {
        let checked = try await check(
            markers: [Self.acrossChannels],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "signature": "The B team" } }"#,
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "signature": "Cheers, B" } }"#,
                #"{ "id": "shop", "stage": "buy", "channel": "store", "experience": { "signature": "The B team" } }"#,
                #"{ "id": "plain", "stage": "buy", "channel": "phone" }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "one-signature", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "signature", expected: "one signature across the channels of journey 'j1': 'The B team', the value most used",
                planned: "'Cheers, B'", at: at("j1", 4, 88)
            ),
        ])
        let gap = try #require(checked.described.first)
        #expect(gap.kind == .consistency)
        #expect(gap.message == "talk (chat, choose) plans signature = 'Cheers, B' where the rest use 'The B team'; "
            + "'one-signature' expects one signature across the channels of journey 'j1'. "
            + "Values in use: 'The B team' (mail on email, shop on store); 'Cheers, B' (talk on chat)")
        #expect(gap.related == [
            RelatedLocation(.init(file: Fixture.path("j1"), line: 4, column: 88), "signature = 'Cheers, B' at talk on chat"),
            RelatedLocation(.init(file: Fixture.path("j1"), line: 3, column: 91), "signature = 'The B team', the value most used"),
        ])
        #expect(gap.action == "Set signature to 'The B team' at talk, like the rest of the journey.")
        // One check per touchpoint that plans the signature; `plain` plans none.
        #expect(checked.row("one-signature", "newcomers") == channels(store: n(1, 1), email: n(1, 1), chat: n(1, 0)))
        #expect(checked.byJourney("j1", "one-signature", "newcomers") == n(3, 2))
    }

    @Test("messages list at most five places per value, so many differing touchpoints stay readable")
    func boundedPlaces() async throws {
        let common = (1...7).map { #"{ "id": "m\#($0)", "stage": "discover", "channel": "email", "experience": { "signature": "The B team" } }"# }
        let odd = (1...6).map { #"{ "id": "c\#($0)", "stage": "choose", "channel": "chat", "experience": { "signature": "Cheers, B" } }"# }
        let checked = try await check(markers: [Self.acrossChannels], journeys: [Fixture.journey("j1", common + odd)])
        #expect(checked.gaps.count == 6)
        let gap = try #require(checked.described.first)
        #expect(gap.message.hasSuffix(
            "Values in use: 'The B team' (m1 on email, m2 on email, m3 on email, m4 on email, m5 on email and 2 more); "
                + "'Cheers, B' (c1 on chat, c2 on chat, c3 on chat, c4 on chat, c5 on chat and 1 more)"
        ))
        // Five differing places, then the reference.
        #expect(gap.related.count == 6)
        #expect(gap.related.last?.message == "signature = 'The B team', the value most used")
        #expect(checked.row("one-signature", "newcomers") == channels(email: n(7, 7), chat: n(6, 0)))
    }

    @Test("a tie goes to the value met first in journey order: stage order, then next, not the order written")
    func tieGoesToFirstInJourneyOrder() async throws {
        let checked = try await check(
            markers: [Self.acrossChannels],
            journeys: [
                Fixture.journey("jt1", [
                    #"{ "id": "later", "stage": "buy", "channel": "chat", "experience": { "signature": "Cheers, B" } }"#,
                    #"{ "id": "sooner", "stage": "discover", "channel": "email", "experience": { "signature": "The B team" } }"#,
                ]),
                Fixture.journey("jt2", [
                    #"{ "id": "x", "stage": "choose", "channel": "chat", "experience": { "signature": "Cheers, B" } }"#,
                    #"{ "id": "y", "stage": "choose", "channel": "email", "experience": { "signature": "The B team" }, "next": ["x"] }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "one-signature", segment: "newcomers", journey: "jt1", touchpoint: "later", channel: "chat", stage: "buy",
                attribute: "signature", expected: "one signature across the channels of journey 'jt1': 'The B team', the value most used",
                planned: "'Cheers, B'", at: at("jt1", 3, 86)
            ),
            GapFacts(
                "one-signature", segment: "newcomers", journey: "jt2", touchpoint: "x", channel: "chat", stage: "choose",
                attribute: "signature", expected: "one signature across the channels of journey 'jt2': 'The B team', the value most used",
                planned: "'Cheers, B'", at: at("jt2", 3, 85)
            ),
        ])
        // The message lists every value, in journey order, and where it is.
        #expect(checked.described.map { $0.message.hasSuffix("Values in use: 'The B team' (sooner on email); 'Cheers, B' (later on chat)") } == [true, false])
        #expect(checked.described.map { $0.message.hasSuffix("Values in use: 'The B team' (y on email); 'Cheers, B' (x on chat)") } == [false, true])
        #expect(checked.row("one-signature", "newcomers") == channels(email: n(2, 2), chat: n(2, 0)))
    }

    @Test("across journeys: every journey of the segment is compared; across channels, each journey on its own")
    func acrossJourneysAndChannels() async throws {
        let checked = try await check(
            markers: [
                Self.acrossJourneys,
                // `across` defaults to channels.
                #"{ "id": "per-journey", "kind": "consistent", "attribute": "signature" }"#,
            ],
            journeys: [
                Fixture.journey("j1", [
                    #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "signature": "The B team" } }"#,
                ]),
                Fixture.journey("j2", [
                    #"{ "id": "talk", "stage": "discover", "channel": "chat", "experience": { "signature": "Cheers, B" } }"#,
                    #"{ "id": "shop", "stage": "buy", "channel": "store", "experience": { "signature": "Cheers, B" } }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "one-signature", segment: "newcomers", journey: "j1", touchpoint: "mail", channel: "email", stage: "discover",
                attribute: "signature", expected: "one signature across journeys: 'Cheers, B', the value most used",
                planned: "'The B team'", at: at("j1", 3, 91)
            ),
        ])
        #expect(checked.described.first?.message == "mail (email, discover) plans signature = 'The B team' where the rest use 'Cheers, B'; "
            + "'one-signature' expects one signature across journeys. "
            + "Values in use: 'The B team' (j1/mail on email); 'Cheers, B' (j2/talk on chat, j2/shop on store)")
        #expect(checked.described.first?.related == [
            RelatedLocation(.init(file: Fixture.path("j1"), line: 3, column: 91), "signature = 'The B team' at j1/mail on email"),
            RelatedLocation(.init(file: Fixture.path("j2"), line: 3, column: 90), "signature = 'Cheers, B', the value most used"),
        ])
        #expect(checked.row("one-signature", "newcomers") == channels(store: n(1, 1), email: n(1, 0), chat: n(1, 1)))
        #expect(checked.byJourney("j1", "one-signature", "newcomers") == n(1, 0))
        #expect(checked.byJourney("j2", "one-signature", "newcomers") == n(2, 2))
        // Across channels, j1 plans one value only: nothing to compare, no check.
        // j2 plans one value twice: two checks, both met.
        #expect(checked.byJourney("j1", "per-journey", "newcomers") == o)
        #expect(checked.byJourney("j2", "per-journey", "newcomers") == n(2, 2))
        #expect(checked.row("per-journey", "newcomers") == channels(store: n(1, 1), chat: n(1, 1)))
    }

    @Test("a gap names at most five values and the one most used, and counts the others; related places stay bounded")
    func manyValuesAreBounded() async throws {
        // s1 … s8 in turn, then s7 twice more: s7 is the value most used, and the sixth value first used.
        let touchpoints = (1...8).map { #"{ "id": "t\#($0)", "stage": "discover", "channel": "email", "experience": { "signature": "s\#($0)" } }"# }
            + (9...10).map { #"{ "id": "t\#($0)", "stage": "discover", "channel": "chat", "experience": { "signature": "s7" } }"# }
        let checked = try await check(markers: [Self.acrossChannels], journeys: [Fixture.journey("j1", touchpoints)])
        // Seven touchpoints depart from s7: t1 … t6 and t8.
        #expect(checked.gaps.map { $0.touchpoint ?? "-" } == ["t1", "t2", "t3", "t4", "t5", "t6", "t8"])
        let gap = try #require(checked.described.first)
        #expect(gap.message.hasSuffix(
            "Values in use: 's1' (t1 on email); 's2' (t2 on email); 's3' (t3 on email); 's4' (t4 on email); 's5' (t5 on email); "
                + "'s7' (t7 on email, t9 on chat, t10 on chat); and 2 more values"
        ))
        // One place for each value named other than s7, then s7's first.
        #expect(gap.related.map(\.message) == [
            "signature = 's1' at t1 on email", "signature = 's2' at t2 on email", "signature = 's3' at t3 on email",
            "signature = 's4' at t4 on email", "signature = 's5' at t5 on email", "signature = 's7', the value most used",
        ])
        // s8's gap still says what it plans, though s8 is not among the values named.
        #expect(checked.described.last?.message.hasPrefix("t8 (email, discover) plans signature = 's8' where the rest use 's7'") == true)
    }

    @Test("across journeys, a tie goes to the journey that comes first")
    func tieAcrossJourneys() async throws {
        let checked = try await check(
            markers: [Self.acrossJourneys],
            journeys: [
                Fixture.journey("j2", [
                    #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "signature": "The B team" } }"#,
                ]),
                Fixture.journey("j1", [
                    #"{ "id": "talk", "stage": "discover", "channel": "chat", "experience": { "signature": "Cheers, B" } }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "one-signature", segment: "newcomers", journey: "j2", touchpoint: "mail", channel: "email", stage: "discover",
                attribute: "signature", expected: "one signature across journeys: 'Cheers, B', the value most used",
                planned: "'The B team'", at: at("j2", 3, 91)
            ),
        ])
        #expect(checked.described.first?.message.hasSuffix("Values in use: 'Cheers, B' (j1/talk on chat); 'The B team' (j2/mail on email)") == true)
    }

    @Test("a segment is compared with itself only: its bySegment values and its touchpoints")
    func perSegment() async throws {
        let checked = try await check(
            markers: [Self.acrossChannels],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "signature": "The B team" }, "bySegment": { "premium": { "signature": "Your advisor" } } }"#,
                #"{ "id": "lounge", "stage": "buy", "channel": "store", "segments": ["premium"], "experience": { "signature": "Your advisor" } }"#,
                #"{ "id": "talk", "stage": "buy", "channel": "chat", "segments": ["newcomers"], "experience": { "signature": "The B team" } }"#,
            ])]
        )
        #expect(checked.gaps.isEmpty)
        #expect(checked.row("one-signature", "newcomers") == channels(email: n(1, 1), chat: n(1, 1)))
        #expect(checked.row("one-signature", "premium") == channels(store: n(1, 1), email: n(1, 1)))
    }
}
