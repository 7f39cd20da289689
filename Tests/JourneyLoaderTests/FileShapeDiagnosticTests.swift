import Foundation
import JourneyLoader
import JourneyModel
import Testing

/// syntax, duplicate-key, unknown-field, missing-field and wrong-type: the
/// file is not what the format expects.
@Suite struct FileShapeDiagnosticTests {
    // MARK: syntax

    @Test func aSyntaxErrorIsTheOnlyDiagnosticOfItsFileAndOthersStillLoad() async throws {
        let brokenPath = "Journeys/acme/broken.journey.jsonc"
        let broken = #"{ "journey": "broken", "brand": "acme" "touchpoints": [ { "id": "nope", "stage": "nowhere" } ] }"#
        let result = await load(
            (Acme.brandPath, Acme.brand()),
            (brokenPath, broken),
            (Acme.journeyPath, Acme.journey())
        )
        #expect(result.fileCount == 3)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let syntax = try #require(result.diagnostics.first)
        #expect(syntax.code == .syntax)
        #expect(syntax.severity == .error)
        #expect(syntax.location == location(of: #""touchpoints""#, in: broken, file: brokenPath))
        #expect(syntax.message.contains("expected ',' or '}'"))
        #expect(result.workspace.brands.map(\.id) == ["acme"])
        #expect(result.workspace.journeys.map(\.id) == ["first"])
    }

    @Test func aSyntaxErrorInABrandLeavesOtherBrandsLoaded() async throws {
        let brokenPath = "Brands/broken.brand.jsonc"
        let broken = "{\n  \"brand\": \"broken\",\n  \"stages\": [\"a\" \"b\"]\n}"
        let result = await load((Acme.brandPath, Acme.brand()), (brokenPath, broken), (Acme.journeyPath, Acme.journey()))
        #expect(result.diagnostics.map(\.code) == [.syntax], "\(result.listing)")
        #expect(result.diagnostics.first?.location == SourceLocation(file: brokenPath, line: 3, column: 18))
        #expect(result.workspace.brands.map(\.id) == ["acme"])
        #expect(result.workspace.journeys.map(\.id) == ["first"])
    }

    @Test(arguments: [
        ("{ \"journey\": \"x\"\n  /* unterminated", 2, 3),
        (#"{ "journey": 'x' }"#, 1, 14),
        (#"{ "journey": "x" } }"#, 1, 20),
        ("", 1, 1),
    ])
    func syntaxErrorsAreLocated(text: String, line: Int, column: Int) async throws {
        let path = "Journeys/acme/x.journey.jsonc"
        let result = await load((path, text))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.diagnostics.first?.code == .syntax)
        #expect(result.diagnostics.first?.location == SourceLocation(file: path, line: line, column: column))
    }

    @Test func commentsAndTrailingCommasAreNotErrors() async throws {
        let journey = """
            // A journey, JSONC style.
            {
              "journey": "first", /* inline */ "brand": "acme",
              "touchpoints": [ { "id": "a", "stage": "buy", "channel": "email", }, ],
            }
            """
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.workspace.journeys.first?.touchpoints.ids == ["a"])
    }

    // MARK: duplicate-key

    @Test func aDuplicateKeyPointsAtTheSecondAndKeepsTheFirst() async throws {
        let journey = #"{ "journey": "first", "brand": "acme", "journey": "second", "touchpoints": [ { "id": "a", "stage": "buy", "channel": "email", "stage": "discover" } ] }"#
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        let duplicates = result.diagnostics(.duplicateKey)
        #expect(result.diagnostics.count == 2, "\(result.listing)")
        #expect(duplicates.count == 2)
        #expect(duplicates[0].location == location(of: #""journey""#, in: journey, file: Acme.journeyPath, occurrence: 2))
        #expect(duplicates[0].severity == .error)
        #expect(duplicates[0].message.contains("'journey' appears twice"))
        #expect(duplicates[0].related.map(\.location) == [location(of: #""journey""#, in: journey, file: Acme.journeyPath)])
        #expect(duplicates[1].location == location(of: #""stage""#, in: journey, file: Acme.journeyPath, occurrence: 2))
        #expect(duplicates[1].message.contains("'stage'"))

        let loaded = try #require(result.workspace.journeys.first)
        #expect(loaded.id == "first")
        #expect(loaded.touchpoints.first?.stage == 1)
    }

    // MARK: unknown-field

    @Test(arguments: [
        // (what is written, where, the misspelt key, the suggestion)
        (#""experiance": {}"#, "touchpoint", "experiance", "experience"),
        (#""chanel": "email""#, "touchpoint", "chanel", "channel"),
        (#""bySegments": {}"#, "touchpoint", "bySegments", "bySegment"),
        (#""nxt": []"#, "touchpoint", "nxt", "next"),
        (#""colour": "red""#, "touchpoint", "colour", nil),
    ] as [(String, String, String, String?)])
    func anUnknownTouchpointKeySuggestsTheClosest(written: String, what: String, key: String, suggestion: String?) async throws {
        let journey = Acme.journey(#"{ "id": "a", "stage": "buy", "channel": "email", \#(written) }"#)
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        let unknown = result.diagnostics(.unknownField)
        #expect(unknown.count == 1, "\(result.listing)")
        let diagnostic = try #require(unknown.first)
        #expect(diagnostic.location == location(of: "\"\(key)\"", in: journey, file: Acme.journeyPath))
        #expect(diagnostic.message.hasPrefix("unknown key '\(key)' in a \(what)"))
        #expect(diagnostic.suggestion == suggestion)
        if let suggestion {
            #expect(diagnostic.message.hasSuffix("did you mean '\(suggestion)'?"))
        } else {
            #expect(diagnostic.message.contains("known keys: id, name, description, stage, channel"))
        }
        // The touchpoint is kept: an unknown key is reported, not fatal.
        #expect(result.workspace.journeys.first?.touchpoints.ids == ["a"])
    }

    @Test func unknownKeysAtEveryLevelOfABrand() async throws {
        let brand = Acme.brand(extra: #"\#n  "promis": "Care","#)
            .replacingOccurrences(of: #""store": { "kind": "physical","#, with: #""store": { "kind": "physical", "onwer": "x","#)
            .replacingOccurrences(of: #""premium": { "priority": true }"#, with: #""premium": { "priorty": true }"#)
            .replacingOccurrences(of: #""responseTime": { "type": "duration" }"#, with: #""responseTime": { "type": "duration", "unit": "h" }"#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.map(\.code) == [.unknownField, .unknownField, .unknownField, .unknownField], "\(result.listing)")
        #expect(result.diagnostics.map(\.suggestion) == ["promise", "owner", "priority", nil])
        #expect(result.diagnostics.map(\.location) == [
            location(of: #""promis""#, in: brand, file: Acme.brandPath),
            location(of: #""onwer""#, in: brand, file: Acme.brandPath),
            location(of: #""priorty""#, in: brand, file: Acme.brandPath),
            location(of: #""unit""#, in: brand, file: Acme.brandPath),
        ])
        #expect(result.diagnostics[1].message.contains("in channel 'store'"))
        #expect(result.diagnostics[3].message.contains("in attribute 'responseTime'"))
        #expect(result.brand?.segments[id: "premium"]?.priority == false)
    }

    @Test func anUnknownOperatorSuggestsTheClosest() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "expect": { "address": { "equal": "formal" } } }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownField)
        #expect(diagnostic.message.contains("unknown operator 'equal'"))
        #expect(diagnostic.suggestion == "equals")
    }

    @Test func aFileOfUnknownKindIsReported() async throws {
        let result = await load(("notes/readme.jsonc", #"{ "title": "x" }"#))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.diagnostics.first?.code == .unknownField)
        #expect(result.diagnostics.first?.location == SourceLocation(file: "notes/readme.jsonc", line: 1, column: 1))
    }

    @Test func aFileIsToldByItsTopLevelKeyWhenItsNameDoesNotSay() async throws {
        let result = await load(("acme.jsonc", Acme.brand()), ("first.jsonc", Acme.journey()))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.workspace.brands.map(\.id) == ["acme"])
        #expect(result.workspace.journeys.map(\.id) == ["first"])
    }

    // MARK: missing-field

    @Test func aTouchpointWithoutIdAndChannel() async throws {
        let journey = Acme.journey(#"{ "stage": "buy" }"#)
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        #expect(result.diagnostics.map(\.code) == [.missingField, .missingField], "\(result.listing)")
        let at = location(of: #"{ "stage""#, in: journey, file: Acme.journeyPath)
        #expect(result.diagnostics.map(\.location) == [at, at])
        #expect(result.diagnostics.map(\.message) == ["a touchpoint needs 'channel'", "a touchpoint needs 'id'"])
        #expect(result.workspace.journeys.first?.touchpoints.isEmpty == true)
    }

    @Test func aBrandWithoutItsRequiredParts() async throws {
        let result = await load(("Brands/bare.brand.jsonc", #"{ "brand": "bare" }"#), ("Brands/nameless.brand.jsonc", #"{ "name": "x" }"#))
        #expect(result.diagnostics.map(\.message) == [
            "brand 'bare' needs 'channels'", "brand 'bare' needs 'segments'", "brand 'bare' needs 'stages'",
            "a brand file needs 'brand'",
        ], "\(result.listing)")
        #expect(result.diagnostics.allSatisfy { $0.code == .missingField && $0.location.position == .startOfFile })
        // A brand with a name but nothing else is still a brand journeys can name.
        #expect(result.workspace.brands.map(\.id) == ["bare"])
    }

    @Test func aJourneyWithoutIdBrandOrTouchpoints() async throws {
        let result = await load(
            (Acme.brandPath, Acme.brand()),
            ("Journeys/acme/a.journey.jsonc", #"{ "brand": "acme", "touchpoints": [] }"#),
            ("Journeys/acme/b.journey.jsonc", #"{ "journey": "b" }"#),
            ("Journeys/acme/c.journey.jsonc", #"{ "journey": "c", "brand": "acme" }"#)
        )
        #expect(result.diagnostics.map(\.code) == [.missingField, .missingField, .missingField], "\(result.listing)")
        #expect(result.diagnostics.map(\.message) == [
            "a journey file needs 'journey'", "a journey file needs 'brand'", "journey 'c' needs 'touchpoints'",
        ])
        #expect(result.workspace.journeys.map(\.id) == ["c"])
    }

    @Test func missingFieldsOfAttributesChannelsAndKPIs() async throws {
        let brand = Acme.brand()
            .replacingOccurrences(of: #""phone": { "kind": "voice" }"#, with: #""phone": { "name": "Phone" }"#)
            .replacingOccurrences(of: #""activity": { "type": "enum", "values": ["call", "meeting", "proposal"] }"#, with: #""activity": { "type": "enum" }"#)
            .replacingOccurrences(of: #""signature": { "type": "text" }"#, with: #""signature": {}"#)
        let journey = Acme.journey(extra: #" "kpis": { "buy": [ { "name": "Sales" }, { "kind": "qualitative" } ] },"#)
        let result = await load((Acme.brandPath, brand), (Acme.journeyPath, journey))
        #expect(result.diagnostics.allSatisfy { $0.code == .missingField }, "\(result.listing)")
        #expect(result.diagnostics.map(\.message) == [
            "channel 'phone' needs 'kind'",
            "attribute 'signature' needs 'type'",
            "enum attribute 'activity' needs 'values'",
            "a KPI (quantitative or qualitative) needs 'kind'",
            "a KPI needs 'name'",
        ])
        #expect(result.diagnostics[0].location == location(of: #"{ "name": "Phone" }"#, in: brand, file: Acme.brandPath))
        let loaded = try #require(result.brand)
        #expect(loaded.channels.ids == ["store", "email"])
        #expect(!loaded.attributes.ids.contains("signature"))
        #expect(result.workspace.journeys.first?.kpis.first?.kpis.isEmpty == true)
    }

    @Test func aSuppressionNeedsAMarkerAndAReason() async throws {
        let marker = #"{ "id": "formal", "expect": { "address": "formal" } }"#
        let journey = Acme.journey(extra: #" "suppress": [ { "reason": "why not" }, { "marker": "formal" }, { "marker": "formal", "reason": "Legal" } ],"#)
        let result = await Acme.load(markers: marker, journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.missingField, .missingField], "\(result.listing)")
        #expect(result.diagnostics[0].message == "a suppression needs 'marker'")
        #expect(result.diagnostics[1].message.contains("needs a 'reason'"))
        #expect(result.diagnostics[1].location == location(of: #"{ "marker": "formal" }"#, in: journey, file: Acme.journeyPath))
        let suppressions = try #require(result.workspace.journeys.first?.suppressions)
        #expect(suppressions == [Suppression(
            marker: "formal", reason: "Legal",
            position: location(of: #"{ "marker": "formal", "reason""#, in: journey, file: Acme.journeyPath).position
        )])
    }

    // MARK: wrong-type

    @Test func wrongTypesAreReportedWhereTheValueIs() async throws {
        let journey = Acme.journey(
            #"{ "id": 3, "stage": "buy", "channel": "email" }, { "id": "b", "stage": "buy", "channel": ["email"] }, { "id": "c", "stage": "buy", "channel": "email", "experience": { "address": true, "winProbability": "high", "contextCarried": "yes" } }"#,
            extra: #" "name": 5,"#
        )
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        #expect(result.diagnostics.allSatisfy { $0.code == .wrongType && $0.severity == .error }, "\(result.listing)")
        #expect(result.diagnostics.map(\.message) == [
            "expected a string for 'name', found a number",
            "expected a string for 'id', found a number",
            "expected a string for 'channel', found an array",
            "expected a string for 'address', found a boolean",
            "expected a number for 'winProbability', found a string",
            "expected a boolean for 'contextCarried', found a string",
        ])
        #expect(result.diagnostics.map(\.location) == [
            location(of: "5", in: journey, file: Acme.journeyPath),
            location(of: "3", in: journey, file: Acme.journeyPath),
            location(of: #"["email"]"#, in: journey, file: Acme.journeyPath),
            location(of: "true", in: journey, file: Acme.journeyPath),
            location(of: #""high""#, in: journey, file: Acme.journeyPath),
            location(of: #""yes""#, in: journey, file: Acme.journeyPath),
        ])
        let touchpoints = try #require(result.workspace.journeys.first?.touchpoints)
        #expect(touchpoints.ids == ["c"])
        #expect(touchpoints[0].experience.isEmpty)
    }

    @Test(arguments: [
        (#"[]"#, "an object"),
        (#""acme""#, "an object"),
    ])
    func aFileMustHoldAnObject(text: String, expected: String) async throws {
        let result = await load((Acme.brandPath, text))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.diagnostics.first?.code == .wrongType)
        #expect(result.diagnostics.first?.message.contains("expected \(expected) for 'the brand file'") == true)
        #expect(result.workspace.brands.isEmpty)
    }

    @Test func wrongTypesInABrand() async throws {
        let brand = Acme.brand()
            .replacingOccurrences(of: #""stages": ["discover", "buy", "loyalty"]"#, with: #""stages": "discover""#)
            .replacingOccurrences(of: #""premium": { "priority": true }"#, with: #""premium": { "priority": "yes" }"#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.map(\.code) == [.wrongType, .wrongType], "\(result.listing)")
        #expect(result.diagnostics.map(\.location) == [
            location(of: #""yes""#, in: brand, file: Acme.brandPath),
            location(of: #""discover""#, in: brand, file: Acme.brandPath),
        ])
        #expect(result.diagnostics[1].message == "expected an array for 'stages', found a string")
    }
}
