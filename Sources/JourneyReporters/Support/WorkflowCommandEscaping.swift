import JSONWriter

/// Escaping for GitHub Actions workflow commands
/// (`::error file=…,line=…::message`), as the runner and `@actions/core` do.
///
/// The runner reads one command per line and splits properties on `,` and
/// the property list from the message on `::`, so line breaks must never
/// reach the output and property values must not hold `,` or `:`. `%` is
/// escaped first so that the runner's unescaping gives back the original.
/// The runner unescapes nothing else, so the other ``UnsafeCharacters``
/// (control characters, bidirectional controls) are shown as `\u{1B}`, as
/// in the text format. A reporter that joins values into a message with
/// line breaks of its own shows the values' line breaks first, with
/// ``TerminalEscaping``, so that only its own become `%0A`.
///
/// ```swift
/// WorkflowCommandEscaping.data("100% sure\nreally")     // 100%25 sure%0Areally
/// WorkflowCommandEscaping.property("a:b,c")             // a%3Ab%2Cc
/// ```
public enum WorkflowCommandEscaping {
    /// For the message after `::`: `%`, CR and LF, and unsafe characters shown.
    public static func data(_ text: String) -> String {
        escape(text, property: false)
    }

    /// For property values: `%`, CR, LF, `:` and `,`, and unsafe characters shown.
    public static func property(_ text: String) -> String {
        escape(text, property: true)
    }

    /// Byte by byte, with ``ByteRewriting``: every character escaped is
    /// ASCII, so UTF-8 sequences pass through untouched.
    private static func escape(_ text: String, property: Bool) -> String {
        func needsEscaping(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "%"): true
            case UInt8(ascii: ":"), UInt8(ascii: ","): property
            default: UnsafeCharacters.mayStart(byte)
            }
        }
        return ByteRewriting.rewrite(text, where: needsEscaping) { bytes, index, output in
            switch bytes[index] {
            case UInt8(ascii: "%"): output += "%25".utf8
            case 0x0D: output += "%0D".utf8
            case 0x0A: output += "%0A".utf8
            case UInt8(ascii: ":") where property: output += "%3A".utf8
            case UInt8(ascii: ",") where property: output += "%2C".utf8
            default:
                if let (value, length) = UnsafeCharacters.unsafeScalar(at: index, in: bytes) {
                    output += UnsafeCharacters.visible(value).utf8
                    return length
                }
                output.append(bytes[index])
            }
            return 1
        }
    }
}
