/// A set of Unicode scalars stored as sorted, disjoint, non-adjacent ranges of scalar values.
///
/// Ranges rather than a bit set keep `[^a]`, `\D` or `[\u{0}-\u{10FFFF}]` as small as
/// `[a]`, and membership stays a binary search.
struct PatternScalarSet: Sendable, Equatable {
    /// Normalised: sorted by lower bound, never overlapping or touching.
    private(set) var ranges: [ClosedRange<UInt32>]

    static let largestScalarValue: UInt32 = 0x10FFFF

    /// Builds a set from ranges in any order, possibly overlapping.
    init(_ ranges: [ClosedRange<UInt32>] = []) {
        let sorted = ranges.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [ClosedRange<UInt32>] = []
        merged.reserveCapacity(sorted.count)
        for range in sorted {
            if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
                merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        self.ranges = merged
    }

    /// Every scalar value not in `self`; surrogate values are included but never occur in text.
    func inverted() -> PatternScalarSet {
        var result: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for range in ranges {
            if range.lowerBound > next {
                result.append(next...(range.lowerBound - 1))
            }
            next = range.upperBound &+ 1
        }
        if next <= Self.largestScalarValue {
            result.append(next...Self.largestScalarValue)
        }
        return PatternScalarSet(result)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var low = 0
        var high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            let range = ranges[middle]
            if value < range.lowerBound {
                high = middle
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}

extension PatternScalarSet {
    /// `\d`: ASCII digits, as in ECMAScript.
    static let digits = PatternScalarSet([0x30...0x39])

    /// `\w`: ASCII letters, digits and underscore, as in ECMAScript; also what `\b` looks at.
    static let wordCharacters = PatternScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])

    /// `\s`: the ECMAScript white space and line terminators.
    static let whitespace = PatternScalarSet([
        0x09...0x0D, 0x20...0x20, 0xA0...0xA0, 0x1680...0x1680, 0x2000...0x200A,
        0x2028...0x2029, 0x202F...0x202F, 0x205F...0x205F, 0x3000...0x3000, 0xFEFF...0xFEFF,
    ])

    /// What `.` refuses: the ECMAScript line terminators.
    static let lineTerminators = PatternScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])
}
