import Foundation
import CharterAudit
import CharterChecker
import JourneyLoader

/// What each bench command does, printing to standard output; returns the
/// process exit code.
enum Commands {
    static func generate(_ profile: GenerateProfile, seed: UInt64, output: String?) async -> Int32 {
        let workspace: GeneratedWorkspace
        switch profile {
        case .realistic(let journeys):
            workspace = await WorkspaceGenerator(seed: seed).generate(journeys: journeys)
        case .gapHeavy(let journeys):
            workspace = await WorkspaceGenerator(seed: seed, values: .random).generate(journeys: journeys)
        case .longJourney(let touchpoints):
            return await generateLongJourney(touchpoints: touchpoints, seed: seed, output: output ?? ".")
        }
        let check = await SelfCheck.run(workspace.files)
        printSelfCheck(check, statistics: workspace.statistics)
        if let output {
            do throws(FolderIO.Failure) {
                try FolderIO.write(workspace.files, to: output)
                print("wrote \(workspace.files.count) files to \(output)")
            } catch {
                printError("error: \(error)")
                return 2
            }
        }
        return check.diagnosticCount == 0 && workspace.statistics.contradictions == 0 ? 0 : 1
    }

    /// Writes the journey as it is planned, then self-checks the files read
    /// back, once the generator holds nothing.
    private static func generateLongJourney(touchpoints: Int, seed: UInt64, output: String) async -> Int32 {
        let outcome: LongJourneyGenerator.Outcome
        let files: [SourceFile]
        do throws(FolderIO.Failure) {
            outcome = try LongJourneyGenerator(seed: seed, touchpoints: touchpoints).write(to: output)
            let peak = MemoryProbe.sample().peak
            print("wrote \(outcome.paths.count) files to \(output); peak resident memory while generating \(Format.megabytes(peak)) MB")
            files = try FolderIO.read(outcome.paths, in: output)
        } catch {
            printError("error: \(error)")
            return 2
        }
        let check = await SelfCheck.run(files)
        printSelfCheck(check, statistics: outcome.statistics)
        return check.diagnosticCount == 0 && outcome.statistics.contradictions == 0 ? 0 : 1
    }

    private static func printSelfCheck(_ check: SelfCheck, statistics: PlanStatistics) {
        print(check.summary(statistics: statistics))
        for diagnostic in (check.loadDiagnostics + check.checkDiagnostics).prefix(20) {
            print("  \(diagnostic.location): \(diagnostic.code.rawValue): \(diagnostic.message)")
        }
    }

    static func run(journeys: Int, scales: [Int], repeats: Int, seed: UInt64) async -> Int32 {
        let machine = MachineInfo.current()
        let generator = WorkspaceGenerator(seed: seed)
        var results: [ScaleResult] = []
        for scale in scales {
            let count = journeys * scale
            printError("scale \(scale)×: generating \(count) journeys…")
            let workspace = await generator.generate(journeys: count)
            printError("scale \(scale)×: \(Format.megabytes(workspace.byteCount)) MB; timing…")
            results.append(await BenchRunner.measure(label: "\(scale)×", files: workspace.files, journeys: count, repeats: repeats))
        }
        let source = "generated in memory, seed \(seed), \(journeys) journeys at 1× (`throughline-bench run --journeys \(journeys) --scales \(scales.map(String.init).joined(separator: ",")) --repeat \(repeats)`)"
        printReport(results, machine: machine, repeats: repeats, source: source)
        return results.contains { $0.diagnostics > 0 } ? 1 : 0
    }

    static func runFiles(folder: String, repeats: Int) async -> Int32 {
        let machine = MachineInfo.current()
        let files: [SourceFile]
        do throws(FolderIO.Failure) {
            files = try FolderIO.read(folder)
        } catch {
            printError("error: \(error)")
            return 2
        }
        let journeys = files.filter { $0.path.hasSuffix(".journey.jsonc") }.count
        let result = await BenchRunner.measure(label: (folder as NSString).lastPathComponent, files: files, journeys: journeys, repeats: repeats)
        printReport([result], machine: machine, repeats: repeats, source: "the \(files.count) files under \(folder), read before timing (`throughline-bench run --files \(folder) --repeat \(repeats)`)")
        return 0
    }

    static func profile(source: ProfileSource, step: ProfileStep, repeats: Int) async -> Int32 {
        let files: [SourceFile]
        switch source {
        case .files(let folder):
            do throws(FolderIO.Failure) {
                files = try FolderIO.read(folder)
            } catch {
                printError("error: \(error)")
                return 2
            }
        case .generated(let journeys, let seed):
            files = await WorkspaceGenerator(seed: seed).generate(journeys: journeys).files
        }
        let measurement = await Stopwatch.best(repeats) { () async -> Int in
            let loaded = await WorkspaceLoader.load(files)
            guard step != .load else { return loaded.workspace.touchpointCount }
            let report = await Checker.check(loaded.workspace)
            guard step == .audit else { return report.gaps.count }
            return Auditor.audit(loaded.workspace, report: report).segments.count
        }
        let runs = measurement.runs.map { Format.milliseconds($0.seconds) }.joined(separator: ", ")
        print("\(step.rawValue) × \(repeats) on \(files.count) files: runs \(runs) ms; best CPU \(Format.milliseconds(measurement.cpuSeconds)) ms")
        await printHeap(files: files, step: step)
        return 0
    }

    /// What each step's results hold once it is done, as live heap: the
    /// model after loading, the gaps on top of it, the audit on top of both.
    private static func printHeap(files: [SourceFile], step: ProfileStep) async {
        guard let start = MemoryProbe.heapInUse() else { return }
        let input = files.reduce(0) { $0 + $1.bytes.count }
        func line(_ label: String, _ bytes: Int) -> String {
            "\(label) \(Format.megabytes(bytes)) MB (\(Format.ratio(Double(bytes) / Double(max(input, 1))))× input)"
        }
        var parts = [line("live heap: input files", input)]
        let loaded = await WorkspaceLoader.load(files)
        let afterLoad = MemoryProbe.heapInUse() ?? start
        parts.append(line("model", afterLoad - start))
        if step != .load {
            let report = await Checker.check(loaded.workspace)
            let afterCheck = MemoryProbe.heapInUse() ?? afterLoad
            parts.append(line("check report", afterCheck - afterLoad))
            if step == .audit {
                let audit = Auditor.audit(loaded.workspace, report: report)
                parts.append(line("audit", (MemoryProbe.heapInUse() ?? afterCheck) - afterCheck))
                withExtendedLifetime(audit) {}
            }
            withExtendedLifetime(report) {}
        }
        withExtendedLifetime(loaded) {}
        print(parts.joined(separator: "; "))
    }

    private static func printReport(_ results: [ScaleResult], machine: MachineInfo, repeats: Int, source: String) {
        print(ReportTable.header(machine: machine, repeats: repeats, source: source))
        print(ReportTable.timings(results))
        print(ReportTable.memory(results))
        if let scaling = ReportTable.scaling(results) { print(scaling) }
        print(ReportTable.details(results))
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
