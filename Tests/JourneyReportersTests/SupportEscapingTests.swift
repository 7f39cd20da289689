import Testing
@testable import JourneyReporters

@Suite("Escaping helpers")
struct SupportEscapingTests {
    @Test func markupEscapesTheFiveCharacters() {
        #expect(MarkupEscaping.text(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(MarkupEscaping.attribute("a&b") == "a&amp;b")
    }

    @Test func markupReplacesCharactersXMLCannotHold() {
        #expect(MarkupEscaping.text("a\u{0}b\u{1B}c\u{8}d\u{FFFF}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}d\u{FFFD}")
        #expect(MarkupEscaping.text("tab\there\nnew") == "tab\there\nnew")
        #expect(MarkupEscaping.text("cr\rlf") == "cr&#13;lf")
        #expect(MarkupEscaping.attribute("tab\there\nnew\rend") == "tab&#9;here&#10;new&#13;end")
        #expect(MarkupEscaping.text("é 😀 ≥") == "é 😀 ≥")
    }

    @Test func csvQuotesOnlyWhenNeeded() {
        #expect(CSVField.quoted("plain text") == "plain text")
        #expect(CSVField.quoted("a,b") == "\"a,b\"")
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

    @Test func workflowCommandEscaping() {
        #expect(WorkflowCommandEscaping.data("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext: a, b")
        #expect(WorkflowCommandEscaping.property("100% sure\r\nnext: a, b") == "100%25 sure%0D%0Anext%3A a%2C b")
        #expect(WorkflowCommandEscaping.property("%0A") == "%250A")
    }

    @Test func markdownCellEscaping() {
        #expect(MarkdownEscaping.cell("a | b") == "a \\| b")
        #expect(MarkdownEscaping.cell("*bold* _it_ `code` [link](x) <b> & ~s~ \\") == "\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\<b\\> \\& \\~s\\~ \\\\")
        #expect(MarkdownEscaping.cell("one\ntwo\r\nthree\rfour") == "one<br>two<br>three<br>four")
        #expect(MarkdownEscaping.cell("first-purchase, 3.5") == "first-purchase, 3.5")
    }

    @Test func markdownCodeSpans() {
        #expect(MarkdownEscaping.codeSpan("formal-address") == "`formal-address`")
        #expect(MarkdownEscaping.codeSpan("a|b") == "`a\\|b`")
        #expect(MarkdownEscaping.codeSpan("a|b", inTable: false) == "`a|b`")
        #expect(MarkdownEscaping.codeSpan("x`y") == "``x`y``")
        #expect(MarkdownEscaping.codeSpan("`x``") == "``` `x`` ```")
        #expect(MarkdownEscaping.codeSpan("") == "")
    }

    @Test func uriReferences() {
        #expect(URIReference.reference(for: "Journeys/a.journey.jsonc") == "Journeys/a.journey.jsonc")
        #expect(URIReference.reference(for: "Journeys/my journey #1.jsonc") == "Journeys/my%20journey%20%231.jsonc")
        #expect(URIReference.reference(for: "a:b/é.jsonc") == "a%3Ab/%C3%A9.jsonc")
        #expect(URIReference.reference(for: "/srv/x y.jsonc") == "file:///srv/x%20y.jsonc")
        #expect(URIReference.reference(for: "50%.jsonc") == "50%25.jsonc")
    }

    /// The rules stated scalar by scalar, slowly: what the byte-level
    /// escaping must agree with.
    static func referenceMarkup(_ text: String, inAttribute: Bool) -> String {
        var output = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\r": output += "&#13;"
            case "\n" where inAttribute: output += "&#10;"
            case "\t" where inAttribute: output += "&#9;"
            default: output.unicodeScalars.append(MarkupEscaping.isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return output
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
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func referenceCell(_ text: String) -> String {
        let specials: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "[", "]", "<", ">", "|", "&", "~", "!", "#", "$"]
        var output = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n": if !previousWasCR { output += "<br>" }
            case "\r": output += "<br>"
            default:
                if specials.contains(scalar) { output += "\\" }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    @Test("byte-level escaping agrees with the scalar rules on random text", arguments: 0..<30)
    func escapingMatchesReference(seed: Int) {
        // Scalars chosen to meet every branch: markup, controls, line breaks,
        // U+FFFE/U+FFFF and their neighbours (which share the 0xEF lead byte).
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", " ", "&", "<", ">", "\"", "'", "%", ":", ",", "\t", "\n", "\r", "\u{0}", "\u{1B}", "\u{7F}",
            "\\", "`", "*", "_", "[", "]", "|", "~", "!", "#", "$",
            "é", "≥", "😀", "\u{FFFD}", "\u{FFFE}", "\u{FFFF}", "\u{FF71}", "\u{F000}", "\u{2028}",
        ]
        var state = UInt64(seed) &+ 0x2545_F491_4F6C_DD1D
        var text = ""
        for _ in 0..<(seed * 7 % 60) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text.unicodeScalars.append(alphabet[Int(state >> 33) % alphabet.count])
        }
        #expect(MarkupEscaping.text(text) == Self.referenceMarkup(text, inAttribute: false))
        #expect(MarkupEscaping.attribute(text) == Self.referenceMarkup(text, inAttribute: true))
        #expect(WorkflowCommandEscaping.data(text) == Self.referenceWorkflow(text, property: false))
        #expect(WorkflowCommandEscaping.property(text) == Self.referenceWorkflow(text, property: true))
        #expect(MarkdownEscaping.cell(text) == Self.referenceCell(text))
    }
}
