import Foundation
import Testing

/// Every output format on the bundled examples: the right exit code, the
/// start a reader of that format expects, and the same bytes on every run.
@Suite("Output formats, end to end")
struct FormatTests {
    @Test("check writes every format", arguments: [
        ("text", "Journeys/maison-aurele/care-and-repair.journey.jsonc:46:65: error:"),
        ("json", "{\n  \"diagnostics\": []"),
        ("sarif", "{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json\""),
        ("junit", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"throughline check\" tests=\"21\" failures=\"3\" errors=\"0\" time=\"0\">"),
        ("github", "::error file=Journeys/maison-aurele/care-and-repair.journey.jsonc,line=46,col=65,title=named-advisor · premium::"),
        ("markdown", "## Throughline check"),
        ("html", "<!DOCTYPE html>"),
        ("csv", "kind,id,severity,file,line,column,brand,journey,touchpoint,segment,channel,stage,expected,planned,message,suppressed_reason\r\n"),
    ])
    func check(format: String, start: String) throws {
        let first = try ToolRunner.run(["check", "--format", format])
        #expect(first.status == 1)
        #expect(first.output.hasPrefix(start), "\(first.output.prefix(300))")
        #expect(try ToolRunner.run(["check", "--format", format]).output == first.output)
    }

    @Test("audit writes every format", arguments: [
        ("text", "Charter audit — Maison Aurèle, Zignature\n"),
        ("json", "{\n  \"auditFormat\": 2,\n  \"context\": {"),
        ("markdown", "## Charter audit — Maison Aurèle, Zignature"),
        ("html", "<!DOCTYPE html>"),
        ("csv", "brand,severity,status,segments,journey,touchpoint,channel,stage,owner,marker,expected,planned,action,reason,file,line,column\r\n"),
    ])
    func audit(format: String, start: String) throws {
        let first = try ToolRunner.run(["audit", "--format", format])
        #expect(first.status == 0)
        #expect(first.output.hasPrefix(start), "\(first.output.prefix(300))")
        #expect(try ToolRunner.run(["audit", "--format", format]).output == first.output)
    }

    @Test("SARIF results line up with the JSON report")
    func sarifMatchesJSON() throws {
        let sarif = try ToolRunner.run(["check", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.output.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        // 16 open gaps and 2 accepted ones, which SARIF keeps with their suppression.
        #expect(results.count == 18)
        #expect(results.filter { $0["suppressions"] != nil }.count == 2)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
    }
}

/// `--csv-separator` and `--csv-bom`, as a spreadsheet user types them.
@Suite("CSV for spreadsheets, end to end")
struct CSVOptionsTests {
    @Test("check, audit and conform write ';' and a byte order mark when asked", arguments: [
        ("check", "kind;id;severity;file;line;column;"),
        ("audit", "brand;"),
        ("conform", "brand;segment;priority;journey;position;touchpoint;channel;stage;cases;completed;completed_rate;"),
    ])
    func semicolonsAndMark(command: String, start: String) throws {
        let outcome = try ToolRunner.run([command, "--format", "csv", "--csv-separator", ";", "--csv-bom"])
        #expect(outcome.status == (command == "check" ? 1 : 0), "\(outcome.error)")
        #expect(outcome.output.hasPrefix("\u{FEFF}" + start), "\(outcome.output.prefix(200))")
        let plain = try ToolRunner.run([command, "--format", "csv"])
        #expect(!plain.output.hasPrefix("\u{FEFF}"))
        #expect(plain.output.split(separator: "\r\n").count == outcome.output.split(separator: "\r\n").count)
    }

    @Test("a separator CSV readers do not know is an argument error")
    func unknownSeparator() throws {
        let outcome = try ToolRunner.run(["check", "--format", "csv", "--csv-separator", "|"])
        #expect(outcome.status == 2)
        #expect(outcome.error.contains("--csv-separator"), "\(outcome.error)")
    }
}
