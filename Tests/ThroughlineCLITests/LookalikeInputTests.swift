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

/// Which files a run reads, and what it says about the ones it does not.
@Suite("Files found, and files that look like inputs")
struct FileDiscoveryTests {
    static let composed = "Journeys/caf\u{E9}.journey.jsonc"
    static let decomposed = "Journeys/cafe\u{301}.journey.jsonc"

    /// A workspace holding two journey files whose names are "café", once
    /// composed and once decomposed; nil where the file system keeps only one.
    static func twoCafes() throws -> TemporaryWorkspace? {
        // Not a dictionary of paths: `String` keys would be one key.
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [:])
        try workspace.write(composed, Fixture.journey("composed", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)))
        try workspace.write(decomposed, Fixture.journey("decomposed", touchpoints: Fixture.touchpoint(experience: #""tone": "warm""#)))
        // A file system that normalises names (APFS, HFS+) holds one file under both.
        return workspace.list("Journeys").count == 2 ? workspace : nil
    }

    @Test("two journey files named alike are reported, and which one is read does not depend on the order given")
    func namesEncodedDifferently() async throws {
        guard let workspace = try Self.twoCafes() else { return }
        // "e" + U+0301 comes before U+00E9 in byte order: the decomposed one is read.
        let walked = await workspace.run(["check", "--format", "json"])
        let given = await workspace.run(["check", "--format", "json", "Brands", Self.composed, Self.decomposed])
        let reversed = await workspace.run(["check", "--format", "json", "Brands", Self.decomposed, Self.composed])
        #expect(walked.code == 2, "\(walked)")
        #expect(given.output == walked.output)
        #expect(reversed.output == walked.output)

        let report = try #require(try JSONSerialization.jsonObject(with: Data(walked.output.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1, "\(walked)")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic["id"] as? String == "duplicate-path")
        #expect(diagnostic["severity"] as? String == "error")
        #expect((diagnostic["file"] as? String).map { Array($0.utf8) } == Array(Self.composed.utf8))
        #expect(diagnostic["line"] as? Int == 1 && diagnostic["column"] as? Int == 1)
        // Byte for byte: `String ==` would take either spelling for the other.
        #expect((diagnostic["message"] as? String).map { Array($0.utf8) } == Array("\(Self.composed) has the same name as \(Self.decomposed), with the same letters encoded differently; it is not read: rename one of the two".utf8))
        let related = try #require((diagnostic["related"] as? [[String: Any]])?.first)
        #expect((related["file"] as? String).map { Array($0.utf8) } == Array(Self.decomposed.utf8))
        #expect(related["message"] as? String == "read instead")
        // The decomposed journey is the one checked: its tone is warm, so no gap.
        #expect((report["gaps"] as? [Any])?.isEmpty == true, "\(walked)")
        let summary = try #require(report["summary"] as? [String: Any])
        #expect(summary["journeys"] as? Int == 1)
    }

    @Test("folders named alike are both walked, and the files in them reported like files named alike")
    func foldersEncodedDifferently() async throws {
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [:])
        let composed = "Journeys/caf\u{E9}/a.journey.jsonc", decomposed = "Journeys/cafe\u{301}/a.journey.jsonc"
        try workspace.write(composed, Fixture.journey("composed", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)))
        try workspace.write(decomposed, Fixture.journey("decomposed", touchpoints: Fixture.touchpoint(experience: #""tone": "warm""#)))
        guard workspace.list("Journeys").count == 2 else { return }
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        #expect(result.lines.map { Array($0.utf8) } == [
            "\(composed):1:1: error: \(composed) has the same name as \(decomposed), with the same letters encoded differently; it is not read: rename one of the two [duplicate-path]",
            "    \(decomposed):1:1: note: read instead",
            "1 error, 0 warnings, 0 infos in 3 files (1 journey, 1 touchpoint)",
        ].map { Array($0.utf8) }, "\(result)")
    }

    @Test("files in a folder that look like inputs but are named otherwise get a warning; the same file named on the command line is read")
    func misnamedFiles() async throws {
        let workspace = try Fixture.workspace(journeys: [
            "Journeys/a.journey.jsonc": Fixture.journey("a", touchpoints: Fixture.touchpoint()),
        ])
        let journey = Fixture.journey("x", touchpoints: Fixture.touchpoint())
        // (the name, the warning's message) in the order reported
        let misnamed = [
            ("Brands/b.brand.json", "b.brand.json looks like a brand file but is not read: name it *.brand.jsonc (b.brand.jsonc)"),
            ("Brands/c.charter.json", "c.charter.json looks like a charter file but is not read: name it *.charter.jsonc (c.charter.jsonc)"),
            ("Brands/d.Brands.JSONC", "d.Brands.JSONC looks like a brand file but is not read: name it *.brand.jsonc (d.brand.jsonc)"),
            ("Journeys/journey.jsonc", "journey.jsonc looks like a journey file but is not read: name it *.journey.jsonc"),
            ("Journeys/x.journey.json", "x.journey.json looks like a journey file but is not read: name it *.journey.jsonc (x.journey.jsonc)"),
            ("Journeys/y.JOURNEY.JSONC", "y.JOURNEY.JSONC looks like a journey file but is not read: name it *.journey.jsonc (y.journey.jsonc)"),
            ("Journeys/z.journeys.jsonc", "z.journeys.jsonc looks like a journey file but is not read: name it *.journey.jsonc (z.journey.jsonc)"),
        ]
        for (path, _) in misnamed { try workspace.write(path, journey) }
        // Not alike enough to say anything about.
        for path in ["Journeys/notes.json", "Journeys/x.journey.jsonc.bak", "Journeys/xjourney.json", "Journeys/journey.txt"] {
            try workspace.write(path, journey)
        }
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        let warnings = result.lines.filter { $0.hasSuffix("[misnamed-file]") }.map(String.init)
        #expect(warnings == misnamed.map { "\($0.0):1:1: warning: \($0.1) [misnamed-file]" }, "\(result)")
        #expect(result.summary?.hasPrefix("0 errors, 7 warnings, 0 infos in 2 files (1 journey, 1 touchpoint)") == true, "\(result)")

        // Named on the command line, a file is read whatever its name.
        let named = await workspace.run(["check", "Brands/t.brand.jsonc", "Journeys/x.journey.json"])
        #expect(named.code == 0, "\(named)")
        #expect(!named.text.contains("[misnamed-file]"), "\(named)")
        #expect(named.summary?.contains("in 2 files (1 journey, 1 touchpoint)") == true, "\(named)")
    }

    @Test("brands without any journey are a warning, which --fail-on warning turns into a failure")
    func brandsWithoutJourneys() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        try workspace.makeFolder("Journeys")
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        #expect(result.lines.first == "Brands:1:1: warning: no journey in Brands, Journeys: brands were found, but no *.journey.jsonc file to check against their charters [no-journeys]", "\(result)")
        #expect(await workspace.run(["check", "--fail-on", "warning"]).code == 1)
        // A journey that does not load is reported as such, not as a missing journey.
        try workspace.write("Journeys/bad.journey.jsonc", "{")
        let broken = await workspace.run(["check"])
        #expect(broken.code == 2, "\(broken)")
        #expect(!broken.text.contains("[no-journeys]"), "\(broken)")
    }
}
