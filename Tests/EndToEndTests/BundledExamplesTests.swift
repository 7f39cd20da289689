import Foundation
import Testing

/// The bundled examples, run as `swift run throughline` runs them: the gaps
/// they hold on purpose, exit code 1, and byte-identical output.
@Suite("Bundled examples, end to end")
struct BundledExamplesTests {
    @Test("`throughline` with no argument checks Brands/ and Journeys/ and exits 1")
    func defaultRun() throws {
        let outcome = try ToolRunner.run([])
        #expect(outcome.status == 1)
        #expect(outcome.error.isEmpty)
        #expect(try Golden.matches(outcome.output, file: "check.txt"), "differs from Golden/check.txt")
        #expect(outcome.output.hasSuffix("3 errors, 11 warnings, 2 infos in 6 files (3 journeys, 39 touchpoints); 2 gaps accepted (suppressions or baseline); 16 gaps at 14 places\n"))
    }

    @Test("The JSON report follows the contract and lists the intended gaps")
    func jsonContract() throws {
        let outcome = try ToolRunner.run(["check", "--format", "json"])
        #expect(outcome.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let diagnostics = try #require(report["diagnostics"] as? [[String: Any]])
        let gaps = try #require(report["gaps"] as? [[String: Any]])
        let suppressed = try #require(report["suppressed"] as? [[String: Any]])
        let summary = try #require(report["summary"] as? [String: Int])
        #expect(diagnostics.isEmpty)
        #expect(gaps.count == 16)
        #expect(suppressed.count == 2)
        #expect(summary == ["files": 6, "journeys": 3, "touchpoints": 39, "errors": 3, "warnings": 11, "infos": 2, "suppressed": 2])

        let contract = ["marker", "severity", "brand", "journey", "touchpoint", "segment", "channel", "stage",
                        "file", "line", "column", "expected", "planned", "message"]
        for gap in gaps {
            for key in contract { #expect(gap.keys.contains(key), "gap lacks \(key)") }
        }
        // Sorted by file, line, column.
        let places = gaps.map { ($0["file"] as? String ?? "", $0["line"] as? Int ?? 0, $0["column"] as? Int ?? 0) }
        #expect(zip(places, places.dropFirst()).allSatisfy { $0 <= $1 })

        // The intended gaps, by marker, journey, touchpoint and segment.
        let found = Set(gaps.map { gap in
            [gap["marker"], gap["journey"], gap["touchpoint"], gap["segment"]].map { ($0 as? String) ?? "-" }.joined(separator: " ")
        })
        #expect(found == [
            "named-advisor care-and-repair care-chat premium",
            "one-signature care-and-repair care-chat premium",
            "one-signature care-and-repair care-chat regulars",
            "context-follows-the-customer care-and-repair diagnosis-call regulars",
            "fast-reply care-and-repair repair-quote-mail regulars",
            "signed-messages care-and-repair workshop-photos-push premium",
            "signed-messages care-and-repair workshop-photos-push regulars",
            "premium-no-discount care-and-repair winback-offer-push premium",
            "formal-address first-purchase chat-advice newcomers",
            "house-tone first-purchase order-confirmation newcomers",
            "ritual-every-stage first-purchase - premium",
            "two-messages-a-week first-purchase care-tips-in-app newcomers",
            "recap-within-a-day new-business demo-with-users smb",
            "five-exchanges-at-most new-business proposal-meeting key-accounts",
            "odds-rise-to-closing new-business negotiation-call mid-market",
            "kpis-per-stage new-business - -",
        ])
        let progression = try #require(gaps.first { $0["marker"] as? String == "odds-rise-to-closing" })
        #expect(progression["file"] as? String == "Journeys/zignature/new-business.journey.jsonc")
        #expect(progression["line"] as? Int == 171)
        #expect(progression["column"] as? Int == 43)
        #expect(progression["expected"] as? String == "winProbability ≥ 50 (as at proposal-recap)")
        #expect(progression["planned"] as? String == "40")
        #expect(suppressed.allSatisfy { ($0["suppression"] as? [String: Any])?["reason"] is String })
    }

    @Test("Same files, byte-identical reports", arguments: [
        ["check"], ["check", "--format", "json"], ["audit"], ["audit", "--format", "json"], ["explain", "one-signature"],
    ])
    func deterministic(arguments: [String]) throws {
        let first = try ToolRunner.run(arguments)
        let second = try ToolRunner.run(arguments)
        #expect(first.output == second.output)
        #expect(!first.output.isEmpty)
    }

    @Test("Giving the folders explicitly, or the files one by one, gives the same report")
    func explicitPaths() throws {
        let implicit = try ToolRunner.run(["--format", "json"])
        let folders = try ToolRunner.run(["check", "Brands", "Journeys", "--format", "json"])
        let files = try ToolRunner.run([
            "check", "--format", "json",
            "Journeys/zignature/new-business.journey.jsonc", "Brands/zignature.brand.jsonc",
            "Journeys/maison-aurele/first-purchase.journey.jsonc", "Brands/aurele-group.charter.jsonc",
            "Journeys/maison-aurele/care-and-repair.journey.jsonc", "Brands/maison-aurele.brand.jsonc",
        ])
        #expect(folders.output == implicit.output)
        #expect(files.output == implicit.output)
    }

    @Test("The audit puts priority segments first and matches its reviewed text")
    func audit() throws {
        // A given date: the files' own dates change with every checkout.
        let text = try ToolRunner.run(["audit", "--date", "2026-09-30"])
        #expect(text.status == 0)
        #expect(try Golden.matches(text.output, file: "audit.txt"), "differs from Golden/audit.txt")

        let json = try ToolRunner.run(["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        let order = segments.map { "\($0["brand"] ?? "")/\($0["segment"] ?? "")" }
        #expect(order == [
            "maison-aurele/premium", "zignature/key-accounts",
            "maison-aurele/newcomers", "maison-aurele/regulars", "zignature/smb", "zignature/mid-market",
        ])
        for segment in segments {
            for key in ["segment", "priority", "score", "byChannel", "byMarker", "matrix", "gaps", "actions"] {
                #expect(segment.keys.contains(key), "segment lacks \(key)")
            }
        }
        #expect((report["weights"] as? [String: Int]) == ["error": 3, "warning": 2, "info": 1])
    }

    @Test("--segment keeps one segment")
    func auditOneSegment() throws {
        let outcome = try ToolRunner.run(["audit", "--segment", "key-accounts", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(outcome.output.utf8)) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        #expect(segments.count == 1)
        #expect(segments.first?["segment"] as? String == "key-accounts")
        #expect(segments.first?["score"] as? Double == 94.5)
    }
}

@Suite("The director's report on the bundled examples")
struct DirectorsReportEndToEndTests {
    @Test("Three segments have open error-level gaps: none of them reads as fine")
    func statuses() throws {
        let json = try ToolRunner.run(["audit", "--format", "json", "--date", "2026-09-30"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let segments = try #require(report["segments"] as? [[String: Any]])
        let statuses = Dictionary(uniqueKeysWithValues: segments.map { ("\($0["brand"] ?? "")/\($0["segment"] ?? "")", $0["status"] as? String ?? "") })
        #expect(statuses.filter { $0.value == "broken" }.keys.sorted() == ["maison-aurele/premium", "maison-aurele/regulars", "zignature/mid-market"])
        #expect((report["context"] as? [String: Any])?["date"] as? String == "2026-09-30")
        let brands = try #require(report["brands"] as? [[String: Any]])
        // The care-chat signature gap is one action for premium and regulars.
        let actions = try #require(brands.first?["topActions"] as? [[String: Any]])
        let signature = actions.first { $0["marker"] as? String == "one-signature" && $0["touchpoint"] as? String == "care-chat" }
        #expect(signature?["segments"] as? [String] == ["premium", "regulars"])
    }

    @Test("--compare shows what changed since a previous audit, and refuses a file that is not one")
    func compare() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let previous = folder.appendingPathComponent("previous.json")
        let json = try ToolRunner.run(["audit", "--format", "json", "--segment", "premium", "--date", "2026-06-30"])
        try Fixtures.write(json.output, to: previous)
        let same = try ToolRunner.run(["audit", "--format", "markdown", "--compare", previous.path, "--date", "2026-09-30"])
        #expect(same.status == 0)
        // The previous audit is named by its file name, not the runner's folder.
        #expect(same.output.contains("### What changed — Since 2026-06-30 (previous.json)"))
        #expect(!same.output.contains(folder.path))
        // premium did not change; the other five segments are new since that audit, with every gap new.
        #expect(same.output.contains("| `maison-aurele/premium` | 97.6% | 97.6% | ±0 | charter broken | 0 | 0 |"))
        #expect(same.output.contains("| `zignature/smb` | n/a | 94.7% | — | new: at risk | 2 | 0 |"))

        let broken = folder.appendingPathComponent("broken.json")
        try Fixtures.write("{ \"segments\": [ { \"segment\": 1 } ] }", to: broken)
        let refused = try ToolRunner.run(["audit", "--compare", broken.path])
        #expect(refused.status == 2)
        #expect(refused.error.contains("broken.json:1:17: error: 'brand' is missing"))
        #expect(refused.output.isEmpty)
        let missing = try ToolRunner.run(["audit", "--compare", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 2 && missing.error.contains("cannot read the previous audit"))
        // The previous audit is never the report's destination.
        let overwrite = try ToolRunner.run(["audit", "--format", "json", "--compare", previous.path, "--output", previous.path])
        #expect(overwrite.status == 2)
    }

    @Test("without --date the report says the date was not given: never the files' modification times")
    func noDate() throws {
        let text = try ToolRunner.run(["audit"])
        #expect(text.output.contains("Date of the data not given (--date YYYY-MM-DD)"))
        let json = try ToolRunner.run(["audit", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let context = try #require(report["context"] as? [String: Any])
        #expect(context["date"] is NSNull)
    }

    @Test("--date must be a calendar date")
    func date() throws {
        for bad in ["2026-02-30", "26-09-30", "2026-9-30", "yesterday", "2026-13-01"] {
            let outcome = try ToolRunner.run(["audit", "--date", bad])
            #expect(outcome.status == 2, "\(bad)")
            #expect(outcome.error.contains("is not a date"), "\(bad)")
        }
        #expect(try ToolRunner.run(["audit", "--date", "2028-02-29"]).status == 0)
    }

    @Test("--csv-part scores gives the scores table; the default, one row per gap")
    func csvParts() throws {
        let gaps = try ToolRunner.run(["audit", "--format", "csv"])
        let scores = try ToolRunner.run(["audit", "--format", "csv", "--csv-part", "scores"])
        #expect(gaps.output.hasPrefix("brand,severity,status,segments,"))
        #expect(scores.output.hasPrefix("brand,segment,priority,section,"))
        // One row per distinct gap: the headlines' 10 + 4 open ones, and the repair letter's
        // accepted signature, which premium and regulars share.
        #expect(gaps.output.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.count == 10 + 4 + 1)
    }
}
