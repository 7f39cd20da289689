import Testing
@testable import JSONCReader

/// Reading a document while handing out the elements of one array of its
/// root object: each element comes complete, in order, located as the
/// whole document would locate it, and leaves the tape before the next.
@Suite("Streaming an array")
struct StreamingTests {
    /// What one streaming parse saw: the root as far as it was read when
    /// asked, every element, and the document it gave.
    struct Streamed {
        var asked: [JSONCValue] = []
        var elements: [JSONCValue] = []
        var document: JSONCDocument?
    }

    static func stream(
        _ text: String,
        key: String = "items",
        keys: JSONCKeyEquality = .codePoints,
        accept: Bool = true
    ) throws(JSONCSyntaxError) -> Streamed {
        var streamed = Streamed()
        streamed.document = try JSONCDocument.parse(
            Array(text.utf8), keys: keys, streaming: key,
            shouldStream: { root in
                streamed.asked.append(root)
                return accept
            },
            element: { streamed.elements.append($0) }
        )
        return streamed
    }

    /// Files that exercise what positions and the tape depend on: lines,
    /// CRLF, a byte order mark, comments, characters of several bytes,
    /// nesting, duplicate keys, a minified line, trailing commas.
    static let texts: [String] = [
        "{\"items\": [1, 2, 3]}",
        "{\n  \"name\": \"é\",\n  \"items\": [\n    { \"a\": 1, \"b\": [true, null] },\n    // between\n    \"😀x\",\n    [],\n    {},\n  ],\n  \"after\": { \"c\": 2 }\n}\n",
        "\u{FEFF}{\"items\":[{\"k\":\"日本語\"},{\"k\":\"ü\",\"k\":\"u\"}],\"z\":1}",
        "{\r\n\t\"items\": [\r\n\t\t{ \"x\": \"é\" },\r\n\t\t/* a\r\n\t\t block */ { \"y\": [1, [2, [3]]] }\r\n\t]\r\n}",
        "{\"a\": 1, \"a\": 2, \"items\": [{\"d\": 1, \"d\": 2}], \"items\": [9]}",
        "{\"items\": []}",
        "{\"items\": [\"\\\"]\", \"[{\", \"// not a comment\"], \"tail\": \"]\"}",
        // Lines longer than LineMap.longLine, inside an element and around it.
        "{\"items\": [1, {\"a\": \"" + String(repeating: "é", count: 3000) + "\", \"b\": [1, \"" + String(repeating: "x", count: 5000)
            + "\", 2]}, 3], \"z\": \"" + String(repeating: "ü", count: 2500) + "\"}",
    ]

    @Test("elements read as the whole document's, and the rest of the document is unchanged", arguments: texts)
    func elementsMatchTheWholeDocument(_ text: String) throws {
        let whole = try JSONCDocument.parse(text)
        let streamed = try Self.stream(text)
        let document = try #require(streamed.document)
        let array = try #require(whole.root["items"])
        #expect(streamed.asked.count == 1)
        #expect(streamed.elements.map(JSON.init) == array.elements.map(JSON.init))
        #expect(streamed.elements.map(\.offset) == array.elements.map(\.offset))
        #expect(streamed.elements.map(\.endOffset) == array.elements.map(\.endOffset))
        #expect(streamed.elements.map(\.sourceText) == array.elements.map(\.sourceText))
        // The array stays, without its elements; everything else reads the same.
        let kept = try #require(document.root["items"])
        #expect(kept.streamedCount == array.elements.count)
        #expect(kept.elements.isEmpty && kept.elements.count == 0)
        #expect(kept.offset == array.offset && kept.endOffset == array.endOffset)
        #expect(document.root.endOffset == whole.root.endOffset)
        #expect(document.root.members.map(\.key) == whole.root.members.map(\.key))
        #expect(document.root.members.map(\.keyOffset) == whole.root.members.map(\.keyOffset))
        for (member, expected) in zip(document.root.members, whole.root.members) where member.key != "items" {
            #expect(JSON(member.value) == JSON(expected.value))
        }
        #expect(document.duplicateKeys == whole.duplicateKeys)
        #expect(document.lineMap.lineCount == whole.lineMap.lineCount)
        // Each element's document lists the duplicate keys inside it.
        for element in streamed.elements {
            let inside = whole.duplicateKeys.filter { $0.offset >= element.offset && $0.offset < element.endOffset }
            #expect(element.document.duplicateKeys == inside)
        }
    }

    @Test("an element's document locates every byte as the whole document does", arguments: texts)
    func elementPositionsMatchTheWholeDocument(_ text: String) throws {
        let whole = try JSONCDocument.parse(text)
        let streamed = try Self.stream(text)
        let offsets = Array(PositionTests.naivePositions(text).keys.sorted())
        for element in streamed.elements {
            let map = element.document.lineMap
            var cursor = LineMap.Cursor(map)
            let inside = offsets.filter { $0 >= element.offset && $0 <= element.endOffset }
            for offset in inside {
                #expect(cursor.position(of: offset) == whole.lineMap.position(of: offset), "offset \(offset)")
            }
            // Backwards, and outside the element: slower, still right.
            for offset in inside.reversed() + offsets {
                #expect(cursor.position(of: offset) == whole.lineMap.position(of: offset), "offset \(offset)")
                #expect(map.position(of: offset) == whole.lineMap.position(of: offset), "offset \(offset)")
            }
        }
    }

    @Test func positionsOfElementsWorkedOutByHand() throws {
        // Line 3 is "  [1, {"; é is one column, 😀 one column, over 2 and 4 bytes.
        let text = "{\"é\": 0,\n\"items\":\n  [1, {\"😀\": [2,\n3]}, \"x\"]}"
        let streamed = try Self.stream(text)
        let starts = streamed.elements.map { $0.document.lineMap.position(of: $0.offset) }
        #expect(starts.map(\.line) == [3, 3, 4])
        #expect(starts.map(\.column) == [4, 7, 6])
        let inner = try #require(streamed.elements[1]["😀"]?.elements.map(\.offset))
        #expect(inner.map { streamed.elements[1].document.lineMap.position(of: $0).column } == [14, 1])
        #expect(streamed.document?.root["items"]?.streamedCount == 3)
    }

    @Test func elementsOfAMinifiedLineAreLocatedByColumn() throws {
        // 3000 elements on one line: each element's column is counted from
        // the previous one, and its map covers its own bytes only.
        let elements = (0..<3000).map { #"{"n":"é\#($0)"}"# }
        let text = #"{"items":["# + elements.joined(separator: ",") + "]}"
        let streamed = try Self.stream(text)
        #expect(streamed.elements.count == 3000)
        var expectedColumn = 11
        for (index, element) in streamed.elements.enumerated() {
            #expect(element.document.lineMap.position(of: element.offset) == (line: 1, column: expectedColumn))
            expectedColumn += elements[index].unicodeScalars.count + 1
        }
    }

    @Test func theTapeHoldsOneElementAtATime() throws {
        // 100 elements of 4 values each ({ "a": [x, y] } is the object, the
        // array, two numbers; keys are not values).
        let text = #"{"head": 1, "items": ["# + (0..<100).map { #"{"a": [\#($0), 0]}"# }.joined(separator: ", ") + #"], "tail": [1, 2]}"#
        let whole = try JSONCDocument.parse(text)
        let streamed = try Self.stream(text)
        #expect(whole.valueCount == 1 + 1 + 1 + 100 * 4 + 3)
        #expect(streamed.elements.allSatisfy { $0.document.valueCount == 4 })
        // Root, head, the array without its elements, tail and its two numbers.
        #expect(streamed.document?.valueCount == 6)
    }

    @Test func theRootSoFarHoldsTheMembersBeforeTheArray() throws {
        let text = #"{"brand": "b", "brand": "c", "n": {"x": 1, "x": 2}, "items": [1], "after": 2}"#
        let streamed = try Self.stream(text)
        let root = try #require(streamed.asked.first)
        #expect(JSON(root) == .obj(("brand", "b"), ("n", .obj(("x", 1)))))
        #expect(root.members.count == 2)
        #expect(root["after"] == nil && root["items"] == nil)
        #expect(root.document.duplicateKeys.map(\.key) == ["brand", "x"])
        #expect(root.document.lineMap.position(of: root["n"]?.offset ?? 0) == (line: 1, column: 35))
    }

    @Test func refusingKeepsTheArrayInTheDocument() throws {
        let text = #"{"items": [1, {"k": 2}], "z": 3}"#
        let streamed = try Self.stream(text, accept: false)
        let document = try #require(streamed.document)
        #expect(streamed.asked.count == 1)
        #expect(streamed.elements.isEmpty)
        #expect(JSON(document.root) == JSON(try JSONCDocument.parse(text).root))
        #expect(document.root["items"]?.streamedCount == nil)
        #expect(document.root["items"]?.elements.count == 2)
    }

    @Test("only the root object's first member of that name is streamed, and only an array", arguments: [
        (#"{"items": 1, "items": [2]}"#, 0, 0),
        (#"{"inner": {"items": [1]}, "list": [{"items": [2]}]}"#, 0, 0),
        (#"[{"items": [1]}]"#, 0, 0),
        (#"{"items": [1], "items": [2, 3]}"#, 1, 1),
        (#"{"it\u0065ms": [1, 2]}"#, 1, 2),
        (#"{"Items": [1], "items ": [2]}"#, 0, 0),
    ])
    func onlyTheFirstRootMember(text: String, asked: Int, elements: Int) throws {
        let streamed = try Self.stream(text)
        #expect(streamed.asked.count == asked)
        #expect(streamed.elements.count == elements)
        #expect(streamed.document?.duplicateKeys == (try JSONCDocument.parse(text)).duplicateKeys)
    }

    @Test func canonicallyEquivalentKeysAreTheKeyWhenTheDocumentSaysSo() throws {
        let text = "{\"caf\u{E9}\": [1], \"x\": 0}"
        let key = "cafe\u{301}"
        #expect(try Self.stream(text, key: key, keys: .codePoints).elements.isEmpty)
        #expect(try Self.stream(text, key: key, keys: .canonicalEquivalence).elements.count == 1)
    }

    @Test("a syntax error after elements were handed out is the whole document's error", arguments: [
        #"{"items": [1, {"a": 2}, {"b": }], "z": 1}"#,
        #"{"items": [1, 2], "z": tru}"#,
        #"{"items": [1, 2, {"a": [3]}"#,
        "{\"items\": [\n  1,\n  2,\n  \"open\n]}",
    ])
    func syntaxErrorsAreTheSame(text: String) throws {
        let expected = try #require(syntaxError(text))
        var handedOut = 0
        do {
            _ = try JSONCDocument.parse(Array(text.utf8), streaming: "items", shouldStream: { _ in true }, element: { _ in handedOut += 1 })
            Issue.record("expected \(expected)")
        } catch {
            #expect(error == expected)
        }
        #expect(handedOut >= 1)
    }

    @Test func elementsOutliveTheParse() throws {
        // An element kept after the parser moved on still reads as it was.
        let streamed = try Self.stream(#"{"items": [{"a": "x"}, {"a": "y"}, {"a": "z"}]}"#)
        #expect(streamed.elements.compactMap { $0["a"]?.string } == ["x", "y", "z"])
    }
}
