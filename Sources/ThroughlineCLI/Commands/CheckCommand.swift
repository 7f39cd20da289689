import CharterChecker
import JourneyLoader
import JourneyModel
import JourneyReporters
import ThroughlineKit

/// `throughline check`: located diagnostics and gaps, and the exit code CI
/// gates on.
enum CheckCommand {
    /// The formats `check` writes.
    enum Format: String, CaseIterable {
        case text, json, sarif, junit, github, markdown, html, csv

        /// The reporter that writes this format; `style` colours the text
        /// format, `csv` is how the CSV format is written.
        func reporter(style: TerminalStyle, csv: CSVDialect = .standard) -> any Reporter<CheckResult> {
            switch self {
            case .text: CheckText(style: style)
            case .json: CheckJSON()
            case .sarif: CheckSARIF(toolVersion: Throughline.version)
            case .junit: CheckJUnit()
            case .github: CheckGitHub()
            case .markdown: CheckMarkdown()
            case .html: CheckHTML()
            case .csv: CheckCSV(dialect: csv)
            }
        }
    }

    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
    static let output = CommonOptions.output("the report")
    static let failOn: Option<Severity> = .choice(
        "fail-on", value: "SEVERITY", help: "Lowest severity that fails the run.", default: .error, choices: [.error, .warning, .info]
    )
    static let baseline: Option<String?> = .text("baseline", value: "FILE", help: "Accept the gaps recorded in FILE: only new gaps fail the run.")
    /// Gaps a report lists when `--max-gaps` is not given: a generous report,
    /// but never one that fills a disk.
    static let defaultMaxGaps = 100_000
    static let maxGaps: Option<Int?> = .parsed(
        "max-gaps", value: "N",
        help: "List at most N gaps (default \(defaultMaxGaps)), with a note when more are left out; counts and the exit code include them all."
    ) { Int($0).flatMap { $0 >= 0 ? $0 : nil } }
    static let summary: Option<String?> = .text(
        "summary", value: "FILE",
        help: "Also write a Markdown summary to FILE; when GITHUB_STEP_SUMMARY is set, it is appended to that file too."
    )
    /// The most gaps a summary lists: GitHub refuses a step summary over 1 MiB.
    static let summaryMaxGaps = 500
    static let writeBaseline: Option<String?> = .text(
        "write-baseline", value: "FILE", help: "Record the current open gaps in FILE (atomically) and exit 0; --baseline is then not read."
    )

    static let spec = CommandSpec(
        name: "check",
        abstract: "Check journeys against their brand's relational identity charter.",
        discussion: """
        Reads the brand, charter and journey files under each PATH (default: ./Brands and ./Journeys) \
        and reports problems with the files and gaps between the planned experience and the charter. \
        Exit code 0: nothing at or above --fail-on; 1: findings at or above it; 2: unusable input or arguments.
        """,
        options: [
            format.spec, output.spec, failOn.spec, CommonOptions.color.spec, baseline.spec, writeBaseline.spec, maxGaps.spec,
            summary.spec, CommonOptions.csvSeparator.spec,
        ],
        flags: [CommonOptions.csvBOM.spec],
        positionals: PositionalSpec(name: "PATH", help: "Brand, charter or journey files, or folders holding them.", repeating: true),
        examples: [
            "throughline check",
            "throughline check Journeys/maison-aurele --format json",
            "throughline check --format sarif --output throughline.sarif",
            "throughline check --write-baseline .throughline-baseline.json",
            "throughline check --baseline .throughline-baseline.json",
        ]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        let files = WorkspaceFiles(workingDirectory: io.workingDirectory)
        let output = arguments[Self.output]
        if let baselinePath = arguments[Self.writeBaseline], let output,
           OutputFile.sameFile(files.absolute(baselinePath), files.absolute(output)) {
            io.writeError("error: refusing to write the baseline to \(baselinePath): --output names the same file\n")
            return .unusableInput
        }
        // A baseline to apply is read first: its parsed text is let go
        // before the workspace is loaded, and only the fingerprints are kept.
        var baseline: Baseline?
        var baselineProblems: [Diagnostic] = []
        if arguments[Self.writeBaseline] == nil, let path = arguments[Self.baseline] {
            let bytes: [UInt8]
            do {
                bytes = try FileReader.read(files.absolute(path))
            } catch {
                io.writeError("error: cannot read the baseline \(path): \(error.reason)\n")
                return .unusableInput
            }
            let (contents, problems) = BaselineFile.read(bytes, path: path)
            baseline = Baseline(
                entries: contents.entries.map { Baseline.Entry(fingerprint: $0.fingerprint, position: $0.position) },
                file: path, version: contents.version
            )
            baselineProblems = problems
        }
        let workspace = await WorkspaceRun.load(paths: arguments.positionals, io: io)
        if let path = arguments[Self.writeBaseline] {
            if let failure = workspace.reportUnusableInput(workspace.loaded.diagnostics, io: io) { return failure }
            let run = await workspace.check()
            let gaps = run.report.gaps.map(run.wording.describe)
            if let failure = workspace.emit(gaps, with: BaselineJSON(), output: path, io: io) { return failure }
            let count = run.report.openGaps.count
            io.writeError("recorded \(count) gap\(count == 1 ? "" : "s") in \(path)\n")
            return .success
        }
        let run = await workspace.check(baseline: baseline, baselineProblems: baselineProblems, keeping: .proportional)
        var result = workspace.checkResult(run, failSeverity: arguments[Self.failOn])
        result.maxGaps = arguments[Self.maxGaps] ?? Self.defaultMaxGaps
        let colors = output == nil && io.usesColor(arguments[CommonOptions.color])
        let csv = CSVDialect(separator: arguments[CommonOptions.csvSeparator], byteOrderMark: arguments[CommonOptions.csvBOM])
        let reporter = arguments[Self.format].reporter(style: TerminalStyle(colors: colors), csv: csv)
        if let failure = workspace.emit(result, with: reporter, output: output, io: io, baseline: baseline?.file) { return failure }
        if let failure = writeSummaries(of: result, to: arguments[Self.summary], workspace: workspace, io: io, baseline: baseline?.file) {
            return failure
        }
        // The report went to a file: the log still shows the outcome.
        if output != nil {
            if let note = ReportWording.cutNote(result) { io.writeError("note: \(note)\n") }
            io.writeError(ReportWording.summaryLine(result.summary) + "\n")
        }
        return exitCode(for: result)
    }

    /// The Markdown report, its gaps cut at ``summaryMaxGaps``, to `--summary`
    /// (replaced, as any report) and to the end of `$GITHUB_STEP_SUMMARY`.
    static func writeSummaries(
        of result: CheckResult, to path: String?, workspace: WorkspaceRun, io: CommandIO, baseline: String?
    ) -> ExitCode? {
        var summary = result
        summary.maxGaps = min(result.maxGaps, summaryMaxGaps)
        if let path, let failure = workspace.emit(summary, with: CheckMarkdown(), output: path, io: io, baseline: baseline) {
            return failure
        }
        guard let step = io.environment["GITHUB_STEP_SUMMARY"], !step.isEmpty else { return nil }
        do {
            try OutputFile.append(to: workspace.files.absolute(step), shownAs: "GITHUB_STEP_SUMMARY (\(step))") { output in
                CheckMarkdown().write(summary, to: &output)
            }
        } catch {
            io.writeError(TerminalEscaping.text("error: \(error.message)") + "\n")
            return .unusableInput
        }
        return nil
    }

    static func exitCode(for result: CheckResult) -> ExitCode {
        if result.hasUnusableInput { return .unusableInput }
        return result.fails ? .findings : .success
    }
}
