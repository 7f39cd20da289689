import Foundation
import CharterChecker
import JSONWriter
import JourneyLoader
import JourneyModel
import JourneyReporters

/// The part every command shares: find the files, read them, load them and
/// check them. Only this and the output step touch the file system.
struct WorkspaceRun {
    /// The folders checked when no path is given.
    static let defaultFolders = ["Brands", "Journeys"]

    let files: WorkspaceFiles
    /// Every path read, as shown.
    let inputs: [String]
    let load: LoadResult
    /// `var` so that a baseline marks its gaps in place.
    var report: CheckReport
    /// Discovery, reading, loading and checking diagnostics, in report order.
    let diagnostics: [Diagnostic]

    static func load(paths: [String], io: CommandIO) async -> WorkspaceRun {
        let files = WorkspaceFiles(workingDirectory: io.workingDirectory)
        let roots = paths.isEmpty ? defaultFolders.filter { files.isFolder($0) } : paths
        var diagnostics: [Diagnostic] = []
        var discovery = files.discover(roots)
        if roots.isEmpty {
            diagnostics.append(Diagnostic(
                .noInput, at: SourceLocation(file: ".", position: .startOfFile),
                "there is no Brands/ or Journeys/ folder here; give the brand and journey files or folders to check"
            ))
        }
        // A journey names its brand by id: when the paths given hold no
        // brand, brands are looked up in ./Brands.
        if !paths.isEmpty, !discovery.entries.contains(where: { FileKind(path: $0.displayPath) == .brand }),
           files.isFolder("Brands"), !roots.contains("Brands") {
            let brands = files.discover(["Brands"])
            discovery.entries += brands.entries.filter { FileKind(path: $0.displayPath) != .journey }
            discovery.diagnostics += brands.diagnostics
        }
        diagnostics += discovery.diagnostics
        if !roots.isEmpty, discovery.entries.isEmpty, discovery.diagnostics.isEmpty {
            diagnostics.append(Diagnostic(
                .noInput, at: SourceLocation(file: roots[0], position: .startOfFile),
                "no *.brand.jsonc, *.charter.jsonc or *.journey.jsonc file in \(roots.joined(separator: ", "))"
            ))
        }
        // Read and load in one step, so the files' bytes are released before
        // the check: the model is all it needs.
        let load = await readAndLoad(discovery.entries, files: files, diagnostics: &diagnostics)
        let report = await Checker.check(load.workspace)
        diagnostics += load.diagnostics + report.diagnostics
        return WorkspaceRun(
            files: files, inputs: discovery.entries.map(\.displayPath), load: load, report: report,
            diagnostics: Array(Set(diagnostics)).sorted(by: Diagnostic.reportOrder)
        )
    }

    private static func readAndLoad(
        _ entries: [WorkspaceFiles.Entry], files: WorkspaceFiles, diagnostics: inout [Diagnostic]
    ) async -> LoadResult {
        let (sources, readDiagnostics) = await files.read(entries)
        diagnostics += readDiagnostics
        // The loader gets the only copy, and lets each file go once parsed.
        return await WorkspaceLoader.load(consume sources)
    }

    /// What `check` reports; `baseline` names the baseline that accepted gaps, if any.
    func checkResult(failSeverity: Severity, baseline: String? = nil) -> CheckResult {
        CheckResult(
            workspace: load.workspace, diagnostics: diagnostics, gaps: report.gaps,
            wording: GapWording(load.workspace, baselineFile: baseline), fileCount: inputs.count, failSeverity: failSeverity
        )
    }

    /// For commands that report on a workspace rather than gate it: when the
    /// files are unusable, print their diagnostics to standard error and
    /// stop with exit code 2 rather than report on half of them.
    func reportUnusableInput(io: CommandIO) -> ExitCode? {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        let result = CheckResult(workspace: load.workspace, diagnostics: errors, gaps: [DescribedGap](), fileCount: inputs.count)
        io.writeError(CheckText().render(result))
        return .unusableInput
    }

    /// Writes `text` to `--output` atomically, or to standard output.
    func emit(_ text: String, output: String?, io: CommandIO) -> ExitCode? {
        emit(output: output, io: io) { $0.write(text) }
    }

    /// Has `reporter` write its report of `subject` to `--output` or to
    /// standard output, chunk by chunk while it is made.
    func emit<Subject>(_ subject: Subject, with reporter: some Reporter<Subject>, output: String?, io: CommandIO) -> ExitCode? {
        emit(output: output, io: io) { reporter.write(subject, to: &$0) }
    }

    /// Runs `write` with an output to `--output` (atomically: a temporary
    /// file renamed at the end) or to standard output.
    private func emit(output: String?, io: CommandIO, _ write: (inout ReportOutput) -> Void) -> ExitCode? {
        guard let output else {
            var stream = ReportOutput(sink: io.writeOutputBytes)
            write(&stream)
            stream.flush()
            return nil
        }
        let path = files.absolute(output)
        if let refusal = OutputFile.refusal(for: path, inputs: inputs.map(files.absolute)) {
            io.writeError("error: \(refusal)\n")
            return .unusableInput
        }
        do {
            try OutputFile.write(to: path, write)
        } catch {
            io.writeError("error: \(error.message)\n")
            return .unusableInput
        }
        return nil
    }
}
