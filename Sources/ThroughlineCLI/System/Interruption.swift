import Dispatch
import Foundation

/// What an interrupted run (SIGINT, SIGTERM, SIGHUP) cleans up: the named
/// temporary files of the files being written, removed before the process
/// exits with 128 + the signal, the status a shell gives a run that a
/// signal ended.
///
/// No code of ours runs in a signal handler: a handler may only call
/// async-signal-safe functions, and Swift code makes no such promise (a
/// global's first use, a lock, reference counting may allocate or lock).
/// Dispatch signal sources instead run the clean-up on a queue of their
/// own, in ordinary code, which takes the lock the writer holds while it
/// names, renames or removes a temporary file: it never removes a file that
/// has just become the target, nor misses one just named. (Blocking the
/// signals and taking them with `sigwait` is no alternative here: on Linux
/// Dispatch parks the main thread of an `async` main with every signal
/// unblocked, so that thread would still take them, to default effect.)
public enum Interruption {
    /// The signals that end a run with its temporary files removed.
    static let handledSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// Kept for the life of the process: a released source stops listening.
    /// Written once, by the one call at start-up, and never read.
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

    /// Takes SIGINT, SIGTERM and SIGHUP from now on, except those already
    /// ignored (a shell ignores SIGINT for a job it runs in the background,
    /// and that choice is kept). Called by the `throughline` executable
    /// first thing; a library user keeps its own signal handling.
    ///
    /// A signal that comes after this call but before Dispatch listens (the
    /// first milliseconds of the run, before any file is written) is ignored.
    public static func removeTemporaryFilesOnSignals() {
        let queue = DispatchQueue(label: "throughline.signals")
        var installed: [any DispatchSourceSignal] = []
        for signalNumber in handledSignals {
            // Ignored, as Dispatch asks, so that the default action does not
            // end the process before the source runs.
            let previous = signal(signalNumber, SIG_IGN)
            if let previous, unsafeBitCast(previous, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            source.setEventHandler {
                TemporaryNames.shared.removeAllThenExit(status: 128 + signalNumber)
            }
            source.resume()
            installed.append(source)
        }
        sources += installed
    }
}
