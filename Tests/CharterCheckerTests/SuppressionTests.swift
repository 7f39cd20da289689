import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Suppressions, disabled markers and the checker's diagnostics")
struct SuppressionTests {
    static let formal = #"{ "id": "formal", "expect": { "address": "formal" } }"#

    static func location(_ journey: String, _ line: Int, _ column: Int) -> JourneyModel.SourceLocation {
        .init(file: Fixture.path(journey), line: line, column: column)
    }

    @Test("a touchpoint's suppression keeps the gap, with its reason, out of the open gaps and the tallies")
    func touchpointSuppression() async throws {
        let checked = try await check(
            markers: [Self.formal],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "formal" } }"#,
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal" }, "suppress": [{ "marker": "formal", "reason": "Chat speaks informally" }] }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "formal", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "address", expected: "address = formal", planned: "informal", at: at("j1", 4, 86)
            ),
        ])
        #expect(checked.described.first?.suppression == SuppressionNote(reason: "Chat speaks informally", location: Self.location("j1", 4, 113)))
        #expect(checked.report.openGaps.isEmpty)
        #expect(checked.row("formal", "newcomers") == channels(email: n(1, 1)))
        #expect(checked.byJourney("j1", "formal", "newcomers") == n(1, 1))
    }

    @Test("a journey's suppression covers every touchpoint; a marker whose every check is suppressed still applies")
    func journeySuppression() async throws {
        let checked = try await check(
            markers: [Self.formal],
            journeys: [Fixture.journey(
                "j1",
                [
                    #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal" } }"#,
                    #"{ "id": "call", "stage": "support", "channel": "phone" }"#,
                ],
                extra: [#""suppress": [{ "marker": "formal", "reason": "A legacy journey, rewritten next quarter" }],"#]
            )]
        )
        #expect(checked.gaps == [
            GapFacts(
                "formal", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "address", expected: "address = formal", planned: "informal", at: at("j1", 3, 86)
            ),
            GapFacts(
                "formal", segment: "newcomers", journey: "j1", touchpoint: "call", channel: "phone", stage: "support",
                attribute: "address", expected: "address = formal", planned: "not planned", at: at("j1", 4, 5)
            ),
        ])
        let note = SuppressionNote(reason: "A legacy journey, rewritten next quarter", location: Self.location("j1", 6, 16))
        #expect(checked.described.map(\.suppression) == [note, note])
        #expect(checked.report.openGaps.isEmpty)
        #expect(checked.row("formal", "newcomers") == channels())
        // `check` also expects no diagnostic: not `marker-applies-nowhere`, since the marker did apply.
    }

    @Test("a suppression limited to some segments suppresses their gaps only")
    func segmentLimited() async throws {
        let checked = try await check(
            markers: [Self.formal],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal" }, "suppress": [{ "marker": "formal", "segments": ["premium"], "reason": "Premium customers are on first-name terms" }] }"#,
            ])]
        )
        let gap = { (segment: String) in
            GapFacts(
                "formal", segment: segment, journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "address", expected: "address = formal", planned: "informal", at: at("j1", 3, 86)
            )
        }
        #expect(checked.gaps == [gap("newcomers"), gap("premium")])
        #expect(checked.described.map(\.suppression) == [
            nil,
            SuppressionNote(reason: "Premium customers are on first-name terms", location: Self.location("j1", 3, 113)),
        ])
        #expect(checked.openGaps == [gap("newcomers")])
        #expect(checked.row("formal", "newcomers") == channels(chat: n(1, 0)))
        #expect(checked.row("formal", "premium") == channels())
    }

    @Test("the tally counts accepted checks per journey, segment and marker, apart from the checks it scores")
    func acceptedCounts() async throws {
        let checked = try await check(
            markers: [Self.formal, #"{ "id": "premium-only", "where": { "segments": ["premium"] }, "expect": { "address": "formal" } }"#],
            journeys: [
                Fixture.journey(
                    "j1", segments: ["newcomers", "premium"],
                    [
                        #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "formal" } }"#,
                        #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal" }, "suppress": [{ "marker": "formal", "segments": ["premium"], "reason": "First-name terms" }] }"#,
                        #"{ "id": "call", "stage": "support", "channel": "phone", "experience": { "address": "informal" } }"#,
                    ],
                    extra: [#""suppress": [{ "marker": "premium-only", "reason": "A legacy journey" }],"#]
                ),
                Fixture.journey("j2", segments: ["newcomers", "premium"], [
                    #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "formal" } }"#,
                ]),
            ]
        )
        // formal: newcomers fail talk and call openly; premium's talk is accepted, its call open.
        #expect(checked.byJourney("j1", "formal", "newcomers") == n(3, 1))
        #expect(checked.accepted("j1", "formal", "newcomers") == 0)
        #expect(checked.byJourney("j1", "formal", "premium") == n(2, 1))
        #expect(checked.accepted("j1", "formal", "premium") == 1)
        // premium-only: the journey's suppression accepts talk and call, for premium, the one segment it applies to.
        #expect(checked.byJourney("j1", "premium-only", "premium") == n(1, 1))
        #expect(checked.accepted("j1", "premium-only", "premium") == 2)
        #expect(checked.byJourney("j1", "premium-only", "newcomers") == n(0, 0))
        #expect(checked.accepted("j1", "premium-only", "newcomers") == 0)
        for segment in ["newcomers", "premium"] {
            for marker in ["formal", "premium-only"] { #expect(checked.accepted("j2", marker, segment) == 0, "\(marker) \(segment)") }
        }
    }

    @Test("a suppression that matches no gap is reported as unused")
    func unusedSuppression() async throws {
        let checked = try await check(
            markers: [Self.formal],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                // Passes: nothing to suppress.
                #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "formal" }, "suppress": [{ "marker": "formal", "reason": "Just in case" }] }"#,
                // Only newcomers fail here, and the suppression is for premium.
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal" }, "bySegment": { "premium": { "address": "formal" } }, "suppress": [{ "marker": "formal", "segments": ["premium"], "reason": "Premium is formal anyway" }] }"#,
            ])],
            allowingDiagnostics: true
        )
        let message = "this suppression of 'formal' matches no gap; remove it so that it cannot hide a future one"
        #expect(checked.report.diagnostics == [
            Diagnostic(.unusedSuppression, at: Self.location("j1", 3, 114), message),
            Diagnostic(.unusedSuppression, at: Self.location("j1", 4, 166), message),
        ])
        #expect(checked.report.diagnostics.allSatisfy { $0.severity == .warning })
        #expect(checked.openGaps == [
            GapFacts(
                "formal", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "address", expected: "address = formal", planned: "informal", at: at("j1", 4, 86)
            ),
        ])
        #expect(checked.described.count == 1)
    }

    @Test("a marker that no segment ever checks is reported where it is defined")
    func markerAppliesNowhere() async throws {
        let checked = try await check(
            markers: [
                Self.formal,
                #"{ "id": "phone-manners", "where": { "channels": ["phone"] }, "expect": { "address": "formal" } }"#,
                #"{ "id": "premium-only", "where": { "segments": ["premium"] }, "expect": { "address": "formal" } }"#,
            ],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "formal" } }"#,
            ])],
            allowingDiagnostics: true
        )
        #expect(checked.gaps.isEmpty)
        #expect(checked.report.diagnostics == ["phone-manners", "premium-only"].enumerated().map { offset, id in
            Diagnostic(
                .markerAppliesNowhere, at: .init(file: Fixture.brandPath, line: 24 + offset, column: 5),
                "marker '\(id)' checked nothing in the journeys of brand 'b': no touchpoint is in its scope; check its 'where'"
            )
        })
        #expect(checked.report.diagnostics.allSatisfy { $0.severity == .warning })
    }

    @Test("a brand without journeys: nothing to check and nothing to report")
    func noJourneys() async throws {
        let checked = try await check(markers: [Self.formal], journeys: [])
        #expect(checked.described.isEmpty)
        #expect(checked.report.tallies.isEmpty)
    }

    @Test("a marker turned off by an override produces no gap, no check and no diagnostic")
    func disabledMarker() async throws {
        let group = SourceFile(path: "Brands/group.charter.jsonc", text: """
            { "charter": "group",
              "markers": [
                { "id": "formal", "expect": { "address": "formal" } },
                { "id": "warm", "expect": { "tone": "warm" } }
              ]
            }
            """)
        let checked = try await check(
            markers: [],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "talk", "stage": "choose", "channel": "chat", "experience": { "address": "informal", "tone": "pushy" } }"#,
            ])],
            charters: [group],
            extends: "group",
            overrides: #"{ "formal": { "severity": "off", "reason": "B speaks informally" }, "warm": { "severity": "error", "reason": "Warmth is what B is known for" } }"#
        )
        #expect(checked.brand.charter.markers.map(\.isEnabled) == [false, true])
        #expect(checked.gaps == [
            GapFacts(
                "warm", segment: "newcomers", journey: "j1", touchpoint: "talk", channel: "chat", stage: "choose",
                attribute: "tone", expected: "tone = warm", planned: "pushy", at: at("j1", 3, 106)
            ),
        ])
        #expect(checked.described.first?.severity == .error)
        #expect(checked.row("formal", "newcomers") == channels())
        #expect(checked.row("warm", "newcomers") == channels(chat: n(1, 0)))
    }
}
