/// A seeded generator, so that a seed always gives byte-identical files
/// whatever the toolchain: the standard library's `random(in:using:)` and
/// `shuffled(using:)` do not promise a stable algorithm, so every draw
/// below goes through this type's own arithmetic.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one part of the workspace (a brand, a journey), so
    /// that adding journeys never changes the ones already generated.
    public init(seed: UInt64, stream: UInt64) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0x9E37_79B9_7F4A_7C15))
        state = mixer.next() ^ stream
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (Lemire's multiply-high; the tiny bias is
    /// irrelevant for generating test data).
    public mutating func below(_ bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`, both ends included.
    public mutating func between(_ low: Int, _ high: Int) -> Int {
        low + below(high - low + 1)
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) / Double(1 << 53) < probability
    }

    public mutating func pick<Element>(_ elements: [Element]) -> Element? {
        elements.isEmpty ? nil : elements[below(elements.count)]
    }

    /// `count` distinct elements, in their original order.
    public mutating func sample<Element>(_ elements: [Element], count: Int) -> [Element] {
        var chosen = Set<Int>()
        let wanted = min(count, elements.count)
        while chosen.count < wanted { chosen.insert(below(elements.count)) }
        return elements.indices.filter { chosen.contains($0) }.map { elements[$0] }
    }
}
