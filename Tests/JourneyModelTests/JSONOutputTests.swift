import Foundation
import JourneyModel
import Testing

@Suite("Writing JSON")
struct JSONOutputTests {
    @Test("Keys keep their order; pretty printing indents by two spaces")
    func pretty() {
        let value: JSONOutput = .object([("b", 1), ("a", [true, .null]), ("empty", .object([])), ("none", [])])
        #expect(value.rendered() == """
        {
          "b": 1,
          "a": [
            true,
            null
          ],
          "empty": {},
          "none": []
        }

        """)
        #expect(value.renderedCompactly() == #"{"b":1,"a":[true,null],"empty":{},"none":[]}"#)
    }

    @Test("Strings escape what RFC 8259 requires, and U+2028/U+2029", arguments: [
        ("plain text, accents é and emoji 🎉", "\"plain text, accents é and emoji 🎉\""),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nbreak\ttab\rreturn", #""line\nbreak\ttab\rreturn""#),
        ("\u{08}\u{0C}\u{00}\u{1F}\u{7F}", #""\b\f\u0000\u001F\u007F""#),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("€ stays as is", "\"€ stays as is\""),
    ])
    func strings(text: String, expected: String) throws {
        let written = JSONOutput.string(text).renderedCompactly()
        #expect(written == expected)
        // And it reads back as the same text.
        let decoded = try JSONSerialization.jsonObject(with: Data("[\(written)]".utf8)) as? [String]
        #expect(decoded == [text])
    }

    @Test("Numbers: whole ones without a fraction, others to four decimals, non-finite as null")
    func numbers() {
        #expect(JSONOutput.number(83.0).renderedCompactly() == "83")
        #expect(JSONOutput.number(83.33333).renderedCompactly() == "83.3333")
        #expect(JSONOutput.number(-0.5).renderedCompactly() == "-0.5")
        #expect(JSONOutput.number(.infinity).renderedCompactly() == "null")
        #expect(JSONOutput.integer(-12).renderedCompactly() == "-12")
        #expect(JSONOutput.optional(nil).renderedCompactly() == "null")
    }
}

@Suite("Writing JSON member by member")
struct JSONObjectWriterTests {
    @Test("The writer lays out an object exactly as the tree would")
    func sameLayout() {
        let tree: JSONOutput = .object([
            ("empty", .array([])),
            ("items", .array([.object([("a", 1)]), "two"])),
            ("summary", .object([("n", 2)])),
        ])
        var writer = JSONObjectWriter()
        writer.member("empty", elements: [Int]()) { .integer($0) }
        writer.member("items", elements: [0, 1]) { $0 == 0 ? .object([("a", 1)]) : "two" }
        writer.member("summary", .object([("n", 2)]))
        #expect(writer.finished() == tree.rendered())
        var nothing = JSONObjectWriter()
        #expect(nothing.finished() == JSONOutput.object([]).rendered())
    }
}
