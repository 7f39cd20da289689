/// A few case ids: the smallest by bytes, whatever the order they come in,
/// so that examples in a report do not depend on row order, partitions or
/// cores.
///
/// ```swift
/// var examples = CaseExamples()
/// for id in ["C9", "C10", "C2", "C1"] { examples.insert(Array(id.utf8)) }
/// examples.keys   // "C1", "C10", "C2"
/// ```
public struct CaseExamples: Sendable, Equatable {
    public static let kept = 3
    public private(set) var keys: [[UInt8]] = []

    public init() {}

    public mutating func insert(_ key: [UInt8]) {
        if keys.count == Self.kept, !Self.precedes(key, keys[Self.kept - 1]) { return }
        guard !keys.contains(key) else { return }
        let index = keys.firstIndex { Self.precedes(key, $0) } ?? keys.count
        keys.insert(key, at: index)
        if keys.count > Self.kept { keys.removeLast() }
    }

    /// Whether `key` sorts before `other` in ``ByteOrder`` (as
    /// `lexicographicallyPrecedes` orders bytes), compared over the
    /// buffers: a tally tries a case's key against the last kept for nearly
    /// every departure it counts, and the generic comparison showed in profiles.
    static func precedes(_ key: borrowing [UInt8], _ other: borrowing [UInt8]) -> Bool {
        ByteOrder.compare(key, other) < 0
    }

    public mutating func merge(_ other: CaseExamples) {
        for key in other.keys { insert(key) }
    }
}
