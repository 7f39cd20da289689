import Testing
@testable import JSONCReader

/// JSON numbers have no size limit; `JSONCNumber` keeps the text and says what
/// reading it as a `Double` gives up.
@Suite("Numbers: text and fidelity")
struct NumberFidelityTests {
    struct Row: Sendable, CustomTestStringConvertible {
        let text: String
        let fidelity: JSONCNumber.Fidelity
        let double: Double
        var testDescription: String { text }
        init(_ text: String, _ fidelity: JSONCNumber.Fidelity, _ double: Double) {
            self.text = text
            self.fidelity = fidelity
            self.double = double
        }
    }

    static let rows: [Row] = [
        // Small and exact.
        Row("0", .exact, 0),
        Row("-0", .exact, -0.0),
        Row("-0.0", .exact, -0.0),
        Row("0e999999", .exact, 0),
        Row("0.000e-5", .exact, 0),
        Row("1", .exact, 1),
        Row("-1", .exact, -1),
        Row("123456789", .exact, 123_456_789),
        // Decimal fractions round the same way in every reader: not reported.
        Row("0.1", .exact, 0.1),
        Row("3.141592653589793238462643383279", .exact, 3.141592653589793),
        Row("1.7976931348623157e308", .exact, .greatestFiniteMagnitude),
        Row("5e-324", .exact, .leastNonzeroMagnitude),
        Row("3e-324", .exact, .leastNonzeroMagnitude),
        // Integers around 2^53.
        Row("9007199254740991", .exact, 9_007_199_254_740_991),
        Row("9007199254740992", .exact, 9_007_199_254_740_992),
        Row("9007199254740993", .rounded, 9_007_199_254_740_992),
        Row("9007199254740994", .exact, 9_007_199_254_740_994),
        Row("9007199254740995", .rounded, 9_007_199_254_740_996),
        Row("-9007199254740992", .exact, -9_007_199_254_740_992),
        Row("-9007199254740993", .rounded, -9_007_199_254_740_992),
        // Integers around 2^63 and 2^64.
        Row("9223372036854775807", .rounded, 9_223_372_036_854_775_808),
        Row("9223372036854775808", .exact, 9_223_372_036_854_775_808),
        Row("-9223372036854775808", .exact, -9_223_372_036_854_775_808),
        Row("18446744073709551615", .rounded, 18_446_744_073_709_551_616),
        Row("18446744073709551616", .exact, 18_446_744_073_709_551_616),
        Row("18446744073709551617", .rounded, 18_446_744_073_709_551_616),
        // Powers of ten written as integers: 10^22 is a Double, 10^23 is not.
        Row("10000000000000000000000", .exact, 1e22),
        Row("100000000000000000000000", .rounded, 1e23),
        Row("123456789012345678901234567890", .rounded, 1.2345678901234568e29),
        // 2^100 and 2^100 + 1.
        Row("1267650600228229401496703205376", .exact, 0x1p100),
        Row("1267650600228229401496703205377", .rounded, 0x1p100),
        // The largest Double, written out as an integer, is exact.
        Row(String(Double.greatestFiniteMagnitude.exactIntegerDigits), .exact, .greatestFiniteMagnitude),
        // Beyond the range of Double.
        Row("1e999999", .overflow, .infinity),
        Row("-1e999999", .overflow, -.infinity),
        Row("1e309", .overflow, .infinity),
        Row("1.8e308", .overflow, .infinity),
        Row("1" + String(repeating: "0", count: 400), .overflow, .infinity),
        Row("-1" + String(repeating: "0", count: 400), .overflow, -.infinity),
        // Too small for Double but not zero.
        Row("1e-999999", .underflow, 0),
        Row("-1e-999999", .underflow, -0.0),
        Row("2e-324", .underflow, 0),
        Row("0." + String(repeating: "0", count: 400) + "1", .underflow, 0),
    ]

    @Test("fidelity and Double", arguments: rows)
    func fidelity(_ row: Row) throws {
        let document = try JSONCDocument.parse("[" + row.text + "]")
        let number = try #require(document.root.elements.first { _ in true }?.number)
        #expect(number.text == row.text)
        #expect(number.description == row.text)
        #expect(number.fidelity == row.fidelity)
        #expect(number.double == row.double)
        #expect(number.double.sign == row.double.sign)
    }

    @Test func integerness() throws {
        let document = try JSONCDocument.parse("[0, -0, 42, -7, 1.0, 1e2, 1E+2, 0.5, -0.0, 9223372036854775808, -9223372036854775808]")
        let numbers = document.root.elements.map { $0.number! }
        #expect(numbers.map(\.isInteger) == [true, true, true, true, false, false, false, false, false, true, true])
        #expect(numbers.map(\.int) == [0, 0, 42, -7, nil, nil, nil, nil, nil, nil, Int.min])
    }

    @Test func textIsKeptExactlyAsWritten() throws {
        let texts = ["1.0E+2", "-0.000", "1e007", "123456789012345678901234567890", "0.10"]
        let document = try JSONCDocument.parse("[" + texts.joined(separator: " ,\n") + "]")
        #expect(document.root.elements.map { $0.number!.text } == texts)
        #expect(document.root.elements.map(\.sourceText) == texts)
    }

    @Test func readingANumberFromText() {
        #expect(JSONCNumber("12")?.int == 12)
        #expect(JSONCNumber("-1.5e3")?.double == -1500)
        #expect(JSONCNumber("-1.5e3")?.isInteger == false)
        #expect(JSONCNumber("12") == JSONCNumber("12"))
        #expect(JSONCNumber("12") != JSONCNumber("12.0"))
        #expect(JSONCNumber("1e999999")?.fidelity == .overflow)
        for text in ["", "abc", "01", "+1", ".5", "1.", "NaN", "Infinity", "0x10", "\"1\"", "[1]", "true", "1 2", "- 1"] {
            #expect(JSONCNumber(text) == nil, "\(text)")
        }
    }

    @Test func readingANumberFromTextRefusesAnythingAroundIt() {
        for text in [" 1", "1 ", "\n1\n", "1 // one", "/* one */1", "\u{FEFF}1"] {
            #expect(JSONCNumber(text) == nil, "\(text.debugDescription)")
        }
    }

    @Test func numbersKeepTheirOffsets() throws {
        let text = "{\"n\": -12.5e+3 }"
        let value = try #require(try JSONCDocument.parse(text).root["n"])
        #expect(value.offset == 6)
        #expect(value.endOffset == 14)
        #expect(value.sourceText == "-12.5e+3")
    }
}

extension Double {
    /// The exact decimal digits of an integral, finite, nonnegative Double.
    var exactIntegerDigits: String {
        precondition(self >= 0 && self == rounded() && isFinite)
        // Little-endian decimal digits of the 53-bit significand, doubled
        // as many times as the exponent says.
        var digits: [UInt8] = []
        var value = UInt64(significandBitPattern) | (1 << 52)
        while value > 0 {
            digits.append(UInt8(value % 10))
            value /= 10
        }
        for _ in 0..<max(0, Int(exponent) - 52) {
            var carry: UInt8 = 0
            for index in digits.indices {
                let doubled = digits[index] * 2 + carry
                digits[index] = doubled % 10
                carry = doubled / 10
            }
            if carry > 0 { digits.append(carry) }
        }
        return String(digits.reversed().map { Character(Unicode.Scalar($0 + 48)) })
    }
}
