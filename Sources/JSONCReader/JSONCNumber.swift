/// A JSON number as written, with the ways of reading it a loader needs.
///
/// JSON numbers have no size limit, `Double` does: `1e999999` is valid JSON
/// but no `Double`, and `12345678901234567890` is valid JSON but not exactly
/// a `Double`. The number keeps its text so a loader can say which case it is.
public struct JSONCNumber: Sendable, Equatable, CustomStringConvertible {
    /// The number exactly as written in the file.
    public let text: String
    /// True when written without fraction or exponent.
    public let isInteger: Bool

    init(text bytes: ArraySlice<UInt8>, isInteger: Bool) {
        self.text = String(decoding: bytes, as: UTF8.self)
        self.isInteger = isInteger
    }

    /// Reads `text`, which must be a valid JSON number and nothing else (no
    /// white space or comment around it).
    public init?(_ text: String) {
        guard let document = try? JSONCDocument.parse(text), let number = document.root.number,
              number.text.utf8.count == text.utf8.count
        else { return nil }
        self = number
    }

    public var description: String { text }

    /// The nearest `Double`; infinite when the magnitude is beyond `Double`'s range.
    public var double: Double {
        Double(text) ?? (text.hasPrefix("-") ? -.infinity : .infinity)
    }

    /// The value as an `Int` when it is an integer that fits exactly.
    public var int: Int? {
        isInteger ? Int(text) : nil
    }

    /// What reading this number as a `Double` gives up.
    public enum Fidelity: Sendable, Equatable {
        /// The `Double` is the number written.
        case exact
        /// The `Double` is the nearest one, but not the number written (an
        /// integer beyond 2^53, say). Decimal fractions such as 0.1 are not
        /// reported: every reader of JSON rounds them the same way.
        case rounded
        /// The magnitude is beyond `Double`'s range: it reads as infinity.
        case overflow
        /// A nonzero number too small for `Double`: it reads as zero.
        case underflow
    }

    public var fidelity: Fidelity {
        let value = double
        if value.isInfinite { return .overflow }
        if value == 0 {
            let hasNonZeroDigit = mantissaDigits.contains { $0 != "0" }
            return hasNonZeroDigit ? .underflow : .exact
        }
        guard isInteger else { return .exact }
        // Integers below 2^53 are exact (and only they read as a Double below
        // 2^53); beyond, only those of the form m × 2^k with m < 2^53 are.
        if abs(value) < 9_007_199_254_740_992 { return .exact }
        let digits = text.hasPrefix("-") ? text.dropFirst() : text[...]
        return Self.isDouble(integerDigits: digits) ? .exact : .rounded
    }

    /// Whether the integer written as decimal `digits` (no sign, no leading
    /// zero, not beyond `Double`'s range) is m × 2^k with m < 2^53, that is
    /// exactly a `Double`. Halves the decimal digits until the odd part shows.
    private static func isDouble(integerDigits text: Substring) -> Bool {
        var digits = text.utf8.map { $0 &- UInt8(ascii: "0") }
        while digits.count > 16, digits[digits.count - 1] % 2 == 0 {
            var remainder: UInt8 = 0
            for position in digits.indices {
                let current = remainder * 10 + digits[position]
                digits[position] = current / 2
                remainder = current % 2
            }
            if digits[0] == 0 { digits.removeFirst() }
        }
        // An odd part of 17 digits or more is at least 10^16, beyond 2^53.
        guard digits.count <= 16 else { return false }
        let value = digits.reduce(UInt64(0)) { $0 * 10 + UInt64($1) }
        return value >> value.trailingZeroBitCount < 1 << 53
    }

    /// The digits before the exponent.
    private var mantissaDigits: String {
        let end = text.firstIndex { $0 == "e" || $0 == "E" } ?? text.endIndex
        return text[text.startIndex..<end].filter(\.isNumber)
    }
}
