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

    /// Escapes what RFC 8259 requires (quote, backslash, control characters),
    /// and, as `\uXXXX`, the other ``UnsafeCharacters`` (DEL, C1 controls,
    /// U+2028/U+2029, which JavaScript string literals reject, and
    /// bidirectional controls) and the `[` of `##[`, so that a report printed
    /// to a terminal or a CI log acts on nothing; the value read back is the
    /// same. Text with none of them, the common case, is copied in one go.
    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            if !bytes.contains(where: needsEscaping) {
                output.append(contentsOf: bytes)
                return
            }
            // Runs of bytes that stay as they are go out in one copy each.
            var index = 0, copied = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscaping(byte) else {
                    index += 1
                    continue
                }
                var length = 1
                let replacement: String?
                switch byte {
                case UInt8(ascii: "\""): replacement = "\\\""
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: "\n"): replacement = "\\n"
                case UInt8(ascii: "\r"): replacement = "\\r"
                case UInt8(ascii: "\t"): replacement = "\\t"
                case 0x08: replacement = "\\b"
                case 0x0C: replacement = "\\f"
                case UInt8(ascii: "[") where UnsafeCharacters.isCommandBracket(at: index, in: bytes):
                    replacement = "\\u005B"
                default:
                    if let (value, scalarLength) = UnsafeCharacters.unsafeScalar(at: index, in: bytes) {
                        let hex = String(value, radix: 16, uppercase: true)
                        replacement = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                        length = scalarLength
                    } else {
                        replacement = nil
                    }
                }
                guard let replacement else {
                    index += 1
                    continue
                }
                output.append(contentsOf: bytes[copied..<index])
                append(replacement, to: &output)
                index += length
                copied = index
            }
            output.append(contentsOf: bytes[copied..<bytes.count])
        }
        output.append(UInt8(ascii: "\""))
    }

    /// Bytes that start something to escape, or may.
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "[") || UnsafeCharacters.mayStart(byte)
    }
}
