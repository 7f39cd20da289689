import Foundation
import JourneyModel
import JourneyReporters
import LivedReport
import PeriodReview
import ThroughlineKit

/// `throughline review`: the end-of-period review of the lived cases the
/// sources describe: computable KPIs against their objectives, per owner,
/// forecasts against outcomes, the charter on the period's deals, an
/// action plan.
enum ReviewCommand {
    /// The formats `review` writes.
    enum Format: String, CaseIterable {
        case text, json, csv, markdown, html

        func reporter(style: TerminalStyle) -> any Reporter<ReviewReport> {
            switch self {
            case .text: ReviewText(style: style)
            case .json: ReviewJSON()
            case .csv: ReviewCSV()
            case .markdown: ReviewMarkdown()
            case .html: ReviewHTML()
            }
        }
    }

    static let period: Option<ReviewPeriod?> = .parsed(
        "period", value: "PERIOD", help: "The period reviewed: a quarter (2026-Q3), a month (2026-07) or an ISO week (2026-W27)."
    ) { ReviewPeriod($0) }
    static let previous: Option<ReviewPeriod?> = .parsed(
        "previous", value: "PERIOD", help: "The period compared with (default: the one just before, of the same length)."
    ) { ReviewPeriod($0) }
    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
    static let output = CommonOptions.output("the report")

    static let spec = CommandSpec(
        name: "review",
        abstract: "Review a period: computable KPIs against objectives, per owner, forecasts against outcomes, an action plan.",
        discussion: """
        Reads ./Brands, ./Journeys and ./Observations by default, and the exports the sources describe, as conform \
        does. Exit code 0, or 2 when the input is unusable (no --period, a source or an export with errors, more \
        bad rows than --max-bad-rows).
        """,
        options: [
            period.spec, previous.spec, format.spec, output.spec, ConformCommand.maxBadRows.spec, ConformCommand.redactKeyFile.spec,
            CommonOptions.color.spec,
        ],
        flags: [ConformCommand.redact.spec],
        positionals: PositionalSpec(name: "PATH", help: "Brand, journey and source files, or folders holding them.", repeating: true),
        examples: [
            "throughline review --period 2026-Q3",
            "throughline review --period 2026-Q3 --previous 2025-Q3 --format json --output review.json",
        ]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        guard let period = arguments[Self.period] else {
            io.writeError("error: review needs --period, such as --period 2026-Q3 (a quarter), 2026-07 (a month) or 2026-W27 (an ISO week)\n")
            return .unusableInput
        }
        let previous = arguments[Self.previous] ?? period.previous
        guard previous.length == period.length else {
            io.writeError("error: --previous \(previous) is not a period of the same length as --period \(period)\n")
            return .unusableInput
        }
        let loaded = await WorkspaceRun.load(paths: arguments.positionals, io: io, defaultFolders: ConformCommand.defaultFolders)
        let check = await loaded.check()
        let workspace = loaded.reading(exportsOf: check, keyFile: arguments[ConformCommand.redactKeyFile])
        if let unusable = workspace.reportUnusableInput(check.diagnostics, io: io) { return unusable }
        var redaction: KeyedHash?
        if arguments[ConformCommand.redact] {
            switch ConformCommand.redactionKey(arguments, io: io) {
            case .success(let key): redaction = KeyedHash(key: key)
            case .failure(let problem):
                io.writeError("error: \(problem.message)\n")
                return .unusableInput
            }
        }
        let maxBadRows = arguments[ConformCommand.maxBadRows]
        let run = ReviewRun.review(
            check, access: FileExports(workingDirectory: io.workingDirectory, sources: check.loaded.sources), period: period, previous: previous, maxBadRows: maxBadRows,
            redaction: redaction
        )
        if !run.diagnostics.isEmpty, let failure = workspace.reportUnusableInput(run.diagnostics, io: io) { return failure }
        if run.tooManyBadRows, let limit = maxBadRows {
            io.writeError("error: an export has more than \(limit) rows that cannot be read (--max-bad-rows \(limit)); conform lists them\n")
            return .unusableInput
        }
        let output = arguments[Self.output]
        let colors = output == nil && io.usesColor(arguments[CommonOptions.color])
        let reporter = arguments[Self.format].reporter(style: TerminalStyle(colors: colors))
        if let failure = workspace.emit(run.report, with: reporter, output: output, io: io) { return failure }
        if let output { io.writeError("wrote \(output): the review of \(period) for \(run.report.brands.count) brands\n") }
        return .success
    }
}
