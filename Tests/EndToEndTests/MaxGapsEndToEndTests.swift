import Foundation
import Testing

/// A brand whose markers all fail everywhere multiplies markers × segments
/// × touchpoints into gaps: the report is cut at `--max-gaps`, says so, and
/// still counts and gates on every gap.
@Suite("--max-gaps, end to end")
struct MaxGapsEndToEndTests {
    static let markers = 40, segments = 25, touchpoints = 10
    static var gaps: Int { markers * segments * touchpoints }

    /// Writes the brand and journey into a fresh folder.
    static func workspace() throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        let segmentList = (0..<segments).map { #""s\#($0)": { "name": "Segment \#($0)" }"# }.joined(separator: ",\n")
        let markerList = (0..<markers).map {
            #"{ "id": "m\#($0)", "name": "Promise \#($0)", "severity": "warning", "expect": { "tone": "warm" } }"#
        }.joined(separator: ",\n")
        let brand = """
        { "brand": "hostile", "channels": { "web": { "kind": "digital" } },
          "segments": { \(segmentList) },
          "stages": ["discover"],
          "attributes": { "tone": { "type": "enum", "values": ["warm", "neutral"] } },
          "markers": [ \(markerList) ] }
        """
        let touchpointList = (0..<touchpoints).map {
            #"{ "id": "t\#($0)", "stage": "discover", "channel": "web", "experience": { "tone": "neutral" } }"#
        }.joined(separator: ",\n")
        let journey = #"{ "journey": "everywhere", "brand": "hostile", "touchpoints": [ \#(touchpointList) ] }"#
        for (path, text) in [("Brands/hostile.brand.jsonc", brand), ("Journeys/everywhere.journey.jsonc", journey)] {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return folder
    }

    @Test("JSON lists the first N gaps, names the cut, counts every gap and fails on them all")
    func json() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ToolRunner.run(["check", "--format", "json", "--max-gaps", "100", "--fail-on", "warning"], in: folder)
        #expect(outcome.status == 1, "\(outcome.error)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        #expect((report["diagnostics"] as? [Any])?.isEmpty == true)
        #expect((report["gaps"] as? [Any])?.count == 100)
        #expect((report["summary"] as? [String: Any])?["warnings"] as? Int == Self.gaps)
        let cut = try #require(report["cut"] as? [String: Any])
        #expect(cut["maxGaps"] as? Int == 100)
        #expect(cut["unlistedGaps"] as? Int == Self.gaps - 100)
    }

    @Test("--max-gaps 0 lists none; the text report and standard error say so, and the exit code is still 1")
    func none() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ToolRunner.run(["check", "--max-gaps", "0", "--fail-on", "warning"], in: folder)
        #expect(text.status == 1)
        #expect(text.output == """
        note: report cut at 0 gaps (--max-gaps): \(Self.gaps) more gaps are not listed; the counts and the exit code include them
        0 errors, \(Self.gaps) warnings, 0 infos in 2 files (1 journey, 10 touchpoints)

        """)
        let report = folder.appendingPathComponent("report.sarif")
        let written = try ToolRunner.run(["check", "--format", "sarif", "--max-gaps", "0", "--output", report.path, "--fail-on", "warning"], in: folder)
        #expect(written.status == 1)
        #expect(written.error.hasPrefix("note: report cut at 0 gaps (--max-gaps)"))
        // Without --fail-on warning, warnings do not fail, cut or not.
        #expect(try ToolRunner.run(["check", "--max-gaps", "0"], in: folder).status == 0)
    }

    @Test("by default the report is whole below 100,000 gaps")
    func defaultIsGenerous() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outcome = try ToolRunner.run(["check", "--format", "csv"], in: folder)
        #expect(outcome.status == 0)
        // The header and one row per gap, no note.
        #expect(outcome.output.split(separator: "\r\n").count == Self.gaps + 1)
        #expect(!outcome.output.contains("max-gaps"))
    }

    @Test("a count that is not a number of gaps is an argument error", arguments: ["-1", "many", ""])
    func refused(value: String) throws {
        let outcome = try ToolRunner.run(["check", "--max-gaps", value])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("--max-gaps"), "\(outcome.error)")
    }
}
