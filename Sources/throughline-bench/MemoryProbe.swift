import Foundation
import HeapProbe
#if canImport(Glibc)
import Glibc
#endif

/// Resident memory of this process, from /proc/self/status. The peak
/// (VmHWM) can be reset on Linux by writing 5 to /proc/self/clear_refs, so
/// each measurement gets its own peak rather than the process's worst.
enum MemoryProbe {
    struct Sample: Sendable {
        /// Current resident set, bytes.
        let resident: Int
        /// Peak resident set since start or the last reset, bytes.
        let peak: Int
    }

    static func sample() -> Sample {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        func kilobytes(_ key: String) -> Int {
            guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }) else { return 0 }
            return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
        }
        var peak = kilobytes("VmHWM:") * 1024
        if peak == 0 {
            var usage = rusage()
            getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
            peak = usage.ru_maxrss * 1024
        }
        return Sample(resident: kilobytes("VmRSS:") * 1024, peak: peak)
    }

    /// Bytes of heap the values alive now take; nil where the allocator
    /// cannot say.
    static func heapInUse() -> Int? {
        let bytes = Int(heap_probe_bytes_in_use())
        return bytes > 0 ? bytes : nil
    }

    /// glibc's `malloc_trim(0)`, looked up at run time (the Glibc module
    /// does not export it): freed heap goes back to the kernel, so the peak
    /// measured next is the work's, not leftovers of earlier runs.
    private static func releaseFreedHeap() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        guard let symbol = dlsym(nil, "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }

    /// Returns freed heap to the system, then resets the peak to the current
    /// resident set. False when the kernel does not allow the reset.
    @discardableResult
    static func resetPeak() -> Bool {
        releaseFreedHeap()
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}
