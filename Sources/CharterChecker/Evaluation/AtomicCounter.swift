import Synchronization

/// A count several tasks add to at once.
final class AtomicCounter: Sendable {
    private let count = Atomic<Int>(0)

    /// Adds `amount` and returns the new total.
    func add(_ amount: Int) -> Int { count.add(amount, ordering: .relaxed).newValue }

    var value: Int { count.load(ordering: .relaxed) }
}
