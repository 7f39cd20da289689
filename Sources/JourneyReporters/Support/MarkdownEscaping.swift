/// Escaping for GitHub-flavoured Markdown table cells and inline text.
///
/// Every ASCII punctuation character may be backslash-escaped in CommonMark;
/// this escapes only those that start inline markup (emphasis, code, links,
/// raw HTML, entities, strikethrough) plus `|`, which ends a table cell even
/// inside a code span. Line breaks would end the table row, so they become
/// `<br>`.
///
/// ```swift
/// MarkdownEscaping.cell("a | b *c*")      // a \| b \*c\*
/// MarkdownEscaping.codeSpan("x`y|z")      // `` x`y\|z ``
/// ```
public enum MarkdownEscaping {
    /// The characters escaped with a backslash, all ASCII.
    static let specials: [UInt8] = Array("\\`*_[]<>|&~!#$".utf8)

    /// Inline text, safe in a table cell or a paragraph. Byte by byte: every
    /// character changed is ASCII, and text with none comes back as it is.
    public static func cell(_ text: String) -> String {
        var source = text
        let escaped: [UInt8]? = source.withUTF8 { bytes in
            func isSpecial(_ byte: UInt8) -> Bool { byte == 0x0A || byte == 0x0D || specials.contains(byte) }
            guard let first = bytes.firstIndex(where: isSpecial) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 16)
            output.append(contentsOf: bytes[..<first])
            var previousWasCR = false
            for byte in bytes[first...] {
                defer { previousWasCR = byte == 0x0D }
                switch byte {
                case 0x0A:
                    if !previousWasCR { output.append(contentsOf: "<br>".utf8) }
                case 0x0D:
                    output.append(contentsOf: "<br>".utf8)
                default:
                    if specials.contains(byte) { output.append(UInt8(ascii: "\\")) }
                    output.append(byte)
                }
            }
            return output
        }
        return escaped.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// A code span that shows `text` literally, fenced with more backticks
    /// than it holds in a row. In a table, `|` is escaped (GFM splits cells
    /// before it parses code spans); line breaks become spaces, as CommonMark
    /// would make them anyway.
    public static func codeSpan(_ text: String, inTable: Bool = true) -> String {
        guard !text.isEmpty else { return "" }
        var longestRun = 0
        var run = 0
        var body = ""
        for scalar in text.unicodeScalars {
            if scalar == "`" { run += 1; longestRun = max(longestRun, run) } else { run = 0 }
            switch scalar {
            case "|" where inTable: body.append("\\|")
            case "\r", "\n": body.append(" ")
            default: body.unicodeScalars.append(scalar)
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = body.first == "`" || body.last == "`" || (body.first == " " && body.last == " " && !body.allSatisfy { $0 == " " })
        return padded ? "\(fence) \(body) \(fence)" : "\(fence)\(body)\(fence)"
    }
}
