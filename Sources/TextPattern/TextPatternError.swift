/// Why a `{"matches": …}` pattern was refused, and where.
///
/// Patterns are written by people outside engineering, so the message says what
/// was expected in plain words, and the offset points at the character to fix:
///
/// ```swift
/// do { _ = try TextPattern("(ab") }
/// catch { print(error) }   // at offset 0: unclosed group: expected ')' to close the '(' opened here
/// ```
public struct TextPatternError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was expected, or what is not supported and why, in words for the pattern's author.
    public let message: String
    /// 0-based index, counted in Unicode scalars, into the pattern source where the problem is.
    public let offset: Int

    public var description: String { "at offset \(offset): \(message)" }
}

// The catalogue of refusals, kept together so the wording stays consistent.
extension TextPatternError {
    /// The reason shared by every feature a backtracking engine would need.
    private static let linearTime = "patterns are matched in linear time, so this feature is not available"

    static func unclosedGroup(at offset: Int) -> Self {
        Self(message: "unclosed group: expected ')' to close the '(' opened here", offset: offset)
    }

    static func unmatchedClosingParenthesis(at offset: Int) -> Self {
        Self(message: "unmatched ')': there is no '(' for it to close; write \\) for a literal parenthesis", offset: offset)
    }

    static func unterminatedClass(at offset: Int) -> Self {
        Self(message: "unterminated character class: expected ']' to close the '[' opened here", offset: offset)
    }

    static func nothingToRepeat(_ quantifier: Unicode.Scalar, at offset: Int) -> Self {
        Self(
            message: "quantifier '\(quantifier)' has nothing to repeat; write \\\(quantifier) for a literal '\(quantifier)'",
            offset: offset
        )
    }

    static func cannotRepeat(_ anchor: String, at offset: Int) -> Self {
        Self(
            message: "a quantifier cannot follow '\(anchor)': it matches a position, not a character, so there is nothing to repeat",
            offset: offset
        )
    }

    static func malformedCount(at offset: Int) -> Self {
        Self(
            message: "expected a repetition count like {3}, {2,} or {2,5} after '{'; write \\{ for a literal brace",
            offset: offset
        )
    }

    static func countOutOfOrder(minimum: Int, maximum: Int, at offset: Int) -> Self {
        Self(
            message: "repetition count {\(minimum),\(maximum)} has its minimum above its maximum; expected {m,n} with m ≤ n",
            offset: offset
        )
    }

    static func countTooLarge(limit: Int, at offset: Int) -> Self {
        Self(
            message: "the pattern is too large: a repetition count may be at most \(limit)",
            offset: offset
        )
    }

    static func programTooLarge(limit: Int, at offset: Int) -> Self {
        Self(
            message: "the pattern is too large: it would need more than \(limit) matching steps; use fewer or smaller repetition counts",
            offset: offset
        )
    }

    static func nestedTooDeeply(limit: Int, at offset: Int) -> Self {
        Self(message: "the pattern is too large: groups may be nested at most \(limit) deep", offset: offset)
    }

    static func loneBrace(at offset: Int) -> Self {
        Self(message: "unmatched '}'; write \\} for a literal brace", offset: offset)
    }

    static func loneBracket(at offset: Int) -> Self {
        Self(message: "unmatched ']'; write \\] for a literal bracket", offset: offset)
    }

    static func trailingBackslash(at offset: Int) -> Self {
        Self(message: "the pattern ends with a lone '\\'; write \\\\ for a literal backslash", offset: offset)
    }

    static func unknownEscape(_ scalar: Unicode.Scalar, at offset: Int) -> Self {
        Self(
            message: "unknown escape '\\\(scalar)'; expected \\d \\D \\w \\W \\s \\S \\b \\B \\n \\r \\t \\f \\v \\0 \\xHH \\uXXXX \\u{…}, or a backslash before one of ^ $ \\ . * + ? ( ) [ ] { } | / -",
            offset: offset
        )
    }

    static func wordBoundaryInClass(at offset: Int) -> Self {
        Self(message: "\\b and \\B are word boundaries and cannot appear inside [ ]", offset: offset)
    }

    static func classEscapeInRange(at offset: Int) -> Self {
        Self(message: "a range needs a single character at each end, not a class like \\d or \\w", offset: offset)
    }

    static func reversedRange(_ low: Unicode.Scalar, _ high: Unicode.Scalar, at offset: Int) -> Self {
        Self(
            message: "range '\(low)-\(high)' is out of order; expected the lower character first, as in '\(high)-\(low)'",
            offset: offset
        )
    }

    static func malformedHexEscape(_ form: String, at offset: Int) -> Self {
        Self(message: "expected \(form)", offset: offset)
    }

    static func loneSurrogate(at offset: Int) -> Self {
        Self(
            message: "a \\uXXXX surrogate must come as a high (\\uD800–\\uDBFF) then low (\\uDC00–\\uDFFF) pair; write \\u{1F600} for a character beyond \\uFFFF",
            offset: offset
        )
    }

    static func octalEscape(at offset: Int) -> Self {
        Self(message: "octal escapes like \\01 are not supported; write \\u0001 instead", offset: offset)
    }

    static func backreference(at offset: Int) -> Self {
        Self(message: "backreferences like \\1 or \\k<name> are not supported: \(linearTime)", offset: offset)
    }

    static func propertyEscape(at offset: Int) -> Self {
        Self(message: "Unicode property escapes like \\p{L} are not supported; use a class such as [a-zà-ÿ]", offset: offset)
    }

    static func lookahead(at offset: Int) -> Self {
        Self(message: "lookahead (?= … ) and (?! … ) is not supported: \(linearTime)", offset: offset)
    }

    static func lookbehind(at offset: Int) -> Self {
        Self(message: "lookbehind (?<= … ) and (?<! … ) is not supported: \(linearTime)", offset: offset)
    }

    static func namedGroup(at offset: Int) -> Self {
        Self(
            message: "named groups are not supported: a pattern only answers whether the text matches, so use ( … ) or (?: … )",
            offset: offset
        )
    }

    static func inlineFlag(at offset: Int) -> Self {
        Self(
            message: "inline flags are not supported, except a single (?i) at the very start of the pattern for case-insensitive matching",
            offset: offset
        )
    }

    static func unknownGroup(at offset: Int) -> Self {
        Self(message: "unknown group syntax after '(?'; expected (?: … ) for a group", offset: offset)
    }

    static func possessive(_ quantifier: String, at offset: Int) -> Self {
        Self(
            message: "possessive quantifier '\(quantifier)+' is not supported: \(linearTime); write '\(quantifier)' instead",
            offset: offset
        )
    }
}
