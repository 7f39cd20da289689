/// Finds the known name closest to a misspelt one, for "did you mean" hints.
///
/// ```swift
/// DidYouMean.closest(to: "emial", in: ["email", "store", "chat"])   // "email"
/// DidYouMean.closest(to: "fax", in: ["email", "store", "chat"])     // nil
/// ```
///
/// A file decides both how many names are known and how many unknown ones
/// it writes, so a file's look-ups share one ``Budget``: names are indexed
/// once (``Candidates``), only candidates of a possible length are looked
/// at, a letter count rules most of them out before any edit distance is
/// computed, and once the budget is spent no more suggestions are made.
public enum DidYouMean {
    /// The candidate at the smallest edit distance, if it is close enough to
    /// be a likely typo: at most a third of the longer name (at least 1), and
    /// fewer edits than the shorter name has letters.
    /// Ties go to the candidate listed first, so the answer is stable.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        var budget = Budget.unlimited
        return Candidates(candidates).closest(to: word, budget: &budget)
    }

    /// Names longer than this get no suggestion and are suggested for none:
    /// suggestions are for names people type.
    public static let longestName = 128

    /// How much work look-ups may still do: each candidate looked at costs
    /// one step, comparing its letter counts a few more, and each edit
    /// distance the cells of its table. A spent budget gives no suggestion.
    public struct Budget: Sendable {
        public private(set) var remaining: Int

        public init(steps: Int) { remaining = steps }

        /// What the look-ups of one file of `size` bytes may do together:
        /// 100 steps a byte, and at least a million. A file decides how many
        /// names it knows and how many unknown ones it writes, so this keeps
        /// what it can make did-you-mean cost in proportion to its size.
        /// Ordinary files use a small part of it; one written to make every
        /// look-up expensive gets no suggestion once it is spent.
        public static func forFile(ofSize size: Int) -> Budget {
            Budget(steps: max(1_000_000, size.multipliedReportingOverflow(by: 100).partialValue))
        }

        public static var unlimited: Budget { Budget(steps: .max) }

        public var isSpent: Bool { remaining <= 0 }

        /// Takes `steps`; false when fewer remain, and the budget is then spent.
        mutating func take(_ steps: Int) -> Bool {
            guard remaining >= steps else {
                remaining = 0
                return false
            }
            remaining -= steps
            return true
        }
    }

    /// Known names prepared once for many look-ups: lowercased, grouped by
    /// length, each with a count of its letters.
    public struct Candidates: Sendable {
        /// The names as given, in order.
        public let names: [String]
        /// By length in lowercased scalars, up to ``longestName``.
        private let byLength: [[Entry]]

        fileprivate struct Entry: Sendable {
            /// Position in `names`: ties go to the lower.
            let order: Int
            let scalars: [Unicode.Scalar]
            let letters: LetterCounts
        }

        public init<S: Sequence>(_ candidates: S) where S.Element == String {
            names = Array(candidates)
            var byLength = [[Entry]](repeating: [], count: longestName + 1)
            for (order, name) in names.enumerated() where name.unicodeScalars.count <= longestName {
                let scalars = Array(name.lowercased().unicodeScalars)
                // Lowercasing may lengthen a name ("İ" is two scalars lowercased).
                guard scalars.count <= longestName else { continue }
                byLength[scalars.count].append(Entry(order: order, scalars: scalars, letters: LetterCounts(scalars)))
            }
            self.byLength = byLength
        }

        /// ``DidYouMean/closest(to:in:)`` over these names, within `budget`.
        public func closest(to word: String, budget: inout Budget) -> String? {
            guard !budget.isSpent, word.unicodeScalars.count <= longestName else { return nil }
            let target = Array(word.lowercased().unicodeScalars)
            guard target.count <= longestName else { return nil }
            let targetLetters = LetterCounts(target)

            // Candidates that may be close enough, by a lower bound of their
            // distance (at most the longest name): where each is, and its limit.
            var byBound = [[(length: Int, slot: Int, limit: Int)]](repeating: [], count: longestName + 1)
            for length in byLength.indices where !byLength[length].isEmpty {
                let limit = DidYouMean.limit(target.count, length)
                let lengthGap = abs(length - target.count)
                guard limit >= 0, lengthGap <= limit else { continue }
                let bucket = byLength[length]
                for slot in bucket.indices {
                    guard budget.take(1) else { return nil }
                    let letters = bucket[slot].letters
                    // Each edit changes the letter counts by at most 2.
                    guard (letters.coarseDifference(from: targetLetters) + 1) / 2 <= limit else { continue }
                    guard budget.take(LetterCounts.comparisonCost) else { return nil }
                    let bound = max(lengthGap, (letters.difference(from: targetLetters) + 1) / 2)
                    if bound <= limit { byBound[bound].append((length, slot, limit)) }
                }
            }
            // The likeliest first, so that a close match rules out the rest by its bound alone.
            var best: (distance: Int, order: Int)?
            for bound in byBound.indices where !byBound[bound].isEmpty {
                if let best, bound > best.distance { break }
                for (length, slot, limit) in byBound[bound] {
                    let entry = byLength[length][slot]
                    // What this candidate must reach to beat the best so far.
                    var allowed = limit
                    if let best {
                        allowed = min(allowed, entry.order < best.order ? best.distance : best.distance - 1)
                    }
                    guard bound <= allowed else { continue }
                    guard let distance = DidYouMean.editDistance(target, entry.scalars, atMost: allowed, budget: &budget) else {
                        if budget.isSpent { return nil }
                        continue
                    }
                    best = (distance, entry.order)
                }
            }
            return best.map { names[$0.order] }
        }
    }

    /// At most a third of the longer name, and fewer edits than the shorter
    /// one has letters: 'z' is not a typo of 'x'. Negative: nothing is close.
    static func limit(_ lhs: Int, _ rhs: Int) -> Int {
        min(max(1, max(lhs, rhs) / 3), min(lhs, rhs) - 1)
    }

    /// Optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbours each cost 1.
    public static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        var budget = Budget.unlimited
        return editDistance(lhs, rhs, atMost: max(lhs.count, rhs.count), budget: &budget) ?? max(lhs.count, rhs.count)
    }

    /// The distance when it is at most `limit`, else nil. Only cells within
    /// `limit` of the diagonal can lead to such a distance, so only they are
    /// computed (and charged to `budget`, nil when it runs out), and the
    /// computation stops as soon as two rows in a row exceed `limit` (a swap
    /// reaches back two rows).
    static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar], atMost limit: Int, budget: inout Budget) -> Int? {
        guard abs(lhs.count - rhs.count) <= limit else { return nil }
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        // Stands for every value above `limit`, outside the band among them.
        let beyond = limit + 1
        var previousPrevious = [Int](repeating: beyond, count: rhs.count + 1)
        var previous = (0...rhs.count).map { $0 <= limit ? $0 : beyond }
        var current = [Int](repeating: beyond, count: rhs.count + 1)
        var previousMinimum = 0
        for i in 1...lhs.count {
            let low = max(1, i - limit), high = min(rhs.count, i + limit)
            guard budget.take(high - low + 1) else { return nil }
            current[low - 1] = low == 1 && i <= limit ? i : beyond
            var rowMinimum = current[low - 1]
            for j in low...high {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = min(value, beyond)
                rowMinimum = min(rowMinimum, current[j])
            }
            // The next row reads one cell past this row's band.
            if high < rhs.count { current[high + 1] = beyond }
            if rowMinimum > limit, previousMinimum > limit { return nil }
            previousMinimum = rowMinimum
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        let distance = previous[rhs.count]
        return distance <= limit ? distance : nil
    }

    /// `'x'; did you mean 'y'?`-style phrase, or an empty string.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// How many times each letter occurs in a name, in 64 groups of letters.
///
/// An insertion or a deletion changes the counts by 1, a substitution by
/// at most 2, a swap not at all: half the difference of two names' counts
/// is a lower bound of their edit distance, far cheaper to compute. Counts
/// are packed eight to a word, so that comparing two names is a few dozen
/// operations on integers; merging groups, or capping counts at 127, only
/// lowers the difference, so the bound holds.
struct LetterCounts: Sendable {
    /// Groups 0–7 in the first word, one byte each, and so on.
    private let words: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// The counts of groups 8k to 8k + 7 summed in byte k (digits, then
    /// letters eight by eight): a coarser count, compared first in one step.
    private let coarse: UInt64
    /// The sum of the (capped) counts.
    private let total: Int

    /// Steps charged for one ``difference(from:)``.
    static let comparisonCost = 8

    init(_ scalars: [Unicode.Scalar]) {
        var counts = [Int](repeating: 0, count: 64)
        for scalar in scalars { counts[Self.group(of: scalar)] += 1 }
        func word(_ index: Int) -> UInt64 {
            (0..<8).reduce(0) { $0 | UInt64(min(counts[index * 8 + $1], 127)) << UInt64($1 * 8) }
        }
        words = (word(0), word(1), word(2), word(3), word(4), word(5), word(6), word(7))
        coarse = (0..<8).reduce(0) { packed, byte in
            let sum = counts[(byte * 8)..<(byte * 8 + 8)].reduce(0, +)
            return packed | UInt64(min(sum, 127)) << UInt64(byte * 8)
        }
        total = counts.reduce(0) { $0 + min($1, 127) }
    }

    /// Digits, lowercase ASCII letters, '-', '_' and '.' each have a group of
    /// their own; other scalars share the rest.
    private static func group(of scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)           // 0–9
        case 0x61...0x7A: 10 + Int(scalar.value - 0x61)      // 10–35
        case 0x2D: 36
        case 0x5F: 37
        case 0x2E: 38
        default: 39 + Int(scalar.value % 25)                 // 39–63
        }
    }

    /// A lower bound of ``difference(from:)`` from the coarse counts.
    func coarseDifference(from other: LetterCounts) -> Int {
        let coarseTotal = Self.byteSum(coarse), otherTotal = Self.byteSum(other.coarse)
        return coarseTotal + otherTotal - 2 * Self.byteSum(Self.minimum(coarse, other.coarse))
    }

    /// The sum over groups of how much the counts differ: the two totals
    /// less twice what the names have in common.
    func difference(from other: LetterCounts) -> Int {
        let (a, b) = (words, other.words)
        var common = Self.byteSum(Self.minimum(a.0, b.0)) + Self.byteSum(Self.minimum(a.1, b.1))
        common += Self.byteSum(Self.minimum(a.2, b.2)) + Self.byteSum(Self.minimum(a.3, b.3))
        common += Self.byteSum(Self.minimum(a.4, b.4)) + Self.byteSum(Self.minimum(a.5, b.5))
        common += Self.byteSum(Self.minimum(a.6, b.6)) + Self.byteSum(Self.minimum(a.7, b.7))
        return total + other.total - 2 * common
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The smaller of each pair of bytes, for bytes below 128.
    private static func minimum(_ x: UInt64, _ y: UInt64) -> UInt64 {
        // Each byte of x + 128 − y stays within its byte; its top bit says x ≥ y.
        let atLeast = ((x | highBits) &- y) & highBits
        let mask = atLeast | (atLeast &- (atLeast >> 7))
        return (y & mask) | (x & ~mask)
    }

    /// The sum of the eight bytes of `x`, each below 128.
    private static func byteSum(_ x: UInt64) -> Int {
        let pairs = (x & 0x00FF_00FF_00FF_00FF) &+ ((x >> 8) & 0x00FF_00FF_00FF_00FF)
        return Int((pairs &* 0x0001_0001_0001_0001) >> 48)
    }
}
