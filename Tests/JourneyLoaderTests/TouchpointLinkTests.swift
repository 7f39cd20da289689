import JourneyLoader
import JourneyModel
import Testing

/// `next` entries are linked as soon as the touchpoint they name is
/// written, forwards or backwards; links to dropped touchpoints vanish
/// without a word, links to ids never written are reported.
@Suite struct TouchpointLinkTests {
    static let touchpoints = [
        #"{ "id": "a", "stage": "buy", "channel": "email", "next": ["c", "b", "a", "zz", "b"] }"#,
        #"{ "id": "b", "stage": "buy", "channel": "email", "next": "a" }"#,
        #"{ "id": "c", "stage": "nowhere", "channel": "email", "next": ["nowhere-c", "a"] }"#,
        #"{ "id": "d", "stage": "buy", "channel": "email", "next": ["c", "e"] }"#,
        #"{ "id": "e", "stage": "buy", "channel": "email" }"#,
        #"{ "id": "e", "stage": "buy", "channel": "store", "next": ["a", "x1"] }"#,
    ]

    @Test func linksResolveWhereverTheirTargetIsWritten() async throws {
        let text = Acme.journey(Self.touchpoints.joined(separator: ",\n"))
        let result = await Acme.load(journeys: [text])
        let journey = try #require(result.workspace.journey(id: "first"))
        // c has an unknown stage and the second e repeats an id: a, b, d, e are kept.
        #expect(journey.touchpoints.map(\.id) == ["a", "b", "d", "e"])
        // a: c is dropped, b, itself, zz never written, b again; d: c dropped, e.
        #expect(journey.touchpoints.map { $0.next.map(\.target) } == [[1, 0, 1], [0], [3], []])
        let firstB = location(of: #""b""#, in: text, file: Acme.journeyPath, after: #""next": ["c", "#)
        #expect(journey.touchpoints[0].next.first?.position == firstB.position)
        let dangling = result.diagnostics(.danglingNext)
        #expect(dangling.map(\.location) == [
            location(of: #""zz""#, in: text, file: Acme.journeyPath),
            location(of: #""nowhere-c""#, in: text, file: Acme.journeyPath),
            location(of: #""x1""#, in: text, file: Acme.journeyPath),
        ])
        #expect(dangling.map(\.message).first == "'next' names 'zz', which is not a touchpoint of this journey")
        #expect(result.diagnostics.map(\.code) == [.danglingNext, .unknownStage, .danglingNext, .duplicateID, .danglingNext], "\(result.listing)")
    }

    @Test func aLinkToATouchpointDroppedLaterIsDroppedToo() async throws {
        // "later" is named before it is written, then dropped for its channel.
        let text = Acme.journey(#"""
            { "id": "first", "stage": "buy", "channel": "email", "next": ["later", "last"] },
            { "id": "later", "stage": "buy", "channel": "fax" },
            { "id": "last", "stage": "buy", "channel": "email" }
            """#)
        let result = await Acme.load(journeys: [text])
        let journey = try #require(result.workspace.journey(id: "first"))
        #expect(journey.touchpoints.map(\.id) == ["first", "last"])
        #expect(journey.touchpoints[0].next.map(\.target) == [1])
        #expect(result.diagnostics.map(\.code) == [.unknownChannel], "\(result.listing)")
    }
}
