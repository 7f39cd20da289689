import Testing
@testable import JSONCReader

/// A key repeated in one object is not a syntax error: the document lists it,
/// and member iteration yields only the first occurrence. Keys are the same
/// when their code points are (RFC 8259 section 8.3).
@Suite("Duplicate keys")
struct DuplicateKeyTests {
    @Test func aRepeatedKeyIsListedAndTheFirstWins() throws {
        let text = #"{"a": 1, "b": 2, "a": 3}"#
        let document = try JSONCDocument.parse(text)
        #expect(document.duplicateKeys == [JSONCDuplicateKey(key: "a", offset: 17, firstOffset: 1)])
        #expect(JSON(document.root) == .obj(("a", 1), ("b", 2)))
        #expect(document.root.members.count == 2)
        #expect(document.root["a"]?.number?.int == 1)
        // The repeat's value is still on the tape: it counts as a value.
        #expect(document.valueCount == 4)
        #expect(document.root.sourceText == text)
    }

    @Test func everyRepeatPointsAtTheFirstOccurrence() throws {
        let document = try JSONCDocument.parse(#"{"k":1,"k":2,"k":3}"#)
        #expect(document.duplicateKeys == [
            JSONCDuplicateKey(key: "k", offset: 7, firstOffset: 1),
            JSONCDuplicateKey(key: "k", offset: 13, firstOffset: 1),
        ])
        #expect(JSON(document.root) == .obj(("k", 1)))
    }

    @Test func keysAreComparedAfterEscapesAreDecoded() throws {
        let document = try JSONCDocument.parse(#"{"a": 1, "\u0061": 2, "\u00e9": 3, "é": 4, "\/": 5, "/": 6}"#)
        #expect(document.duplicateKeys.map(\.key) == ["a", "é", "/"])
        #expect(JSON(document.root) == .obj(("a", 1), ("é", 3), ("/", 5)))
    }

    @Test func canonicallyEquivalentKeysAreStillDifferentKeys() throws {
        // "é" (U+00E9) and "e" + U+0301 look alike but are different code points.
        for text in [
            "{\"\u{E9}\": 1, \"e\u{301}\": 2}",
            #"{"\u00e9": 1, "e\u0301": 2}"#,
            "{\"\u{E9}\": 1, \"e\\u0301\": 2}",
        ] {
            let document = try JSONCDocument.parse(text)
            #expect(document.duplicateKeys.isEmpty, "\(text)")
            #expect(document.root.members.count == 2)
            #expect(document.root["\u{E9}"]?.number?.int == 1)
            #expect(document.root["e\u{301}"]?.number?.int == 2)
        }
    }

    @Test func manyKeysAreCheckedTheSameWayAsFewKeys() throws {
        // Objects with more than 16 keys take a hashed path: same answers.
        var members = (0..<40).map { "\"k\($0)\": \($0)" }
        members.insert(#""k3": "again""#, at: 30)
        members.insert(#""\u006b7": "escaped again""#, at: 35)
        members.append("\"\u{E9}\": 1")
        members.append("\"e\u{301}\": 2")
        let document = try JSONCDocument.parse("{" + members.joined(separator: ", ") + "}")
        #expect(document.duplicateKeys.map(\.key) == ["k3", "k7"])
        #expect(document.root.members.count == 42)
        #expect(document.root["k3"]?.number?.int == 3)
        #expect(document.root["k7"]?.number?.int == 7)
        #expect(document.duplicateKeys[0].firstOffset == offsetOfFirst(#""k3""#, in: document.bytes))
        #expect(document.duplicateKeys[1].firstOffset == offsetOfFirst(#""k7""#, in: document.bytes))
    }

    @Test func theSameKeyInDifferentObjectsIsNotADuplicate() throws {
        let document = try JSONCDocument.parse(#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}], "c": {"b": {"a": 4}}}"#)
        #expect(document.duplicateKeys.isEmpty)
    }

    @Test func duplicatesAreListedInDocumentOrder() throws {
        // The outer repeat comes first in the file although the inner object closes first.
        let text = """
            {
              "a": 1,
              "a": 2,
              "inner": { "b": 1, "b": 2 },
              "list": [ { "c": 1, "c": 2 } ]
            }
            """
        let document = try JSONCDocument.parse(text)
        #expect(document.duplicateKeys.map(\.key) == ["a", "b", "c"])
        #expect(document.duplicateKeys.map(\.offset) == document.duplicateKeys.map(\.offset).sorted())
        let lines = document.duplicateKeys.map { document.lineMap.position(of: $0.offset).line }
        #expect(lines == [3, 4, 5])
        let firstLines = document.duplicateKeys.map { document.lineMap.position(of: $0.firstOffset).line }
        #expect(firstLines == [2, 4, 5])
    }

    @Test func similarButDifferentKeysAreNotDuplicates() throws {
        let document = try JSONCDocument.parse(#"{"a": 1, "A": 2, "a ": 3, " a": 4, "ab": 5, "": 6, "a\u0000": 7}"#)
        #expect(document.duplicateKeys.isEmpty)
        #expect(document.root.members.count == 7)
    }

    @Test func emptyKeysCanRepeat() throws {
        let document = try JSONCDocument.parse(#"{"": 1, "": 2}"#)
        #expect(document.duplicateKeys == [JSONCDuplicateKey(key: "", offset: 8, firstOffset: 1)])
        #expect(document.root[""]?.number?.int == 1)
    }

    @Test func aDuplicateWithAContainerValueIsSkippedWhole() throws {
        let document = try JSONCDocument.parse(#"{"x": 1, "x": {"y": [1, 2, {"z": 3}]}, "w": 4}"#)
        #expect(JSON(document.root) == .obj(("x", 1), ("w", 4)))
        #expect(document.duplicateKeys.map(\.key) == ["x"])
    }

    @Test func duplicatesWithCommentsAndTrailingCommas() throws {
        let text = "{ /* first */ \"a\": 1, // second\n \"a\": 2, }"
        let document = try JSONCDocument.parse(text)
        let duplicate = try #require(document.duplicateKeys.first)
        #expect(duplicate.key == "a")
        #expect(document.lineMap.position(of: duplicate.offset) == (line: 2, column: 2))
        #expect(document.lineMap.position(of: duplicate.firstOffset) == (line: 1, column: 15))
    }

    // MARK: Canonical equivalence, when asked

    /// The UTF-8 bytes of each key: `String ==` would call "é" and "e\u{301}" equal.
    private static func bytes(_ duplicates: [JSONCDuplicateKey]) -> [[UInt8]] {
        duplicates.map { Array($0.key.utf8) }
    }

    @Test func canonicallyEquivalentKeysAreOneKeyWhenAsked() throws {
        // (text, offset of the second key's quote)
        for (text, offset) in [
            ("{\"\u{E9}\": 1, \"e\u{301}\": 2}", 10),
            (#"{"\u00e9": 1, "e\u0301": 2}"#, 14),
            ("{\"\u{E9}\": 1, \"e\\u0301\": 2}", 10),
        ] {
            let document = try JSONCDocument.parse(text, keys: .canonicalEquivalence)
            #expect(Self.bytes(document.duplicateKeys) == [Array("e\u{301}".utf8)], "\(text)")
            #expect(document.duplicateKeys.map(\.offset) == [offset])
            #expect(document.duplicateKeys.map(\.firstOffset) == [1])
            #expect(document.duplicateKeys.map(\.differsInCodePoints) == [true])
            // The first one wins; the second is skipped like any repeat.
            #expect(document.root.members.count == 1)
            #expect(document.root.members.map { Array($0.key.utf8) } == [Array("\u{E9}".utf8)])
            #expect(document.root["\u{E9}"]?.number?.int == 1)
            #expect(document.root["e\u{301}"] == nil)
        }
    }

    @Test func aKeyCanonicallyEqualToAnASCIIKeyIsTheSameKey() throws {
        // U+212A KELVIN SIGN is canonically "K"; U+037E GREEK QUESTION MARK is ";".
        let text = "{\"K\": 1, \";\": 2, \"\u{212A}\": 3, \"\u{37E}\": 4, \"k\": 5}"
        let document = try JSONCDocument.parse(text, keys: .canonicalEquivalence)
        #expect(Self.bytes(document.duplicateKeys) == [Array("\u{212A}".utf8), Array("\u{37E}".utf8)])
        #expect(document.duplicateKeys.map(\.firstOffset) == [1, 9])
        #expect(document.root.members.map { Array($0.key.utf8) } == [Array("K".utf8), Array(";".utf8), Array("k".utf8)])
        // By code points they are five keys.
        #expect(try JSONCDocument.parse(text).duplicateKeys.isEmpty)
    }

    @Test func aByteEqualRepeatDoesNotDifferInCodePoints() throws {
        let document = try JSONCDocument.parse("{\"\u{E9}\": 1, \"\u{E9}\": 2, \"a\": 3, \"a\": 4}", keys: .canonicalEquivalence)
        #expect(document.duplicateKeys == [
            JSONCDuplicateKey(key: "\u{E9}", offset: 10, firstOffset: 1),
            JSONCDuplicateKey(key: "a", offset: 27, firstOffset: 19),
        ])
        #expect(document.duplicateKeys.map(\.differsInCodePoints) == [false, false])
    }

    @Test func canonicalEquivalenceAmongManyKeysTakesTheHashedPath() throws {
        // More than 16 keys: the same answers as for few.
        var members = (0..<30).map { "\"k\($0)\": \($0)" }
        members.insert("\"caf\u{E9}\": 1", at: 5)
        members.insert("\"cafe\u{301}\": 2", at: 20)
        members.insert("\"k\u{301}\": 3", at: 25)     // k + a combining accent: not "k"
        members.append("\"\u{212A}0\": 4")             // KELVIN SIGN + 0 is "K0", not "k0"
        members.append("\"k3\": 5")
        let text = "{" + members.joined(separator: ", ") + "}"
        let document = try JSONCDocument.parse(text, keys: .canonicalEquivalence)
        #expect(Self.bytes(document.duplicateKeys) == [Array("cafe\u{301}".utf8), Array("k3".utf8)])
        #expect(document.duplicateKeys.map(\.differsInCodePoints) == [true, false])
        #expect(document.duplicateKeys[0].firstOffset == offsetOfFirst("\"caf\u{E9}\"", in: document.bytes))
        #expect(document.duplicateKeys[1].firstOffset == offsetOfFirst(#""k3""#, in: document.bytes))
        #expect(document.root.members.count == 33)
        // By code points, only the repeated "k3".
        #expect(try JSONCDocument.parse(text).duplicateKeys.map(\.key) == ["k3"])
    }

    @Test func subscriptComparesCodePoints() throws {
        let document = try JSONCDocument.parse("{\"e\u{301}\": 1, \"\u{E9}\": 2}")
        #expect(document.root["\u{E9}"]?.number?.int == 2)
        #expect(document.root["e\u{301}"]?.number?.int == 1)
        #expect(document.root["e"] == nil)
    }
}
