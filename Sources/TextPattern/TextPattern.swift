/// A regular expression for the charter operator `{"matches": "…"}`, checked when it is
/// read and matched in time linear in the text.
///
/// Patterns come from JSON files that anyone may edit, so a backtracking engine — where
/// `(a+)+$` against a long run of `a`s never finishes — would let one file hang CI.
/// This engine follows every possible match at once (a Pike VM), so each text scalar is
/// examined a bounded number of times; in exchange, features that need backtracking
/// (backreferences, lookaround, possessive quantifiers) are refused with a located error.
///
/// ```swift
/// let sku = try TextPattern(#"^[A-Z]{3}-\d{4}$"#)
/// sku.matches("ABC-1234")   // true
/// sku.matches("ABC-12345")  // false
/// try TextPattern("(?i)summer").matches("SUMMER sale")  // true: search, not whole match
/// ```
///
/// Two patterns are equal when their sources are equal.
public struct TextPattern: Sendable, Hashable, CustomStringConvertible {
    /// The pattern exactly as written.
    public let source: String
    private let program: PatternProgram

    /// Parses and compiles `source`, refusing unsupported syntax and patterns whose
    /// compiled form would be too large to match cheaply.
    public init(_ source: String) throws(TextPatternError) {
        self.source = source
        self.program = PatternProgram(try PatternParser.parse(source))
    }

    /// Search semantics: true when some part of `text` matches; anchor with `^…$` for a whole match.
    public func matches(_ text: String) -> Bool {
        PatternMatcher.matches(program, in: text)
    }

    /// The compiled program's size: matching a text costs at most this many
    /// steps per scalar of the text.
    public var instructionCount: Int { program.instructions.count }

    /// Search within a cost bound: nil, and nothing run, when the pattern's
    /// size times the text's length in scalars exceeds `costLimit`, so that
    /// no value, however long, makes one check take more than a bounded time.
    ///
    /// ```swift
    /// try TextPattern("a").matches("cat", costLimit: 100)      // true
    /// try TextPattern("a").matches("cat", costLimit: 2)        // nil: 2 instructions × 3 scalars
    /// ```
    public func matches(_ text: String, costLimit: Int) -> Bool? {
        let (product, overflow) = instructionCount.multipliedReportingOverflow(by: text.unicodeScalars.count)
        guard !overflow, product <= costLimit else { return nil }
        return matches(text)
    }

    public var description: String { source }

    public static func == (lhs: TextPattern, rhs: TextPattern) -> Bool {
        lhs.source == rhs.source
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }
}
