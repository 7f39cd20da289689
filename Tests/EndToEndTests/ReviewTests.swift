import Foundation
import Testing

/// `throughline review` on the bundled Zignature pipeline, as a sales manager runs it.
@Suite("End-of-period review, end to end")
struct ReviewTests {
    @Test("The bundled pipeline gives the reviewed text, JSON, Markdown and HTML reviews of 2026-Q3, and exits 0")
    func bundledReview() throws {
        let text = try ToolRunner.run(["review", "--period", "2026-Q3"])
        #expect(text.status == 0)
        #expect(text.error.isEmpty)
        #expect(try Golden.matches(text.output, file: "review.txt"), "differs from Golden/review.txt")
        let json = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "json"])
        #expect(json.status == 0)
        #expect(try Golden.matches(json.output, file: "review.json"), "differs from Golden/review.json")
        for (format, file) in [("markdown", "review.md"), ("html", "review.html")] {
            let run = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", format])
            #expect(run.status == 0)
            #expect(try Golden.matches(run.output, file: file), "differs from Golden/\(file)")
        }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(report["previous"] as? String == "2026-Q2")
        let brands = try #require(report["brands"] as? [[String: Any]])
        let zignature = try #require(brands.first { $0["brand"] as? String == "zignature" })
        let kpis = try #require(zignature["kpis"] as? [[String: Any]])
        // What the course finds: one rep with twice the discovery meetings of the others…
        let meetings = try #require(kpis.first { $0["name"] as? String == "Discovery meetings (RDV-D) per rep" })
        let owners = try #require(meetings["owners"] as? [[String: Any]])
        #expect(owners.filter { $0["outlier"] as? String == "high" }.map { $0["owner"] as? String } == ["j.martin"])
        #expect(owners.map { $0["count"] as? Int } == [39, 78, 39, 39])
        // …whose meetings are the ones held without a qualification call…
        let qualified = try #require(kpis.first { $0["name"] as? String == "Discovery meetings held with a qualified prospect" })
        let missed = try #require(qualified["owners"] as? [[String: Any]]).filter { $0["met"] as? Bool == false }
        #expect(missed.map { $0["owner"] as? String } == ["j.martin"])
        // …and objectives exceeded: 142 % of 100 k€ in Q2 for the median rep, the objective now 120 k€.
        let revenue = try #require(kpis.first { $0["name"] as? String == "Revenue signed against objective" })
        #expect((revenue["objective"] as? [String: Any])?["atLeast"] as? Double == 120_000)
        #expect((revenue["history"] as? [Any])?.count == 2)
        #expect(try #require(revenue["owners"] as? [[String: Any]]).allSatisfy { $0["met"] as? Bool == true })
    }

    @Test("The review of 2026-Q2 finds the 140 % that raised the revenue objective")
    func secondQuarter() throws {
        let text = try ToolRunner.run(["review", "--period", "2026-Q2", "Brands", "Journeys", "Observations/zignature"])
        #expect(text.status == 0)
        #expect(text.output.contains("Raise the objective of 'Revenue signed against objective' (≥ 100000): 142 % reached."))
    }

    @Test("--redact hides every case id and owner; a missing or malformed --period exits 2")
    func redactionAndBadArguments() throws {
        let environment = ["THROUGHLINE_REDACT_KEY": "a key for tests"]
        let redacted = try ToolRunner.run(["review", "--period", "2026-Q3", "--redact", "--format", "json"], environment: environment)
        #expect(redacted.status == 0)
        for personal in ["OPP-3", "j.martin", "a.dubois", "SAV-10", "Claire M."] { #expect(!redacted.output.contains(personal), "\(personal)") }
        #expect(redacted.output.contains("\"h:"))
        let missing = try ToolRunner.run(["review"])
        #expect(missing.status == 2)
        #expect(missing.error.contains("review needs --period"))
        let malformed = try ToolRunner.run(["review", "--period", "2026-Q5"])
        #expect(malformed.status == 2)
        let mismatched = try ToolRunner.run(["review", "--period", "2026-Q3", "--previous", "2026-06"])
        #expect(mismatched.status == 2)
        #expect(mismatched.error.contains("not a period of the same length"))
    }

    @Test("CSV: one row per KPI and owner, the same bytes in every run")
    func csv() throws {
        let first = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "csv"])
        let second = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "csv"])
        #expect(first.status == 0 && first.output == second.output)
        let lines = first.output.split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("period,brand,journey,stage,kpi,") == true)
        #expect(lines.contains { $0.contains("Discovery meetings (RDV-D) per rep") && $0.contains(",j.martin,6,,78,") })
    }

    @Test("A KPI name and an owner written to fool a report are escaped in every format; HTML and Markdown are the same bytes in every run")
    func hostileNamesAreEscaped() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Brands", "Journeys", "Observations"] {
            try FileManager.default.copyItem(at: ToolRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let journey = folder.appendingPathComponent("Journeys/zignature/new-business.journey.jsonc")
        let original = try String(contentsOf: journey, encoding: .utf8)
        try Fixtures.write(original.replacingOccurrences(of: "Discovery meetings (RDV-D) per rep", with: "=HYPERLINK(1) <b>|*x*</b> \\u001b[2J"), to: journey)
        let export = folder.appendingPathComponent("Observations/zignature/crm-pipeline.csv")
        let rows = try String(contentsOf: export, encoding: .utf8)
        try Fixtures.write(rows.replacingOccurrences(of: ",s.leroy,", with: ",<i>s.leroy</i>\u{202E},"), to: export)
        let html = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "html"], in: folder)
        #expect(html.status == 0)
        #expect(!html.output.contains("<b>") && !html.output.contains("<i>") && html.output.contains("&lt;b&gt;"))
        #expect(try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "html"], in: folder).output == html.output)
        #expect(html.output.contains("<svg") && html.output.contains("Calibration of the forecasts"))
        let markdown = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "markdown"], in: folder)
        #expect(markdown.output.contains("\\|\\*x\\*") && !markdown.output.contains("<b>"))
        let text = try ToolRunner.run(["review", "--period", "2026-Q3"], in: folder)
        #expect(!text.output.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{202E}" })
        #expect(text.output.contains("\\u{202E}"))
        let csv = try ToolRunner.run(["review", "--period", "2026-Q3", "--format", "csv"], in: folder)
        #expect(csv.output.contains(",'=HYPERLINK(1)") && !csv.output.contains(",=HYPERLINK"))
    }
}
