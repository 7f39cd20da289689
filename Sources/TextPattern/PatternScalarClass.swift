/// What one consuming instruction accepts: `.`, `\d`, `[a-z]`, `[^abc]` and the like.
///
/// The negation is kept apart from the ranges because it must apply after case folding:
/// under `(?i)`, `[^a]` has to refuse `A`, which it would not if `[^a]` were stored as
/// "everything but `a`".
struct PatternScalarClass: Sendable, Equatable {
    var set: PatternScalarSet
    var isNegated: Bool

    /// `.`: any scalar but a line terminator.
    static let anyButLineTerminator = PatternScalarClass(set: .lineTerminators, isNegated: true)

    /// The scalars this class admits, folded into one positive set (for use inside `[ ]`).
    var flattened: PatternScalarSet { isNegated ? set.inverted() : set }

    /// `folded` and `uppercased` are the text scalar's case variants, given only under `(?i)`.
    func matches(_ scalar: Unicode.Scalar, folded: Unicode.Scalar, uppercased: Unicode.Scalar) -> Bool {
        let hit = set.contains(scalar) || set.contains(folded) || set.contains(uppercased)
        return hit != isNegated
    }

    func matches(_ scalar: Unicode.Scalar) -> Bool {
        set.contains(scalar) != isNegated
    }
}
