import Foundation
import JourneyLoader
import JourneyModel
import Testing

@testable import ConformanceSQL

/// A brand whose ids and words are SQL written to break out of quotes:
/// the script must carry them as data, and count them.
enum Hostile {
    static let touchpoint = "x'; DROP TABLE keep_me; --"
    static let activity = "Opened'); DROP TABLE keep_me; --"
    static let segmentWord = "Gold\\'"

    static let brand = #"""
    { "brand": "shop", "name": "Shop",
      "channels": { "web": { "kind": "digital" }, "phone": { "kind": "voice" } },
      "segments": { "premium": { "priority": true } },
      "stages": ["first", "second"],
      "attributes": { "address": { "type": "enum", "values": ["formal", "informal"] } },
      "markers": [ { "id": "formal", "expect": { "address": "formal" } } ] }
    """#

    /// A → B in the first stage, C → D in the second; B is due within an hour of what comes before it.
    static let journey = #"""
    { "journey": "j", "brand": "shop", "touchpoints": [
      { "id": "x'; DROP TABLE keep_me; --", "stage": "first", "channel": "web", "next": ["b"], "experience": { "address": "formal" } },
      { "id": "b", "stage": "first", "channel": "web", "after": "PT1H", "next": ["c"], "experience": { "address": "formal" } },
      { "id": "c", "stage": "second", "channel": "phone", "next": ["d"], "experience": { "address": "formal" } },
      { "id": "d", "stage": "second", "channel": "phone", "experience": { "address": "formal" } }
    ] }
    """#

    static let source = #"""
    { "source": "visits", "brand": "shop", "data": "visits.csv", "journey": "j",
      "columns": { "case": "case", "time": "time", "activity": "activity", "channel": "channel", "segment": "tier" },
      "activities": { "Opened'); DROP TABLE keep_me; --": "x'; DROP TABLE keep_me; --", "B": "b", "C": "c", "D": "d" },
      "segments": { "Gold\\'": "premium" } }
    """#

    /// Case 1 lives A (twice at once), C, B (late after C), D: patience sorting keeps A, B, D, so C is out
    /// of sequence. Case 2 lives A, an ad hoc coffee, D on the web: B and C are missing, D on another channel.
    static let csv = """
    case,time,activity,channel,tier
    1,2026-01-01T10:00:00Z,"Opened'); DROP TABLE keep_me; --",,Gold\\'
    1,2026-01-01T10:00:00Z,"Opened'); DROP TABLE keep_me; --",,Gold\\'
    1,2026-01-01T10:10:00Z,C,,
    1,2026-01-01T12:00:00Z,B,,
    1,2026-01-01T13:00:00Z,D,,
    2,2026-01-02T10:00:00Z,"Opened'); DROP TABLE keep_me; --",,premium
    2,2026-01-02T10:05:00Z,Coffee,,
    2,2026-01-02T11:00:00Z,D,web,

    """

    static func load() async throws -> (brands: [Brand], journeys: [Journey], sources: [ObservationSource]) {
        let result = await WorkspaceLoader.load([
            SourceFile(path: "Brands/shop.brand.jsonc", text: brand), SourceFile(path: "Journeys/shop/j.journey.jsonc", text: journey),
            SourceFile(path: "Observations/shop/visits.source.jsonc", text: source),
        ])
        #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(result.diagnostics.map(\.message))")
        return (result.workspace.brands, result.workspace.journeys, result.sources)
    }
}

@Suite("Conformance scripts")
struct ConformanceScriptTests {
    @Test("Ids and words from the files are quoted literals in every dialect; no raw control character", arguments: SQLDialect.allCases)
    func hostileNamesAreData(dialect: SQLDialect) async throws {
        let loaded = try await Hostile.load()
        let script = try ConformanceSQL.script(brands: loaded.brands, journeys: loaded.journeys, sources: loaded.sources, dialect: dialect)
        #expect(script.contains(dialect.string(Hostile.touchpoint)))
        #expect(script.contains(dialect.string(Hostile.activity)))
        #expect(script.contains(dialect.string(Hostile.segmentWord)))
        // Outside literals, the hostile text never appears: every occurrence is inside its quoted form.
        let unquoted = script.replacingOccurrences(of: dialect.string(Hostile.touchpoint), with: "")
            .replacingOccurrences(of: dialect.string(Hostile.activity), with: "")
        #expect(!unquoted.contains("DROP TABLE"))
        #expect(!script.unicodeScalars.contains { SQLDialect.needsEscape($0) && $0 != "\n" })
        #expect(script.contains("\(dialect.createView) \(dialect.identifier("events")!) AS"))
        #expect(script.contains("FROM \(dialect.identifier("visits")!) r"))
    }

    @Test("A table name that is a source's, and names no quoted identifier can carry, are refused, located")
    func unquotableNames() async throws {
        let loaded = try await Hostile.load()
        #expect(throws: ConformanceSQLError.self) {
            try ConformanceSQL.script(brands: loaded.brands, journeys: loaded.journeys, sources: loaded.sources, dialect: .duckdb, table: "ev\nents")
        }
        // The source's own table is `visits`: the events view cannot take its name.
        #expect(throws: ConformanceSQLError.self) {
            try ConformanceSQL.script(brands: loaded.brands, journeys: loaded.journeys, sources: loaded.sources, dialect: .duckdb, table: "visits")
        }
        var source = try #require(loaded.sources.first)
        source.columns.channel = ExportColumn("chan\u{7}nel", at: source.columns.caseID.position)
        do {
            _ = try ConformanceSQL.script(brands: loaded.brands, journeys: loaded.journeys, sources: [source], dialect: .spark)
            Issue.record("the script was written")
        } catch {
            #expect(error.location?.file == "Observations/shop/visits.source.jsonc")
            #expect(error.message.contains("chan?nel"))
        }
    }

    @Test("The longest run has one step per distinct rank and one level per touchpoint of the longest path")
    func runLevels() async throws {
        let loaded = try await Hostile.load()
        let script = try ConformanceSQL.script(brands: loaded.brands, journeys: loaded.journeys, sources: loaded.sources, dialect: .duckdb)
        // Ranks: A (first, 0), B (first, 1), C (second, 0), D (second, 1): four distinct ranks, four touchpoints.
        #expect(script.contains("throughline_run_4 AS"))
        #expect(!script.contains("throughline_run_5"))
        #expect(script.contains("throughline_chain_3 AS"))
        #expect(!script.contains("throughline_chain_4"))
    }

    static let duckDBAvailable: Bool = PythonRunner.run(["-c", "import duckdb"]).status == 0

    @Test(
        "Run on DuckDB, the hostile names are counted as the touchpoints they are, and no table is dropped",
        .enabled(if: duckDBAvailable, "python3 with the duckdb module is not installed (pip install duckdb)")
    )
    func runsOnDuckDB() async throws {
        let loaded = try await Hostile.load()
        let script = try ConformanceSQL.script(brands: loaded.brands, journeys: loaded.journeys, sources: loaded.sources, dialect: .duckdb)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("conformance-sql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let csv = folder.appendingPathComponent("visits.csv"), sql = folder.appendingPathComponent("script.sql")
        try Data(Hostile.csv.utf8).write(to: csv)
        try Data(script.utf8).write(to: sql)
        let program = """
        import duckdb, sys
        con = duckdb.connect()
        con.execute("CREATE TABLE keep_me AS SELECT 42 AS x")
        con.execute("CREATE TABLE visits AS SELECT *, row_number() OVER () AS _row FROM read_csv(?, header = true, all_varchar = true)", [sys.argv[1]])
        con.execute(open(sys.argv[2]).read())
        for row in con.execute("SELECT touchpoint, lived_in_sequence, missing, out_of_sequence, not_reached, other_channel, late FROM throughline_touchpoint_figures ORDER BY planned_order").fetchall():
            print("|".join(str(v) for v in row))
        print("journey|" + "|".join(str(v) for v in con.execute("SELECT cases, ad_hoc_events FROM throughline_journey_figures").fetchone()))
        print("source|" + "|".join(str(v) for v in con.execute("SELECT events, duplicates, cases FROM throughline_source_figures").fetchone()))
        print("keep_me|" + str(con.execute("SELECT x FROM keep_me").fetchone()[0]))
        """
        let result = PythonRunner.run(["-c", program, csv.path, sql.path])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.split(separator: "\n").map(String.init) == [
            "\(Hostile.touchpoint)|2|0|0|0|0|0",
            "b|1|1|0|0|0|1",
            "c|0|1|1|0|0|0",
            "d|2|0|0|0|1|0",
            "journey|2|1",
            "source|8|1|2",
            "keep_me|42",
        ])
    }
}

/// Runs python3 with arguments, waiting for it.
enum PythonRunner {
    static func run(_ arguments: [String]) -> (status: Int32, output: String, error: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        do { try process.run() } catch { return (-1, "", "\(error)") }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }
}
