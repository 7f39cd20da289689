import Foundation
import Testing
import CharterAudit
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("Audit HTML")
struct AuditHTMLTests {
    static let file = AuditFixtures.journeyFile

    @Test func selfContainedPage() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(text.hasSuffix("</body>\n</html>\n"))
        #expect(text.contains("<style>"))
        #expect(text.contains("@media print"))
        #expect(text.contains("Content-Security-Policy"))
        #expect(!text.contains("<script"))
        #expect(!text.contains("<link"))
        #expect(!text.contains("<img"))
        #expect(!text.contains("src="))
        #expect(!text.contains("url("))
        #expect(!text.contains("@import"))
        #expect(!text.contains("http://") && !text.contains("https://"))
        // Links stay inside the page.
        let hrefs = text.components(separatedBy: "href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(hrefs == ["#segment-1", "#segment-2"])
    }

    @Test func overviewOfEverySegmentComesFirst() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        #expect(text.contains("""
        <h2>Overview</h2>
        <table class="overview">
        <thead><tr><th>Brand</th><th>Segment</th><th>Priority</th><th>Score</th><th>Checks met</th><th>Open gaps</th><th>Accepted</th></tr></thead>
        <tbody>
        <tr><td>Maison &lt;Aurèle&gt; &amp; Fils</td><td><a href="#segment-1">Premium &amp; &quot;VIP&quot;</a></td><td><span class="badge priority">priority</span></td><td class="score poor">69.2%</td><td class="num">3/5</td><td><span class="badge error">1 error</span> <span class="badge info">1 info</span></td><td class="num">1</td></tr>
        <tr><td>Maison &lt;Aurèle&gt; &amp; Fils</td><td><a href="#segment-2">First-time &lt;customers&gt;</a></td><td></td><td class="score poor">60%</td><td class="num">2/4</td><td><span class="badge error">1 error</span> <span class="badge info">1 info</span></td><td class="num">0</td></tr>
        </tbody>
        </table>
        """))
        let overview = text.range(of: "<h2>Overview</h2>")!
        let first = text.range(of: "<section class=\"segment\" id=\"segment-1\">")!
        let second = text.range(of: "<section class=\"segment\" id=\"segment-2\">")!
        #expect(overview.upperBound <= first.lowerBound && first.upperBound <= second.lowerBound)
        #expect(text.contains("<section class=\"segment\" id=\"segment-1\">\n<h2>Maison &lt;Aurèle&gt; &amp; Fils · Premium &amp; &quot;VIP&quot; <span class=\"badge priority\">priority</span> <span class=\"score headline poor\">69.2%</span></h2>"))
        #expect(text.contains("<section class=\"segment\" id=\"segment-2\">\n<h2>Maison &lt;Aurèle&gt; &amp; Fils · First-time &lt;customers&gt; <span class=\"score headline poor\">60%</span></h2>"))
        #expect(text.components(separatedBy: "<section ").count == 3)
    }

    @Test func scoreCellsShadedWithALegend() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        #expect(text.contains("<p class=\"legend\">Score shading: <span class=\"score good\">90% and above</span> <span class=\"score fair\">70% to under 90%</span> <span class=\"score poor\">below 70%</span> <span class=\"score none\">· no check applies</span></p>"))
        #expect(text.contains("<tr><td>Boutique | &quot;Paris&quot; (store)</td><td>Retail &amp; &lt;Stores&gt;</td><td class=\"score poor\">66.7%</td><td class=\"num\">2/3</td></tr>"))
        #expect(text.contains("<tr><td>E-mail (email)</td><td>CRM | &quot;Team&quot;</td><td class=\"score fair\">75%</td><td class=\"num\">1/2</td></tr>"))
        #expect(text.contains("<tr><td><code>formal-address</code></td><td>We address customers | formally</td><td>expectation</td><td><span class=\"badge error\">error</span></td><td class=\"score poor\">66.7%</td><td class=\"num\">2/3</td></tr>"))
        #expect(text.contains("<tr><td><code>named-advisor</code></td><td></td><td>expectation</td><td><span class=\"badge error\">error</span></td><td class=\"score good\">100%</td><td class=\"num\">1/1</td></tr>"))
        #expect(text.contains("<tr><td>First &lt;purchase&gt; &amp; more (first-purchase)</td><td class=\"score poor\">69.2%</td><td class=\"num\">3/5</td></tr>"))
    }

    @Test func bandsFollowTheThresholds() {
        func band(_ met: Int, of applicable: Int) -> String {
            AuditHTML.band(Score(met: met, applicable: applicable, weightedMet: met, weightedApplicable: applicable))
        }
        #expect(band(1000, of: 1000) == "good")
        #expect(band(900, of: 1000) == "good")
        #expect(band(8995, of: 10000) == "good")  // shown as 90%, shaded as shown
        #expect(band(899, of: 1000) == "fair")
        #expect(band(700, of: 1000) == "fair")
        #expect(band(699, of: 1000) == "poor")
        #expect(band(0, of: 1) == "poor")
        #expect(band(0, of: 0) == "none")
    }

    @Test func matrixIsAHeatMap() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        #expect(text.contains("""
        <h3>Marker × channel</h3>
        <table class="matrix">
        <thead><tr><th>Marker</th><th title="Boutique | &quot;Paris&quot;">store</th><th title="E-mail">email</th></tr></thead>
        <tbody>
        <tr><th title="We address customers | formally"><code>formal-address</code></th><td class="score poor" title="formal-address × store: 1 of 2 checks met">50%</td><td class="score good" title="formal-address × email: 1 of 1 check met">100%</td></tr>
        <tr><th><code>warm-tone</code></th><td class="score none">·</td><td class="score poor" title="warm-tone × email: 0 of 1 check met">0%</td></tr>
        <tr><th><code>named-advisor</code></th><td class="score good" title="named-advisor × store: 1 of 1 check met">100%</td><td class="score none">·</td></tr>
        </tbody>
        </table>
        """))
    }

    @Test func gapsActionsAndAcceptedGaps() async {
        let text = AuditHTML().render(await AuditFixtures.audit())
        let place = "Journeys/<wbr>aurele/<wbr>first-purchase.journey.jsonc"
        #expect(text.contains("<tr class=\"error\"><td><span class=\"badge error\">error</span></td><td><code>formal-address</code></td><td class=\"where\">first-purchase/<wbr>store-visit<br><span class=\"detail\">store, choose</span></td><td>address = formal</td><td>informal</td><td class=\"location\">\(place):10:34</td></tr>\n<tr class=\"info\">"))
        #expect(text.contains("""
        <ol class="actions">
        <li><strong>Boutique | &quot;Paris&quot;</strong> — Retail &amp; &lt;Stores&gt; · score <span class="score poor">66.7%</span>
        <ul>
        <li><span class="badge error">error</span> <code>formal-address</code> Set address to formal at store-visit. <span class="location">\(place):10:34</span></li>
        </ul>
        </li>
        <li><strong>E-mail</strong> — CRM | &quot;Team&quot; · score <span class="score fair">75%</span>
        """))
        #expect(text.contains("<tr><td><code>named-advisor</code></td><td class=\"where\">first-purchase/<wbr>store-visit<br><span class=\"detail\">store, choose</span></td><td>Advisors join in 2026 | &quot;soon&quot; &amp; &lt;later&gt;</td><td class=\"location\">\(place):10:81</td></tr>"))
        #expect(text.components(separatedBy: "<h3>Accepted gaps</h3>").count == 2)
    }

    @Test func escapesEverythingFromTheFiles() async {
        var audit = await AuditFixtures.audit()
        audit.segments[0].gaps[0] = audit.segments[0].gaps[0].with(expected: "<script>alert('x')</script> & \"more\"\u{7}", planned: "<i>")
        audit.segments[0].matrix.columns[0] = "st\"ore<"
        audit.segments[0].byChannel[0].name = "\"><b>"
        audit.segments[0].actions[0].items[0] = ActionItem(gap: audit.segments[0].actions[0].items[0].gap.with(action: "Fix <u>it</u>"))
        let text = AuditHTML().render(audit)
        #expect(!text.contains("<script>") && !text.contains("<i>") && !text.contains("<b>") && !text.contains("<u>"))
        #expect(text.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;\u{FFFD}</td><td>&lt;i&gt;</td>"))
        #expect(text.contains(">st&quot;ore&lt;</th>"))
        #expect(text.contains("Fix &lt;u&gt;it&lt;/u&gt;"))
        #expect(!text.contains("Aurèle>") && !text.contains("<Stores>") && !text.contains("<later>") && !text.contains("\"VIP\""))
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
