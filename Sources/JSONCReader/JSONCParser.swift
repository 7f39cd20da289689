/// The byte-level JSONC parser behind ``JSONCDocument/parse(_:maximumDepth:keys:)``.
///
/// One pass over the bytes: it validates the grammar and UTF-8, records every
/// value on a flat tape, and notes where lines start while skipping white
/// space (line breaks can only occur there or in comments, never in a valid
/// string), so positions cost nothing until someone asks for one.
///
/// Asked to stream an array (see ``ElementStream``), it hands each element
/// out as soon as it is complete and takes it off the tape, so the tape
/// holds one element at a time plus the rest of the document.
struct JSONCParser: ~Copyable {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The same bytes, for the documents of streamed elements.
    private let source: [UInt8]
    private var index: Int
    private var nodes: [JSONCNode]
    private var lineStarts: [UInt32]
    private var duplicateKeys: [JSONCDuplicateKey] = []
    private let maximumDepth: Int
    private let keyEquality: JSONCKeyEquality

    /// The array to hand out element by element, and to whom.
    struct ElementStream {
        /// The root object's member whose array is streamed.
        let key: String
        /// Asked with the root object read so far: stream, or keep the array?
        let shouldStream: (JSONCValue) -> Bool
        let element: (JSONCValue) -> Void
    }

    private let stream: ElementStream?
    /// True while the root object's keys are to be compared with
    /// `stream.key`: until its first member of that name.
    private var watchesRootKeys: Bool
    /// The tape index of the array being streamed; -1 when there is none.
    private var streamedArray = -1
    /// Where the element being read starts: its offset, the index in
    /// `lineStarts` of its line, and how many duplicate keys came before it.
    private var elementStart = 0
    private var elementLine = 0
    private var elementDuplicates = 0
    /// The line (index in `lineStarts`) and column of the previous
    /// element's start, to count the next one's column from on one line:
    /// elements of a minified file all share its only line.
    private var previousElement = (offset: 0, line: -1, column: 1)

    /// Offsets are kept in 32 bits; larger inputs are refused up front.
    static let maximumSize = Int(UInt32.max) - 1

    static func parse(
        _ source: [UInt8],
        maximumDepth: Int,
        keys: JSONCKeyEquality,
        stream: ElementStream?
    ) throws(JSONCSyntaxError) -> JSONCDocument {
        let result: Result<([JSONCNode], [UInt32], [JSONCDuplicateKey]), JSONCSyntaxError> =
            source.withUnsafeBufferPointer { buffer in
                var parser = JSONCParser(bytes: buffer, source: source, maximumDepth: maximumDepth, keyEquality: keys, stream: stream)
                do throws(JSONCSyntaxError) {
                    try parser.parseDocument()
                    // Objects are checked as they close, inner ones first: list in document order.
                    parser.duplicateKeys.sort { $0.offset < $1.offset }
                    return .success((parser.nodes, parser.lineStarts, parser.duplicateKeys))
                } catch {
                    return .failure(error)
                }
            }
        let (nodes, lineStarts, duplicates) = try result.get()
        return JSONCDocument(bytes: source, nodes: nodes, lineStarts: lineStarts, duplicateKeys: duplicates)
    }

    private init(
        bytes: UnsafeBufferPointer<UInt8>,
        source: [UInt8],
        maximumDepth: Int,
        keyEquality: JSONCKeyEquality,
        stream: ElementStream?
    ) {
        self.bytes = bytes
        self.source = source
        self.index = 0
        self.maximumDepth = maximumDepth
        self.keyEquality = keyEquality
        self.stream = stream
        self.watchesRootKeys = stream != nil
        self.nodes = []
        // Journey files hold roughly one value per 12 bytes and a line per 40;
        // a streamed file's tape holds a small part of its values.
        nodes.reserveCapacity(stream == nil ? bytes.count / 12 + 4 : min(bytes.count / 12 + 4, 1024))
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
            throw error("expected '//' or '/*' to start a comment, found the end of the file", at: index + 1)
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

    /// An array or object whose closing byte is still to come.
    private struct OpenContainer {
        /// Its index on the tape.
        let node: Int
        let isObject: Bool
        /// Its elements, or members, so far.
        var count: UInt32 = 0

        var closer: UInt8 { isObject ? ASCII.closeBrace : ASCII.closeBracket }
    }

    /// Parses the value at `index`, containers and all.
    ///
    /// Nesting is followed with an explicit stack of the containers still
    /// open, not with recursion, so neither the input nor `maximumDepth` can
    /// exhaust the call stack. The innermost open container lives in a local,
    /// the ones around it on the stack.
    private mutating func parseValue() throws(JSONCSyntaxError) {
        var enclosing: [OpenContainer] = []
        var innermost = OpenContainer(node: 0, isObject: false)
        var depth = 0
        parsing: while true {
            guard index < bytes.count else {
                throw error("expected a value, found the end of the file", at: index)
            }
            if innermost.node == streamedArray { startElement() }
            // True when a container has just opened and `index` is already at its closing byte.
            var isEmpty = false
            switch bytes[index] {
            case ASCII.openBrace, ASCII.openBracket:
                let container = try openContainer(depth: depth)
                if depth > 0 { enclosing.append(innermost) }
                innermost = container
                depth += 1
                if try startsEntry(of: innermost) { continue parsing }
                isEmpty = true
            case ASCII.quote: try parseString(flags: [])
            case ASCII.minus, ASCII.zero...ASCII.nine: try parseNumber()
            case UInt8(ascii: "t"): try parseLiteral("true", kind: .true)
            case UInt8(ascii: "f"): try parseLiteral("false", kind: .false)
            case UInt8(ascii: "n"): try parseLiteral("null", kind: .null)
            default: throw unexpectedValueStart()
            }
            // A value has just ended: close the containers that end with it,
            // until one goes on with another entry.
            while depth > 0 {
                if isEmpty {
                    isEmpty = false
                } else {
                    innermost.count += 1
                    if innermost.node == streamedArray { handOutElement() }
                    try skipTrivia()
                    guard index < bytes.count else { throw unclosed(innermost) }
                    let byte = bytes[index]
                    if byte == ASCII.comma {
                        index += 1
                        try skipTrivia()
                        if try startsEntry(of: innermost) { continue parsing }
                    } else if byte != innermost.closer {
                        throw error(
                            innermost.isObject
                                ? "expected ',' or '}' after an object member, found \(describeByte(at: index))"
                                : "expected ',' or ']' after an array element, found \(describeByte(at: index))",
                            at: index
                        )
                    }
                }
                // `index` is at the closing byte.
                closeContainer(innermost)
                depth -= 1
                if depth > 0 { innermost = enclosing.removeLast() }
            }
            return
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

    /// Records the array or object that opens at `index`, steps into it and
    /// past the trivia that follows.
    @inline(__always)
    private mutating func openContainer(depth: Int) throws(JSONCSyntaxError) -> OpenContainer {
        guard depth < maximumDepth else {
            throw tooDeep()
        }
        let container = OpenContainer(node: nodes.count, isObject: bytes[index] == ASCII.openBrace)
        nodes.append(JSONCNode(
            kind: container.isObject ? .object : .array, flags: [], start: UInt32(truncatingIfNeeded: index),
            length: 0, next: 0
        ))
        index += 1
        try skipTrivia()
        return container
    }

    private func tooDeep() -> JSONCSyntaxError {
        error(
            "arrays and objects are nested more than \(maximumDepth) level\(maximumDepth == 1 ? "" : "s") deep here, the most the reader accepts",
            at: index
        )
    }

    /// At the start of an entry of `container` (just after its opening byte or
    /// a comma, trivia skipped): true when a value follows, with `index` at it
    /// and, in an object, the key and ':' read; false when `index` is at the
    /// container's closing byte (an empty container, or a trailing comma).
    @inline(__always)
    private mutating func startsEntry(of container: OpenContainer) throws(JSONCSyntaxError) -> Bool {
        guard index < bytes.count else { throw unclosed(container) }
        let byte = bytes[index]
        if !container.isObject {
            if byte == ASCII.closeBracket { return false }
            if byte == ASCII.comma {
                throw error("expected a value or ']', found ','", at: index)
            }
            return true
        }
        if byte == ASCII.closeBrace { return false }
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
        if watchesRootKeys, container.node == 0 {
            considerStreaming(root: container)
        }
        return true
    }

    // MARK: - Streaming

    /// At a member of the root object, its key read and `index` at its
    /// value: when it is the first member named `stream.key` and holds an
    /// array, asks whether to stream that array.
    @inline(never)
    private mutating func considerStreaming(root: OpenContainer) {
        guard let stream else { return }
        let keyIndex = nodes.count - 1
        let key = decodedString(keyIndex)
        let isStreamKey = switch keyEquality {
        case .codePoints: key.utf8.elementsEqual(stream.key.utf8)
        case .canonicalEquivalence: key == stream.key
        }
        guard isStreamKey else { return }
        watchesRootKeys = false
        guard bytes[index] == ASCII.openBracket else { return }
        if stream.shouldStream(rootSoFar(root, endingAt: keyIndex).root) {
            // The array's node is the next one on the tape.
            streamedArray = nodes.count
        }
    }

    /// The root object as far as it is read: its members before the key at
    /// `keyIndex`, as a complete object, duplicate keys among them marked.
    private func rootSoFar(_ root: OpenContainer, endingAt keyIndex: Int) -> JSONCDocument {
        var prefix = Array(nodes[0..<keyIndex])
        prefix[0].length = root.count
        prefix[0].next = UInt32(truncatingIfNeeded: keyIndex)
        var duplicates = duplicateKeys
        for (key, first) in duplicatePairs(ofObjectAt: 0, count: Int(root.count)) {
            prefix[key].flags.insert(.isDuplicateKey)
            duplicates.append(duplicateRecord(key, first: first))
        }
        duplicates.sort { $0.offset < $1.offset }
        let hasByteOrderMark = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        let lineMap = LineMap(
            bytes: source, origin: hasByteOrderMark ? 3 : 0, firstLine: 0, originColumn: 1,
            laterLineStarts: lineStarts.dropFirst(), end: index
        )
        return JSONCDocument(bytes: source, nodes: prefix, lineMap: lineMap, duplicateKeys: duplicates)
    }

    /// Notes where the element of the streamed array at `index` starts.
    private mutating func startElement() {
        elementStart = index
        elementLine = lineStarts.count - 1
        elementDuplicates = duplicateKeys.count
    }

    /// Hands out the element of the streamed array that has just ended, in
    /// a document of its own, and takes it off the tape.
    @inline(never)
    private mutating func handOutElement() {
        guard let stream else { return }
        let first = streamedArray + 1
        let base = UInt32(truncatingIfNeeded: first)
        var element = Array(nodes[first...])
        for position in element.indices { element[position].next -= base }
        nodes.removeSubrange(first...)
        let lineMap = LineMap(
            bytes: source, origin: elementStart, firstLine: elementLine, originColumn: elementColumn(),
            laterLineStarts: lineStarts[(elementLine + 1)...], end: index
        )
        let duplicates = elementDuplicates == duplicateKeys.count ? [] : duplicateKeys[elementDuplicates...].sorted { $0.offset < $1.offset }
        stream.element(JSONCDocument(bytes: source, nodes: element, lineMap: lineMap, duplicateKeys: duplicates).root)
    }

    /// The column of the element's start, counted from the previous
    /// element's start when both are on one line, else from the line's start.
    private mutating func elementColumn() -> Int {
        var from = Int(lineStarts[elementLine])
        if elementLine == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { from = 3 }
        var column = 1
        if previousElement.line == elementLine, previousElement.offset >= from {
            (from, column) = (previousElement.offset, previousElement.column)
        }
        for offset in from..<elementStart where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        previousElement = (elementStart, elementLine, column)
        return column
    }

    /// Steps past the closing byte at `index` and completes the container's node.
    private mutating func closeContainer(_ container: OpenContainer) {
        index += 1
        nodes[container.node].length = container.count
        nodes[container.node].next = UInt32(truncatingIfNeeded: nodes.count)
        if container.node == streamedArray { nodes[container.node].flags.insert(.isStreamed) }
        if container.isObject, container.count > 1 {
            markDuplicateKeys(ofObjectAt: container.node, count: Int(container.count))
        }
    }

    private func unclosed(_ container: OpenContainer) -> JSONCSyntaxError {
        error(
            container.isObject
                ? "the object that starts here is never closed with '}'"
                : "the array that starts here is never closed with ']'",
            at: Int(nodes[container.node].start)
        )
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
                throw unclosedString(at: start)
            }
            let byte = bytes[index]
            if byte == ASCII.quote {
                index += 1
                break
            } else if byte == ASCII.backslash {
                flags.insert(.hasEscapes)
                try skipEscape(inStringAt: start)
            } else if byte >= 0x80 {
                flags.insert(.hasNonASCII)
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

    /// Validates the escape at `index` in the string that starts at `stringStart`.
    /// A file that ends inside the escape leaves that string unclosed.
    private mutating func skipEscape(inStringAt stringStart: Int) throws(JSONCSyntaxError) {
        let escapeStart = index
        guard index + 1 < bytes.count else {
            throw unclosedString(at: stringStart)
        }
        switch bytes[index + 1] {
        case ASCII.quote, ASCII.backslash, ASCII.slash,
             UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: escapeStart, inStringAt: stringStart)
            index += 6
            switch unit {
            case 0xD800...0xDBFF:
                if index + 1 >= bytes.count, index == bytes.count || bytes[index] == ASCII.backslash {
                    throw unclosedString(at: stringStart)
                }
                guard bytes[index] == ASCII.backslash, bytes[index + 1] == UInt8(ascii: "u") else {
                    throw error(
                        "the escape \\u\(JSONCParser.hex4(unit)) is a lone high surrogate; it must be followed by a low surrogate \\uDC00 to \\uDFFF",
                        at: escapeStart
                    )
                }
                let low = try hexEscape(at: index, inStringAt: stringStart)
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

    private func unclosedString(at start: Int) -> JSONCSyntaxError {
        error("the string that starts here is never closed with '\"'", at: start)
    }

    /// The code unit of the `\uXXXX` escape at `offset`.
    private func hexEscape(at offset: Int, inStringAt stringStart: Int) throws(JSONCSyntaxError) -> UInt16 {
        var value: UInt16 = 0
        for position in (offset + 2)..<(offset + 6) {
            guard position < bytes.count else {
                throw unclosedString(at: stringStart)
            }
            guard let digit = ASCII.hexValue(bytes[position]) else {
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
            throw invalidUTF8Lead(lead)
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else {
                throw error("invalid UTF-8: the file ends inside a \(length)-byte character", at: index)
            }
            let byte = bytes[index + offset]
            if offset == 1, !secondRange.contains(byte), byte & 0xC0 == 0x80 {
                let reason = switch lead {
                case 0xED: "it would encode a UTF-16 surrogate (U+D800 to U+DFFF)"
                case 0xF4: "it would encode a value above U+10FFFF"
                default: "it is an overlong encoding"
                }
                throw error("invalid UTF-8: the character starting with byte 0x\(JSONCParser.hex2(lead)) is not valid because \(reason)", at: index)
            }
            guard byte & 0xC0 == 0x80 else {
                throw error(
                    "invalid UTF-8: the \(length)-byte character starting with byte 0x\(JSONCParser.hex2(lead)) is cut short by \(describeByte(at: index + offset))",
                    at: index
                )
            }
        }
        index += length
    }

    private func invalidUTF8Lead(_ lead: UInt8) -> JSONCSyntaxError {
        let reason = switch lead {
        case 0x80...0xBF: "it is a continuation byte, with no lead byte before it"
        case 0xC0, 0xC1: "it can only start an overlong encoding"
        case 0xF5...0xF7: "it would start a value above U+10FFFF"
        default: "it never occurs in UTF-8"
        }
        return error("invalid UTF-8: byte 0x\(JSONCParser.hex2(lead)) cannot start a character: \(reason)", at: index)
    }

    // MARK: - Duplicate keys

    /// Flags every key that repeats an earlier one of the same object.
    private mutating func markDuplicateKeys(ofObjectAt objectIndex: Int, count: Int) {
        for (key, first) in duplicatePairs(ofObjectAt: objectIndex, count: count) {
            nodes[key].flags.insert(.isDuplicateKey)
            duplicateKeys.append(duplicateRecord(key, first: first))
        }
    }

    /// Each key of the object that repeats an earlier one, with the first
    /// occurrence, in the order of the repeats.
    private func duplicatePairs(ofObjectAt objectIndex: Int, count: Int) -> [(key: Int, first: Int)] {
        var pairs: [(key: Int, first: Int)] = []
        var keyIndices: [Int] = []
        keyIndices.reserveCapacity(count)
        var cursor = objectIndex + 1
        for _ in 0..<count {
            keyIndices.append(cursor)
            cursor = Int(nodes[cursor + 1].next)
        }
        if count <= 16 {
            for later in 1..<max(count, 1) {
                for earlier in 0..<later where keysEqual(keyIndices[earlier], keyIndices[later]) {
                    pairs.append((keyIndices[later], keyIndices[earlier]))
                    break
                }
            }
            return pairs
        }
        switch keyEquality {
        case .codePoints:
            var firstByKey: [CodePoints: Int] = [:]
            firstByKey.reserveCapacity(count)
            for key in keyIndices {
                let text = CodePoints(decodedString(key))
                if let first = firstByKey[text] {
                    pairs.append((key, first))
                } else {
                    firstByKey[text] = key
                }
            }
        case .canonicalEquivalence:
            // `String` hashes and compares by canonical equivalence; it
            // normalises only text that is not ASCII, so the cost stays
            // linear in the keys' length.
            var firstByKey: [String: Int] = [:]
            firstByKey.reserveCapacity(count)
            for key in keyIndices {
                let text = decodedString(key)
                if let first = firstByKey[text] {
                    pairs.append((key, first))
                } else {
                    firstByKey[text] = key
                }
            }
        }
        return pairs
    }

    /// A key compared the way JSON compares keys, code point by code point
    /// (RFC 8259 section 8.3), where `String ==` would also equate canonically
    /// equivalent keys such as "é" and "e\u0301".
    private struct CodePoints: Hashable {
        let text: String

        init(_ text: String) { self.text = text }

        static func == (left: Self, right: Self) -> Bool {
            // Equal code points make equal strings: the fast `String ==` rules
            // out most pairs, the code points settle the rest.
            left.text == right.text && left.text.utf8.elementsEqual(right.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            let hashed: Void? = text.utf8.withContiguousStorageIfAvailable {
                hasher.combine(bytes: UnsafeRawBufferPointer($0))
            }
            if hashed == nil {
                Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) }
            }
        }
    }

    private func duplicateRecord(_ key: Int, first: Int) -> JSONCDuplicateKey {
        let text = decodedString(key)
        return JSONCDuplicateKey(
            key: text, offset: Int(nodes[key].start), firstOffset: Int(nodes[first].start),
            differsInCodePoints: !text.utf8.elementsEqual(decodedString(first).utf8)
        )
    }

    private func keysEqual(_ a: Int, _ b: Int) -> Bool {
        let left = nodes[a], right = nodes[b]
        let written: JSONCNode.Flags = [.hasEscapes, .hasNonASCII]
        if keyEquality == .canonicalEquivalence, !left.flags.isDisjoint(with: written) || !right.flags.isDisjoint(with: written) {
            // Only text that is not plain ASCII can be canonically equivalent
            // to different code points (U+212A KELVIN SIGN is "K").
            return decodedString(a) == decodedString(b)
        }
        if left.flags.contains(.hasEscapes) || right.flags.contains(.hasEscapes) {
            return CodePoints(decodedString(a)) == CodePoints(decodedString(b))
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
