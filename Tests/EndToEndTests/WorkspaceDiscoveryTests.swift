import Foundation
import Testing

/// What the built tool says about the files it finds, end to end.
@Suite("Workspace discovery, end to end")
struct WorkspaceDiscoveryTests {
    @Test("brands without journeys pass with a warning, and fail with --fail-on warning")
    func brandsWithoutJourneys() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.writeBrand(to: folder.appendingPathComponent("Brands"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("Journeys"), withIntermediateDirectories: true)
        // A journey saved with the wrong extension is not read: said so too.
        try Fixtures.write(#"{ "journey": "j", "brand": "b", "touchpoints": [] }"#, to: folder.appendingPathComponent("Journeys/j.journey.json"))

        let passing = try ToolRunner.run(["check"], in: folder)
        #expect(passing.status == 0, "\(passing.output)\(passing.error)")
        #expect(passing.output.split(separator: "\n").map(String.init) == [
            "Brands:1:1: warning: no journey in Brands, Journeys: brands were found, but no *.journey.jsonc file to check against their charters [no-journeys]",
            "Journeys/j.journey.json:1:1: warning: j.journey.json looks like a journey file but is not read: name it *.journey.jsonc (j.journey.jsonc) [misnamed-file]",
            "0 errors, 2 warnings, 0 infos in 1 file (0 journeys, 0 touchpoints)",
        ])
        let failing = try ToolRunner.run(["check", "--fail-on", "warning"], in: folder)
        #expect(failing.status == 1, "\(failing.output)\(failing.error)")
        #expect(failing.output == passing.output)
    }
}
