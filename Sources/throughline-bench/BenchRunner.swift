import CharterAudit
import CharterChecker
import Foundation
import JSONCReader
import JourneyLoader
import JourneyModel

/// Everything measured on one input: the timings of each step, best of R,
/// and the peak memory of one full load + check + audit.
struct ScaleResult: Sendable {
    let label: String
    let journeys: Int
    let files: Int
    let bytes: Int
    let touchpoints: Int
    let foundation: Stopwatch.Measurement
    let foundationSerial: Stopwatch.Measurement
    /// Throughline's JSONC reader alone on the same files (comments and
    /// all), one file per task: what the parse costs inside (b).
    let reader: Stopwatch.Measurement
    let load: Stopwatch.Measurement
    let check: Stopwatch.Measurement
    let audit: Stopwatch.Measurement
    let full: Stopwatch.Measurement
    let residentBefore: Int
    let peak: Int
    let peakWasReset: Bool
    let diagnostics: Int
    let checks: Int
    let failedChecks: Int
    let gaps: Int
}

/// Times the steps on files already in memory: no disk I/O in any timing.
enum BenchRunner {
    /// A parsed Foundation object kept alive until the clock stops, so both
    /// parsers are timed without freeing their results.
    private struct Parsed: @unchecked Sendable {
        let object: Any?
    }

    static func measure(label: String, files: [SourceFile], journeys: Int, repeats: Int) async -> ScaleResult {
        let bytes = files.reduce(0) { $0 + $1.bytes.count }

        // Warm up once (page the code in, grow the heap) and count what the input holds.
        let counts = await { () async -> (touchpoints: Int, diagnostics: Int, checks: Int, failed: Int, gaps: Int) in
            let loaded = await WorkspaceLoader.load(files)
            let report = await Checker.check(loaded.workspace)
            _ = Auditor.audit(loaded.workspace, report: report)
            let checks = report.checkCount
            return (loaded.workspace.touchpointCount, loaded.diagnostics.count + report.diagnostics.count, checks.applicable, checks.failed, report.gaps.count)
        }()

        // Peak memory of one load + check + audit, with only the input resident before it.
        let wasReset = MemoryProbe.resetPeak()
        let before = MemoryProbe.sample()
        let peak = await { () async -> MemoryProbe.Sample in
            let loaded = await WorkspaceLoader.load(files)
            let report = await Checker.check(loaded.workspace)
            let audited = Auditor.audit(loaded.workspace, report: report)
            let sample = MemoryProbe.sample()
            withExtendedLifetime((loaded, report, audited)) {}
            return sample
        }()

        let strict = files.map { Data(CommentStripper.strip($0.bytes)) }
        let rejected = strict.filter { (try? JSONSerialization.jsonObject(with: $0)) == nil }.count
        if rejected > 0 {
            FileHandle.standardError.write(Data("warning: Foundation rejected \(rejected) stripped files\n".utf8))
        }
        let foundation = await Stopwatch.best(repeats) { await parseInParallel(strict) }
        let foundationSerial = await Stopwatch.best(repeats) {
            strict.map { Parsed(object: try? JSONSerialization.jsonObject(with: $0)) }
        }
        let reader = await Stopwatch.best(repeats) { await readInParallel(files) }
        let load = await Stopwatch.best(repeats) { await WorkspaceLoader.load(files) }
        let check = await Stopwatch.best(repeats) { () async -> (LoadResult, CheckReport) in
            let loaded = await WorkspaceLoader.load(files)
            return (loaded, await Checker.check(loaded.workspace))
        }
        let audit = await { () async -> Stopwatch.Measurement in
            let loaded = await WorkspaceLoader.load(files)
            let report = await Checker.check(loaded.workspace)
            return await Stopwatch.best(repeats) { Auditor.audit(loaded.workspace, report: report) }
        }()
        let full = await Stopwatch.best(repeats) { () async -> (LoadResult, CheckReport, AuditReport) in
            let loaded = await WorkspaceLoader.load(files)
            let report = await Checker.check(loaded.workspace)
            return (loaded, report, Auditor.audit(loaded.workspace, report: report))
        }

        return ScaleResult(
            label: label, journeys: journeys, files: files.count, bytes: bytes, touchpoints: counts.touchpoints,
            foundation: foundation, foundationSerial: foundationSerial, reader: reader, load: load, check: check, audit: audit, full: full,
            residentBefore: before.resident, peak: peak.peak, peakWasReset: wasReset,
            diagnostics: counts.diagnostics, checks: counts.checks, failedChecks: counts.failed, gaps: counts.gaps
        )
    }

    /// Foundation on every core, one file per task, like the loader.
    private static func parseInParallel(_ documents: [Data]) async -> [Parsed] {
        await withTaskGroup(of: (Int, Parsed).self) { group in
            for (index, data) in documents.enumerated() {
                group.addTask { (index, Parsed(object: try? JSONSerialization.jsonObject(with: data))) }
            }
            var results = [Parsed](repeating: Parsed(object: nil), count: documents.count)
            for await (index, parsed) in group { results[index] = parsed }
            return results
        }
    }

    /// The JSONC reader on every core, one file per task; counts the files
    /// read, so that nothing is optimised away.
    private static func readInParallel(_ files: [SourceFile]) async -> Int {
        await withTaskGroup(of: Int.self) { group in
            for file in files {
                group.addTask { (try? JSONCDocument.parse(file.bytes)).map { $0.duplicateKeys.count + 1 } ?? 0 }
            }
            return await group.reduce(0, +)
        }
    }
}
