import Foundation
import JSONWriter
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

@Suite("Writing JSON as it goes")
struct JSONStreamWriterTests {
    /// Collects what the writer hands over, chunk by chunk.
    struct Chunks: TextOutputStream {
        var parts: [String] = []
        mutating func write(_ string: String) { parts.append(string) }
    }

    @Test("The writer lays out nested objects and arrays exactly as the tree would")
    func sameLayout() {
        let tree: JSONOutput = .object([
            ("empty", .array([])),
            ("items", .array([.object([("a", 1)]), "two", .object([])])),
            ("nested", .object([("list", .array([.array([1, 2]), .object([("deep", .array(["x"]))])]))])),
            ("summary", .object([("n", 2), ("quote", "say \"hi\"")])),
        ])
        var writer = JSONStreamWriter(into: "")
        writer.beginObject()
        writer.beginArray("empty")
        writer.end()
        writer.beginArray("items")
        writer.write(.object([("a", 1)]))
        writer.write("two")
        writer.beginObject()
        writer.end()
        writer.end()
        writer.beginObject("nested")
        writer.beginArray("list")
        writer.write(.array([1, 2]))
        writer.beginObject()
        writer.write("deep", .array(["x"]))
        writer.end()
        writer.end()
        writer.end()
        writer.write("summary", .object([("n", 2), ("quote", "say \"hi\"")]))
        writer.end()
        #expect(writer.finish() == tree.rendered())
    }

    @Test("An empty document, a bare array and unclosed containers")
    func edges() {
        var object = JSONStreamWriter(into: "")
        object.beginObject()
        #expect(object.finish() == JSONOutput.object([]).rendered())
        var array = JSONStreamWriter(into: "")
        array.beginArray()
        array.write(1)
        array.write(.null)
        #expect(array.finish() == JSONOutput.array([1, .null]).rendered())
    }

    @Test("A large document reaches the target in chunks, and the chunks make the same text")
    func chunks() {
        let elements = (0..<20_000).map { JSONOutput.string("element \($0)") }
        var writer = JSONStreamWriter(into: Chunks())
        writer.beginObject()
        writer.beginArray("elements")
        for element in elements { writer.write(element) }
        writer.end()
        writer.end()
        let chunks = writer.finish().parts
        #expect(chunks.count > 3)
        #expect(chunks.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < (1 << 16) + 4096 })
        #expect(chunks.joined() == JSONOutput.object([("elements", .array(elements))]).rendered())
    }
}
