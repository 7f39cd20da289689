import JourneyLoader
import JourneyModel
import Testing

/// Text that looks the same but is written with different code points:
/// "é" as U+00E9 (NFC) or as e + U+0301 (NFD).
@Suite struct LookalikeTextTests {
    static let composed = "caf\u{E9}"
    static let decomposed = "cafe\u{301}"

    /// A brand whose channels, segments and attributes each name one entry
    /// twice, composed then decomposed, with different contents.
    static let brand = """
        {
          "brand": "acme",
          "channels": {
            "\(composed)": { "kind": "physical", "owner": "Retail" },
            "\(decomposed)": { "kind": "digital", "owner": "Web team" }
          },
          "segments": { "pr\u{E9}mium": { "priority": true }, "pre\u{301}mium": { "priority": false } },
          "stages": ["discover"],
          "attributes": {
            "r\u{E9}ponse": { "type": "duration" },
            "re\u{301}ponse": { "type": "text" }
          }
        }
        """

    @Test func canonicallyEqualKeysAreDuplicateKeysAndTheFirstIsKept() async throws {
        let result = await load((Acme.brandPath, Self.brand))
        let duplicates = result.diagnostics(.duplicateKey)
        #expect(result.diagnostics.count == 3, "\(result.listing)")
        #expect(duplicates.count == 3)
        let file = Acme.brandPath
        for (diagnostic, (first, second)) in zip(duplicates, [
            (Self.composed, Self.decomposed), ("pr\u{E9}mium", "pre\u{301}mium"), ("r\u{E9}ponse", "re\u{301}ponse"),
        ]) {
            let firstLocation = location(of: "\"\(first)\"", in: Self.brand, file: file)
            #expect(diagnostic.location == location(of: "\"\(second)\"", in: Self.brand, file: file))
            #expect(diagnostic.severity == .error)
            // Byte for byte: `String ==` would take either spelling for the other.
            #expect(Array(diagnostic.message.utf8) == Array("the key '\(second)' appears twice in this object (the same letters, encoded differently); the first one, at \(firstLocation.line):\(firstLocation.column), is used".utf8))
            #expect(diagnostic.related == [RelatedLocation(firstLocation, "first written here")])
        }
        // Lines and columns by hand: the second channel key on line 5, column 5.
        #expect(duplicates[0].location == SourceLocation(file: file, line: 5, column: 5))
        #expect(duplicates[0].related.first?.location == SourceLocation(file: file, line: 4, column: 5))

        let brand = try #require(result.brand)
        #expect(brand.channels.count == 1)
        #expect(brand.channels.first?.kind == .physical)
        #expect(brand.channels.first?.owner == "Retail")
        #expect(brand.segments.count == 1)
        #expect(brand.segments.first?.priority == true)
        #expect(brand.attributes.count == 1)
        #expect(brand.attributes.first?.type == .duration)
        // The id as first written, byte for byte.
        #expect(brand.channels.first.map { Array($0.id.utf8) } == Array(Self.composed.utf8))
    }

    @Test func canonicallyEqualSegmentsInBySegmentAreOneOverlay() async throws {
        let brand = Acme.brand().replacingOccurrences(of: #""premium": { "priority": true }"#, with: "\"pr\u{E9}mium\": { \"priority\": true }")
        let journey = Acme.journey("""
            { "id": "a", "stage": "buy", "channel": "email",
              "bySegment": { "pr\u{E9}mium": { "address": "formal" }, "pre\u{301}mium": { "address": "informal" } } }
            """)
        let result = await load((Acme.brandPath, brand), (Acme.journeyPath, journey))
        #expect(result.diagnostics.map(\.code) == [.duplicateKey], "\(result.listing)")
        #expect(result.diagnostics.first?.location == location(of: "\"pre\u{301}mium\"", in: journey, file: Acme.journeyPath))
        let overlays = try #require(result.workspace.journeys.first?.touchpoints.first?.bySegment)
        #expect(overlays.count == 1)
        #expect(overlays.first?.experience.values.first?.value == .choice(0))
    }

    // MARK: Each value keeps its own text

    /// Long enough (more than 15 bytes) for the loader to share equal texts.
    static let signatureNFC = "L'\u{E9}quipe de la maison"
    static let signatureNFD = "L'e\u{301}quipe de la maison"

    @Test func aTextValueKeepsItsOwnBytesWhenACanonicallyEqualOneCameFirst() async throws {
        for (first, second) in [(Self.signatureNFC, Self.signatureNFD), (Self.signatureNFD, Self.signatureNFC)] {
            let journey = Acme.journey("""
                { "id": "a", "stage": "buy", "channel": "email", "experience": { "signature": "\(first)" } },
                { "id": "b", "stage": "buy", "channel": "email", "experience": { "signature": "\(second)" } },
                { "id": "c", "stage": "buy", "channel": "email", "experience": { "signature": "\(first)" } }
                """)
            let result = await load((Acme.brandPath, Acme.brand()), (Acme.journeyPath, journey))
            #expect(result.diagnostics.isEmpty, "\(result.listing)")
            let touchpoints = try #require(result.workspace.journeys.first?.touchpoints)
            let texts = touchpoints.map { touchpoint -> [UInt8] in
                guard case .text(let text)? = touchpoint.experience.values.first?.value else { return [] }
                return Array(text.utf8)
            }
            #expect(texts == [Array(first.utf8), Array(second.utf8), Array(first.utf8)])
        }
    }

    // MARK: Paths

    @Test func twoPathsThatAreTheSameLettersLoadOneFileWhateverTheOrder() async throws {
        let composed = "Journeys/acme/caf\u{E9}.journey.jsonc", decomposed = "Journeys/acme/cafe\u{301}.journey.jsonc"
        let files = [
            (path: Acme.brandPath, text: Acme.brand()),
            (path: composed, text: Acme.journey(id: "composed")),
            (path: decomposed, text: Acme.journey(id: "decomposed")),
        ]
        let forward = await load(files)
        let backward = await load(files.reversed())
        for result in [forward, backward] {
            #expect(result.diagnostics.map(\.code) == [.duplicatePath], "\(result.listing)")
            let diagnostic = try #require(result.diagnostics.first)
            // "e" + U+0301 comes before U+00E9 byte for byte: the decomposed file is read.
            #expect(Array(diagnostic.location.file.utf8) == Array(composed.utf8))
            #expect(diagnostic.location.position == .startOfFile)
            #expect(diagnostic.severity == .error)
            // Byte for byte: `String ==` would take either spelling for the other.
            #expect(Array(diagnostic.message.utf8) == Array("\(composed) has the same name as \(decomposed), with the same letters encoded differently; it is not read: rename one of the two".utf8))
            #expect(diagnostic.related.map { Array($0.location.file.utf8) } == [Array(decomposed.utf8)])
            #expect(result.workspace.journeys.map(\.id) == ["decomposed"])
            #expect(result.workspace.journeys.map { Array($0.file.utf8) } == [Array(decomposed.utf8)])
        }
    }
}
