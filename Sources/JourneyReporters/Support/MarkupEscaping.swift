import JSONWriter

/// Escaping for XML 1.0 and HTML, shared by the JUnit and HTML reports.
///
/// Both escape the five markup characters, so the result is safe in text
/// and in attribute values quoted with `"` or `'`. Tab, line feed and
/// carriage return become character references (`&#10;`), so a value never
/// breaks a line of the file and reads back the same. The other
/// ``UnsafeCharacters`` — control characters, which XML 1.0 cannot carry at
/// all, and bidirectional controls, which would reorder what a browser or a
/// CI server's page shows — and the noncharacters U+FFFE and U+FFFF are
/// written as text in Swift's notation, `\u{1B}`, as the text format shows
/// them. A value starting with `::` has its first colon written `&#58;` and
/// the `[` of `##[` is `&#91;`, so that a report printed to a GitHub
/// Actions log holds no workflow command.
///
/// ```swift
/// MarkupEscaping.text("a < b & \"c\"")          // a &lt; b &amp; &quot;c&quot;
/// MarkupEscaping.attribute("line one\nline two") // line one&#10;line two
/// MarkupEscaping.text("bell\u{7}")              // bell\u{7}
/// ```
public enum MarkupEscaping {
    /// For element content.
    public static func text(_ text: String) -> String {
        escape(text)
    }

    /// For attribute values, quoted with `"` or `'`: the same escaping, so
    /// that attribute-value normalisation turns no line break into a space.
    public static func attribute(_ text: String) -> String {
        escape(text)
    }

    /// Byte by byte, with ``ByteRewriting``.
    private static func escape(_ text: String) -> String {
        ByteRewriting.escape(text, colon: "&#58;", bracket: "&#91;", unsafe: { value, _, _, output in
            switch value {
            case 0x09: output += "&#9;".utf8
            case 0x0A: output += "&#10;".utf8
            case 0x0D: output += "&#13;".utf8
            default: output += UnsafeCharacters.visible(value).utf8
            }
        }, mayChange: mayNeedEscaping) { bytes, index, output in
            switch bytes[index] {
            case UInt8(ascii: "&"): output += "&amp;".utf8
            case UInt8(ascii: "<"): output += "&lt;".utf8
            case UInt8(ascii: ">"): output += "&gt;".utf8
            case UInt8(ascii: "\""): output += "&quot;".utf8
            case UInt8(ascii: "'"): output += "&#39;".utf8
            case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                // U+FFFE and U+FFFF, which XML does not allow.
                output += UnsafeCharacters.visible(bytes[index + 2] == 0xBE ? 0xFFFE : 0xFFFF).utf8
                return 3
            case let byte: output.append(byte)
            }
            return 1
        }
    }

    /// Bytes that may need a change besides the unsafe ones; 0xEF starts
    /// U+FFFE and U+FFFF (and other characters, copied as they are).
    private static func mayNeedEscaping(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: true
        default: false
        }
    }
}
