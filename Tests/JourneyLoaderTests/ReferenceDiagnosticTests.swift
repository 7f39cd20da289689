import Foundation
import JourneyLoader
import JourneyModel
import Testing

/// duplicate-id, the unknown-… codes, dangling-next, invalid-pattern and
/// empty-journey: names that clash or name nothing.
@Suite struct ReferenceDiagnosticTests {
    // MARK: duplicate-id

    @Test func aTouchpointIdUsedTwice() async throws {
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "buy", "channel": "email" }, { "id": "a", "stage": "loyalty", "channel": "store", "next": ["a"] }"#
        )
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let duplicate = try #require(result.diagnostics.first)
        #expect(duplicate.code == .duplicateID)
        #expect(duplicate.location == location(of: #""a""#, in: journey, file: Acme.journeyPath, occurrence: 2))
        #expect(duplicate.message == "touchpoint id 'a' is used twice in this journey")
        #expect(duplicate.related == [RelatedLocation(location(of: #""a""#, in: journey, file: Acme.journeyPath), "first used here")])
        // The first is kept.
        let touchpoints = try #require(result.workspace.journeys.first?.touchpoints)
        #expect(touchpoints.count == 1)
        #expect(touchpoints[0].stage == 1)
    }

    @Test func aBrandDefinedTwice() async throws {
        let result = await load(
            (Acme.brandPath, Acme.brand()),
            ("Brands/zz-acme-copy.brand.jsonc", Acme.brand(extra: #"\#n  "promise": "Another","#)),
            (Acme.journeyPath, Acme.journey())
        )
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let duplicate = try #require(result.diagnostics.first)
        #expect(duplicate.code == .duplicateID)
        #expect(duplicate.location == SourceLocation(file: "Brands/zz-acme-copy.brand.jsonc", line: 1, column: 1))
        #expect(duplicate.message == "brand 'acme' is also defined in Brands/acme.brand.jsonc")
        #expect(duplicate.related.map(\.location) == [SourceLocation(file: Acme.brandPath, line: 1, column: 1)])
        // The first by path is kept, and journeys are read in it.
        #expect(result.workspace.brands.count == 1)
        #expect(result.brand?.promise == nil)
        #expect(result.workspace.journeys.map(\.id) == ["first"])
    }

    @Test func aJourneyDefinedTwiceForOneBrand() async throws {
        let result = await load(
            (Acme.brandPath, Acme.brand()),
            ("Journeys/acme/a.journey.jsonc", Acme.journey(id: "same")),
            ("Journeys/acme/b.journey.jsonc", Acme.journey(id: "same"))
        )
        #expect(result.diagnostics.map(\.code) == [.duplicateID], "\(result.listing)")
        #expect(result.diagnostics.first?.location == SourceLocation(file: "Journeys/acme/b.journey.jsonc", line: 1, column: 1))
        #expect(result.diagnostics.first?.message == "journey 'same' of brand 'acme' is also defined in Journeys/acme/a.journey.jsonc")
        #expect(result.workspace.journeys.map(\.file) == ["Journeys/acme/a.journey.jsonc"])
    }

    @Test func journeysOfDifferentBrandsMayShareAnId() async throws {
        let result = await load(
            (Acme.brandPath, Acme.brand()),
            ("Brands/other.brand.jsonc", Acme.brand(id: "other")),
            ("Journeys/acme/a.journey.jsonc", Acme.journey(id: "same")),
            ("Journeys/other/a.journey.jsonc", Acme.journey(id: "same").replacingOccurrences(of: #""brand": "acme""#, with: #""brand": "other""#))
        )
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.workspace.journeys.map(\.brand) == ["acme", "other"])
    }

    @Test func aStageListedTwice() async throws {
        let brand = Acme.brand().replacingOccurrences(of: #""loyalty"]"#, with: #""loyalty", "buy"]"#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let duplicate = try #require(result.diagnostics.first)
        #expect(duplicate.code == .duplicateID)
        #expect(duplicate.location == location(of: #""buy""#, in: brand, file: Acme.brandPath, occurrence: 2))
        #expect(duplicate.message == "stage 'buy' is listed twice")
        #expect(duplicate.related.map(\.location) == [location(of: #""buy""#, in: brand, file: Acme.brandPath)])
        #expect(result.brand?.stages.ids == ["discover", "buy", "loyalty"])
    }

    @Test func aWordListedTwiceInAnAttribute() async throws {
        let brand = Acme.brand().replacingOccurrences(of: #"["formal", "informal"]"#, with: #"["formal", "informal", "formal"]"#)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.map(\.code) == [.duplicateID], "\(result.listing)")
        #expect(result.diagnostics.first?.message == "'formal' is listed twice in the values of 'address'")
    }

    @Test func aMarkerDefinedTwiceInOneCharter() async throws {
        let first = #"{ "id": "m", "severity": "error", "expect": { "address": "formal" } }"#
        let second = #"{ "id": "m", "expect": { "address": "informal" } }"#
        let brand = Acme.brand(markers: first + ",\n    " + second)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let duplicate = try #require(result.diagnostics.first)
        #expect(duplicate.code == .duplicateID)
        #expect(duplicate.location == location(of: second, in: brand, file: Acme.brandPath))
        #expect(duplicate.message.hasPrefix("marker 'm' is already defined by charter 'acme'"))
        #expect(duplicate.related.map(\.location) == [location(of: first, in: brand, file: Acme.brandPath)])
        #expect(result.brand?.charter.markers.map(\.severity) == [.error])
    }

    // MARK: unknown-brand

    @Test func anUnknownBrandSuggestsTheClosest() async throws {
        let journey = #"{ "journey": "first", "brand": "acmee", "touchpoints": [] }"#
        let result = await load((Acme.brandPath, Acme.brand()), ("Brands/zeta.brand.jsonc", Acme.brand(id: "zeta")), (Acme.journeyPath, journey))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let unknown = try #require(result.diagnostics.first)
        #expect(unknown.code == .unknownBrand)
        #expect(unknown.severity == .error)
        #expect(unknown.location == location(of: #""acmee""#, in: journey, file: Acme.journeyPath))
        #expect(unknown.message == "unknown brand 'acmee'; did you mean 'acme'?")
        #expect(unknown.suggestion == "acme")
        #expect(result.workspace.journeys.isEmpty)
    }

    @Test func anUnknownBrandListsTheKnownOnes() async throws {
        let journey = #"{ "journey": "first", "brand": "globex", "touchpoints": [] }"#
        let result = await load((Acme.brandPath, Acme.brand()), ("Brands/zeta.brand.jsonc", Acme.brand(id: "zeta")), (Acme.journeyPath, journey))
        #expect(result.diagnostics.map(\.message) == ["unknown brand 'globex'; expected one of: acme, zeta"], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == nil)
    }

    @Test func anUnknownBrandWhenThereIsNoBrandAtAll() async throws {
        let journey = Acme.journey()
        let result = await load((Acme.journeyPath, journey))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let unknown = try #require(result.diagnostics.first)
        #expect(unknown.code == .unknownBrand)
        #expect(unknown.location == location(of: #""acme""#, in: journey, file: Acme.journeyPath))
        #expect(unknown.message == "unknown brand 'acme' (no brand file was given or found)")
        #expect(unknown.suggestion == nil)
        #expect(result.workspace.journeys.isEmpty)
        #expect(result.workspace.brands.isEmpty)
    }

    // MARK: unknown-channel, unknown-stage, unknown-segment, unknown-attribute

    @Test(arguments: [
        // (the touchpoint's fields, code, misspelt name, suggestion, message fragment)
        (#""stage": "buy", "channel": "emial""#, DiagnosticCode.unknownChannel, "emial", "email", "unknown channel 'emial'; did you mean 'email'?"),
        (#""stage": "buy", "channel": "fax""#, .unknownChannel, "fax", nil, "unknown channel 'fax'; expected one of: store, email, phone"),
        (#""stage": "by", "channel": "email""#, .unknownStage, "by", "buy", "unknown stage 'by'; did you mean 'buy'?"),
        (#""stage": "buy", "channel": "email", "segments": ["premum"]"#, .unknownSegment, "premum", "premium", "unknown segment 'premum'; did you mean 'premium'?"),
        (#""stage": "buy", "channel": "email", "bySegment": { "newcomer": {} }"#, .unknownSegment, "newcomer", "newcomers", "unknown segment 'newcomer'; did you mean 'newcomers'?"),
        (#""stage": "buy", "channel": "email", "experience": { "adress": "formal" }"#, .unknownAttribute, "adress", "address", "unknown attribute 'adress'; did you mean 'address'?"),
        (#""stage": "buy", "channel": "email", "bySegment": { "premium": { "tone": "warm" } }"#, .unknownAttribute, "tone", nil, "unknown attribute 'tone'; expected one of: address, personalisation"),
    ] as [(String, DiagnosticCode, String, String?, String)])
    func anUnknownNameInATouchpoint(fields: String, code: DiagnosticCode, name: String, suggestion: String?, message: String) async throws {
        let journey = Acme.journey(#"{ "id": "a", \#(fields) }"#)
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == code)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == location(of: "\"\(name)\"", in: journey, file: Acme.journeyPath))
        #expect(diagnostic.message.hasPrefix(message))
        #expect(diagnostic.suggestion == suggestion)
        // An unknown channel or stage drops the touchpoint; the rest only drop the name.
        let kept = result.workspace.journeys.first?.touchpoints.ids ?? []
        #expect(kept == (code == .unknownChannel || code == .unknownStage ? [] : ["a"]))
    }

    @Test func unknownNamesInAJourney() async throws {
        let journey = Acme.journey(extra: #" "segments": ["premium", "vip"], "kpis": { "closing": [] },"#)
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.unknownSegment, .unknownStage], "\(result.listing)")
        #expect(result.diagnostics.map(\.location) == [
            location(of: #""vip""#, in: journey, file: Acme.journeyPath),
            location(of: #""closing""#, in: journey, file: Acme.journeyPath),
        ])
        #expect(result.workspace.journeys.first?.segments == [1])
    }

    @Test(arguments: [
        (#""where": { "channels": ["emial"] }"#, DiagnosticCode.unknownChannel, "emial", "email"),
        (#""where": { "stages": ["loyality"] }"#, .unknownStage, "loyality", "loyalty"),
        (#""where": { "segments": "premum" }"#, .unknownSegment, "premum", "premium"),
    ] as [(String, DiagnosticCode, String, String?)])
    func anUnknownNameInAMarkerScope(scope: String, code: DiagnosticCode, name: String, suggestion: String?) async throws {
        let marker = #"{ "id": "m", \#(scope), "expect": { "address": "formal" } }"#
        let brand = Acme.brand(markers: marker)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == code)
        #expect(diagnostic.location == location(of: "\"\(name)\"", in: brand, file: Acme.brandPath))
        #expect(diagnostic.suggestion == suggestion)
        // The marker stays, with the unknown name left out of its scope.
        let kept = try #require(result.brand?.charter.markers.first)
        #expect(kept.scope.channels ?? MemberSet() == MemberSet())
        #expect(kept.scope.stages ?? MemberSet() == MemberSet())
        #expect(kept.scope.segments ?? MemberSet() == MemberSet())
    }

    @Test func anUnknownChannelKindInAMarkerScope() async throws {
        let marker = #"{ "id": "m", "where": { "channelKinds": ["digitl", "voice"] }, "expect": { "address": "formal" } }"#
        let (kept, result) = await Acme.marker(marker)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        #expect(result.diagnostics.first?.suggestion == "digital")
        #expect(kept?.scope.channelKinds == [.voice])
    }

    @Test(arguments: [
        (#"{ "id": "m", "expect": { "adress": "formal" } }"#, "adress", "address"),
        (#"{ "id": "m", "kind": "consistent", "attribute": "signatur" }"#, "signatur", "signature"),
        (#"{ "id": "m", "kind": "progression", "attribute": "odds" }"#, "odds", nil),
        (#"{ "id": "m", "kind": "handoff", "expect": { "contextCaried": true } }"#, "contextCaried", "contextCarried"),
    ] as [(String, String, String?)])
    func anUnknownAttributeInAMarker(marker: String, name: String, suggestion: String?) async throws {
        let brand = Acme.brand(markers: marker)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownAttribute)
        #expect(diagnostic.location == location(of: "\"\(name)\"", in: brand, file: Acme.brandPath))
        #expect(diagnostic.suggestion == suggestion)
        #expect(result.brand?.charter.markers.isEmpty == true)
    }

    // MARK: unknown-marker

    @Test func aSuppressionOfAnUnknownMarker() async throws {
        let marker = #"{ "id": "formal-address", "expect": { "address": "formal" } }"#
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "buy", "channel": "email", "suppress": [ { "marker": "formal-adress", "reason": "Legal" } ] }"#,
            extra: #" "suppress": [ { "marker": "fast-reply", "reason": "No e-mail" } ],"#
        )
        let result = await Acme.load(markers: marker, journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.unknownMarker, .unknownMarker], "\(result.listing)")
        #expect(result.diagnostics.map(\.message) == [
            "unknown marker 'fast-reply' in the charter of 'acme'; expected one of: formal-address",
            "unknown marker 'formal-adress' in the charter of 'acme'; did you mean 'formal-address'?",
        ])
        #expect(result.diagnostics.map(\.suggestion) == [nil, "formal-address"])
        #expect(result.diagnostics.map(\.location) == [
            location(of: #""fast-reply""#, in: journey, file: Acme.journeyPath),
            location(of: #""formal-adress""#, in: journey, file: Acme.journeyPath),
        ])
        let loaded = try #require(result.workspace.journeys.first)
        #expect(loaded.suppressions.isEmpty)
        #expect(loaded.touchpoints.first?.suppressions.isEmpty == true)
    }

    @Test func aSuppressionOfAKnownMarker() async throws {
        let marker = #"{ "id": "formal-address", "expect": { "address": "formal" } }"#
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "buy", "channel": "email", "suppress": [ { "marker": "formal-address", "reason": "Legal", "segments": ["premium"] } ] }"#
        )
        let result = await Acme.load(markers: marker, journeys: [journey])
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let suppression = try #require(result.workspace.journeys.first?.touchpoints.first?.suppressions.first)
        #expect(suppression.marker == "formal-address")
        #expect(suppression.reason == "Legal")
        #expect(suppression.segments == MemberSet([1]))
        #expect(suppression.covers(marker: "formal-address", segment: 1))
        #expect(!suppression.covers(marker: "formal-address", segment: 0))
    }

    // MARK: dangling-next

    @Test func aDanglingNextSuggestsTheClosestTouchpoint() async throws {
        let journey = Acme.journey(
            #"{ "id": "welcome", "stage": "discover", "channel": "email", "next": ["store-vist", "checkout"] }, { "id": "store-visit", "stage": "buy", "channel": "store", "next": "welcome" }"#
        )
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.danglingNext, .danglingNext], "\(result.listing)")
        #expect(result.diagnostics.map(\.location) == [
            location(of: #""store-vist""#, in: journey, file: Acme.journeyPath),
            location(of: #""checkout""#, in: journey, file: Acme.journeyPath),
        ])
        #expect(result.diagnostics.map(\.message) == [
            "'next' names 'store-vist', which is not a touchpoint of this journey; did you mean 'store-visit'?",
            "'next' names 'checkout', which is not a touchpoint of this journey",
        ])
        #expect(result.diagnostics.map(\.suggestion) == ["store-visit", nil])
        // Valid links are kept; a single name stands for a list of one.
        let touchpoints = try #require(result.workspace.journeys.first?.touchpoints)
        #expect(touchpoints[0].next.isEmpty)
        #expect(touchpoints[1].next.map(\.target) == [0])
        #expect(touchpoints[1].next.first?.position == location(of: #""welcome" }"#, in: journey, file: Acme.journeyPath).position)
    }

    @Test func aLinkForwardToALaterTouchpointIsFine() async throws {
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "discover", "channel": "email", "next": ["c", "b"] }, { "id": "b", "stage": "buy", "channel": "store" }, { "id": "c", "stage": "buy", "channel": "phone" }"#
        )
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.workspace.journeys.first?.touchpoints[0].next.map(\.target) == [2, 1])
    }

    @Test func aLinkToATouchpointDroppedForAnotherErrorIsNotDangling() async throws {
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "discover", "channel": "email", "next": ["b"] }, { "id": "b", "stage": "buy", "channel": "fax" }"#
        )
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.unknownChannel], "\(result.listing)")
        #expect(result.workspace.journeys.first?.touchpoints[0].next.isEmpty == true)
    }

    @Test func theLinksOfADroppedTouchpointAreStillChecked() async throws {
        let journey = Acme.journey(
            #"{ "id": "a", "stage": "discover", "channel": "fax", "next": ["b", "nowhere"] }, { "id": "b", "stage": "buy", "channel": "store" }"#
        )
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.map(\.code) == [.unknownChannel, .danglingNext], "\(result.listing)")
        #expect(result.diagnostics.last?.location == location(of: #""nowhere""#, in: journey, file: Acme.journeyPath))
    }

    /// 128 letters drawn from `letters` by a fixed pseudo-random sequence, starting with `index` written in those letters.
    static func longName(_ index: Int, letters: [Character], seed: UInt64) -> String {
        var name = ""
        var rest = index
        repeat {
            name.append(letters[rest % letters.count])
            rest /= letters.count
        } while rest > 0
        name.append("-")
        var state = seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
        while name.count < 128 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            name.append(letters[Int(state >> 33) % letters.count])
        }
        return name
    }

    @Test func twoThousandDanglingLinksBetweenLongIdsAreAllReportedAndRealTyposStillGetASuggestion() async throws {
        // 2,000 touchpoints with 128-letter ids, each naming in 'next' a touchpoint
        // that does not exist: most names share no letter with any id, three are
        // one letter away from the id of the touchpoint after them.
        let count = 2_000
        let idLetters = Array("abcdefghijklm"), otherLetters = Array("nopqrstuvwxyz")
        let ids = (0..<count).map { Self.longName($0, letters: idLetters, seed: 1) }
        let typos = [0, 999, 1_999]
        var targets: [String] = []
        for index in 0..<count {
            guard typos.contains(index) else {
                targets.append(Self.longName(index, letters: otherLetters, seed: 2))
                continue
            }
            // One letter changed in the middle: one edit away.
            var letters = Array(ids[(index + 1) % count])
            letters[64] = letters[64] == "a" ? "b" : "a"
            targets.append(String(letters))
        }
        let touchpoints = (0..<count).map { #"{ "id": "\#(ids[$0])", "stage": "buy", "channel": "email", "next": ["\#(targets[$0])"] }"# }
        let journey = Acme.journey(touchpoints.joined(separator: ",\n"))
        let result = await Acme.load(journeys: [journey])

        let dangling = result.diagnostics(.danglingNext)
        #expect(dangling.count == count)
        #expect(result.diagnostics.count == count)
        // Touchpoint i is on line i + 1; its 'next' string starts after its id,
        // and on the first line after the start of the journey too.
        let opening = #"{ "journey": "first", "brand": "acme", "touchpoints": [ "#.count
        let beforeNext = #"{ "id": ""#.count + 128 + #"", "stage": "buy", "channel": "email", "next": ["#.count
        #expect(dangling.map(\.location) == (0..<count).map { index in
            SourceLocation(file: Acme.journeyPath, line: index + 1, column: (index == 0 ? opening : 0) + beforeNext + 1)
        })
        for (index, diagnostic) in dangling.enumerated() {
            let expected = typos.contains(index) ? ids[(index + 1) % count] : nil
            #expect(diagnostic.suggestion == expected, "touchpoint \(index)")
            #expect(diagnostic.message == "'next' names '\(targets[index])', which is not a touchpoint of this journey\(expected.map { "; did you mean '\($0)'?" } ?? "")")
        }
    }

    // MARK: invalid-pattern

    @Test(arguments: [
        // (the pattern as written in the file, where the diagnostic points, what it says)
        (#""^(Team""#, "(Team", "unclosed group"),
        (#""Aurèle (team""#, "(team", "unclosed group"),
        (#""team)""#, ")", "unmatched ')'"),
        (#""*team""#, "*team", "quantifier '*' has nothing to repeat"),
        // With escapes the string's text and the pattern differ: the string is pointed at.
        (#""\\d+(""#, #""\\d"#, "unclosed group"),
    ])
    func anInvalidPatternIsLocatedInsideTheString(written: String, at needle: String, fragment: String) async throws {
        let marker = #"{ "id": "m", "expect": { "signature": { "matches": \#(written) } } }"#
        let brand = Acme.brand(markers: marker)
        let result = await load((Acme.brandPath, brand))
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidPattern)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.hasPrefix("the pattern /"))
        #expect(diagnostic.message.contains("/ cannot be used: \(fragment)"))
        #expect(diagnostic.location == location(of: needle, in: brand, file: Acme.brandPath, after: #""matches""#))
        #expect(result.brand?.charter.markers.isEmpty == true)
    }

    @Test func aValidPatternIsKept() async throws {
        let (marker, result) = await Acme.marker(#"{ "id": "m", "expect": { "signature": { "matches": "Team" } } }"#)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        guard case .matches(let pattern)? = marker?.expectations?.first?.test else {
            Issue.record("expected a matches test")
            return
        }
        #expect(pattern.source == "Team")
        #expect(pattern.matches("The Acme Team"))
    }

    // MARK: empty-journey

    @Test func aJourneyWithoutTouchpoints() async throws {
        let journey = Acme.journey("")
        let result = await Acme.load(journeys: [journey])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let empty = try #require(result.diagnostics.first)
        #expect(empty.code == .emptyJourney)
        #expect(empty.severity == .warning)
        #expect(empty.location == location(of: "[", in: journey, file: Acme.journeyPath))
        #expect(empty.message == "journey 'first' has no touchpoints")
        // The journey is still loaded.
        #expect(result.workspace.journeys.map(\.id) == ["first"])
    }

    @Test(arguments: [
        #"{ "stage": "buy" }"#,
        #"{ "id": 3, "stage": "buy", "channel": "email" }"#,
        #"{ "id": "a", "stage": "buy", "channel": "fax" }"#,
        #""a""#,
    ])
    func aJourneyWhoseTouchpointsAllFailIsNotAlsoEmpty(touchpoint: String) async throws {
        let result = await Acme.load(journeys: [Acme.journey(touchpoint)])
        #expect(!result.diagnostics.isEmpty)
        #expect(result.diagnostics(.emptyJourney).isEmpty, "\(result.listing)")
    }
}
