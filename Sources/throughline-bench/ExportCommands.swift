import Foundation
import LogGenerator

/// `generate-export` and `read-export`: a help-desk export written to a
/// file, and the CSV reader timed on it.
enum ExportCommands {
    static func generate(events: Int, seed: UInt64, output: String) -> Int32 {
        guard let handle = FileHandle(forWritingAtPath: output) ?? create(output) else {
            Commands.printError("error: cannot write \(output)")
            return 2
        }
        defer { try? handle.close() }
        var bytes = 0
        do {
            try handle.truncate(atOffset: 0)
            let cases = try ExportGenerator.generate(events: events, seed: seed) { piece in
                bytes += piece.count
                try handle.write(contentsOf: piece)
            }
            print("wrote \(events) events of \(cases) cases, \(Format.megabytes(bytes)) MB, to \(output)")
            return 0
        } catch {
            Commands.printError("error: cannot write \(output): \(error.localizedDescription)")
            return 2
        }
    }

    /// Writes the lived log's workspace files, its export and its ground truth into `output`.
    static func generateLog(_ generator: LivedLogGenerator, output: String) -> Int32 {
        let texts = [
            (LivedLogPlan.brandPath, LivedLogPlan.brandText), (LivedLogPlan.journeyPath, LivedLogPlan.journeyText),
            (LivedLogPlan.sourcePath, LivedLogPlan.sourceText),
        ]
        let data = output + "/" + LivedLogPlan.dataPath
        do {
            for (path, text) in texts {
                let file = URL(fileURLWithPath: output + "/" + path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file, options: .atomic)
            }
            guard let handle = FileHandle(forWritingAtPath: data) ?? create(data) else {
                Commands.printError("error: cannot write \(data)")
                return 2
            }
            defer { try? handle.close() }
            try handle.truncate(atOffset: 0)
            var bytes = 0
            let truth = try generator.generate { piece in
                bytes += piece.count
                try handle.write(contentsOf: piece)
            }
            let truthPath = output + "/lived-ground-truth.json"
            try Data(truth.json.utf8).write(to: URL(fileURLWithPath: truthPath), options: .atomic)
            print("wrote \(truth.rows) rows of \(truth.cases) cases (\(truth.duplicates) duplicates), \(Format.megabytes(bytes)) MB, ordered by \(generator.order.rawValue), to \(data)")
            print("wrote the ground truth to \(truthPath)")
            return 0
        } catch {
            Commands.printError("error: cannot write into \(output): \(error.localizedDescription)")
            return 2
        }
    }

    private static func create(_ path: String) -> FileHandle? {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }

    static func read(file: String, repeats: Int, chunkSize: Int) -> Int32 {
        // Not MachineInfo.current(): it runs `swift --version`, whose memory
        // would count in this process's peak as its parent sees it.
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let cpu = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        MemoryProbe.resetPeak()
        let before = MemoryProbe.sample()
        print("read-export \(file)")
        print("  \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores; one thread; chunks of \(chunkSize) bytes; best of \(repeats)")
        var last = ExportReading.Result()
        for parsesTimestamps in [false, true] {
            var runs: [(wall: Double, cpu: Double)] = []
            for _ in 0..<repeats {
                let clock = ContinuousClock()
                let cpuStart = Stopwatch.processCPUTime()
                let start = clock.now
                do throws(ExportReading.Failure) {
                    last = try ExportReading.read(
                        path: file, chunkSize: chunkSize, timestampColumn: "timestamp", parsesTimestamps: parsesTimestamps
                    )
                } catch {
                    Commands.printError("error: \(error)")
                    return 2
                }
                runs.append(((clock.now - start).seconds, (Stopwatch.processCPUTime() - cpuStart).seconds))
            }
            let best = runs.map(\.wall).min() ?? 0
            let bestCPU = runs.map(\.cpu).min() ?? 0
            let megabytes = Double(last.bytes) / 1_000_000
            print(parsesTimestamps ? "  reader + every timestamp parsed to an instant:" : "  reader alone (rows counted):")
            print("    runs (wall): \(runs.map { Format.fixed($0.wall, 3) + " s" }.joined(separator: ", "))")
            print("    best wall \(Format.fixed(best, 3)) s: \(Format.fixed(Double(last.rows) / best / 1e6, 2)) M events/s, \(Format.fixed(megabytes / best, 0)) MB/s")
            print("    best CPU  \(Format.fixed(bestCPU, 3)) s: \(Format.fixed(Double(last.rows) / bestCPU / 1e6, 2)) M events/s, \(Format.fixed(megabytes / bestCPU, 0)) MB/s")
        }
        let after = MemoryProbe.sample()
        print("  \(Format.megabytes(last.bytes)) MiB, \(last.rows) rows, \(last.issues) issues, \(last.badTimestamps) bad timestamps (checksum \(last.checksum))")
        if let issue = last.firstIssue { print("  first issue: \(issue)") }
        print("  peak resident memory \(Format.megabytes(after.peak)) MiB (\(Format.megabytes(before.resident)) MiB before reading)")
        return last.issues == 0 && last.badTimestamps == 0 ? 0 : 1
    }
}
