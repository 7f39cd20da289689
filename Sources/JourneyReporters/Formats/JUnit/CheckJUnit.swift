import JSONWriter
import CharterChecker
import JourneyModel

/// `--format junit` for `check`: JUnit XML as GitLab, Jenkins and the GitHub
/// test-report actions read it.
///
/// - One `<testsuite>` per file (named by its path, files in path order):
///   every brand, charter and journey file of the workspace, and every file
///   a finding points at. A file without findings gets one passing
///   `<testcase name="no findings">`, so it shows green.
/// - One `<testcase>` per finding. Gaps: `classname` is `journey.touchpoint`
///   (`journey.stage` or `journey` for gaps about a whole stage or journey),
///   `name` is `marker · segment` (with the attribute, and the stage for
///   journey-wide gaps, when needed to tell two cases apart). Diagnostics: `classname` is `throughline.input`,
///   `name` is `code at line:column`. The suite carries the `file`; the
///   line and column open each case's text (Jenkins' `junit-10.xsd`, which
///   its xUnit plugin checks every report against, allows neither `file`
///   nor `line` on a test case).
/// - `--fail-on` decides, as for the exit code: findings at or above it
///   fail (`<failure>`), except unusable input (a diagnostic at error
///   severity), which is an `<error>`. Findings below it pass, with the
///   finding in `<system-out>`. Accepted gaps are `<skipped message="reason">`.
///
/// ```xml
/// <testsuite name="Journeys/aurele/first-purchase.journey.jsonc" tests="1" failures="1" errors="0" skipped="0" time="0" file="…">
///   <testcase classname="first-purchase.welcome-mail" name="formal-address · newcomers" time="0">
///     <failure message="welcome-mail (email, discover) plans …" type="error">…</failure>
/// ```
public struct CheckJUnit: Reporter {
    public init() {}

    /// Suite by suite, case by case into `output`. The counts every suite
    /// (and the whole run) opens with are found first, without words; a
    /// file's findings exist only while its suite is counted or written.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        let byFile = FindingsByFile(result, includingAccepted: true)
        let files = Self.files(of: result.workspace)
        // A first walk counts, so that every suite can open with its counts.
        var suiteCounts: [Counts] = []
        let failing = result.failSeverity
        byFile.forEachFile(alsoFiles: files) { _, findings in suiteCounts.append(Self.counts(of: findings, failing: failing)) }
        let note = ReportWording.cutNote(result)
        // A report cut by --max-gaps ends with a suite that says so, one passing case.
        let total = suiteCounts.reduce(Counts(tests: note == nil ? 0 : 1), +)
        output.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        // The schema has no `skipped` on the whole run: each suite counts its own.
        output.write("<testsuites name=\"throughline check\" tests=\"\(total.tests)\" failures=\"\(total.failures)\" errors=\"\(total.errors)\" time=\"0\">\n")
        var suite = 0
        byFile.forEachFile(alsoFiles: files) { file, findings in
            Self.writeSuite(file: file, findings: findings, counts: suiteCounts[suite], failing: failing, to: &output)
            suite += 1
        }
        if let note {
            output.write("  <testsuite name=\"throughline report\"\(Counts(tests: 1).attributes)>\n")
            output.write("    <testcase classname=\"throughline\" name=\"report cut (--max-gaps)\" time=\"0\">\n")
            output.write("      <system-out>\(Self.text(note))</system-out>\n    </testcase>\n  </testsuite>\n")
        }
        output.write("</testsuites>\n")
    }

    /// Every file of the workspace, in path order: each has a suite, with findings or without.
    static func files(of workspace: Workspace) -> [String] {
        var files = Set<String>()
        for brand in workspace.brands {
            files.insert(brand.location.file)
            for marker in brand.charter.markers { files.insert(marker.location.file) }
        }
        for journey in workspace.journeys { files.insert(journey.file) }
        return files.sorted()
    }

    struct Counts {
        var tests = 0
        var failures = 0
        var errors = 0
        var skipped = 0

        static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                tests: lhs.tests + rhs.tests, failures: lhs.failures + rhs.failures,
                errors: lhs.errors + rhs.errors, skipped: lhs.skipped + rhs.skipped
            )
        }

        var attributes: String {
            " tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\""
        }
    }

    /// How a finding counts: skipped, error, failure, or a passing test.
    /// `failing` is `--fail-on`: what fails the run fails its test.
    static func outcome(of finding: Finding, failing: Severity) -> Outcome {
        switch finding {
        case .diagnostic(let diagnostic):
            if diagnostic.severity == .error { return .error }
            return diagnostic.severity >= failing ? .failure : .passed
        case .gap(let gap):
            if gap.suppression != nil { return .skipped }
            return gap.severity >= failing ? .failure : .passed
        }
    }

    enum Outcome {
        case skipped, error, failure, passed
    }

    static func counts(of findings: [Finding], failing: Severity) -> Counts {
        guard !findings.isEmpty else { return Counts(tests: 1) }
        var counts = Counts(tests: findings.count)
        for finding in findings {
            switch outcome(of: finding, failing: failing) {
            case .skipped: counts.skipped += 1
            case .error: counts.errors += 1
            case .failure: counts.failures += 1
            case .passed: break
            }
        }
        return counts
    }

    static func writeSuite(file: String, findings: [Finding], counts: Counts, failing: Severity, to output: inout ReportOutput) {
        output.write("  <testsuite name=\"\(attr(file))\"\(counts.attributes) file=\"\(attr(file))\">\n")
        for (finding, (classname, name)) in zip(findings, uniqueNames(findings)) {
            var lines = "    <testcase classname=\"\(attr(classname))\" name=\"\(attr(name))\" time=\"0\">\n"
            let words = finding.words
            let details = self.details(of: finding, words: words)
            switch outcome(of: finding, failing: failing) {
            case .skipped:
                lines += "      <skipped message=\"\(attr(finding.suppression?.reason ?? ""))\">\(details)</skipped>\n"
            case .error:
                lines += "      <error message=\"\(attr(words.message))\" type=\"\(finding.severity)\">\(details)</error>\n"
            case .failure:
                lines += "      <failure message=\"\(attr(words.message))\" type=\"\(finding.severity)\">\(details)</failure>\n"
            case .passed:
                lines += "      <system-out>\(details)</system-out>\n"
            }
            output.write(lines + "    </testcase>\n")
        }
        if findings.isEmpty {
            output.write("    <testcase classname=\"throughline\" name=\"no findings\" time=\"0\"/>\n")
        }
        output.write("  </testsuite>\n")
    }

    /// `classname` and `name` of each finding's test case, unique within the
    /// suite so that CI servers keep them apart: `marker · segment`, with the
    /// attribute (and the stage of journey-wide gaps) when that is not
    /// enough, and a counter as the last resort.
    static func uniqueNames(_ findings: [Finding]) -> [(classname: String, name: String)] {
        let short = findings.map { names(of: $0, detailed: false) }
        var shortCount: [String: Int] = [:]
        for (classname, name) in short { shortCount[classname + "\u{0}" + name, default: 0] += 1 }
        var used: [String: Int] = [:]
        return zip(findings, short).map { finding, names in
            var (classname, name) = names
            if shortCount[classname + "\u{0}" + name]! > 1 { name = self.names(of: finding, detailed: true).name }
            let key = classname + "\u{0}" + name
            used[key, default: 0] += 1
            if used[key]! > 1 { name += " (\(used[key]!))" }
            return (classname, name)
        }
    }

    static func names(of finding: Finding, detailed: Bool) -> (classname: String, name: String) {
        let gap: DescribedGap
        switch finding {
        case .diagnostic(let diagnostic):
            return ("throughline.input", "\(diagnostic.code.rawValue) at \(diagnostic.location.line):\(diagnostic.location.column)")
        case .gap(let found):
            gap = found
        }
        let place = gap.touchpoint ?? gap.stage
        let classname = [gap.journey, place].compactMap { $0 }.joined(separator: ".")
        var parts = [gap.marker, gap.segment]
        if detailed { parts += [gap.attribute, gap.touchpoint == nil ? gap.stage : nil] }
        return (classname, parts.compactMap { $0 }.joined(separator: " · "))
    }

    /// The body of a failure, error, skip or output: the finding in full,
    /// one `label: value` a line, each value escaped (so no value breaks a
    /// line of its own).
    static func details(of finding: Finding, words: Finding.Words) -> String {
        var lines = ["\(text(finding.location.description)): \(finding.severity): \(text(words.message))"]
        switch finding {
        case .gap(let gap):
            lines.append("marker: \(text(gap.marker)) (\(gap.kind.rawValue))")
            lines.append("brand: \(text(gap.brand))")
            lines.append("journey: \(text(gap.journey))")
            let optional: [(String, String?)] = [
                ("touchpoint", gap.touchpoint), ("segment", gap.segment), ("channel", gap.channel),
                ("stage", gap.stage), ("attribute", gap.attribute),
            ]
            for case let (label, value?) in optional { lines.append("\(label): \(text(value))") }
            if let (expected, planned) = words.expectedAndPlanned {
                lines.append("expected: \(text(expected))")
                lines.append("planned: \(text(planned))")
            }
            if let action = words.action { lines.append("action: \(text(action))") }
            if let suppression = gap.suppression {
                lines.append("accepted at \(text(suppression.location.description)): \(text(suppression.reason))")
            }
        case .diagnostic(let diagnostic):
            lines.append("diagnostic: \(diagnostic.code.rawValue)")
        }
        for related in words.related { lines.append("see \(text(related.location.description)): \(text(related.message))") }
        return lines.joined(separator: "\n")
    }

    private static func text(_ text: String) -> String { MarkupEscaping.text(text) }

    private static func attr(_ text: String) -> String { MarkupEscaping.attribute(text) }
}
