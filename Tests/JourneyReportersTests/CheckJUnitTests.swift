import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("JUnit")
struct CheckJUnitTests {
    func parse(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(xmlString: text, options: [])
        return try #require(document.rootElement())
    }

    func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.elements(forName: name)
    }

    /// The test cases of the first suite.
    func firstCases(_ root: XMLElement) throws -> [XMLElement] {
        let suite = try #require(children(root, "testsuite").first)
        return children(suite, "testcase")
    }

    func counts(_ element: XMLElement) -> [String?] {
        ["tests", "failures", "errors", "skipped"].map { attribute(element, $0) }
    }

    /// The mixed result with `--fail-on warning`: its warning fails too.
    var mixedFailingOnWarnings: CheckResult {
        var result = ReporterFixtures.mixed
        result.failSeverity = .warning
        return result
    }

    @Test func suitesPerFileWithCounts() throws {
        let root = try parse(CheckJUnit().render(mixedFailingOnWarnings))
        #expect(root.name == "testsuites")
        // junit-10.xsd has no `skipped` on the run, only on each suite.
        #expect(counts(root) == ["5", "2", "1", nil])
        let suites = children(root, "testsuite")
        #expect(suites.map { attribute($0, "name") } == [ReporterFixtures.journeyFile])
        #expect(suites.map { attribute($0, "file") } == [ReporterFixtures.journeyFile])
        #expect(counts(suites[0]) == ["5", "2", "1", "1"])
        let cases = children(suites[0], "testcase")
        #expect(cases.count == 5)
        #expect(cases.map { attribute($0, "classname") } == [
            "throughline.input", "first-purchase.welcome-mail", "first-purchase.store-visit",
            "first-purchase.welcome-mail", "first-purchase.welcome-mail",
        ])
        #expect(cases.map { attribute($0, "name") } == [
            "unknown-channel at 5:18", "formal-address · newcomers", "one-signature · premium",
            "warm-tone · newcomers", "named-advisor · premium",
        ])
        // The schema allows neither on a test case: the line opens its text.
        #expect(cases.allSatisfy { attribute($0, "file") == nil && attribute($0, "line") == nil })
        #expect(children(cases[2], "failure").first?.stringValue?.hasPrefix("\(ReporterFixtures.journeyFile):14:36: warning:") == true)
    }

    @Test func outcomesFollowSeverityAndAcceptance() throws {
        let root = try parse(CheckJUnit().render(mixedFailingOnWarnings))
        let cases = try firstCases(root)
        // An error diagnostic: the input is unusable.
        let error = try #require(children(cases[0], "error").first)
        #expect(attribute(error, "message") == "unknown channel 'emial'; did you mean 'email'?")
        #expect(attribute(error, "type") == "error")
        // Error and warning gaps fail, with --fail-on warning.
        let failure = try #require(children(cases[1], "failure").first)
        #expect(attribute(failure, "type") == "error")
        #expect(attribute(failure, "message") == ReporterFixtures.gap().message)
        #expect(failure.stringValue?.contains("expected: address = formal") == true)
        #expect(failure.stringValue?.contains("planned: informal\naction: Set address to formal at welcome-mail.") == true)
        let warning = try #require(children(cases[2], "failure").first)
        #expect(attribute(warning, "type") == "warning")
        #expect(warning.stringValue?.contains("see \(ReporterFixtures.journeyFile):9:60: the value most used") == true)
        // Info gaps pass, with their message as output.
        #expect(children(cases[3], "failure").isEmpty)
        #expect(children(cases[3], "system-out").first?.stringValue?.contains("welcome-mail plans tone = neutral") == true)
        // Accepted gaps are skipped, with the reason.
        let skipped = try #require(children(cases[4], "skipped").first)
        #expect(attribute(skipped, "message") == "Advisors join in 2026")
    }

    @Test func cleanFilesGetAPassingCase() async throws {
        let result = await ReporterFixtures.loaded()
        let root = try parse(CheckJUnit().render(result))
        let suites = children(root, "testsuite")
        #expect(suites.map { attribute($0, "name") } == [ReporterFixtures.brandFile, ReporterFixtures.journeyFile])
        #expect(counts(suites[0]) == ["1", "0", "0", "0"])
        let clean = try #require(children(suites[0], "testcase").first)
        #expect(attribute(clean, "name") == "no findings")
        #expect(clean.childCount == 0)
        #expect(counts(suites[1]) == ["5", "2", "0", "1"])
        #expect(counts(root) == ["6", "2", "0", nil])
    }

    @Test func escapesMarkupAndControlCharacters() throws {
        let nasty = "<script>alert(\"x\") & 'y'</script>\u{1}\u{1B}[31m\u{0}end\ttab\nline"
        let gap = ReporterFixtures.gap(
            touchpoint: "tp<&>\"'", segment: "seg&\"", message: nasty,
            suppression: nil
        )
        let accepted = ReporterFixtures.gap(
            marker: "m2", message: "ok",
            suppression: SuppressionNote(reason: "because <&> \"quoted\"", location: SourceLocation(file: "f", line: 1, column: 1))
        )
        let text = CheckJUnit().render(ReporterFixtures.result(gaps: [gap, accepted]))
        #expect(!text.contains("<script>"))
        // Controls XML cannot hold are shown; tab and line feed are references, so no value breaks a line.
        #expect(text.contains(#"&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;\u{1}\u{1B}[31m\u{0}end&#9;tab&#10;line"#))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        let root = try parse(text)
        let cases = try firstCases(root)
        #expect(attribute(cases[0], "classname") == "first-purchase.tp<&>\"'")
        #expect(attribute(cases[0], "name") == "formal-address · seg&\"")
        let failure = try #require(children(cases[0], "failure").first)
        #expect(attribute(failure, "message") == #"<script>alert("x") & 'y'</script>\u{1}\u{1B}[31m\u{0}end"# + "\ttab\nline")
        let skipped = try #require(children(cases[1], "skipped").first)
        #expect(attribute(skipped, "message") == "because <&> \"quoted\"")
    }

    @Test func namesStayUniqueWithinASuite() throws {
        let gaps = [
            ReporterFixtures.gap(attribute: "address"),
            ReporterFixtures.gap(attribute: "tone", column: 40),
            ReporterFixtures.gap(attribute: "tone", column: 40, message: "again"),
        ]
        let root = try parse(CheckJUnit().render(ReporterFixtures.result(gaps: gaps)))
        let cases = try firstCases(root)
        #expect(cases.map { attribute($0, "name") } == [
            "formal-address · newcomers · address", "formal-address · newcomers · tone", "formal-address · newcomers · tone (2)",
        ])
    }

    @Test func journeyWideGapsAreNamedByStage() throws {
        let gap = ReporterFixtures.gap(marker: "stage-kpis", kind: .stageKPI, touchpoint: nil, segment: nil, channel: nil, stage: "buy", attribute: nil)
        let root = try parse(CheckJUnit().render(ReporterFixtures.result(gaps: [gap])))
        let testcase = try #require(try firstCases(root).first)
        #expect(attribute(testcase, "classname") == "first-purchase.buy")
        #expect(attribute(testcase, "name") == "stage-kpis")
    }

    @Test("--fail-on decides which findings fail, as it decides the exit code", arguments: [
        (Severity.error, ["error", "failure", "system-out", "system-out", "skipped"], ["5", "1", "1", "1"]),
        (Severity.warning, ["error", "failure", "failure", "system-out", "skipped"], ["5", "2", "1", "1"]),
        (Severity.info, ["error", "failure", "failure", "failure", "skipped"], ["5", "3", "1", "1"]),
    ])
    func failOnDecides(failing: Severity, outcomes: [String], suiteCounts: [String]) throws {
        var result = ReporterFixtures.mixed
        result.failSeverity = failing
        let root = try parse(CheckJUnit().render(result))
        let cases = try firstCases(root)
        #expect(cases.map { $0.children?.compactMap(\.name).joined(separator: ",") ?? "" } == outcomes)
        #expect(counts(children(root, "testsuite")[0]) == suiteCounts)
        #expect(result.fails == (Int(suiteCounts[1]) ?? 0 > 0))
    }

    @Test func exactShapeOfASmallReport() {
        var result = ReporterFixtures.result(gaps: [
            ReporterFixtures.gap(severity: .warning, message: "a < b"),
        ])
        result.failSeverity = .warning
        let text = CheckJUnit().render(result)
        #expect(text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="throughline check" tests="1" failures="1" errors="0" time="0">
          <testsuite name="Journeys/aurele/first-purchase.journey.jsonc" tests="1" failures="1" errors="0" skipped="0" time="0" file="Journeys/aurele/first-purchase.journey.jsonc">
            <testcase classname="first-purchase.welcome-mail" name="formal-address · newcomers" time="0">
              <failure message="a &lt; b" type="warning">Journeys/aurele/first-purchase.journey.jsonc:12:20: warning: a &lt; b
        marker: formal-address (expectation)
        brand: aurele
        journey: first-purchase
        touchpoint: welcome-mail
        segment: newcomers
        channel: email
        stage: discover
        attribute: address
        expected: address = formal
        planned: informal</failure>
            </testcase>
          </testsuite>
        </testsuites>

        """)
    }

    @Test func emptyResult() throws {
        let text = CheckJUnit().render(ReporterFixtures.empty)
        #expect(text == """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="throughline check" tests="0" failures="0" errors="0" time="0">
        </testsuites>

        """)
        #expect(children(try parse(text), "testsuite").isEmpty)
    }

    @Test func deterministic() async {
        let loaded = await ReporterFixtures.loaded()
        #expect(CheckJUnit().render(loaded) == CheckJUnit().render(loaded))
        #expect(CheckJUnit().render(ReporterFixtures.mixed) == CheckJUnit().render(ReporterFixtures.mixed))
    }
}
