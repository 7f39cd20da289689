import JourneyLoader
import JourneyModel
import Testing

/// Every marker kind decodes into its rule, with the format's defaults.
@Suite struct MarkerKindTests {
    /// Acme's attribute positions.
    enum Attribute {
        static let address = 0, personalisation = 1, responseTime = 2, winProbability = 3
        static let signature = 4, contextCarried = 5, activity = 6
    }

    /// Loads a marker that must decode without a diagnostic.
    static func decode(_ marker: String) async throws -> (Marker, Brand) {
        let (decoded, result) = await Acme.marker(marker)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        return (try #require(decoded), try #require(result.brand))
    }

    // MARK: expectation

    @Test func expectationIsTheDefaultKind() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "expect": { "address": "formal" } }"#)
        #expect(marker.kind == .expectation)
        #expect(marker.severity == .warning)
        #expect(marker.declaredSeverity == .warning)
        #expect(marker.isEnabled)
        #expect(marker.scope.isEverywhere)
        #expect(marker.origin == "acme")
        guard case .expectation(let rule) = marker.rule else {
            Issue.record("expected an expectation rule")
            return
        }
        #expect(rule.expectations.count == 1)
    }

    @Test(arguments: [
        (#""address": "formal""#, "address = formal"),
        (#""address": { "equals": "informal" }"#, "address = informal"),
        (#""personalisation": { "oneOf": ["named", "advisor"] }"#, "personalisation one of [named, advisor]"),
        (#""address": { "noneOf": ["informal"] }"#, "address none of [informal]"),
        (#""personalisation": { "atLeast": "named" }"#, "personalisation ≥ named"),
        (#""responseTime": { "atMost": "PT2H" }"#, "responseTime ≤ PT2H"),
        (#""winProbability": { "atLeast": 0.5 }"#, "winProbability ≥ 0.5"),
        (#""winProbability": { "atMost": 80 }"#, "winProbability ≤ 80"),
        (#""signature": { "present": true }"#, "signature planned"),
        (#""signature": { "absent": true }"#, "signature not planned"),
        (#""signature": { "matches": "^The .* team$" }"#, "signature matches /^The .* team$/"),
        (#""contextCarried": true"#, "contextCarried = true"),
        (#""signature": "The Acme team""#, "signature = The Acme team"),
    ])
    func everyOperatorDecodes(expect: String, described: String) async throws {
        let (marker, brand) = try await Self.decode(#"{ "id": "m", "expect": { \#(expect) } }"#)
        let expectations = try #require(marker.expectations)
        #expect(expectations.map { $0.describe(in: brand) } == [described])
    }

    @Test func severalOperatorsOnOneAttributeAndSeveralAttributes() async throws {
        let marker = #"{ "id": "m", "severity": "error", "expect": { "personalisation": { "atLeast": "named", "noneOf": ["advisor"] }, "address": "formal" } }"#
        let (decoded, brand) = try await Self.decode(marker)
        let expectations = try #require(decoded.expectations)
        #expect(expectations.map { $0.describe(in: brand) } == ["personalisation ≥ named", "personalisation none of [advisor]", "address = formal"])
        #expect(expectations.map(\.attribute) == [Attribute.personalisation, Attribute.personalisation, Attribute.address])
        let text = Acme.brand(markers: marker)
        // Operators are located at their key, the `equals` shorthand at its value.
        #expect(expectations.map(\.location) == [
            location(of: #""atLeast""#, in: text, file: Acme.brandPath),
            location(of: #""noneOf""#, in: text, file: Acme.brandPath),
            location(of: #""formal" }"#, in: text, file: Acme.brandPath, after: "noneOf"),
        ])
        #expect(decoded.severity == .error)
    }

    @Test func aScopeCombinesItsFilters() async throws {
        let (marker, _) = try await Self.decode(#"""
            { "id": "m", "name": "Formal", "why": "Respect", "where": { "channels": ["phone", "store", "phone"], "channelKinds": "digital", "stages": ["loyalty"], "segments": "premium" },
              "expect": { "address": "formal" } }
            """#)
        #expect(marker.name == "Formal")
        #expect(marker.rationale == "Respect")
        #expect(marker.scope.channels == MemberSet([0, 2]))
        #expect(marker.scope.channelKinds == [.digital])
        #expect(marker.scope.stages == MemberSet([2]))
        #expect(marker.scope.segments == MemberSet([1]))
        #expect(!marker.scope.isEverywhere)
    }

    // MARK: coverage

    @Test func coverageDefaultsToOncePerJourney() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "coverage", "expect": { "signature": { "present": true } } }"#)
        guard case .coverage(let rule) = marker.rule else {
            Issue.record("expected a coverage rule")
            return
        }
        #expect(rule.unit == .journey)
        #expect(rule.minimum == 1)
        #expect(rule.expectations.map(\.attribute) == [Attribute.signature])
    }

    @Test(arguments: [("journey", CoverageUnit.journey), ("stage", .stage), ("channel", .channel)])
    func coverageCountsPerUnit(word: String, unit: CoverageUnit) async throws {
        let (marker, _) = try await Self.decode(
            #"{ "id": "m", "kind": "coverage", "per": "\#(word)", "atLeast": 2, "expect": { "signature": { "present": true } } }"#
        )
        guard case .coverage(let rule) = marker.rule else {
            Issue.record("expected a coverage rule")
            return
        }
        #expect(rule.unit == unit)
        #expect(rule.minimum == 2)
    }

    @Test func coverageNeedsExpect() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "kind": "coverage", "per": "stage" }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.code) == [.missingField], "\(result.listing)")
        #expect(result.diagnostics.first?.message == "marker 'm' needs 'expect'")
    }

    // MARK: consistent

    @Test func consistencyDefaultsToAcrossChannels() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "consistent", "attribute": "signature" }"#)
        guard case .consistency(let rule) = marker.rule else {
            Issue.record("expected a consistency rule")
            return
        }
        #expect(rule.attribute == Attribute.signature)
        #expect(rule.across == .channels)
    }

    @Test func consistencyAcrossJourneys() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "consistent", "attribute": "address", "across": "journeys" }"#)
        guard case .consistency(let rule) = marker.rule else {
            Issue.record("expected a consistency rule")
            return
        }
        #expect(rule.attribute == Attribute.address)
        #expect(rule.across == .journeys)
    }

    @Test func consistencyNeedsAnAttribute() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "kind": "consistent" }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.message) == ["marker 'm' needs 'attribute'"], "\(result.listing)")
        #expect(result.diagnostics.first?.code == .missingField)
    }

    // MARK: sequence

    @Test func sequenceDefaultsToAtLeastOne() async throws {
        let (marker, brand) = try await Self.decode(
            #"{ "id": "m", "kind": "sequence", "attribute": "activity", "first": "call", "then": "meeting" }"#
        )
        guard case .sequence(let rule) = marker.rule else {
            Issue.record("expected a sequence rule")
            return
        }
        #expect(rule.attribute == Attribute.activity)
        #expect(rule.first == .choice(0))
        #expect(rule.then == .choice(1))
        #expect(brand.attributes[rule.attribute].render(rule.then) == "meeting")
        #expect(rule.minimum == 1)
        #expect(rule.maximum == nil)
    }

    @Test func sequenceWithAtMostDefaultsToAtLeastZero() async throws {
        let (marker, _) = try await Self.decode(
            #"{ "id": "m", "kind": "sequence", "attribute": "activity", "first": "meeting", "then": "proposal", "atMost": 5 }"#
        )
        guard case .sequence(let rule) = marker.rule else {
            Issue.record("expected a sequence rule")
            return
        }
        #expect(rule.minimum == 0)
        #expect(rule.maximum == 5)
    }

    @Test func sequenceWithBothBounds() async throws {
        let (marker, _) = try await Self.decode(
            #"{ "id": "m", "kind": "sequence", "attribute": "signature", "first": "a", "then": "b", "atLeast": 2, "atMost": 2 }"#
        )
        guard case .sequence(let rule) = marker.rule else {
            Issue.record("expected a sequence rule")
            return
        }
        #expect(rule.first == .text("a"))
        #expect(rule.minimum == 2)
        #expect(rule.maximum == 2)
    }

    @Test func sequenceNeedsFirstAndThen() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "kind": "sequence", "attribute": "activity" }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.message) == ["marker 'm' needs 'first'", "marker 'm' needs 'then'"], "\(result.listing)")
        #expect(result.diagnostics.allSatisfy { $0.code == .missingField })
    }

    @Test func sequenceWordsMustBeValuesOfTheAttribute() async throws {
        let marker = #"{ "id": "m", "kind": "sequence", "attribute": "activity", "first": "cal", "then": "meeting" }"#
        let (decoded, result) = await Acme.marker(marker)
        #expect(decoded == nil)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == "call")
    }

    // MARK: handoff

    @Test func handoffCarriesItsExpectations() async throws {
        let (marker, brand) = try await Self.decode(#"{ "id": "m", "kind": "handoff", "expect": { "contextCarried": { "equals": true } } }"#)
        guard case .handoff(let rule) = marker.rule else {
            Issue.record("expected a handoff rule")
            return
        }
        #expect(rule.expectations.map { $0.describe(in: brand) } == ["contextCarried = true"])
    }

    // MARK: stage-kpis

    @Test func stageKPIsDefaultToOneOfEach() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "stage-kpis" }"#)
        guard case .stageKPI(let rule) = marker.rule else {
            Issue.record("expected a stage-KPI rule")
            return
        }
        #expect(rule.minimumQuantitative == 1)
        #expect(rule.minimumQualitative == 1)
        #expect(!marker.kind.isPerSegment)
    }

    @Test func stageKPIsWithCounts() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "stage-kpis", "quantitative": 2, "qualitative": 0 }"#)
        guard case .stageKPI(let rule) = marker.rule else {
            Issue.record("expected a stage-KPI rule")
            return
        }
        #expect(rule.minimumQuantitative == 2)
        #expect(rule.minimumQualitative == 0)
    }

    // MARK: progression

    @Test(arguments: [("winProbability", Attribute.winProbability), ("personalisation", Attribute.personalisation), ("responseTime", Attribute.responseTime)])
    func progressionOnAnOrderedAttribute(name: String, attribute: Int) async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "progression", "attribute": "\#(name)" }"#)
        guard case .progression(let rule) = marker.rule else {
            Issue.record("expected a progression rule")
            return
        }
        #expect(rule.attribute == attribute)
        #expect(marker.kind.isPerSegment)
    }

    // MARK: pressure

    @Test func pressureReadsItsBoundAndWindow() async throws {
        let (marker, _) = try await Self.decode(#"{ "id": "m", "kind": "pressure", "atMost": 3, "within": "P7D" }"#)
        guard case .pressure(let rule) = marker.rule else {
            Issue.record("expected a pressure rule")
            return
        }
        #expect(rule.maximum == 3)
        #expect(rule.window.seconds == 7 * 86_400)
        #expect(marker.kind.isPerSegment)
    }

    @Test func pressureNeedsBothFields() async {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "kind": "pressure" }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.message) == ["marker 'm' needs 'atMost'", "marker 'm' needs 'within'"], "\(result.listing)")
    }

    // MARK: Kind-specific keys

    @Test(arguments: [
        (#"{ "id": "m", "per": "stage", "expect": { "address": "formal" } }"#, "per", "'per' does not apply to expectation markers; they take expect"),
        (#"{ "id": "m", "kind": "consistent", "attribute": "signature", "expect": { "address": "formal" } }"#, "expect",
         "'expect' does not apply to consistent markers; they take attribute, across"),
        (#"{ "id": "m", "kind": "stage-kpis", "atLeast": 1 }"#, "atLeast", "'atLeast' does not apply to stage-kpis markers; they take quantitative, qualitative, counts"),
        (#"{ "id": "m", "kind": "handoff", "across": "channels", "expect": { "contextCarried": true } }"#, "across",
         "'across' does not apply to handoff markers; they take expect"),
        (#"{ "id": "m", "kind": "progression", "attribute": "winProbability", "then": "x" }"#, "then",
         "'then' does not apply to progression markers; they take attribute"),
        (#"{ "id": "m", "kind": "coverage", "atMost": 3, "expect": { "address": "formal" } }"#, "atMost",
         "'atMost' does not apply to coverage markers; they take expect, per, atLeast"),
    ])
    func aKeyOfAnotherKindIsNamedAsSuch(marker: String, key: String, message: String) async throws {
        let brand = Acme.brand(markers: marker)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownField)
        #expect(diagnostic.message == message)
        #expect(diagnostic.location == location(of: "\"\(key)\"", in: brand, file: Acme.brandPath, after: marker))
        // The key is ignored; the marker is kept.
        #expect(result.brand?.charter.markers.map(\.id) == ["m"])
    }

    @Test func aKeyOfNoKindGetsADidYouMean() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "severty": "error", "expect": { "address": "formal" } }"#)
        #expect(result.diagnostics.map(\.code) == [.unknownField], "\(result.listing)")
        #expect(result.diagnostics.first?.message == "unknown key 'severty' in a marker; did you mean 'severity'?")
        #expect(result.diagnostics.first?.suggestion == "severity")
        #expect(marker?.severity == .warning)
    }

    @Test func anUnknownKindReportsOnlyTheKind() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "kind": "sequense", "attribute": "activity", "first": "call", "then": "meeting" }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == "sequence")
    }

    @Test func aKindOfTheWrongTypeReportsOnlyTheType() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "kind": 3, "attribute": "signature" }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.code) == [.wrongType], "\(result.listing)")
        #expect(result.diagnostics.first?.message == "expected a string for 'kind', found a number")
    }

    @Test func aMarkerNeedsAnId() async throws {
        let (marker, result) = await Acme.marker(#"{ "expect": { "address": "formal" } }"#)
        #expect(marker == nil)
        #expect(result.diagnostics.map(\.message) == ["a marker needs 'id'"], "\(result.listing)")
        #expect(result.diagnostics.first?.location.line == 21)
    }
}
