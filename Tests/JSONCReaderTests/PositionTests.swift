import Testing
@testable import JSONCReader

/// Byte offsets turned into 1-based lines and columns: lines end at LF,
/// columns count Unicode scalars, a leading byte order mark takes no column.
@Suite("Positions: LineMap and Cursor")
struct PositionTests {
    /// The position of every byte that starts a scalar, computed the slow,
    /// obvious way from the text.
    static func naivePositions(_ text: String) -> [Int: (line: Int, column: Int)] {
        var positions: [Int: (line: Int, column: Int)] = [:]
        var offset = 0, line = 1, column = 1
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "\u{FEFF}" {
            scalars = scalars.dropFirst()
            offset = 3
        }
        for scalar in scalars {
            positions[offset] = (line, column)
            offset += String(scalar).utf8.count
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        positions[offset] = (line, column)
        return positions
    }

    static let texts: [String] = [
        "{\"a\": [1, 2, 3]}",
        "{\n  \"a\": 1,\n  \"b\": [true, null]\n}\n",
        "{\r\n\t\"a\": \"é\",\r\n\t\"b\": \"😀x\"\r\n}\r\n",
        "\u{FEFF}{\n\"k\": \"日本語\"\n}",
        "// é comment 😀\n/* multi\n   line ü */ [\"ŝ\", 1]",
        "\n\n\n1\n\n",
        "[\"\u{301}e\u{301}\", \"\u{10FFFF}\"]",
    ]

    @Test("LineMap agrees with a naive count at every scalar", arguments: texts)
    func lineMapMatchesNaiveCount(_ text: String) throws {
        let document = try JSONCDocument.parse(text)
        let scanned = LineMap(scanning: Array(text.utf8))
        for (offset, expected) in Self.naivePositions(text) {
            let position = document.lineMap.position(of: offset)
            #expect(position == expected, "offset \(offset)")
            #expect(scanned.position(of: offset) == expected, "offset \(offset) (scanned)")
        }
        #expect(document.lineMap.lineCount == scanned.lineCount)
        #expect(document.lineMap.lineCount == text.utf8.filter { $0 == 0x0A }.count + 1)
    }

    @Test("a cursor asked in order agrees with LineMap", arguments: texts)
    func cursorInOrder(_ text: String) throws {
        let document = try JSONCDocument.parse(text)
        var cursor = LineMap.Cursor(document.lineMap)
        for offset in Self.naivePositions(text).keys.sorted() {
            #expect(cursor.position(of: offset) == document.lineMap.position(of: offset), "offset \(offset)")
        }
    }

    @Test("a cursor asked out of order is still right", arguments: texts)
    func cursorOutOfOrder(_ text: String) throws {
        let document = try JSONCDocument.parse(text)
        var cursor = LineMap.Cursor(document.lineMap)
        let offsets = Self.naivePositions(text).keys.sorted()
        // Backwards, then a deterministic zigzag, then twice the same offset.
        var order = Array(offsets.reversed())
        for step in 0..<offsets.count {
            order.append(offsets[(step * 7) % offsets.count])
        }
        order += [offsets[offsets.count / 2], offsets[offsets.count / 2]]
        for offset in order {
            #expect(cursor.position(of: offset) == document.lineMap.position(of: offset), "offset \(offset)")
        }
    }

    @Test func valuesKnowWhereTheyAre() throws {
        let text = """
            {
            \t"name": "Zoë",
              "stages": [ "lead",
                "closing" ],
              "日本": 3
            }
            """
        let document = try JSONCDocument.parse(text)
        let map = document.lineMap
        let root = document.root
        #expect(map.position(of: root.offset) == (line: 1, column: 1))
        let members = Array(root.members)
        #expect(map.position(of: members[0].keyOffset) == (line: 2, column: 2))
        #expect(map.position(of: members[0].value.offset) == (line: 2, column: 10))
        #expect(map.position(of: members[1].keyOffset) == (line: 3, column: 3))
        let stages = Array(members[1].value.elements)
        #expect(map.position(of: stages[0].offset) == (line: 3, column: 15))
        #expect(map.position(of: stages[1].offset) == (line: 4, column: 5))
        #expect(map.position(of: members[1].value.endOffset) == (line: 4, column: 16))
        #expect(map.position(of: members[2].keyOffset) == (line: 5, column: 3))
        #expect(map.position(of: members[2].value.offset) == (line: 5, column: 9))
        #expect(map.position(of: root.endOffset - 1) == (line: 6, column: 1))
        #expect(map.position(of: text.utf8.count) == (line: 6, column: 2))
    }

    @Test func tabsAndCarriageReturnsAreOneColumnEach() {
        expectRejected("\t\t[x]", line: 1, column: 4, message: "found 'x'")
        expectRejected("[1,\r\n\t\tx]", line: 2, column: 3, message: "found 'x'")
        expectRejected("[1, \r x]", line: 1, column: 7, message: "found 'x'")
    }

    @Test func crlfFilesCountLinesAtTheLineFeed() throws {
        let text = "[\r\n1,\r\n2,\r\nx]"
        expectRejected(text, line: 4, column: 1, message: "found 'x'")
        let document = try JSONCDocument.parse("[\r\n1,\r\n2\r\n]")
        let elements = Array(document.root.elements)
        #expect(document.lineMap.position(of: elements[0].offset) == (line: 2, column: 1))
        #expect(document.lineMap.position(of: elements[1].offset) == (line: 3, column: 1))
        #expect(document.lineMap.lineCount == 4)
    }

    @Test func linesAreCountedThroughBlockComments() {
        expectRejected("/*\n\n\n*/ x", line: 4, column: 4, message: "found 'x'")
        expectRejected("/* a\r\n b\r\n */\r\n[x]", line: 4, column: 2, message: "found 'x'")
        expectRejected("// a\n// b\n  x", line: 3, column: 3)
    }

    @Test func errorsInsideLongLinesAreLocated() {
        let prefix = "[" + String(repeating: "\"é\", ", count: 20_000)
        // Each element is `"é", ` = 5 scalars; the x comes after 1 + 100,000 scalars.
        expectRejected(prefix + "x]", line: 1, column: 100_002, message: "found 'x'")
        expectRejected("\n" + prefix + "\"\u{1}\"]", line: 2, column: 100_003, message: "the control character U+0001")
    }

    @Test func cursorOnALongSingleLineDocument() throws {
        let count = 50_000
        let text = "[" + (0..<count).map { $0 % 3 == 0 ? "\"ü\($0)\"" : "\($0)" }.joined(separator: ",") + "]"
        let document = try JSONCDocument.parse(text)
        var cursor = LineMap.Cursor(document.lineMap)
        var expectedColumn = 2
        var mismatches = 0
        for element in document.root.elements {
            let position = cursor.position(of: element.offset)
            if position.line != 1 || position.column != expectedColumn { mismatches += 1 }
            // The element's scalars, then the comma.
            expectedColumn += element.sourceText.unicodeScalars.count + 1
        }
        #expect(mismatches == 0)
        #expect(document.lineMap.position(of: document.root.endOffset - 1) == (line: 1, column: expectedColumn - 1))
    }

    @Test func cursorAfterAByteOrderMark() throws {
        let text = "\u{FEFF}[1,\n2]"
        let document = try JSONCDocument.parse(text)
        var cursor = LineMap.Cursor(document.lineMap)
        #expect(cursor.position(of: 3) == (line: 1, column: 1))
        #expect(cursor.position(of: 4) == (line: 1, column: 2))
        #expect(cursor.position(of: 7) == (line: 2, column: 1))
        #expect(cursor.position(of: 3) == (line: 1, column: 1))
        // A fresh cursor whose first question is past the first line.
        var fresh = LineMap.Cursor(document.lineMap)
        #expect(fresh.position(of: 8) == (line: 2, column: 2))
        #expect(fresh.position(of: 4) == (line: 1, column: 2))
    }

    @Test func positionAtTheEndOfTheFile() throws {
        let document = try JSONCDocument.parse("[1]\n")
        #expect(document.lineMap.position(of: 4) == (line: 2, column: 1))
        #expect(document.lineMap.position(of: 3) == (line: 1, column: 4))
        var cursor = LineMap.Cursor(document.lineMap)
        #expect(cursor.position(of: 4) == (line: 2, column: 1))
    }

    @Test func scanningMapWorksForTextThatIsNotJSON() {
        let map = LineMap(scanning: Array("not json\nat all: é\n".utf8))
        #expect(map.lineCount == 3)
        #expect(map.position(of: 9) == (line: 2, column: 1))
        #expect(map.position(of: 17) == (line: 2, column: 9))
        #expect(map.position(of: 20) == (line: 3, column: 1))
    }

    @Test func errorPositionOnTheLastLineWithoutNewline() {
        expectRejected("[\n1,\n2,\n", line: 1, column: 1, message: "never closed")
        expectRejected("{\"a\":\n\n", line: 3, column: 1, message: "expected a value, found the end of the file")
    }
}
