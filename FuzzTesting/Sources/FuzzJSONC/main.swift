// Fuzzes the JSONC reader with arbitrary bytes.
//
// Beyond "no crash, no hang, no leak" (libFuzzer and AddressSanitizer), it
// checks on every input:
// - determinism: parsing twice gives the same error or the same document;
// - a syntax error lies within the file, with line ≥ 1 and column ≥ 1 that
//   agree with positions computed independently, and a message;
// - on success, every value: 0 ≤ offset < endOffset ≤ size; sourceText is
//   those bytes; they start and end the way the value's kind does; read on
//   their own they give the same value; positions from `lineMap` and from a
//   `LineMap.Cursor` (asked in document order and out of order) agree with
//   the independent ones;
// - strings: decoding then re-escaping and re-reading is the identity;
// - numbers: `JSONCNumber(text)` reads back the same number, and
//   `fidelity` agrees with an exact big-integer check of the `Double`;
// - objects: keys are unique after reading (duplicates listed apart, each
//   pointing at a key equal to the one it repeats), `subscript` finds the
//   first member; counts agree with iteration.
import FuzzSupport
import JSONCReader

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONC(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let first = Result { () throws(JSONCSyntaxError) in try JSONCDocument.parse(bytes) }
    let second = Result { () throws(JSONCSyntaxError) in try JSONCDocument.parse(bytes) }
    let oracle = PositionOracle(bytes)

    switch (first, second) {
    case (.failure(let error), .failure(let again)):
        Fuzz.require(error == again, "two parses of the same bytes failed differently: \(error) / \(again)")
        checkError(error, bytes: bytes, oracle: oracle)
    case (.success(let document), .success(let again)):
        let text = Canonical.text(document.root)
        Fuzz.require(text == Canonical.text(again.root), "two parses of the same bytes read differently")
        Fuzz.require(document.duplicateKeys == again.duplicateKeys, "two parses found different duplicate keys")
        checkDocument(document, bytes: bytes, oracle: oracle, canonical: text)
    default:
        Fuzz.require(false, "one parse of the bytes succeeded and the other failed")
    }
    return 0
}

func checkError(_ error: JSONCSyntaxError, bytes: [UInt8], oracle: PositionOracle) {
    Fuzz.require(error.offset >= 0 && error.offset <= bytes.count, "error offset \(error.offset) outside 0...\(bytes.count)")
    Fuzz.require(error.line >= 1 && error.column >= 1, "error at \(error.line):\(error.column)")
    Fuzz.require(!error.message.isEmpty, "empty error message")
    let expected = oracle.position(of: error.offset)
    Fuzz.require(
        expected.line == error.line && expected.column == error.column,
        "error at \(error.line):\(error.column), offset \(error.offset) is \(expected.line):\(expected.column)"
    )
    Fuzz.require(oracle.contains(line: error.line, column: error.column), "error position \(error.line):\(error.column) beyond the text")
    let scanned = LineMap(scanning: bytes).position(of: error.offset)
    Fuzz.require(scanned == expected, "LineMap(scanning:) disagrees for an error")
}

func checkDocument(_ document: JSONCDocument, bytes: [UInt8], oracle: PositionOracle, canonical: String) {
    Fuzz.require(document.bytes == bytes, "document.bytes differs from the input")
    Fuzz.require(document.lineMap.lineCount == oracle.lineCount, "lineMap has \(document.lineMap.lineCount) lines, the file \(oracle.lineCount)")

    // Re-reading the canonical text gives the same document, with no
    // duplicate key left (keys compared by code points both times).
    do {
        let reread = try JSONCDocument.parse(canonical)
        Fuzz.require(Canonical.text(reread.root) == canonical, "canonical text does not read back the same")
        Fuzz.require(reread.duplicateKeys.isEmpty, "canonical text has duplicate keys: \(reread.duplicateKeys)")
    } catch {
        Fuzz.require(false, "canonical text does not parse: \(error)")
    }

    var inOrder = LineMap.Cursor(document.lineMap)
    var outOfOrder = LineMap.Cursor(document.lineMap)
    var pending: [(value: JSONCValue, depth: Int)] = [(document.root, 0)]
    var visited = 0
    var keys = 0
    while let (value, depth) = pending.popLast() {
        visited += 1
        let start = value.offset
        let end = value.endOffset
        Fuzz.require(start >= 0 && start < end && end <= bytes.count, "value at \(start)..<\(end) outside the \(bytes.count) bytes")
        Fuzz.require(value.sourceText == String(decoding: bytes[start..<end], as: UTF8.self), "sourceText is not the value's bytes")
        checkBoundaries(value, bytes: bytes, start: start, end: end)

        // Positions: the map, a cursor in document order, a cursor asked
        // backwards and forwards, and the slow oracle all agree.
        let expected = oracle.position(of: start)
        Fuzz.require(expected.line >= 1 && expected.column >= 1, "oracle broken")
        Fuzz.require(document.lineMap.position(of: start) == expected, "lineMap.position(of: \(start)) is \(document.lineMap.position(of: start)), expected \(expected)")
        Fuzz.require(inOrder.position(of: start) == expected, "cursor in order disagrees at \(start)")
        Fuzz.require(outOfOrder.position(of: end - 1) == oracle.position(of: end - 1), "cursor at end - 1 disagrees at \(end - 1)")
        Fuzz.require(outOfOrder.position(of: start) == expected, "cursor asked backwards disagrees at \(start)")
        Fuzz.require(document.lineMap.position(of: end) == oracle.position(of: end), "lineMap disagrees at endOffset \(end)")

        // The value's bytes on their own read as the same value (a
        // container only near the top: the check costs its size each time).
        if value.kind != .array && value.kind != .object || depth < 6 {
            do {
                let alone = try JSONCDocument.parse(Array(bytes[start..<end]))
                Fuzz.require(Canonical.text(alone.root) == Canonical.text(value), "the value's bytes alone read differently")
            } catch {
                Fuzz.require(false, "the bytes \(start)..<\(end) of a value do not parse alone: \(error)")
            }
        }

        switch value.kind {
        case .string:
            Fuzz.require(value.string != nil, "a string without a string")
            Fuzz.require(value.number == nil && value.bool == nil && !value.isNull, "a string reads as another kind")
            Fuzz.require(value.elements.isEmpty && value.members.isEmpty, "a string has elements or members")
        case .number:
            checkNumber(value.number, sourceText: value.sourceText)
        case .true, .false:
            Fuzz.require(value.bool == (value.kind == .true), "bool disagrees with kind")
        case .null:
            Fuzz.require(value.isNull && value.string == nil && value.number == nil, "null reads as a value")
        case .array:
            let elements = Array(value.elements)
            Fuzz.require(elements.count == value.elements.count, "elements.count disagrees with iteration")
            Fuzz.require(value.elements.isEmpty == elements.isEmpty, "elements.isEmpty disagrees")
            var previousEnd = start + 1
            for element in elements {
                Fuzz.require(element.offset >= previousEnd, "elements overlap or are out of order")
                previousEnd = element.endOffset
                Fuzz.require(previousEnd <= end - 1, "element ends after its array")
            }
            pending += elements.reversed().map { ($0, depth + 1) }
        case .object:
            let members = Array(value.members)
            keys += members.count
            Fuzz.require(members.count == value.members.count, "members.count disagrees with iteration")
            Fuzz.require(value.members.isEmpty == members.isEmpty, "members.isEmpty disagrees")
            var seen = Set<[UInt8]>()
            var previousEnd = start + 1
            for member in members {
                Fuzz.require(member.keyOffset >= previousEnd, "members overlap or are out of order")
                previousEnd = member.value.endOffset
                Fuzz.require(previousEnd <= end - 1, "member ends after its object")
                let key = member.key
                Fuzz.require(seen.insert(Array(key.utf8)).inserted, "key '\(key)' yielded twice")
                Fuzz.require(member.keyOffset > start && member.keyOffset < member.value.offset, "key offset out of place")
                Fuzz.require(bytes[member.keyOffset] == UInt8(ascii: "\""), "key offset not at a quote")
                let found = value[key]
                Fuzz.require(found?.offset == member.value.offset, "subscript['\(key)'] does not find the first member")
            }
            pending += members.reversed().map { ($0.value, depth + 1) }
        }
    }
    Fuzz.require(visited + document.duplicateKeys.count <= document.valueCount, "more values visited than the document holds")

    // Every duplicate points at a key equal (by code points) to an earlier one.
    for duplicate in document.duplicateKeys {
        Fuzz.require(duplicate.firstOffset < duplicate.offset, "duplicate before its first occurrence")
        Fuzz.require(bytes[duplicate.offset] == UInt8(ascii: "\"") && bytes[duplicate.firstOffset] == UInt8(ascii: "\""), "duplicate offsets not at quotes")
        let repeated = keyText(at: duplicate.offset, in: bytes)
        let original = keyText(at: duplicate.firstOffset, in: bytes)
        Fuzz.require(repeated.utf8.elementsEqual(original.utf8), "duplicate key '\(repeated)' differs from '\(original)'")
        Fuzz.require(duplicate.key.utf8.elementsEqual(repeated.utf8), "duplicate key text differs")
    }
    Fuzz.require(document.duplicateKeys.map(\.offset) == document.duplicateKeys.map(\.offset).sorted(), "duplicate keys out of document order")
    _ = keys
}

/// The decoded key whose opening quote is at `offset`, read as a document of its own.
func keyText(at offset: Int, in bytes: [UInt8]) -> String {
    var end = offset + 1
    while bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
    guard let text = try? JSONCDocument.parse(Array(bytes[offset...end])).root.string else {
        Fuzz.require(false, "the key at \(offset) does not read alone")
        return ""
    }
    return text
}

/// A value's bytes start and end the way its kind does.
func checkBoundaries(_ value: JSONCValue, bytes: [UInt8], start: Int, end: Int) {
    let first = bytes[start], last = bytes[end - 1]
    switch value.kind {
    case .object: Fuzz.require(first == UInt8(ascii: "{") && last == UInt8(ascii: "}"), "object not within braces")
    case .array: Fuzz.require(first == UInt8(ascii: "[") && last == UInt8(ascii: "]"), "array not within brackets")
    case .string: Fuzz.require(first == UInt8(ascii: "\"") && last == UInt8(ascii: "\"") && end - start >= 2, "string not within quotes")
    case .number:
        Fuzz.require(first == UInt8(ascii: "-") || (first >= 0x30 && first <= 0x39), "number starts with \(first)")
        Fuzz.require(last >= 0x30 && last <= 0x39, "number ends with \(last)")
    case .true: Fuzz.require(bytes[start..<end].elementsEqual("true".utf8), "true is not 'true'")
    case .false: Fuzz.require(bytes[start..<end].elementsEqual("false".utf8), "false is not 'false'")
    case .null: Fuzz.require(bytes[start..<end].elementsEqual("null".utf8), "null is not 'null'")
    }
}

func checkNumber(_ number: JSONCNumber?, sourceText: String) {
    guard let number else {
        Fuzz.require(false, "a number without a number")
        return
    }
    Fuzz.require(number.text == sourceText, "number text '\(number.text)' is not its source '\(sourceText)'")
    Fuzz.require(JSONCNumber(number.text) == number, "JSONCNumber('\(number.text)') reads differently")
    let hasFractionOrExponent = number.text.contains { $0 == "." || $0 == "e" || $0 == "E" }
    Fuzz.require(number.isInteger == !hasFractionOrExponent, "isInteger wrong for \(number.text)")
    let value = number.double
    let fidelity = number.fidelity
    Fuzz.require(!value.isNaN, "\(number.text) reads as NaN")
    Fuzz.require((fidelity == .overflow) == value.isInfinite, "\(number.text): fidelity \(fidelity) but double \(value)")
    let digits = number.text.utf8.prefix { $0 != UInt8(ascii: "e") && $0 != UInt8(ascii: "E") }
    let hasNonZeroDigit = digits.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
    if value == 0 {
        Fuzz.require((fidelity == .underflow) == hasNonZeroDigit, "\(number.text): fidelity \(fidelity) for zero")
    }
    // The magnitude decides overflow and underflow, far from the limits.
    if hasNonZeroDigit {
        let magnitude = decimalMagnitude(number.text)
        Fuzz.require(!(value.isInfinite && magnitude < 305), "\(number.text) (about 1e\(magnitude)) reads as infinity")
        Fuzz.require(!(!value.isInfinite && magnitude > 310), "\(number.text) (about 1e\(magnitude)) reads as \(value)")
        Fuzz.require(!(value == 0 && magnitude > -320), "\(number.text) (about 1e\(magnitude)) reads as 0")
        Fuzz.require(!(value != 0 && magnitude < -330), "\(number.text) (about 1e\(magnitude)) reads as \(value)")
    }
    if let int = number.int {
        Fuzz.require(number.isInteger && String(int) == number.text.replacingOccurrences(of: "-0", with: "0"), "int \(int) for \(number.text)")
    }
    // Integers: `exact` exactly when the Double's decimal expansion is the text.
    if number.isInteger, !value.isInfinite, value != 0 {
        let negative = number.text.hasPrefix("-")
        let written = String(number.text.dropFirst(negative ? 1 : 0))
        let exact = decimalExpansion(of: abs(value)) == written
        Fuzz.require((fidelity == .exact) == exact, "\(number.text): fidelity \(fidelity), but the Double is \(decimalExpansion(of: abs(value)))")
    }
}

/// The exact decimal digits of a finite, positive, integral `Double`
/// (big-integer arithmetic on decimal digits, least significant first).
func decimalExpansion(of value: Double) -> String {
    precondition(value.isFinite && value > 0 && value == value.rounded())
    var significand = UInt64(value.significandBitPattern) | (value.isNormal ? 1 << 52 : 0)
    var exponent = Int(value.exponent) - 52
    while exponent < 0 {
        significand >>= 1
        exponent += 1
    }
    var digits: [UInt8] = []
    while significand > 0 {
        digits.append(UInt8(significand % 10))
        significand /= 10
    }
    for _ in 0..<exponent {
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

/// The decimal exponent of the first nonzero digit of a JSON number with
/// one (`120` → 2, `0.05` → -2, `1.5e10` → 10), saturating far out.
func decimalMagnitude(_ text: String) -> Int {
    let bytes = Array(text.utf8)
    var index = bytes.first == UInt8(ascii: "-") ? 1 : 0
    var integerDigits = 0
    var leadingZeros = 0
    var seenNonZero = false
    while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
        if bytes[index] != 0x30 { seenNonZero = true }
        if seenNonZero { integerDigits += 1 }
        index += 1
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
        index += 1
        while index < bytes.count, bytes[index] >= 0x30 && bytes[index] <= 0x39 {
            if !seenNonZero {
                if bytes[index] == 0x30 { leadingZeros += 1 } else { seenNonZero = true }
            }
            index += 1
        }
    }
    var magnitude = integerDigits > 0 ? integerDigits - 1 : -(leadingZeros + 1)
    if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
        index += 1
        var sign = 1
        if bytes[index] == UInt8(ascii: "-") { sign = -1; index += 1 } else if bytes[index] == UInt8(ascii: "+") { index += 1 }
        var exponent = 0
        while index < bytes.count {
            exponent = min(exponent * 10 + Int(bytes[index] - 0x30), 100_000_000)
            index += 1
        }
        magnitude += sign * exponent
    }
    return magnitude
}
