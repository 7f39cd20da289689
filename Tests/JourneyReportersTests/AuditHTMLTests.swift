import Foundation
import Testing
import CharterAudit
import CharterChecker
import JourneyLoader
import JourneyModel
@testable import JourneyReporters

@Suite("Audit HTML")
struct AuditHTMLTests {
    @Test func selfContainedPage() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(text.hasSuffix("</body>\n</html>\n"))
        #expect(text.contains("@media print"))
        #expect(text.contains("Content-Security-Policy"))
        for fetching in ["<script", "<link", "<img", "src=", "@import", "http://", "https://", "<iframe", "<object"] {
            #expect(!text.contains(fetching), "the page must fetch or run nothing: \(fetching)")
        }
        // `url(…)` only ever names a pattern or marker of the page itself.
        let urls = text.components(separatedBy: "url(").dropFirst().map { $0.prefix { $0 != ")" } }
        #expect(!urls.isEmpty && urls.allSatisfy { $0.hasPrefix("#tl-") })
        // Every link stays inside the page and lands on an element that exists.
        let hrefs = text.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(hrefs.contains("#segment-1") && hrefs.contains("#segment-2"))
        for href in hrefs {
            #expect(href.hasPrefix("#"))
            #expect(text.contains("id=\"\(href.dropFirst())\""), "no element with id \(href)")
        }
    }

    @Test func statusComesFromSeverityFirst() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        // Both segments have an open error-level gap (formal-address at store-visit).
        #expect(text.contains("<section class=\"segment status-broken\" id=\"segment-1\" data-segment=\"aurele/premium\" data-status=\"broken\">"))
        #expect(text.contains("<section class=\"segment status-broken\" id=\"segment-2\" data-segment=\"aurele/newcomers\" data-status=\"broken\">"))
        #expect(text.contains("<span class=\"status broken\">✖ charter broken</span>"))
        #expect(text.contains(MarkupEscaping.text(AuditStatus.rule)), "the legend says the rule")
        // The store is broken for premium; warm-tone × e-mail only has an info-level gap, but at 0%, below 90%: at risk.
        #expect(text.contains("<td class=\"cell status-broken\" title=\"formal-address × store: 1 of 2 checks met — charter broken\" data-status=\"broken\">✖ 50%</td>"))
        #expect(text.contains("<td class=\"cell status-at-risk\" title=\"warm-tone × email: 0 of 1 check met — at risk\" data-status=\"at-risk\">▲ 0%</td>"))
    }

    @Test func headlineMergesTheSameFixAcrossSegments() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        #expect(text.contains("<section class=\"brand-headline\" id=\"brand-1\" data-brand=\"aurele\" data-status=\"broken\">"))
        #expect(text.contains("<h2>Maison &lt;Aurèle&gt; &amp; Fils <span class=\"status broken\">✖ charter broken</span></h2>"))
        // One action for the store-visit address, naming both segments.
        let actions = text.components(separatedBy: "<ol class=\"top-actions\">")[1].components(separatedBy: "</ol>")[0]
        #expect(actions.components(separatedBy: "<li ").count - 1 == 2)
        #expect(actions.contains("<li class=\"error\" data-segments=\"2\"><span class=\"badge error\">error</span> <strong>Set address to formal at store-visit.</strong>"
            + "<br><span class=\"who\">Boutique | &quot;Paris&quot; — Retail &amp; &lt;Stores&gt; · for 2 segments: premium, newcomers</span></li>"))
        #expect(text.contains("<div class=\"tile error\"><span class=\"count\">1</span> <span class=\"label\">error-level gap</span></div>"))
        #expect(text.contains("<div class=\"tile broken-count\"><span class=\"count\">2</span> <span class=\"label\">of 2 segments broken</span></div>"))
    }

    @Test func oneSwimlanePerJourneyWithABoxPerTouchpoint() async {
        let audit = await AuditFixtures.audit()
        let text = AuditHTML().render(audit)
        let sections = text.components(separatedBy: "<section class=\"segment ").dropFirst()
        #expect(sections.count == audit.segments.count)
        for (section, report) in zip(sections, audit.segments) {
            #expect(section.components(separatedBy: "<svg class=\"swimlane\"").count - 1 == report.journeys.count)
            let boxes = section.components(separatedBy: "<g class=\"touchpoint ").dropFirst().map { $0.prefix { $0 != ">" } }
            #expect(boxes.count == report.journeys.flatMap(\.touchpoints).count)
        }
        // The box with an open error links to its gap row; the accepted one to its reason.
        #expect(text.contains("<a href=\"#s1-gap-1\"><g class=\"touchpoint error\" data-touchpoint=\"store-visit\" data-stage=\"choose\" data-channel=\"store\">"))
        #expect(text.contains("<tr class=\"error\" id=\"s1-gap-1\">"))
        #expect(text.contains("<g class=\"touchpoint clear\" data-touchpoint=\"fitting\""))
    }

    @Test func kpisAndContextAreShown() async {
        var audit = await HostileJourney.audit(touchpoints: 3, crowded: 0)
        audit.context = AuditContext(date: "2026-09-30", charters: [.init(brand: "aurele", digest: "0123456789abcdef", files: ["b"])])
        let text = AuditHTML().render(audit)
        #expect(text.contains("<h1>Charter audit — Maison &lt;Aurèle&gt; &amp; Fils</h1>"))
        #expect(text.contains("<span class=\"date\">Data as of 2026-09-30</span>"))
        #expect(text.contains("Charter versions (digest of the brand and charter files): aurele 0123456789abcdef"))
        #expect(text.contains("<div><dt>discover</dt><dd><span class=\"kpi quantitative\">Leads &lt;&amp;&gt; <span class=\"kind\">quant.</span> <span class=\"target\">target &quot;120&quot; &amp; more</span></span></dd></div>"))
    }

    @Test func hostileIdsShowAsText() async {
        let audit = await HostileJourney.audit(touchpoints: 6, crowded: 2)
        let text = AuditHTML().render(audit)
        #expect(!text.contains("<script>"))
        #expect(text.contains("data-touchpoint=\"&lt;script&gt;alert(1)&lt;/script&gt;\""))
        #expect(text.contains("data-touchpoint=\"q&quot;u&#39;o&amp;te\""))
        #expect(text.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!text.contains("q\"u'o&te"))
        // Only the page's own elements: one <svg> per swimlane and the definitions, no element from the files.
        let tags = Set(text.components(separatedBy: "<").dropFirst().map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "!" }) })
        #expect(tags.isSubset(of: [
            "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "svg", "defs", "marker", "path", "pattern", "rect", "circle",
            "header", "p", "span", "h1", "h2", "h3", "section", "div", "strong", "table", "thead", "tbody", "tr", "th", "td", "a",
            "ol", "li", "br", "code", "wbr", "figure", "figcaption", "text", "line", "g", "dl", "dt", "dd", "em", "ul",
            "/html", "/head", "/title", "/style", "/body", "/svg", "/defs", "/marker", "/pattern", "/path", "/header", "/p", "/span",
            "/h1", "/h2", "/h3", "/section", "/div", "/strong", "/table", "/thead", "/tbody", "/tr", "/th", "/td", "/a", "/ol", "/li",
            "/code", "/figure", "/figcaption", "/text", "/g", "/dl", "/dt", "/dd", "/em", "/ul",
        ]), "unexpected tags: \(tags)")
    }

    @Test func crowdedSwimlanesNeverOverlap() async throws {
        // 300 touchpoints in one journey, 20 of them in one stage of one lane.
        let audit = await HostileJourney.audit(touchpoints: 300, crowded: 20)
        let passage = try #require(audit.segments.first?.journeys.first)
        #expect(passage.steps.count == 300)
        let layout = SwimlaneLayout(passage)
        #expect(layout.boxes.count == 300)
        let frames = layout.boxes.map(\.frame)
        for i in frames.indices {
            for j in frames.indices where j > i {
                #expect(!frames[i].overlaps(frames[j]), "boxes \(i) and \(j) overlap: \(frames[i]) \(frames[j])")
            }
        }
        // Each box lies inside the drawing, in its stage's column and its channel's lane.
        let columns = Dictionary(layout.columns.map { ($0.stage, $0.frame) }, uniquingKeysWith: { first, _ in first })
        let lanes = Dictionary(layout.lanes.map { ($0.channel, $0.frame) }, uniquingKeysWith: { first, _ in first })
        for box in layout.boxes {
            let step = passage.steps[box.step], frame = box.frame
            let column = try #require(columns[step.stage]), lane = try #require(lanes[step.channel])
            #expect(frame.x >= column.x && frame.maxX <= column.maxX && frame.y >= lane.y && frame.maxY <= lane.maxY)
            #expect(frame.maxX <= layout.width && frame.maxY <= layout.height)
            #expect(frame.width == SwimlaneLayout.boxWidth && frame.height == SwimlaneLayout.boxHeight)
        }
        // The crowded cell wraps into rows of two: ten rows.
        let crowded = layout.boxes.filter { passage.steps[$0.step].stage == "discover" && passage.steps[$0.step].channel == "store" }
        #expect(crowded.count == 20)
        #expect(Set(crowded.map(\.frame.y)).count == 10 && Set(crowded.map(\.frame.x)).count == 2)
        // Every handoff is drawn.
        #expect(layout.arrows.count == passage.steps.reduce(0) { $0 + $1.next.count })
        #expect(layout.arrows.count == 299)
    }

    @Test func emptyAudit() {
        let text = AuditHTML().render(AuditFixtures.empty)
        #expect(text.contains("<p class=\"empty\">No segment goes through any journey: nothing to audit.</p>\n</body>"))
        #expect(!text.contains("<table"))
        #expect(!text.contains("<section"))
    }

    @Test func deterministic() async {
        let audit = await AuditFixtures.audit()
        #expect(AuditHTML().render(audit) == AuditHTML().render(audit))
        #expect(AuditHTML().render(audit) == AuditHTML().render(await AuditFixtures.audit()))
    }
}

/// A journey of the audit fixtures' brand with hostile ids: `<script>`,
/// quotes and ampersands, `crowded` touchpoints in one stage of one lane,
/// each handing over to the next, and a KPI whose words need escaping.
enum HostileJourney {
    static func text(touchpoints count: Int, crowded: Int) -> String {
        let stages = ["discover", "choose", "buy", "support"], channels = ["store", "email"]
        var touchpoints: [String] = []
        for index in 0..<count {
            let id = index == 0 ? "<script>alert(1)</script>" : index == 1 ? "q\\\"u'o&te" : "tp-\(index)"
            let next = index + 1 < count ? (index == 0 ? "q\\\"u'o&te" : "tp-\(index + 1)") : nil
            let (stage, channel) = index < crowded ? ("discover", "store") : (stages[1 + index % 3], channels[index % 2])
            touchpoints.append("""
                { "id": "\(id)", "stage": "\(stage)", "channel": "\(channel)", "experience": { "address": "formal", "tone": "warm" }\
                \(next.map { ", \"next\": [\"\($0)\"]" } ?? "") }
            """)
        }
        return """
        { "journey": "crowded", "brand": "aurele", "segments": ["premium"],
          "touchpoints": [\(touchpoints.joined(separator: ",\n"))],
          "kpis": { "discover": [ { "name": "Leads <&>", "kind": "quantitative", "target": "\\"120\\" & more" } ] } }
        """
    }

    static func audit(touchpoints: Int, crowded: Int) async -> AuditReport {
        let load = await WorkspaceLoader.load([
            SourceFile(path: AuditFixtures.brandFile, text: AuditFixtures.brandText),
            SourceFile(path: "Journeys/aurele/crowded.journey.jsonc", text: text(touchpoints: touchpoints, crowded: crowded)),
        ])
        precondition(load.diagnostics.filter { $0.severity == .error }.isEmpty, "\(load.diagnostics)")
        return Auditor.audit(load.workspace, report: await Checker.check(load.workspace))
    }
}
