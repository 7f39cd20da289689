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
/// itself, and when it finishes early it drops the inputs not started: it
/// never waits on work that only other threads could run. And while a
/// worker runs the oldest, the owner runs the newest input no one has
/// started, rather than sleep: workers take inputs oldest first, and the
/// owner is itself one of the threads the cores are shared among (on two
/// cores, an owner that only waited for the oldest was seen to leave one
/// idle: a 10 M-row export was read at about 1.15 cores).
///
/// ```swift
/// let squares = OrderedPipeline<Int, Int> { $0 * $0 }
/// squares.submit(3); squares.submit(4)
/// squares.next()   // 9
/// squares.next()   // 16
/// squares.next()   // nil
/// ```
public final class OrderedPipeline<Input: Sendable, Output: Sendable> {
    /// Starts a job on some other thread.
    public typealias Launcher = @Sendable (@escaping @Sendable () -> Void) -> Void

    private let work: @Sendable (Input) -> Output
    private let launch: Launcher
    private let group = DispatchGroup()
    /// Submitted and not yet taken back, oldest first.
    private var slots: [Slot] = []
    private var oldest = 0

    /// Work on the machine's cores, through dispatch's global queue.
    public convenience init(_ work: @escaping @Sendable (Input) -> Output) {
        self.init(launchingOn: { DispatchQueue.global().async(execute: $0) }, work)
    }

    /// Work on the threads `launch` starts jobs on: a test's own, so that
    /// it knows which input a worker holds. A job may run late or never:
    /// one that finds its input taken (by the owner, or dropped by
    /// ``finish()``) does nothing.
    public init(launchingOn launch: @escaping Launcher, _ work: @escaping @Sendable (Input) -> Output) {
        self.launch = launch
        self.work = work
    }

    deinit {
        // Nothing runs past its owner: the work still going ends first.
        finish()
    }

    /// Inputs given and not taken back.
    public var count: Int { slots.count - oldest }

    /// Starts `work` on `input`, on some core, as soon as one is free.
    public func submit(_ input: Input) {
        let slot = Slot(input)
        slots.append(slot)
        let work = work
        let group = group
        launch {
            slot.run(work, in: group)
        }
    }

    /// The oldest result not yet taken, waiting for it; nil when none is pending.
    public func next() -> Output? {
        guard oldest < slots.count else { return nil }
        let slot = slots[oldest]
        if let output = slot.runIfUnstarted(work) { return take(output) }
        while true {
            if let output = slot.outputIfReady() { return take(output) }
            guard helpWithNewestUnstarted() else { break }
        }
        return take(slot.waitForOutput())
    }

    /// Runs the work of the newest input no one has started, keeping its
    /// output in its slot; false when every input has started.
    private func helpWithNewestUnstarted() -> Bool {
        var index = slots.count - 1
        while index > oldest {
            if slots[index].runKeepingOutput(work) { return true }
            index -= 1
        }
        return false
    }

    /// The oldest result if it is ready, without waiting.
    public func nextIfReady() -> Output? {
        guard oldest < slots.count, let output = slots[oldest].outputIfReady() else { return nil }
        return take(output)
    }

    /// Drops the inputs whose work has not started, waits for the work
    /// still going and drops its results: for a caller that stops before
    /// taking them all.
    public func finish() {
        for slot in slots[oldest...] { slot.drop() }
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
    /// first, and an output kept in the slot put in before the semaphore
    /// says so, so that neither is held twice (a buffer handed back stays
    /// uniquely referenced, to be reused in place).
    private final class Slot: @unchecked Sendable {
        // @unchecked: `output` is written by whoever claimed the input (a
        // worker, or the owner helping), before `done` is signalled, and
        // read by the owner after it has waited on `done`; `input` is
        // behind its mutex. A worker enters the pipeline's group under
        // that mutex, as it claims, so the owner waits for exactly the
        // work a worker holds.
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

        /// On a worker: the work, unless the owner took the input first,
        /// inside `group` while it runs.
        func run(_ work: (Input) -> Output, in group: DispatchGroup) {
            let taken = input.withLock { input -> Input? in
                guard let taken = input.take() else { return nil }
                group.enter()
                return taken
            }
            guard let taken else { return }
            keep(work(taken))
            group.leave()
        }

        /// On the owner: the input dropped if no one has started its work.
        func drop() {
            _ = claim()
        }

        /// The work, its output kept for the owner, if no one has started
        /// it; whether it ran.
        func runKeepingOutput(_ work: (Input) -> Output) -> Bool {
            guard let taken = claim() else { return false }
            keep(work(taken))
            return true
        }

        /// The output, for the owner, then the signal that it is there.
        private func keep(_ result: Output) {
            output = result
            done.signal()
        }

        /// On the owner: the work run here, its output handed straight
        /// back, if no one has started it.
        func runIfUnstarted(_ work: (Input) -> Output) -> Output? {
            claim().map(work)
        }

        /// On the owner, once the input is claimed: the output when it is done.
        func waitForOutput() -> Output {
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
