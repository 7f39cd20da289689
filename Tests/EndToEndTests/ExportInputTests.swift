import Foundation
import Testing

/// The exports a run reads, and the key file, are inputs: an output may not
/// replace them; and a source's exports are confined to its own workspace
/// (the folder holding its `Observations`), whichever folder the run starts in.
@Suite("Exports as inputs, confined to their workspace, end to end")
struct ExportInputTests {
    /// A copy of the bundled workspace, removed by the caller.
    static func workspace() throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        for name in ["Brands", "Journeys", "Observations"] {
            try FileManager.default.copyItem(at: ToolRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test("--output naming an export or the key file is refused: exit 2, the file named, its bytes unchanged")
    func outputIsAnInput() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.write("a key of the test\n", to: folder.appendingPathComponent("key.txt"))
        let cases: [(arguments: [String], file: String, reason: String)] = [
            (["conform", "-o", "Observations/maison-aurele/care-tickets.csv"], "Observations/maison-aurele/care-tickets.csv", "it is an export being read"),
            (["conform", "--emit-sql", "duckdb", "-o", "Observations/zignature/crm-opportunities.jsonl"],
             "Observations/zignature/crm-opportunities.jsonl", "it is an export being read"),
            (["conform", "--redact", "--redact-key-file", "key.txt", "-o", "key.txt"], "key.txt", "it is the key file being read"),
            // Another name of the same file, and the review, which reads the exports too.
            (["conform", "--format", "csv", "-o", "./Journeys/../Observations/zignature/crm-meetings.csv"],
             "Observations/zignature/crm-meetings.csv", "it is an export being read"),
            (["review", "--period", "2026-Q3", "-o", folder.appendingPathComponent("Observations/zignature/crm-pipeline.csv").path],
             "Observations/zignature/crm-pipeline.csv", "it is an export being read"),
            (["review", "--period", "2026-Q3", "--redact", "--redact-key-file", "key.txt", "--output", "key.txt"], "key.txt", "it is the key file being read"),
        ]
        for (arguments, file, reason) in cases {
            let url = folder.appendingPathComponent(file)
            let before = try Data(contentsOf: url)
            let shown = arguments[arguments.index(after: try #require(arguments.lastIndex { $0 == "-o" || $0 == "--output" }))]
            let outcome = try ToolRunner.run(arguments, in: folder)
            #expect(outcome.status == 2, "\(arguments): \(outcome)")
            #expect(outcome.error == "error: refusing to write a report to \(shown): \(reason)\n", "\(arguments): \(outcome)")
            #expect(outcome.output.isEmpty, "\(arguments)")
            #expect(try Data(contentsOf: url) == before, "\(arguments) changed \(file)")
        }
        // Nothing was left beside the files.
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("Observations/zignature").path).sorted()
        #expect(left == [
            "crm-meetings.csv", "crm-meetings.source.jsonc", "crm-opportunities.jsonl", "crm-opportunities.source.jsonc",
            "crm-pipeline.csv", "crm-pipeline.source.jsonc",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["Brands", "Journeys", "Observations", "key.txt"])
    }

    @Test("A workspace named from inside it with '..', or by absolute paths from elsewhere or from /, gives the bundled report")
    func workspaceNamedFromElsewhere() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bundled = try ToolRunner.run(["conform", "--format", "json"], in: folder)
        #expect(bundled.status == 0, "\(bundled.error)")
        let up = try ToolRunner.run(["conform", "../Brands", "../Journeys", "../Observations", "--format", "json"], in: folder.appendingPathComponent("Journeys"))
        #expect(up.status == 0, "\(up.error)")
        #expect(up.error.isEmpty)
        // The same report, its paths named from Journeys.
        #expect(up.output.replacingOccurrences(of: "../Observations/", with: "Observations/") == bundled.output)
        let absolute = ["Brands", "Journeys", "Observations"].map { folder.appendingPathComponent($0).path }
        let elsewhere = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: elsewhere) }
        for start in [elsewhere, URL(fileURLWithPath: "/")] {
            let outcome = try ToolRunner.run(["conform"] + absolute + ["--format", "json"], in: start)
            #expect(outcome.status == 0, "from \(start.path): \(outcome.error)")
            #expect(outcome.error.isEmpty, "from \(start.path)")
            #expect(outcome.output.replacingOccurrences(of: folder.path + "/", with: "") == bundled.output, "from \(start.path)")
        }
    }

    @Test("A data path out of the source's workspace is refused, located in the source, from wherever the run starts")
    func dataOutOfItsWorkspace() throws {
        let folder = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let outside = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: outside) }
        try Fixtures.write("opportunity_id,activity_date,activity_type\n", to: outside.appendingPathComponent("secret.csv"))
        let brand = folder.appendingPathComponent("Observations/zignature")
        try FileManager.default.createSymbolicLink(at: brand.appendingPathComponent("linked.csv"), withDestinationURL: outside.appendingPathComponent("secret.csv"))
        // Inside the workspace, and read: a file beside Observations, reached with '..'.
        try Fixtures.write("opportunity_id,activity_date,activity_type\n", to: folder.appendingPathComponent("shared.csv"))
        func source(_ id: String, data: String) throws {
            try Fixtures.write(
                #"{ "source": "\#(id)", "brand": "zignature", "data": "\#(data)", "journey": "new-business", "segment": "smb", "#
                    + #""columns": { "case": "opportunity_id", "time": "activity_date", "activity": "activity_type" }, "activities": { "Trial": "trial-sign-up" } }"#,
                to: brand.appendingPathComponent("\(id).source.jsonc")
            )
        }
        let absolute = ["Brands", "Journeys", "Observations"].map { folder.appendingPathComponent($0).path }
        let starts: [(folder: URL, paths: [String], shown: String)] = [
            (folder, [], "Observations/zignature/"),
            (folder.appendingPathComponent("Journeys"), ["../Brands", "../Journeys", "../Observations"], "../Observations/zignature/"),
            (URL(fileURLWithPath: "/"), absolute, brand.path + "/"),
        ]

        try source("shared", data: "../../shared.csv")
        for start in starts {
            let outcome = try ToolRunner.run(["conform"] + start.paths, in: start.folder)
            #expect(outcome.status == 0, "from \(start.folder.path): \(outcome.error)")
        }
        try FileManager.default.removeItem(at: brand.appendingPathComponent("shared.source.jsonc"))

        let refused: [(data: String, message: String)] = [
            ("../../../etc/passwd", "error: '../../../etc/passwd' climbs out of the workspace with '..'; keep the export inside the folder that holds Observations [data-outside-workspace]"),
            ("/etc/passwd", "error: '/etc/passwd' is an absolute path; name the export relative to this source file, inside the workspace [data-outside-workspace]"),
            ("\(String(repeating: "../", count: outside.pathComponents.count + 4))\(outside.path.dropFirst())/secret.csv", "climbs out of the workspace with '..'"),
            ("linked.csv", "error: cannot read the export "),
        ]
        for (data, message) in refused {
            try source("crm", data: data)
            for start in starts {
                let outcome = try ToolRunner.run(["conform"] + start.paths, in: start.folder)
                #expect(outcome.status == 2, "\(data) from \(start.folder.path): \(outcome)")
                #expect(outcome.output.isEmpty)
                let lines = outcome.error.split(separator: "\n").filter { $0.hasPrefix(start.shown + "crm.source.jsonc:1:") }
                #expect(lines.count == 1, "\(data) from \(start.folder.path): \(outcome.error)")
                #expect(lines.first?.contains(message) == true, "\(data) from \(start.folder.path): \(outcome.error)")
                if data == "linked.csv" {
                    #expect(lines.first?.hasSuffix("it leads outside the workspace, to \(outside.appendingPathComponent("secret.csv").resolvingSymlinksInPath().path) [data-outside-workspace]") == true,
                            "\(outcome.error)")
                }
            }
        }
    }
}
