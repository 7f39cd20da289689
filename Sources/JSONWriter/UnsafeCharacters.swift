/// The characters no report writes as they are, and the text a CI runner
/// would take for a command: what every format's escaping looks for, each
/// in its own way (`\u{1B}` in text, `\u001B` in JSON, `&#91;` in XML…).
///
/// A journey file is written by whoever opens a pull request, and its names,
/// values and file names end up in terminals, CI logs, spreadsheets and web
/// pages. Written raw, these characters act rather than show:
///
/// - C0 controls (U+0000–U+001F) and DEL: ESC starts terminal sequences
///   (colours, cursor moves, OSC 8 links, OSC 52 clipboard writes), CR and
///   BS overwrite what a line said, LF starts a new line;
/// - C1 controls (U+0080–U+009F): U+009B is a CSI, U+0085 a line break, to
///   some terminals and parsers;
/// - line and paragraph separators (U+2028, U+2029);
/// - bidirectional controls (U+061C, U+200E, U+200F, U+202A–U+202E,
///   U+2066–U+2069), which reorder what is shown, so that a line reads
///   otherwise than it is.
///
/// And the GitHub Actions runner obeys a workflow command in any step's
/// output: a line that starts with `::` after white space (`::error …::`,
/// `::stop-commands::token`), and the older `##[command]` anywhere in a line.
///
/// ```swift
/// UnsafeCharacters.isUnsafe("\u{202E}")   // true
/// UnsafeCharacters.visible(0x1B)          // "\u{1B}"
/// ```
public enum UnsafeCharacters {
    /// Whether `scalar` is one of the characters above.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isUnsafe(scalar.value)
    }

    static func isUnsafe(_ value: UInt32) -> Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `byte` may start an unsafe character in UTF-8: the fast
    /// path's test, true for every byte of text that needs a look.
    @inline(__always)
    public static func mayStart(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xD8 || byte == 0xE2
    }

    /// The unsafe character that starts at `index`, with its length in
    /// bytes; nil when what starts there is safe. `bytes` is valid UTF-8.
    @inline(__always)
    public static func unsafeScalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, length: Int)? {
        let byte = bytes[index]
        if byte < 0x20 || byte == 0x7F { return (UInt32(byte), 1) }
        guard byte == 0xC2 || byte == 0xD8 || byte == 0xE2, index + 1 < bytes.count else { return nil }
        let second = UInt32(bytes[index + 1] & 0x3F)
        if byte != 0xE2 {
            let value = (UInt32(byte & 0x1F) << 6) | second
            return isUnsafe(value) ? (value, 2) : nil
        }
        guard index + 2 < bytes.count else { return nil }
        let value = 0x2000 | (second << 6) | UInt32(bytes[index + 2] & 0x3F)
        return isUnsafe(value) ? (value, 3) : nil
    }

    /// `\u{1B}`: how the text-like formats show an unsafe character, in
    /// Swift's notation (hexadecimal, upper case), so the reader sees what
    /// is there and the terminal acts on none of it.
    public static func visible(_ value: UInt32) -> String {
        "\\u{" + String(value, radix: 16, uppercase: true) + "}"
    }

    /// Whether `text` holds none of the unsafe characters, no leading `::`
    /// and no `##[`: whether any escaping would leave it as it is, as far
    /// as these go.
    public static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard commandColon(in: bytes) == nil else { return false }
            for index in bytes.indices where mayStart(bytes[index]) || bytes[index] == UInt8(ascii: "[") {
                if unsafeScalar(at: index, in: bytes) != nil || isCommandBracket(at: index, in: bytes) { return false }
            }
            return true
        }
    }

    // MARK: Workflow commands

    /// The offset of the first colon when the text starts, after white
    /// space, with `::`: the runner would read a line starting with it as a
    /// workflow command. Nil otherwise, as for nearly every text.
    @inline(__always)
    public static func commandColon(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        // The runner trims what .NET calls white space: Unicode's White_Space.
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                guard byte == 0x20 || (0x09...0x0D).contains(byte) else { break }
                index += 1
                continue
            }
            let (scalar, length) = decode(at: index, in: bytes)
            guard scalar.properties.isWhitespace else { break }
            index += length
        }
        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: ":"), bytes[index + 1] == UInt8(ascii: ":") else { return nil }
        return index
    }

    /// Whether the byte at `index` is the `[` of `##[`, which the runner
    /// reads as the start of an older workflow command wherever it is.
    @inline(__always)
    public static func isCommandBracket(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes[index] == UInt8(ascii: "[") && index >= 2 && bytes[index - 1] == UInt8(ascii: "#") && bytes[index - 2] == UInt8(ascii: "#")
    }

    /// The scalar that starts at `index` of valid UTF-8, and its length.
    private static func decode(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (Unicode.Scalar, Int) {
        let lead = bytes[index]
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard index + length <= bytes.count else { return ("\u{FFFD}", bytes.count - index) }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = (value << 6) | UInt32(bytes[index + offset] & 0x3F) }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
