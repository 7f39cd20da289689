import Testing
@testable import JSONCReader

/// RFC 8259 texts the reader must accept, each with the tree it must read as.
/// The cases follow the grammar of RFC 8259 section 2-7; their names echo the
/// `y_` cases of the well-known JSONTestSuite where one exists.
@Suite("RFC 8259: accepted documents")
struct RFC8259AcceptTests {
    static let structures: [AcceptCase] = [
        AcceptCase("array_arraysWithSpaces", "[[]   ]", [[]]),
        AcceptCase("array_empty-string", #"[""]"#, [""]),
        AcceptCase("array_empty", "[]", []),
        AcceptCase("array_ending_with_newline", "[\"a\"]\n", ["a"]),
        AcceptCase("array_false", "[false]", [false]),
        AcceptCase("array_heterogeneous", #"[null, 1, "1", {}]"#, [nil, 1, "1", .object([])]),
        AcceptCase("array_null", "[null]", [nil]),
        AcceptCase("array_with_1_and_newline", "[1\n]", [1]),
        AcceptCase("array_with_leading_space", " [1]", [1]),
        AcceptCase("array_with_several_null", "[1,null,null,null,2]", [1, nil, nil, nil, 2]),
        AcceptCase("array_with_trailing_space", "[2] ", [2]),
        AcceptCase("array_nested_mixed", #"[[1,[2,[3]]],{"a":[{"b":[]}]}]"#,
                   [[1, [2, [3]]], .obj(("a", [.obj(("b", []))]))]),
        AcceptCase("object", #"{"asd":"sdf", "dfg":"fgh"}"#, .obj(("asd", "sdf"), ("dfg", "fgh"))),
        AcceptCase("object_basic", #"{"asd":"sdf"}"#, .obj(("asd", "sdf"))),
        AcceptCase("object_empty", "{}", .object([])),
        AcceptCase("object_empty_key", #"{"":0}"#, .obj(("", 0))),
        AcceptCase("object_escaped_null_in_key", #"{"foo\u0000bar": 42}"#, .obj(("foo\u{0}bar", 42))),
        AcceptCase("object_extreme_numbers", #"{ "min": -1.0e+28, "max": 1.0e+28 }"#,
                   .obj(("min", .num("-1.0e+28")), ("max", .num("1.0e+28")))),
        AcceptCase("object_long_strings",
                   #"{"x":[{"id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}], "id": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}"#,
                   .obj(("x", [.obj(("id", .string(String(repeating: "x", count: 40))))]),
                        ("id", .string(String(repeating: "x", count: 40))))),
        AcceptCase("object_simple", #"{"a":[]}"#, .obj(("a", []))),
        AcceptCase("object_string_unicode",
                   #"{"title":"\u041f\u043e\u043b\u0442\u043e\u0440\u0430 \u0417\u0435\u043c\u043b\u0435\u043a\u043e\u043f\u0430" }"#,
                   .obj(("title", "Полтора Землекопа"))),
        AcceptCase("object_with_newlines", "{\n\"a\": \"b\"\n}", .obj(("a", "b"))),
        AcceptCase("object_member_order_kept", #"{"z":1,"a":2,"m":3}"#, .obj(("z", 1), ("a", 2), ("m", 3))),
        AcceptCase("object_keys_differ_by_case", #"{"a":1,"A":2}"#, .obj(("a", 1), ("A", 2))),
        AcceptCase("object_keys_prefix_of_each_other", #"{"ab":1,"a":2,"abc":3}"#, .obj(("ab", 1), ("a", 2), ("abc", 3))),
        AcceptCase("structure_lonely_false", "false", false),
        AcceptCase("structure_lonely_int", "42", 42),
        AcceptCase("structure_lonely_negative_real", "-0.1", .num("-0.1")),
        AcceptCase("structure_lonely_null", "null", nil),
        AcceptCase("structure_lonely_string", #""asd""#, "asd"),
        AcceptCase("structure_lonely_true", "true", true),
        AcceptCase("structure_string_empty", #""""#, ""),
        AcceptCase("structure_trailing_newline", "[\"a\"]\n", ["a"]),
        AcceptCase("structure_true_in_array", "[true]", [true]),
        AcceptCase("structure_whitespace_array", " [] ", []),
        AcceptCase("structure_all_four_whitespace_everywhere",
                   " \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ \t\r\n1 \t\r\n, \t\r\n2 \t\r\n] \t\r\n} \t\r\n",
                   .obj(("a", [1, 2]))),
        AcceptCase("structure_no_whitespace_at_all", #"{"a":[1,true,null,"x",{"b":-2.5e3}]}"#,
                   .obj(("a", [1, true, nil, "x", .obj(("b", .num("-2.5e3")))]))),
        AcceptCase("structure_literal_before_closers", "[true,false,null]", [true, false, nil]),
    ]

    static let numbers: [AcceptCase] = [
        AcceptCase("number", "[123e65]", [.num("123e65")]),
        AcceptCase("number_0e+1", "[0e+1]", [.num("0e+1")]),
        AcceptCase("number_0e1", "[0e1]", [.num("0e1")]),
        AcceptCase("number_after_space", "[ 4]", [4]),
        AcceptCase("number_double_close_to_zero",
                   "[-0.000000000000000000000000000000000000000000000000000000000000000000000000000001]\n",
                   [.num("-0.000000000000000000000000000000000000000000000000000000000000000000000000000001")]),
        AcceptCase("number_int_with_exp", "[20e1]", [.num("20e1")]),
        AcceptCase("number_minus_zero", "[-0]", [.num("-0")]),
        AcceptCase("number_negative_int", "[-123]", [-123]),
        AcceptCase("number_negative_one", "[-1]", [-1]),
        AcceptCase("number_negative_zero_real", "[-0.0]", [.num("-0.0")]),
        AcceptCase("number_real_capital_e", "[1E22]", [.num("1E22")]),
        AcceptCase("number_real_capital_e_neg_exp", "[1E-2]", [.num("1E-2")]),
        AcceptCase("number_real_capital_e_pos_exp", "[1E+2]", [.num("1E+2")]),
        AcceptCase("number_real_exponent", "[123e45]", [.num("123e45")]),
        AcceptCase("number_real_fraction_exponent", "[123.456e78]", [.num("123.456e78")]),
        AcceptCase("number_real_neg_exp", "[1e-2]", [.num("1e-2")]),
        AcceptCase("number_real_pos_exponent", "[1e+2]", [.num("1e+2")]),
        AcceptCase("number_simple_int", "[123]", [123]),
        AcceptCase("number_simple_real", "[123.456789]", [.num("123.456789")]),
        AcceptCase("number_zero_then_fraction", "[0.5]", [.num("0.5")]),
        AcceptCase("number_exponent_leading_zeros", "[1e007]", [.num("1e007")]),
        AcceptCase("number_fraction_trailing_zeros", "[1.500]", [.num("1.500")]),
        AcceptCase("number_every_digit", "[1234567890, 9876543210.0123456789]",
                   [1_234_567_890, .num("9876543210.0123456789")]),
        AcceptCase("number_before_every_closer", #"{"a":[0],"b":-0,"c":1e1}"#,
                   .obj(("a", [0]), ("b", .num("-0")), ("c", .num("1e1")))),
    ]

    static let strings: [AcceptCase] = [
        AcceptCase("string_1_2_3_bytes_UTF-8_sequences", #"["\u0060\u012a\u12AB"]"#, ["`\u{12A}\u{12AB}"]),
        AcceptCase("string_accepted_surrogate_pair", #"["\uD801\udc37"]"#, ["\u{10437}"]),
        AcceptCase("string_accepted_surrogate_pairs", #"["\ud83d\ude39\ud83d\udc8d"]"#, ["\u{1F639}\u{1F48D}"]),
        AcceptCase("string_allowed_escapes", #"["\"\\\/\b\f\n\r\t"]"#, ["\"\\/\u{8}\u{C}\n\r\t"]),
        AcceptCase("string_backslash_and_u_escaped_zero", #"["\\u0000"]"#, ["\\u0000"]),
        AcceptCase("string_backslash_doublequotes", #"["\""]"#, ["\""]),
        AcceptCase("string_comments", #"["a/*b*/c/*d//e"]"#, ["a/*b*/c/*d//e"]),
        AcceptCase("string_double_escape_a", #"["\\a"]"#, ["\\a"]),
        AcceptCase("string_double_escape_n", #"["\\n"]"#, ["\\n"]),
        AcceptCase("string_escaped_control_character", #"["\u0012"]"#, ["\u{12}"]),
        AcceptCase("string_escaped_noncharacter", #"["\uFFFF"]"#, [.scalars(0xFFFF)]),
        AcceptCase("string_in_array", #"["asd"]"#, ["asd"]),
        AcceptCase("string_in_array_with_leading_space", #"[ "asd"]"#, ["asd"]),
        AcceptCase("string_last_surrogates_1_and_2", #"["\uDBFF\uDFFF"]"#, [.scalars(0x10FFFF)]),
        AcceptCase("string_nbsp_uescaped", #"["new\u00A0line"]"#, ["new\u{A0}line"]),
        AcceptCase("string_nonCharacterInUTF-8_U+10FFFF", bytes: [0x5B, 0x22, 0xF4, 0x8F, 0xBF, 0xBF, 0x22, 0x5D], [.scalars(0x10FFFF)]),
        AcceptCase("string_nonCharacterInUTF-8_U+FFFF", bytes: [0x5B, 0x22, 0xEF, 0xBF, 0xBF, 0x22, 0x5D], [.scalars(0xFFFF)]),
        AcceptCase("string_null_escape", #"["\u0000"]"#, ["\u{0}"]),
        AcceptCase("string_one-byte-utf-8", #"["\u002c"]"#, [","]),
        AcceptCase("string_pi", #"["π"]"#, ["π"]),
        AcceptCase("string_reservedCharacterInUTF-8_U+1BFFF", bytes: [0x5B, 0x22, 0xF0, 0x9B, 0xBF, 0xBF, 0x22, 0x5D], [.scalars(0x1BFFF)]),
        AcceptCase("string_simple_ascii", #"["asd "]"#, ["asd "]),
        AcceptCase("string_space", #"" ""#, " "),
        AcceptCase("string_surrogates_U+1D11E_MUSICAL_SYMBOL_G_CLEF", #"["\uD834\uDd1e"]"#, ["𝄞"]),
        AcceptCase("string_three-byte-utf-8", #"["\u0821"]"#, ["\u{821}"]),
        AcceptCase("string_two-byte-utf-8", #"["\u0123"]"#, ["\u{123}"]),
        AcceptCase("string_u+2028_line_sep", "[\"\u{2028}\"]", ["\u{2028}"]),
        AcceptCase("string_u+2029_par_sep", "[\"\u{2029}\"]", ["\u{2029}"]),
        AcceptCase("string_uEscape", #"["\u0061\u30af\u30EA\u30b9"]"#, ["aクリス"]),
        AcceptCase("string_uescaped_newline", #"["new\u000Aline"]"#, ["new\nline"]),
        AcceptCase("string_unescaped_char_delete", "[\"\u{7F}\"]", ["\u{7F}"]),
        AcceptCase("string_unicode", #"["\uA66D"]"#, ["\u{A66D}"]),
        AcceptCase("string_unicodeEscapedBackslash", #"["\u005C"]"#, ["\\"]),
        AcceptCase("string_unicode_2", #"["⍂㈴⍂"]"#, ["⍂㈴⍂"]),
        AcceptCase("string_unicode_U+10FFFE_nonchar", #"["\uDBFF\uDFFE"]"#, [.scalars(0x10FFFE)]),
        AcceptCase("string_unicode_U+1FFFE_nonchar", #"["\uD83F\uDFFE"]"#, [.scalars(0x1FFFE)]),
        AcceptCase("string_unicode_U+200B_ZERO_WIDTH_SPACE", #"["\u200B"]"#, ["\u{200B}"]),
        AcceptCase("string_unicode_U+2064_invisible_plus", #"["\u2064"]"#, ["\u{2064}"]),
        AcceptCase("string_unicode_U+FDD0_nonchar", #"["\uFDD0"]"#, [.scalars(0xFDD0)]),
        AcceptCase("string_unicode_U+FFFE_nonchar", #"["\uFFFE"]"#, [.scalars(0xFFFE)]),
        AcceptCase("string_unicode_escaped_double_quote", #"["\u0022"]"#, ["\""]),
        AcceptCase("string_utf8", #"["€𝄞"]"#, ["€𝄞"]),
        AcceptCase("string_with_del_character", "[\"a\u{7F}a\"]", ["a\u{7F}a"]),
        AcceptCase("string_escaped_solidus_and_plain_solidus", #""\/ and /""#, "/ and /"),
        AcceptCase("string_mixed_case_hex", #""\u00e9\u00C9\uAbCd""#, "éÉ\u{ABCD}"),
        AcceptCase("string_escape_then_raw_utf8", #""\n€\t😀\u0041""#, "\n€\t😀A"),
        AcceptCase("string_only_escapes", #""\\\\\\""#, "\\\\\\"),
        AcceptCase("string_bom_character_inside", "\"\u{FEFF}x\"", "\u{FEFF}x"),
        AcceptCase("string_combining_sequence_kept", "\"e\u{301}\"", "e\u{301}"),
        AcceptCase("string_long_ascii", "\"" + String(repeating: "abc ", count: 5_000) + "\"",
                   .string(String(repeating: "abc ", count: 5_000))),
    ]

    @Test("structures", arguments: structures)
    func acceptsStructure(_ row: AcceptCase) throws {
        try expectAccepted(row)
    }

    @Test("numbers", arguments: numbers)
    func acceptsNumber(_ row: AcceptCase) throws {
        try expectAccepted(row)
    }

    @Test("strings", arguments: strings)
    func acceptsString(_ row: AcceptCase) throws {
        try expectAccepted(row)
    }

    @Test func allScalarKindsKeepTheirKindAndText() throws {
        let document = try JSONCDocument.parse(#"[null, true, false, -1.5e3, "s", [], {}]"#)
        let kinds = document.root.elements.map(\.kind)
        #expect(kinds == [.null, .true, .false, .number, .string, .array, .object])
        let texts = document.root.elements.map(\.sourceText)
        #expect(texts == ["null", "true", "false", "-1.5e3", #""s""#, "[]", "{}"])
    }

    @Test func stringDecodingKeepsEveryEscapeOfTheGrammar() throws {
        // Every `char` alternative of RFC 8259 section 7, once each.
        let text = #""\" \\ \/ \b \f \n \r \t \u0041 \u00e9 \u20AC \uD83D\uDE00 plain é €""#
        let decoded = try JSONCDocument.parse(text).root.string
        #expect(decoded == "\" \\ / \u{8} \u{C} \n \r \t A é € 😀 plain é €")
        #expect(decoded?.unicodeScalars.count == 33)
    }

    @Test func everyEscapableControlCharacterRoundTrips() throws {
        // U+0000 to U+001F must be escaped; every one of them decodes.
        let escapes = (0..<0x20).map { "\\u00" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }
        let document = try JSONCDocument.parse("\"" + escapes.joined() + "\"")
        let scalars = document.root.string!.unicodeScalars.map(\.value)
        #expect(scalars == Array(0..<0x20))
    }

    @Test func everyPrintableASCIICharacterIsAllowedUnescapedExceptQuoteAndBackslash() throws {
        let printable = (0x20...0x7F).map(UInt8.init).filter { $0 != 0x22 && $0 != 0x5C }
        let document = try JSONCDocument.parse([0x22] + printable + [0x22])
        #expect(document.root.string == String(decoding: printable, as: UTF8.self))
    }

    @Test func wideArraysAndObjectsKeepEveryEntry() throws {
        let count = 10_000
        let array = "[" + (0..<count).map(String.init).joined(separator: ",") + "]"
        let document = try JSONCDocument.parse(array)
        #expect(document.root.elements.count == count)
        #expect(document.root.elements.map { $0.number!.int! } == Array(0..<count))

        let object = "{" + (0..<count).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + "}"
        let objectDocument = try JSONCDocument.parse(object)
        #expect(objectDocument.root.members.count == count)
        #expect(objectDocument.duplicateKeys.isEmpty)
        #expect(objectDocument.root["k9999"]?.number?.int == 9_999)
        #expect(objectDocument.valueCount == count + 1)
    }

    @Test func parsingStringAndBytesAgree() throws {
        let text = #"{"a": [1, "é", {"b": null}]}"#
        let fromString = try JSONCDocument.parse(text)
        let fromBytes = try JSONCDocument.parse(Array(text.utf8))
        #expect(JSON(fromString.root) == JSON(fromBytes.root))
        #expect(fromString.bytes == fromBytes.bytes)
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
