import Dispatch

/// Work handed to the machine's cores one input at a time while the caller
/// goes on, its results taken back in the order the inputs were given: a
/// caller that reads input and consumes results in order (an export read
/// in parts and merged in file order) keeps every core busy, where a
/// batch run with ``OrderedTasks/mapBlocking(_:_:)`` leaves the cores idle
/// while the caller consumes the batch.
///
/// One caller owns a pipeline: `submit`, `next` and `finish` are called
/// from one thread at a time; only `work` runs elsewhere.
///
/// ```swift
/// let squares = OrderedPipeline<Int, Int> { $0 * $0 }
/// squares.submit(3); squares.submit(4)
/// squares.next()   // 9
/// squares.next()   // 16
/// squares.next()   // nil
/// ```
public final class OrderedPipeline<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // @unchecked: `slots` is touched by the owning thread alone; each
    // slot's input and output are handed over through its semaphore.
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
        return take(slots[oldest].waitForOutput())
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
    /// when the work starts, and the output put in before the semaphore
    /// says so, so that neither is held twice (a buffer handed back stays
    /// uniquely referenced, to be reused in place).
    private final class Slot: @unchecked Sendable {
        // @unchecked: `input` is read by the worker alone, once; `output`
        // is written by the worker before `done` is signalled and read by
        // the owner after it has waited on `done`.
        private var input: Input?
        private var output: Output?
        private let done = DispatchSemaphore(value: 0)

        init(_ input: Input) {
            self.input = input
        }

        func run(_ work: (Input) -> Output) {
            if let taken = input.take() { output = work(taken) }
            done.signal()
        }

        func waitForOutput() -> Output {
            done.wait()
            return takeOutput()
        }

        func outputIfReady() -> Output? {
            guard done.wait(timeout: .now()) == .success else { return nil }
            return takeOutput()
        }

        private func takeOutput() -> Output {
            // Run ends by setting the output, whatever the input: present.
            guard let taken = output.take() else { preconditionFailure("a slot signalled without its output") }
            return taken
        }
    }
}
