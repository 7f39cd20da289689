/// The byte-level JSONC parser behind ``JSONCDocument/parse(_:maximumDepth:)``.
///
/// One pass over the bytes: it validates the grammar and UTF-8, records every
/// value on a flat tape, and notes where lines start while skipping white
/// space (line breaks can only occur there or in comments, never in a valid
/// string), so positions cost nothing until someone asks for one.
struct JSONCParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index: Int
    private var nodes: [JSONCNode]
    private var lineStarts: [UInt32]
    private var duplicateKeys: [JSONCDuplicateKey] = []
    private let maximumDepth: Int
    private var depth = 0

    /// Offsets are kept in 32 bits; larger inputs are refused up front.
    static let maximumSize = Int(UInt32.max) - 1

    static func parse(_ source: [UInt8], maximumDepth: Int) throws(JSONCSyntaxError) -> JSONCDocument {
        let result: Result<([JSONCNode], [UInt32], [JSONCDuplicateKey]), JSONCSyntaxError> =
            source.withUnsafeBufferPointer { buffer in
                var parser = JSONCParser(bytes: buffer, maximumDepth: maximumDepth)
                do throws(JSONCSyntaxError) {
                    try parser.parseDocument()
                    return .success((parser.nodes, parser.lineStarts, parser.duplicateKeys))
                } catch {
                    return .failure(error)
                }
            }
        let (nodes, lineStarts, duplicates) = try result.get()
        return JSONCDocument(bytes: source, nodes: nodes, lineStarts: lineStarts, duplicateKeys: duplicates)
    }

    private init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.index = 0
        self.maximumDepth = maximumDepth
        self.nodes = []
        // Journey files hold roughly one value per 12 bytes and a line per 40.
        nodes.reserveCapacity(bytes.count / 12 + 4)
        lineStarts = [0]
        lineStarts.reserveCapacity(bytes.count / 40 + 1)
    }

    // MARK: - Document

    private mutating func parseDocument() throws(JSONCSyntaxError) {
        guard bytes.count <= Self.maximumSize else {
            throw error("the file is larger than 4 GiB, the most the reader accepts", at: 0)
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
        }
        try skipTrivia()
        guard index < bytes.count else {
            throw error("expected a JSON value, found the end of the file", at: index)
        }
        try parseValue()
        try skipTrivia()
        if index < bytes.count {
            throw error(
                "expected the end of the file after the top-level value, found \(describeByte(at: index)); a file holds exactly one value",
                at: index
            )
        }
    }

    // MARK: - Trivia

    /// Skips white space and comments, recording where lines start.
    @inline(__always)
    private mutating func skipTrivia() throws(JSONCSyntaxError) {
        while index < bytes.count {
            switch bytes[index] {
            case ASCII.space, ASCII.tab, ASCII.carriageReturn:
                index += 1
            case ASCII.lineFeed:
                index += 1
                lineStarts.append(UInt32(truncatingIfNeeded: index))
            case ASCII.slash:
                try skipComment()
            default:
                return
            }
        }
    }

    private mutating func skipComment() throws(JSONCSyntaxError) {
        let start = index
        guard index + 1 < bytes.count else {
            throw error("expected '//' or '/*' to start a comment, found the end of the file", at: index)
        }
        switch bytes[index + 1] {
        case ASCII.slash:
            index += 2
            while index < bytes.count {
                let byte = bytes[index]
                if byte == ASCII.lineFeed { return }
                try skipCommentByte(byte)
            }
        case ASCII.asterisk:
            index += 2
            while index < bytes.count {
                let byte = bytes[index]
                if byte == ASCII.asterisk, index + 1 < bytes.count, bytes[index + 1] == ASCII.slash {
                    index += 2
                    return
                }
                if byte == ASCII.lineFeed {
                    index += 1
                    lineStarts.append(UInt32(truncatingIfNeeded: index))
                    continue
                }
                try skipCommentByte(byte)
            }
            throw error("the block comment that starts here is never closed with '*/'", at: start)
        default:
            throw error("expected '//' or '/*' to start a comment, found \(describeByte(at: index + 1))", at: index + 1)
        }
    }

    /// Comments are free text but must still be valid UTF-8 without control characters.
    @inline(__always)
    private mutating func skipCommentByte(_ byte: UInt8) throws(JSONCSyntaxError) {
        if byte >= 0x80 {
            try skipUTF8Sequence()
        } else if byte < 0x20 && byte != ASCII.tab && byte != ASCII.carriageReturn {
            throw error("a comment cannot contain \(describeByte(at: index))", at: index)
        } else {
            index += 1
        }
    }

    // MARK: - Values

    private mutating func parseValue() throws(JSONCSyntaxError) {
        guard index < bytes.count else {
            throw error("expected a value, found the end of the file", at: index)
        }
        switch bytes[index] {
        case ASCII.openBrace: try parseObject()
        case ASCII.openBracket: try parseArray()
        case ASCII.quote: try parseString(flags: [])
        case ASCII.minus, ASCII.zero...ASCII.nine: try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true", kind: .true)
        case UInt8(ascii: "f"): try parseLiteral("false", kind: .false)
        case UInt8(ascii: "n"): try parseLiteral("null", kind: .null)
        default: throw unexpectedValueStart()
        }
    }

    private func unexpectedValueStart() -> JSONCSyntaxError {
        let byte = bytes[index]
        switch byte {
        case ASCII.apostrophe:
            return error("expected a value, found \"'\": JSON strings are written in double quotes", at: index)
        case ASCII.plus:
            return error("expected a value, found '+': a JSON number cannot start with '+'", at: index)
        case ASCII.dot:
            return error("expected a value, found '.': a JSON number needs a digit before the decimal point", at: index)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), ASCII.underscore:
            let word = wordAt(index)
            return error(
                "expected a value, found '\(word)': the only JSON words are true, false and null; text goes in double quotes",
                at: index
            )
        default:
            return error("expected a value, found \(describeByte(at: index))", at: index)
        }
    }

    private mutating func enterContainer() throws(JSONCSyntaxError) {
        depth += 1
        if depth > maximumDepth {
            throw error("values are nested more than \(maximumDepth) levels deep", at: index)
        }
    }

    private mutating func parseObject() throws(JSONCSyntaxError) {
        let nodeIndex = nodes.count
        let start = index
        nodes.append(JSONCNode(kind: .object, flags: [], start: UInt32(truncatingIfNeeded: start), length: 0, next: 0))
        try enterContainer()
        index += 1
        var count: UInt32 = 0
        try skipTrivia()
        members: while true {
            guard index < bytes.count else {
                throw error("the object that starts here is never closed with '}'", at: start)
            }
            let byte = bytes[index]
            if byte == ASCII.closeBrace { break members }
            guard byte == ASCII.quote else {
                throw unexpectedKeyStart()
            }
            try parseString(flags: .isKey)
            try skipTrivia()
            guard index < bytes.count, bytes[index] == ASCII.colon else {
                throw error("expected ':' after the key, found \(describeByte(at: index))", at: index)
            }
            index += 1
            try skipTrivia()
            try parseValue()
            count += 1
            try skipTrivia()
            guard index < bytes.count else {
                throw error("the object that starts here is never closed with '}'", at: start)
            }
            switch bytes[index] {
            case ASCII.comma:
                index += 1
                try skipTrivia()
            case ASCII.closeBrace:
                break members
            default:
                throw error("expected ',' or '}' after an object member, found \(describeByte(at: index))", at: index)
            }
        }
        index += 1
        depth -= 1
        nodes[nodeIndex].length = count
        nodes[nodeIndex].next = UInt32(truncatingIfNeeded: nodes.count)
        if count > 1 { markDuplicateKeys(ofObjectAt: nodeIndex, count: Int(count)) }
    }

    private func unexpectedKeyStart() -> JSONCSyntaxError {
        let byte = bytes[index]
        switch byte {
        case ASCII.apostrophe:
            return error("expected a key in double quotes, found \"'\": JSON strings are written in double quotes", at: index)
        case ASCII.comma:
            return error("expected a key in double quotes or '}', found ','", at: index)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), ASCII.underscore, ASCII.dollar:
            let word = wordAt(index)
            return error("expected a key in double quotes, found '\(word)': write \"\(word)\"", at: index)
        default:
            return error("expected a key in double quotes or '}', found \(describeByte(at: index))", at: index)
        }
    }

    private mutating func parseArray() throws(JSONCSyntaxError) {
        let nodeIndex = nodes.count
        let start = index
        nodes.append(JSONCNode(kind: .array, flags: [], start: UInt32(truncatingIfNeeded: start), length: 0, next: 0))
        try enterContainer()
        index += 1
        var count: UInt32 = 0
        try skipTrivia()
        elements: while true {
            guard index < bytes.count else {
                throw error("the array that starts here is never closed with ']'", at: start)
            }
            if bytes[index] == ASCII.closeBracket { break elements }
            if bytes[index] == ASCII.comma {
                throw error("expected a value or ']', found ','", at: index)
            }
            try parseValue()
            count += 1
            try skipTrivia()
            guard index < bytes.count else {
                throw error("the array that starts here is never closed with ']'", at: start)
            }
            switch bytes[index] {
            case ASCII.comma:
                index += 1
                try skipTrivia()
            case ASCII.closeBracket:
                break elements
            default:
                throw error("expected ',' or ']' after an array element, found \(describeByte(at: index))", at: index)
            }
        }
        index += 1
        depth -= 1
        nodes[nodeIndex].length = count
        nodes[nodeIndex].next = UInt32(truncatingIfNeeded: nodes.count)
    }

    private mutating func parseLiteral(_ word: StaticString, kind: JSONCKind) throws(JSONCSyntaxError) {
        let length = word.utf8CodeUnitCount
        let start = index
        var matches = start + length <= bytes.count
        if matches {
            let expected = word.utf8Start
            for offset in 0..<length where bytes[start + offset] != expected[offset] {
                matches = false
                break
            }
        }
        if matches, start + length < bytes.count, Self.isWordByte(bytes[start + length]) {
            matches = false
        }
        guard matches else {
            let found = wordAt(start)
            throw error(
                "expected a value, found '\(found)': the only JSON words are true, false and null; text goes in double quotes",
                at: start
            )
        }
        index += length
        nodes.append(JSONCNode(
            kind: kind, flags: [], start: UInt32(truncatingIfNeeded: start),
            length: UInt32(length), next: UInt32(truncatingIfNeeded: nodes.count + 1)
        ))
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONCSyntaxError) {
        let start = index
        var flags: JSONCNode.Flags = .isInteger
        if bytes[index] == ASCII.minus {
            index += 1
        }
        guard index < bytes.count, ASCII.isDigit(bytes[index]) else {
            throw error("expected a digit after '-', found \(describeByte(at: index))", at: index)
        }
        if bytes[index] == ASCII.zero {
            index += 1
            if index < bytes.count, ASCII.isDigit(bytes[index]) {
                throw error("a JSON number cannot have a leading zero; write it without the '0'", at: index - 1)
            }
        } else {
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == ASCII.dot {
            flags = []
            index += 1
            guard index < bytes.count, ASCII.isDigit(bytes[index]) else {
                throw error("expected a digit after the decimal point, found \(describeByte(at: index))", at: index)
            }
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            flags = []
            index += 1
            if index < bytes.count, bytes[index] == ASCII.plus || bytes[index] == ASCII.minus {
                index += 1
            }
            guard index < bytes.count, ASCII.isDigit(bytes[index]) else {
                throw error("expected a digit in the exponent, found \(describeByte(at: index))", at: index)
            }
            while index < bytes.count, ASCII.isDigit(bytes[index]) { index += 1 }
        }
        nodes.append(JSONCNode(
            kind: .number, flags: flags, start: UInt32(truncatingIfNeeded: start),
            length: UInt32(truncatingIfNeeded: index - start), next: UInt32(truncatingIfNeeded: nodes.count + 1)
        ))
    }

    // MARK: - Strings

    private mutating func parseString(flags initialFlags: JSONCNode.Flags) throws(JSONCSyntaxError) {
        let start = index
        var flags = initialFlags
        index += 1
        while true {
            // The common case: printable ASCII, no quote, no backslash.
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x80 && byte != ASCII.quote && byte != ASCII.backslash {
                    index += 1
                } else {
                    break
                }
            }
            guard index < bytes.count else {
                throw error("the string that starts here is never closed with '\"'", at: start)
            }
            let byte = bytes[index]
            if byte == ASCII.quote {
                index += 1
                break
            } else if byte == ASCII.backslash {
                flags.insert(.hasEscapes)
                try skipEscape()
            } else if byte >= 0x80 {
                try skipUTF8Sequence()
            } else if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                throw error(
                    "a string cannot contain a line break; close it with '\"' before the end of the line, or write \\n",
                    at: index
                )
            } else {
                throw error("a string cannot contain \(describeByte(at: index)); write it as an escape such as \\t or \\u0000", at: index)
            }
        }
        nodes.append(JSONCNode(
            kind: .string, flags: flags, start: UInt32(truncatingIfNeeded: start),
            length: UInt32(truncatingIfNeeded: index - start), next: UInt32(truncatingIfNeeded: nodes.count + 1)
        ))
    }

    private mutating func skipEscape() throws(JSONCSyntaxError) {
        let escapeStart = index
        guard index + 1 < bytes.count else {
            throw error("expected an escaped character after '\\', found the end of the file", at: index + 1)
        }
        switch bytes[index + 1] {
        case ASCII.quote, ASCII.backslash, ASCII.slash,
             UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: escapeStart)
            index += 6
            switch unit {
            case 0xD800...0xDBFF:
                guard index + 1 < bytes.count, bytes[index] == ASCII.backslash, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error(
                        "the escape \\u\(JSONCParser.hex4(unit)) is a lone high surrogate; it must be followed by a low surrogate \\uDC00 to \\uDFFF",
                        at: escapeStart
                    )
                }
                let low = try hexEscape(at: index)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw error(
                        "the escape \\u\(JSONCParser.hex4(unit)) is a high surrogate followed by \\u\(JSONCParser.hex4(low)), which is not a low surrogate (\\uDC00 to \\uDFFF)",
                        at: escapeStart
                    )
                }
                index += 6
            case 0xDC00...0xDFFF:
                throw error(
                    "the escape \\u\(JSONCParser.hex4(unit)) is a lone low surrogate; it must follow a high surrogate \\uD800 to \\uDBFF",
                    at: escapeStart
                )
            default:
                break
            }
        default:
            throw error(
                "invalid escape \(describeEscape(at: escapeStart)); JSON knows \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX",
                at: escapeStart
            )
        }
    }

    /// The code unit of the `\uXXXX` escape at `offset`.
    private func hexEscape(at offset: Int) throws(JSONCSyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for position in (offset + 2)..<(offset + 6) {
            guard position < bytes.count, let digit = ASCII.hexValue(bytes[position]) else {
                throw error("expected four hexadecimal digits after \\u, found \(describeByte(at: position))", at: position)
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Validates one multi-byte UTF-8 sequence at `index` (RFC 3629 table 3-7).
    @inline(__always)
    private mutating func skipUTF8Sequence() throws(JSONCSyntaxError) {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default:
            throw error("invalid UTF-8: byte 0x\(JSONCParser.hex2(lead)) cannot start a character", at: index)
        }
        guard index + length <= bytes.count else {
            throw error("invalid UTF-8: the file ends inside a \(length)-byte character", at: index)
        }
        guard secondRange.contains(bytes[index + 1]) else {
            let second = bytes[index + 1]
            let reason = (second & 0xC0) == 0x80
                ? (lead == 0xED ? "it would encode a surrogate" : "it is an overlong or out-of-range encoding")
                : "it is cut short"
            throw error("invalid UTF-8: the character starting with byte 0x\(JSONCParser.hex2(lead)) is not valid because \(reason)", at: index)
        }
        for offset in 2..<length where (bytes[index + offset] & 0xC0) != 0x80 {
            throw error("invalid UTF-8: the character starting with byte 0x\(JSONCParser.hex2(lead)) is cut short", at: index)
        }
        index += length
    }

    // MARK: - Duplicate keys

    /// Flags every key that repeats an earlier one of the same object.
    private mutating func markDuplicateKeys(ofObjectAt objectIndex: Int, count: Int) {
        var keyIndices: [Int] = []
        keyIndices.reserveCapacity(count)
        var cursor = objectIndex + 1
        for _ in 0..<count {
            keyIndices.append(cursor)
            cursor = Int(nodes[cursor + 1].next)
        }
        if count <= 16 {
            for later in 1..<count {
                for earlier in 0..<later where keysEqual(keyIndices[earlier], keyIndices[later]) {
                    recordDuplicate(keyIndices[later], first: keyIndices[earlier])
                    break
                }
            }
        } else {
            var firstByKey: [String: Int] = [:]
            firstByKey.reserveCapacity(count)
            for key in keyIndices {
                let text = decodedString(key)
                if let first = firstByKey[text] {
                    recordDuplicate(key, first: first)
                } else {
                    firstByKey[text] = key
                }
            }
        }
    }

    private mutating func recordDuplicate(_ key: Int, first: Int) {
        nodes[key].flags.insert(.isDuplicateKey)
        duplicateKeys.append(JSONCDuplicateKey(
            key: decodedString(key), offset: Int(nodes[key].start), firstOffset: Int(nodes[first].start)
        ))
    }

    private func keysEqual(_ a: Int, _ b: Int) -> Bool {
        let left = nodes[a], right = nodes[b]
        if left.flags.contains(.hasEscapes) || right.flags.contains(.hasEscapes) {
            return decodedString(a) == decodedString(b)
        }
        guard left.length == right.length else { return false }
        let leftStart = Int(left.start), rightStart = Int(right.start)
        for offset in 0..<Int(left.length) where bytes[leftStart + offset] != bytes[rightStart + offset] {
            return false
        }
        return true
    }

    private func decodedString(_ node: Int) -> String {
        JSONCStringDecoder.decode(bytes, node: nodes[node])
    }

    // MARK: - Messages

    private func error(_ message: String, at offset: Int) -> JSONCSyntaxError {
        let position = LineMap.position(of: offset, in: bytes, lineStarts: lineStarts)
        return JSONCSyntaxError(message: message, offset: offset, line: position.line, column: position.column)
    }

    private func describeByte(at offset: Int) -> String {
        ByteDescription.describe(bytes, at: offset)
    }

    private func describeEscape(at offset: Int) -> String {
        guard offset + 1 < bytes.count else { return "'\\'" }
        let next = bytes[offset + 1]
        if next >= 0x21 && next < 0x7F {
            return "'\\\(Character(Unicode.Scalar(next)))'"
        }
        return "'\\' followed by \(ByteDescription.describe(bytes, at: offset + 1))"
    }

    /// The identifier-like run of bytes at `offset`, for messages about bare words.
    private func wordAt(_ offset: Int) -> String {
        var end = offset
        while end < bytes.count, end - offset < 32, Self.isWordByte(bytes[end]) { end += 1 }
        if end == offset { end = min(offset + 1, bytes.count) }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
    }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             ASCII.zero...ASCII.nine, ASCII.underscore, ASCII.dollar, ASCII.minus:
            true
        default:
            false
        }
    }

    static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    static func hex4(_ unit: UInt16) -> String {
        hex2(UInt8(unit >> 8)) + hex2(UInt8(unit & 0xFF))
    }
}
