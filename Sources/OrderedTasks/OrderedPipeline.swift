import Dispatch
import Synchronization

/// Work handed to the machine's cores one input at a time while the caller
/// goes on, its results taken back in the order the inputs were given: a
/// caller that reads input and consumes results in order (an export read
/// in parts and merged in file order) keeps every core busy, where a
/// batch run with ``OrderedTasks/mapBlocking(_:_:)`` leaves the cores idle
/// while the caller consumes the batch.
///
/// One caller owns a pipeline: `submit`, `next` and `finish` are called
/// from one thread at a time; only `work` runs elsewhere. The pipeline is
/// not `Sendable`, so the compiler keeps it with its owner. When the
/// owner waits for an input whose work has not started, it runs that work
/// itself: it never waits on work that only other threads could run.
///
/// ```swift
/// let squares = OrderedPipeline<Int, Int> { $0 * $0 }
/// squares.submit(3); squares.submit(4)
/// squares.next()   // 9
/// squares.next()   // 16
/// squares.next()   // nil
/// ```
public final class OrderedPipeline<Input: Sendable, Output: Sendable> {
    private let work: @Sendable (Input) -> Output
    private let queue = DispatchQueue.global()
    private let group = DispatchGroup()
    /// Submitted and not yet taken back, oldest first.
    private var slots: [Slot] = []
    private var oldest = 0

    public init(_ work: @escaping @Sendable (Input) -> Output) {
        self.work = work
    }

    deinit {
        // Nothing runs past its owner: the work still going ends first.
        group.wait()
    }

    /// Inputs given and not taken back.
    public var count: Int { slots.count - oldest }

    /// Starts `work` on `input`, on some core, as soon as one is free.
    public func submit(_ input: Input) {
        let slot = Slot(input)
        slots.append(slot)
        let work = work
        queue.async(group: group) {
            slot.run(work)
        }
    }

    /// The oldest result not yet taken, waiting for it; nil when none is pending.
    public func next() -> Output? {
        guard oldest < slots.count else { return nil }
        return take(slots[oldest].waitForOutput(running: work))
    }

    /// The oldest result if it is ready, without waiting.
    public func nextIfReady() -> Output? {
        guard oldest < slots.count, let output = slots[oldest].outputIfReady() else { return nil }
        return take(output)
    }

    /// Waits for the work still going and drops its results: for a caller
    /// that stops before taking them all.
    public func finish() {
        group.wait()
        slots = []
        oldest = 0
    }

    private func take(_ output: Output) -> Output {
        oldest += 1
        // The slots taken are dropped now and then, not one by one, so
        // that taking one does not move all the others.
        if oldest >= 64, oldest * 2 >= slots.count {
            slots.removeFirst(oldest)
            oldest = 0
        }
        return output
    }

    /// One input's way there and back: the input is taken out of the slot
    /// when the work starts, by a worker or by the owner, whichever comes
    /// first, and a worker's output put in before the semaphore says so,
    /// so that neither is held twice (a buffer handed back stays uniquely
    /// referenced, to be reused in place).
    private final class Slot: @unchecked Sendable {
        // @unchecked: `output` is written by the worker that claimed the
        // input, before `done` is signalled, and read by the owner after it
        // has waited on `done`; `input` is behind its mutex.
        private let input: Mutex<Input?>
        private var output: Output?
        private let done = DispatchSemaphore(value: 0)

        init(_ input: Input) {
            self.input = Mutex(input)
        }

        /// The input, to the first who asks.
        private func claim() -> Input? {
            input.withLock { $0.take() }
        }

        /// On a worker: the work, unless the owner took the input first.
        func run(_ work: (Input) -> Output) {
            guard let taken = claim() else { return }
            output = work(taken)
            done.signal()
        }

        /// On the owner: the work run here when no worker has started it,
        /// else the worker's output once it is done.
        func waitForOutput(running work: (Input) -> Output) -> Output {
            if let taken = claim() { return work(taken) }
            done.wait()
            return takeOutput()
        }

        func outputIfReady() -> Output? {
            guard done.wait(timeout: .now()) == .success else { return nil }
            return takeOutput()
        }

        private func takeOutput() -> Output {
            // A worker signals only after setting the output: present.
            guard let taken = output.take() else { preconditionFailure("a slot signalled without its output") }
            return taken
        }
    }
}
