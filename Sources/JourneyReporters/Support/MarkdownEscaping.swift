import JSONWriter

/// Escaping for GitHub-flavoured Markdown table cells and inline text.
///
/// Every ASCII punctuation character may be backslash-escaped in CommonMark;
/// this escapes only those that start inline markup (emphasis, code, links,
/// raw HTML, entities, strikethrough, headings) plus `|`, which ends a table
/// cell even inside a code span. Line breaks would end the table row, so
/// they become `<br>`; the other ``UnsafeCharacters`` (control characters,
/// bidirectional controls) are shown as `\u{1B}`, as in the text format.
/// A text starting with `::` has its first colon escaped, and `##[` is
/// `\#\#\[`, so a report printed to a GitHub Actions log holds no
/// workflow command.
///
/// ```swift
/// MarkdownEscaping.cell("a | b *c*")      // a \| b \*c\*
/// MarkdownEscaping.codeSpan("x`y|z")      // `` x`y\|z ``
/// ```
public enum MarkdownEscaping {
    /// The characters escaped with a backslash, all ASCII.
    static let specials: [UInt8] = Array("\\`*_[]<>|&~!#$".utf8)

    /// Inline text, safe in a table cell or a paragraph. Byte by byte, with
    /// ``ByteRewriting``: every character escaped with a backslash is ASCII.
    public static func cell(_ text: String) -> String {
        ByteRewriting.escape(text, colon: "\\:", bracket: "\\[", unsafe: { value, bytes, index, output in
            switch value {
            case 0x0A:
                // CRLF is one break: the CR already wrote it.
                if index == 0 || bytes[index - 1] != 0x0D { output += "<br>".utf8 }
            case 0x0D:
                output += "<br>".utf8
            default:
                output.append(UInt8(ascii: "\\"))
                output += UnsafeCharacters.visible(value).utf8
            }
        }, mayChange: { specials.contains($0) }) { bytes, index, output in
            output.append(UInt8(ascii: "\\"))
            output.append(bytes[index])
            return 1
        }
    }

    /// A code span that shows `text` literally, fenced with more backticks
    /// than it holds in a row. In a table, `|` is escaped (GFM splits cells
    /// before it parses code spans). Nothing can be escaped inside a code
    /// span, so a text holding ``UnsafeCharacters`` or a workflow command is
    /// written as `<code>`, which GitHub keeps, around the text escaped as
    /// a ``cell(_:)``.
    public static func codeSpan(_ text: String, inTable: Bool = true) -> String {
        guard !text.isEmpty else { return "" }
        guard UnsafeCharacters.isPlain(text) else { return "<code>\(cell(text))</code>" }
        var longestRun = 0
        var run = 0
        var body = ""
        for scalar in text.unicodeScalars {
            if scalar == "`" { run += 1; longestRun = max(longestRun, run) } else { run = 0 }
            if scalar == "|" && inTable { body.append("\\|") } else { body.unicodeScalars.append(scalar) }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = body.first == "`" || body.last == "`" || (body.first == " " && body.last == " " && !body.allSatisfy { $0 == " " })
        return padded ? "\(fence) \(body) \(fence)" : "\(fence)\(body)\(fence)"
    }
}
