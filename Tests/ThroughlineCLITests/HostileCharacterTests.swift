import Foundation
import Testing
import ThroughlineCLI

/// Journey and brand files whose names, texts and file names hold every
/// character that acts on a terminal or a CI runner, run through every
/// format of every command: no report writes one raw, and only
/// `--format github` writes workflow commands.
@Suite("Hostile characters in every format")
struct HostileCharacterTests {
    /// What a pull request could write to act on whoever reads a report:
    /// colours, an OSC 8 link, an OSC 52 clipboard write, a line wiped and
    /// rewritten, BEL, BS, DEL, a C1 CSI, bidirectional overrides and
    /// isolates, NEL and the Unicode line breaks, and line breaks followed by
    /// workflow commands (also after spaces, a no-break space and a tab), the
    /// older `##[` commands, and a NUL.
    static let payload = "\u{1B}[31mred\u{1B}[0m \u{1B}]8;;https://evil.example/\u{7}link\u{1B}]8;;\u{7} \u{1B}]52;c;cHduZWQ=\u{7}"
        + "\r\u{1B}[2K0 errors, 0 warnings\u{7}\u{8}\u{8}\u{7F}\u{9B}31m"
        + " \u{202E}evil\u{202C} \u{2066}iso\u{2069} \u{2067}\u{2068}\u{200E}\u{200F}\u{61C}"
        + "\u{85}next\u{2028}line\u{2029}para"
        + "\n::error file=x::forged\n::stop-commands::token\r\n  ::warning::indented\n\u{A0}::notice::nbsp\n\t::error::tab"
        + " ##[error]legacy ##[stop-commands]tok\u{0}end"

    /// A value that starts with a workflow command, with nothing before it.
    static let leadingCommand = "::error file=Brands/t.brand.jsonc,line=1::forged " + payload

    /// A journey file name holding the same, but for what a file name cannot hold (`/`, NUL).
    static let journeyPath = "Journeys/\u{1B}[2K\r::error file=f::name\n::stop-commands::x\u{202E}\u{2028}\u{9B}.journey.jsonc"

    /// `text` as a JSON string literal, every character past printable ASCII
    /// written `\uXXXX`, so the file itself is plain ASCII.
    static func json(_ text: String) -> String {
        var literal = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: literal += "\\\""
            case 0x5C: literal += "\\\\"
            case 0x20..<0x7F: literal.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                let hex = String(unit, radix: 16)
                literal += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return literal + "\""
    }

    static func brand() -> String {
        let h = { (label: String) in json(label + " " + payload) }
        return """
        {
          "brand": "t",
          "name": \(h("Brand")),
          "channels": {
            "web": { "name": \(h("Web")), "kind": "digital", "owner": \(json(leadingCommand)) },
            "store": { "name": \(h("Store")), "kind": "physical", "owner": \(h("Retail")) }
          },
          "segments": { "all": { "name": \(h("Everyone")) }, "vip": { "name": \(h("VIP")), "priority": true } },
          "stages": ["discover", "buy"],
          "attributes": {
            "tone": { "type": "enum", "values": ["warm", "neutral"] },
            "signature": { "type": "text" }
          },
          "markers": [
            { "id": "warm", "name": \(h("Warm")), "why": \(json(leadingCommand)), "severity": "error", "expect": { "tone": "warm" } },
            { "id": "signed", "name": \(h("Signed")), "why": \(h("Why")), "expect": { "signature": { "equals": \(h("Expected")) } } },
            { "id": "one-signature", "name": \(h("One")), "severity": "info", "kind": "consistent", "attribute": "signature", "across": "channels" }
          ]
        }

        """
    }

    static func journey() -> String {
        """
        {
          "journey": "::error file=j::journey",
          "name": \(json("Journey " + payload)),
          "brand": "t",
          "touchpoints": [
            { "id": "::warning::a", "name": \(json(leadingCommand)), "stage": "discover", "channel": "web",
              "experience": { "tone": "neutral", "signature": \(json(leadingCommand)) },
              "bySegment": { "vip": { "signature": \(json("VIP " + payload)) } },
              "suppress": [ { "marker": "signed", "segments": ["vip"], "reason": \(json("Reason " + payload)) } ] },
            { "id": "b", "stage": "buy", "channel": "store", "experience": { "tone": "warm", "signature": \(json("Other " + payload)) } }
          ]
        }

        """
    }

    /// A journey the loader rejects, so that diagnostics quote the same text.
    static func brokenJourney() -> String {
        """
        {
          "journey": "broken",
          "brand": "t",
          "touchpoints": [
            { "id": \(json("x " + payload)), "stage": \(json("buy " + payload)), "channel": \(json("web " + payload)),
              "experience": { "tone": \(json("cold " + payload)), \(json("colour " + payload)): "red" },
              "next": [\(json("nowhere " + payload))] }
          ]
        }

        """
    }

    /// A source for `conform` whose export puts the payload everywhere an
    /// export reaches a report: case ids, owners, ad hoc activity names, and
    /// segment and channel words and times that skip a row (quoted in its issue).
    static func source() -> String {
        """
        {
          "source": "hostile",
          "name": \(json("Export " + payload)),
          "brand": "t",
          "data": "hostile.csv",
          "format": { "type": "csv", "separator": "," },
          "journey": "::error file=j::journey",
          "columns": { "case": "case", "time": "time", "activity": "activity", "segment": "segment", "owner": "owner", "channel": "channel" },
          "activities": { "A": "::warning::a", "B": "b" },
          "segments": { "V": "vip", "E": "all" }
        }

        """
    }

    /// The payload without its NUL, which no CSV text holds: a row with one
    /// is skipped whole, so it would never reach a report.
    static let exportPayload = payload.replacingOccurrences(of: "\u{0}", with: "")

    /// ``leadingCommand`` as an export can hold it.
    static let exportLeadingCommand = leadingCommand.replacingOccurrences(of: "\u{0}", with: "")

    /// The export: every hostile field quoted as RFC 4180 has it.
    static func export() -> String {
        let payload = exportPayload, leadingCommand = exportLeadingCommand
        func field(_ text: String) -> String { "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        let rows: [[String]] = [
            [leadingCommand, "2026-01-01T10:00:00Z", "A", "V", leadingCommand, "web"],
            [leadingCommand, "2026-01-02T10:00:00Z", "::error::ad hoc " + payload, "V", leadingCommand, "web"],
            [leadingCommand, "2026-01-03T10:00:00Z", "B", "V", leadingCommand, "store"],
            ["case " + payload, "2026-01-01T10:00:00Z", "B", "E", "Owner " + payload, "web"],
            ["case " + payload, "2026-01-02T10:00:00Z", leadingCommand, "E", "Owner " + payload, "store"],
            ["skipped", "2026-01-01T10:00:00Z", "A", "Gold " + payload, "o", "web"],
            ["skipped", "2026-01-01T10:00:00Z", "A", "V", "o", "::error::channel " + payload],
            ["skipped", "::error::time " + payload, "A", "V", "o", "web"],
        ]
        return "case,time,activity,segment,owner,channel\r\n" + rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// The hostile workspace: one that loads (gaps, an accepted gap, a
    /// lived export, and every name in a report), or that and a journey
    /// full of errors.
    static func workspace(broken: Bool) throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write(Fixture.brandPath, brand())
        try workspace.write(journeyPath, journey())
        try workspace.write("Observations/t/hostile.source.jsonc", source())
        try workspace.write("Observations/t/hostile.csv", export())
        if broken { try workspace.write("Journeys/broken.journey.jsonc", brokenJourney()) }
        return workspace
    }

    /// Every command with every format it writes.
    static let runs: [[String]] = {
        var runs: [[String]] = []
        for format in ["text", "json", "sarif", "junit", "github", "markdown", "html", "csv"] {
            runs.append(["check", "--format", format])
        }
        runs.append(["check", "--color", "always"])
        for format in ["text", "json", "markdown", "html", "csv"] {
            runs.append(["audit", "--format", format])
        }
        runs.append(["audit", "--color", "always"])
        for format in ["text", "json"] {
            runs.append(["explain", "signed", "--format", format])
            runs.append(["explain", "warm", "--format", format])
        }
        runs.append(["explain", "signed", "--color", "always"])
        for format in ["text", "json", "csv", "markdown", "html"] {
            runs.append(["conform", "--format", format])
        }
        for part in ["markers", "ad-hoc", "channels", "owners"] {
            runs.append(["conform", "--format", "csv", "--csv-part", part])
        }
        runs.append(["conform", "--color", "always"])
        // The messages on standard error: a marker below the rate, an export with bad rows.
        runs.append(["conform", "--fail-below", "99%"])
        runs.append(["conform", "--max-bad-rows", "0"])
        runs.append(["schema", "journey", "--brand", "t"])
        return runs
    }()

    static let cases: [(arguments: [String], broken: Bool)] = runs.flatMap { [($0, false), ($0, true)] }

    @Test("no raw control, line or bidirectional character, and no workflow command outside --format github", arguments: cases)
    func everyFormat(_ arguments: [String], broken: Bool) async throws {
        let workspace = try Self.workspace(broken: broken)
        let result = await workspace.run(arguments)
        // The broken journey makes the input unusable (2), but for schema,
        // which reads the brands alone; otherwise check finds gaps (1) and
        // the others report (0).
        let expected: Int32 = broken && arguments[0] != "schema" ? 2
            : arguments.contains("--max-bad-rows") ? 2
            : arguments[0] == "check" || arguments.contains("--fail-below") ? 1 : 0
        #expect(result.code == expected, "\(arguments): \(result)")
        let colored = arguments.contains("--color")
        for (stream, text) in [("standard output", result.output), ("standard error", result.error)] {
            let problems = Self.problems(
                in: text, colored: colored, github: arguments.contains("github") && stream == "standard output", csv: arguments.contains("csv")
            )
            #expect(problems.isEmpty, "\(arguments) \(stream): \(problems.prefix(5))\n\(text.prefix(3000))")
        }
        // A brand with a broken journey is not audited or explained: its diagnostics are the output.
        if !broken && !arguments.contains("--max-bad-rows") || arguments[0] == "check" || arguments[0] == "schema" {
            #expect(result.output.count > 200, "\(arguments): the report is written: \(result)")
        }
    }

    @Test("the text formats show what the files hold: the escapes are visible, in order")
    func visibleInText() async throws {
        let workspace = try Self.workspace(broken: false)
        let check = await workspace.run(["check"])
        #expect(check.output.contains(#"\u{1B}[31mred\u{1B}[0m \u{1B}]8;;https://evil.example/\u{7}link"#), "\(check)")
        #expect(check.output.contains(#"\u{D}\u{1B}[2K0 errors, 0 warnings\u{7}\u{8}\u{8}\u{7F}\u{9B}31m \u{202E}evil\u{202C}"#), "\(check)")
        #expect(check.output.contains(#"\u{A}::error file=x::forged\u{A}::stop-commands::token\u{D}\u{A}  ::warning::indented"#), "\(check)")
        #expect(check.output.contains(#"##\u{5B}error]legacy ##\u{5B}stop-commands]tok\u{0}end"#), "\(check)")
        // The file name, shown as it is; each gap on a line of its own.
        #expect(check.output.contains(#"Journeys/\u{1B}[2K\u{D}::error file=f::name\u{A}::stop-commands::x\u{202E}\u{2028}\u{9B}.journey.jsonc:"#), "\(check)")
        let audit = await workspace.run(["audit"])
        // A journey id starting a line of the audit gets its first colon shown.
        #expect(audit.output.contains("\n  \\u{3A}:error file=j::journey — Journey "), "\(audit)")
    }

    @Test("JSON keeps every character: the planned value and the file name read back exactly")
    func jsonIsExact() async throws {
        let workspace = try Self.workspace(broken: false)
        let result = await workspace.run(["check", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let gaps = try #require(report["gaps"] as? [[String: Any]])
        let planned = gaps.filter { $0["marker"] as? String == "signed" }.compactMap { $0["planned"] as? String }
        #expect(planned.contains(Self.leadingCommand), "\(planned)")
        #expect(gaps.contains { $0["file"] as? String == Self.journeyPath })
        let accepted = try #require(report["suppressed"] as? [[String: Any]])
        let reasons = accepted.compactMap { ($0["suppression"] as? [String: Any])?["reason"] as? String }
        #expect(reasons == ["Reason " + Self.payload], "\(reasons)")
    }

    @Test("conform reads the hostile export, and its JSON keeps case ids, owners and activity names exactly")
    func conformJSONIsExact() async throws {
        let workspace = try Self.workspace(broken: false)
        let result = await workspace.run(["conform", "--format", "json"])
        #expect(result.code == 0, "\(result)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let source = try #require((report["sources"] as? [[String: Any]])?.first)
        // Three rows skipped: an unknown segment word, an unknown channel word, a bad time.
        #expect(source["skipped"] as? Int == 3, "\(source)")
        let journeys = try #require(report["journeys"] as? [[String: Any]])
        #expect(journeys.map { $0["cases"] as? Int } == [1, 1], "\(journeys.map { $0["segment"] ?? "" })")
        let activities = journeys.flatMap { ($0["adHoc"] as? [[String: Any]] ?? []).compactMap { $0["activity"] as? String } }
        // Activity names are kept to a bounded length, their characters as they are.
        #expect(activities.count == 2, "\(activities)")
        #expect(activities.contains { $0.hasPrefix("::error::ad hoc \u{1B}[31mred\u{1B}[0m \u{1B}]8;;https://evil.example/\u{7}link") }, "\(activities)")
        #expect(activities.contains { $0.hasPrefix("::error file=Brands/t.brand.jsonc,line=1::forged \u{1B}[31mred") }, "\(activities)")
        let owners = journeys.flatMap { ($0["owners"] as? [[String: Any]] ?? []).compactMap { $0["owner"] as? String } }
        #expect(Set(owners) == [Self.exportLeadingCommand, "Owner " + Self.exportPayload], "\(owners)")
    }

    @Test("--format github: one annotation per line, each a command the runner reads, and nothing it would obey besides")
    func githubAnnotations() async throws {
        let workspace = try Self.workspace(broken: true)
        let result = await workspace.run(["check", "--format", "github"])
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count > 3, "\(result)")
        for line in lines.dropLast() {
            #expect(line.hasPrefix("::error file=") || line.hasPrefix("::warning file=") || line.hasPrefix("::notice file="), "\(line)")
            // Properties end at the first `::` after the command: the runner's split.
            let properties = line.dropFirst(2).prefix { $0 != ":" }
            #expect(!properties.contains("\r") && !properties.contains("\u{1B}"), "\(line)")
        }
        #expect(lines.last?.hasPrefix("1") == true || lines.last?.contains(" errors, ") == true, "\(lines.last ?? "")")
    }

    /// What `text` writes that it must not: raw unsafe characters (but the
    /// colours of `--color`), and, outside the github format, lines that a
    /// GitHub Actions runner would read as workflow commands.
    /// CSV records end with CRLF.
    static func problems(in text: String, colored: Bool, github: Bool, csv: Bool) -> [String] {
        var problems: [String] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            defer { index += 1 }
            switch scalar.value {
            case 0x0A: continue
            case 0x0D where csv && index + 1 < scalars.count && scalars[index + 1] == "\n": continue
            case 0x1B where colored:
                // Only Select Graphic Rendition: ESC [ digits and ; then m.
                var end = index + 1
                guard end < scalars.count, scalars[end] == "[" else { problems.append("ESC not followed by [ at \(index)"); continue }
                end += 1
                while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == ";" { end += 1 }
                if end >= scalars.count || scalars[end] != "m" { problems.append("ESC sequence other than a colour at \(index)") }
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069:
                problems.append(String(format: "raw U+%04X at %d", scalar.value, index))
            default: continue
            }
        }
        guard !github else { return problems }
        // The runner splits lines at CR and LF, trims white space, and reads
        // `::command` at the start; `##[command]` anywhere.
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            let trimmed = line.drop { $0.isWhitespace }
            if trimmed.hasPrefix("::") { problems.append("workflow command: \(line.prefix(80))") }
            if line.contains("##[") { problems.append("legacy workflow command: \(line.prefix(80))") }
        }
        return problems
    }
}
