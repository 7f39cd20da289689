import JSONWriter
import Testing
@testable import JourneyReporters

@Suite("Escaping helpers")
struct SupportEscapingTests {
    @Test func markupEscapesTheFiveCharacters() {
        #expect(MarkupEscaping.text(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(MarkupEscaping.attribute("a&b") == "a&amp;b")
    }

    @Test func markupShowsCharactersXMLCannotHoldAndBreaksNoLine() {
        #expect(MarkupEscaping.text("a\u{0}b\u{1B}c\u{8}d\u{FFFF}") == #"a\u{0}b\u{1B}c\u{8}d\u{FFFF}"#)
        #expect(MarkupEscaping.text("tab\there\nnew\rend") == "tab&#9;here&#10;new&#13;end")
        #expect(MarkupEscaping.attribute("tab\there\nnew\rend") == "tab&#9;here&#10;new&#13;end")
        #expect(MarkupEscaping.text("\u{202E}evil\u{85}\u{9B}") == #"\u{202E}evil\u{85}\u{9B}"#)
        #expect(MarkupEscaping.text("é 😀 ≥ \u{FFFD}") == "é 😀 ≥ \u{FFFD}")
        #expect(MarkupEscaping.text("  ::error::x ##[error]y") == "  &#58;:error::x ##&#91;error]y")
    }

    @Test func terminalEscapingShowsWhatActsOnATerminal() {
        #expect(TerminalEscaping.text("plain, é ≥ · → 😀") == "plain, é ≥ · → 😀")
        #expect(TerminalEscaping.text("\u{1B}[31mred\u{1B}[0m") == #"\u{1B}[31mred\u{1B}[0m"#)
        #expect(TerminalEscaping.text("\r\u{1B}[2K0 errors\u{7}\u{8}\u{7F}") == #"\u{D}\u{1B}[2K0 errors\u{7}\u{8}\u{7F}"#)
        #expect(TerminalEscaping.text("a\nb\u{85}c\u{2028}d\u{2029}e\u{9B}") == #"a\u{A}b\u{85}c\u{2028}d\u{2029}e\u{9B}"#)
        #expect(TerminalEscaping.text("\u{202E}\u{202A}\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}") == #"\u{202E}\u{202A}\u{2066}\u{2069}\u{200E}\u{200F}\u{61C}"#)
        // A value that starts a line with a workflow command, after white space too.
        #expect(TerminalEscaping.text("::error file=a::b") == #"\u{3A}:error file=a::b"#)
        #expect(TerminalEscaping.text(" \u{A0}\u{3000}::stop-commands::t") == " \u{A0}\u{3000}\\u{3A}:stop-commands::t")
        #expect(TerminalEscaping.text("x ::error::y") == "x ::error::y")
        #expect(TerminalEscaping.text(":a:") == ":a:")
        #expect(TerminalEscaping.text("see ##[error]x, [a], #[b]") == #"see ##\u{5B}error]x, [a], #[b]"#)
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSVField.quoted("plain text") == "plain text")
        #expect(CSVField.quoted("a,b") == "\"a,b\"")
        #expect(CSVField.quoted("a;b") == "a;b")
        #expect(CSVField.quoted("a;b", separator: .semicolon) == "\"a;b\"")
        #expect(CSVField.quoted("a,b", separator: .semicolon) == "a,b")
        #expect(CSVField.quoted("a\tb", separator: .tab) == "\"a\tb\"")
        #expect(CSVField.quoted("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVField.quoted("two\nlines") == "\"two\nlines\"")
        #expect(CSVField.quoted("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVField.quoted("") == "")
    }

    @Test func csvGuardsFormulaTriggers() {
        for trigger in ["=", "+", "-", "@", "\t", "\r"] {
            #expect(CSVField.guarded(trigger + "1+1") == "'" + trigger + "1+1")
        }
        #expect(CSVField.guarded("1+1") == "1+1")
        #expect(CSVField.guarded("a=b") == "a=b")
        #expect(CSVField.encode("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVField.record(["a", "b,c", "-1"]) == "a,\"b,c\",'-1\r\n")
    }

    @Test("a formula character after spaces or invisible characters is guarded too")
    func csvGuardsAfterInvisiblePrefixes() {
        for prefix in [" ", "   ", "\u{A0}", "\u{200B}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{AD}", "\u{200E}", "\u{200F}", "\u{202E}", " \u{200B}\u{A0}"] {
            #expect(CSVField.guarded(prefix + "=1+1") == "'" + prefix + "=1+1", "\(Array(prefix.unicodeScalars))")
            #expect(CSVField.guarded(prefix + "@SUM(A1)") == "'" + prefix + "@SUM(A1)")
        }
        #expect(CSVField.guarded(" a =1") == " a =1")
        #expect(CSVField.guarded("   ") == "   ")
        #expect(CSVField.guarded("\u{200B}x") == "\u{200B}x")
        // Guarded, then shown: the bidirectional mark is visible after the quote.
        #expect(CSVField.encode("\u{200F}=cmd|' /C calc'!A0") == #"'\u{200F}=cmd|' /C calc'!A0"#)
    }

    @Test func csvShowsUnsafeCharactersSoNoValueBreaksARecord() {
        #expect(CSVField.encode("two\nlines") == #"two\u{A}lines"#)
        #expect(CSVField.encode("x\r\n::error::y") == #"x\u{D}\u{A}::error::y"#)
        #expect(CSVField.encode("::error::y, z") == #""\u{3A}:error::y, z""#)
        #expect(CSVField.encode("\u{1B}[2K##[error]") == #"\u{1B}[2K##\u{5B}error]"#)
    }

    @Test("the dialect separates, quotes and starts as asked")
    func csvDialects() {
        #expect(CSVDialect.standard.record(["a;b", "1,5", "=x"]) == "a;b,\"1,5\",'=x\r\n")
        let excel = CSVDialect(separator: .semicolon, byteOrderMark: true)
        #expect(excel.record(["a;b", "1,5", "=x"]) == "\"a;b\";1,5;'=x\r\n")
        #expect(excel.start == "\u{FEFF}")
        #expect(CSVDialect.standard.start == "")
        #expect(CSVDialect(separator: .tab).record(["a\tb", "c"]) == #"a\u{9}b"# + "\tc\r\n")
    }

    @Test func workflowCommandEscaping() {
        #expect(WorkflowCommandEscaping.data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b")
        #expect(WorkflowCommandEscaping.property("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext%3A a%2C b")
        #expect(WorkflowCommandEscaping.property("%0A") == "%250A")
        #expect(WorkflowCommandEscaping.data("\u{1B}]52;c;x\u{7} \u{202E}") == #"\u{1B}]52;c;x\u{7} \u{202E}"#)
    }

    @Test func markdownCellEscaping() {
        #expect(MarkdownEscaping.cell("a | b") == "a \\| b")
        #expect(MarkdownEscaping.cell("*bold* _it_ `code` [link](x) <b> & ~s~ \\") == "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\& \\~s\\~ \\\\")
        #expect(MarkdownEscaping.cell("one\ntwo\r\nthree\rfour") == "one<br>two<br>three<br>four")
        #expect(MarkdownEscaping.cell("first-purchase, 3.5") == "first-purchase, 3.5")
        #expect(MarkdownEscaping.cell("\u{1B}[2K\u{202E}") == #"\\u{1B}\[2K\\u{202E}"#)
        #expect(MarkdownEscaping.cell("::error::x ##[y]") == ##"\::error::x \#\#\[y\]"##)
    }

    @Test func markdownCodeSpans() {
        #expect(MarkdownEscaping.codeSpan("formal-address") == "`formal-address`")
        #expect(MarkdownEscaping.codeSpan("a|b") == "`a\\|b`")
        #expect(MarkdownEscaping.codeSpan("a|b", inTable: false) == "`a|b`")
        #expect(MarkdownEscaping.codeSpan("x`y") == "``x`y``")
        #expect(MarkdownEscaping.codeSpan("`x``") == "``` `x`` ```")
        #expect(MarkdownEscaping.codeSpan("") == "")
        // Nothing escapes inside a code span: such text is escaped in <code>.
        #expect(MarkdownEscaping.codeSpan("a\nb\u{1B}") == #"<code>a<br>b\\u{1B}</code>"#)
        #expect(MarkdownEscaping.codeSpan("##[error]x") == ##"<code>\#\#\[error\]x</code>"##)
        #expect(MarkdownEscaping.codeSpan("::error::x") == #"<code>\::error::x</code>"#)
    }

    @Test func uriReferences() {
        #expect(URIReference.reference(for: "Journeys/a.journey.jsonc") == "Journeys/a.journey.jsonc")
        #expect(URIReference.reference(for: "Journeys/my journey #1.jsonc") == "Journeys/my%20journey%20%231.jsonc")
        #expect(URIReference.reference(for: "a:b/é.jsonc") == "a%3Ab/%C3%A9.jsonc")
        #expect(URIReference.reference(for: "/srv/x y.jsonc") == "file:///srv/x%20y.jsonc")
        #expect(URIReference.reference(for: "50%.jsonc") == "50%25.jsonc")
    }

    // MARK: The rules scalar by scalar

    /// The unsafe characters, stated as ranges.
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x061C, 0x200E, 0x200F, 0x2028...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    static func shown(_ scalar: Unicode.Scalar) -> String {
        "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }

    /// The index of the first colon of a leading `::`, after white space.
    static func commandColon(_ scalars: [Unicode.Scalar]) -> Int? {
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return nil }
        return first + 1 < scalars.count && scalars[first] == ":" && scalars[first + 1] == ":" ? first : nil
    }

    /// The rules stated scalar by scalar, slowly: what the byte-level
    /// escaping must agree with. `rule` returns nil to fall back to the
    /// unsafe characters' notation and then the scalar itself.
    static func reference(
        _ text: String, colon: String, bracket: String, rule: (Unicode.Scalar, _ previous: Unicode.Scalar?) -> String?
    ) -> String {
        let scalars = Array(text.unicodeScalars)
        let colonIndex = commandColon(scalars)
        var output = ""
        for (index, scalar) in scalars.enumerated() {
            let previous = index > 0 ? scalars[index - 1] : nil
            if index == colonIndex { output += colon; continue }
            if scalar == "[", index >= 2, scalars[index - 1] == "#", scalars[index - 2] == "#" { output += bracket; continue }
            if let rewritten = rule(scalar, previous) { output += rewritten; continue }
            if isUnsafe(scalar) { output += shown(scalar); continue }
            output.unicodeScalars.append(scalar)
        }
        return output
    }

    static func referenceMarkup(_ text: String) -> String {
        reference(text, colon: "&#58;", bracket: "&#91;") { scalar, _ in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            case "\r": "&#13;"
            case "\n": "&#10;"
            case "\t": "&#9;"
            case "\u{FFFE}", "\u{FFFF}": shown(scalar)
            default: nil
            }
        }
    }

    static func referenceWorkflow(_ text: String, property: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":" where property: output += "%3A"
            case "," where property: output += "%2C"
            default: if isUnsafe(scalar) { output += shown(scalar) } else { output.unicodeScalars.append(scalar) }
            }
        }
        return output
    }

    static func referenceCell(_ text: String) -> String {
        let specials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!", "#", "$"]
        return reference(text, colon: "\\:", bracket: "\\[") { scalar, previous in
            switch scalar {
            case "\n": previous == "\r" ? "" : "<br>"
            case "\r": "<br>"
            default: specials.contains(scalar) ? "\\" + String(scalar) : isUnsafe(scalar) ? "\\" + shown(scalar) : nil
            }
        }
    }

    static func referenceTerminal(_ text: String) -> String {
        reference(text, colon: "\\u{3A}", bracket: "\\u{5B}") { _, _ in nil }
    }

    @Test("byte-level escaping agrees with the scalar rules on random text", arguments: 0..<60)
    func escapingMatchesReference(seed: Int) {
        // Scalars chosen to meet every branch: markup, controls, line breaks,
        // C1 and bidirectional controls and their neighbours (which share
        // their lead bytes), U+FFFE/U+FFFF, white space and the pieces of
        // workflow commands.
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "&", "<", ">", "\"", "'", "%", ":", ":", ",", "#", "#", "[", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}",
            "\\", "`", "*", "_", "]", "|", "~", "!", "$",
            "é", "≥", "·", "😀", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FF71}", "\u{F000}",
            "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "\u{AD}", "\u{61B}", "\u{61C}", "\u{200D}", "\u{200E}", "\u{200F}",
            "\u{2027}", "\u{2028}", "\u{2029}", "\u{202E}", "\u{202F}", "\u{2065}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{3000}",
        ]
        var state = UInt64(seed) &+ 0x2545_F491_4F6C_DD1D
        var text = ""
        for _ in 0..<(seed * 7 % 60) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        // Every fourth text starts with white space and `::`, the guarded shape.
        if seed % 4 == 0 { text = (seed % 8 == 0 ? " \u{A0}" : "") + "::" + text }
        #expect(MarkupEscaping.text(text) == Self.referenceMarkup(text))
        #expect(MarkupEscaping.attribute(text) == Self.referenceMarkup(text))
        #expect(WorkflowCommandEscaping.data(text) == Self.referenceWorkflow(text, property: false))
        #expect(WorkflowCommandEscaping.property(text) == Self.referenceWorkflow(text, property: true))
        #expect(MarkdownEscaping.cell(text) == Self.referenceCell(text))
        #expect(TerminalEscaping.text(text) == Self.referenceTerminal(text))
        #expect(UnsafeCharacters.isPlain(text) == (Self.referenceTerminal(text) == text))
    }
}
