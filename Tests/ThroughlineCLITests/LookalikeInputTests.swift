import Foundation
import Testing

/// Text and names that look the same but are written differently: "é" as
/// U+00E9 (NFC) or as e + U+0301 (NFD).
@Suite("Look-alike text and names")
struct LookalikeInputTests {
    static let journeyPath = "Journeys/j.journey.jsonc"

    @Test("matches reads each touchpoint's own text, whatever an equivalent one before it says")
    func matchesReadsTheTextAsWritten() async throws {
        // The pattern asks for the decomposed spelling; only b is written so.
        let marker = #"[{ "id": "sig", "severity": "error", "expect": { "signature": { "matches": "^L'e\u0301quipe" } } }]"#
        let composed = "L'\u{E9}quipe de la maison"
        let decomposed = "L'e\u{301}quipe de la maison"
        let touchpoints = [
            Fixture.touchpoint("a", experience: #""tone": "warm", "signature": "\#(composed)""#),
            Fixture.touchpoint("b", experience: #""tone": "warm", "signature": "\#(decomposed)""#),
            Fixture.touchpoint("c", experience: #""tone": "warm", "signature": "\#(composed)""#),
        ]
        let bytes = Array(Fixture.journey(touchpoints: touchpoints.joined(separator: ",\n")).utf8)
        let workspace = try Fixture.workspace(markers: marker, journeys: [:])
        try workspace.write(Self.journeyPath, bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 1, "\(result)")
        let gaps = result.lines.filter { $0.contains("[sig · all]") }
        let a = location(of: "\"\(composed)\"", in: bytes, file: Self.journeyPath)
        let c = location(of: "\"\(composed)\"", in: bytes, file: Self.journeyPath, from: offset(of: "\"c\"", in: bytes))
        #expect(gaps.count == 2, "\(result)")
        #expect(gaps.first?.hasPrefix(a + ": error: a (web, discover) plans signature = ") == true, "\(result)")
        #expect(gaps.last?.hasPrefix(c + ": error: c (web, discover) plans signature = ") == true, "\(result)")
        #expect(!result.text.contains("error: b (web, discover)"), "\(result)")
    }
}
