/// The parsed shape of a pattern, before it is flattened into a ``PatternProgram``.
///
/// Groups leave no trace: nothing is captured, because a pattern only answers
/// whether the text matches.
indirect enum PatternNode: Sendable, Equatable {
    /// Matches the empty string, as in `()` or `a|`.
    case empty
    case scalar(Unicode.Scalar)
    case scalarClass(PatternScalarClass)
    case assertion(PatternAssertion)
    case concatenation([PatternNode])
    case alternation([PatternNode])
    /// `maximum == nil` means unbounded. Lazy forms are parsed into the same node:
    /// they change which match a backtracker finds first, not whether one exists.
    case repetition(PatternNode, minimum: Int, maximum: Int?)
}

/// Zero-width tests on the position between two scalars.
enum PatternAssertion: Sendable, Equatable {
    /// `^`: the start of the whole text.
    case textStart
    /// `$`: the end of the whole text.
    case textEnd
    /// `\b`: a `\w` scalar on exactly one side.
    case wordBoundary
    /// `\B`: the same kind of scalar (or text edge) on both sides.
    case notWordBoundary
}

/// A node with the number of instructions it will compile to, so the parser can refuse
/// oversized patterns at the quantifier responsible, before anything is compiled.
struct SizedPatternNode: Sendable {
    var node: PatternNode
    var size: Int

    /// Instructions for `size`-instruction body repeated `minimum...maximum` times,
    /// as ``PatternCompiler`` lays it out.
    static func repeatedSize(_ size: Int, minimum: Int, maximum: Int?) -> Int {
        switch maximum {
        case nil:
            // x* is split, x, jump; x{n,} is n − 1 copies then x+ (x, split).
            return minimum == 0 ? size + 2 : minimum * size + 1
        case let maximum?:
            // n copies, then (m − n) optional copies of split, x.
            return minimum * size + (maximum - minimum) * (size + 1)
        }
    }
}
