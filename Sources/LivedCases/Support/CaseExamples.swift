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
        if keys.count == Self.kept, let last = keys.last, !key.lexicographicallyPrecedes(last) { return }
        guard !keys.contains(key) else { return }
        let index = keys.firstIndex { key.lexicographicallyPrecedes($0) } ?? keys.count
        keys.insert(key, at: index)
        if keys.count > Self.kept { keys.removeLast() }
    }

    public mutating func merge(_ other: CaseExamples) {
        for key in other.keys { insert(key) }
    }
}
