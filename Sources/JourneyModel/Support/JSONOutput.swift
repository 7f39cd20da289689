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
        var output = ""
        write(to: &output, indent: 0)
        output.append("\n")
        return output
    }

    /// On one line, for line-oriented formats.
    public func renderedCompactly() -> String {
        var output = ""
        write(to: &output, indent: nil)
        return output
    }

    private func write(to output: inout String, indent: Int?) {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { output.append("{}"); return }
            output.append("{")
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { output.append(",") }
                Self.newline(&output, indent.map { $0 + 1 })
                Self.writeString(key, to: &output)
                output.append(indent == nil ? ":" : ": ")
                value.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append("}")
        case .array(let elements):
            guard !elements.isEmpty else { output.append("[]"); return }
            output.append("[")
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(",") }
                Self.newline(&output, indent.map { $0 + 1 })
                element.write(to: &output, indent: indent.map { $0 + 1 })
            }
            Self.newline(&output, indent)
            output.append("]")
        case .string(let text):
            Self.writeString(text, to: &output)
        case .integer(let value):
            output.append(String(value))
        case .number(let value):
            output.append(Self.format(value))
        case .bool(let value):
            output.append(value ? "true" : "false")
        case .null:
            output.append("null")
        }
    }

    private static func newline(_ output: inout String, _ indent: Int?) {
        guard let indent else { return }
        output.append("\n")
        output.append(String(repeating: "  ", count: indent))
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

    /// Escapes what RFC 8259 requires: quote, backslash and control characters.
    static func writeString(_ text: String, to output: inout String) {
        output.append("\"")
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output.append("\\\"")
            case "\\": output.append("\\\\")
            case "\n": output.append("\\n")
            case "\r": output.append("\\r")
            case "\t": output.append("\\t")
            case "\u{08}": output.append("\\b")
            case "\u{0C}": output.append("\\f")
            case "\u{00}"..."\u{1F}", "\u{7F}", "\u{2028}", "\u{2029}":
                let hex = String(scalar.value, radix: 16, uppercase: true)
                output.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output.append("\"")
    }
}
