import Testing
import CharterChecker
import JourneyModel
@testable import JourneyReporters

@Suite("GitHub workflow commands")
struct CheckGitHubTests {
    @Test func oneLinePerOpenFindingThenTheSummary() {
        let text = CheckGitHub().render(ReporterFixtures.mixed)
        let file = ReporterFixtures.journeyFile
        #expect(text == """
        ::error file=\(file),line=5,col=18,title=unknown-channel::unknown channel 'emial'; did you mean 'email'?
        ::error file=\(file),line=12,col=20,title=formal-address · newcomers::welcome-mail (email, discover) plans address = informal; 'We always address customers formally' expects address = formal%0A→ Set address to formal at welcome-mail.
        ::warning file=\(file),line=14,col=36,title=one-signature · premium::store-visit plans another signature%0A\(file):9:60: the value most used%0A\(file):14:36: the other value
        ::notice file=\(file),line=8,col=52,title=warm-tone · newcomers::welcome-mail plans tone = neutral
        \(ReportWording.summaryLine(ReporterFixtures.mixed.summary))

        """)
    }

    @Test func escapesMessagesAndProperties() {
        let gap = ReporterFixtures.gap(
            segment: "a,b:c", file: "Journeys/odd, name: 100%.jsonc",
            message: "100% off\r\nnext line: a, b ::error::fake"
        )
        let lines = CheckGitHub().render(ReporterFixtures.result(gaps: [gap])).split(separator: "\n", omittingEmptySubsequences: false)
        // The message's own line breaks are shown, so that it cannot fake a line of the annotation.
        #expect(lines[0] == #"::error file=Journeys/odd%2C name%3A 100%25.jsonc,line=12,col=20,title=formal-address · a%2Cb%3Ac::100%25 off\u{D}\u{A}next line: a, b ::error::fake"#)
        #expect(lines.count == 3)
        #expect(lines[2] == "")
    }

    @Test func suggestionIsAddedWhenTheMessageLacksIt() {
        let diagnostic = ReporterFixtures.diagnostic(.unknownStage, severity: .warning, message: "unknown stage 'by'", suggestion: "buy")
        let first = CheckGitHub().render(ReporterFixtures.result(diagnostics: [diagnostic])).split(separator: "\n").first
        #expect(first == "::warning file=\(ReporterFixtures.journeyFile),line=5,col=18,title=unknown-stage::unknown stage 'by' (did you mean 'buy'?)")
    }

    @Test func acceptedGapsGetNoAnnotation() {
        let text = CheckGitHub().render(ReporterFixtures.mixed)
        #expect(!text.contains("named-advisor"))
    }

    @Test("annotations come worst first, diagnostics before gaps within a level, each in report order")
    func worstFirst() {
        let result = ReporterFixtures.result(
            diagnostics: [ReporterFixtures.diagnostic(.unknownStage, severity: .warning, line: 2, message: "unknown stage 'by'", suggestion: nil)],
            gaps: [
                ReporterFixtures.gap(marker: "a-info", severity: .info, line: 1, message: "info gap"),
                ReporterFixtures.gap(marker: "b-warning", severity: .warning, line: 3, message: "warning gap"),
                ReporterFixtures.gap(marker: "c-error", severity: .error, line: 4, message: "error gap"),
                ReporterFixtures.gap(marker: "d-warning", severity: .warning, line: 5, message: "second warning gap"),
            ]
        )
        let lines = CheckGitHub().render(result).split(separator: "\n").map { $0.split(separator: "::").first.map(String.init) ?? "" }
        #expect(lines == [
            "error file=\(ReporterFixtures.journeyFile),line=4,col=20,title=c-error · newcomers",
            "warning file=\(ReporterFixtures.journeyFile),line=2,col=18,title=unknown-stage",
            "warning file=\(ReporterFixtures.journeyFile),line=3,col=20,title=b-warning · newcomers",
            "warning file=\(ReporterFixtures.journeyFile),line=5,col=20,title=d-warning · newcomers",
            "notice file=\(ReporterFixtures.journeyFile),line=1,col=20,title=a-info · newcomers",
            ReportWording.summaryLine(result.summary),
        ])
    }

    @Test("the same gap lived by several segments is one annotation naming them")
    func segmentsTogether() {
        let result = ReporterFixtures.result(gaps: [
            ReporterFixtures.gap(segment: "newcomers"),
            ReporterFixtures.gap(segment: "premium"),
            ReporterFixtures.gap(segment: "regulars", message: "another message"),
        ])
        let lines = CheckGitHub().render(result).split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[0].hasPrefix("::error file=\(ReporterFixtures.journeyFile),line=12,col=20,title=formal-address · newcomers%2C premium::welcome-mail"))
        #expect(lines[1] == "::error file=\(ReporterFixtures.journeyFile),line=12,col=20,title=formal-address · regulars::another message")
        // The summary still counts three gaps.
        #expect(lines[2].hasPrefix("3 errors"))
    }

    @Test func emptyResult() {
        #expect(CheckGitHub().render(ReporterFixtures.empty) == "0 errors, 0 warnings, 0 infos in 0 files (0 journeys, 0 touchpoints)\n")
    }

    @Test func deterministic() async {
        let loaded = await ReporterFixtures.loaded()
        #expect(CheckGitHub().render(loaded) == CheckGitHub().render(loaded))
        #expect(CheckGitHub.commandName(.info) == "notice")
    }
}
