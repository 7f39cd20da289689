/// A small JSONC text builder: indentation, JSON string escapes, values in
/// the file format's spelling, and optional trailing commas.
struct JSONCText {
    private(set) var text = ""
    /// Whether the last member of an object or array keeps its comma (JSONC allows it).
    var trailingCommas: Bool

    init(trailingCommas: Bool) {
        self.trailingCommas = trailingCommas
        text.reserveCapacity(64 * 1024)
    }

    mutating func line(_ indent: Int, _ content: String) {
        text += String(repeating: " ", count: indent * 2)
        text += content
        text += "\n"
    }

    mutating func blank() { text += "\n" }

    /// The text so far, leaving the builder empty: a long file is written
    /// out a chunk at a time instead of held whole.
    mutating func take() -> String {
        let chunk = text
        text = ""
        text.reserveCapacity(64 * 1024)
        return chunk
    }

    /// `// comment` lines; a multi-line comment becomes several.
    mutating func comment(_ indent: Int, _ content: String) {
        for part in content.split(separator: "\n", omittingEmptySubsequences: false) {
            line(indent, part.isEmpty ? "//" : "// \(part)")
        }
    }

    /// The separator after a member: a comma unless it is the last one and
    /// trailing commas are off.
    func comma(isLast: Bool) -> String { isLast && !trailingCommas ? "" : "," }

    static func quote(_ string: String) -> String {
        var result = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }

    static func value(_ value: PlanValue) -> String {
        switch value {
        case .word(let word): quote(word)
        case .number(let number): self.number(number)
        case .duration(let text, _): quote(text)
        case .flag(let flag): flag ? "true" : "false"
        case .text(let text): quote(text)
        }
    }

    static func list(_ words: [String]) -> String {
        "[" + words.map(quote).joined(separator: ", ") + "]"
    }

    /// `{ "a": 1, "b": 2 }` on one line.
    static func inline(_ members: [(String, String)]) -> String {
        members.isEmpty ? "{}" : "{ " + members.map { "\(quote($0.0)): \($0.1)" }.joined(separator: ", ") + " }"
    }
}
