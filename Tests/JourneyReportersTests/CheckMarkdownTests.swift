import Foundation
import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("Markdown")
struct CheckMarkdownTests {
    @Test func summaryThenTablesPerFile() {
        let text = CheckMarkdown().render(ReporterFixtures.mixed)
        let lines = text.components(separatedBy: "\n")
        #expect(lines[0] == "## Throughline check")
        #expect(lines[2].hasPrefix("❌ 2 errors, 1 warning, 1 info in 2 files (0 journeys, 0 touchpoints); 1 gap accepted"))
        #expect(text.contains("expects address = formal<br>→ Set address to formal at welcome-mail. |"))
        #expect(text.contains("| 2 | 1 | 1 | 1 | 2 | 0 | 0 |"))
        #expect(text.contains("### `\(ReporterFixtures.journeyFile)`\n\n| Severity | Location | Rule | Segment | Message |\n| --- | --- | --- | --- | --- |\n"))
        // In line order within the file.
        #expect(text.contains("| ⛔ error | 5:18 | `unknown-channel` |   | unknown channel 'emial'; did you mean 'email'? |"))
        let rows = lines.filter { $0.hasPrefix("| ⛔") || $0.hasPrefix("| ⚠️") || $0.hasPrefix("| ℹ️") }
        #expect(rows.map { $0.split(separator: "|")[0].trimmingCharacters(in: .whitespaces) } == ["⛔ error", "ℹ️ info", "⛔ error", "⚠️ warning"])
        #expect(text.contains("| ⚠️ warning | 14:36 | `one-signature` | premium | store-visit plans another signature<br>↳ `\(ReporterFixtures.journeyFile):9:60` the value most used"))
        #expect(text.contains("<details>\n<summary>1 accepted gap</summary>"))
        #expect(text.contains("| `\(ReporterFixtures.journeyFile):13:83` | `named-advisor` | premium | store-visit plans personalisation = named | Advisors join in 2026 |"))
    }

    @Test func escapesPipesAndMarkup() {
        let gap = ReporterFixtures.gap(
            marker: "a|b", segment: "new|comers",
            message: "plans *bold* | `code` <img src=x onerror=alert(1)> [x](javascript:y)\nsecond line"
        )
        let text = CheckMarkdown().render(ReporterFixtures.result(gaps: [gap]))
        let row = text.components(separatedBy: "\n").first { $0.hasPrefix("| ⛔") }
        #expect(row == "| ⛔ error | 12:20 | `a\\|b` | new\\|comers | plans \\*bold\\* \\| \\`code\\` \\<img src=x onerror=alert(1)\\> \\[x\\](javascript:y)<br>second line |")
        // Every row has exactly the five cells: no unescaped pipe leaks.
        let unescapedPipes = row.map { line in
            zip(line.unicodeScalars, [" "] + line.unicodeScalars.dropLast()).filter { $0 == "|" && $1 != "\\" }.count
        }
        #expect(unescapedPipes == 6)
        #expect(!text.replacingOccurrences(of: "\\<", with: "").contains("<img"))
    }

    @Test func emptyResult() {
        #expect(CheckMarkdown().render(ReporterFixtures.empty) == """
        ## Throughline check

        ✅ 0 errors, 0 warnings, 0 infos in 0 files (0 journeys, 0 touchpoints)

        | Errors | Warnings | Infos | Accepted | Files | Journeys | Touchpoints |
        | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
        | 0 | 0 | 0 | 0 | 0 | 0 | 0 |

        """)
    }

    @Test func warningsOnlyDoNotFail() {
        let text = CheckMarkdown().render(ReporterFixtures.result(gaps: [ReporterFixtures.gap(severity: .warning)]))
        #expect(text.contains("⚠️ 0 errors, 1 warning"))
    }

    @Test func deterministic() async {
        let loaded = await ReporterFixtures.loaded()
        #expect(CheckMarkdown().render(loaded) == CheckMarkdown().render(loaded))
    }
}
