import JourneyLoader
import JourneyModel
import Testing

/// Which characters ids may hold, and ids of one kind that look alike.
@Suite struct IdentifierTests {
    /// Every kind of id, and how to write one holding `inner` in the middle.
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case brand, charter, channel, segment, stage, attribute, marker, journey, touchpoint

        var testDescription: String { rawValue }

        static let charterPath = "Brands/group.charter.jsonc"

        /// The files, the file that holds the id, and the id as written in it.
        func files(writing inner: String) -> (files: [(path: String, text: String)], path: String, written: String) {
            var brand = Acme.brand(markers: #"{ "id": "formal", "expect": { "address": "formal" } }"#)
            var journey = Acme.journey()
            var charter: String?
            let written: String
            switch self {
            case .brand:
                written = "ac\(inner)me"
                brand = brand.replacingOccurrences(of: #""brand": "acme""#, with: "\"brand\": \"\(written)\"")
            case .charter:
                written = "gr\(inner)oup"
                charter = "{ \"charter\": \"\(written)\" }"
            case .channel:
                written = "ph\(inner)one"
                brand = brand.replacingOccurrences(of: #""phone": {"#, with: "\"\(written)\": {")
            case .segment:
                written = "new\(inner)comers"
                brand = brand.replacingOccurrences(of: #""newcomers": {}"#, with: "\"\(written)\": {}")
            case .stage:
                written = "loy\(inner)alty"
                brand = brand.replacingOccurrences(of: #""loyalty"]"#, with: "\"\(written)\"]")
            case .attribute:
                written = "sig\(inner)nature"
                brand = brand.replacingOccurrences(of: #""signature": {"#, with: "\"\(written)\": {")
            case .marker:
                written = "for\(inner)mal"
                brand = brand.replacingOccurrences(of: #""id": "formal""#, with: "\"id\": \"\(written)\"")
            case .journey:
                written = "fi\(inner)rst"
                journey = Acme.journey(id: written)
            case .touchpoint:
                written = "hel\(inner)lo"
                journey = Acme.journey("{ \"id\": \"\(written)\", \"stage\": \"discover\", \"channel\": \"email\" }")
            }
            var files = [(path: Acme.brandPath, text: brand), (path: Acme.journeyPath, text: journey)]
            if let charter { files.append((Self.charterPath, charter)) }
            let path = switch self {
            case .journey, .touchpoint: Acme.journeyPath
            case .charter: Self.charterPath
            case .brand, .channel, .segment, .stage, .attribute, .marker: Acme.brandPath
            }
            return (files, path, written)
        }

        /// How the message names where the id is.
        var subject: String {
            switch self {
            case .brand: "'brand'"
            case .charter: "'charter'"
            case .stage: "'stages'"
            case .journey: "'journey'"
            case .marker, .touchpoint: "'id'"
            case .channel, .segment, .attribute: "the \(rawValue) id"
            }
        }
    }

    // MARK: Characters ids cannot hold

    static let rule = "ids cannot hold control characters, bidirectional controls or invisible characters"

    @Test(arguments: Kind.allCases)
    func anIdWithAZeroWidthSpaceIsAnErrorAtTheId(kind: Kind) async throws {
        let (files, path, written) = kind.files(writing: "\u{200B}")
        let result = await load(files)
        let invalid = result.diagnostics(.invalidValue)
        #expect(invalid.count == 1, "\(result.listing)")
        let diagnostic = try #require(invalid.first)
        let text = try #require(files.first { $0.path == path }?.text)
        #expect(diagnostic.location == location(of: "\"\(written)\"", in: text, file: path))
        #expect(diagnostic.severity == .error)
        let shown = written.replacingOccurrences(of: "\u{200B}", with: "<U+200B>")
        #expect(diagnostic.message == "\(kind.subject) holds an invisible character, U+200B ZERO WIDTH SPACE: '\(shown)'; \(Self.rule)")
    }

    @Test(arguments: [
        // (as written in the JSON string, what the message says, how it is shown)
        (#"\u0007"#, "a control character, U+0007", "<U+0007>"),
        ("\u{7F}", "a control character, U+007F", "<U+007F>"),
        ("\u{85}", "a control character, U+0085", "<U+0085>"),
        ("\u{202E}", "a bidirectional control, U+202E RIGHT-TO-LEFT OVERRIDE", "<U+202E>"),
        ("\u{202A}", "a bidirectional control, U+202A LEFT-TO-RIGHT EMBEDDING", "<U+202A>"),
        ("\u{2066}", "a bidirectional control, U+2066 LEFT-TO-RIGHT ISOLATE", "<U+2066>"),
        ("\u{2069}", "a bidirectional control, U+2069 POP DIRECTIONAL ISOLATE", "<U+2069>"),
        ("\u{200E}", "a bidirectional control, U+200E LEFT-TO-RIGHT MARK", "<U+200E>"),
        ("\u{200F}", "a bidirectional control, U+200F RIGHT-TO-LEFT MARK", "<U+200F>"),
        ("\u{61C}", "a bidirectional control, U+061C ARABIC LETTER MARK", "<U+061C>"),
        ("\u{200C}", "an invisible character, U+200C ZERO WIDTH NON-JOINER", "<U+200C>"),
        ("\u{200D}", "an invisible character, U+200D ZERO WIDTH JOINER", "<U+200D>"),
        ("\u{2060}", "an invisible character, U+2060 WORD JOINER", "<U+2060>"),
        (#"\uFEFF"#, "an invisible character, U+FEFF ZERO WIDTH NO-BREAK SPACE", "<U+FEFF>"),
        ("\u{AD}", "an invisible character, U+00AD SOFT HYPHEN", "<U+00AD>"),
        ("\u{FE0F}", "an invisible character, U+FE0F VARIATION SELECTOR-16", "<U+FE0F>"),
        ("\u{E0041}", "an invisible character, U+E0041 TAG LATIN CAPITAL LETTER A", "<U+E0041>"),
        ("\u{2028}", "a line break, U+2028 LINE SEPARATOR", "<U+2028>"),
    ] as [(String, String, String)])
    func everyKindOfHiddenCharacterIsNamed(written inner: String, what: String, shown: String) async throws {
        let (files, path, written) = Kind.touchpoint.files(writing: inner)
        let result = await load(files)
        #expect(result.diagnostics.map(\.code) == [.invalidValue], "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        let text = try #require(files.first { $0.path == path }?.text)
        #expect(diagnostic.location == location(of: "\"\(written)\"", in: text, file: path))
        #expect(diagnostic.message == "'id' holds \(what): 'hel\(shown)lo'; \(Self.rule)")
        // The id is still used, so nothing that names it is reported too.
        #expect(result.workspace.journeys.first?.touchpoints.count == 1)
    }

    @Test func lettersOfEveryScriptSpacesInsideAndSymbolsAreFine() async throws {
        let ids = ["premium", "caf\u{E9}", "cafe\u{301}-nfd", "\u{5BA2}\u{6237}", "\u{627}\u{644}\u{639}\u{645}\u{644}\u{627}\u{621}",
                   "first purchase", "step-1_b.2", "\u{1F600}", "\u{FB01}rst", "\u{A0}inner\u{A0}no-break".dropFirst().description]
        let touchpoints = ids.map { #"{ "id": "\#($0)", "stage": "buy", "channel": "email" }"# }
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, Acme.journey(touchpoints.joined(separator: ", "))))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.workspace.journeys.first?.touchpoints.count == ids.count)
    }

    @Test func aKPINameIsNotAnIdAndMayHoldASoftHyphen() async throws {
        let journey = Acme.journey(extra: #" "kpis": { "buy": [ { "name": "Conver\#u{AD}sion rate", "kind": "quantitative" } ] },"#)
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
    }

    // MARK: Canonically equal ids are the same id

    @Test(arguments: [Kind.stage, .marker, .journey, .touchpoint, .brand, .charter])
    func canonicallyEqualIdsAreDuplicates(kind: Kind) async throws {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let result: LoadResult
        let second: SourceLocation
        switch kind {
        case .stage:
            let brand = Acme.brand().replacingOccurrences(of: #""loyalty"]"#, with: "\"\(composed)\", \"\(decomposed)\"]")
            result = await load((Acme.brandPath, brand))
            second = location(of: "\"\(decomposed)\"", in: brand, file: Acme.brandPath)
        case .marker:
            let brand = Acme.brand(markers: """
                { "id": "\(composed)", "expect": { "address": "formal" } },
                { "id": "\(decomposed)", "expect": { "address": "informal" } }
                """)
            result = await load((Acme.brandPath, brand))
            second = location(of: "{ \"id\": \"\(decomposed)\"", in: brand, file: Acme.brandPath)
        case .journey:
            result = await load(
                (Acme.brandPath, Acme.brand()),
                ("Journeys/acme/a.journey.jsonc", Acme.journey(id: composed)),
                ("Journeys/acme/b.journey.jsonc", Acme.journey(id: decomposed))
            )
            second = SourceLocation(file: "Journeys/acme/b.journey.jsonc", line: 1, column: 1)
        case .touchpoint:
            let journey = Acme.journey("""
                { "id": "\(composed)", "stage": "buy", "channel": "email" }, { "id": "\(decomposed)", "stage": "buy", "channel": "store" }
                """)
            result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
            second = location(of: "\"\(decomposed)\"", in: journey, file: Acme.journeyPath)
        case .brand:
            result = await load(
                (Acme.brandPath, Acme.brand(id: composed)),
                ("Brands/b.brand.jsonc", Acme.brand(id: decomposed))
            )
            second = SourceLocation(file: "Brands/b.brand.jsonc", line: 1, column: 1)
        case .charter:
            result = await load(
                ("Brands/a.charter.jsonc", "{ \"charter\": \"\(composed)\" }"),
                ("Brands/b.charter.jsonc", "{ \"charter\": \"\(decomposed)\" }")
            )
            second = SourceLocation(file: "Brands/b.charter.jsonc", line: 1, column: 1)
        case .channel, .segment, .attribute:
            // Object keys: duplicate-key (LookalikeTextTests).
            return
        }
        #expect(result.diagnostics.map(\.code) == [.duplicateID], "\(result.listing)")
        #expect(result.diagnostics.first?.location == second)
        #expect(result.diagnostics.first?.related.count == 1)
    }

    // MARK: Ids that differ only by case or compatibility forms

    @Test(arguments: [
        // (first, second): the second is reported, the first related
        ("premium", "Premium"),
        ("first", "\u{FB01}rst"),            // the ligature ﬁ
        ("email", "\u{FF25}mail"),           // a full-width Ｅ
        ("level2", "level\u{B2}"),           // a superscript two
        ("STORE", "store"),
        ("\u{C9}t\u{E9}", "e\u{301}te\u{301}"),  // Été, and été decomposed: case and composition at once
    ])
    func touchpointIdsThatLookAlikeGetAWarning(first: String, second: String) async throws {
        let journey = Acme.journey("""
            { "id": "\(first)", "stage": "buy", "channel": "email" },
            { "id": "\(second)", "stage": "buy", "channel": "store" }
            """)
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        #expect(result.diagnostics.map(\.code) == [.confusableID], "\(result.listing)")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        // After "touchpoints": the journey itself is called "first".
        #expect(warning.location == location(of: "\"\(second)\"", in: journey, file: Acme.journeyPath, after: "touchpoints"))
        // Byte for byte: `String ==` would not tell "é" composed from decomposed.
        #expect(Array(warning.message.utf8) == Array("touchpoint '\(second)' differs from touchpoint '\(first)' only by case or by the form of its letters; readers cannot tell them apart: use one id, or ids that differ clearly".utf8))
        #expect(warning.related.map(\.location) == [location(of: "\"\(first)\"", in: journey, file: Acme.journeyPath, after: "touchpoints")])
        #expect(warning.related.map { Array($0.message.utf8) } == [Array("'\(first)' is here".utf8)])
        // A warning: both are kept.
        #expect(result.workspace.journeys.first?.touchpoints.count == 2)
    }

    @Test(arguments: [
        // Three touchpoint ids of one folded form: both later ones point at the first.
        ["Visit", "visit", "VISIT"],
        ["visit", "Visit", "VISIT"],
        ["VISIT", "Visit", "visit"],
        ["\u{FB01}rst", "first", "FIRST"],
    ])
    func threeIdsThatLookAlikeAllPointAtTheFirst(ids: [String]) async throws {
        let journey = Acme.journey(ids.map { #"{ "id": "\#($0)", "stage": "buy", "channel": "email" }"# }.joined(separator: ",\n"))
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        func at(_ id: String) -> SourceLocation { location(of: "\"\(id)\"", in: journey, file: Acme.journeyPath, after: "touchpoints") }
        #expect(result.diagnostics.map(\.code) == [.confusableID, .confusableID], "\(result.listing)")
        #expect(result.diagnostics.map(\.location) == [at(ids[1]), at(ids[2])])
        #expect(result.diagnostics.map { $0.related.map(\.location) } == [[at(ids[0])], [at(ids[0])]])
        #expect(result.workspace.journeys.first?.touchpoints.count == 3)
    }

    /// For ids declared in a brand: what to replace in the Acme brand, with
    /// what, and the two ids that then look alike.
    static let brandLookalikes: [Kind: (String, String, String, String)] = [
        .channel: (#""phone": { "kind": "voice" }"#, #""phone": { "kind": "voice" }, "Phone": { "kind": "voice" }"#, "phone", "Phone"),
        .segment: (#""newcomers": {}"#, #""newcomers": {}, "NewComers": {}"#, "newcomers", "NewComers"),
        .stage: (#""loyalty"]"#, #""loyalty", "Loyalty"]"#, "loyalty", "Loyalty"),
        .attribute: (#""signature": { "type": "text" }"#, #""signature": { "type": "text" }, "Signature": { "type": "text" }"#, "signature", "Signature"),
        .marker: (
            #""id": "formal", "expect": { "address": "formal" } }"#,
            #""id": "formal", "expect": { "address": "formal" } }, { "id": "Formal", "expect": { "address": "formal" } }"#,
            "formal", "Formal"
        ),
    ]

    @Test(arguments: [Kind.brand, .charter, .channel, .segment, .stage, .attribute, .marker, .journey])
    func idsOfEveryKindThatLookAlikeGetAWarning(kind: Kind) async throws {
        var files: [(path: String, text: String)]
        let first: SourceLocation, second: SourceLocation
        switch kind {
        case .brand:
            files = [(Acme.brandPath, Acme.brand()), ("Brands/b.brand.jsonc", Acme.brand(id: "ACME"))]
            (first, second) = (SourceLocation(file: Acme.brandPath, line: 1, column: 1), SourceLocation(file: "Brands/b.brand.jsonc", line: 1, column: 1))
        case .charter:
            files = [("Brands/a.charter.jsonc", #"{ "charter": "group" }"#), ("Brands/b.charter.jsonc", #"{ "charter": "Group" }"#)]
            (first, second) = (SourceLocation(file: "Brands/a.charter.jsonc", line: 1, column: 1), SourceLocation(file: "Brands/b.charter.jsonc", line: 1, column: 1))
        case .channel, .segment, .stage, .attribute, .marker:
            let (replaced, added, firstID, secondID) = try #require(Self.brandLookalikes[kind])
            let brand = Acme.brand(markers: #"{ "id": "formal", "expect": { "address": "formal" } }"#).replacingOccurrences(of: replaced, with: added)
            files = [(Acme.brandPath, brand)]
            let needle = kind == .marker ? "{ \"id\": " : ""
            first = location(of: needle + "\"\(firstID)\"", in: brand, file: Acme.brandPath)
            second = location(of: needle + "\"\(secondID)\"", in: brand, file: Acme.brandPath)
        case .journey:
            files = [
                (Acme.brandPath, Acme.brand()),
                ("Journeys/acme/a.journey.jsonc", Acme.journey(id: "first")),
                ("Journeys/acme/b.journey.jsonc", Acme.journey(id: "First")),
            ]
            (first, second) = (SourceLocation(file: "Journeys/acme/a.journey.jsonc", line: 1, column: 1), SourceLocation(file: "Journeys/acme/b.journey.jsonc", line: 1, column: 1))
        case .touchpoint:
            return
        }
        let result = await load(files)
        let warnings = result.diagnostics(.confusableID)
        #expect(warnings.count == 1, "\(result.listing)")
        #expect(result.diagnostics.allSatisfy { $0.severity != .error }, "\(result.listing)")
        let warning = try #require(warnings.first)
        #expect(warning.location == second)
        #expect(warning.message.hasPrefix("\(kind.rawValue) '"))
        #expect(warning.related.map(\.location) == [first])
    }

    @Test func idsOfDifferentKindsOrScopesMayLookAlike() async throws {
        // A stage and a touchpoint both "buy"; "buy" and "buy-2"; touchpoints "buy" and "Buy" in
        // two journeys; segments "newcomers" and "Newcomers" in two brands.
        let journey = Acme.journey(#"{ "id": "buy", "stage": "buy", "channel": "email" }, { "id": "buy-2", "stage": "buy", "channel": "email" }"#)
        let other = Acme.journey(#"{ "id": "Buy", "stage": "buy", "channel": "email" }"#, id: "second")
        let result = await load(
            (Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey), ("Journeys/acme/second.journey.jsonc", other),
            ("Brands/other.brand.jsonc", Acme.brand(id: "other").replacingOccurrences(of: #""newcomers""#, with: #""Newcomers""#))
        )
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
    }

    @Test func manyIdsThatLookAlikeAreFoundInOnePass() async throws {
        // 5,000 touchpoints, each id also written in capitals further down: 5,000 warnings, each relating its own first.
        let count = 5_000
        let lower = (0..<count).map { #"{ "id": "tp-\#($0)-x", "stage": "buy", "channel": "email" }"# }
        let upper = (0..<count).map { #"{ "id": "TP-\#($0)-X", "stage": "buy", "channel": "email" }"# }
        let journey = Acme.journey((lower + upper).joined(separator: ",\n"))
        let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
        let warnings = result.diagnostics(.confusableID)
        #expect(warnings.count == count, "\(result.listing.prefix(2_000))")
        #expect(result.diagnostics.count == count)
        // The touchpoints are one a line after the first: "TP-i-X" is on line count + 1 + i, its first on line 1 + i.
        #expect(warnings.map(\.location.line) == Array((count + 1)...(2 * count)))
        #expect(warnings.map { $0.related.first?.location.line ?? 0 } == Array(1...count))
    }
}
