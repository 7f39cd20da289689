#if canImport(Glibc)
import Glibc
#endif

/// Best-of-R timing, wall clock and process CPU time. The measured body
/// returns its result so that the result is released after the clock
/// stops: freeing a workspace is not what `throughline check` pays for (it
/// exits instead). CPU time is reported too because a shared machine slows
/// wall time far more than it slows CPU time.
enum Stopwatch {
    struct Measurement: Sendable {
        /// The fastest run's wall time.
        let best: Duration
        /// The smallest CPU time of any run, all threads of the process.
        let bestCPU: Duration
        /// Every run's wall time, in order.
        let runs: [Duration]

        var seconds: Double { best.seconds }
        var cpuSeconds: Double { bestCPU.seconds }
    }

    static func best<Result>(_ repeats: Int, _ body: () async -> Result) async -> Measurement {
        let clock = ContinuousClock()
        var runs: [Duration] = []
        var cpu: [Duration] = []
        for _ in 0..<max(1, repeats) {
            let cpuStart = processCPUTime()
            let start = clock.now
            let result = await body()
            let elapsed = clock.now - start
            let cpuElapsed = processCPUTime() - cpuStart
            withExtendedLifetime(result) {}
            runs.append(elapsed)
            cpu.append(cpuElapsed)
        }
        return Measurement(best: runs.min() ?? .zero, bestCPU: cpu.min() ?? .zero, runs: runs)
    }

    /// CPU time of every thread of this process so far.
    static func processCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}

extension Duration {
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
