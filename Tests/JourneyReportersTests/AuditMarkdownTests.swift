import Foundation
import Testing
import CharterAudit
import CharterChecker
import JourneyLoader
import JourneyModel
@testable import JourneyReporters

/// A small audit for the audit format tests: one brand, two segments (the
/// priority one listed second in the brand), one journey through two
/// channels, an accepted gap; names hold `<`, `&`, `|` and quotes.
enum AuditFixtures {
    static let journeyFile = "Journeys/aurele/first-purchase.journey.jsonc"
    static let brandFile = "Brands/aurele.brand.jsonc"

    static let brandText = #"""
    {
      "brand": "aurele",
      "name": "Maison <Aurèle> & Fils",
      "channels": {
        "store": { "name": "Boutique | \"Paris\"", "kind": "physical", "owner": "Retail & <Stores>" },
        "email": { "name": "E-mail", "kind": "digital", "owner": "CRM | \"Team\"" }
      },
      "segments": {
        "newcomers": { "name": "First-time <customers>" },
        "premium": { "name": "Premium & \"VIP\"", "priority": true }
      },
      "stages": ["discover", "choose", "buy", "support"],
      "attributes": {
        "address": { "type": "enum", "values": ["formal", "informal"] },
        "tone": { "type": "enum", "values": ["warm", "expert", "neutral"] },
        "personalisation": { "type": "scale", "values": ["none", "segment", "named", "advisor"] }
      },
      "markers": [
        { "id": "formal-address", "name": "We address customers | formally", "severity": "error",
          "expect": { "address": { "equals": "formal" } } },
        { "id": "warm-tone", "severity": "info", "where": { "channels": ["email"] },
          "expect": { "tone": { "equals": "warm" } } },
        { "id": "named-advisor", "severity": "error", "where": { "segments": ["premium"], "channels": ["store"] },
          "expect": { "personalisation": { "atLeast": "advisor" } } }
      ]
    }
    """#

    /// The check fixtures' journey, with a name and a reason that need escaping.
    static let journeyText = ReporterFixtures.journeyText
        .replacingOccurrences(of: "\"journey\": \"first-purchase\",\n", with: "\"journey\": \"first-purchase\",\n  \"name\": \"First <purchase> & more\",\n")
        .replacingOccurrences(of: "Advisors join in 2026", with: #"Advisors join in 2026 | \"soon\" & <later>"#)

    /// The brand and journey above, loaded, checked and audited as `audit` does.
    static func audit() async -> AuditReport {
        let load = await WorkspaceLoader.load([
            SourceFile(path: brandFile, text: brandText),
            SourceFile(path: journeyFile, text: journeyText),
        ])
        let report = await Checker.check(load.workspace)
        return Auditor.audit(load.workspace, report: report)
    }

    static let empty = AuditReport(weights: .standard, segments: [])
}

@Suite("Audit Markdown")
struct AuditMarkdownTests {
    static let file = AuditFixtures.journeyFile

    @Test func titleWeightsThenPrioritySegmentsFirst() async {
        let text = AuditMarkdown().render(await AuditFixtures.audit())
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == #"## Charter audit — Maison \<Aurèle\> \& Fils"#)
        #expect(lines[2] == "Date of the data not given (--date YYYY-MM-DD) · scope: 1 brand, 2 segments, 1 journey")
        #expect(lines[4] == "Score = checks met over checks applicable, weighted by severity (error 3, warning 2, info 1).  ")
        #expect(lines[5] == AuditStatus.rule)
        let headings = lines.filter { $0.hasPrefix("### ") }
        #expect(headings == [
            #"### Maison \<Aurèle\> \& Fils: ⛔ charter broken"#,
            #"### Maison \<Aurèle\> \& Fils · Premium \& "VIP" — 69.2% · ⭐ priority"#,
            #"### Maison \<Aurèle\> \& Fils · First-time \<customers\> — 60%"#,
        ])
        #expect(text.contains("Segment `aurele/premium`. Status: ⛔ **charter broken**. Score **69.2%**: 3 of 5 checks met, 2 open gaps, 1 accepted."))
        #expect(text.contains("Segment `aurele/newcomers`. Status: ⛔ **charter broken**. Score **60%**: 2 of 4 checks met, 2 open gaps.\n"))
        // The same fix for both segments is one top action naming them.
        #expect(text.contains("1. ⛔ error **Set address to formal at store-visit.** — Boutique \\| \"Paris\" — Retail \\& \\<Stores\\>; for premium, newcomers `Journeys/aurele/first-purchase.journey.jsonc:10:34`"))
        #expect(text.contains(#"- First \<purchase\> \& more (first-purchase): welcome-mail → store-visit → fitting"#))
    }

    @Test func scoreTables() async {
        let text = AuditMarkdown().render(await AuditFixtures.audit())
        #expect(text.contains(#"""
        #### By channel

        | Channel | Owner | Status | Score | Checks |
        | --- | --- | --- | ---: | ---: |
        | Boutique \| "Paris" (store) | Retail \& \<Stores\> | ⛔ charter broken | 66.7% | 2/3 |
        | E-mail (email) | CRM \| "Team" | ⚠️ at risk | 75% | 1/2 |
        """#))
        #expect(text.contains(#"""
        | Marker | Promise | Kind | Severity | Status | Score | Checks |
        | --- | --- | --- | --- | --- | ---: | ---: |
        | `formal-address` | We address customers \| formally | expectation | error | ⛔ charter broken | 66.7% | 2/3 |
        | `warm-tone` |   | expectation | info | ⚠️ at risk | 0% | 0/1 |
        | `named-advisor` |   | expectation | error | ✅ on charter | 100% | 1/1 |
        """#))
        #expect(text.contains(#"""
        | Journey | Score | Checks |
        | --- | ---: | ---: |
        | First \<purchase\> \& more (first-purchase) | 69.2% | 3/5 |
        """#))
    }

    @Test func matrixMarksCellsWithoutChecks() async {
        let text = AuditMarkdown().render(await AuditFixtures.audit())
        #expect(text.contains("""
        #### Marker × channel

        | Marker | store | email |
        | --- | ---: | ---: |
        | `formal-address` | 50% | 100% |
        | `warm-tone` | · | 0% |
        | `named-advisor` | 100% | · |
        """))
    }

    @Test func gapsWorstFirstActionPlanAndAcceptedGaps() async {
        let text = AuditMarkdown().render(await AuditFixtures.audit())
        let file = Self.file
        #expect(text.contains("""
        | Severity | Marker | Where | Expected | Planned | Location |
        | --- | --- | --- | --- | --- | --- |
        | ⛔ error | `formal-address` | first-purchase/store-visit (store, choose) | address = formal | informal | `\(file):10:34` |
        | ℹ️ info | `warm-tone` | first-purchase/welcome-mail (email, discover) | tone = warm | neutral | `\(file):8:52` |
        """))
        #expect(text.contains(#"""
        #### Action plan

        1. **Boutique \| "Paris"** — Retail \& \<Stores\> · score 66.7%
           - ⛔ error `formal-address`: Set address to formal at store-visit. `\#(file):10:34`
        2. **E-mail** — CRM \| "Team" · score 75%
           - ℹ️ info `warm-tone`: Set tone to warm at welcome-mail. `\#(file):8:52`
        """#))
        #expect(text.contains(#"""
        | Marker | Where | Reason | Location |
        | --- | --- | --- | --- |
        | `named-advisor` | first-purchase/store-visit (store, choose) | Advisors join in 2026 \| "soon" \& \<later\> | `\#(file):10:81` |
        """#))
        // Only the priority segment has an accepted gap.
        #expect(text.components(separatedBy: "#### Accepted gaps").count == 2)
    }

    @Test func escapesEveryCell() async {
        var audit = await AuditFixtures.audit()
        audit.segments[0].gaps[0] = audit.segments[0].gaps[0].with(expected: "a | b <img src=x> *c* `d`\nline two", touchpoint: "tp|x")
        audit.segments[0].actions[0].items[0] = ActionItem(gap: audit.segments[0].actions[0].items[0].gap.with(action: "Fix [it](javascript:x) & <b>go</b>"))
        let text = AuditMarkdown().render(audit)
        #expect(text.contains(#"| first-purchase/tp\|x (store, choose) | a \| b \<img src=x\> \*c\* \`d\`<br>line two | informal |"#))
        #expect(text.contains(#"Fix \[it\](javascript:x) \& \<b\>go\</b\>"#))
        // No raw markup from the files: every `<` left is an escaped one or a `<br>`.
        #expect(!text.replacingOccurrences(of: "\\<", with: "").replacingOccurrences(of: "<br>", with: "").contains("<"))
        // Every row of a table has as many cells as its header: no pipe leaks.
        for table in text.components(separatedBy: "\n\n") where table.hasPrefix("| ") || table.contains("\n| ") {
            let rows = table.components(separatedBy: "\n").filter { $0.hasPrefix("| ") }
            let counts = rows.map(Self.unescapedPipes)
            #expect(Set(counts).count == 1, "\(rows)")
        }
    }

    static func unescapedPipes(_ line: String) -> Int {
        zip(line.unicodeScalars, [" "] + line.unicodeScalars.dropLast()).filter { $0 == "|" && $1 != "\\" }.count
    }

    @Test func emptyAudit() {
        #expect(AuditMarkdown().render(AuditFixtures.empty) == """
        ## Charter audit

        Date of the data not given (--date YYYY-MM-DD) · scope: 0 brands, 0 segments, 0 journeys

        Score = checks met over checks applicable, weighted by severity (error 3, warning 2, info 1).  \n\(AuditStatus.rule)

        No segment goes through any journey: nothing to audit.

        """)
    }

    @Test func deterministic() async {
        let audit = await AuditFixtures.audit()
        #expect(AuditMarkdown().render(audit) == AuditMarkdown().render(audit))
        #expect(AuditMarkdown().render(audit) == AuditMarkdown().render(await AuditFixtures.audit()))
    }
}
