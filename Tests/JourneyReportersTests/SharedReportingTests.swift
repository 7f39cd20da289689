import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

/// What the formats share: the words, findings file by file, the verdict
/// pages headline, and a reporter rendered to a string.
@Suite("Shared by the formats")
struct SharedReportingTests {
    @Test("plural and the summary line")
    func summaryLine() {
        #expect(ReportWording.plural(0, "error") == "0 errors")
        #expect(ReportWording.plural(1, "open gap") == "1 open gap")
        #expect(ReportWording.plural(2, "touchpoint") == "2 touchpoints")
        #expect(ReportWording.summaryLine(ReporterFixtures.empty.summary) == "0 errors, 0 warnings, 0 infos in 0 files (0 journeys, 0 touchpoints)")
        #expect(ReportWording.summaryLine(ReporterFixtures.mixed.summary)
            == "2 errors, 1 warning, 1 info in 2 files (0 journeys, 0 touchpoints); 1 gap accepted (suppressions or baseline)")
    }

    @Test("a place is the journey and touchpoint, then the channel and stage it has")
    func place() {
        #expect(ReportWording.place(of: ReporterFixtures.gap()) == "first-purchase/welcome-mail (email, discover)")
        #expect(ReportWording.place(of: ReporterFixtures.gap(touchpoint: nil, channel: nil)) == "first-purchase (discover)")
        #expect(ReportWording.place(of: ReporterFixtures.gap(touchpoint: nil, channel: nil, stage: nil)) == "first-purchase")
        #expect(ReportWording.channelLabel("chat", name: "Chat") == "Chat (chat)")
        #expect(ReportWording.channelLabel("chat", name: "chat") == "chat")
        #expect(ReportWording.journeyLabel("care", name: nil) == "care")
        #expect(ReportWording.journeyLabel("care", name: "Care and repair") == "Care and repair (care)")
    }

    @Test("a diagnostic's did-you-mean is added once, unless the message already quotes it")
    func suggestion() {
        let quoted = ReporterFixtures.diagnostic()
        #expect(quoted.messageWithSuggestion == quoted.message)
        let bare = ReporterFixtures.diagnostic(message: "unknown channel 'emial'")
        #expect(bare.messageWithSuggestion == "unknown channel 'emial' (did you mean 'email'?)")
        #expect(Finding.diagnostic(bare).message == bare.messageWithSuggestion)
        #expect(Finding.diagnostic(bare).words.expectedAndPlanned == nil)
    }

    @Test("a gap's finding says what the gap says, its action only when there is one")
    func gapFinding() {
        let finding = Finding.gap(ReporterFixtures.gap(action: "Set address to formal."))
        #expect(finding.id == "formal-address")
        #expect(finding.title == "formal-address · newcomers")
        let words = finding.words
        #expect(words.message == finding.message)
        #expect(words.action == "Set address to formal.")
        #expect(words.expectedAndPlanned?.expected == "address = formal")
        #expect(words.expectedAndPlanned?.planned == "informal")
        #expect(finding.action == words.action && finding.related == words.related)
        #expect(Finding.gap(ReporterFixtures.gap()).words.action == nil)
        #expect(Finding.gap(ReporterFixtures.gap(segment: nil)).title == "formal-address")
    }

    @Test("findings of a file in line order keep report order where they share a position")
    func lineOrder() {
        let result = ReporterFixtures.result(
            diagnostics: [ReporterFixtures.diagnostic(line: 20, column: 1)],
            gaps: [
                ReporterFixtures.gap(marker: "b", line: 12, column: 20),
                ReporterFixtures.gap(marker: "a", line: 12, column: 20),
                ReporterFixtures.gap(marker: "c", line: 3, column: 9),
                ReporterFixtures.gap(marker: "elsewhere", file: "Journeys/other.journey.jsonc"),
            ]
        )
        let byFile = FindingsByFile(result, includingAccepted: false)
        var files: [String] = []
        var findings: [String: [Finding]] = [:]
        byFile.forEachFile { file, found in
            files.append(file)
            findings[file] = found
        }
        #expect(files == ["Journeys/aurele/first-purchase.journey.jsonc", "Journeys/other.journey.jsonc"])
        #expect(findings[ReporterFixtures.journeyFile]?.map(\.id) == ["unknown-channel", "b", "a", "c"])
        #expect(FindingsByFile.inLineOrder(findings[ReporterFixtures.journeyFile] ?? []).map(\.id) == ["c", "b", "a", "unknown-channel"])
        // Files asked for without findings come in path order, with none.
        var all: [String] = []
        byFile.forEachFile(alsoFiles: ["Brands/z.brand.jsonc", "Journeys/b.journey.jsonc"]) { file, found in all.append("\(file) \(found.count)") }
        #expect(all == [
            "Brands/z.brand.jsonc 0", "Journeys/aurele/first-purchase.journey.jsonc 4", "Journeys/b.journey.jsonc 0", "Journeys/other.journey.jsonc 1",
        ])
    }

    @Test("the verdict: failing, findings below the fail severity, or none")
    func verdict() {
        #expect(ReporterFixtures.mixed.verdict == .fails)
        #expect(ReporterFixtures.empty.verdict == .clean)
        #expect(ReporterFixtures.result(gaps: [ReporterFixtures.gap(severity: .warning)]).verdict == .passesWithFindings)
        let accepted = ReporterFixtures.gap(suppression: SuppressionNote(reason: "known", location: SourceLocation(file: "x", line: 1, column: 1)))
        #expect(ReporterFixtures.result(gaps: [accepted]).verdict == .clean)
    }

    @Test("Markdown table rows keep their columns")
    func markdownTable() {
        #expect(MarkdownTable.header(["Channel", "Score"], rightAligned: [1]) == ["| Channel | Score |", "| --- | ---: |"])
        #expect(MarkdownTable.row(["Chat", ""]) == "| Chat |   |")
    }

    @Test("a reporter renders what it writes, whichever way it is held")
    func render() {
        let reporter: any Reporter<CheckResult> = CheckText()
        #expect(reporter.render(ReporterFixtures.mixed) == CheckText(style: .plain).render(ReporterFixtures.mixed))
        #expect(CheckText(style: TerminalStyle(colors: true)).render(ReporterFixtures.mixed).contains("\u{1B}[1;31merror:\u{1B}[0m"))
        #expect(!CheckText().render(ReporterFixtures.mixed).contains("\u{1B}"))
    }
}
