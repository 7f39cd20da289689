import JSONCReader
@testable import JourneyLoader
import JourneyModel
import Testing

/// A journey file is decoded touchpoint by touchpoint while it is parsed
/// when it writes `brand` (and `segments`) before `touchpoints`, and read
/// as a whole document otherwise. Whole-document reading is the
/// reference: both give the same journey and the same diagnostics.
@Suite struct StreamingLoadTests {
    /// Where the journey's `brand` and `segments` are written.
    enum Order: String, CaseIterable, CustomTestStringConvertible {
        /// Both before `touchpoints`: streamed.
        case headerFirst
        /// Both after: the touchpoints stay in the document.
        case headerLast
        /// `brand` before, `segments` after: streamed, then read again whole.
        case segmentsLast

        var testDescription: String { rawValue }
    }

    static let brandMember = #""brand": "acme", "#
    static let segmentsMember = #""segments": ["newcomers"], "#

    /// The journey with its touchpoints, one a line, from line 3 on. Every
    /// order gives lines of the same lengths: what one order writes on the
    /// first line, another writes on the last, and blanks stand for what is
    /// written elsewhere, so everything but `brand` and `segments` has the
    /// same line and column in every order.
    static func journey(_ touchpoints: [String], order: Order, brand: String = brandMember, after: String = "") -> String {
        let blankBrand = String(repeating: " ", count: brand.utf8.count)
        let blankSegments = String(repeating: " ", count: segmentsMember.utf8.count)
        let (first, last) = switch order {
        case .headerFirst: (brand + segmentsMember, blankBrand + blankSegments)
        case .headerLast: (blankBrand + blankSegments, brand + segmentsMember)
        case .segmentsLast: (brand + blankSegments, blankBrand + segmentsMember)
        }
        return "{ \(first)\n  \"touchpoints\": [\n" + touchpoints.map { "    \($0),\n" }.joined() + "  ],\(after)\n  \(last)\"journey\": \"first\" }\n"
    }

    /// Touchpoints that give a diagnostic of nearly every kind a touchpoint
    /// can, several of which depend on the journey's segments.
    static let troubledTouchpoints = [
        #"{ "id": "welcome", "stage": "discover", "channel": "email", "experience": { "address": "formal", "signature": "The Acme team, at your service", "responseTime": "PT2H" }, "bySegment": { "premium": { "personalisation": "advisor" } }, "next": ["visit", "call"] }"#,
        #"{ "id": "visit", "stage": "buy", "channel": "store", "next": ["welcome", "nowhere"], "segments": ["premium"] }"#,
        #"{ "id": "Visit", "stage": "buy", "channel": "phone" }"#,
        #"{ "id": "visit", "stage": "buy", "channel": "phone" }"#,
        #"{ "id": "call", "stage": "loyalty", "channel": "fone", "next": ["visit"] }"#,
        #"{ "id": "late", "stage": "buy", "channel": "email", "channel": "store", "experience": { "adress": "formal", "activity": "meating" }, "suppress": [{ "marker": "formal", "reason": "legacy template" }] }"#,
    ]

    static let kpisAndSuppressions = #"\#n  "kpis": { "buy": [{ "name": "Conversion", "kind": "quantitative", "target": "25%" }] },\#n  "suppress": [{ "marker": "formal", "reason": "reviewed", "segments": ["premium"] }],"#

    static let brand = SourceFile(path: Acme.brandPath, text: Acme.brand(markers: #"{ "id": "formal", "expect": { "address": "formal" } }"#))

    static func load(_ journey: String) async -> LoadResult {
        await WorkspaceLoader.load([brand, SourceFile(path: Acme.journeyPath, text: journey)])
    }

    /// Which way the loader reads `text`.
    static func outcome(of text: String, brands: [String: BrandLookups]) -> String {
        var stream = JourneyStream(file: Acme.journeyPath, brands: brands)
        guard let document = try? JSONCDocument.parse(
            Array(text.utf8), keys: .canonicalEquivalence, streaming: "touchpoints",
            shouldStream: { stream.begin($0) }, element: { stream.read($0) }
        ) else { return "syntax" }
        return switch stream.finish(document) {
        case .read: "streamed"
        case .notStreamed: "whole"
        case .needsWholeDocument: "streamed, then whole"
        }
    }

    static func brandLookups() async throws -> [String: BrandLookups] {
        let brand = try #require(await WorkspaceLoader.load([Self.brand]).workspace.brands.first)
        return [brand.id: BrandLookups(brand)]
    }

    /// The journey and diagnostics of `file` read streaming (when it can
    /// be) and as a whole document, as text.
    static func bothWays(_ file: SourceFile, brands: [String: BrandLookups]) -> (streamed: [String], whole: [String]) {
        func lines(_ outcome: WorkspaceLoader.JourneyOutcome) -> [String] {
            let workspace = Workspace(brands: brands.values.map(\.brand), journeys: outcome.journey.map { [$0] } ?? [])
            let diagnostics = outcome.diagnostics.sorted(by: Diagnostic.reportOrder).map { "\($0.location) \($0.code.rawValue) \($0.message) \($0.related)" }
            return Canonical.lines(workspace) + diagnostics
        }
        return (lines(WorkspaceLoader.decodeJourney(file, brands: brands)), lines(WorkspaceLoader.decodeWholeJourney(file, brands: brands)))
    }

    @Test("each order is read the way it allows", arguments: Order.allCases)
    func eachOrderTakesItsPath(_ order: Order) async throws {
        let brands = try await Self.brandLookups()
        let text = Self.journey(Self.troubledTouchpoints, order: order)
        let expected = switch order {
        case .headerFirst: "streamed"
        case .headerLast: "whole"
        case .segmentsLast: "streamed, then whole"
        }
        #expect(Self.outcome(of: text, brands: brands) == expected)
    }

    @Test("streaming gives what reading the whole document gives, byte for byte", arguments: Order.allCases)
    func streamingMatchesTheWholeDocument(_ order: Order) async throws {
        let brands = try await Self.brandLookups()
        let texts = [
            Self.journey(Self.troubledTouchpoints, order: order, after: Self.kpisAndSuppressions),
            Self.journey([], order: order),
            Self.journey(Self.troubledTouchpoints + [#"{ "id": "broken", "stage": }"#], order: order),
            Self.journey(Self.troubledTouchpoints, order: order, brand: #""brand": "acmx", "#),
            Self.journey(Self.troubledTouchpoints, order: order, brand: #""brand": 12345, "#),
            Self.journey(Self.troubledTouchpoints, order: order, after: #"\#n  "touchpoints": [{ "id": "again" }], "name": 1, "extra": true,"#),
        ]
        for text in texts {
            let (streamed, whole) = Self.bothWays(SourceFile(path: Acme.journeyPath, text: text), brands: brands)
            #expect(streamed == whole, "\(text)")
            #expect(!whole.isEmpty)
        }
    }

    @Test func theFixtureJourneyReadsTheSameBothWays() async throws {
        let brandFile = try Fixtures.file("DesignExample/maison-aurele.brand.jsonc", as: "Brands/maison-aurele.brand.jsonc")
        let journey = try Fixtures.file("DesignExample/first-purchase.journey.jsonc", as: "Journeys/maison-aurele/first-purchase.journey.jsonc")
        let brand = try #require(await WorkspaceLoader.load([brandFile]).workspace.brands.first)
        let brands = [brand.id: BrandLookups(brand)]
        #expect(Self.outcome(of: String(decoding: journey.bytes, as: UTF8.self), brands: brands) == "streamed")
        let (streamed, whole) = Self.bothWays(journey, brands: brands)
        #expect(streamed == whole)
        #expect(streamed.filter { $0.hasPrefix("  touchpoint ") }.count == 1)
    }

    @Test("the same journey written in every order loads the same", arguments: [false, true])
    func everyOrderLoadsTheSame(withKPIs: Bool) async throws {
        let after = withKPIs ? Self.kpisAndSuppressions : ""
        let reference = await Self.load(Self.journey(Self.troubledTouchpoints, order: .headerLast, after: after))
        for order in Order.allCases {
            let result = await Self.load(Self.journey(Self.troubledTouchpoints, order: order, after: after))
            #expect(result.diagnostics == reference.diagnostics, "\(order)\n\(result.listing)")
            #expect(Canonical.lines(result.workspace) == Canonical.lines(reference.workspace), "\(order)")
        }
    }

    @Test("touchpoints read one by one are what the file says, worked out by hand", arguments: Order.allCases)
    func troubledTouchpointsByHand(_ order: Order) async throws {
        let text = Self.journey(Self.troubledTouchpoints, order: order)
        let result = await Self.load(text)
        let journey = try #require(result.workspace.journey(id: "first"))
        // "call" has an unknown channel and the second "visit" repeats an id: both dropped.
        #expect(journey.touchpoints.map(\.id) == ["welcome", "visit", "Visit", "late"])
        // welcome → visit (call is dropped: no link, no diagnostic); visit → welcome ("nowhere" dangles).
        #expect(journey.touchpoints.map { $0.next.map(\.target) } == [[1], [0], [], []])
        #expect(journey.touchpoints.map(\.position.line) == [3, 4, 5, 8])
        #expect(journey.touchpoints[3].channel == 1)   // the first "channel", email
        #expect(journey.segments == [0])
        func at(_ needle: String, line: Int) -> String {
            let found = location(of: needle, in: text, file: Acme.journeyPath, after: Self.troubledTouchpoints[line - 3])
            return "\(found.line):\(found.column)"
        }
        let expected = [
            "\(at(#""premium": {"#, line: 3)) invalid-value",
            "\(at(#""nowhere""#, line: 4)) dangling-next",
            "\(at(#""premium"]"#, line: 4)) invalid-value",
            "\(at(#""Visit""#, line: 5)) confusable-id",
            "\(at(#""visit""#, line: 6)) duplicate-id",
            "\(at(#""fone""#, line: 7)) unknown-channel",
            "\(at(#""channel": "store""#, line: 8)) duplicate-key",
            "\(at(#""adress""#, line: 8)) unknown-attribute",
            "\(at(#""meating""#, line: 8)) invalid-value",
        ]
        #expect(result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" } == expected, "\(result.listing)")
        #expect(result.diagnostics.filter { $0.location.line == 6 }.first?.related.first?.location.line == 4)
    }

    @Test("a syntax error after streamed touchpoints is the file's only diagnostic", arguments: Order.allCases)
    func syntaxErrorAfterStreamedTouchpoints(_ order: Order) async {
        let text = Self.journey(Self.troubledTouchpoints + [#"{ "id": "broken", "stage": }"#], order: order)
        let result = await Self.load(text)
        let expected = location(of: "}", in: text, file: Acme.journeyPath, after: #""broken", "stage": "#)
        #expect(result.diagnostics.map(\.code) == [.syntax], "\(result.listing)")
        #expect(result.diagnostics.map(\.location) == [expected])
        #expect(result.workspace.journeys.isEmpty)
    }

    @Test func aJourneyWhoseBrandCannotBeReadReportsOnlyThat() async {
        for brand in [#""brand": "acmx", "#, #""brand": 12345, "#] {
            let text = Self.journey(Self.troubledTouchpoints, order: .headerFirst, brand: brand)
            let result = await Self.load(text)
            // The touchpoints are not read, so none of their problems is reported;
            // the duplicate key is the reader's, reported whatever the brand.
            #expect(result.diagnostics.map(\.code) == [brand.contains("12345") ? .wrongType : .unknownBrand, .duplicateKey], "\(result.listing)")
            #expect(result.diagnostics.first?.location == SourceLocation(file: Acme.journeyPath, line: 1, column: 12))
        }
    }
}
