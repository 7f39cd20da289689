import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

/// One operator, with a value that meets it and one that does not (nil:
/// not planned at all).
struct OperatorCase: CustomTestStringConvertible, Sendable {
    let name: String
    let attribute: String
    /// What the marker's `expect` says about the attribute.
    let test: String
    let passing: String?
    let failing: String?
    let expected: String
    let planned: String
    /// Where the gap points on line 4: the failing value, or the touchpoint (5).
    let column: Int

    var testDescription: String { name }

    /// `"attribute": value`, or nothing.
    func experience(_ value: String?) -> String {
        value.map { #"{ "\#(attribute)": \#($0) }"# } ?? "{ }"
    }
}

@Suite("Expectation markers")
struct ExpectationMarkerTests {
    // Line 4 is `{ "id": "fail", "stage": "discover", "channel": "email", "experience": { "<attribute>": <value> } }`
    // from column 5: the value starts at column 74 + length of the attribute's name + 4 (address 89, tone 86,
    // personalisation 97, responseTime 94, score 87, signature 91, contextCarried 96).
    static let operators: [OperatorCase] = [
        OperatorCase(
            name: "equals", attribute: "address", test: #"{ "equals": "formal" }"#,
            passing: #""formal""#, failing: #""informal""#, expected: "address = formal", planned: "informal", column: 89
        ),
        OperatorCase(
            name: "equals, shorthand", attribute: "address", test: #""formal""#,
            passing: #""formal""#, failing: #""informal""#, expected: "address = formal", planned: "informal", column: 89
        ),
        OperatorCase(
            name: "equals on a boolean", attribute: "contextCarried", test: #"{ "equals": true }"#,
            passing: "true", failing: "false", expected: "contextCarried = true", planned: "false", column: 96
        ),
        OperatorCase(
            name: "equals on durations: PT60M is PT1H", attribute: "responseTime", test: #"{ "equals": "PT1H" }"#,
            passing: #""PT60M""#, failing: #""PT90M""#, expected: "responseTime = PT1H", planned: "PT90M", column: 94
        ),
        OperatorCase(
            name: "oneOf", attribute: "tone", test: #"{ "oneOf": ["warm", "expert"] }"#,
            passing: #""expert""#, failing: #""neutral""#, expected: "tone one of [warm, expert]", planned: "neutral", column: 86
        ),
        OperatorCase(
            name: "noneOf", attribute: "tone", test: #"{ "noneOf": ["pushy", "neutral"] }"#,
            passing: #""warm""#, failing: #""pushy""#, expected: "tone none of [pushy, neutral]", planned: "pushy", column: 86
        ),
        OperatorCase(
            name: "atLeast on a scale, the bound itself passes", attribute: "personalisation", test: #"{ "atLeast": "named" }"#,
            passing: #""named""#, failing: #""segment""#, expected: "personalisation ≥ named", planned: "segment", column: 97
        ),
        OperatorCase(
            name: "atMost on a scale", attribute: "personalisation", test: #"{ "atMost": "segment" }"#,
            passing: #""none""#, failing: #""named""#, expected: "personalisation ≤ segment", planned: "named", column: 97
        ),
        OperatorCase(
            name: "atLeast on a number", attribute: "score", test: #"{ "atLeast": 7 }"#,
            passing: "7", failing: "6.5", expected: "score ≥ 7", planned: "6.5", column: 87
        ),
        OperatorCase(
            name: "atMost on a number", attribute: "score", test: #"{ "atMost": 10 }"#,
            passing: "9.5", failing: "11", expected: "score ≤ 10", planned: "11", column: 87
        ),
        // As text, "PT90M" sorts after "PT2H"; as durations, 90 minutes is less than 2 hours.
        OperatorCase(
            name: "atMost on a duration: PT90M is under PT2H", attribute: "responseTime", test: #"{ "atMost": "PT2H" }"#,
            passing: #""PT90M""#, failing: #""PT3H""#, expected: "responseTime ≤ PT2H", planned: "PT3H", column: 94
        ),
        OperatorCase(
            name: "atLeast on a duration: PT90M is under PT2H", attribute: "responseTime", test: #"{ "atLeast": "PT2H" }"#,
            passing: #""PT120M""#, failing: #""PT90M""#, expected: "responseTime ≥ PT2H", planned: "PT90M", column: 94
        ),
        OperatorCase(
            name: "present", attribute: "signature", test: #"{ "present": true }"#,
            passing: #""The B team""#, failing: nil, expected: "signature planned", planned: "not planned", column: 5
        ),
        OperatorCase(
            name: "absent", attribute: "signature", test: #"{ "absent": true }"#,
            passing: nil, failing: #""The B team""#, expected: "signature not planned", planned: "The B team", column: 91
        ),
        // Searched in the value, so a part of it is enough.
        OperatorCase(
            name: "matches, a literal", attribute: "signature", test: #"{ "matches": "Aurele" }"#,
            passing: #""The Aurele team""#, failing: #""The B team""#,
            expected: "signature matches /Aurele/", planned: "The B team", column: 91
        ),
        // Anchored: the whole value must match.
        OperatorCase(
            name: "matches, anchored", attribute: "signature", test: #"{ "matches": "^The .+ team$" }"#,
            passing: #""The Aurele team""#, failing: #""Regards, The B team""#,
            expected: "signature matches /^The .+ team$/", planned: "Regards, The B team", column: 91
        ),
    ]

    @Test("each operator: one touchpoint meets it, one does not", arguments: operators)
    func operatorMetAndUnmet(_ operation: OperatorCase) async throws {
        let checked = try await check(
            markers: [#"{ "id": "m", "expect": { "\#(operation.attribute)": \#(operation.test) } }"#],
            journeys: [Fixture.journey("ops", [
                #"{ "id": "pass", "stage": "discover", "channel": "email", "experience": \#(operation.experience(operation.passing)) }"#,
                #"{ "id": "fail", "stage": "discover", "channel": "email", "experience": \#(operation.experience(operation.failing)) }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "m", segment: "newcomers", journey: "ops", touchpoint: "fail", channel: "email", stage: "discover",
                attribute: operation.attribute, expected: operation.expected, planned: operation.planned,
                at: at("ops", 4, operation.column)
            ),
        ])
        #expect(checked.row("m", "newcomers") == channels(email: n(2, 1)))
        #expect(checked.byJourney("ops", "m", "newcomers") == n(2, 1))
    }

    @Test("the one evaluator says which expectation a touchpoint fails, and nothing when it meets them all", arguments: operators)
    func evaluatorSaysWhichFailed(_ operation: OperatorCase) async throws {
        let brand = SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: [
            #"{ "id": "m", "expect": { "ritual": { "absent": true }, "\#(operation.attribute)": \#(operation.test) } }"#,
        ]))
        let journey = Fixture.journey("ops", [
            #"{ "id": "pass", "stage": "discover", "channel": "email", "experience": \#(operation.experience(operation.passing)) }"#,
            #"{ "id": "fail", "stage": "discover", "channel": "email", "experience": \#(operation.experience(operation.failing)) }"#,
            #"{ "id": "none", "stage": "discover", "channel": "email", "experience": { "ritual": true } }"#,
        ])
        let workspace = await WorkspaceLoader.load([brand, journey]).workspace
        let loaded = try #require(workspace.brands.first)
        let loadedJourney = try #require(workspace.journeys.first)
        let marker = ActiveMarker(index: 0, marker: loaded.charter.markers[0], brand: loaded)
        let trace = JourneyTrace(journey: loadedJourney, index: 0, workspaceIndex: 0, segment: 0, layout: JourneyLayout(loadedJourney))
        let view = JourneyView(trace, channelCount: loaded.channels.count)
        var cache = PatternResults()
        let failed = view.order.map { position in
            Array(marker.expectations.failures(in: view, at: position, matches: &cache)).map(\.index)
        }
        // `none` plans only a ritual: it fails the first expectation, and the second unless it is `absent`.
        let absentIsMet = operation.test.contains("absent")
        #expect(failed == [[], [1], absentIsMet ? [0] : [0, 1]])
        #expect(view.order.map { marker.expectations.isMet(in: view, at: $0, matches: &cache) } == [true, false, false])
    }

    @Test("a pattern runs once per distinct text, told apart by its scalars, not once per touchpoint")
    func patternResultsAreKeptPerText() async throws {
        let brand = SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: [
            #"{ "id": "m", "expect": { "signature": { "matches": "^The B team$" } } }"#,
        ]))
        let touchpoints = ["The B team", "The B team", "The B team", "Caf\u{E9}", "Cafe\u{301}"].enumerated().map { index, text in
            #"{ "id": "t\#(index)", "stage": "discover", "channel": "email", "experience": { "signature": "\#(text)" } }"#
        }
        let workspace = await WorkspaceLoader.load([brand, Fixture.journey("texts", touchpoints)]).workspace
        let loaded = try #require(workspace.brands.first)
        let journey = try #require(workspace.journeys.first)
        let marker = ActiveMarker(index: 0, marker: loaded.charter.markers[0], brand: loaded)
        let view = JourneyView(
            JourneyTrace(journey: journey, index: 0, workspaceIndex: 0, segment: 0, layout: JourneyLayout(journey)),
            channelCount: loaded.channels.count
        )
        var cache = PatternResults()
        let met = view.order.map { marker.expectations.isMet(in: view, at: $0, matches: &cache) }
        #expect(met == [true, true, true, false, false])
        // One match for the text written three times, one for each spelling of "Café".
        #expect(cache.matchesRun == 3)
    }

    @Test("a value that is not planned fails every operator but absent, and the gap points at the touchpoint")
    func missingValue() async throws {
        let checked = try await check(
            markers: [
                #"{ "id": "equals", "expect": { "address": { "equals": "formal" } } }"#,
                #"{ "id": "one-of", "expect": { "tone": { "oneOf": ["warm", "expert"] } } }"#,
                #"{ "id": "none-of", "expect": { "tone": { "noneOf": ["pushy"] } } }"#,
                #"{ "id": "at-least", "expect": { "personalisation": { "atLeast": "named" } } }"#,
                #"{ "id": "at-most", "expect": { "responseTime": { "atMost": "PT2H" } } }"#,
                #"{ "id": "present", "expect": { "signature": { "present": true } } }"#,
                #"{ "id": "absent", "expect": { "signature": { "absent": true } } }"#,
                #"{ "id": "matches", "expect": { "signature": { "matches": "Aurele" } } }"#,
            ],
            journeys: [Fixture.journey("bare", [
                #"{ "id": "desk", "stage": "buy", "channel": "chat" }"#,
            ])]
        )
        func gap(_ marker: String, _ attribute: String, _ expected: String) -> GapFacts {
            GapFacts(
                marker, segment: "newcomers", journey: "bare", touchpoint: "desk", channel: "chat", stage: "buy",
                attribute: attribute, expected: expected, planned: "not planned", at: at("bare", 3, 5)
            )
        }
        // One place: report order is then by marker id.
        #expect(checked.gaps == [
            gap("at-least", "personalisation", "personalisation ≥ named"),
            gap("at-most", "responseTime", "responseTime ≤ PT2H"),
            gap("equals", "address", "address = formal"),
            gap("matches", "signature", "signature matches /Aurele/"),
            gap("none-of", "tone", "tone none of [pushy]"),
            gap("one-of", "tone", "tone one of [warm, expert]"),
            gap("present", "signature", "signature planned"),
        ])
        for marker in ["equals", "one-of", "none-of", "at-least", "at-most", "present", "matches"] {
            #expect(checked.row(marker, "newcomers") == channels(chat: n(1, 0)), "\(marker)")
        }
        #expect(checked.row("absent", "newcomers") == channels(chat: n(1, 1)))
    }

    @Test("a marker with several expectations: one check per touchpoint, one gap per unmet expectation")
    func severalExpectations() async throws {
        let checked = try await check(
            markers: [
                #"{ "id": "house-style", "expect": { "address": "formal", "tone": { "oneOf": ["warm", "expert"] }, "signature": { "present": true } } }"#,
            ],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "t1", "stage": "choose", "channel": "store", "experience": { "address": "informal", "tone": "warm" } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "house-style", segment: "newcomers", journey: "j1", touchpoint: "t1", channel: "store", stage: "choose",
                attribute: "signature", expected: "signature planned", planned: "not planned", at: at("j1", 3, 5)
            ),
            GapFacts(
                "house-style", segment: "newcomers", journey: "j1", touchpoint: "t1", channel: "store", stage: "choose",
                attribute: "address", expected: "address = formal", planned: "informal", at: at("j1", 3, 85)
            ),
        ])
        #expect(checked.row("house-style", "newcomers") == channels(store: n(1, 0)))
    }

    @Test("gaps carry the marker's severity and kind, and say what is planned against what is expected")
    func gapWords() async throws {
        let checked = try await check(
            markers: [#"{ "id": "formal", "name": "We address customers formally", "severity": "error", "expect": { "address": "formal" } }"#],
            journeys: [Fixture.journey("j1", [
                #"{ "id": "t1", "stage": "discover", "channel": "email", "experience": { "address": "informal" } }"#,
                #"{ "id": "t2", "stage": "choose", "channel": "chat" }"#,
            ])]
        )
        try #require(checked.described.count == 2)
        let (value, missing) = (checked.described[0], checked.described[1])
        #expect(value.location == JourneyModel.SourceLocation(file: "Journeys/j1.journey.jsonc", line: 3, column: 87))
        #expect(value.message == "t1 (email, discover) plans address = informal; 'We address customers formally' expects address = formal")
        #expect(missing.location == JourneyModel.SourceLocation(file: "Journeys/j1.journey.jsonc", line: 4, column: 5))
        #expect(missing.message == "t2 (chat, choose) does not plan 'address'; 'We address customers formally' expects address = formal")
        #expect(value.action == "Set address to formal at t1.")
        #expect(missing.action == "Set address to formal at t2.")
        for gap in checked.described {
            #expect(gap.severity == .error)
            #expect(gap.kind == .expectation)
            #expect(gap.brand == "b")
            #expect(gap.related.isEmpty)
            #expect(gap.suppression == nil)
        }
        #expect(checked.report.openGaps.count == 2)
    }

    // MARK: Where

    /// The touchpoints of the `where` journey: every one plans an informal address.
    static let spread = [
        #"{ "id": "visit", "stage": "discover", "channel": "store", "experience": { "address": "informal" } }"#,
        #"{ "id": "mail", "stage": "choose", "channel": "email", "experience": { "address": "informal" } }"#,
        #"{ "id": "talk", "stage": "buy", "channel": "chat", "experience": { "address": "informal" } }"#,
        #"{ "id": "call", "stage": "support", "channel": "phone", "experience": { "address": "informal" } }"#,
    ]

    /// The gap each touchpoint of `spread` gives for one segment.
    static func spreadGap(_ touchpoint: String, segment: String = "newcomers") -> GapFacts {
        let (line, column, channel, stage) = switch touchpoint {
        case "visit": (3, 90, "store", "discover")
        case "mail": (4, 87, "email", "choose")
        case "talk": (5, 83, "chat", "buy")
        default: (6, 88, "phone", "support")
        }
        return GapFacts(
            "formal", segment: segment, journey: "spread", touchpoint: touchpoint, channel: channel, stage: stage,
            attribute: "address", expected: "address = formal", planned: "informal", at: at("spread", line, column)
        )
    }

    struct WhereCase: CustomTestStringConvertible, Sendable {
        let scope: String
        let touchpoints: [String]
        let row: [CheckCount]
        var testDescription: String { scope }
    }

    static let whereCases = [
        WhereCase(scope: #"{ "channels": ["chat", "email"] }"#, touchpoints: ["mail", "talk"], row: channels(email: n(1, 0), chat: n(1, 0))),
        WhereCase(scope: #"{ "channelKinds": ["voice", "physical"] }"#, touchpoints: ["visit", "call"], row: channels(store: n(1, 0), phone: n(1, 0))),
        WhereCase(scope: #"{ "stages": ["buy", "support"] }"#, touchpoints: ["talk", "call"], row: channels(chat: n(1, 0), phone: n(1, 0))),
        WhereCase(scope: #"{ "channelKinds": ["digital"], "stages": ["choose"] }"#, touchpoints: ["mail"], row: channels(email: n(1, 0))),
    ]

    @Test("where filters by channels, channel kinds and stages", arguments: whereCases)
    func whereFilters(_ filter: WhereCase) async throws {
        let checked = try await check(
            markers: [#"{ "id": "formal", "where": \#(filter.scope), "expect": { "address": "formal" } }"#],
            journeys: [Fixture.journey("spread", Self.spread)]
        )
        #expect(checked.gaps == filter.touchpoints.map { Self.spreadGap($0) })
        #expect(checked.row("formal", "newcomers") == filter.row)
    }

    @Test("where filters by segments")
    func whereSegments() async throws {
        let checked = try await check(
            markers: [#"{ "id": "formal", "where": { "segments": ["premium"] }, "expect": { "address": "formal" } }"#],
            journeys: [Fixture.journey("spread", segments: ["newcomers", "premium"], Self.spread)]
        )
        #expect(checked.gaps == ["visit", "mail", "talk", "call"].map { Self.spreadGap($0, segment: "premium") })
        #expect(checked.row("formal", "premium") == channels(store: n(1, 0), email: n(1, 0), chat: n(1, 0), phone: n(1, 0)))
        #expect(checked.row("formal", "newcomers") == channels())
        // Both segments go through the journey, so both have a tally.
        #expect(checked.report.tallies.map(\.segment) == [0, 1])
    }

    // MARK: Segments

    @Test("a bySegment entry laid over the experience makes one segment fail where another passes")
    func bySegmentOverlay() async throws {
        let checked = try await check(
            markers: [#"{ "id": "advisor", "expect": { "personalisation": { "atLeast": "advisor" } } }"#],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "greet", "stage": "discover", "channel": "store", "experience": { "personalisation": "named" }, "bySegment": { "premium": { "personalisation": "advisor" } } }"#,
                #"{ "id": "follow", "stage": "choose", "channel": "email", "experience": { "personalisation": "advisor" }, "bySegment": { "newcomers": { "personalisation": "none" } } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "advisor", segment: "newcomers", journey: "j1", touchpoint: "greet", channel: "store", stage: "discover",
                attribute: "personalisation", expected: "personalisation ≥ advisor", planned: "named", at: at("j1", 3, 98)
            ),
            // The overlay's value is the one planned, so the gap points at it.
            GapFacts(
                "advisor", segment: "newcomers", journey: "j1", touchpoint: "follow", channel: "email", stage: "choose",
                attribute: "personalisation", expected: "personalisation ≥ advisor", planned: "none", at: at("j1", 4, 159)
            ),
        ])
        #expect(checked.row("advisor", "newcomers") == channels(store: n(1, 0), email: n(1, 0)))
        #expect(checked.row("advisor", "premium") == channels(store: n(1, 1), email: n(1, 1)))
    }

    @Test("a touchpoint's segments say who goes through it")
    func touchpointSegments() async throws {
        let checked = try await check(
            markers: [#"{ "id": "formal", "expect": { "address": "formal" } }"#],
            journeys: [Fixture.journey("j1", segments: ["newcomers", "premium"], [
                #"{ "id": "lounge", "stage": "buy", "channel": "store", "segments": ["premium"], "experience": { "address": "informal" } }"#,
                #"{ "id": "mail", "stage": "buy", "channel": "email", "experience": { "address": "formal" } }"#,
            ])]
        )
        #expect(checked.gaps == [
            GapFacts(
                "formal", segment: "premium", journey: "j1", touchpoint: "lounge", channel: "store", stage: "buy",
                attribute: "address", expected: "address = formal", planned: "informal", at: at("j1", 3, 111)
            ),
        ])
        #expect(checked.row("formal", "newcomers") == channels(email: n(1, 1)))
        #expect(checked.row("formal", "premium") == channels(store: n(1, 0), email: n(1, 1)))
        #expect(checked.byJourney("j1", "formal", "newcomers") == n(1, 1))
        #expect(checked.byJourney("j1", "formal", "premium") == n(2, 1))
    }
}
