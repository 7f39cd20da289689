import JSONWriter

/// Escaping for the text formats, which terminals and CI logs show: every
/// name, value, message and file name from the files goes through it
/// before a text report writes it.
///
/// Each of the ``UnsafeCharacters`` (control characters, line and paragraph
/// separators, bidirectional controls) is written in Swift's notation,
/// `\u{1B}`, so the reader sees what the file holds and the terminal acts
/// on none of it: a value is always on its own line, in the order written.
/// The runner of GitHub Actions would obey a line starting with `::`
/// (`::error …::`, `::stop-commands::…`) or holding `##[`: a text that
/// starts with `::`, after white space, has its first colon written
/// `\u{3A}`, and the `[` of `##[` is written `\u{5B}`. A backslash stays as
/// it is: `\u{1B}` written in a file reads the same as an escape, which
/// shows no less.
///
/// ```swift
/// TerminalEscaping.text("Team\u{1B}]8;;http://x\u{7}")   // Team\u{1B}]8;;http://x\u{7}
/// TerminalEscaping.text("x\n::error file=a::b")          // x\u{A}::error file=a::b
/// TerminalEscaping.text("  ::stop-commands::t")          //   \u{3A}:stop-commands::t
/// ```
public enum TerminalEscaping {
    public static func text(_ text: String) -> String {
        ByteRewriting.escape(text, colon: "\\u{3A}", bracket: "\\u{5B}") { value, _, _, output in
            output += UnsafeCharacters.visible(value).utf8
        }
    }
}
