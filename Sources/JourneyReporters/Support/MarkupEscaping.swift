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

    /// Byte by byte, with ``ByteRewriting``.
    private static func escape(_ text: String, inAttribute: Bool) -> String {
        ByteRewriting.rewrite(text, where: { mayNeedEscaping($0, inAttribute: inAttribute) }) { bytes, index, output in
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            case 0x0D: output += "&#13;".utf8
            case 0x0A where inAttribute: output += "&#10;".utf8
            case 0x09 where inAttribute: output += "&#9;".utf8
            case 0x09, 0x0A: output.append(byte)
            case 0x00...0x1F: output += replacement
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                // U+FFFE and U+FFFF, which XML does not allow.
                output += replacement
                return 3
            default: output.append(byte)
            }
            return 1
        }
    }

    /// U+FFFD in UTF-8.
    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Bytes that may need a change; 0xEF starts U+FFFE and U+FFFF (and
    /// other characters, which the slow path copies as they are).
    private static func mayNeedEscaping(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0x0D, 0xEF: true
        case 0x09, 0x0A: inAttribute
        case 0x00...0x1F: true
        default: false
        }
    }
}
