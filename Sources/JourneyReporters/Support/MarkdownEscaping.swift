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

    /// Inline text, safe in a table cell or a paragraph. Byte by byte, with
    /// ``ByteRewriting``: every character changed is ASCII.
    public static func cell(_ text: String) -> String {
        ByteRewriting.rewrite(text, where: { $0 == 0x0A || $0 == 0x0D || specials.contains($0) }) { bytes, index, output in
            switch bytes[index] {
            case 0x0A:
                // CRLF is one break: the CR already wrote it.
                if index == 0 || bytes[index - 1] != 0x0D { output += "<br>".utf8 }
            case 0x0D:
                output += "<br>".utf8
            case let byte:
                if specials.contains(byte) { output.append(UInt8(ascii: "\\")) }
                output.append(byte)
            }
            return 1
        }
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
