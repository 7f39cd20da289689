import Foundation
import CharterChecker
import JSONWriter
import JourneyLoader
import JourneyModel
import JourneyReporters
import ThroughlineKit

/// The part every command shares: find the files and read them, then load
/// them with ThroughlineKit; commands then check or audit what was loaded.
/// Only this and the output step touch the file system.
struct WorkspaceRun {
    /// The folders checked when no path is given.
    static let defaultFolders = ["Brands", "Journeys"]

    let files: WorkspaceFiles
    /// Every path read, as shown.
    let inputs: [String]
    /// The workspace, with the problems met finding, reading and loading its files.
    let loaded: LoadedWorkspace
    /// Files read besides the workspace's own (exports, a key file), by
    /// absolute path: an output may not be one of them either.
    private(set) var others: [OutputFile.OtherInput] = []

    static func load(paths: [String], io: CommandIO, defaultFolders: [String] = defaultFolders) async -> WorkspaceRun {
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
        let (sources, readDiagnostics) = await files.read(discovery.entries)
        diagnostics += readDiagnostics
        // The loader gets the only copy of the files' bytes and lets each go
        // once parsed: the model is all a check needs.
        let fileCount = discovery.entries.count
        let journeysSeen = discovery.entries.contains { FileKind(path: $0.displayPath) == .journey }
        var loaded = await LoadedWorkspace.load(consume sources, found: diagnostics, fileCount: fileCount)
        // Brands alone check nothing against their charters: a run pointed
        // at the wrong folder, or at journeys misnamed, would pass in silence.
        if !loaded.workspace.brands.isEmpty, loaded.workspace.journeys.isEmpty, !journeysSeen {
            let searched = roots.isEmpty ? "." : roots.joined(separator: ", ")
            loaded = loaded.adding([Diagnostic(
                .noJourneys, at: SourceLocation(file: roots.first ?? ".", position: .startOfFile),
                "no journey in \(searched): brands were found, but no *.journey.jsonc file to check against their charters"
            )])
        }
        return WorkspaceRun(files: files, inputs: discovery.entries.map(\.displayPath), loaded: loaded)
    }

    /// The same run, reading as well the exports the checked sources name
    /// (opened from the folder the run starts in, as they are read) and
    /// the `--redact-key-file`, when one is given.
    func reading(exportsOf check: CheckRun, keyFile: String?) -> WorkspaceRun {
        var run = self
        run.others = check.loaded.sources.map { OutputFile.OtherInput(path: files.absolute($0.dataPath), role: .export) }
            + (keyFile.map { [OutputFile.OtherInput(path: files.absolute($0), role: .keyFile)] } ?? [])
        return run
    }

    /// Checks what can be judged; gaps the baseline knows are accepted.
    /// `keeping`: how many gaps to keep; every one by default, as an audit
    /// needs them all at once.
    func check(baseline: Baseline? = nil, baselineProblems: [Diagnostic] = [], keeping: GapKeeping = .all) async -> CheckRun {
        await CheckRun.check(loaded, baseline: baseline, baselineProblems: baselineProblems, keeping: keeping)
    }

    /// What `check` reports of a run: counts are of everything loaded, gaps of what could be judged.
    func checkResult(_ run: CheckRun, failSeverity: Severity) -> CheckResult {
        CheckResult(
            workspace: run.loaded.workspace, diagnostics: run.diagnostics, gaps: run.gaps, counts: run.counts,
            wording: run.wording, fileCount: inputs.count, failSeverity: failSeverity
        )
    }

    /// For commands that report on a workspace rather than gate it: when
    /// some files are unusable, print their errors to standard error; the
    /// command then stops, or reports on what it can, with exit code 2.
    /// Nil when there is no error.
    func reportUnusableInput(_ diagnostics: [Diagnostic], io: CommandIO) -> ExitCode? {
        let errors = diagnostics.filter { $0.severity == .error }
        guard !errors.isEmpty else { return nil }
        let result = CheckResult(workspace: loaded.workspace, diagnostics: errors, gaps: [DescribedGap](), fileCount: inputs.count)
        io.writeError(CheckText().render(result))
        return .unusableInput
    }

    /// Writes `text` to `--output` atomically, or to standard output.
    func emit(_ text: String, output: String?, io: CommandIO) -> ExitCode? {
        emit(output: output, io: io, baseline: nil) { $0.write(text) }
    }

    /// Has `reporter` write its report of `subject` to `--output` or to
    /// standard output, chunk by chunk while it is made. An output that is
    /// one of the inputs (the `baseline` read, the exports and key file of
    /// ``reading(exportsOf:keyFile:)`` included) is refused; how the file is
    /// written, see ``OutputFile``.
    func emit<Subject>(
        _ subject: Subject, with reporter: some Reporter<Subject>, output: String?, io: CommandIO, baseline: String? = nil
    ) -> ExitCode? {
        emit(output: output, io: io, baseline: baseline) { reporter.write(subject, to: &$0) }
    }

    /// Runs `render` with an output to `--output` or to standard output.
    private func emit(output: String?, io: CommandIO, baseline: String?, _ render: (inout ReportOutput) -> Void) -> ExitCode? {
        guard let output else {
            var stream = ReportOutput(sink: io.writeOutputBytes)
            render(&stream)
            stream.flush()
            return nil
        }
        let path = files.absolute(output)
        if let refusal = OutputFile.refusal(
            for: path, shownAs: output, inputs: inputs.map(files.absolute), baseline: baseline.map(files.absolute), others: others
        ) {
            io.writeError("error: \(refusal)\n")
            return .unusableInput
        }
        do {
            try OutputFile.write(to: path, shownAs: output, io: io, render)
        } catch {
            io.writeError("error: \(error.message)\n")
            return .unusableInput
        }
        return nil
    }
}
