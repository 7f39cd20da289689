import Foundation
import JourneyLoader
import JourneyModel
import Testing

/// invalid-value and imprecise-number: a value of the right JSON type that
/// the field does not accept, or cannot hold exactly.
@Suite struct ValueDiagnosticTests {
    /// Loads Acme and one journey whose only touchpoint plans `experience`.
    static func plan(_ experience: String) async -> (LoadResult, String) {
        let journey = Acme.journey(#"{ "id": "a", "stage": "buy", "channel": "email", "experience": { \#(experience) } }"#)
        return (await Acme.load(journeys: [journey]), journey)
    }

    // MARK: Attribute values in journeys

    @Test(arguments: [
        // (written value, the value's text in the message, suggestion)
        (#""address": "formel""#, "formel", "formal"),
        (#""address": "Formal ""#, "Formal ", "formal"),
        (#""personalisation": "advisr""#, "advisr", "advisor"),
        (#""activity": "meting""#, "meting", "meeting"),
        (#""personalisation": "concierge""#, "concierge", nil),
    ] as [(String, String, String?)])
    func aWordOutsideTheListSuggestsTheClosest(written: String, word: String, suggestion: String?) async throws {
        let (result, journey) = await Self.plan(written)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == location(of: "\"\(word)\"", in: journey, file: Acme.journeyPath))
        #expect(diagnostic.message.hasPrefix("'\(word)' is not a value of '"))
        #expect(diagnostic.suggestion == suggestion)
        if suggestion == nil {
            #expect(diagnostic.message.hasSuffix("expected one of: none, named, advisor"))
        }
        // The value is dropped, the touchpoint kept.
        #expect(result.workspace.journeys.first?.touchpoints.first?.experience.isEmpty == true)
    }

    @Test(arguments: ["2 hours", "PT", "P", "PT2", "P1H", "PT1D", "pt2h", "2H", "P1.5DT2H", ""])
    func aDurationMustBeISO8601(text: String) async throws {
        let (result, journey) = await Self.plan(#""responseTime": "\#(text)""#)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.location == location(of: "\"\(text)\"", in: journey, file: Acme.journeyPath))
        #expect(diagnostic.message == "'\(text)' is not an ISO 8601 duration for 'responseTime'; write for example PT2H, PT15M, P1D or P1W")
    }

    @Test func valuesOfEveryTypeAreRead() async throws {
        let (result, _) = await Self.plan(#"""
            "address": "informal", "personalisation": "advisor", "responseTime": "PT1H30M",
            "winProbability": 0.25, "signature": "Léa, your advisor", "contextCarried": false
            """#)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let values = try #require(result.workspace.journeys.first?.touchpoints.first?.experience.values)
        #expect(values.map(\.attribute) == [0, 1, 2, 3, 4, 5])
        #expect(values.map(\.value) == [
            .choice(1), .choice(2), .duration(ISODuration("PT90M")!), .number(0.25), .text("Léa, your advisor"), .boolean(false),
        ])
        if case .duration(let duration) = values[2].value {
            #expect(duration.text == "PT1H30M")
        }
    }

    // MARK: Numbers

    @Test func aTwentyDigitIntegerIsImprecise() async throws {
        let (result, journey) = await Self.plan(#""winProbability": 12345678901234567891"#)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .impreciseNumber)
        #expect(diagnostic.severity == .warning)
        #expect(diagnostic.location == location(of: "12345678901234567891", in: journey, file: Acme.journeyPath))
        #expect(diagnostic.message.hasPrefix("12345678901234567891 has more digits than a number can hold exactly"))
        // The nearest value is used.
        let planned = result.workspace.journeys.first?.touchpoints.first?.experience[3]?.value
        #expect(planned == .number(12345678901234567891.0))
    }

    @Test func aNumberTooSmallToHoldIsImprecise() async throws {
        let (result, _) = await Self.plan(#""winProbability": 1e-999999"#)
        #expect(result.diagnostics.map(\.code) == [.impreciseNumber], "\(result.listing)")
        #expect(result.diagnostics.first?.message.contains("read as 0") == true)
        #expect(result.workspace.journeys.first?.touchpoints.first?.experience[3]?.value == .number(0))
    }

    @Test(arguments: ["1e999999", "-1e999999"])
    func aNumberTooLargeToHoldIsInvalid(text: String) async throws {
        let (result, journey) = await Self.plan(#""winProbability": \#(text)"#)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.location == location(of: text, in: journey, file: Acme.journeyPath))
        #expect(diagnostic.message == "\(text) is too large for a number")
        #expect(result.workspace.journeys.first?.touchpoints.first?.experience.isEmpty == true)
    }

    @Test(arguments: ["0.1", "9007199254740992", "-3", "1e3"])
    func ordinaryNumbersAreExact(text: String) async throws {
        let (result, _) = await Self.plan(#""winProbability": \#(text)"#)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.workspace.journeys.first?.touchpoints.first?.experience[3]?.value == .number(Double(text)!))
    }

    // MARK: Brand values

    @Test func initiatorAndTimingAreRead() async throws {
        let result = await Acme.load(journeys: [Acme.journey(#"""
            { "id": "mail", "stage": "discover", "channel": "email" },
            { "id": "visit", "stage": "buy", "channel": "store", "initiator": "customer", "after": "P2DT12H" }
            """#)])
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let touchpoints = try #require(result.workspace.journeys.first?.touchpoints)
        #expect(touchpoints.map(\.initiator) == [.brand, .customer])
        #expect(touchpoints.map { $0.after?.text } == [nil, "P2DT12H"])
        #expect(touchpoints[1].after?.seconds == 2.5 * 86_400)
    }

    @Test(arguments: [
        (#""initiator": "brnd""#, "unknown initiator 'brnd'; did you mean 'brand'?", #""brnd""#),
        (#""after": "in two days""#, "'in two days' is not an ISO 8601 duration for 'after'; write for example PT2H, P1D or P7D", #""in two days""#),
        (#""initiator": true"#, "expected a string for 'initiator', found a boolean", "true"),
    ])
    func aBadInitiatorOrTimingIsLocated(field: String, message: String, at needle: String) async throws {
        let journey = Acme.journey(#"{ "id": "mail", "stage": "discover", "channel": "email", \#(field) }"#)
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.message) == [message], "\(result.listing)")
        #expect(result.diagnostics.first?.location == location(of: needle, in: journey, file: Acme.journeyPath))
        // The value is dropped, the touchpoint kept with the default.
        #expect(result.workspace.journeys.first?.touchpoints.first?.initiator == .brand)
    }

    @Test func aChannelKindOutsideTheList() async throws {
        let brand = Acme.brand().replacingOccurrences(of: #""kind": "voice""#, with: #""kind": "vocie""#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.location == location(of: #""vocie""#, in: brand, file: Acme.brandPath))
        #expect(diagnostic.message == "'vocie' is not a channel kind; did you mean 'voice'?")
        #expect(diagnostic.suggestion == "voice")
        // No second diagnostic for the missing kind; the channel is left out.
        #expect(result.brand?.channels.ids == ["store", "email"])
    }

    @Test func anAttributeTypeOutsideTheList() async throws {
        let brand = Acme.brand().replacingOccurrences(of: #""type": "duration""#, with: #""type": "durations""#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == "duration")
        #expect(result.diagnostics.first?.location == location(of: #""durations""#, in: brand, file: Acme.brandPath))
        #expect(result.brand?.attributes[id: "responseTime"] == nil)
    }

    @Test func emptyListsInABrand() async throws {
        let brand = Acme.brand()
            .replacingOccurrences(of: #""stages": ["discover", "buy", "loyalty"]"#, with: #""stages": []"#)
            .replacingOccurrences(of: #""segments": { "newcomers": {}, "premium": { "priority": true } }"#, with: #""segments": {}"#)
            .replacingOccurrences(of: #""values": ["formal", "informal"]"#, with: #""values": []"#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.allSatisfy { $0.code == .invalidValue }, "\(result.listing)")
        #expect(result.diagnostics.map(\.message) == [
            "'segments' needs at least one segment",
            "'stages' needs at least one stage, in the order customers go through them",
            "'values' of 'address' needs at least one value",
        ])
        #expect(result.diagnostics.map(\.location) == [
            location(of: "{}", in: brand, file: Acme.brandPath, after: #""segments":"#),
            location(of: "[]", in: brand, file: Acme.brandPath, after: #""stages":"#),
            location(of: "[]", in: brand, file: Acme.brandPath, after: #""address":"#),
        ])
    }

    @Test func valuesOnlyApplyToEnumsAndScales() async throws {
        let brand = Acme.brand().replacingOccurrences(of: #""signature": { "type": "text" }"#, with: #""signature": { "type": "text", "values": ["a"] }"#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.message == "'values' applies to enum and scale attributes, not to text")
        #expect(result.diagnostics.first?.location == location(of: #"["a"]"#, in: brand, file: Acme.brandPath))
    }

    @Test func anIdWithSurroundingSpaces() async throws {
        let journey = Acme.journey(#"{ "id": " a ", "stage": "buy", "channel": "email" }"#)
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == "a")
        #expect(result.diagnostics.first?.message == "'id' has spaces around 'a'")
    }

    @Test func aJourneyWithAnEmptySegmentList() async throws {
        let journey = Acme.journey(extra: #" "segments": [],"#)
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.location == location(of: "[]", in: journey, file: Acme.journeyPath))
        #expect(result.diagnostics.first?.message.contains("at least one segment") == true)
    }

    @Test func aTouchpointSegmentOutsideTheJourney() async throws {
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "buy", "channel": "email", "segments": ["newcomers", "premium"], "bySegment": { "premium": {} } }, { "id": "b", "stage": "buy", "channel": "email", "segments": "premium" }"#,
            extra: #" "segments": ["newcomers"],"#
        )
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.invalidValue, .invalidValue, .invalidValue], "\(result.listing)")
        #expect(result.diagnostics.allSatisfy { $0.message.contains("segment 'premium' does not go through this journey") })
        #expect(result.diagnostics.map(\.location) == [
            location(of: #""premium"]"#, in: journey, file: Acme.journeyPath),
            location(of: #""premium": {}"#, in: journey, file: Acme.journeyPath),
            location(of: #""premium" }"#, in: journey, file: Acme.journeyPath),
        ])
    }

    @Test func aTouchpointNamingTenThousandSegmentsOutsideTheJourneyIsReportedAtEach() async throws {
        // Each name is found once, however long the list: one diagnostic per
        // segment, at the first place that names it.
        let count = 10_000
        let segments = (0..<count).map { #""s\#($0)": {}"# }.joined(separator: ", ")
        let brand = Acme.brand().replacingOccurrences(of: #""segments": { "newcomers": {}, "premium": { "priority": true } }"#, with: "\"segments\": { \(segments) }")
        let named = (1..<count).map { #""s\#($0)""# } + [#""s1""#]
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "buy", "channel": "email", "segments": [\#n\#(named.joined(separator: ",\n"))] }"#,
            extra: #" "segments": ["s0"],"#
        )
        let result = await load((Acme.brandPath, brand), (Acme.journeyPath, journey))
        #expect(result.diagnostics.count == count - 1, "\(result.listing.prefix(2_000))")
        // "s1" is on line 2, "s9999" on line 10,000; the repeat of "s1" on the last line is not reported again.
        #expect(result.diagnostics.map(\.location) == (1..<count).map { SourceLocation(file: Acme.journeyPath, line: $0 + 1, column: 1) })
        #expect(result.diagnostics.last?.message == "segment 's9999' does not go through this journey; add it to the journey's 'segments'")
        #expect(result.workspace.journeys.first?.touchpoints.first?.segments?.count == count - 1)
    }

    @Test func aKPIKindOutsideTheList() async throws {
        let journey = Acme.journey(extra: #" "kpis": { "buy": [ { "name": "Sales", "kind": "quantitive" } ] },"#)
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == "quantitative")
        #expect(result.diagnostics.first?.location == location(of: #""quantitive""#, in: journey, file: Acme.journeyPath))
    }

    // MARK: Charter values

    @Test func aSeverityOutsideTheList() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "severity": "eror", "expect": { "address": "formal" } }"#)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.message == "unknown severity 'eror'; did you mean 'error'?")
        #expect(diagnostic.suggestion == "error")
        #expect(diagnostic.location.line == 21)
        // The marker is kept at the default severity.
        #expect(marker?.severity == .warning)
    }

    @Test func onlyAnOverrideMayTurnAMarkerOff() async throws {
        let (_, result) = await Acme.marker(#"{ "id": "m", "severity": "off", "expect": { "address": "formal" } }"#)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.message
            == "a marker cannot be turned off where it is defined: remove it, or turn it off in the 'overrides' of a brand that inherits it")
    }

    @Test(arguments: [
        // (the marker, what the message says, the text it points at)
        (#"{ "id": "m", "where": { "channels": [] }, "expect": { "address": "formal" } }"#,
         "an empty 'channels' list matches nothing; remove 'channels' to apply everywhere", "[]"),
        (#"{ "id": "m", "where": { "stages": [] }, "expect": { "address": "formal" } }"#,
         "an empty 'stages' list matches nothing; remove 'stages' to apply everywhere", "[]"),
        (#"{ "id": "m", "where": { "segments": [] }, "expect": { "address": "formal" } }"#,
         "an empty 'segments' list matches nothing; remove 'segments' to apply everywhere", "[]"),
        (#"{ "id": "m", "where": { "channelKinds": [] }, "expect": { "address": "formal" } }"#,
         "an empty 'channelKinds' list matches nothing; remove 'channelKinds' to apply everywhere", "[]"),
        (#"{ "id": "m", "expect": { "address": { "oneOf": [] } } }"#, "'oneOf' needs at least one value", "[]"),
        (#"{ "id": "m", "expect": { "address": { "noneOf": [] } } }"#, "'noneOf' needs at least one value", "[]"),
        (#"{ "id": "m", "expect": {} }"#, "'expect' needs at least one attribute", "{}"),
        (#"{ "id": "m", "expect": { "address": {} } }"#,
         "the expectation on 'address' needs an operator: equals, oneOf, noneOf, atLeast, atMost, present, absent, matches", "{}"),
        (#"{ "id": "m", "expect": { "address": { "atLeast": "formal" } } }"#,
         "'atLeast' needs an ordered attribute (scale, number or duration); 'address' is enum", #""atLeast""#),
        (#"{ "id": "m", "expect": { "signature": { "atMost": "x" } } }"#,
         "'atMost' needs an ordered attribute (scale, number or duration); 'signature' is text", #""atMost""#),
        (#"{ "id": "m", "expect": { "address": { "matches": "^f" } } }"#,
         "'matches' applies to text attributes; 'address' is enum, use 'equals' or 'oneOf'", #""matches""#),
        (#"{ "id": "m", "expect": { "address": { "present": false } } }"#,
         #"write { "absent": true } rather than { "present": false }"#, "false"),
        (#"{ "id": "m", "expect": { "responseTime": { "atMost": "2h" } } }"#,
         "'2h' is not an ISO 8601 duration for 'responseTime'; write for example PT2H, PT15M, P1D or P1W", #""2h""#),
        (#"{ "id": "m", "expect": { "personalisation": { "atLeast": "advisr" } } }"#,
         "'advisr' is not a value of 'personalisation'; did you mean 'advisor'?", #""advisr""#),
        (#"{ "id": "m", "kind": "sequence", "attribute": "activity", "first": "call", "then": "meeting", "atLeast": 3, "atMost": 2 }"#,
         "'atLeast' (3) is more than 'atMost' (2)", "3"),
        (#"{ "id": "m", "kind": "sequence", "attribute": "activity", "first": "call", "then": "call" }"#,
         "'first' and 'then' name the same kind, 'call'", #""call" }"#),
        (#"{ "id": "m", "kind": "coverage", "per": "stages", "expect": { "address": "formal" } }"#,
         "unknown coverage unit 'stages'; did you mean 'stage'?", #""stages""#),
        (#"{ "id": "m", "kind": "coverage", "atLeast": 0, "expect": { "address": "formal" } }"#,
         "'atLeast' must be a whole number of at least 1, found 0", "0"),
        (#"{ "id": "m", "kind": "stage-kpis", "quantitative": 1.5 }"#,
         "'quantitative' must be a whole number of at least 0, found 1.5", "1.5"),
        (#"{ "id": "m", "kind": "consistent", "attribute": "signature", "across": "journey" }"#,
         "unknown range 'journey'; did you mean 'journeys'?", #""journey""#),
        (#"{ "id": "m", "kind": "coverag", "expect": { "address": "formal" } }"#,
         "unknown marker kind 'coverag'; did you mean 'coverage'?", #""coverag""#),
        (#"{ "id": "m", "kind": "progression", "attribute": "signature" }"#,
         "a progression needs an ordered attribute (number, scale or duration); 'signature' is text", #""signature""#),
        (#"{ "id": "m", "kind": "sequence", "attribute": "winProbability", "first": 1, "then": 2 }"#,
         "a sequence counts touchpoints by a word: 'winProbability' is number, use an enum or text attribute", #""winProbability""#),
        (#"{ "id": "", "expect": { "address": "formal" } }"#, "'id' cannot be empty", #""""#),
        (#"{ "id": "m", "kind": "pressure", "atMost": 3, "within": "a week" }"#,
         "'a week' is not an ISO 8601 duration for 'within'; write for example PT2H, P1D or P7D", #""a week""#),
        (#"{ "id": "m", "kind": "pressure", "atMost": 3, "within": "PT0S" }"#, "'within' must be longer than zero, not PT0S", #""PT0S""#),
        (#"{ "id": "m", "kind": "pressure", "atMost": 0, "within": "P7D" }"#, "'atMost' must be a whole number of at least 1, found 0", "0"),
    ])
    func anInvalidMarkerValueIsLocatedAndTheMarkerDropped(marker: String, message: String, at needle: String) async throws {
        let brand = Acme.brand(markers: marker)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location == location(of: needle, in: brand, file: Acme.brandPath, after: marker))
        // An empty scope list leaves a marker that applies nowhere; any other invalid value drops it.
        let kept = result.brand?.charter.markers.map(\.id) ?? []
        #expect(kept == (marker.contains("\"where\"") ? ["m"] : []))
    }

    @Test func aKindSpecificKeyOnAnotherKind() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "per": "stage", "attribute": "address", "expect": { "address": "formal" } }"#)
        #expect(result.diagnostics.map(\.code) == [.unknownField, .unknownField], "\(result.listing)")
        #expect(result.diagnostics.map(\.message) == [
            "'per' does not apply to expectation markers; they take expect",
            "'attribute' does not apply to expectation markers; they take expect",
        ])
        #expect(result.diagnostics.allSatisfy { $0.suggestion == nil })
        // The marker itself is sound.
        #expect(marker?.id == "m")
    }
}
