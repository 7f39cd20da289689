import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Handoff markers")
struct HandoffMarkerTests {
    static let warmHandoff = #"{ "id": "warm-handoff", "kind": "handoff", "expect": { "contextCarried": true } }"#

    @Test("only changes of channel along next are checked; a failing value and a missing one")
    func channelChanges() async throws {
        let checked = try await check(
            markers: [
                Self.warmHandoff,
                // `where` applies to the touchpoint that receives the customer.
                #"{ "id": "to-chat", "kind": "handoff", "where": { "channels": ["chat"] }, "expect": { "contextCarried": true } }"#,
            ],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "ask", "stage": "discover", "channel": "email", "next": ["again", "talk"] }"#,
                #"{ "id": "again", "stage": "discover", "channel": "email" }"#,
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "contextCarried": true }, "next": ["visit"] }"#,
                #"{ "id": "visit", "stage": "buy", "channel": "store", "experience": { "contextCarried": false }, "next": ["call"] }"#,
                #"{ "id": "call", "stage": "support", "channel": "phone" }"#,
            ])]
        )
        #expect(checked.gaps == [
            // The value planned at the receiving touchpoint.
            GapFacts(
                "warm-handoff", segment: "newcomers", journey: "j1", touchpoint: "visit", channel: "store", stage: "buy",
                attribute: "contextCarried", expected: "contextCarried = true", planned: "false", at: at("j1", 6, 92)
            ),
            // Not planned: the receiving touchpoint, where the value would go.
            GapFacts(
                "warm-handoff", segment: "newcomers", journey: "j1", touchpoint: "call", channel: "phone", stage: "support",
                attribute: "contextCarried", expected: "contextCarried = true", planned: "not planned", at: at("j1", 7, 5)
            ),
        ])
        #expect(checked.described.map(\.message) == [
            "visit (store, buy), taking over from talk (chat), plans contextCarried = false; 'warm-handoff' expects contextCarried = true",
            "call (phone, support), taking over from visit (store), does not plan 'contextCarried'; 'warm-handoff' expects contextCarried = true",
        ])
        #expect(checked.described.allSatisfy { $0.kind == .handoff })
        // The `next` entry that makes each handoff is the related place.
        #expect(checked.described.map { $0.related.map(\.message) } == [["talk hands over here"], ["visit hands over here"]])
        #expect(checked.described.last?.related.first?.location.description == at("j1", 6, 110))
        // ask → again stays on email: no check. Each check counts on the receiving channel.
        #expect(checked.row("warm-handoff", "newcomers") == channels(store: n(1, 0), chat: n(1, 1), phone: n(1, 0)))
        #expect(checked.row("to-chat", "newcomers") == channels(chat: n(1, 1)))
        #expect(checked.byJourney("j1", "warm-handoff", "newcomers") == n(3, 1))
    }

    @Test("a segment is only handed to, and from, the touchpoints it goes through")
    func segmentRestrictedTargets() async throws {
        let checked = try await check(
            markers: [Self.warmHandoff],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "ask", "stage": "discover", "channel": "email", "next": ["lounge", "talk"] }"#,
                #"{ "id": "lounge", "stage": "choose", "channel": "store", "segments": ["premium"], "next": ["desk"] }"#,
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "segments": ["newcomers"], "experience": { "contextCarried": false } }"#,
                #"{ "id": "desk", "stage": "support", "channel": "phone", "experience": { "contextCarried": true } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "warm-handoff", segment: "premium", journey: "j1", touchpoint: "lounge", channel: "store", stage: "choose",
                attribute: "contextCarried", expected: "contextCarried = true", planned: "not planned", at: at("j1", 4, 5)
            ),
            GapFacts(
                "warm-handoff", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "contextCarried", expected: "contextCarried = true", planned: "false", at: at("j1", 5, 120)
            ),
        ])
        #expect(checked.row("warm-handoff", "newcomers") == channels(chat: n(1, 0)))
        #expect(checked.row("warm-handoff", "premium") == channels(store: n(1, 0), phone: n(1, 1)))
    }

    @Test("the receiving touchpoint is judged on the segment's own experience")
    func bySegmentOnTheReceivingSide() async throws {
        let checked = try await check(
            markers: [Self.warmHandoff],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "ask", "stage": "discover", "channel": "email", "next": ["talk"] }"#,
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "contextCarried": false }, "bySegment": { "premium": { "contextCarried": true } } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "warm-handoff", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "contextCarried", expected: "contextCarried = true", planned: "false", at: at("j1", 4, 93)
            ),
        ])
        #expect(checked.row("warm-handoff", "newcomers") == channels(chat: n(1, 0)))
        #expect(checked.row("warm-handoff", "premium") == channels(chat: n(1, 1)))
    }
}
