import Foundation
import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("Reports cut by --max-gaps")
struct MaxGapsTests {
    typealias Fixture = ReporterFixtures

    /// Four gaps in report order (the third accepted), of which `limit` are listed.
    static func result(limit: Int) -> CheckResult {
        var result = Fixture.result(gaps: [
            Fixture.gap(marker: "first", line: 1, message: "gap one"),
            Fixture.gap(marker: "second", line: 2, message: "gap two"),
            Fixture.gap(
                marker: "third", line: 3, message: "gap three",
                suppression: SuppressionNote(reason: "known", location: SourceLocation(file: Fixture.journeyFile, line: 9, column: 1))
            ),
            Fixture.gap(marker: "fourth", line: 4, message: "gap four"),
        ])
        result.maxGaps = limit
        return result
    }

    static let note = "report cut at 2 gaps (--max-gaps): 2 more gaps are not listed; the counts and the exit code include them"

    @Test("the first N gaps in report order are listed; the counts are of all of them")
    func firstGapsListed() {
        let result = Self.result(limit: 2)
        #expect(result.gaps.map(\.marker) == ["first", "second"])
        #expect(result.unlistedGaps == 2)
        #expect(result.summary.errors == 3)
        #expect(result.summary.suppressed == 1)
        #expect(result.fails)
        #expect(ReportWording.cutNote(result) == Self.note)
        #expect(ReportWording.cutNote(Self.result(limit: 4)) == nil)
        #expect(ReportWording.cutNote(Self.result(limit: 3)) == "report cut at 3 gaps (--max-gaps): 1 more gap is not listed; the counts and the exit code include them")
    }

    @Test("every format lists the gaps kept, not the others, and says the report is cut", arguments: [
        "text", "json", "sarif", "junit", "github", "markdown", "html", "csv",
    ])
    func everyFormatSaysSo(format: String) throws {
        let reporter: any Reporter<CheckResult> = switch format {
        case "text": CheckText()
        case "json": CheckJSON()
        case "sarif": CheckSARIF()
        case "junit": CheckJUnit()
        case "github": CheckGitHub()
        case "markdown": CheckMarkdown()
        case "html": CheckHTML()
        default: CheckCSV()
        }
        // Markdown escapes the hyphens of `--max-gaps`.
        let rendered = reporter.render(Self.result(limit: 2))
        let cut = format == "markdown" ? rendered.replacingOccurrences(of: "\\", with: "") : rendered
        #expect(cut.contains("gap one") && cut.contains("gap two"))
        #expect(!cut.contains("gap three") && !cut.contains("gap four"))
        #expect(cut.contains("report cut at 2 gaps (--max-gaps)"), "\(cut)")
        #expect(cut.contains("2 more gaps are not listed"))
        let whole = reporter.render(Self.result(limit: 4))
        #expect(whole.contains("gap four"))
        #expect(!whole.contains("--max-gaps"))
    }

    @Test("JSON and SARIF name the cut in fields a tool reads")
    func machineReadable() throws {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(CheckJSON().render(Self.result(limit: 2)).utf8)) as? [String: Any])
        let cut = try #require(json["cut"] as? [String: Any])
        #expect(cut["maxGaps"] as? Int == 2)
        #expect(cut["unlistedGaps"] as? Int == 2)
        #expect(cut["note"] as? String == Self.note)
        #expect((json["gaps"] as? [Any])?.count == 2)
        #expect(((json["summary"] as? [String: Any])?["errors"] as? Int) == 3)
        let whole = try #require(try JSONSerialization.jsonObject(with: Data(CheckJSON().render(Self.result(limit: 4)).utf8)) as? [String: Any])
        #expect(whole["cut"] == nil)

        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(CheckSARIF().render(Self.result(limit: 2)).utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == true)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect((notification["message"] as? [String: Any])?["text"] as? String == Self.note)
        #expect((run["results"] as? [Any])?.count == 2)
    }

    @Test("the GitHub note is one warning annotation, before the summary line")
    func githubAnnotation() {
        let lines = CheckGitHub().render(Self.result(limit: 2)).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.dropLast(2).last == "::warning title=throughline report cut::\(Self.note)")
    }

    @Test("JUnit ends with a suite that says so; the schema's counts stay right")
    func junitSuite() {
        let text = CheckJUnit().render(Self.result(limit: 2))
        #expect(text.contains("""
          <testsuite name="throughline report" tests="1" failures="0" errors="0" skipped="0" time="0">
            <testcase classname="throughline" name="report cut (--max-gaps)" time="0">
              <system-out>\(Self.note)</system-out>
            </testcase>
          </testsuite>
        </testsuites>
        """))
        // Two listed gaps in one suite, and the note's passing case.
        #expect(text.contains(#"<testsuites name="throughline check" tests="3" failures="2" errors="0" time="0">"#))
    }
}
