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
        #expect(sources.map { $0["source"] as? String } == ["care-tickets", "store-appointments", "crm-meetings", "crm-opportunities", "crm-pipeline"])
        // The two rows written wrong on purpose, and the duplicated ones.
        #expect(sources.first?["skipped"] as? Int == 2)
        #expect(sources.first?["duplicates"] as? Int == 4)
        #expect(report["version"] as? Int == 1)
    }

    @Test("Markdown and CSV give the reviewed reports; the CSV rows hold the counts and rates of the bundled exports")
    func markdownAndCSV() throws {
        let markdown = try ToolRunner.run(["conform", "--format", "markdown"])
        #expect(markdown.status == 0)
        #expect(try Golden.matches(markdown.output, file: "conform.md"), "differs from Golden/conform.md")
        let csv = try ToolRunner.run(["conform", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(try Golden.matches(csv.output, file: "conform.csv"), "differs from Golden/conform.csv")
        let rows = csv.output.split(separator: "\r\n").map(String.init)
        // A header, then 11 + 12 + 15 + 13 + 11 + 11 + 12 planned touchpoints (the seven journeys of conform.json).
        #expect(rows.count == 1 + 85)
        // Premium care: 12 of 14 cases completed the home diagnosis, 2 missed it.
        #expect(rows.contains("maison-aurele,premium,true,care-and-repair,4,home-diagnosis,home,support,14,12,0.8571,0,0,2,0.1429,0,0,0,0,0,0,0,0"))
        // Regulars: 3 of 13 approved the quote out of sequence, 2 of them late.
        #expect(rows.contains("maison-aurele,regulars,false,care-and-repair,6,quote-approval,app,support,13,10,0.7692,0,0,0,0,3,0.2308,0,0,0,0,2,0.1538"))
        let markers = try ToolRunner.run(["conform", "--format", "csv", "--csv-part", "markers"])
        // fast-reply for premium: 8 of 14 cases; 27 lived replies, median PT1H10M (4,200 s), 90th percentile PT4H20M (15,600 s) against PT2H.
        #expect(markers.output.contains("\r\nmaison-aurele,premium,true,care-and-repair,fast-reply,expectation,warning,met,14,8,0.5714,responseTime,7200,27,4200,15600\r\n"))
        #expect(markers.output.contains("\r\nzignature,key-accounts,true,new-business,kpis-per-stage,"))
        let owners = try ToolRunner.run(["conform", "--format", "csv", "--csv-part", "owners"])
        #expect(owners.output.hasPrefix("brand,segment,priority,journey,owner,cases,as_planned,as_planned_rate\r\n"))
        #expect(owners.output.contains("\r\nmaison-aurele,regulars,false,care-and-repair,Hugo B.,13,0,0\r\n"))
        let unknown = try ToolRunner.run(["conform", "--format", "csv", "--csv-part", "gaps"])
        #expect(unknown.status == 2)
    }

    @Test("The store appointments and the CRM opportunities give the figures their rows say, counted by hand")
    func appointmentsAndOpportunities() throws {
        let json = try ToolRunner.run(["conform", "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        let sources = try #require(report["sources"] as? [[String: Any]])
        /// A source's figures: rows, events, skipped rows by kind, duplicates, cases, unmatched cases by reason.
        func figures(of id: String) -> [String]? {
            sources.first { $0["source"] as? String == id }.map { source in
                let skipped = (source["skippedByKind"] as? [String: Int] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                let unmatched = (source["unmatched"] as? [String: Int] ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                return ["rows", "events", "duplicates", "cases"].map { "\($0) \(source[$0] as? Int ?? -1)" } + skipped + unmatched
            }
        }
        // 228 rows under the header: 35 files of the first purchase (RDV-101 to 135), 3 Silver files, 4 rows written wrong;
        // RDV-130's visit is written twice.
        #expect(figures(of: "store-appointments") == [
            "rows 228", "events 224", "duplicates 1", "cases 38",
            "bad-time 1", "unknown-channel-word 1", "unknown-segment-word 1", "unreadable-row 1", "journey-not-for-segment 3",
        ])
        // 34 opportunities (ZO-7001 to 7034), 4 lines written wrong.
        #expect(figures(of: "crm-opportunities") == [
            "rows 411", "events 407", "duplicates 0", "cases 34", "bad-time 1", "bad-value 1", "unknown-segment-word 1", "unreadable-row 1",
        ])

        let csv = try ToolRunner.run(["conform", "--format", "csv"]).output.split(separator: "\r\n").map(String.init)
        // 15 Gold files: 13 lived the visit in sequence, 2 of them with the advisor on duty (RDV-123, 130: failing);
        // RDV-127 missed it (a no-show, then the order by phone), RDV-133 never came back; RDV-126 was fitted at home,
        // RDV-125 came eight days after the invitation (planned within five).
        #expect(csv.contains("maison-aurele,premium,true,first-purchase,5,store-visit,store,choose,15,11,0.7333,2,0.1333,1,0.0667,0,0,1,0.0667,1,0.0667,1,0.0667"))
        // 20 newcomers: RDV-107 and 111 never ordered, RDV-108's order was checked in before the visit; RDV-106 ordered by
        // phone and RDV-115 in the boutique after a fitting at home (both failing: no context carried, no answer time);
        // late: RDV-106 and 108 more than two days after the invitation, RDV-114 six days after the visit.
        #expect(csv.contains("maison-aurele,newcomers,false,first-purchase,6,order-in-store,store,buy,20,15,0.75,2,0.1,0,0,1,0.05,2,0.1,1,0.05,3,0.15"))

        // The opportunities alone, without the pipeline's deals.
        let folder = try ToolRunner.planFolder(
            brand: "zignature", files: ["Observations/zignature/crm-opportunities.source.jsonc", "Observations/zignature/crm-opportunities.jsonl"]
        )
        defer { try? FileManager.default.removeItem(at: folder) }
        let markers = try ToolRunner.run(["conform", "--format", "csv", "--csv-part", "markers"], in: folder)
        #expect(markers.status == 0, "\(markers.error)")
        // 10 of the 12 key accounts reached a proposal: ZO-7023, 7024, 7025 held the six exchange meetings, ZO-7029 seven.
        #expect(markers.output.contains("\r\nzignature,key-accounts,true,new-business,five-exchanges-at-most,sequence,warning,broken,10,6,0.6,,,,,\r\n"))
        // ZO-7030 went to discovery without the call.
        #expect(markers.output.contains("\r\nzignature,key-accounts,true,new-business,qualify-by-phone-first,sequence,error,met,12,11,0.9167,,,,,\r\n"))
        // Mid-market: procurement's 40 % at negotiation (ZO-7014, 7015, 7016), the security review at 30 % after the
        // proposal's 50 % (ZO-7017); the others rise to 60 % at negotiation, which the plan does not.
        #expect(markers.output.contains("\r\nzignature,mid-market,false,new-business,odds-rise-to-closing,progression,error,broken,12,8,0.6667,,,,,\r\n"))
        // Small businesses: 8 calls on the phone (ZO-7005 had none, ZO-7007's was on video), seven of 15 minutes and
        // ZO-7006's of 35: the median 900 s, the 90th percentile (the 8th of 8) 2,100 s.
        #expect(markers.output.contains("\r\nzignature,smb,false,new-business,short-qualification-call,expectation,warning,met,8,7,0.875,meetingLength,900,8,900,2100\r\n"))
    }

    @Test("The HTML page is self-contained and draws each journey with the lived flows, departures marked")
    func html() throws {
        let run = try ToolRunner.run(["conform", "--format", "html"])
        #expect(run.status == 0)
        let page = run.output
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"))
        #expect(!page.contains("<script"))
        #expect(!page.contains("http://") && !page.contains("https://"))
        let sections = Array(page.components(separatedBy: "<section class=\"journey\"")[1...])
        #expect(sections.count == 7)
        #expect(sections.map { $0.hasPrefix(" id=\"journey-") } == Array(repeating: true, count: 7))
        let premium = try #require(sections.first)
        #expect(premium.contains("data-journey=\"maison-aurele/premium/care-and-repair\" data-cases=\"14\" data-as-planned=\"0\""))
        // One box per planned touchpoint, the missed home diagnosis striped and counted.
        #expect(premium.components(separatedBy: "<g class=\"touchpoint").count - 1 == 11)
        #expect(premium.contains("<g class=\"touchpoint missing\" data-touchpoint=\"home-diagnosis\" data-lived=\"12\" data-missing=\"2\" data-out-of-sequence=\"0\">"))
        #expect(premium.contains("<rect class=\"pattern missing\""))
        #expect(premium.contains("✕ 2 missing"))
        // Planned steps carry their lived counts, 0 where no case went; the unplanned flow is told apart.
        #expect(premium.contains("<g class=\"flow-count planned\" data-from=\"care-chat\" data-to=\"diagnosis-call\" data-cases=\"14\">"))
        #expect(premium.contains("<g class=\"flow-count planned\" data-from=\"repair-report-letter\" data-to=\"winback-offer-push\" data-cases=\"0\">"))
        #expect(premium.contains("<g class=\"flow-count unplanned\" data-from=\"diagnosis-call\" data-to=\"repair-quote-mail\" data-cases=\"2\">"))
        #expect(premium.contains("<path class=\"flow unplanned\""))
        #expect(premium.contains("<g class=\"touchpoint unlived\" data-touchpoint=\"winback-offer-push\""))
        // Markers worst first: named-advisor (0.0%, error) before one-signature (0.0%, warning) before signed-messages (21.4%).
        let order = ["data-marker=\"named-advisor\"", "data-marker=\"one-signature\"", "data-marker=\"signed-messages\"", "data-marker=\"no-hard-sell\""]
        let places = order.compactMap { premium.range(of: $0)?.lowerBound }
        #expect(places.count == 4 && places == places.sorted())
        let regulars = sections[4]
        #expect(regulars.contains("<g class=\"touchpoint out-of-sequence\" data-touchpoint=\"quote-approval\" data-lived=\"13\" data-missing=\"0\" data-out-of-sequence=\"3\">"))
        #expect(regulars.contains("⇄ 3 out of seq."))
        // The action plan, worst first (at most ten): Zignature's 155 key-account cases (143 of the pipeline, 12 opportunities) lead it.
        #expect(page.contains("<ol class=\"actions\">\n<li data-departure=\"broken-marker\"><span class=\"badge warning\">warning</span> <strong>155 cases (100.0%)</strong> breaking <code>kpis-per-stage</code>"))
        #expect(page.contains("<code class=\"case\">SAV-1001</code>"))
        let redacted = try ToolRunner.run(["conform", "--format", "html", "--redact"], environment: ["THROUGHLINE_REDACT_KEY": "a key for tests"])
        #expect(redacted.status == 0)
        for personal in ["SAV-10", "OPP-24", "RDV-1", "ZO-70", "Claire M.", "Inès R.", "j.martin"] { #expect(!redacted.output.contains(personal), "\(personal)") }
        #expect(redacted.output.contains("<code class=\"case\">h:"))
    }

    @Test("--redact replaces every case id and owner by the same keyed hash in every run")
    func redaction() throws {
        let environment = ["THROUGHLINE_REDACT_KEY": "a key for tests"]
        let first = try ToolRunner.run(["conform", "--redact", "--format", "json"], environment: environment)
        let second = try ToolRunner.run(["conform", "--redact", "--format", "json"], environment: environment)
        #expect(first.status == 0)
        #expect(first.output == second.output)
        for personal in ["SAV-10", "OPP-24", "RDV-1", "ZO-70", "Claire M.", "Inès R.", "j.martin"] { #expect(!first.output.contains(personal), "\(personal)") }
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
        // The store appointments and the CRM opportunities have four each.
        let four = try ToolRunner.run(["conform", "--max-bad-rows", "3"])
        #expect(four.status == 2)
        #expect(four.error.contains("error: Observations/maison-aurele/store-appointments.tsv: more than 3 rows cannot be read"))
        let lenient = try ToolRunner.run(["conform", "--max-bad-rows", "4"])
        #expect(lenient.status == 0)
    }

    @Test("An export that cannot be read to its end, or whose header names a column twice, exits 2 located in the export")
    func exportsReadOnlyInPart() throws {
        let pipeline = "Observations/zignature/crm-pipeline.csv"
        let folder = try ToolRunner.planFolder(brand: "zignature", files: [pipeline, "Observations/zignature/crm-pipeline.source.jsonc"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = folder.appendingPathComponent(pipeline)
        let original = try String(contentsOf: export, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        // Row 4: OPP-3001,28/03/2026 09:00,Call - qualification,Mid-Market,a.dubois,10,9000
        lines[3] = lines[3].replacingOccurrences(of: "a.dubois", with: "\"Jean")
        try Fixtures.write(lines.joined(separator: "\n"), to: export)
        let quote = try ToolRunner.run(["conform"], in: folder)
        #expect(quote.status == 2)
        #expect(quote.output.isEmpty)
        #expect(quote.error.contains(
            "Observations/zignature/crm-pipeline.csv:4:59: error: a quoted field of the export Observations/zignature/crm-pipeline.csv opened at row 4, "
                + "column 59, field 5 'owner' is never closed: the rest of the export, from line 4, cannot be read [unreadable-file]"
        ), "\(quote.error)")

        lines = original.components(separatedBy: "\n")
        lines = [lines[0] + ",owner"] + lines.dropFirst().map { $0.isEmpty ? $0 : $0 + ",x" }
        try Fixtures.write(lines.joined(separator: "\n"), to: export)
        let duplicate = try ToolRunner.run(["conform"], in: folder)
        #expect(duplicate.status == 2)
        #expect(duplicate.error.contains(
            "Observations/zignature/crm-pipeline.csv:1:1: error: the header row of the export Observations/zignature/crm-pipeline.csv names two columns 'owner', "
                + "fields 5 and 8 (row 1), and the source reads 'owner': which one it means cannot be told, so none of its rows can [unreadable-file]"
        ), "\(duplicate.error)")

        try Fixtures.write(original, to: export)
        #expect(try ToolRunner.run(["conform"], in: folder).status == 0)
        let observations = folder.appendingPathComponent("Observations/zignature")
        try Fixtures.write(
            #"{ "source": "crm-log", "brand": "zignature", "data": "crm.xes", "format": "xes", "journey": "new-business", "segment": "smb", "#
                + #""activities": { "Trial": "trial-sign-up" } }"#,
            to: observations.appendingPathComponent("crm-log.source.jsonc")
        )
        try Fixtures.write(
            "<log>\n<trace><string key=\"concept:name\" value=\"O-1\"/>\n"
                + "<event><string key=\"concept:name\" value=\"Trial\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>\n</trace2>\n</log>\n",
            to: observations.appendingPathComponent("crm.xes")
        )
        let xes = try ToolRunner.run(["conform"], in: folder)
        #expect(xes.status == 2)
        #expect(xes.error.contains(
            "Observations/zignature/crm.xes:4:1: error: the export Observations/zignature/crm.xes cannot be read at line 4, column 1 "
                + "(</trace2> does not close <trace>, opened at line 2, column 1): the rest of the export, from line 4, cannot be read [unreadable-file]"
        ), "\(xes.error)")
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
