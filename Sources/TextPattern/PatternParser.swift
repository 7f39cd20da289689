/// The result of parsing: the tree and the one flag a pattern may set.
struct ParsedPattern: Sendable {
    var root: PatternNode
    var isCaseInsensitive: Bool
    /// Instructions `root` compiles to, not counting the final `match`.
    var size: Int
}

/// Recursive-descent parser for the supported ECMAScript-like subset.
///
/// It reads the source as Unicode scalars, so every error offset is a scalar index.
/// Recursion follows group nesting only, which is capped, so a hostile pattern such
/// as ten thousand `(` cannot exhaust the stack.
struct PatternParser {
    /// Largest `n` or `m` in `{n}`, `{n,}`, `{n,m}`.
    static let maximumCount = 1_000
    /// Largest compiled program, in instructions; bounds the per-scalar work of matching.
    static let maximumInstructions = 20_000
    /// Deepest group nesting.
    static let maximumNesting = 100

    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var nesting = 0

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    static func parse(_ source: String) throws(TextPatternError) -> ParsedPattern {
        var parser = PatternParser(scalars: Array(source.unicodeScalars))
        let isCaseInsensitive = parser.consume("(?i)")
        let root = try parser.parseAlternation()
        if parser.index < parser.scalars.count {
            // parseAlternation stops only at the end or at a ')' with no group open.
            throw .unmatchedClosingParenthesis(at: parser.index)
        }
        return ParsedPattern(root: root.node, isCaseInsensitive: isCaseInsensitive, size: root.size)
    }

    // MARK: - Structure

    private mutating func parseAlternation() throws(TextPatternError) -> SizedPatternNode {
        let first = try parseSequence()
        var alternatives = [first.node]
        var size = first.size
        while peek() == "|" {
            let bar = index
            index += 1
            let next = try parseSequence()
            alternatives.append(next.node)
            // Each alternative but the last adds a split before it and a jump after it.
            size += next.size + 2
            if size > Self.maximumInstructions {
                throw .programTooLarge(limit: Self.maximumInstructions, at: bar)
            }
        }
        if alternatives.count == 1 {
            return first
        }
        return SizedPatternNode(node: .alternation(alternatives), size: size)
    }

    private mutating func parseSequence() throws(TextPatternError) -> SizedPatternNode {
        var items: [PatternNode] = []
        var size = 0
        while let scalar = peek(), scalar != "|", scalar != ")" {
            let start = index
            let item = try parseQuantifiedAtom()
            size += item.size
            if size > Self.maximumInstructions {
                throw .programTooLarge(limit: Self.maximumInstructions, at: start)
            }
            if item.node != .empty {
                items.append(item.node)
            }
        }
        switch items.count {
        case 0: return SizedPatternNode(node: .empty, size: 0)
        case 1: return SizedPatternNode(node: items[0], size: size)
        default: return SizedPatternNode(node: .concatenation(items), size: size)
        }
    }

    private mutating func parseQuantifiedAtom() throws(TextPatternError) -> SizedPatternNode {
        let atom = try parseAtom()
        guard let quantifier = try parseQuantifier() else {
            return atom.sized
        }
        if let anchor = atom.anchor {
            throw .cannotRepeat(anchor, at: quantifier.offset)
        }
        // A second quantifier is either possessive (`a*+`) or has nothing to repeat (`a**`).
        if let next = peek(), next == "*" || next == "+" || next == "?" || (next == "{" && looksLikeCount()) {
            if next == "+" && !quantifier.isLazy {
                throw .possessive(quantifier.text, at: quantifier.offset)
            }
            throw .nothingToRepeat(next, at: index)
        }
        let size = SizedPatternNode.repeatedSize(atom.sized.size, minimum: quantifier.minimum, maximum: quantifier.maximum)
        if size > Self.maximumInstructions {
            throw .programTooLarge(limit: Self.maximumInstructions, at: quantifier.offset)
        }
        let node = PatternNode.repetition(atom.sized.node, minimum: quantifier.minimum, maximum: quantifier.maximum)
        return SizedPatternNode(node: node, size: size)
    }

    /// One thing a quantifier could apply to; `anchor` names it when it is zero-width.
    private struct Atom {
        var sized: SizedPatternNode
        var anchor: String?
    }

    private mutating func parseAtom() throws(TextPatternError) -> Atom {
        guard let scalar = peek() else {
            // parseSequence only asks while scalars remain.
            return Atom(sized: SizedPatternNode(node: .empty, size: 0))
        }
        switch scalar {
        case "(":
            return Atom(sized: try parseGroup())
        case "[":
            return Atom(sized: try parseClass())
        case ".":
            index += 1
            return Atom(sized: SizedPatternNode(node: .scalarClass(.anyButLineTerminator), size: 1))
        case "^":
            index += 1
            return Atom(sized: SizedPatternNode(node: .assertion(.textStart), size: 1), anchor: "^")
        case "$":
            index += 1
            return Atom(sized: SizedPatternNode(node: .assertion(.textEnd), size: 1), anchor: "$")
        case "\\":
            let start = index
            switch try parseEscape(inClass: false) {
            case .scalar(let literal):
                return Atom(sized: SizedPatternNode(node: .scalar(literal), size: 1))
            case .scalarClass(let scalarClass):
                return Atom(sized: SizedPatternNode(node: .scalarClass(scalarClass), size: 1))
            case .assertion(let assertion):
                let name = String(String.UnicodeScalarView(scalars[start..<index]))
                return Atom(sized: SizedPatternNode(node: .assertion(assertion), size: 1), anchor: name)
            }
        case "*", "+", "?":
            throw .nothingToRepeat(scalar, at: index)
        case "{":
            throw looksLikeCount() ? .nothingToRepeat(scalar, at: index) : .malformedCount(at: index)
        case "}":
            throw .loneBrace(at: index)
        case "]":
            throw .loneBracket(at: index)
        default:
            index += 1
            return Atom(sized: SizedPatternNode(node: .scalar(scalar), size: 1))
        }
    }

    private mutating func parseGroup() throws(TextPatternError) -> SizedPatternNode {
        let open = index
        index += 1
        if peek() == "?" {
            try parseGroupKind(open: open)
        }
        nesting += 1
        if nesting > Self.maximumNesting {
            throw .nestedTooDeeply(limit: Self.maximumNesting, at: open)
        }
        let inner = try parseAlternation()
        guard peek() == ")" else {
            throw .unclosedGroup(at: open)
        }
        index += 1
        nesting -= 1
        return inner
    }

    /// After `(?`: accepts `:` and explains everything else.
    private mutating func parseGroupKind(open: Int) throws(TextPatternError) {
        index += 1
        guard let kind = peek() else {
            throw .unknownGroup(at: open)
        }
        switch kind {
        case ":":
            index += 1
        case "=", "!":
            throw .lookahead(at: open)
        case "<":
            let next = peek(1)
            throw next == "=" || next == "!" ? .lookbehind(at: open) : .namedGroup(at: open)
        case "P", "'":
            throw .namedGroup(at: open)
        case "-":
            throw .inlineFlag(at: open)
        default:
            throw kind.properties.isAlphabetic ? .inlineFlag(at: open) : .unknownGroup(at: open)
        }
    }

    // MARK: - Quantifiers

    private struct Quantifier {
        var minimum: Int
        var maximum: Int?
        var offset: Int
        /// As written, without a lazy `?`, for messages.
        var text: String
        var isLazy: Bool
    }

    private mutating func parseQuantifier() throws(TextPatternError) -> Quantifier? {
        guard let scalar = peek() else {
            return nil
        }
        let start = index
        let bounds: (minimum: Int, maximum: Int?)
        switch scalar {
        case "*":
            index += 1
            bounds = (0, nil)
        case "+":
            index += 1
            bounds = (1, nil)
        case "?":
            index += 1
            bounds = (0, 1)
        case "{":
            bounds = try parseCount()
        default:
            return nil
        }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        let isLazy = consume("?")
        return Quantifier(minimum: bounds.minimum, maximum: bounds.maximum, offset: start, text: text, isLazy: isLazy)
    }

    /// `{n}`, `{n,}` or `{n,m}`, starting at the `{`.
    private mutating func parseCount() throws(TextPatternError) -> (minimum: Int, maximum: Int?) {
        let open = index
        index += 1
        guard let minimum = parseNumber() else {
            throw .malformedCount(at: open)
        }
        var maximum: Int? = minimum
        if consume(",") {
            maximum = parseNumber()
        }
        guard consume("}") else {
            throw .malformedCount(at: open)
        }
        if let maximum, minimum > maximum {
            throw .countOutOfOrder(minimum: minimum, maximum: maximum, at: open)
        }
        if max(minimum, maximum ?? 0) > Self.maximumCount {
            throw .countTooLarge(limit: Self.maximumCount, at: open)
        }
        return (minimum, maximum)
    }

    /// Decimal digits, saturating far above any allowed count so huge numbers cannot overflow.
    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let scalar = peek(), let digit = Self.decimalValue(scalar) {
            value = min((value ?? 0) * 10 + digit, 1_000_000_000)
            index += 1
        }
        return value
    }

    /// Whether `{digits}`, `{digits,}` or `{digits,digits}` starts here, without consuming it.
    private func looksLikeCount() -> Bool {
        var position = index + 1
        let firstDigit = position
        while position < scalars.count, Self.decimalValue(scalars[position]) != nil {
            position += 1
        }
        guard position > firstDigit else {
            return false
        }
        if position < scalars.count, scalars[position] == "," {
            position += 1
            while position < scalars.count, Self.decimalValue(scalars[position]) != nil {
                position += 1
            }
        }
        return position < scalars.count && scalars[position] == "}"
    }

    // MARK: - Classes

    private mutating func parseClass() throws(TextPatternError) -> SizedPatternNode {
        let open = index
        index += 1
        let isNegated = consume("^")
        var ranges: [ClosedRange<UInt32>] = []
        while true {
            guard let scalar = peek() else {
                throw .unterminatedClass(at: open)
            }
            if scalar == "]" {
                index += 1
                break
            }
            let lowOffset = index
            let low = try parseClassAtom()
            // A '-' right before ']' is a literal, as in [a-].
            if peek() == "-", let after = peek(1), after != "]" {
                index += 1
                let highOffset = index
                let high = try parseClassAtom()
                guard case .scalar(let lowScalar) = low else {
                    throw .classEscapeInRange(at: lowOffset)
                }
                guard case .scalar(let highScalar) = high else {
                    throw .classEscapeInRange(at: highOffset)
                }
                guard lowScalar.value <= highScalar.value else {
                    throw .reversedRange(lowScalar, highScalar, at: lowOffset)
                }
                ranges.append(lowScalar.value...highScalar.value)
            } else {
                switch low {
                case .scalar(let literal):
                    ranges.append(literal.value...literal.value)
                case .set(let set):
                    ranges.append(contentsOf: set.ranges)
                }
            }
        }
        let scalarClass = PatternScalarClass(set: PatternScalarSet(ranges), isNegated: isNegated)
        return SizedPatternNode(node: .scalarClass(scalarClass), size: 1)
    }

    private enum ClassAtom {
        case scalar(Unicode.Scalar)
        case set(PatternScalarSet)
    }

    private mutating func parseClassAtom() throws(TextPatternError) -> ClassAtom {
        guard let scalar = peek() else {
            throw .unterminatedClass(at: index)
        }
        guard scalar == "\\" else {
            index += 1
            return .scalar(scalar)
        }
        switch try parseEscape(inClass: true) {
        case .scalar(let literal):
            return .scalar(literal)
        case .scalarClass(let scalarClass):
            return .set(scalarClass.flattened)
        case .assertion:
            // parseEscape refuses \b and \B inside a class.
            return .set(PatternScalarSet())
        }
    }

    // MARK: - Escapes

    private enum Escape {
        case scalar(Unicode.Scalar)
        case scalarClass(PatternScalarClass)
        case assertion(PatternAssertion)
    }

    private mutating func parseEscape(inClass: Bool) throws(TextPatternError) -> Escape {
        let backslash = index
        index += 1
        guard let scalar = peek() else {
            throw .trailingBackslash(at: backslash)
        }
        index += 1
        switch scalar {
        case "d": return .scalarClass(PatternScalarClass(set: .digits, isNegated: false))
        case "D": return .scalarClass(PatternScalarClass(set: .digits, isNegated: true))
        case "w": return .scalarClass(PatternScalarClass(set: .wordCharacters, isNegated: false))
        case "W": return .scalarClass(PatternScalarClass(set: .wordCharacters, isNegated: true))
        case "s": return .scalarClass(PatternScalarClass(set: .whitespace, isNegated: false))
        case "S": return .scalarClass(PatternScalarClass(set: .whitespace, isNegated: true))
        case "b", "B":
            if inClass {
                throw .wordBoundaryInClass(at: backslash)
            }
            return .assertion(scalar == "b" ? .wordBoundary : .notWordBoundary)
        case "n": return .scalar("\n")
        case "r": return .scalar("\r")
        case "t": return .scalar("\t")
        case "f": return .scalar("\u{0C}")
        case "v": return .scalar("\u{0B}")
        case "0":
            if let next = peek(), Self.decimalValue(next) != nil {
                throw .octalEscape(at: backslash)
            }
            return .scalar("\u{0}")
        case "1", "2", "3", "4", "5", "6", "7", "8", "9":
            throw .backreference(at: backslash)
        case "k" where peek() == "<":
            throw .backreference(at: backslash)
        case "p", "P":
            throw .propertyEscape(at: backslash)
        case "x":
            return .scalar(try parseHexEscape(digits: 2, form: "two hex digits after \\x, as in \\x41", at: backslash))
        case "u":
            return .scalar(try parseUnicodeEscape(at: backslash))
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/", "-":
            // The metacharacters, plus / and -, as ECMAScript allows in its strict (u) mode.
            return .scalar(scalar)
        default:
            // Other punctuation is refused too: \< or \> mean word edges in some dialects.
            throw .unknownEscape(scalar, at: backslash)
        }
    }

    /// After `\u`: `XXXX` (joining a surrogate pair written as two escapes) or `{X…}`.
    private mutating func parseUnicodeEscape(at backslash: Int) throws(TextPatternError) -> Unicode.Scalar {
        if consume("{") {
            let form = "one to six hex digits and a closing brace after \\u{, as in \\u{1F600}"
            var value: UInt32 = 0
            var digits = 0
            while let scalar = peek(), let digit = Self.hexValue(scalar) {
                digits += 1
                if digits > 6 {
                    throw .malformedHexEscape(form, at: backslash)
                }
                value = value * 16 + digit
                index += 1
            }
            guard digits > 0, consume("}") else {
                throw .malformedHexEscape(form, at: backslash)
            }
            guard let scalar = Unicode.Scalar(value) else {
                throw value > PatternScalarSet.largestScalarValue
                    ? .malformedHexEscape("a code point no larger than \\u{10FFFF}", at: backslash)
                    : .loneSurrogate(at: backslash)
            }
            return scalar
        }
        let form = "four hex digits after \\u, as in \\u00E9, or \\u{…}"
        let unit = try parseHexValue(digits: 4, form: form, at: backslash)
        if let scalar = Unicode.Scalar(unit) {
            return scalar
        }
        // A high surrogate followed by an escaped low one spells a single scalar.
        guard (0xD800...0xDBFF).contains(unit), consume("\\"), consume("u") else {
            throw .loneSurrogate(at: backslash)
        }
        let low = try parseHexValue(digits: 4, form: form, at: index - 2)
        guard (0xDC00...0xDFFF).contains(low),
              let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
            throw .loneSurrogate(at: backslash)
        }
        return scalar
    }

    private mutating func parseHexEscape(digits: Int, form: String, at backslash: Int) throws(TextPatternError) -> Unicode.Scalar {
        let value = try parseHexValue(digits: digits, form: form, at: backslash)
        guard let scalar = Unicode.Scalar(value) else {
            throw .malformedHexEscape(form, at: backslash)
        }
        return scalar
    }

    private mutating func parseHexValue(digits: Int, form: String, at backslash: Int) throws(TextPatternError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = peek(), let digit = Self.hexValue(scalar) else {
                throw .malformedHexEscape(form, at: backslash)
            }
            value = value * 16 + digit
            index += 1
        }
        return value
    }

    // MARK: - Reading

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let position = index + ahead
        return position < scalars.count ? scalars[position] : nil
    }

    /// Consumes `text` if the source continues with it.
    private mutating func consume(_ text: String) -> Bool {
        var position = index
        for expected in text.unicodeScalars {
            guard position < scalars.count, scalars[position] == expected else {
                return false
            }
            position += 1
        }
        index = position
        return true
    }

    private static func decimalValue(_ scalar: Unicode.Scalar) -> Int? {
        (0x30...0x39).contains(scalar.value) ? Int(scalar.value - 0x30) : nil
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: scalar.value - 0x30
        case 0x41...0x46: scalar.value - 0x41 + 10
        case 0x61...0x66: scalar.value - 0x61 + 10
        default: nil
        }
    }
}
