/// Escaping for XML 1.0 and HTML, shared by the JUnit and HTML reports.
///
/// Both escape the five markup characters, so the result is safe in text
/// and in attribute values quoted with `"` or `'`. XML 1.0 cannot carry most
/// C0 control characters at all, not even as `&#…;` references, so those
/// (and the noncharacters U+FFFE and U+FFFF) become U+FFFD, the replacement
/// character.
///
/// ```swift
/// MarkupEscaping.text("a < b & \"c\"")        // a &lt; b &amp; &quot;c&quot;
/// MarkupEscaping.attribute("line one\nline two") // line one&#10;line two
/// ```
public enum MarkupEscaping {
    /// For element content: tabs and line feeds stay as they are; carriage
    /// returns become `&#13;` so that parsers do not fold them into line feeds.
    public static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// For attribute values: tab, line feed and carriage return become
    /// character references, which attribute-value normalisation would
    /// otherwise turn into spaces.
    public static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Whether XML 1.0 allows the scalar in a document (its `Char` production).
    public static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x0...0x1F: false
        case 0xFFFE, 0xFFFF: false
        default: true
        }
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output.append("&amp;")
            case "<": output.append("&lt;")
            case ">": output.append("&gt;")
            case "\"": output.append("&quot;")
            case "'": output.append("&#39;")
            case "\r": output.append("&#13;")
            case "\n" where inAttribute: output.append("&#10;")
            case "\t" where inAttribute: output.append("&#9;")
            default:
                if isAllowedInXML(scalar) {
                    output.unicodeScalars.append(scalar)
                } else {
                    output.unicodeScalars.append("\u{FFFD}")
                }
            }
        }
        return output
    }
}
