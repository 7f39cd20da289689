import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Pressure markers")
struct PressureMarkerTests {
    static let calm = #"{ "id": "calm", "kind": "pressure", "atMost": 2, "within": "P7D", "where": { "channelKinds": ["digital"] } }"#

    /// In journey order, with the time each is planned at (days) and whether it counts (brand-initiated, digital):
    /// mail1 0 ✓, visit 1 (customer, store) ✗, mail2 2 ✓, chat1 2.5 ✓, mail3 7.5 ✓, call 8.5 (phone) ✗, mail4 9.5 ✓.
    static let burst = [
        #"{ "id": "mail1", "stage": "discover", "channel": "email" }"#,
        #"{ "id": "visit", "stage": "discover", "channel": "store", "initiator": "customer", "after": "P1D" }"#,
        #"{ "id": "mail2", "stage": "discover", "channel": "email", "after": "P1D" }"#,
        #"{ "id": "chat1", "stage": "discover", "channel": "chat", "after": "PT12H" }"#,
        #"{ "id": "mail3", "stage": "discover", "channel": "email", "after": "P5D" }"#,
        #"{ "id": "call", "stage": "discover", "channel": "phone", "after": "P1D" }"#,
        #"{ "id": "mail4", "stage": "discover", "channel": "email", "after": "P1D" }"#,
    ]

    @Test("each brand-initiated touchpoint in scope is a check on the window that ends at it; windows are half-open")
    func burstOverloadsTwoWindows() async throws {
        let checked = try await check(markers: [Self.calm], journeys: [Fixture.journey("j1", Self.burst)])
        // chat1's window holds mail1, mail2, chat1 (0 to 2.5 days); mail3's holds mail2, chat1, mail3 (2 to 7.5);
        // mail4's starts after chat1, exactly 7 days before it, so it holds mail3 and mail4 only.
        #expect(checked.gaps == [
            GapFacts(
                "calm", segment: "newcomers", journey: "j1", touchpoint: "chat1", channel: "chat", stage: "discover",
                attribute: nil, expected: "at most 2 touchpoints initiated by the brand within P7D", planned: "3 within P7D, from mail1",
                at: at("j1", 6, 5)
            ),
            GapFacts(
                "calm", segment: "newcomers", journey: "j1", touchpoint: "mail3", channel: "email", stage: "discover",
                attribute: nil, expected: "at most 2 touchpoints initiated by the brand within P7D", planned: "3 within P7D, from mail2",
                at: at("j1", 7, 5)
            ),
        ])
        let gap = try #require(checked.described.first)
        #expect(gap.kind == .pressure)
        #expect(gap.message == "chat1 (chat, discover) makes 3 touchpoints initiated by the brand within P7D, from mail1; 'calm' expects at most 2")
        #expect(gap.action == "Space out, merge or drop the touchpoints the brand initiates from mail1 to chat1: 3 within P7D, at most 2.")
        #expect(gap.related == [RelatedLocation(.init(file: Fixture.path("j1"), line: 3, column: 5), "first of the 3 within P7D: mail1")])
        // Four checks on e-mail (mail3 fails), one on chat (fails); the store and the phone are not in scope.
        #expect(checked.row("calm", "newcomers") == channels(email: n(4, 3), chat: n(1, 0)))
    }

    @Test("`after` counts from the previous touchpoint the segment lives, so a pause only one segment takes spaces its journey out")
    func timingFollowsTheSegment() async throws {
        let checked = try await check(
            markers: [#"{ "id": "one-a-week", "kind": "pressure", "atMost": 1, "within": "P7D" }"#],
            journeys: [Fixture.journey("j2", segments: ["newcomers", "premium"], [
                #"{ "id": "a", "stage": "discover", "channel": "email" }"#,
                #"{ "id": "pause", "stage": "discover", "channel": "store", "segments": ["premium"], "initiator": "customer", "after": "P10D" }"#,
                #"{ "id": "b", "stage": "choose", "channel": "email", "after": "P1D" }"#,
            ])]
        )
        // Newcomers: a at 0, b at 1 day. Premium: a at 0, the visit at 10 days, b at 11.
        #expect(checked.gaps.map { "\($0.segment ?? "-") \($0.touchpoint ?? "-") \($0.planned)" } == ["newcomers b 2 within P7D, from a"])
        #expect(checked.row("one-a-week", "newcomers") == channels(email: n(2, 1)))
        #expect(checked.row("one-a-week", "premium") == channels(email: n(2, 2)))
    }

    @Test("a marker whose scope holds no brand-initiated touchpoint applies nowhere, and says why")
    func nothingToCount() async throws {
        let checked = try await check(
            markers: [Self.calm],
            journeys: [Fixture.journey("j3", [
                #"{ "id": "visit", "stage": "discover", "channel": "store" }"#,
                #"{ "id": "ask", "stage": "discover", "channel": "chat", "initiator": "customer" }"#,
            ])],
            allowingDiagnostics: true
        )
        #expect(checked.gaps.isEmpty)
        #expect(checked.report.diagnostics.map(\.message) == [
            "marker 'calm' checked nothing in the journeys of brand 'b': no touchpoint in its scope is initiated by the brand",
        ])
    }

    @Test("explain says what a pressure marker expects")
    func expectation() async throws {
        let checked = try await check(markers: [Self.calm], journeys: [Fixture.journey("j1", Self.burst)])
        let marker = try #require(checked.brand.charter.marker(id: "calm"))
        #expect(marker.rule.definition.expectation(in: checked.brand) == "at most 2 touchpoints initiated by the brand within any P7D along each journey")
    }
}
