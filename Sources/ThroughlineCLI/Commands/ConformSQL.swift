import ConformanceSQL
import ThroughlineKit

extension ConformCommand {
    /// Options that shape a replay's report, which a SQL script has no use for.
    static var replayOnly: [String] { [segment.spec.name, format.spec.name, csvPart.spec.name, CommonOptions.csvSeparator.spec.name, failBelow.spec.name, maxBadRows.spec.name, redactKeyFile.spec.name, CommonOptions.color.spec.name] }

    /// `conform --emit-sql DIALECT`: the conformance as a SQL script for a
    /// warehouse, written to `--output` or standard output; the exports are
    /// not read. Exit 0, or 2 when the workspace cannot be compiled (a
    /// column name no quoted identifier carries, a time format the dialect
    /// cannot read) or an option of the replay is given with it.
    static func emitSQL(_ dialect: SQLDialect, arguments: ParsedArguments, workspace: WorkspaceRun, check: CheckRun, io: CommandIO) -> ExitCode {
        let given = replayOnly.filter { arguments.givenOptions.contains($0) } + (arguments[Self.redact] ? [redact.spec.name] : []) + (arguments[CommonOptions.csvBOM] ? [CommonOptions.csvBOM.spec.name] : [])
        guard given.isEmpty else {
            io.writeError("error: --emit-sql writes every segment's figures and no report: \(given.map { "--" + $0 }.joined(separator: ", ")) cannot go with it\n")
            return .unusableInput
        }
        let model = check.judgement.workspace
        let unusable = check.loaded.unusableFiles
        let sources = check.loaded.sources.filter { !unusable.contains($0.file) }.sorted { ($0.brand, $0.id) < ($1.brand, $1.id) }
        let script: String
        do throws(ConformanceSQLError) {
            script = try ConformanceSQL.script(brands: model.brands, journeys: model.journeys, sources: sources, dialect: dialect, table: arguments[Self.table])
        } catch {
            io.writeError("error: \(error.description)\n")
            return .unusableInput
        }
        let output = arguments[Self.output]
        if let failure = workspace.emit(script, output: output, io: io) { return failure }
        if let output { io.writeError("wrote \(output): the \(dialect.rawValue) conformance script for \(sources.count) source\(sources.count == 1 ? "" : "s")\n") }
        return .success
    }
}
