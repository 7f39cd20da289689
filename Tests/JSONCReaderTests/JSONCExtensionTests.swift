import Testing
@testable import JSONCReader

/// What JSONC adds to RFC 8259 — `//` and `/* */` comments, trailing commas —
/// and the other relaxations it deliberately does not allow.
@Suite("JSONC: comments and trailing commas")
struct JSONCExtensionTests {
    static let accepted: [AcceptCase] = [
        AcceptCase("line_comment_before_value", "// header\n1", 1),
        AcceptCase("line_comment_after_value_without_newline", "1 // done", 1),
        AcceptCase("line_comment_after_value_with_newline", "[1] // done\n", [1]),
        AcceptCase("line_comment_right_after_value", "[1]//x", [1]),
        AcceptCase("empty_line_comment", "//\n[]//", []),
        AcceptCase("line_comments_between_every_token",
                   "//a\n{//b\n\"k\"//c\n://d\n[//e\n1//f\n,//g\n2//h\n]//i\n}//j",
                   .obj(("k", [1, 2]))),
        AcceptCase("block_comments_between_every_token",
                   #"/*a*/{/*b*/"k"/*c*/:/*d*/[/*e*/1/*f*/,/*g*/2/*h*/]/*i*/,/*j*/"l"/*k*/:/*l*/null/*m*/}/*n*/"#,
                   .obj(("k", [1, 2]), ("l", nil))),
        AcceptCase("empty_block_comment", "/**/1/**/", 1),
        AcceptCase("block_comment_of_stars", "/***/1/****/", 1),
        AcceptCase("block_comment_with_lone_stars_and_slashes", "/* a * b / c ** / */ [1]", [1]),
        AcceptCase("block_comment_over_several_lines", "/*\n * doc\n *\n */\n{\"a\": 1}", .obj(("a", 1))),
        AcceptCase("line_comment_inside_block_comment", "/* // not the end */ 1", 1),
        AcceptCase("block_comment_opener_inside_line_comment", "// /* not open\n1", 1),
        AcceptCase("block_comments_do_not_nest", "/* /* */ 1", 1),
        AcceptCase("comment_holding_brackets_and_quotes", "[1, /* ] } \" ' */ 2 // ] }\n]", [1, 2]),
        AcceptCase("comment_with_non_ascii", "// é 😀 日本\n/* € 𝄞 */ \"x\"", "x"),
        AcceptCase("comment_with_tab_and_carriage_return", "//\tnote\r\n/*\t\r*/1", 1),
        AcceptCase("comment_with_delete_character", "// \u{7F}\n1", 1),
        AcceptCase("comment_crlf_line_ends", "{\r\n  // c\r\n  \"a\": 1 // d\r\n}\r\n", .obj(("a", 1))),
        AcceptCase("comment_text_inside_strings_is_text", #"["// not a comment", "/* nor this */"]"#,
                   ["// not a comment", "/* nor this */"]),
        AcceptCase("comment_between_minus_free_number_and_comma", "[-1/**/,2]", [-1, 2]),
        AcceptCase("comment_right_after_literal", "[true/**/,null//\n]", [true, nil]),
        AcceptCase("trailing_comma_array", "[1,2,]", [1, 2]),
        AcceptCase("trailing_comma_object", #"{"a":1,"b":2,}"#, .obj(("a", 1), ("b", 2))),
        AcceptCase("trailing_comma_single_element", "[1,]", [1]),
        AcceptCase("trailing_comma_single_member", #"{"a":1,}"#, .obj(("a", 1))),
        AcceptCase("trailing_comma_nested", #"[[1,],{"a":[],},]"#, [[1], .obj(("a", []))]),
        AcceptCase("trailing_comma_then_white_space", "[1, \n\t]", [1]),
        AcceptCase("trailing_comma_then_line_comment", "[\n  1,\n  2, // last\n]", [1, 2]),
        AcceptCase("trailing_comma_then_block_comment", #"{"a":1,/* end */}"#, .obj(("a", 1))),
        AcceptCase("trailing_comma_after_container", #"{"a":{"b":[1,2,],},}"#, .obj(("a", .obj(("b", [1, 2]))))),
        AcceptCase("readme_example", #"{ "a": [1, 2,], } // done"#, .obj(("a", [1, 2]))),
        AcceptCase("comment_only_lines_around_document", "// 1\n// 2\n\n\"v\"\n// 3\n", "v"),
        AcceptCase("bom_then_comment", "\u{FEFF}// c\n1", 1),
    ]

    static let rejected: [RejectCase] = [
        RejectCase("trailing_comma_alone_in_array", "[,]", 1, 2, "expected a value or ']', found ','"),
        RejectCase("trailing_comma_alone_in_object", "{,}", 1, 2, "expected a key in double quotes or '}', found ','"),
        RejectCase("two_trailing_commas_in_array", "[1,,]", 1, 4, "found ','"),
        RejectCase("two_trailing_commas_in_object", #"{"a":1,,}"#, 1, 8, "found ','"),
        RejectCase("comma_with_comment_between", "[1,/**/,]", 1, 8, "found ','"),
        RejectCase("top_level_trailing_comma", "1,", 1, 2, "expected the end of the file after the top-level value, found ','"),
        RejectCase("top_level_trailing_comma_after_array", "[1],", 1, 4, "found ','"),
        RejectCase("lone_comma", ",", 1, 1, "expected a value, found ','"),
        RejectCase("leading_comma_in_array", "[,1]", 1, 2, "found ','"),
        RejectCase("unterminated_block_comment", "[1 /* x", 1, 4, "the block comment that starts here is never closed with '*/'"),
        RejectCase("unterminated_block_comment_over_lines", "{\n  /* a\n  b\n", 2, 3, "block comment"),
        RejectCase("block_comment_closer_shares_the_opener_star", "/*/ 1", 1, 1, "never closed"),
        RejectCase("block_comment_ending_in_star", "1 /* *", 1, 3, "never closed"),
        RejectCase("nested_block_comment_closes_early", "/* /* */ */ 1", 1, 10, "found '*'"),
        RejectCase("lone_slash", "[1 / 2]", 1, 5, "expected '//' or '/*' to start a comment, found ' '"),
        RejectCase("lone_slash_at_end_of_file", "1 /", 1, 4, "expected '//' or '/*' to start a comment, found the end of the file"),
        RejectCase("slash_then_letter", "/x", 1, 2, "found 'x'"),
        RejectCase("hash_comment", "# note\n1", 1, 1, "found '#'"),
        RejectCase("html_comment", "<!-- x -->1", 1, 1, "found '<'"),
        RejectCase("comment_inside_number", "1/**/2", 1, 6, "found '2'"),
        RejectCase("comment_between_minus_and_digits", "- /* c */ 1", 1, 2, "expected a digit after '-', found ' '"),
        RejectCase("comment_splitting_a_literal", "tr/**/ue", 1, 1, "found 'tr'"),
        RejectCase("comment_inside_a_key_is_text_so_colon_is_missing", "{\"a\" /* b */ \"c\": 1}", 1, 14, "expected ':' after the key"),
        RejectCase("comment_with_nul", bytes: Array("// a".utf8) + [0x00] + Array("\n1".utf8), 1, 5, "a comment cannot contain a NUL byte"),
        RejectCase("comment_with_form_feed", "/* \u{0C} */ 1", 1, 4, "a comment cannot contain the control character U+000C"),
        RejectCase("comment_with_invalid_utf8", bytes: Array("// é ".utf8) + [0xFF] + Array("\n1".utf8), 1, 6, "byte 0xFF"),
        RejectCase("comment_only_document", "// nothing here\n/* or here */", 2, 14, "expected a JSON value, found the end of the file"),
        RejectCase("single_quoted_string", "'a'", 1, 1, "JSON strings are written in double quotes"),
        RejectCase("single_quoted_key", "{'a': 1}", 1, 2, "JSON strings are written in double quotes"),
        RejectCase("unquoted_key", "{a: 1}", 1, 2, #"write "a""#),
        RejectCase("unquoted_key_with_underscore", "{_id: 1}", 1, 2, #"write "_id""#),
        RejectCase("nan", "NaN", 1, 1, "the only JSON words are true, false and null"),
        RejectCase("infinity", "[Infinity]", 1, 2, "the only JSON words are true, false and null"),
        RejectCase("negative_infinity", "-Infinity", 1, 2, "expected a digit after '-'"),
        RejectCase("leading_plus", "+1", 1, 1, "a JSON number cannot start with '+'"),
        RejectCase("leading_dot", ".5", 1, 1, "needs a digit before the decimal point"),
        RejectCase("trailing_dot", "5.", 1, 3, "expected a digit after the decimal point"),
        RejectCase("hex_number", "0x1F", 1, 2, "found 'x'"),
        RejectCase("undefined", "[undefined]", 1, 2, "found 'undefined'"),
        RejectCase("multi_line_string_with_backslash", "\"a\\\nb\"", 1, 3, "invalid escape"),
        RejectCase("template_literal", "`a`", 1, 1, "found '`'"),
        RejectCase("comment_opener_inside_string_does_not_hide_the_quote", #""a /* b"#, 1, 1, "the string that starts here is never closed"),
        RejectCase("line_comment_swallows_the_rest_of_its_line", "[1, // 2]\n", 1, 1, "the array that starts here is never closed"),
        RejectCase("carriage_return_does_not_end_a_line_comment", "// a\r1", 1, 7, "expected a JSON value, found the end of the file"),
        RejectCase("bom_after_a_comment", "// c\n\u{FEFF}1", 2, 1, "byte order mark"),
    ]

    @Test("accepted", arguments: accepted)
    func accepts(_ row: AcceptCase) throws {
        try expectAccepted(row)
    }

    @Test("rejected", arguments: rejected)
    func rejects(_ row: RejectCase) {
        expectRejected(row)
    }

    @Test func commentsAndTrailingCommasLeaveNoTraceInTheValues() throws {
        let plain = try JSONCDocument.parse(#"{"a":[1,2],"b":{"c":null}}"#)
        let commented = try JSONCDocument.parse("""
            // A journey.
            {
              "a": [1, 2,], /* two stages */
              "b": {
                "c": null, // none yet
              },
            }
            """)
        #expect(JSON(plain.root) == JSON(commented.root))
        #expect(plain.valueCount == commented.valueCount)
    }

    @Test func valuesAfterCommentsKeepTheirOwnOffsets() throws {
        let text = "/* é */ [ // x\n  \"v\" ]"
        let document = try JSONCDocument.parse(text)
        let element = try #require(document.root.elements.first(where: { _ in true }))
        #expect(document.root.offset == Array("/* é */ ".utf8).count)
        #expect(element.sourceText == "\"v\"")
        #expect(document.lineMap.position(of: element.offset) == (line: 2, column: 3))
    }
}
