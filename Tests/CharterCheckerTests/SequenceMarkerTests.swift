import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Sequence markers")
struct SequenceMarkerTests {
    static let callFirst = #"{ "id": "call-first", "kind": "sequence", "attribute": "activity", "first": "call", "then": "meeting" }"#

    static func meeting(_ id: String, stage: String = "choose") -> String {
        #"{ "id": "\#(id)", "stage": "\#(stage)", "channel": "store", "experience": { "activity": "meeting" } }"#
    }

    static let offer = #"{ "id": "offer", "stage": "buy", "channel": "email", "experience": { "activity": "proposal" } }"#

    static func call(_ id: String) -> String {
        #"{ "id": "\#(id)", "stage": "discover", "channel": "phone", "experience": { "activity": "call" } }"#
    }

    static func related(_ journey: String, _ lines: ClosedRange<Int>, _ word: String, _ ids: [String]) -> [RelatedLocation] {
        zip(lines, ids).map { RelatedLocation(.init(file: Fixture.path(journey), line: $0, column: 5), "\(word): \($1)") }
    }

    @Test("first before then: one check per journey, at the first `then`")
    func firstBeforeThen() async throws {
        let checked = try await check(
            markers: [Self.callFirst],
            journeys: [
                Fixture.journey("j1", [
                    #"{ "id": "qualify", "stage": "discover", "channel": "phone", "experience": { "activity": "call" } }"#,
                    #"{ "id": "meet", "stage": "choose", "channel": "store", "experience": { "activity": "meeting" } }"#,
                ]),
                Fixture.journey("j2", [
                    #"{ "id": "meet", "stage": "discover", "channel": "store", "experience": { "activity": "meeting" } }"#,
                    #"{ "id": "qualify", "stage": "choose", "channel": "phone", "experience": { "activity": "call" } }"#,
                    #"{ "id": "meet-again", "stage": "buy", "channel": "store", "experience": { "activity": "meeting" } }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "call-first", segment: "newcomers", journey: "j2", touchpoint: "meet", channel: "store", stage: "discover",
                attribute: "activity", expected: "at least 1 call before the first meeting", planned: "0 calls before meet",
                at: at("j2", 3, 90)
            ),
        ])
        let gap = try #require(checked.described.first)
        #expect(gap.kind == .sequence)
        #expect(gap.message == "meet (store, discover) is the first meeting and comes after 0 calls; 'call-first' expects at least 1 call before it")
        #expect(gap.related.isEmpty)
        #expect(checked.row("call-first", "newcomers") == channels(store: n(2, 1)))
        #expect(checked.byJourney("j1", "call-first", "newcomers") == n(1, 1))
        #expect(checked.byJourney("j2", "call-first", "newcomers") == n(1, 0))
    }

    @Test("at most 5: five meetings before the proposal pass, six fail")
    func atMostFive() async throws {
        let five = ["m1", "m2", "m3", "m4", "m5"], six = five + ["m6"]
        let checked = try await check(
            markers: [#"{ "id": "five-meetings", "kind": "sequence", "attribute": "activity", "first": "meeting", "then": "proposal", "atMost": 5 }"#],
            journeys: [
                // A meeting after the proposal does not count.
                Fixture.journey("j5", five.map { Self.meeting($0) } + [Self.offer, Self.meeting("m-after", stage: "support")]),
                Fixture.journey("j6", six.map { Self.meeting($0) } + [Self.offer]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "five-meetings", segment: "newcomers", journey: "j6", touchpoint: "offer", channel: "email", stage: "buy",
                attribute: "activity", expected: "at most 5 meetings before the first proposal", planned: "6 meetings before offer",
                at: at("j6", 9, 86)
            ),
        ])
        #expect(checked.described.first?.related == Self.related("j6", 3...8, "meeting", six))
        #expect(checked.row("five-meetings", "newcomers") == channels(email: n(2, 1)))
        #expect(checked.byJourney("j5", "five-meetings", "newcomers") == n(1, 1))
        #expect(checked.byJourney("j6", "five-meetings", "newcomers") == n(1, 0))
    }

    @Test("a gap names the first ten touchpoints counted, and says how many there are")
    func relatedPlacesAreBounded() async throws {
        let twelve = (1...12).map { "m\($0)" }
        let checked = try await check(
            markers: [#"{ "id": "five-meetings", "kind": "sequence", "attribute": "activity", "first": "meeting", "then": "proposal", "atMost": 5 }"#],
            journeys: [Fixture.journey("j12", twelve.map { Self.meeting($0) } + [Self.offer])]
        )
        let gap = try #require(checked.described.first)
        #expect(gap.planned == "12 meetings before offer")
        #expect(gap.message.contains("comes after 12 meetings"))
        #expect(gap.related == Self.related("j12", 3...12, "meeting", Array(twelve.prefix(10))))
    }

    @Test("at least, between and exactly")
    func bounds() async throws {
        let checked = try await check(
            markers: [
                #"{ "id": "two-calls", "kind": "sequence", "attribute": "activity", "first": "call", "then": "proposal", "atLeast": 2 }"#,
                #"{ "id": "one-to-three", "kind": "sequence", "attribute": "activity", "first": "meeting", "then": "proposal", "atLeast": 1, "atMost": 3 }"#,
                #"{ "id": "exactly-two", "kind": "sequence", "attribute": "activity", "first": "call", "then": "meeting", "atLeast": 2, "atMost": 2 }"#,
            ],
            journeys: [
                Fixture.journey("ja", [Self.call("c1"), Self.meeting("m1"), Self.offer]),
                Fixture.journey("jb", [Self.call("c1"), Self.call("c2")] + ["m1", "m2", "m3", "m4"].map { Self.meeting($0) } + [Self.offer]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "exactly-two", segment: "newcomers", journey: "ja", touchpoint: "m1", channel: "store", stage: "choose",
                attribute: "activity", expected: "exactly 2 calls before the first meeting", planned: "1 call before m1",
                at: at("ja", 4, 86)
            ),
            GapFacts(
                "two-calls", segment: "newcomers", journey: "ja", touchpoint: "offer", channel: "email", stage: "buy",
                attribute: "activity", expected: "at least 2 calls before the first proposal", planned: "1 call before offer",
                at: at("ja", 5, 86)
            ),
            GapFacts(
                "one-to-three", segment: "newcomers", journey: "jb", touchpoint: "offer", channel: "email", stage: "buy",
                attribute: "activity", expected: "between 1 and 3 meetings before the first proposal", planned: "4 meetings before offer",
                at: at("jb", 9, 86)
            ),
        ])
        #expect(checked.described.map(\.related) == [
            Self.related("ja", 3...3, "call", ["c1"]),
            Self.related("ja", 3...3, "call", ["c1"]),
            Self.related("jb", 5...8, "meeting", ["m1", "m2", "m3", "m4"]),
        ])
        #expect(checked.row("two-calls", "newcomers") == channels(email: n(2, 1)))
        #expect(checked.row("one-to-three", "newcomers") == channels(email: n(2, 1)))
        #expect(checked.row("exactly-two", "newcomers") == channels(store: n(2, 1)))
    }

    @Test("a journey without a `then` has nothing to check")
    func withoutThen() async throws {
        let checked = try await check(
            markers: [Self.callFirst],
            journeys: [
                Fixture.journey("j1", [Self.call("qualify"), Self.meeting("meet")]),
                Fixture.journey("j2", [Self.call("qualify"), Self.offer]),
            ]
        )
        #expect(checked.gaps.isEmpty)
        #expect(checked.byJourney("j1", "call-first", "newcomers") == n(1, 1))
        #expect(checked.byJourney("j2", "call-first", "newcomers") == o)
        #expect(checked.row("call-first", "newcomers") == channels(store: n(1, 1)))
    }

    @Test("journey order is the stage order, then `next` within a stage, whatever the order written")
    func journeyOrder() async throws {
        let checked = try await check(
            markers: [Self.callFirst],
            journeys: [
                // Same stage: `next` puts the call first although it is written second.
                Fixture.journey("by-next", [
                    #"{ "id": "meet", "stage": "choose", "channel": "store", "experience": { "activity": "meeting" } }"#,
                    #"{ "id": "qualify", "stage": "choose", "channel": "phone", "experience": { "activity": "call" }, "next": ["meet"] }"#,
                ]),
                // Same stage, no `next`: the order written.
                Fixture.journey("as-written", [
                    #"{ "id": "meet", "stage": "choose", "channel": "store", "experience": { "activity": "meeting" } }"#,
                    #"{ "id": "qualify", "stage": "choose", "channel": "phone", "experience": { "activity": "call" } }"#,
                ]),
                // Stage order first.
                Fixture.journey("by-stage", [
                    #"{ "id": "meet", "stage": "buy", "channel": "store", "experience": { "activity": "meeting" } }"#,
                    #"{ "id": "qualify", "stage": "discover", "channel": "phone", "experience": { "activity": "call" } }"#,
                ]),
                // A `next` back to an earlier stage does not change the stage order.
                Fixture.journey("next-backwards", [
                    #"{ "id": "meet", "stage": "discover", "channel": "store", "experience": { "activity": "meeting" } }"#,
                    #"{ "id": "qualify", "stage": "buy", "channel": "phone", "experience": { "activity": "call" }, "next": ["meet"] }"#,
                ]),
            ]
        )
        #expect(checked.gaps == [
            GapFacts(
                "call-first", segment: "newcomers", journey: "as-written", touchpoint: "meet", channel: "store", stage: "choose",
                attribute: "activity", expected: "at least 1 call before the first meeting", planned: "0 calls before meet",
                at: at("as-written", 3, 88)
            ),
            GapFacts(
                "call-first", segment: "newcomers", journey: "next-backwards", touchpoint: "meet", channel: "store", stage: "discover",
                attribute: "activity", expected: "at least 1 call before the first meeting", planned: "0 calls before meet",
                at: at("next-backwards", 3, 90)
            ),
        ])
        #expect(checked.row("call-first", "newcomers") == channels(store: n(4, 2)))
    }

    @Test("touchpoints caught in a `next` cycle keep the order written")
    func nextCycle() async throws {
        let checked = try await check(
            markers: [Self.callFirst],
            journeys: [Fixture.journey("cycle", [
                #"{ "id": "meet", "stage": "choose", "channel": "store", "experience": { "activity": "meeting" }, "next": ["qualify"] }"#,
                #"{ "id": "qualify", "stage": "choose", "channel": "phone", "experience": { "activity": "call" }, "next": ["meet"] }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "call-first", segment: "newcomers", journey: "cycle", touchpoint: "meet", channel: "store", stage: "choose",
                attribute: "activity", expected: "at least 1 call before the first meeting", planned: "0 calls before meet",
                at: at("cycle", 3, 88)
            ),
        ])
    }

    @Test("`next` chains order a whole stage written backwards")
    func nextChain() async throws {
        let checked = try await check(
            markers: [#"{ "id": "two-calls", "kind": "sequence", "attribute": "activity", "first": "call", "then": "meeting", "atLeast": 2 }"#],
            journeys: [Fixture.journey("chain", [
                #"{ "id": "meet", "stage": "choose", "channel": "store", "experience": { "activity": "meeting" } }"#,
                #"{ "id": "second", "stage": "choose", "channel": "phone", "experience": { "activity": "call" }, "next": ["meet"] }"#,
                #"{ "id": "first", "stage": "choose", "channel": "phone", "experience": { "activity": "call" }, "next": ["second"] }"#,
            ])]
        )
        #expect(checked.gaps.isEmpty)
        #expect(checked.row("two-calls", "newcomers") == channels(store: n(1, 1)))
    }
}
