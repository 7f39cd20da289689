import Foundation

/// How JSON Lines are read, and the limit that bounds memory.
public struct JSONLinesOptions: Sendable, Equatable {
    /// The longest line, in bytes, line break excluded.
    public var maximumLineLength: Int
    /// The deepest nesting of a value inside a member (nested values are
    /// skipped, not read, but their brackets must match).
    public var maximumNestingDepth: Int

    public static let defaultMaximumLineLength = 4 << 20

    public init(maximumLineLength: Int = JSONLinesOptions.defaultMaximumLineLength, maximumNestingDepth: Int = 64) {
        self.maximumLineLength = min(max(1, maximumLineLength), Int(Int32.max))
        self.maximumNestingDepth = min(max(1, maximumNestingDepth), 64)
    }
}

/// A line that is not a flat JSON object, and where.
public struct JSONLinesIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public let message: String
    /// Line and column (Unicode scalars, 1-based).
    public let location: ExportLocation

    public var description: String { "\(location): \(message); the line is skipped" }
}

public enum JSONLinesEvent: Sendable {
    case object(JSONLinesObject)
    case issue(JSONLinesIssue)
}

/// An incremental reader of JSON Lines: one JSON object per line, its
/// members flat values (string, number, `true`, `false`, `null`).
///
/// Each object is handed over as member ranges in the line's bytes, with
/// no dictionary and no `String` until asked for. A member whose value is
/// an object or an array is delivered with kind ``JSONLinesValue/Kind/nested``
/// and its text, not read further. A line that is not a well-formed JSON
/// object is a ``JSONLinesIssue`` at its line and column, and skipped;
/// blank lines are skipped silently; CRLF works; a UTF-8 byte order mark
/// at the start is skipped. A key written twice is kept twice; lookups
/// by name find the first.
///
/// ```swift
/// var reader = JSONLinesReader()
/// reader.read(Array(#"{"case":"C1","minutes":45,"vip":true}"#.utf8 + [10])) { event in
///     if case .object(let object) = event { object["minutes"]?.int64 }   // 45
/// }
/// ```
public struct JSONLinesReader: Sendable {
    public let options: JSONLinesOptions
    /// Lines started so far.
    public private(set) var lineCount = 0

    private var carry: [UInt8] = []
    /// The current line is longer than the limit: skip to its end.
    private var isSkippingLongLine = false
    private var members: [JSONLinesObject.Slot] = []
    /// Whether the first line is the input's, which may open with a byte order mark.
    private var startsInput = true

    public init(_ options: JSONLinesOptions = JSONLinesOptions()) {
        self.options = options
    }

    /// Whether the bytes read so far end with a line break: the next byte
    /// starts a line, as it would for ``resumedAtLineStart()``'s reader.
    public var isAtLineStart: Bool { carry.isEmpty && !isSkippingLongLine }

    /// A reader for a later part of the same input that begins a line,
    /// lines counted from the part's start (add the lines before it). Parts
    /// read this way in parallel give what one reader gives, as long as
    /// each part turns out to begin a line (``isAtLineStart`` of the reader
    /// that read up to it).
    public func resumedAtLineStart() -> JSONLinesReader {
        var reader = JSONLinesReader(options)
        reader.startsInput = false
        return reader
    }

    /// Reads the next chunk; a line may span chunks.
    public mutating func read(_ chunk: [UInt8], _ handle: (JSONLinesEvent) -> Void) {
        chunk.withUnsafeBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                guard let found = memchr(base + start, Int32(ASCII.lineFeed), bytes.count - start) else {
                    keepPartialLine(UnsafeBufferPointer(rebasing: bytes[start...]))
                    return
                }
                let end = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
                endLine(in: chunk, bytes: bytes, start: start, end: end, handle)
                start = end + 1
            }
        }
    }

    /// Ends the input: reads a last line without a line break.
    public mutating func finish(_ handle: (JSONLinesEvent) -> Void) {
        guard !carry.isEmpty || isSkippingLongLine else { return }
        endLine(in: [], bytes: UnsafeBufferPointer(start: nil, count: 0), start: 0, end: 0, handle)
    }

    private mutating func keepPartialLine(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard !isSkippingLongLine else { return }
        if carry.count + bytes.count > options.maximumLineLength {
            carry = []
            isSkippingLongLine = true
        } else {
            carry.append(contentsOf: bytes)
        }
    }

    private mutating func endLine(
        in chunk: [UInt8], bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, _ handle: (JSONLinesEvent) -> Void
    ) {
        lineCount += 1
        if isSkippingLongLine {
            isSkippingLongLine = false
            handle(.issue(JSONLinesIssue(
                message: "the line is longer than \(options.maximumLineLength) bytes, the most allowed",
                location: ExportLocation(line: lineCount, column: 1)
            )))
            return
        }
        if !carry.isEmpty {
            guard carry.count + (end - start) <= options.maximumLineLength else {
                carry = []
                handle(.issue(JSONLinesIssue(
                    message: "the line is longer than \(options.maximumLineLength) bytes, the most allowed",
                    location: ExportLocation(line: lineCount, column: 1)
                )))
                return
            }
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            let line = carry
            carry = []
            line.withUnsafeBufferPointer { parse($0, storage: line, base: 0, handle) }
            // Keep the buffer for the next long line when nothing kept the object.
            carry = line
            carry.removeAll(keepingCapacity: carry.capacity <= 1 << 16)
        } else {
            guard end - start <= options.maximumLineLength else {
                handle(.issue(JSONLinesIssue(
                    message: "the line is longer than \(options.maximumLineLength) bytes, the most allowed",
                    location: ExportLocation(line: lineCount, column: 1)
                )))
                return
            }
            parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), storage: chunk, base: start, handle)
        }
    }

    private mutating func parse(
        _ line: UnsafeBufferPointer<UInt8>, storage: [UInt8], base: Int, _ handle: (JSONLinesEvent) -> Void
    ) {
        members.removeAll(keepingCapacity: true)
        var parser = FlatObjectParser(bytes: line, skipsByteOrderMark: startsInput && lineCount == 1, maximumDepth: options.maximumNestingDepth)
        switch parser.parseObject(into: &members) {
        case .blank:
            return
        case .object:
            handle(.object(JSONLinesObject(storage: storage, base: base, slots: members, line: lineCount)))
        case .failure(let message, let offset):
            let column = TextPosition().after(UnsafeBufferPointer(rebasing: line[0..<min(offset, line.count)])).column
            let adjusted = startsInput && lineCount == 1 && line.starts(with: [0xEF, 0xBB, 0xBF]) && offset >= 3 ? column - 1 : column
            handle(.issue(JSONLinesIssue(message: message, location: ExportLocation(line: lineCount, column: adjusted))))
        }
    }
}

/// Parses one line as a flat JSON object, recording member ranges.
struct FlatObjectParser {
    enum Outcome {
        case blank
        case object
        case failure(String, offset: Int)
    }

    private struct Failure: Error {
        let message: String
        let offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var end: Int
    let maximumDepth: Int

    init(bytes: UnsafeBufferPointer<UInt8>, skipsByteOrderMark: Bool, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        end = bytes.count
        if end > 0, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        if skipsByteOrderMark, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseObject(into members: inout [JSONLinesObject.Slot]) -> Outcome {
        if let invalid = UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: bytes[0..<end])) {
            return .failure("invalid UTF-8", offset: invalid)
        }
        skipSpace()
        guard index < end else { return .blank }
        do throws(Failure) {
            guard bytes[index] == ASCII.openBrace else {
                throw Failure(message: "expected a JSON object '{', found \(describe(index))", offset: index)
            }
            index += 1
            skipSpace()
            if peek() == ASCII.closeBrace {
                index += 1
            } else {
                while true {
                    members.append(try member())
                    skipSpace()
                    guard let byte = peek() else { throw Failure(message: "the object is never closed with '}'", offset: index) }
                    index += 1
                    if byte == ASCII.closeBrace { break }
                    guard byte == ASCII.comma else {
                        throw Failure(message: "expected ',' or '}' after a member, found \(describe(index - 1))", offset: index - 1)
                    }
                    skipSpace()
                }
            }
            skipSpace()
            guard index == end else {
                throw Failure(message: "expected the end of the line after the object, found \(describe(index)); one object per line", offset: index)
            }
            return .object
        } catch {
            return .failure(error.message, offset: error.offset)
        }
    }

    /// The character at `offset` as a person sees it (the line is valid UTF-8).
    private func describe(_ offset: Int) -> String {
        guard offset < end else { return "the end of the line" }
        guard bytes[offset] >= 0x80 else { return ASCII.describe(bytes[offset]) }
        var length = 1
        while offset + length < end, bytes[offset + length] & 0xC0 == 0x80 { length += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        let code = String(text.unicodeScalars.first?.value ?? 0, radix: 16, uppercase: true)
        return "'\(text)' (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code))"
    }

    @inline(__always)
    private func peek() -> UInt8? { index < end ? bytes[index] : nil }

    @inline(__always)
    private mutating func skipSpace() {
        while index < end {
            let byte = bytes[index]
            guard byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn else { return }
            index += 1
        }
    }

    private mutating func member() throws(Failure) -> JSONLinesObject.Slot {
        guard peek() == ASCII.quote else {
            throw Failure(message: "expected a member name in double quotes, found \(describe(index))", offset: index)
        }
        let (keyStart, keyEnd, keyEscaped) = try string()
        skipSpace()
        guard peek() == ASCII.colon else {
            throw Failure(message: "expected ':' after the member name, found \(describe(index))", offset: index)
        }
        index += 1
        skipSpace()
        guard let first = peek() else { throw Failure(message: "expected a value, found the end of the line", offset: index) }
        let valueStart = index
        var valueEnd: Int
        var kind: JSONLinesValue.Kind
        var escaped = false
        switch first {
        case ASCII.quote:
            let string = try string()
            (valueEnd, escaped, kind) = (string.end, string.isEscaped, .string)
        case ASCII.minus, ASCII.zero...ASCII.nine:
            try number()
            (valueEnd, kind) = (index, .number)
        case UInt8(ascii: "t"):
            try word("true")
            (valueEnd, kind) = (index, .bool)
        case UInt8(ascii: "f"):
            try word("false")
            (valueEnd, kind) = (index, .bool)
        case UInt8(ascii: "n"):
            try word("null")
            (valueEnd, kind) = (index, .null)
        case ASCII.openBrace, ASCII.openBracket:
            try skipNested()
            (valueEnd, kind) = (index, .nested)
        default:
            throw Failure(message: "expected a value, found \(describe(index))", offset: index)
        }
        return JSONLinesObject.Slot(
            keyStart: UInt32(keyStart), keyEnd: UInt32(keyEnd),
            valueStart: UInt32(kind == .string ? valueStart + 1 : valueStart), valueEnd: UInt32(valueEnd),
            kind: kind, keyIsEscaped: keyEscaped, valueIsEscaped: escaped
        )
    }

    /// The string at `index` (on its quote): content range and whether it
    /// holds escapes; `index` ends past the closing quote.
    private mutating func string() throws(Failure) -> (start: Int, end: Int, isEscaped: Bool) {
        let open = index
        index += 1
        let start = index
        var isEscaped = false
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.quote {
                index += 1
                return (start, index - 1, isEscaped)
            }
            if byte == ASCII.backslash {
                isEscaped = true
                try escape()
            } else if byte < 0x20 {
                throw Failure(message: "\(ASCII.describe(byte)) inside a string must be escaped", offset: index)
            } else {
                index += 1
            }
        }
        throw Failure(message: "the string that starts here is never closed with '\"'", offset: open)
    }

    private mutating func escape() throws(Failure) {
        let start = index
        guard index + 1 < end else { throw Failure(message: "the line ends inside an escape", offset: start) }
        switch bytes[index + 1] {
        case ASCII.quote, ASCII.backslash, ASCII.slash, UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"),
            UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try hexUnit(at: index)
            index += 6
            if unit >= 0xDC00, unit <= 0xDFFF {
                throw Failure(message: "\\u\(hex(unit)) is a lone low surrogate", offset: start)
            }
            if unit >= 0xD800, unit <= 0xDBFF {
                guard index + 1 < end, bytes[index] == ASCII.backslash, bytes[index + 1] == UInt8(ascii: "u"),
                      let low = try? hexUnit(at: index), low >= 0xDC00, low <= 0xDFFF
                else {
                    throw Failure(message: "\\u\(hex(unit)) is a high surrogate without its low surrogate", offset: start)
                }
                index += 6
            }
        default:
            throw Failure(message: "'\\\(Character(Unicode.Scalar(bytes[index + 1])))' is not a JSON escape", offset: start)
        }
    }

    private func hex(_ unit: UInt32) -> String {
        let text = String(unit, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - text.count)) + text
    }

    /// The four hex digits of `\uXXXX` at `offset`.
    private func hexUnit(at offset: Int) throws(Failure) -> UInt32 {
        guard offset + 6 <= end else { throw Failure(message: "\\u needs four hex digits", offset: offset) }
        var unit: UInt32 = 0
        for position in (offset + 2)..<(offset + 6) {
            guard let digit = ASCII.hexValue(bytes[position]) else {
                throw Failure(message: "\\u needs four hex digits", offset: offset)
            }
            unit = unit << 4 | UInt32(digit)
        }
        return unit
    }

    /// A JSON number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(Failure) {
        let start = index
        if peek() == ASCII.minus { index += 1 }
        guard let first = peek(), ASCII.isDigit(first) else {
            throw Failure(message: "expected a digit in the number", offset: index)
        }
        index += 1
        if first != ASCII.zero { skipDigits() }
        if peek() == ASCII.dot {
            index += 1
            guard let digit = peek(), ASCII.isDigit(digit) else {
                throw Failure(message: "expected a digit after the decimal point", offset: index)
            }
            skipDigits()
        }
        if let e = peek(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            index += 1
            if let sign = peek(), sign == ASCII.plus || sign == ASCII.minus { index += 1 }
            guard let digit = peek(), ASCII.isDigit(digit) else {
                throw Failure(message: "expected a digit in the exponent", offset: index)
            }
            skipDigits()
        }
        if let next = peek(), ASCII.isDigit(next) || next == ASCII.dot {
            let message = first == ASCII.zero && ASCII.isDigit(next) ? "a JSON number has no leading zero" : "a malformed number"
            throw Failure(message: message, offset: start)
        }
    }

    private mutating func skipDigits() {
        while let byte = peek(), ASCII.isDigit(byte) { index += 1 }
    }

    private mutating func word(_ text: StaticString) throws(Failure) {
        let count = text.utf8CodeUnitCount
        let word = UnsafeBufferPointer(start: text.utf8Start, count: count)
        guard index + count <= end, memcmpEqual(UnsafeBufferPointer(rebasing: bytes[index..<(index + count)]), word) else {
            throw Failure(message: "expected a value, found \(describe(index)); text goes in double quotes", offset: index)
        }
        index += count
    }

    /// Skips an object or array, checking that its brackets match and its
    /// strings are closed; nesting is tracked in the bits of one word.
    private mutating func skipNested() throws(Failure) {
        var openers: UInt64 = 0  // bit k: level k is an object
        var depth = 0
        while index < end {
            let byte = bytes[index]
            switch byte {
            case ASCII.openBrace, ASCII.openBracket:
                guard depth < maximumDepth else {
                    throw Failure(message: "a value is nested more than \(maximumDepth) levels deep", offset: index)
                }
                if byte == ASCII.openBrace { openers |= 1 << UInt64(depth) } else { openers &= ~(1 << UInt64(depth)) }
                depth += 1
                index += 1
            case ASCII.closeBrace, ASCII.closeBracket:
                let isObject = openers & (1 << UInt64(depth - 1)) != 0
                guard isObject == (byte == ASCII.closeBrace) else {
                    throw Failure(message: "\(ASCII.describe(byte)) does not close the \(isObject ? "object" : "array") open here", offset: index)
                }
                depth -= 1
                index += 1
                if depth == 0 { return }
            case ASCII.quote:
                _ = try string()
            default:
                index += 1
            }
        }
        throw Failure(message: "a nested value is never closed", offset: index)
    }
}
