/// Work spread over the cooperative thread pool with its results put back
/// in input order, so that what runs in parallel never changes what a
/// report says.
///
/// ```swift
/// let lengths = await OrderedTasks.map(["a", "bc"]) { $0.count }   // [1, 2]
/// ```
public enum OrderedTasks {
    /// `work` on every input, one task each, results in input order.
    ///
    /// Each input is moved into its task, so it is released when its task
    /// ends rather than when the last one does: given the only copy of a
    /// workspace's files, loading never holds every file and the whole
    /// model at once.
    public static func map<Input: Sendable, Output: Sendable>(
        _ inputs: consuming [Input],
        _ work: @escaping @Sendable (Input) -> Output
    ) async -> [Output] {
        guard inputs.count > 1 else { return inputs.map(work) }
        let count = inputs.count
        var pending = consume inputs
        return await withTaskGroup(of: (Int, Output).self) { group in
            while let input = pending.popLast() {
                let index = pending.count
                group.addTask { (index, work(input)) }
            }
            var results = [Output?](repeating: nil, count: count)
            for await (index, output) in group { results[index] = output }
            return results.compactMap { $0 }
        }
    }
}

import Dispatch

extension OrderedTasks {
    /// `work` on every input, spread over the machine's cores, results in
    /// input order, for code that cannot wait asynchronously (a report
    /// walking results it makes again as it writes them).
    ///
    /// ```swift
    /// let squares = OrderedTasks.mapBlocking([1, 2, 3]) { $0 * $0 }   // [1, 4, 9]
    /// ```
    public static func mapBlocking<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], _ work: @Sendable (Input) -> Output
    ) -> [Output] {
        guard inputs.count > 1 else { return inputs.map(work) }
        let results = Results<Output>(count: inputs.count)
        DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
            results.set(work(inputs[index]), at: index)
        }
        return results.values()
    }

    /// Slots each filled by one iteration; iterations never share a slot,
    /// and the slots are read only once every iteration has ended.
    private final class Results<Output: Sendable>: @unchecked Sendable {
        private let slots: UnsafeMutableBufferPointer<Output?>

        init(count: Int) {
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }

        deinit {
            _ = slots.deinitialize()
            slots.deallocate()
        }

        func set(_ value: Output, at index: Int) { slots[index] = value }

        func values() -> [Output] { slots.compactMap { $0 } }
    }
}
