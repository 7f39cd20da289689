/// A JSON value to write, with object keys in the order given: reports are
/// read by people as well as tools, so `id` comes before `message`, and the
/// order never depends on hashing.
///
/// ```swift
/// JSONOutput.object([("id", "syntax"), ("line", 3)]).rendered()
/// // {
/// //   "id": "syntax",
/// //   "line": 3
/// // }
/// ```
public enum JSONOutput: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral {
    case object([(String, JSONOutput)])
    case array([JSONOutput])
    case string(String)
    case integer(Int)
    case number(Double)
    case bool(Bool)
    case null

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONOutput...) { self = .array(elements) }

    /// A string, or null when there is none.
    public static func optional(_ value: String?) -> JSONOutput { value.map(JSONOutput.string) ?? .null }

    public static func == (lhs: JSONOutput, rhs: JSONOutput) -> Bool {
        switch (lhs, rhs) {
        case (.object(let left), .object(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.array(let left), .array(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.integer(let left), .integer(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.bool(let left), .bool(let right)): left == right
        case (.null, .null): true
        default: false
        }
    }

    /// Pretty-printed with two-space indentation and a final newline.
    public func rendered() -> String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    /// On one line, for line-oriented formats.
    public func renderedCompactly() -> String {
        var output: [UInt8] = []
        write(to: &output, indent: nil)
        return String(decoding: output, as: UTF8.self)
    }

    /// Writes into bytes rather than a `String`: reports of many thousand
    /// gaps are mostly copies of text that needs no escaping.
    func write(to output: inout [UInt8], indent: Int?) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return Self.append("{}", to: &output) }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent.map { $0 + 1 })
                Self.writeString(key, to: &output)
                Self.append(indent == nil ? ":" : ": ", to: &output)
                value.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            guard !elements.isEmpty else { return Self.append("[]", to: &output) }
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                Self.newline(&output, indent.map { $0 + 1 })
                element.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append(UInt8(ascii: "]"))
        case .string(let text):
            Self.writeString(text, to: &output)
        case .integer(let value):
            Self.append(String(value), to: &output)
        case .number(let value):
            Self.append(Self.format(value), to: &output)
        case .bool(let value):
            Self.append(value ? "true" : "false", to: &output)
        case .null:
            Self.append("null", to: &output)
        }
    }

    private static func append(_ text: String, to output: inout [UInt8]) {
        output.append(contentsOf: text.utf8)
    }

    private static func newline(_ output: inout [UInt8], _ indent: Int?) {
        guard let indent else { return }
        output.append(UInt8(ascii: "\n"))
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// JSON has no infinity or NaN; whole numbers print without `.0`, others
    /// with at most four decimals so scores read the same on every machine.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        let scaled = (value * 10_000).rounded() / 10_000
        var text = String(scaled)
        if text.contains("e") { text = String(value) }
        return text
    }

    /// Escapes what RFC 8259 requires (quote, backslash, control characters)
    /// and U+2028/U+2029, which JavaScript string literals reject; text with
    /// none of them, the common case, is copied in one go.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: needsEscaping) {
                output.append(contentsOf: bytes)
                return
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    append(bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029", to: &output)
                    index += 3
                    continue
                }
                switch byte {
                case UInt8(ascii: "\""): append("\\\"", to: &output)
                case UInt8(ascii: "\\"): append("\\\\", to: &output)
                case UInt8(ascii: "\n"): append("\\n", to: &output)
                case UInt8(ascii: "\r"): append("\\r", to: &output)
                case UInt8(ascii: "\t"): append("\\t", to: &output)
                case 0x08: append("\\b", to: &output)
                case 0x0C: append("\\f", to: &output)
                case 0x00...0x1F, 0x7F:
                    let hex = String(byte, radix: 16, uppercase: true)
                    append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex, to: &output)
                default:
                    output.append(byte)
                }
                index += 1
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Bytes that start something to escape; 0xE2 may start U+2028 or U+2029.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0x7F || byte == 0xE2
    }
}

/// Writes JSON as it goes, with exactly the layout of
/// ``JSONOutput/rendered()``, and hands it to `target` in chunks of about
/// 64 KiB: a report of a hundred thousand gaps is written out while it is
/// made, never held whole, as a tree or as text.
///
/// Containers are opened and closed around values built one at a time;
/// a key is given inside an object and omitted inside an array.
///
/// ```swift
/// var writer = JSONStreamWriter(into: "")
/// writer.beginObject()
/// writer.beginArray("gaps")
/// for gap in gaps { writer.write(.string(gap.marker)) }
/// writer.end()
/// writer.write("count", .integer(gaps.count))
/// writer.end()
/// let text = writer.finish()   // the same text as the tree's rendered()
/// ```
public struct JSONStreamWriter<Target: TextOutputStream> {
    private var target: Target
    private var buffer: [UInt8] = []
    /// The containers open, innermost last: whether each is an object, and
    /// whether it has an entry yet (which decides the comma and `{}`).
    private var open: [(isObject: Bool, isEmpty: Bool)] = []
    private static var chunkSize: Int { 1 << 16 }

    public init(into target: Target) {
        self.target = target
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Opens an object: the value of `key` in the enclosing object, an
    /// element of the enclosing array when `key` is nil, or the document.
    public mutating func beginObject(_ key: String? = nil) {
        startEntry(key)
        buffer.append(UInt8(ascii: "{"))
        open.append((isObject: true, isEmpty: true))
    }

    /// Opens an array, placed like ``beginObject(_:)``.
    public mutating func beginArray(_ key: String? = nil) {
        startEntry(key)
        buffer.append(UInt8(ascii: "["))
        open.append((isObject: false, isEmpty: true))
    }

    /// Closes the innermost open object or array.
    public mutating func end() {
        guard let container = open.popLast() else { return }
        if !container.isEmpty { newline(indent: open.count) }
        buffer.append(container.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
        flushIfFull()
    }

    /// Writes a whole value as the member `key` of the enclosing object.
    public mutating func write(_ key: String, _ value: JSONOutput) {
        write(key: key, value)
    }

    /// Writes a whole value as an element of the enclosing array, or as the document.
    public mutating func write(_ value: JSONOutput) {
        write(key: nil, value)
    }

    private mutating func write(key: String?, _ value: JSONOutput) {
        startEntry(key)
        value.write(to: &buffer, indent: open.count)
        flushIfFull()
    }

    /// Closes whatever is still open, ends the text with a newline and
    /// hands the rest to the target, which it returns.
    public mutating func finish() -> Target {
        while !open.isEmpty { end() }
        buffer.append(UInt8(ascii: "\n"))
        flush()
        return target
    }

    private mutating func startEntry(_ key: String?) {
        guard let last = open.indices.last else { return }
        if !open[last].isEmpty { buffer.append(UInt8(ascii: ",")) }
        open[last].isEmpty = false
        newline(indent: open.count)
        if open[last].isObject {
            JSONOutput.writeString(key ?? "", to: &buffer)
            buffer.append(UInt8(ascii: ":"))
            buffer.append(UInt8(ascii: " "))
        }
    }

    private mutating func newline(indent: Int) {
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    private mutating func flushIfFull() {
        if buffer.count >= Self.chunkSize { flush() }
    }

    private mutating func flush() {
        guard !buffer.isEmpty else { return }
        target.write(String(decoding: buffer, as: UTF8.self))
        buffer.removeAll(keepingCapacity: true)
    }
}
