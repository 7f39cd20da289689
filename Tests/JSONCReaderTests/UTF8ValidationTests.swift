import Testing
@testable import JSONCReader

/// UTF-8 is validated everywhere it may appear (strings, keys, comments) per
/// RFC 3629; outside strings and comments any non-ASCII byte is an error.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    /// A well-formed sequence and the scalar it encodes: the edges of each
    /// length and of the ranges RFC 3629 carves out.
    struct Valid: Sendable, CustomTestStringConvertible {
        let raw: [UInt8]
        let scalar: UInt32
        var testDescription: String { "U+" + String(scalar, radix: 16, uppercase: true) }
    }

    static let valid: [Valid] = [
        Valid(raw: [0xC2, 0x80], scalar: 0x80),
        Valid(raw: [0xDF, 0xBF], scalar: 0x7FF),
        Valid(raw: [0xE0, 0xA0, 0x80], scalar: 0x800),
        Valid(raw: [0xE0, 0xBF, 0xBF], scalar: 0xFFF),
        Valid(raw: [0xE1, 0x80, 0x80], scalar: 0x1000),
        Valid(raw: [0xEC, 0xBF, 0xBF], scalar: 0xCFFF),
        Valid(raw: [0xED, 0x80, 0x80], scalar: 0xD000),
        Valid(raw: [0xED, 0x9F, 0xBF], scalar: 0xD7FF),
        Valid(raw: [0xEE, 0x80, 0x80], scalar: 0xE000),
        Valid(raw: [0xEF, 0xBB, 0xBF], scalar: 0xFEFF),
        Valid(raw: [0xEF, 0xBF, 0xBD], scalar: 0xFFFD),
        Valid(raw: [0xEF, 0xBF, 0xBF], scalar: 0xFFFF),
        Valid(raw: [0xF0, 0x90, 0x80, 0x80], scalar: 0x10000),
        Valid(raw: [0xF0, 0xBF, 0xBF, 0xBF], scalar: 0x3FFFF),
        Valid(raw: [0xF1, 0x80, 0x80, 0x80], scalar: 0x40000),
        Valid(raw: [0xF3, 0xBF, 0xBF, 0xBF], scalar: 0xFFFFF),
        Valid(raw: [0xF4, 0x80, 0x80, 0x80], scalar: 0x100000),
        Valid(raw: [0xF4, 0x8F, 0xBF, 0xBF], scalar: 0x10FFFF),
    ]

    @Test("well-formed sequences are accepted in strings, keys and comments", arguments: valid)
    func acceptsWellFormed(_ sequence: Valid) throws {
        let expected = String(Unicode.Scalar(sequence.scalar)!)
        #expect(try decodedString([0x22] + sequence.raw + [0x22]) == expected)
        #expect(try decodedString([0x22, 0x61] + sequence.raw + [0x62, 0x22]) == "a" + expected + "b")

        let object = try JSONCDocument.parse([0x7B, 0x22] + sequence.raw + Array(#"": 1}"#.utf8))
        #expect(object.root.members.map(\.key) == [expected])

        let lineComment = try JSONCDocument.parse(Array("// ".utf8) + sequence.raw + Array("\n2".utf8))
        #expect(lineComment.root.number?.int == 2)
        let blockComment = try JSONCDocument.parse(Array("/*".utf8) + sequence.raw + Array("*/3".utf8))
        #expect(blockComment.root.number?.int == 3)
    }

    /// An ill-formed sequence and the words its message must use.
    struct Invalid: Sendable, CustomTestStringConvertible {
        let name: String
        let raw: [UInt8]
        let message: String
        var testDescription: String { name }
    }

    static let invalid: [Invalid] = [
        Invalid(name: "lone continuation byte 0x80", raw: [0x80], message: "byte 0x80 cannot start a character: it is a continuation byte, with no lead byte before it"),
        Invalid(name: "lone continuation byte 0xBF", raw: [0xBF], message: "byte 0xBF cannot start a character"),
        Invalid(name: "two continuation bytes", raw: [0x80, 0xBF], message: "byte 0x80 cannot start a character"),
        Invalid(name: "overlong NUL (C0 80)", raw: [0xC0, 0x80], message: "byte 0xC0 cannot start a character: it can only start an overlong encoding"),
        Invalid(name: "overlong 2-byte (C1 BF)", raw: [0xC1, 0xBF], message: "overlong"),
        Invalid(name: "overlong 3-byte (E0 80 80)", raw: [0xE0, 0x80, 0x80], message: "byte 0xE0 is not valid because it is an overlong encoding"),
        Invalid(name: "overlong 3-byte (E0 9F BF)", raw: [0xE0, 0x9F, 0xBF], message: "overlong"),
        Invalid(name: "overlong 4-byte (F0 80 80 80)", raw: [0xF0, 0x80, 0x80, 0x80], message: "overlong"),
        Invalid(name: "overlong 4-byte (F0 8F BF BF)", raw: [0xF0, 0x8F, 0xBF, 0xBF], message: "overlong"),
        Invalid(name: "surrogate U+D800 (ED A0 80)", raw: [0xED, 0xA0, 0x80], message: "it would encode a UTF-16 surrogate"),
        Invalid(name: "surrogate U+DFFF (ED BF BF)", raw: [0xED, 0xBF, 0xBF], message: "surrogate"),
        Invalid(name: "CESU-8 surrogate pair", raw: [0xED, 0xA0, 0xBD, 0xED, 0xB2, 0xA9], message: "surrogate"),
        Invalid(name: "U+110000 (F4 90 80 80)", raw: [0xF4, 0x90, 0x80, 0x80], message: "it would encode a value above U+10FFFF"),
        Invalid(name: "F4 BF BF BF", raw: [0xF4, 0xBF, 0xBF, 0xBF], message: "above U+10FFFF"),
        Invalid(name: "lead F5", raw: [0xF5, 0x80, 0x80, 0x80], message: "byte 0xF5 cannot start a character: it would start a value above U+10FFFF"),
        Invalid(name: "lead F7", raw: [0xF7, 0xBF, 0xBF, 0xBF], message: "above U+10FFFF"),
        Invalid(name: "5-byte form (F8)", raw: [0xF8, 0x88, 0x80, 0x80, 0x80], message: "byte 0xF8 cannot start a character: it never occurs in UTF-8"),
        Invalid(name: "6-byte form (FC)", raw: [0xFC, 0x84, 0x80, 0x80, 0x80, 0x80], message: "never occurs"),
        Invalid(name: "byte FE", raw: [0xFE], message: "byte 0xFE"),
        Invalid(name: "byte FF", raw: [0xFF], message: "byte 0xFF"),
        Invalid(name: "2-byte cut short", raw: [0xC3, 0x41], message: "the 2-byte character starting with byte 0xC3 is cut short by 'A'"),
        Invalid(name: "3-byte cut short after 1", raw: [0xE2, 0x41], message: "the 3-byte character starting with byte 0xE2 is cut short"),
        Invalid(name: "3-byte cut short after 2", raw: [0xE2, 0x82, 0x41], message: "is cut short by 'A'"),
        Invalid(name: "4-byte cut short after 3", raw: [0xF0, 0x9F, 0x98, 0x41], message: "the 4-byte character starting with byte 0xF0 is cut short"),
        Invalid(name: "lead cut short by another character", raw: [0xC3, 0xC3, 0xA9], message: "is cut short by 'é' (U+00E9)"),
        Invalid(name: "Latin-1 e-acute", raw: [0xE9, 0x74, 0xE9], message: "byte 0xE9 is cut short"),
    ]

    @Test("ill-formed sequences are refused at their first byte, in a string", arguments: invalid)
    func refusesInString(_ sequence: Invalid) {
        expectRejected(Array(#"["ab"#.utf8) + sequence.raw + Array(#"z"]"#.utf8), line: 1, column: 5, message: sequence.message)
    }

    @Test("ill-formed sequences are refused at their first byte, in a key", arguments: invalid)
    func refusesInKey(_ sequence: Invalid) {
        expectRejected(Array(#"{"é"#.utf8) + sequence.raw + Array(#"z": 1}"#.utf8), line: 1, column: 4, message: sequence.message)
    }

    @Test("ill-formed sequences are refused at their first byte, in a line comment", arguments: invalid)
    func refusesInLineComment(_ sequence: Invalid) {
        expectRejected(Array("1\n// ".utf8) + sequence.raw + Array("z\n".utf8), line: 2, column: 4, message: sequence.message)
    }

    @Test("ill-formed sequences are refused at their first byte, in a block comment", arguments: invalid)
    func refusesInBlockComment(_ sequence: Invalid) {
        expectRejected(Array("/*\n😀 ".utf8) + sequence.raw + Array("z */ 1".utf8), line: 2, column: 3, message: sequence.message)
    }

    @Test("ill-formed sequences are refused outside strings too", arguments: invalid)
    func refusesBetweenTokens(_ sequence: Invalid) {
        expectRejected([0x5B] + sequence.raw + [0x5D], line: 1, column: 2, message: "expected a value, found byte 0x")
        expectRejected([0x5B, 0x31, 0x20] + sequence.raw + [0x5D], line: 1, column: 4, message: "not valid UTF-8")
    }

    @Test func fileEndingInsideACharacterSaysSo() {
        expectRejected([0x22, 0xC3], line: 1, column: 2, message: "invalid UTF-8: the file ends inside a 2-byte character")
        expectRejected([0x22, 0xE2, 0x82], line: 1, column: 2, message: "the file ends inside a 3-byte character")
        expectRejected([0x22, 0xF0, 0x9F, 0x98], line: 1, column: 2, message: "the file ends inside a 4-byte character")
        expectRejected(Array("1 // ".utf8) + [0xF0, 0x9F], line: 1, column: 6, message: "the file ends inside a 4-byte character")
        // A quote after a cut sequence is not the end of the file: the message must not claim it is.
        let error = syntaxError([0x22, 0xE2, 0x22])
        #expect(error?.message == #"invalid UTF-8: the 3-byte character starting with byte 0xE2 is cut short by '"'"#)
        #expect(error?.column == 2)
    }

    @Test func validNonASCIIOutsideStringsIsNamed() {
        expectRejected("[é]", line: 1, column: 2, message: "expected a value, found 'é' (U+00E9)")
        expectRejected("[\u{A0}1]", line: 1, column: 2, message: "(U+00A0)")
        expectRejected("\u{3000}1", line: 1, column: 1, message: "(U+3000)")
        expectRejected("[1\u{2060}]", line: 1, column: 3, message: "expected ',' or ']' after an array element, found '\u{2060}' (U+2060)")
        expectRejected("[1,\u{200B}2]", line: 1, column: 4, message: "(U+200B)")
        expectRejected("{\"a\"\u{FF1A} 1}", line: 1, column: 5, message: "expected ':' after the key, found '：' (U+FF1A)")
        expectRejected("“a”", line: 1, column: 1, message: "'“' (U+201C)")
        expectRejected("😀", line: 1, column: 1, message: "(U+1F600)")
    }

    @Test func columnsAfterMultiByteCharactersCountScalars() {
        // [ " é 😀 日 " , ␠ " ✗ : the bad byte is the tenth scalar of the line.
        expectRejected(Array(#"["é😀日", ""#.utf8) + [0xFF] + Array(#""]"#.utf8), line: 1, column: 10, message: "byte 0xFF")
        expectRejected(Array("{\n  \"日本語\": \"".utf8) + [0xC0, 0xAF] + Array("\"}".utf8), line: 2, column: 11, message: "byte 0xC0")
    }

    // Byte streams that are not UTF-8 at all.
    @Test func otherEncodingsAreRefusedAtTheirFirstByte() {
        expectRejected([0xFF, 0xFE, 0x5B, 0x00, 0x5D, 0x00], line: 1, column: 1, message: "byte 0xFF") // UTF-16LE with BOM
        expectRejected([0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D], line: 1, column: 1, message: "byte 0xFE") // UTF-16BE with BOM
        expectRejected([0x00, 0x5B, 0x00, 0x5D], line: 1, column: 1, message: "a NUL byte") // UTF-16BE
        expectRejected([0x5B, 0x00, 0x5D, 0x00], line: 1, column: 2, message: "a NUL byte") // UTF-16LE
        expectRejected([0x00, 0x00, 0xFE, 0xFF], line: 1, column: 1, message: "a NUL byte") // UTF-32BE BOM
        expectRejected([0x5B, 0x22, 0xE9, 0x22, 0x5D], line: 1, column: 3, message: "byte 0xE9") // Latin-1
    }

    // The JSONTestSuite leaves these `i_` cases to each parser; this reader refuses them all.
    @Test func implementationDefinedCasesAreRefused() {
        expectRejected(bytes(#"["\#u{FFFD}"]"#, raw: [0xED, 0xA0, 0x80]), line: 1, column: 3, message: "surrogate") // i_string_UTF8_surrogate_U+D800
        expectRejected(bytes(#"["\#u{FFFD}"]"#, raw: [0xFC, 0x83, 0xBF, 0xBF, 0xBF, 0xBF]), line: 1, column: 3) // i_string_overlong_sequence_6_bytes
        expectRejected(bytes(#"["\#u{FFFD}"]"#, raw: [0xC0, 0xAF]), line: 1, column: 3, message: "overlong") // i_string_overlong_sequence_2_bytes
        expectRejected(bytes(#"["\#u{FFFD}"]"#, raw: [0xF4, 0xBF, 0xBF, 0xBF]), line: 1, column: 3, message: "above U+10FFFF") // i_string_not_in_unicode_range
        expectRejected(bytes(#"["\#u{FFFD}"]"#, raw: [0x81]), line: 1, column: 3, message: "byte 0x81") // i_string_lone_utf8_continuation_byte
        expectRejected(bytes(#"["\#u{FFFD}"]"#, raw: [0xE0, 0xFF]), line: 1, column: 3, message: "cut short by byte 0xFF") // i_string_truncated-utf-8
        expectRejected(bytes(#"["日ш\#u{FFFD}"]"#, raw: [0xFA]), line: 1, column: 5, message: "byte 0xFA") // i_string_UTF-8_invalid_sequence
        expectRejected(#"{"\uDFAA":0}"#, line: 1, column: 3, message: "lone low surrogate") // i_object_key_lone_2nd_surrogate
        expectRejected(#"["\uD800\n"]"#, line: 1, column: 3, message: "lone high surrogate") // i_string_1st_surrogate_but_2nd_missing
        expectRejected(#"["\uD800\uD800\n"]"#, line: 1, column: 3, message: "not a low surrogate") // i_string_incomplete_surrogates_escape_valid
        expectRejected(#"["\uDd1ea"]"#, line: 1, column: 3, message: "lone low surrogate") // i_string_invalid_lonely_surrogate
        expectRejected(#"["\uD800\uD800"]"#, line: 1, column: 3, message: "not a low surrogate") // i_string_invalid_surrogate
        expectRejected(#"["\uDd1e\uD834"]"#, line: 1, column: 3, message: "lone low surrogate") // i_string_inverted_surrogates_U+1D11E
    }

    // MARK: Byte order mark

    @Test func byteOrderMarkIsAllowedAtTheStartOnly() throws {
        let document = try JSONCDocument.parse("\u{FEFF}{\"a\": 1}")
        #expect(JSON(document.root) == .obj(("a", 1)))
        #expect(document.root.offset == 3)
        #expect(document.lineMap.position(of: 3) == (line: 1, column: 1))

        expectRejected("\u{FEFF}\u{FEFF}1", line: 1, column: 1, message: "a byte order mark (U+FEFF), which is allowed only at the very start of the file")
        expectRejected("[\u{FEFF}1]", line: 1, column: 2, message: "byte order mark")
        expectRejected("1\n\u{FEFF}", line: 2, column: 1, message: "byte order mark")
        expectRejected(" \u{FEFF}1", line: 1, column: 2, message: "byte order mark")
    }

    @Test func byteOrderMarkInsideAStringIsACharacter() throws {
        #expect(try decodedString(Array("\u{FEFF}\"\u{FEFF}\"".utf8)) == "\u{FEFF}")
        #expect(try JSONCDocument.parse("/* \u{FEFF} */ 1").root.number?.int == 1)
    }

    @Test func errorsAfterAByteOrderMarkDoNotCountIt() {
        expectRejected("\u{FEFF}[x]", line: 1, column: 2, message: "found 'x'")
        expectRejected("\u{FEFF}x", line: 1, column: 1)
        expectRejected("\u{FEFF}", line: 1, column: 1, message: "found the end of the file")
        expectRejected("\u{FEFF}[\n  x]", line: 2, column: 3, message: "found 'x'")
        // Only a whole mark is one: two of its three bytes are refused as invalid UTF-8.
        expectRejected([0xEF, 0xBB], line: 1, column: 1, message: "byte 0xEF")
        expectRejected([0xEF, 0xBB, 0x31], line: 1, column: 1, message: "byte 0xEF")
    }
}
