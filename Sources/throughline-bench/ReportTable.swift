/// The Markdown the `run` command prints, ready to paste into the README.
enum ReportTable {
    struct Step: Sendable {
        let label: String
        let measurement: @Sendable (ScaleResult) -> Stopwatch.Measurement
    }

    static let steps = [
        Step(label: "(a) Foundation `JSONSerialization`, comments stripped beforehand", measurement: { $0.foundation }),
        Step(label: "(a′) the same on one thread", measurement: { $0.foundationSerial }),
        Step(label: "(a″) Throughline's JSONC reader alone, comments included", measurement: { $0.reader }),
        Step(label: "(b) read + load (`WorkspaceLoader.load`)", measurement: { $0.load }),
        Step(label: "(c) full check (load + `Checker.check`)", measurement: { $0.check }),
        Step(label: "(d) audit alone (`Auditor.audit`)", measurement: { $0.audit }),
        Step(label: "(c+d) load + check + audit", measurement: { $0.full }),
    ]

    static func header(machine: MachineInfo, repeats: Int, source: String) -> String {
        """
        **Machine:** \(machine.summary).
        **Input:** \(source). Every time is the best of \(repeats) runs in one process, on files already in memory (no disk I/O); MB/s is input megabytes (MiB) per second; × (a) is the time relative to Foundation merely parsing the same bytes. CPU is the process's CPU time over all threads (best run), which a busy machine disturbs less than wall time; CPU × (a′) compares it with Foundation's single-threaded CPU time. (a) and Throughline's loader both parse one file per task on the cooperative pool; (a′) is Foundation on a single thread.

        """
    }

    static func timings(_ results: [ScaleResult]) -> String {
        var lines = [
            "| scale | journeys | MB | step | time (ms) | MB/s | × (a) | CPU (ms) | CPU × (a′) |",
            "| ---: | ---: | ---: | :--- | ---: | ---: | ---: | ---: | ---: |",
        ]
        for result in results {
            let megabytes = Double(result.bytes) / 1_048_576
            let reference = result.foundation.seconds
            let cpuReference = result.foundationSerial.cpuSeconds
            for (index, step) in steps.enumerated() {
                let seconds = step.measurement(result).seconds
                let cpu = step.measurement(result).cpuSeconds
                let first = index == 0
                lines.append(
                    "| \(first ? result.label : "") | \(first ? String(result.journeys) : "") | \(first ? Format.fixed(megabytes, 1) : "") "
                        + "| \(step.label) | \(Format.milliseconds(seconds)) | \(Format.fixed(megabytes / seconds, 1)) "
                        + "| \(Format.ratio(seconds / reference)) | \(Format.milliseconds(cpu)) | \(Format.ratio(cpu / cpuReference)) |"
                )
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func memory(_ results: [ScaleResult]) -> String {
        var lines = [
            "| scale | input MB | RSS before (MB) | peak RSS during load + check + audit (MB) | peak − before (MB) | (peak − before) ÷ input | peak ÷ input |",
            "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for result in results {
            let input = Double(result.bytes)
            let growth = Double(result.peak - result.residentBefore)
            lines.append(
                "| \(result.label) | \(Format.megabytes(result.bytes)) | \(Format.megabytes(result.residentBefore)) | \(Format.megabytes(result.peak)) "
                    + "| \(Format.fixed(growth / 1_048_576, 1)) | \(Format.ratio(growth / input)) | \(Format.ratio(Double(result.peak) / input)) |"
            )
        }
        var text = lines.joined(separator: "\n") + "\n"
        if results.contains(where: { !$0.peakWasReset }) {
            text += "\n(The kernel refused to reset VmHWM: peaks are the process's highest so far.)\n"
        }
        return text
    }

    static func details(_ results: [ScaleResult]) -> String {
        results.map { result in
            let share = result.checks == 0 ? 0 : 100 * Double(result.failedChecks) / Double(result.checks)
            return "- \(result.label): \(result.files) files, \(result.touchpoints) touchpoints, \(result.diagnostics) diagnostics, "
                + "\(result.checks) checks of which \(result.failedChecks) failed (\(Format.fixed(share, 2))%), \(result.gaps) gaps."
        }.joined(separator: "\n") + "\n"
    }

    /// time(largest) ÷ time(smallest) for the full check, against the input's growth.
    static func scaling(_ results: [ScaleResult]) -> String? {
        guard let small = results.min(by: { $0.bytes < $1.bytes }), let large = results.max(by: { $0.bytes < $1.bytes }),
              large.bytes > small.bytes else { return nil }
        let input = Double(large.bytes) / Double(small.bytes)
        func ratio(_ step: (ScaleResult) -> Stopwatch.Measurement) -> String {
            "× \(Format.ratio(step(large).seconds / step(small).seconds)) (CPU × \(Format.ratio(step(large).cpuSeconds / step(small).cpuSeconds)))"
        }
        return "**Scaling** (\(large.label) ÷ \(small.label), input × \(Format.ratio(input))): "
            + "full check (c) time \(ratio { $0.check }); load (b) \(ratio { $0.load }); audit (d) \(ratio { $0.audit }); "
            + "Foundation (a′) \(ratio { $0.foundationSerial }). Linear would be × \(Format.ratio(input)).\n"
    }
}
