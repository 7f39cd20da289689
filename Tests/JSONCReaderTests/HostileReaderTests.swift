import Testing
@testable import JSONCReader

/// Input a pull request can contain, at the reader's level: huge, deep,
/// wide, on one line, not text at all. Each ends quickly with a located
/// error or a correct reading; positions stay exact and cheap in any order.
/// Also the regression tests for what fuzzing found (FuzzTesting/).
@Suite("Hostile input to the reader")
struct HostileReaderTests {
    /// Line and column of `offset` the slow, obvious way, for a few offsets.
    static func naivePosition(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        for index in 0..<offset where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        return (line, 1 + bytes[min(lineStart, offset)..<offset].filter { $0 & 0xC0 != 0x80 }.count)
    }

    // MARK: Depth

    @Test func nestingAHundredThousandDeepOfEveryKindIsRefusedAtLevel513() {
        for (open, close) in [("[", "]"), (#"{"":"#, "}"), (#"[{"k":"#, "}]")] {
            let text = String(repeating: open, count: 100_000 / open.count + 1) + "0" + String(repeating: close, count: 100_000 / open.count + 1)
            let error = syntaxError(text)
            #expect(error?.message.contains("nested more than 512 levels deep") == true, "\(open): \(String(describing: error))")
            #expect(error?.line == 1)
        }
    }

    @Test func aDeepDocumentAllowedByAHighLimitIsWalkedWithoutRecursion() throws {
        // endOffset and sourceText walk the chain of last children: iteratively.
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        let document = try JSONCDocument.parse(text, maximumDepth: depth)
        #expect(document.root.endOffset == text.utf8.count)
        #expect(document.root.sourceText.utf8.count == text.utf8.count)
        var value = document.root
        for _ in 0..<(depth / 2) { value = value.firstElement! }
        #expect(value.offset == depth / 2)
        #expect(value.endOffset == depth / 2 + 2 * (depth - depth / 2) + 1)
        #expect(value.sourceText == String(repeating: "[", count: depth - depth / 2) + "1" + String(repeating: "]", count: depth - depth / 2))
    }

    // MARK: Size

    @Test func aFiftyMegabyteStringIsReadInFull() throws {
        let content = String(repeating: "Zoë ", count: 50_000_000 / 5)
        let bytes = Array(#"{"name": ""#.utf8) + Array(content.utf8) + Array(#"", "after": 1}"#.utf8)
        let document = try JSONCDocument.parse(bytes)
        let name = try #require(document.root["name"])
        #expect(name.string?.utf8.count == content.utf8.count)
        #expect(name.string == content)
        #expect(name.endOffset == 10 + content.utf8.count + 1)
        let after = try #require(document.root["after"])
        // Columns count characters: "Zoë " is 4 characters in 5 bytes.
        #expect(document.lineMap.position(of: after.offset) == (1, 1 + 10 + content.unicodeScalars.count + 12))
        var cursor = LineMap.Cursor(document.lineMap)
        #expect(cursor.position(of: after.offset) == document.lineMap.position(of: after.offset))
    }

    @Test func aFiftyMegabyteStringOfEscapesIsDecoded() throws {
        let count = 10_000_000
        let bytes = Array("[\"".utf8) + Array(repeating: Array(#"\n\u00e9"#.utf8), count: count / 10).flatMap { $0 } + Array("\"]".utf8)
        let document = try JSONCDocument.parse(bytes)
        let text = try #require(document.root.firstElement?.string)
        #expect(text == String(repeating: "\né", count: count / 10))
    }

    /// A minified array of many small objects on one 10 MB line.
    static let longLine: [UInt8] = {
        var text = "["
        for index in 0..<200_000 {
            if index > 0 { text += "," }
            text += #"{"id":"t\#(index)","é":[\#(index),true,null],"name":"Zoë"}"#
        }
        return Array((text + "]").utf8)
    }()

    @Test func positionsOnAMegabytesLongLineAreExactInAnyOrder() throws {
        let bytes = Self.longLine
        #expect(bytes.count > 10_000_000 && !bytes.contains(0x0A))
        let document = try JSONCDocument.parse(bytes)
        let objects = Array(document.root.elements)
        #expect(objects.count == 200_000)
        // Every value, backwards, each straight from the map: linear only if
        // a position does not cost the length of the line before it.
        let positions = objects.reversed().map { document.lineMap.position(of: $0.offset) }
        #expect(positions.allSatisfy { $0.line == 1 })
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0.column > $1.column })
        // A cursor jumping back and forth gives the same answers.
        var cursor = LineMap.Cursor(document.lineMap)
        for index in stride(from: 0, to: objects.count, by: 997) {
            let forward = objects[index], backward = objects[objects.count - 1 - index]
            #expect(cursor.position(of: forward.offset) == document.lineMap.position(of: forward.offset))
            #expect(cursor.position(of: backward.offset) == document.lineMap.position(of: backward.offset))
        }
        // And both agree with the slow count, at a few places (é and ë take two bytes, one column).
        for index in [0, 1, 4_095, 100_000, 199_999] {
            let value = objects[index]["é"]!.firstElement!
            let expected = Self.naivePosition(of: value.offset, in: bytes)
            #expect(document.lineMap.position(of: value.offset) == expected)
            #expect(cursor.position(of: value.offset) == expected)
        }
    }

    @Test func everyDuplicateOfAKeyRepeatedOnOneLongLineIsLocated() throws {
        // What the loader does for each duplicate: two positions, in no useful order.
        let count = 100_000
        let text = "{" + (0..<count).map { #""key": \#($0)"# }.joined(separator: ",") + "}"
        let bytes = Array(text.utf8)
        let document = try JSONCDocument.parse(bytes)
        #expect(document.duplicateKeys.count == count - 1)
        #expect(document.root.members.count == 1)
        #expect(document.root["key"]?.number?.int == 0)
        var columns: [Int] = []
        var firstPositions: [Int] = []
        for duplicate in document.duplicateKeys {
            columns.append(document.lineMap.position(of: duplicate.offset).column)
            let first = document.lineMap.position(of: duplicate.firstOffset)
            firstPositions.append(first.line * 1_000 + first.column)
        }
        #expect(firstPositions.allSatisfy { $0 == 1_002 })
        #expect(columns == columns.sorted() && Set(columns).count == columns.count)
        #expect(columns.last == Self.naivePosition(of: document.duplicateKeys.last!.offset, in: bytes).column)
    }

    @Test func aHundredThousandDistinctKeysAreNoDuplicates() throws {
        let text = "{" + (0..<100_000).map { #""k\#($0)": \#($0)"# }.joined(separator: ",\n") + "}"
        let document = try JSONCDocument.parse(text)
        #expect(document.duplicateKeys.isEmpty)
        #expect(document.root.members.count == 100_000)
        #expect(document.root["k99999"]?.number?.int == 99_999)
        #expect(document.lineMap.position(of: document.root["k99999"]!.offset) == (100_000, 11))
    }

    @Test func keysThatDifferOnlyByNormalisationAreDistinctAmongManyKeys() throws {
        // More than 16 keys: the hashed path. "é" (U+00E9) and "e" + U+0301.
        let keys = ["\u{E9}", "e\u{301}"] + (0..<20).map { "k\($0)" } + ["\\u00e9"]
        let text = "{" + keys.map { #""\#($0)": 1"# }.joined(separator: ",") + "}"
        let document = try JSONCDocument.parse(text)
        #expect(document.duplicateKeys.map(\.key) == ["\u{E9}"])
        #expect(document.root.members.count == 22)
    }

    @Test func aHundredThousandKeysComparedByCanonicalEquivalence() throws {
        // Each key written once composed (U+00E9) and once decomposed (e + U+0301):
        // every second one is a repeat, found in one pass.
        let count = 50_000
        let keys = (0..<count).flatMap { ["k\($0)\u{E9}", "k\($0)e\u{301}"] }
        let text = "{" + keys.map { #""\#($0)": 1"# }.joined(separator: ",\n") + "}"
        let document = try JSONCDocument.parse(text, keys: .canonicalEquivalence)
        #expect(document.duplicateKeys.count == count)
        #expect(document.duplicateKeys.allSatisfy { $0.differsInCodePoints })
        #expect(document.root.members.count == count)
        let last = try #require(document.duplicateKeys.last)
        #expect(document.lineMap.position(of: last.offset) == (2 * count, 1))
        #expect(document.lineMap.position(of: last.firstOffset) == (2 * count - 1, 1))
    }

    // MARK: Bytes that are not text

    @Test("invalid UTF-8 is located wherever it is", arguments: [
        // (text with @ for the raw byte, the byte, the message)
        (#"{"ke@y": 1}"#, 0xFF as UInt8, "byte 0xFF cannot start a character"),
        (#"{"key": "val@ue"}"#, 0x80, "byte 0x80 cannot start a character"),
        ("// comment @\n1", 0xC0, "overlong"),
        ("/* comment\n @ */ 1", 0xFE, "byte 0xFE cannot start a character"),
        (#"{"key": @1}"#, 0xE9, "expected a value, found byte 0xE9"),
        (#"[1, 2]@"#, 0xF5, "expected the end of the file after the top-level value, found byte 0xF5"),
        (#"["abc@"#, 0xE2, "the file ends inside a 3-byte character"),
    ])
    func invalidUTF8(_ row: (String, UInt8, String)) throws {
        let parts = row.0.split(separator: "@", omittingEmptySubsequences: false)
        let bytes = Array(parts[0].utf8) + [row.1] + Array(parts[1].utf8)
        let error = try #require(syntaxError(bytes))
        #expect(error.offset == parts[0].utf8.count, "\(error)")
        #expect(error.message.contains(row.2), "\(error)")
        let expected = Self.naivePosition(of: error.offset, in: bytes)
        #expect((error.line, error.column) == expected)
    }

    @Test func nulBytesAreRefusedAndNamed() throws {
        for (bytes, offset, message) in [
            ([0x00] as [UInt8], 0, "expected a value, found a NUL byte (U+0000)"),
            (Array(#"["a"#.utf8) + [0x00] + Array(#""]"#.utf8), 3, "a string cannot contain a NUL byte (U+0000)"),
            (Array("[1,".utf8) + [0x00] + Array("]".utf8), 3, "found a NUL byte"),
            (Array("// x".utf8) + [0x00] + Array("\n1".utf8), 4, "a comment cannot contain a NUL byte"),
        ] {
            let error = try #require(syntaxError(bytes))
            #expect(error.offset == offset && error.message.contains(message), "\(error)")
        }
        // Escaped, a NUL is a character like any other.
        #expect(try JSONCDocument.parse(#"["a\u0000b"]"#).root.firstElement?.string == "a\u{0}b")
    }

    @Test func aByteOrderMarkIsAllowedAtTheStartOnly() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        #expect(try JSONCDocument.parse(bom + Array("[1]".utf8)).root.elements.count == 1)
        let inside = try JSONCDocument.parse(Array(#"[""#.utf8) + bom + Array(#""]"#.utf8))
        #expect(inside.root.firstElement?.string == "\u{FEFF}")
        for bytes in [Array("[1,".utf8) + bom + Array("2]".utf8), bom + bom + Array("1".utf8), Array("1".utf8) + bom] {
            let error = try #require(syntaxError(bytes))
            #expect(error.message.contains("a byte order mark (U+FEFF), which is allowed only at the very start of the file"), "\(error)")
        }
    }

    @Test func emptyAndBlankFilesHaveNoValue() throws {
        for text in ["", "   ", "\n\n", "// only a comment", "/* */", "\u{FEFF}"] {
            let error = try #require(syntaxError(text))
            #expect(error.message == "expected a JSON value, found the end of the file", "\(text.debugDescription): \(error)")
        }
    }

    // MARK: Numbers

    @Test func extremeNumbersAreReadSensibly() throws {
        let document = try JSONCDocument.parse("[1e999999, -1e999999, -0, 12345678901234567891, 1e-400, -0.0, 18446744073709551616]")
        let numbers = document.root.elements.map { $0.number! }
        #expect(numbers[0].fidelity == .overflow && numbers[0].double == .infinity)
        #expect(numbers[1].fidelity == .overflow && numbers[1].double == -.infinity)
        #expect(numbers[2].fidelity == .exact && numbers[2].double == 0 && numbers[2].double.sign == .minus && numbers[2].int == 0)
        #expect(numbers[3].fidelity == .rounded && numbers[3].int == nil && numbers[3].text == "12345678901234567891")
        #expect(numbers[4].fidelity == .underflow && numbers[4].double == 0)
        #expect(numbers[5].fidelity == .exact && numbers[5].double.sign == .minus)
        #expect(numbers[6].fidelity == .exact, "2^64 is a Double exactly")
    }

    @Test func aNumberOfTenMillionDigitsIsReadInLinearTime() throws {
        for text in [
            "1" + String(repeating: "0", count: 10_000_000),
            "0." + String(repeating: "0", count: 10_000_000) + "1",
            "1e" + String(repeating: "9", count: 10_000_000),
            "9007199254740993" + String(repeating: "0", count: 250) + "e-250",
        ] {
            let number = try #require(JSONCDocument.parse(text).root.number)
            #expect(number.text.utf8.count == text.utf8.count)
            _ = number.fidelity
            _ = number.double
        }
    }
}

extension JSONCValue {
    /// The first element of an array (`elements` is a sequence, without `first`).
    fileprivate var firstElement: JSONCValue? {
        var iterator = elements.makeIterator()
        return iterator.next()
    }
}
