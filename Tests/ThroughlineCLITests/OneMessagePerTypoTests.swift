import Foundation
import Testing

/// A problem with a file gives its diagnostic, and nothing that follows
/// from the value the loader could not use: a journey is judged only when
/// its file and its brand's files load without an error.
@Suite("A typo gives one message")
struct OneMessagePerTypoTests {
    static let markers = #"""
    [{ "id": "warm", "severity": "error", "expect": { "tone": { "oneOf": ["warm"] } } },
     { "id": "web-everywhere", "kind": "coverage", "per": "stage", "expect": { "tone": { "present": true } } },
     { "id": "store-only", "where": { "channels": ["store"] }, "expect": { "tone": "warm" } }]
    """#

    @Test("a value the loader rejects gives its diagnostic and no gap from the same value")
    func rejectedValue() async throws {
        let workspace = try Fixture.workspace(markers: Self.markers, journeys: [
            "Journeys/j.journey.jsonc": Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "friendly""#)),
        ])
        let result = await workspace.run(["check", "--format", "json"])
        #expect(result.code == 2, "\(result)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["id"] as? String } == ["invalid-value"])
        #expect((report["gaps"] as? [Any])?.isEmpty == true, "no 'tone not planned' or coverage gap: \(result)")
    }

    @Test("a touchpoint dropped for an unknown channel makes no coverage gap, and the brand gets no 'applies nowhere' warning")
    func droppedTouchpoint() async throws {
        let workspace = try Fixture.workspace(markers: Self.markers, journeys: [
            "Journeys/j.journey.jsonc": Fixture.journey(touchpoints: [
                #"    { "id": "a", "stage": "discover", "channel": "wbe", "experience": { "tone": "warm" } },"#,
                #"    { "id": "b", "stage": "buy", "channel": "web", "experience": { "tone": "warm" } }"#,
            ].joined(separator: "\n")),
        ])
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        // One line for the typo, then the summary: no gap for stage discover left
        // without touchpoints, no warning that 'store-only' checks nothing.
        #expect(result.lines.count == 2, "\(result)")
        #expect(result.lines.first?.contains("unknown channel 'wbe'; did you mean 'web'?") == true)
        #expect(!result.text.contains("marker-applies-nowhere"))
    }

    @Test("the other journeys are still judged")
    func otherJourneysJudged() async throws {
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/broken.journey.jsonc": Fixture.journey("broken", touchpoints: Fixture.touchpoint(experience: #""tone": "friendly""#)),
            "Journeys/fine.journey.jsonc": Fixture.journey("fine", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
        ])
        let result = await workspace.run(["check"])
        #expect(result.code == 2)
        #expect(result.line(at: "Journeys/broken.journey.jsonc:5:81")?.contains("invalid-value") == true, "\(result)")
        #expect(result.lines.contains { $0.hasPrefix("Journeys/fine.journey.jsonc:") && $0.contains("[warm · all]") }, "\(result)")
        #expect(!result.lines.contains { $0.hasPrefix("Journeys/broken.journey.jsonc:") && $0.contains("[warm") }, "\(result)")
        // Counts are of everything loaded.
        #expect(result.summary?.contains("(2 journeys, 2 touchpoints)") == true, "\(result)")
    }

    @Test("audit reports the brands whose files are all usable, prints the others' errors, and exits 2")
    func auditOfABrokenWorkspace() async throws {
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/fine.journey.jsonc": Fixture.journey("fine", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
        ])
        try workspace.write("Brands/u.brand.jsonc", Fixture.brand(markers: Fixture.warmTone).replacingOccurrences(of: #""brand": "t""#, with: #""brand": "u""#))
        try workspace.write("Journeys/u.journey.jsonc", Fixture.journey("u", touchpoints: Fixture.touchpoint(experience: #""tone": "friendly""#))
            .replacingOccurrences(of: #""brand": "t""#, with: #""brand": "u""#))
        let result = await workspace.run(["audit", "--format", "json", "--output", "audit.json"])
        #expect(result.code == 2, "\(result)")
        #expect(result.error.contains("Journeys/u.journey.jsonc:5:81: error:"), "\(result)")
        let audit = try #require(try JSONSerialization.jsonObject(with: Data(workspace.read("audit.json") ?? [])) as? [String: Any])
        let segments = try #require(audit["segments"] as? [[String: Any]])
        #expect(segments.map { "\($0["brand"] ?? "")/\($0["segment"] ?? "")" } == ["t/all"])
    }
}
