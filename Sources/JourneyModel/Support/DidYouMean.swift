/// Finds the known name closest to a misspelt one, for "did you mean" hints.
///
/// ```swift
/// DidYouMean.closest(to: "emial", in: ["email", "store", "chat"])   // "email"
/// DidYouMean.closest(to: "fax", in: ["email", "store", "chat"])     // nil
/// ```
public enum DidYouMean {
    /// The candidate at the smallest edit distance, if it is close enough to
    /// be a likely typo: at most a third of the longer name (at least 1), and
    /// fewer edits than the shorter name has letters.
    /// Ties go to the candidate listed first, so the answer is stable.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        // Suggestions are for names people type; the edit distance costs the
        // product of the lengths, so a hostile 100,000-letter id gets none.
        guard word.unicodeScalars.count <= longestName else { return nil }
        let target = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate.unicodeScalars.count <= longestName {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            // At most a third of the longer name, and fewer edits than the shorter
            // one has letters: 'z' is not a typo of 'x'.
            let limit = min(max(1, max(target.count, scalars.count) / 3), min(target.count, scalars.count) - 1)
            guard abs(scalars.count - target.count) <= limit else { continue }
            let distance = editDistance(target, scalars)
            guard distance <= limit, distance < (best?.distance ?? .max) else { continue }
            best = (candidate, distance)
        }
        return best?.name
    }

    /// Names longer than this get no suggestion and are suggested for none.
    public static let longestName = 128

    /// Optimal string alignment distance: insertions, deletions,
    /// substitutions and swaps of two neighbours each cost 1.
    public static func editDistance(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Int {
        if lhs.isEmpty { return rhs.count }
        if rhs.isEmpty { return lhs.count }
        var previousPrevious = [Int](repeating: 0, count: rhs.count + 1)
        var previous = Array(0...rhs.count)
        var current = [Int](repeating: 0, count: rhs.count + 1)
        for i in 1...lhs.count {
            current[0] = i
            for j in 1...rhs.count {
                let cost = lhs[i - 1] == rhs[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, lhs[i - 1] == rhs[j - 2], lhs[i - 2] == rhs[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[rhs.count]
    }

    /// `'x'; did you mean 'y'?`-style phrase, or an empty string.
    public static func hint(for word: String, in candidates: [String]) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
