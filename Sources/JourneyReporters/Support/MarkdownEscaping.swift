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
    static let specials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!", "#", "$"]

    /// Inline text, safe in a table cell or a paragraph.
    public static func cell(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n":
                if !previousWasCR { output.append("<br>") }
            case "\r":
                output.append("<br>")
            default:
                if specials.contains(scalar) { output.append("\\") }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
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
