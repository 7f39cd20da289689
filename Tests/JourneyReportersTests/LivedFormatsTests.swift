import Testing
import JourneyModel
import LivedReport
@testable import JourneyReporters

/// A lived report made by hand: one journey of four touchpoints, with text
/// from a hostile export (an activity that is a spreadsheet formula, markup
/// in names and case ids).
enum LivedFixtures {
    static func touchpoint(
        _ id: String, channel: String, stage: String, completed: Int, missing: Int = 0, outOfSequence: Int = 0, notReached: Int = 0,
        next: [String]
    ) -> TouchpointConformance {
        TouchpointConformance(
            touchpoint: id, name: nil, channel: channel, stage: stage, completed: completed, failing: 0, missing: missing,
            outOfSequence: outOfSequence, notReached: notReached, otherChannel: 0, late: 0,
            examples: missing > 0 ? [DepartureExamples(departure: .missing, cases: ["<b>case-1</b>"])] : [], next: next
        )
    }

    static let journey = JourneyConformance(
        brand: "aurele", brandName: "Maison <Aurèle> | Fils", segment: "premium", segmentName: "Premium *VIP*", priority: true,
        journey: "care", journeyName: "Care & repair", plannedPath: ["ask", "call", "visit", "close"], cases: 8, asPlanned: 3,
        touchpoints: [
            touchpoint("ask", channel: "web", stage: "support", completed: 8, next: ["call"]),
            touchpoint("call", channel: "phone", stage: "support", completed: 5, missing: 1, outOfSequence: 2, next: ["visit"]),
            touchpoint("visit", channel: "store", stage: "support", completed: 6, missing: 2, next: ["close"]),
            touchpoint("close", channel: "phone", stage: "loyalty", completed: 0, notReached: 8, next: []),
        ],
        flows: [
            LivedFlow(from: "ask", to: "call", cases: 7, planned: true),
            LivedFlow(from: "call", to: "visit", cases: 5, planned: true),
            LivedFlow(from: "ask", to: "visit", cases: 1, planned: false),
            LivedFlow(from: "visit", to: "call", cases: 2, planned: false),
        ],
        adHoc: [AdHocCount(activity: "=HYPERLINK(\"x\")", events: 4, cases: 3), AdHocCount(activity: "<script>|a", events: 1, cases: 1)],
        adHocEvents: 5,
        markers: [
            MarkerConformance(
                marker: "fast-reply", title: "Reply | fast", kind: "expectation", severity: .warning, planned: .met, casesApplicable: 8, casesMet: 6,
                durations: LivedDurations(attribute: "responseTime", promiseSeconds: 7200, count: 9, medianSeconds: 3600, p90Seconds: 9000.5),
                examples: ["case-2"]
            ),
            MarkerConformance(
                marker: "formal", title: "formal", kind: "expectation", severity: .error, planned: .broken, casesApplicable: 8, casesMet: 6,
                durations: nil, examples: []
            ),
            MarkerConformance(
                marker: "unused", title: "unused", kind: "coverage", severity: .error, planned: .met, casesApplicable: 0, casesMet: 0,
                durations: nil, examples: []
            ),
            MarkerConformance(
                marker: "kept", title: "kept", kind: "expectation", severity: .info, planned: .met, casesApplicable: 8, casesMet: 8,
                durations: nil, examples: []
            ),
        ],
        channels: [ChannelConformance(channel: "web", owner: "=cmd", events: 8, checks: 3, met: 1)],
        owners: [OwnerConformance(owner: "-Claire", cases: 8, asPlanned: 3)]
    )

    static let report = LivedReport(
        sources: [], journeys: [journey],
        actions: [LivedAction(journey: "aurele/premium/care", departure: .missing, subject: "visit", owner: "Stores <team>", severity: nil, cases: 2, share: 0.25, examples: ["<b>case-1</b>"])],
        redacted: false
    )
}

@Suite("Lived report formats")
struct LivedFormatsTests {
    @Test func fractionsHaveAtMostFourDecimals() {
        #expect(LivedWording.fraction(1, of: 3) == "0.3333")
        #expect(LivedWording.fraction(2, of: 3) == "0.6667")
        #expect(LivedWording.fraction(1, of: 8) == "0.125")
        #expect(LivedWording.fraction(0, of: 5) == "0")
        #expect(LivedWording.fraction(5, of: 5) == "1")
        #expect(LivedWording.fraction(3, of: 0) == "")
        #expect(LivedWording.seconds(7200) == "7200")
        #expect(LivedWording.seconds(9000.5) == "9000.5")
    }

    @Test func markersWorstFirst() {
        // 75% error before 75% warning (severity breaks the tie), then 100%, then the marker no case met the scope of.
        #expect(LivedWording.markersWorstFirst(LivedFixtures.journey).map(\.marker) == ["formal", "fast-reply", "kept", "unused"])
        #expect(LivedWording.worstTouchpoints(LivedFixtures.journey).map(\.touchpoint) == ["call", "visit"])
    }

    @Test func csvRowsAndFormulaGuard() {
        let touchpoints = LivedCSV().render(LivedFixtures.report)
        #expect(touchpoints.hasPrefix("brand,segment,priority,journey,position,touchpoint,channel,stage,cases,completed,completed_rate,failing,failing_rate,"
            + "missing,missing_rate,out_of_sequence,out_of_sequence_rate,not_reached,not_reached_rate,other_channel,other_channel_rate,late,late_rate\r\n"))
        #expect(touchpoints.contains("\r\naurele,premium,true,care,2,call,phone,support,8,5,0.625,0,0,1,0.125,2,0.25,0,0,0,0,0,0\r\n"))
        #expect(touchpoints.contains("\r\naurele,premium,true,care,4,close,phone,loyalty,8,0,0,0,0,0,0,0,0,8,1,0,0,0,0\r\n"))
        let adHoc = LivedCSV(part: .adHoc).render(LivedFixtures.report)
        #expect(adHoc == "brand,segment,priority,journey,activity,events,cases\r\n"
            + "aurele,premium,true,care,\"'=HYPERLINK(\"\"x\"\")\",4,3\r\naurele,premium,true,care,<script>|a,1,1\r\n")
        let markers = LivedCSV(part: .markers).render(LivedFixtures.report)
        #expect(markers.contains("\r\naurele,premium,true,care,fast-reply,expectation,warning,met,8,6,0.75,responseTime,7200,9,3600,9000.5\r\n"))
        #expect(markers.contains("\r\naurele,premium,true,care,unused,coverage,error,met,0,0,,,,,,\r\n"))
        #expect(LivedCSV(part: .channels).render(LivedFixtures.report).contains("\r\naurele,premium,true,care,web,'=cmd,8,3,1,0.3333\r\n"))
        #expect(LivedCSV(part: .owners).render(LivedFixtures.report).contains("\r\naurele,premium,true,care,'-Claire,8,3,0.375\r\n"))
    }

    @Test("--csv-separator and --csv-bom: semicolons, the mark first, fields quoted for the separator")
    func csvDialect() {
        let semicolons = LivedCSV(part: .adHoc, dialect: CSVDialect(separator: .semicolon, byteOrderMark: true)).render(LivedFixtures.report)
        #expect(semicolons == "\u{FEFF}brand;segment;priority;journey;activity;events;cases\r\n"
            + "aurele;premium;true;care;\"'=HYPERLINK(\"\"x\"\")\";4;3\r\naurele;premium;true;care;<script>|a;1;1\r\n")
        let tabs = LivedCSV(part: .owners, dialect: CSVDialect(separator: .tab)).render(LivedFixtures.report)
        #expect(tabs.hasPrefix("brand\tsegment\tpriority\tjourney\towner\tcases\tas_planned\tas_planned_rate\r\n"))
        #expect(tabs.contains("\r\naurele\tpremium\ttrue\tcare\t'-Claire\t8\t3\t0.375\r\n"))
    }

    @Test func markdownEscapesExportText() {
        let text = LivedMarkdown().render(LivedFixtures.report)
        #expect(text.contains("### Maison \\<Aurèle\\> \\| Fils · Premium \\*VIP\\* · Care \\& repair (care) ⭐ priority"))
        #expect(text.contains("**8 cases**, lived as planned: 3 (37.5%)."))
        #expect(text.contains("| \\<script\\>\\|a | 1 | 1 |"))
        #expect(text.contains("| `call` | `phone` | 5 | 0 | 1 | 2 | 0 | 0 | missing: `<b>case-1</b>` |"))
        #expect(text.contains("1. `aurele/premium/care`: **2 cases** (25.0%) missing `visit` — Stores \\<team\\>; e.g. `<b>case-1</b>`"))
        #expect(!text.contains("<script>"))
    }

    @Test func htmlEscapesAndDrawsEveryFlow() {
        let page = LivedHTML().render(LivedFixtures.report)
        #expect(!page.contains("<script"))
        #expect(page.contains("&lt;script&gt;|a"))
        #expect(page.contains("<code class=\"case\">&lt;b&gt;case-1&lt;/b&gt;</code>"))
        #expect(page.contains("<h1>Lived journeys: Maison &lt;Aurèle&gt; | Fils</h1>"))
        for (from, to, cases, kind) in [("ask", "call", 7, "planned"), ("call", "visit", 5, "planned"), ("visit", "close", 0, "planned"),
                                        ("ask", "visit", 1, "unplanned"), ("visit", "call", 2, "unplanned")] {
            #expect(page.contains("<g class=\"flow-count \(kind)\" data-from=\"\(from)\" data-to=\"\(to)\" data-cases=\"\(cases)\">"), "\(from) → \(to)")
        }
        #expect(page.components(separatedBy: "<g class=\"flow-count").count - 1 == 5)
        #expect(page.contains("<g class=\"ad-hoc\" data-activity=\"=HYPERLINK(&quot;x&quot;)\" data-events=\"4\">"))
        #expect(page.contains("<g class=\"touchpoint missing out-of-sequence\" data-touchpoint=\"call\" data-lived=\"7\" data-missing=\"1\" data-out-of-sequence=\"2\">"))
        #expect(page.contains("<g class=\"touchpoint unlived\" data-touchpoint=\"close\""))
        #expect(page.contains("<span class=\"verdict broken\">✖ broken</span>"))
    }

    @Test("an accepted planned verdict is worded as such in every format")
    func acceptedVerdict() {
        var report = LivedFixtures.report
        report.journeys[0].markers[1].planned = .accepted
        #expect(LivedText().render(report).contains("  formal [error]: planned: accepted · lived: 75.0% of 8 cases\n"))
        #expect(LivedJSON().render(report).contains("\"planned\": \"accepted\""))
        #expect(LivedCSV(part: .markers).render(report).contains("\r\naurele,premium,true,care,formal,expectation,error,accepted,8,6,0.75,"))
        #expect(LivedMarkdown().render(report).contains("| `formal` | ⛔ error | accepted | 75.0% of 8 |"))
        let page = LivedHTML().render(report)
        #expect(page.contains("<span class=\"verdict accepted\">✓ accepted</span>"))
        #expect(page.contains("data-marker=\"formal\" data-planned=\"accepted\""))
    }

    @Test func countsCoverNoBoxAndNoOtherCount() {
        // A large journey: 40 touchpoints over four stages and three channels, each
        // planned to the next, and a lived flow back from every fourth to the one three before.
        let ids = (0..<40).map { "t\($0)" }
        let touchpoints = ids.enumerated().map { index, id in
            LivedFixtures.touchpoint(id, channel: ["web", "phone", "store"][index % 3], stage: ["a", "b", "c", "d"][index / 10], completed: 1,
                                     next: index + 1 < ids.count ? [ids[index + 1]] : [])
        }
        var flows = (0..<39).map { LivedFlow(from: ids[$0], to: ids[$0 + 1], cases: 100 + $0, planned: true) }
        flows += stride(from: 4, to: 40, by: 4).map { LivedFlow(from: ids[$0], to: ids[$0 - 3], cases: $0, planned: false) }
        var journey = LivedFixtures.journey
        journey.touchpoints = touchpoints
        journey.flows = flows
        let drawing = LivedDrawing(journey)
        #expect(drawing.flows.count == 39 + 9)
        #expect(drawing.flows.filter(\.planned).map(\.cases) == (0..<39).map { 100 + $0 })
        let boxes = drawing.layout.boxes.map(\.frame) + drawing.adHoc.map(\.frame)
        var overlaps: [String] = []
        for (index, flow) in drawing.flows.enumerated() {
            let name = "\(ids[flow.from])→\(ids[flow.to]) \(flow.label)"
            overlaps += boxes.filter { $0.overlaps(flow.label) }.map { "\(name) covers box \($0)" }
            overlaps += drawing.flows[(index + 1)...].filter { $0.label.overlaps(flow.label) }.map { "\(name) covers \(ids[$0.from])→\(ids[$0.to])" }
        }
        #expect(overlaps.isEmpty, "\(overlaps)")
        let small = LivedDrawing(LivedFixtures.journey)
        let frames = small.layout.boxes.map(\.frame) + small.adHoc.map(\.frame)
        for (index, flow) in small.flows.enumerated() {
            #expect(frames.allSatisfy { !$0.overlaps(flow.label) })
            #expect(small.flows[(index + 1)...].allSatisfy { !$0.label.overlaps(flow.label) })
        }
        #expect(small.adHoc.count == 2 && small.height > small.layout.height)
    }
}
