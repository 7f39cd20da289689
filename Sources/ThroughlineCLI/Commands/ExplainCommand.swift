import CharterAudit
import JourneyModel
import JourneyReporters
import ThroughlineKit

/// `throughline explain MARKER`: what a marker expects, where, why, where it
/// comes from, and which touchpoints fail it now.
enum ExplainCommand {
    /// The formats `explain` writes.
    enum Format: String, CaseIterable {
        case text, json

        /// The reporter that writes this format; `style` colours the text format.
        func reporter(style: TerminalStyle) -> any Reporter<[MarkerExplanation]> {
            switch self {
            case .text: ExplainText(style: style)
            case .json: ExplainJSON()
            }
        }
    }

    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)

    static let spec = CommandSpec(
        name: "explain",
        abstract: "Explain a marker: what it expects, where it applies, its inheritance and what fails it.",
        options: [format.spec, CommonOptions.color.spec],
        positionals: PositionalSpec(name: "MARKER-AND-PATHS", help: "The marker id, then brand and journey files or folders (default: ./Brands and ./Journeys).", repeating: true, required: true),
        examples: ["throughline explain fast-reply", "throughline explain qualify-by-phone-first Brands Journeys/zignature"]
    )

    static func run(_ arguments: ParsedArguments, io: CommandIO) async -> ExitCode {
        guard let markerID = arguments.positionals.first else { return .unusableInput }
        let workspace = await WorkspaceRun.load(paths: Array(arguments.positionals.dropFirst()), io: io)
        if let failure = workspace.reportUnusableInput(workspace.loaded.diagnostics, io: io) { return failure }
        let run = await workspace.check()
        if let failure = workspace.reportUnusableInput(run.diagnostics, io: io) { return failure }
        let explanations = MarkerExplanation.explain(markerID, in: run.judgement.workspace, report: run.report, audit: run.audit())
        guard !explanations.isEmpty else {
            let known = Set(run.judgement.workspace.brands.flatMap { $0.charter.markers.map(\.id) }).sorted()
            io.writeError("error: no charter defines a marker '\(markerID)'\(DidYouMean.hint(for: markerID, in: known)); markers: \(known.joined(separator: ", "))\n")
            return .unusableInput
        }
        let reporter = arguments[Self.format].reporter(style: TerminalStyle(colors: io.usesColor(arguments[CommonOptions.color])))
        return workspace.emit(explanations, with: reporter, output: nil, io: io) ?? .success
    }
}
