/// Numbers as exports write them, for a declared decimal separator:
/// `1 234,5` and `1.234,5` with a comma, `1,234.5` with a period, a sign,
/// an exponent, and percentages (`35%`, `35 %`).
///
/// Digit groups may be separated by a space, a no-break space (U+00A0,
/// U+202F), an apostrophe (`'`, `’`) or the other of `.` and `,`; one kind
/// per number, groups of three digits after the first (of one to three),
/// in the whole part only. That rule is what keeps `1,5` from being read
/// as fifteen when the decimal separator is `.`: it is an error instead.
///
/// ```swift
/// try NumberFormat.comma.value("1 234,5")     // 1234.5
/// try NumberFormat.period.value("1,234.5")    // 1234.5
/// try NumberFormat.period.value("35%")        // 0.35
/// try NumberFormat.period.value("1,5")        // throws: misplaced group separator
/// ```
public struct NumberFormat: Sendable, Hashable {
    /// `.` or `,`.
    public let decimalSeparator: UInt8

    public static let period = NumberFormat(unchecked: ASCII.dot)
    public static let comma = NumberFormat(unchecked: ASCII.comma)

    /// Nil unless `separator` is `.` or `,`.
    public init?(decimalSeparator separator: Character) {
        guard separator == "." || separator == "," else { return nil }
        self.init(unchecked: separator == "." ? ASCII.dot : ASCII.comma)
    }

    private init(unchecked byte: UInt8) {
        decimalSeparator = byte
    }

    /// Why a text is not a number, and at which byte.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Problem: Sendable, Equatable {
            case empty
            case unexpectedCharacter
            case noDigits
            /// A group separator where groups of three digits do not allow
            /// one: often the other decimal separator.
            case misplacedGroupSeparator
        }

        public let problem: Problem
        public let offset: Int

        public var description: String {
            switch problem {
            case .empty: "no number"
            case .unexpectedCharacter: "unexpected character at byte \(offset + 1) of the number"
            case .noDigits: "no digits in the number"
            case .misplacedGroupSeparator:
                "a digit-group separator at byte \(offset + 1) where groups of three digits allow none (is the decimal separator declared right?)"
            }
        }
    }

    /// The value, a percentage divided by 100.
    public func value(_ text: String) throws(Failure) -> Double {
        var text = text
        let result: Result<Double, Failure> = text.withUTF8 { bytes in
            do throws(Failure) { return .success(try value(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public func value(_ field: CSVField) throws(Failure) -> Double {
        let result: Result<Double, Failure> = field.withUnsafeBytes { bytes in
            do throws(Failure) { return .success(try value(bytes)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    public func value(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> Double {
        if let plain = Self.plainValue(bytes, decimalSeparator: decimalSeparator) { return plain }
        var start = 0
        var end = bytes.count
        func spaceLength(at index: Int) -> Int {
            if bytes[index] == ASCII.space || bytes[index] == ASCII.tab { return 1 }
            if index + 1 < bytes.count, bytes[index] == 0xC2, bytes[index + 1] == 0xA0 { return 2 }
            if index + 2 < bytes.count, bytes[index] == 0xE2, bytes[index + 1] == 0x80, bytes[index + 2] == 0xAF { return 3 }
            return 0
        }
        while start < end, case let length = spaceLength(at: start), length > 0 { start += length }
        while end > start, bytes[end - 1] == ASCII.space || bytes[end - 1] == ASCII.tab { end -= 1 }
        guard start < end else { throw Failure(problem: .empty, offset: 0) }
        var isPercentage = false
        if bytes[end - 1] == ASCII.percent {
            isPercentage = true
            end -= 1
            while end > start, bytes[end - 1] == ASCII.space { end -= 1 }
            if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
            if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xAF { end -= 3 }
        }
        // The number rewritten the way `Double` reads it: sign, digits, '.', exponent.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(end - start + 2)
        var index = start
        if bytes[index] == ASCII.minus || bytes[index] == ASCII.plus {
            normalized.append(bytes[index])
            index += 1
        } else if index + 2 < end, bytes[index] == 0xE2, bytes[index + 1] == 0x88, bytes[index + 2] == 0x92 {
            normalized.append(ASCII.minus)  // U+2212 MINUS SIGN
            index += 3
        }
        let groupChoices: [[UInt8]] = decimalSeparator == ASCII.dot
            ? [[ASCII.comma], [ASCII.space], [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [ASCII.apostrophe], [0xE2, 0x80, 0x99]]
            : [[ASCII.dot], [ASCII.space], [0xC2, 0xA0], [0xE2, 0x80, 0xAF], [ASCII.apostrophe], [0xE2, 0x80, 0x99]]
        var group: [UInt8]?
        var digitsInGroup = 0
        var groups = 0
        var lastGroupOffset = 0
        var wholeDigits = 0
        while index < end {
            let byte = bytes[index]
            if ASCII.isDigit(byte) {
                normalized.append(byte)
                digitsInGroup += 1
                wholeDigits += 1
                index += 1
                continue
            }
            guard let separator = groupChoices.first(where: { matches($0, bytes, at: index, end: end) }) else { break }
            // A group separator: one kind, after 1–3 digits first, then exactly 3.
            guard group == nil || group == separator, digitsInGroup >= 1, digitsInGroup <= 3, groups == 0 || digitsInGroup == 3 else {
                throw Failure(problem: .misplacedGroupSeparator, offset: index)
            }
            group = separator
            groups += 1
            lastGroupOffset = index
            digitsInGroup = 0
            index += separator.count
        }
        if group != nil, digitsInGroup != 3 {
            throw Failure(problem: .misplacedGroupSeparator, offset: lastGroupOffset)
        }
        var fractionDigits = 0
        if index < end, bytes[index] == decimalSeparator {
            normalized.append(ASCII.dot)
            index += 1
            while index < end, ASCII.isDigit(bytes[index]) {
                normalized.append(bytes[index])
                fractionDigits += 1
                index += 1
            }
        }
        guard wholeDigits + fractionDigits > 0 else { throw Failure(problem: .noDigits, offset: index) }
        if index < end, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            normalized.append(UInt8(ascii: "e"))
            index += 1
            if index < end, bytes[index] == ASCII.minus || bytes[index] == ASCII.plus {
                normalized.append(bytes[index])
                index += 1
            }
            let exponentStart = index
            while index < end, ASCII.isDigit(bytes[index]) {
                normalized.append(bytes[index])
                index += 1
            }
            guard index > exponentStart else { throw Failure(problem: .unexpectedCharacter, offset: index) }
        }
        guard index == end else { throw Failure(problem: .unexpectedCharacter, offset: index) }
        guard let value = Double(String(decoding: normalized, as: UTF8.self)), value.isFinite else {
            throw Failure(problem: .unexpectedCharacter, offset: start)
        }
        return isPercentage ? value / 100 : value
    }

    /// Powers of ten a `Double` holds exactly.
    private static let exactPowersOfTen: [Double] = (0...15).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// The value of the shape most cells have, `[-+]digits[separator digits]`
    /// with at most 15 digits, read without `strtod`; nil for anything else,
    /// read the general way. The digits as an integer and the power of ten
    /// are both exact in a `Double` (below 2^53), so one division, which
    /// IEEE 754 rounds correctly, gives the very value `strtod` gives.
    ///
    /// ```swift
    /// // "-12.75": 1275 / 100, negated; "0.1": 1 / 10, the Double nearest 0.1.
    /// ```
    @inline(__always)
    static func plainValue(_ bytes: UnsafeBufferPointer<UInt8>, decimalSeparator: UInt8) -> Double? {
        let count = bytes.count
        guard count > 0, count <= 17 else { return nil }
        var index = 0
        let isNegative = bytes[0] == ASCII.minus
        if isNegative || bytes[0] == ASCII.plus { index = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = -1
        while index < count {
            let digit = bytes[index] &- ASCII.zero
            if digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if fractionDigits >= 0 { fractionDigits += 1 }
            } else if bytes[index] == decimalSeparator, fractionDigits < 0, digits > 0 {
                fractionDigits = 0
            } else {
                return nil
            }
            index += 1
        }
        guard digits > 0, digits <= 15, fractionDigits != 0 else { return nil }
        var value = Double(mantissa)
        if fractionDigits > 0 { value /= exactPowersOfTen[fractionDigits] }
        return isNegative ? -value : value
    }

    private func matches(_ pattern: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index + pattern.count <= end else { return false }
        for (offset, byte) in pattern.enumerated() where bytes[index + offset] != byte { return false }
        return true
    }
}
