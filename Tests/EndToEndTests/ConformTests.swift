import Foundation
import Testing

/// `throughline conform` on the bundled exports, as a user runs it.
@Suite("Lived journeys, end to end")
struct ConformTests {
    @Test("The bundled exports give the reviewed text and JSON reports, and exit 0")
    func bundledReports() throws {
        let text = try ToolRunner.run(["conform"])
        #expect(text.status == 0)
        #expect(text.error.isEmpty)
        #expect(try Golden.matches(text.output, file: "conform.txt"), "differs from Golden/conform.txt")
        let json = try ToolRunner.run(["conform", "--format", "json"])
        #expect(json.status == 0)
        #expect(try Golden.matches(json.output, file: "conform.json"), "differs from Golden/conform.json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let sources = try #require(report["sources"] as? [[String: Any]])
        #expect(sources.map { $0["source"] as? String } == ["care-tickets", "crm-meetings"])
        // The two rows written wrong on purpose, and the duplicated ones.
        #expect(sources.first?["skipped"] as? Int == 2)
        #expect(sources.first?["duplicates"] as? Int == 4)
        #expect(report["version"] as? Int == 1)
    }

    @Test("--redact replaces every case id and owner by the same keyed hash in every run")
    func redaction() throws {
        let environment = ["THROUGHLINE_REDACT_KEY": "a key for tests"]
        let first = try ToolRunner.run(["conform", "--redact", "--format", "json"], environment: environment)
        let second = try ToolRunner.run(["conform", "--redact", "--format", "json"], environment: environment)
        #expect(first.status == 0)
        #expect(first.output == second.output)
        for personal in ["SAV-10", "OPP-24", "Claire M.", "j.martin"] { #expect(!first.output.contains(personal), "\(personal)") }
        #expect(first.output.contains("\"h:"))
        let other = try ToolRunner.run(["conform", "--redact", "--format", "json"], environment: ["THROUGHLINE_REDACT_KEY": "another key"])
        #expect(other.output != first.output)
        let keyless = try ToolRunner.run(["conform", "--redact"], environment: ["THROUGHLINE_REDACT_KEY": ""])
        #expect(keyless.status == 2)
        #expect(keyless.error.contains("--redact needs a key"))
    }

    @Test("--fail-below exits 1 naming the markers below the rate; --max-bad-rows exits 2 past the limit")
    func gates() throws {
        let below = try ToolRunner.run(["conform", "--fail-below", "90%"])
        #expect(below.status == 1)
        #expect(below.error.contains("lived conformance below 90.0%: maison-aurele/premium/care-and-repair: formal-address 85.7%"))
        let strict = try ToolRunner.run(["conform", "--max-bad-rows", "1"])
        #expect(strict.status == 2)
        #expect(strict.error.contains("error: Observations/maison-aurele/care-tickets.csv: more than 1 rows cannot be read"))
        let lenient = try ToolRunner.run(["conform", "--max-bad-rows", "2"])
        #expect(lenient.status == 0)
    }

    @Test("A data file reached through a symbolic link out of the workspace is refused, located in the source")
    func symlinkOut() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Brands", "Journeys"] {
            try FileManager.default.copyItem(at: ToolRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let observations = folder.appendingPathComponent("Observations/zignature")
        try FileManager.default.createDirectory(at: observations, withIntermediateDirectories: true)
        let outside = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Fixtures.write("opportunity_id,activity_date,activity_type\n", to: outside.appendingPathComponent("secret.csv"))
        try FileManager.default.createSymbolicLink(
            at: observations.appendingPathComponent("crm.csv"), withDestinationURL: outside.appendingPathComponent("secret.csv")
        )
        try Fixtures.write(
            #"{ "source": "crm", "brand": "zignature", "data": "crm.csv", "journey": "new-business", "segment": "smb", "#
                + #""columns": { "case": "opportunity_id", "time": "activity_date", "activity": "activity_type" }, "activities": { "Trial": "trial-sign-up" } }"#,
            to: observations.appendingPathComponent("crm.source.jsonc")
        )
        let outcome = try ToolRunner.run(["conform"], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("Observations/zignature/crm.source.jsonc:1:"))
        #expect(outcome.error.contains("it leads outside the workspace"))
        #expect(outcome.output.isEmpty)
    }
}
