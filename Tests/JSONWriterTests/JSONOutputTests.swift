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

    @Test("Strings escape what RFC 8259 requires, and the other unsafe characters and the [ of ##[ as \\uXXXX", arguments: [
        ("plain text, accents é and emoji 🎉", "\"plain text, accents é and emoji 🎉\""),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("line\nbreak\ttab\rreturn", #""line\nbreak\ttab\rreturn""#),
        ("\u{08}\u{0C}\u{00}\u{1F}\u{7F}", #""\b\f\u0000\u001F\u007F""#),
        ("a\u{2028}b\u{2029}c", #""a\u2028b\u2029c""#),
        ("€ stays as is", "\"€ stays as is\""),
        // C1 controls (NEL, CSI) and bidirectional controls: valid JSON raw, but not in a terminal.
        ("\u{85}\u{9B}\u{9F}\u{A0}", "\"\\u0085\\u009B\\u009F\u{A0}\""),
        ("\u{202E}rtl\u{202C} \u{2066}\u{2069}\u{200E}\u{200F}\u{61C}", #""\u202Ertl\u202C \u2066\u2069\u200E\u200F\u061C""#),
        // Neighbours that are safe stay as they are.
        ("\u{2027}\u{202F}\u{2065}\u{206A}\u{200D}\u{61B}", "\"\u{2027}\u{202F}\u{2065}\u{206A}\u{200D}\u{61B}\""),
        // The runner of GitHub Actions reads `##[error]` anywhere in a line.
        ("##[error]x [a] #[b]", ###""##\u005Berror]x [a] #[b]""###),
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
    /// What a writer writes, as text: `body` writes into the writer it is
    /// given, which is then finished.
    static func written(_ body: (inout JSONStreamWriter) -> Void) -> String {
        ReportOutput.text { output in
            var writer = JSONStreamWriter(into: consume output)
            body(&writer)
            output = writer.finish()
        }
    }

    @Test("The writer lays out nested objects and arrays exactly as the tree would")
    func sameLayout() {
        let tree: JSONOutput = .object([
            ("empty", .array([])),
            ("items", .array([.object([("a", 1)]), "two", .object([])])),
            ("nested", .object([("list", .array([.array([1, 2]), .object([("deep", .array(["x"]))])]))])),
            ("summary", .object([("n", 2), ("quote", "say \"hi\"")])),
        ])
        let text = Self.written { writer in
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
        }
        #expect(text == tree.rendered())
    }

    @Test("An empty document, a bare array and unclosed containers")
    func edges() {
        let object = Self.written { $0.beginObject() }
        #expect(object == JSONOutput.object([]).rendered())
        let array = Self.written { array in
            array.beginArray()
            array.write(1)
            array.write(.null)
        }
        #expect(array == JSONOutput.array([1, .null]).rendered())
    }

    @Test("A large document reaches the sink in chunks, and the chunks make the same text")
    func chunks() {
        let elements = (0..<20_000).map { JSONOutput.string("element \($0)") }
        var chunks: [String] = []
        var output = ReportOutput { chunks.append(String(decoding: $0, as: UTF8.self)) }
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.beginArray("elements")
        for element in elements { writer.write(element) }
        writer.end()
        writer.end()
        output = writer.finish()
        output.flush()
        #expect(chunks.count > 3)
        #expect(chunks.dropLast().allSatisfy { $0.utf8.count >= 1 << 16 && $0.utf8.count < (1 << 16) + 4096 })
        #expect(chunks.joined() == JSONOutput.object([("elements", .array(elements))]).rendered())
    }
}

@Suite("Gathering a report into chunks")
struct ReportOutputTests {
    @Test("Writes reach the sink in chunks of 64 KiB, each ending on a whole write, and nothing before the chunk is full")
    func chunksEndOnWrites() {
        var chunks: [[UInt8]] = []
        var output = ReportOutput { chunks.append($0) }
        let line = "Maison Aurèle · écrit à la main"
        var lines = 0
        while chunks.isEmpty {
            output.writeLine(line)
            lines += 1
        }
        let lineBytes = line.utf8.count + 1
        #expect(chunks[0].count == lines * lineBytes, "the chunk went out with the write that filled it")
        #expect(chunks[0].count >= ReportOutput.chunkSize && chunks[0].count < ReportOutput.chunkSize + lineBytes)
        output.write("end")
        #expect(chunks.count == 1, "the rest waits for the next full chunk or a flush")
        output.flush()
        output.flush()
        #expect(chunks.count == 2, "a flush with nothing gathered hands nothing over")
        #expect(chunks.allSatisfy { String(validating: $0, as: UTF8.self) != nil }, "every chunk is whole UTF-8")
        #expect(chunks.joined().elementsEqual((String(repeating: line + "\n", count: lines) + "end").utf8))
    }

    @Test("A write larger than a chunk goes out in one piece")
    func largeWrite() {
        var sizes: [Int] = []
        var output = ReportOutput { sizes.append($0.count) }
        output.write("a")
        output.write(String(repeating: "x", count: 3 * ReportOutput.chunkSize))
        output.write("b")
        output.flush()
        #expect(sizes == [3 * ReportOutput.chunkSize + 1, 1])
    }

    @Test("text(_:) gives what was written, flushed")
    func text() {
        #expect(ReportOutput.text { $0.writeLine("1 error"); $0.write("é") } == "1 error\né")
        #expect(ReportOutput.text { _ in } == "")
    }
}
