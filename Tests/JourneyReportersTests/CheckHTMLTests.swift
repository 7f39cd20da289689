import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("HTML")
struct CheckHTMLTests {
    @Test func selfContainedPage() {
        let text = CheckHTML().render(ReporterFixtures.mixed)
        #expect(text.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"))
        #expect(text.hasSuffix("</body>\n</html>\n"))
        #expect(text.contains("<style>"))
        #expect(!text.contains("<script"))
        #expect(!text.contains("<link"))
        #expect(!text.contains("src="))
        #expect(!text.contains("http://") && !text.contains("https://"))
        #expect(text.contains("Content-Security-Policy"))
    }

    @Test func summaryAndFindings() {
        let text = CheckHTML().render(ReporterFixtures.mixed)
        #expect(text.contains("<p class=\"summary fail\">2 errors, 1 warning, 1 info in 2 files (0 journeys, 0 touchpoints); 1 gap accepted"))
        #expect(text.contains("<div class=\"action\">→ Set address to formal at welcome-mail.</div>"))
        #expect(text.contains("<tr class=\"file\"><th colspan=\"7\">\(ReporterFixtures.journeyFile)</th></tr>"))
        #expect(text.contains("<tr class=\"error\"><td><span class=\"badge error\">error</span></td><td class=\"location\">12:20</td><td><code>formal-address</code></td><td>first-purchase</td><td>welcome-mail</td><td>newcomers</td>"))
        #expect(text.contains("<span class=\"badge warning\">warning</span>"))
        #expect(text.contains("<span class=\"badge info\">info</span>"))
        #expect(text.contains("expected <q>address = formal</q>, planned <q>informal</q>"))
        #expect(text.contains("<h2>Accepted gaps</h2>"))
        #expect(text.contains("<td>Advisors join in 2026</td></tr>"))
    }

    @Test func escapesEverythingFromTheFiles() {
        let gap = ReporterFixtures.gap(
            journey: "j<b>", touchpoint: "\"tp\"", segment: "a&b",
            expected: "<i>", planned: "'x'",
            message: "<script>alert('x')</script> & \"more\"\u{7}",
            suppression: nil
        )
        let text = CheckHTML().render(ReporterFixtures.result(gaps: [gap]))
        #expect(!text.contains("<script>"))
        #expect(text.contains(#"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;\u{7}"#))
        #expect(text.contains("<td>j&lt;b&gt;</td><td>&quot;tp&quot;</td><td>a&amp;b</td>"))
        #expect(text.contains("expected <q>&lt;i&gt;</q>, planned <q>&#39;x&#39;</q>"))
        #expect(!text.contains("<i>"))
    }

    @Test func emptyResult() {
        let text = CheckHTML().render(ReporterFixtures.empty)
        #expect(text.contains("<p class=\"summary pass\">0 errors, 0 warnings, 0 infos in 0 files (0 journeys, 0 touchpoints)</p>"))
        #expect(text.contains("<p class=\"none\">No open findings.</p>"))
        #expect(!text.contains("<table class=\"findings"))
    }

    @Test func deterministic() async {
        let loaded = await ReporterFixtures.loaded()
        #expect(CheckHTML().render(loaded) == CheckHTML().render(loaded))
    }
}
