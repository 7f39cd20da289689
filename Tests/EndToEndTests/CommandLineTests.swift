import Foundation
import Testing

/// The command line as users meet it: help, mistakes in arguments, output
/// files, and the other commands, each with its exit code.
@Suite("Command line, end to end")
struct CommandLineTests {
    @Test("--help and help COMMAND describe the commands; --version prints the version")
    func help() throws {
        let overview = try ToolRunner.run(["--help"])
        #expect(overview.status == 0)
        for command in ["check", "audit", "explain", "schema", "import"] {
            #expect(overview.output.contains("  \(command) "), "overview lacks \(command)")
        }
        let check = try ToolRunner.run(["check", "--help"])
        #expect(check.status == 0)
        #expect(check.output.contains("USAGE: throughline check"))
        #expect(check.output.contains("--fail-on <SEVERITY>"))
        #expect(try ToolRunner.run(["help", "audit"]).output.contains("USAGE: throughline audit"))
        let version = try ToolRunner.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output.hasPrefix("throughline "))
    }

    @Test("Mistakes in arguments exit 2 with what was expected and a did-you-mean", arguments: [
        (["--format", "yaml"], "--format does not accept 'yaml'"),
        (["check", "--fromat", "json"], "unknown option '--fromat' for check; did you mean '--format'?"),
        (["chek"], "unknown command 'chek'; did you mean 'check'?"),
        (["audit", "--segment", "premum"], "unknown segment 'premum'; did you mean 'premium'?"),
        (["explain", "fast-replies"], "no charter defines a marker 'fast-replies'; did you mean 'fast-reply'?"),
        (["schema", "jouney"], "unknown file kind 'jouney'; did you mean 'journey'?"),
        (["check", "--output"], "--output needs a value (FILE)"),
        (["check", "--quiet"], "unknown option '--quiet' for check"),
    ])
    func argumentErrors(arguments: [String], message: String) throws {
        let outcome = try ToolRunner.run(arguments)
        #expect(outcome.status == 2)
        #expect(outcome.error.contains(message), "stderr was: \(outcome.error)")
        #expect(outcome.output.isEmpty)
    }

    @Test("A missing path is a located, unusable input")
    func missingPath() throws {
        let outcome = try ToolRunner.run(["check", "Nowhere"])
        #expect(outcome.status == 2)
        #expect(outcome.output.contains("Nowhere:1:1: error: cannot read Nowhere: No such file or directory [unreadable-file]"))
    }

    @Test("Colours only when asked on a pipe, and never with NO_COLOR")
    func colours() throws {
        let escape = "\u{1B}["
        #expect(!(try ToolRunner.run([])).output.contains(escape))
        #expect(try ToolRunner.run(["--color", "always"]).output.contains(escape))
        #expect(!(try ToolRunner.run(["--color", "auto"], environment: ["NO_COLOR": "1"])).output.contains(escape))
    }

    @Test("--fail-on moves the threshold: warnings fail, or nothing does")
    func failOn() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.writeBrand(to: folder)
        try Fixtures.write("""
        { "journey": "j", "brand": "b", "touchpoints": [
            { "id": "t", "stage": "s1", "channel": "web", "experience": { "address": "formal", "tone": "cold" } } ] }
        """, to: folder.appendingPathComponent("j.journey.jsonc"))
        // The only gap is a warning.
        #expect(try ToolRunner.run(["check", "."], in: folder).status == 0)
        #expect(try ToolRunner.run(["check", ".", "--fail-on", "warning"], in: folder).status == 1)
    }

    @Test("--output writes the report atomically and refuses to overwrite an input")
    func outputFile() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let written = try ToolRunner.run(["check", "--format", "json", "--output", report.path])
        #expect(written.status == 1)
        #expect(written.output.isEmpty)
        let printed = try ToolRunner.run(["check", "--format", "json"])
        #expect(try String(contentsOf: report, encoding: .utf8) == printed.output)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])

        let journey = "Journeys/zignature/new-business.journey.jsonc"
        let before = try String(contentsOf: ToolRunner.repositoryRoot.appendingPathComponent(journey), encoding: .utf8)
        let refused = try ToolRunner.run(["check", "--output", journey])
        #expect(refused.status == 2)
        #expect(refused.error.contains("refusing to write a report to"))
        #expect(try String(contentsOf: ToolRunner.repositoryRoot.appendingPathComponent(journey), encoding: .utf8) == before)
    }

    @Test("A baseline accepts today's gaps; a new gap still fails")
    func baseline() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.writeBrand(to: folder)
        let journey = folder.appendingPathComponent("j.journey.jsonc")
        try Fixtures.write("""
        { "journey": "j", "brand": "b", "segments": ["all"], "touchpoints": [
            { "id": "t", "stage": "s1", "channel": "web", "experience": { "address": "informal", "tone": "warm" } } ] }
        """, to: journey)
        #expect(try ToolRunner.run(["check", "."], in: folder).status == 1)
        let recorded = try ToolRunner.run(["check", ".", "--write-baseline", "baseline.json"], in: folder)
        #expect(recorded.status == 0)
        #expect(recorded.error.contains("recorded 1 gap in baseline.json"))
        let accepted = try ToolRunner.run(["check", ".", "--baseline", "baseline.json"], in: folder)
        #expect(accepted.status == 0)
        #expect(accepted.output.contains("1 gap accepted"))
        // A second touchpoint with the same gap is new.
        try Fixtures.write("""
        { "journey": "j", "brand": "b", "segments": ["all"], "touchpoints": [
            { "id": "t", "stage": "s1", "channel": "web", "experience": { "address": "informal", "tone": "warm" } },
            { "id": "u", "stage": "s1", "channel": "web", "experience": { "address": "informal", "tone": "warm" } } ] }
        """, to: journey)
        let fresh = try ToolRunner.run(["check", ".", "--baseline", "baseline.json"], in: folder)
        #expect(fresh.status == 1)
        #expect(fresh.output.hasPrefix("./j.journey.jsonc:3:78: error: u (web, s1) plans address = informal"))
        #expect(fresh.output.contains("1 error, 0 warnings, 0 infos"))
        // Rewriting the baseline from a run that names it reads nothing from
        // it: a missing one is no error, and the new one records both gaps.
        let rewritten = try ToolRunner.run(["check", ".", "--baseline", "missing.json", "--write-baseline", "baseline.json"], in: folder)
        #expect(rewritten.status == 0, "\(rewritten.error)")
        #expect(rewritten.error.contains("recorded 2 gaps in baseline.json"))
        let missing = try ToolRunner.run(["check", ".", "--baseline", "missing.json"], in: folder)
        #expect(missing.status == 2)
        #expect(missing.error.contains("error: cannot read the baseline missing.json"))
        // One gap fixed: its entry accepts nothing any more, and says so.
        try Fixtures.write("""
        { "journey": "j", "brand": "b", "segments": ["all"], "touchpoints": [
            { "id": "t", "stage": "s1", "channel": "web", "experience": { "address": "formal", "tone": "warm" } },
            { "id": "u", "stage": "s1", "channel": "web", "experience": { "address": "informal", "tone": "warm" } } ] }
        """, to: journey)
        let fixed = try ToolRunner.run(["check", ".", "--baseline", "baseline.json"], in: folder)
        #expect(fixed.status == 0, "\(fixed.output)")
        #expect(fixed.output.contains("baseline.json:") && fixed.output.contains("this baseline entry matches no gap any more"))
        #expect(fixed.output.contains("[stale-baseline-entry]"))
        let strict = try ToolRunner.run(["check", ".", "--baseline", "baseline.json", "--fail-on", "warning"], in: folder)
        #expect(strict.status == 1)
    }

    @Test("A file that is not JSONC gives one located syntax error, exit 2, and the other files are still checked")
    func syntaxError() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.writeBrand(to: folder)
        try Fixtures.write("{ \"journey\": \"broken\", \"brand\": 'b' }\n", to: folder.appendingPathComponent("broken.journey.jsonc"))
        try Fixtures.write("""
        { "journey": "j", "brand": "b", "touchpoints": [
            { "id": "t", "stage": "s1", "channel": "web", "experience": { "address": "informal", "tone": "warm" } } ] }
        """, to: folder.appendingPathComponent("j.journey.jsonc"))
        let outcome = try ToolRunner.run(["check", "."], in: folder)
        #expect(outcome.status == 2)
        #expect(outcome.output.contains("./broken.journey.jsonc:1:33: error: expected a value, found \"'\": JSON strings are written in double quotes [syntax]"))
        #expect(outcome.output.contains("./j.journey.jsonc:2:78: error: t (web, s1) plans address = informal"))
    }

    @Test("explain says what a marker expects, where it comes from and what fails it")
    func explain() throws {
        let outcome = try ToolRunner.run(["explain", "formal-address"])
        #expect(outcome.status == 0)
        #expect(outcome.output.contains("formal-address — We address every customer formally [brand maison-aurele]"))
        #expect(outcome.output.contains("Expects: every touchpoint in scope plans address = formal"))
        #expect(outcome.output.contains("defined in charter 'aurele-group' (Brands/aurele-group.charter.jsonc:"))
        #expect(outcome.output.contains("severity set to warning by 'maison-aurele'"))
        #expect(outcome.output.contains("first-purchase/chat-advice: planned informal"))
    }

    @Test("schema prints JSON Schemas; with --brand it knows the vocabulary")
    func schema() throws {
        for kind in ["brand", "charter", "journey"] {
            let outcome = try ToolRunner.run(["schema", kind])
            #expect(outcome.status == 0)
            let schema = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
            #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        }
        let tailored = try ToolRunner.run(["schema", "journey", "--brand", "zignature"])
        #expect(tailored.output.contains("\"discovery-meeting\""))
        #expect(tailored.output.contains("\"winProbability\""))
    }

    @Test("import turns a spreadsheet inventory into journey files that check cleanly")
    func importInventory() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Fixtures.writeBrand(to: folder.appendingPathComponent("Brands"))
        try Fixtures.write("""
        journey;touchpoint;stage;channel;segment;next;initiator;after;address;tone
        onboarding;signup;s1;web;;call;customer;;formal;warm
        onboarding;call;s2;web;;;;P2D;formal;warm
        onboarding;call;;;vip;;;;;warm

        """, to: folder.appendingPathComponent("inventory.csv"))
        let outcome = try ToolRunner.run(["import", "inventory.csv", "--brand", "b"], in: folder)
        #expect(outcome.status == 0, "\(outcome.error)")
        #expect(outcome.output == "wrote Journeys/b/onboarding.journey.jsonc\n")
        let check = try ToolRunner.run([], in: folder)
        #expect(check.status == 0, "\(check.output)")
        #expect(check.output.hasPrefix("0 errors, 0 warnings, 0 infos in 2 files (1 journey, 2 touchpoints)"))
        let written = try String(contentsOf: folder.appendingPathComponent("Journeys/b/onboarding.journey.jsonc"), encoding: .utf8)
        #expect(written.contains(#""initiator": "customer""#))
        #expect(written.contains(#""after": "P2D""#))

        try Fixtures.write("journey,touchpoint,stage,channel,adress\nonboarding,x,s9,web,formal\n", to: folder.appendingPathComponent("bad.csv"))
        let bad = try ToolRunner.run(["import", "bad.csv", "--brand", "b", "--output-dir", "Other"], in: folder)
        #expect(bad.status == 2)
        #expect(bad.error.contains("bad.csv:1:34: error: unknown column 'adress'"))
        try Fixtures.write("journey,touchpoint,stage,channel,initiator,after\nonboarding,x,s1,web,clent,soon\n", to: folder.appendingPathComponent("timing.csv"))
        let timing = try ToolRunner.run(["import", "timing.csv", "--brand", "b", "--output-dir", "Other"], in: folder)
        #expect(timing.status == 2)
        #expect(timing.error.contains("timing.csv:2:21: error: unknown initiator 'clent'"))
        #expect(timing.error.contains("timing.csv:2:27: error: 'soon' is not an ISO 8601 duration for 'after'"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Other").path))
        let again = try ToolRunner.run(["import", "inventory.csv", "--brand", "b"], in: folder)
        #expect(again.status == 2)
        #expect(again.error.contains("already exists; use --force"))
    }
}

/// Small files for the tests above.
enum Fixtures {
    static let brand = """
    { "brand": "b", "name": "B",
      "channels": { "web": { "kind": "digital" } },
      "segments": { "all": { "name": "Everyone" }, "vip": { "name": "VIP", "priority": true } },
      "stages": ["s1", "s2"],
      "attributes": { "address": { "type": "enum", "values": ["formal", "informal"] },
                      "tone": { "type": "enum", "values": ["warm", "cold"] } },
      "markers": [
        { "id": "formal", "severity": "error", "expect": { "address": { "oneOf": ["formal"] } } },
        { "id": "warm", "severity": "warning", "expect": { "tone": { "noneOf": ["cold"] } } } ] }
    """

    static func writeBrand(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try write(brand, to: folder.appendingPathComponent("b.brand.jsonc"))
    }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
