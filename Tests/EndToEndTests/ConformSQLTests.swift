import Foundation
import Testing

/// `conform --emit-sql`: the script a warehouse runs gives the figures
/// `conform --format json` gives, run here on DuckDB (python3 and the
/// `duckdb` module from PyPI; the tests say so and are skipped without them).
@Suite("Conformance as SQL, end to end")
struct ConformSQLTests {
    static let duckDBAvailable: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import duckdb"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    static let checker = ToolRunner.repositoryRoot.appendingPathComponent("Benchmarks/conform_sql.py").path

    /// Runs conform's JSON and the emitted DuckDB script in `folder`, and the figure-by-figure comparison.
    static func compare(in folder: URL, exports: [String: (path: String, separator: String)]) throws -> ToolRunner.Outcome {
        let scratch = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let json = scratch.appendingPathComponent("conform.json").path, sql = scratch.appendingPathComponent("conformance.sql").path
        let report = try ToolRunner.run(["conform", "--format", "json", "--output", json], in: folder)
        #expect(report.status == 0, "\(report.error)")
        let emitted = try ToolRunner.run(["conform", "--emit-sql", "duckdb", "--output", sql], in: folder)
        #expect(emitted.status == 0, "\(emitted.error)")
        var arguments = [checker, "--sql", sql, "--json", json]
        for (source, export) in exports.sorted(by: { $0.key < $1.key }) {
            arguments += ["--export", "\(source)=\(export.path)", "--separator", "\(source)=\(export.separator)"]
        }
        return try PythonTool.run(arguments, in: folder)
    }

    @Test("On the bundled exports, every figure of the DuckDB script equals conform's JSON",
          .enabled(if: duckDBAvailable, "python3 with the duckdb module is not installed (pip install duckdb): the SQL is not run"))
    func bundledExports() throws {
        let outcome = try Self.compare(in: ToolRunner.repositoryRoot, exports: [
            "care-tickets": ("Observations/maison-aurele/care-tickets.csv", ";"),
            "crm-meetings": ("Observations/zignature/crm-meetings.csv", ","),
            "crm-pipeline": ("Observations/zignature/crm-pipeline.csv", ","),
            "store-appointments": ("Observations/maison-aurele/store-appointments.tsv", "tab"),
            "crm-opportunities": ("Observations/zignature/crm-opportunities.jsonl", ","),
        ])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains(" 0 different"), "\(outcome.output)")
        // Five sources (a tab-separated export with a byte order mark, a JSON Lines one), seven journeys,
        // their touchpoints: hundreds of figures, none left out.
        let equal = outcome.output.split(separator: "\n").last.flatMap { line in line.split(separator: " ").dropFirst().first.flatMap { Int($0) } } ?? 0
        #expect(equal > 500, "\(outcome.output)")
    }

    @Test("On a generated help-desk export of 20,000 events, every figure equals conform's JSON",
          .enabled(if: duckDBAvailable, "python3 with the duckdb module is not installed (pip install duckdb): the SQL is not run"))
    func generatedExport() throws {
        let folder = try ToolRunner.planFolder(brand: "maison-aurele", files: ["Benchmarks/generated/help-desk.source.jsonc"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let observations = folder.appendingPathComponent("Observations/maison-aurele")
        let bench = ToolRunner.executable.deletingLastPathComponent().appendingPathComponent("throughline-bench")
        let generated = try PythonTool.run(
            ["--events", "20000", "--seed", "11", "--output", observations.appendingPathComponent("events.csv").path], in: folder,
            executable: bench, firstArguments: ["generate-export"]
        )
        #expect(generated.status == 0, "\(generated.error)")
        let outcome = try Self.compare(in: folder, exports: ["help-desk": ("Observations/maison-aurele/events.csv", ",")])
        #expect(outcome.status == 0, "\(outcome.output)\(outcome.error)")
        #expect(outcome.output.contains(" 0 different"), "\(outcome.output)")
    }

    @Test("--emit-sql writes each dialect; ANSI refuses a local-time pattern, located; options of the replay are refused with it")
    func dialectsAndOptions() throws {
        for dialect in ["duckdb", "spark"] {
            let outcome = try ToolRunner.run(["conform", "--emit-sql", dialect, "--table", "lived_events"])
            #expect(outcome.status == 0, "\(dialect): \(outcome.error)")
            #expect(outcome.output.contains("throughline_touchpoint_figures"))
            #expect(outcome.output.contains(dialect == "spark" ? "TEMPORARY VIEW `lived_events` AS" : "TEMPORARY VIEW \"lived_events\" AS"))
        }
        // The appointment system writes `dd/MM/yyyy HH'h'mm` in Paris, the CRM `dd/MM/yyyy HH:mm`: standard SQL has no
        // function to read that. The first such source in the workspace is named.
        let ansi = try ToolRunner.run(["conform", "--emit-sql", "ansi"])
        #expect(ansi.status == 2)
        #expect(ansi.output.isEmpty)
        #expect(ansi.error.hasPrefix("error: Observations/maison-aurele/store-appointments.source.jsonc:5:1: ANSI SQL has no function"))
        // ISO 8601 times (the care tickets, the CRM's opportunities) compile.
        let care = try ToolRunner.run([
            "conform", "--emit-sql", "ansi", "Brands", "Journeys",
            "Observations/maison-aurele/care-tickets.source.jsonc", "Observations/zignature/crm-opportunities.source.jsonc",
        ])
        #expect(care.status == 0, "\(care.error)")
        #expect(care.output.contains("CREATE VIEW \"events\" AS"))
        #expect(care.output.contains("CAST(COALESCE(r.\"horodatage\", '') AS TIMESTAMP WITH TIME ZONE)"))
        #expect(care.output.contains("CAST(COALESCE(r.\"changed_at\", '') AS TIMESTAMP WITH TIME ZONE)"))
        let refused = try ToolRunner.run(["conform", "--emit-sql", "duckdb", "--segment", "premium"])
        #expect(refused.status == 2)
        #expect(refused.error.contains("--segment cannot go with it"))
        let unknown = try ToolRunner.run(["conform", "--emit-sql", "oracle"])
        #expect(unknown.status == 2)
    }
}

/// Runs python3 (or another executable) from a folder and collects what it prints.
enum PythonTool {
    static func run(_ arguments: [String], in folder: URL, executable: URL? = nil, firstArguments: [String] = []) throws -> ToolRunner.Outcome {
        let process = Process()
        process.executableURL = executable ?? URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = (executable == nil ? ["python3"] : firstArguments) + arguments
        process.currentDirectoryURL = folder
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ToolRunner.Outcome(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self), error: String(decoding: errorData, as: UTF8.self)
        )
    }
}
