import Testing
@testable import JSONCReader

/// Texts RFC 8259 (and so JSONC) refuses, each with the exact line and column
/// of the first error. The names echo the `n_` cases of the well-known
/// JSONTestSuite where one exists. Columns count Unicode scalars from 1.
@Suite("RFC 8259: rejected documents")
struct RFC8259RejectTests {
    static let structure: [RejectCase] = [
        RejectCase("structure_no_data", "", 1, 1, "expected a JSON value, found the end of the file"),
        RejectCase("single_space", " ", 1, 2, "found the end of the file"),
        RejectCase("only_white_space_lines", "\n\n  ", 3, 3, "found the end of the file"),
        RejectCase("structure_UTF8_BOM_no_data", "\u{FEFF}", 1, 1, "expected a JSON value, found the end of the file"),
        RejectCase("structure_incomplete_UTF8_BOM", bytes: [0xEF, 0xBB, 0x7B, 0x7D], 1, 1, "byte 0xEF"),
        RejectCase("structure_angle_bracket_.", "<.>", 1, 1, "found '<'"),
        RejectCase("structure_angle_bracket_null", "[<null>]", 1, 2, "found '<'"),
        RejectCase("structure_array_trailing_garbage", "[1]x", 1, 4, "expected the end of the file after the top-level value, found 'x'"),
        RejectCase("structure_array_with_extra_array_close", "[1]]", 1, 4, "a file holds exactly one value"),
        RejectCase("structure_array_with_unclosed_string", #"["asd]"#, 1, 2, "the string that starts here is never closed"),
        RejectCase("structure_ascii-unicode-identifier", "aå", 1, 1, "found 'a'"),
        RejectCase("structure_capitalized_True", "[True]", 1, 2, "found 'True': the only JSON words are true, false and null"),
        RejectCase("structure_close_unopened_array", "1]", 1, 2, "found ']'"),
        RejectCase("structure_comma_instead_of_closing_brace", #"{"x": true,"#, 1, 1, "the object that starts here is never closed with '}'"),
        RejectCase("structure_double_array", "[][]", 1, 3, "found '['"),
        RejectCase("structure_end_array", "]", 1, 1, "expected a value, found ']'"),
        RejectCase("structure_lone-open-bracket", "[", 1, 1, "the array that starts here is never closed with ']'"),
        RejectCase("structure_null-byte-outside-string", bytes: [0x5B, 0x00, 0x5D], 1, 2, "a NUL byte"),
        RejectCase("structure_number_with_trailing_garbage", "2@", 1, 2, "found '@'"),
        RejectCase("structure_object_followed_by_closing_object", "{}}", 1, 3, "found '}'"),
        RejectCase("structure_object_unclosed_no_value", #"{"":"#, 1, 5, "expected a value, found the end of the file"),
        RejectCase("structure_object_with_trailing_garbage", #"{"a": true} "x""#, 1, 13, #"found '"'"#),
        RejectCase("structure_open_array_apostrophe", "['", 1, 2, "double quotes"),
        RejectCase("structure_open_array_comma", "[,", 1, 2, "expected a value or ']', found ','"),
        RejectCase("structure_open_array_open_object", "[{", 1, 2, "the object that starts here is never closed"),
        RejectCase("structure_open_array_open_string", #"["a"#, 1, 2, "the string that starts here is never closed"),
        RejectCase("structure_open_array_string", #"["a""#, 1, 1, "the array that starts here is never closed"),
        RejectCase("structure_open_object", "{", 1, 1, "the object that starts here is never closed"),
        RejectCase("structure_open_object_close_array", "{]", 1, 2, "expected a key in double quotes or '}', found ']'"),
        RejectCase("structure_open_object_comma", "{,", 1, 2, "expected a key in double quotes or '}', found ','"),
        RejectCase("structure_open_object_open_array", "{[", 1, 2, "found '['"),
        RejectCase("structure_open_object_open_string", #"{"a"#, 1, 2, "the string that starts here is never closed"),
        RejectCase("structure_open_object_string_with_apostrophes", "{'a'", 1, 2, "double quotes"),
        RejectCase("structure_open_open", #"["\{["\{["\{["\{"#, 1, 3, #"invalid escape '\{'"#),
        RejectCase("structure_single_star", "*", 1, 1, "found '*'"),
        RejectCase("structure_trailing_#", #"{"a":"b"}#{}"#, 1, 10, "found '#'"),
        RejectCase("structure_uescaped_LF_before_string", #"[\u000A""]"#, 1, 2, #"found '\'"#),
        RejectCase("structure_unclosed_array", "[1", 1, 1, "never closed with ']'"),
        RejectCase("structure_unclosed_array_partial_null", "[ false, nul", 1, 10, "found 'nul'"),
        RejectCase("structure_unclosed_array_unfinished_false", "[ true, fals", 1, 9, "found 'fals'"),
        RejectCase("structure_unclosed_array_unfinished_true", "[ false, tru", 1, 10, "found 'tru'"),
        RejectCase("structure_unclosed_object", #"{"asd":"asd""#, 1, 1, "never closed with '}'"),
        RejectCase("structure_whitespace_formfeed", "[\u{0C}]", 1, 2, "the control character U+000C"),
        RejectCase("structure_vertical_tab_is_not_white_space", "[\u{0B}1]", 1, 2, "the control character U+000B"),
        RejectCase("structure_two_top_level_values", "1 2", 1, 3, "a file holds exactly one value"),
        RejectCase("structure_close_brace_for_array", "[1}", 1, 3, "expected ',' or ']' after an array element, found '}'"),
        RejectCase("structure_close_bracket_for_object", #"{"a":1]"#, 1, 7, "expected ',' or '}' after an object member, found ']'"),
        RejectCase("structure_error_on_a_later_line", "{\n  \"a\": 1,\n  \"b\": tru\n}", 3, 8, "found 'tru'"),
        RejectCase("structure_missing_comma_on_a_later_line", "[\n  1,\n  2\n  3\n]", 4, 3, "expected ',' or ']' after an array element, found '3'"),
    ]

    static let arrays: [RejectCase] = [
        RejectCase("array_1_true_without_comma", "[1 true]", 1, 4, "expected ',' or ']' after an array element, found 't'"),
        RejectCase("array_a_invalid_utf8", bytes: [0x5B, 0x61, 0xE5, 0x5D], 1, 2, "found 'a'"),
        RejectCase("array_colon_instead_of_comma", #"["": 1]"#, 1, 4, "found ':'"),
        RejectCase("array_comma_after_close", #"[""],"#, 1, 5, "found ','"),
        RejectCase("array_comma_and_number", "[,1]", 1, 2, "expected a value or ']', found ','"),
        RejectCase("array_double_comma", "[1,,2]", 1, 4, "expected a value or ']', found ','"),
        RejectCase("array_double_extra_comma", #"["x",,]"#, 1, 6, "found ','"),
        RejectCase("array_extra_close", #"["x"]]"#, 1, 6, "found ']'"),
        RejectCase("array_incomplete", #"["x""#, 1, 1, "never closed"),
        RejectCase("array_incomplete_invalid_value", "[x", 1, 2, "found 'x'"),
        RejectCase("array_inner_array_no_comma", "[3[4]]", 1, 3, "found '['"),
        RejectCase("array_invalid_utf8", bytes: [0x5B, 0xFF, 0x5D], 1, 2, "byte 0xFF"),
        RejectCase("array_items_separated_by_semicolon", "[1:2]", 1, 3, "found ':'"),
        RejectCase("array_just_comma", "[,]", 1, 2, "found ','"),
        RejectCase("array_just_minus", "[-]", 1, 3, "expected a digit after '-', found ']'"),
        RejectCase("array_missing_value", #"[   , ""]"#, 1, 5, "found ','"),
        RejectCase("array_newlines_unclosed", "[\"a\",\n4\n,1,", 1, 1, "never closed with ']'"),
        RejectCase("array_number_and_several_commas", "[1,,]", 1, 4, "found ','"),
        RejectCase("array_spaces_vertical_tab_formfeed", "[\"\u{0B}a\"\\f]", 1, 3, "a string cannot contain the control character U+000B"),
        RejectCase("array_star_inside", "[*]", 1, 2, "found '*'"),
        RejectCase("array_unclosed", "[\"\"", 1, 1, "the array that starts here is never closed"),
        RejectCase("array_unclosed_trailing_comma", "[1,", 1, 1, "never closed"),
        RejectCase("array_unclosed_with_new_lines", "[1,\n1\n,1", 1, 1, "never closed"),
        RejectCase("array_unclosed_with_object_inside", "[{}", 1, 1, "never closed"),
        RejectCase("incomplete_false", "[fals]", 1, 2, "found 'fals'"),
        RejectCase("incomplete_null", "[nul]", 1, 2, "found 'nul'"),
        RejectCase("incomplete_true", "[tru]", 1, 2, "found 'tru'"),
        RejectCase("literal_with_trailing_letters", "[nullx]", 1, 2, "found 'nullx'"),
        RejectCase("literal_glued_to_literal", "[truefalse]", 1, 2, "found 'truefalse'"),
    ]

    static let numbers: [RejectCase] = [
        RejectCase("multidigit_number_then_00", bytes: Array("123".utf8) + [0x00], 1, 4, "a NUL byte"),
        RejectCase("number_++", "[++1234]", 1, 2, "cannot start with '+'"),
        RejectCase("number_+1", "[+1]", 1, 2, "cannot start with '+'"),
        RejectCase("number_+Inf", "[+Inf]", 1, 2, "cannot start with '+'"),
        RejectCase("number_-01", "[-01]", 1, 3, "leading zero"),
        RejectCase("number_-1.0.", "[-1.0.]", 1, 6, "found '.'"),
        RejectCase("number_-2.", "[-2.]", 1, 5, "expected a digit after the decimal point, found ']'"),
        RejectCase("number_-NaN", "[-NaN]", 1, 3, "expected a digit after '-', found 'N'"),
        RejectCase("number_.-1", "[.-1]", 1, 2, "needs a digit before the decimal point"),
        RejectCase("number_.2e-3", "[.2e-3]", 1, 2, "needs a digit before the decimal point"),
        RejectCase("number_0.1.2", "[0.1.2]", 1, 5, "found '.'"),
        RejectCase("number_0.3e+", "[0.3e+]", 1, 7, "expected a digit in the exponent, found ']'"),
        RejectCase("number_0.3e", "[0.3e]", 1, 6, "expected a digit in the exponent"),
        RejectCase("number_0.e1", "[0.e1]", 1, 4, "expected a digit after the decimal point, found 'e'"),
        RejectCase("number_0_capital_E+", "[0E+]", 1, 5, "exponent"),
        RejectCase("number_0_capital_E", "[0E]", 1, 4, "exponent"),
        RejectCase("number_0e+", "[0e+]", 1, 5, "exponent"),
        RejectCase("number_0e", "[0e]", 1, 4, "exponent"),
        RejectCase("number_1.0e+", "[1.0e+]", 1, 7, "exponent"),
        RejectCase("number_1.0e-", "[1.0e-]", 1, 7, "exponent"),
        RejectCase("number_1.0e", "[1.0e]", 1, 6, "exponent"),
        RejectCase("number_1_000", "[1 000.0]", 1, 4, "found '0'"),
        RejectCase("number_1eE2", "[1eE2]", 1, 4, "expected a digit in the exponent, found 'E'"),
        RejectCase("number_2.e+3", "[2.e+3]", 1, 4, "decimal point"),
        RejectCase("number_2.e-3", "[2.e-3]", 1, 4, "decimal point"),
        RejectCase("number_2.e3", "[2.e3]", 1, 4, "decimal point"),
        RejectCase("number_9.e+", "[9.e+]", 1, 4, "decimal point"),
        RejectCase("number_Inf", "[Inf]", 1, 2, "found 'Inf'"),
        RejectCase("number_NaN", "[NaN]", 1, 2, "found 'NaN'"),
        RejectCase("number_U+FF11_fullwidth_digit_one", "[１]", 1, 2, "'１' (U+FF11)"),
        RejectCase("number_expression", "[1+2]", 1, 3, "found '+'"),
        RejectCase("number_hex_1_digit", "[0x1]", 1, 3, "found 'x'"),
        RejectCase("number_hex_2_digits", "[0x42]", 1, 3, "found 'x'"),
        RejectCase("number_infinity", "[Infinity]", 1, 2, "found 'Infinity'"),
        RejectCase("number_invalid+-", "[0e+-1]", 1, 5, "expected a digit in the exponent, found '-'"),
        RejectCase("number_invalid-negative-real", "[-123.123foo]", 1, 10, "found 'f'"),
        RejectCase("number_invalid-utf-8-in-bigger-int", bytes: Array("[123".utf8) + [0xE5, 0x5D], 1, 5, "byte 0xE5"),
        RejectCase("number_invalid-utf-8-in-exponent", bytes: Array("[1e1".utf8) + [0xE5, 0x5D], 1, 5, "byte 0xE5"),
        RejectCase("number_invalid-utf-8-in-int", bytes: Array("[0".utf8) + [0xE5, 0x5D], 1, 3, "byte 0xE5"),
        RejectCase("number_minus_infinity", "[-Infinity]", 1, 3, "expected a digit after '-', found 'I'"),
        RejectCase("number_minus_sign_with_trailing_garbage", "[-foo]", 1, 3, "found 'f'"),
        RejectCase("number_minus_space_1", "[- 1]", 1, 3, "expected a digit after '-', found ' '"),
        RejectCase("number_neg_int_starting_with_zero", "[-012]", 1, 3, "leading zero"),
        RejectCase("number_neg_real_without_int_part", "[-.123]", 1, 3, "found '.'"),
        RejectCase("number_neg_with_garbage_at_end", "[-1x]", 1, 4, "found 'x'"),
        RejectCase("number_real_garbage_after_e", "[1ea]", 1, 4, "found 'a'"),
        RejectCase("number_real_with_invalid_utf8_after_e", bytes: Array("[1e".utf8) + [0xE5, 0x5D], 1, 4, "byte 0xE5"),
        RejectCase("number_real_without_fractional_part", "[1.]", 1, 4, "expected a digit after the decimal point"),
        RejectCase("number_starting_with_dot", "[.123]", 1, 2, "needs a digit before the decimal point"),
        RejectCase("number_with_alpha", "[1.2a-3]", 1, 5, "found 'a'"),
        RejectCase("number_with_alpha_char", "[1.8011670033376514H-308]", 1, 20, "found 'H'"),
        RejectCase("number_with_leading_zero", "[012]", 1, 2, "cannot have a leading zero"),
        RejectCase("number_double_zero", "00", 1, 1, "leading zero"),
        RejectCase("number_lone_minus", "-", 1, 2, "expected a digit after '-', found the end of the file"),
        RejectCase("number_double_minus", "--1", 1, 2, "found '-'"),
        RejectCase("number_underscore_separator", "1_000", 1, 2, "found '_'"),
        RejectCase("number_trailing_dot_at_end_of_file", "1.", 1, 3, "found the end of the file"),
        RejectCase("number_exponent_at_end_of_file", "1e", 1, 3, "found the end of the file"),
    ]

    static let objects: [RejectCase] = [
        RejectCase("object_bad_value", #"["x", truth]"#, 1, 7, "found 'truth'"),
        RejectCase("object_bracket_key", #"{[: "x"}"#, 1, 2, "expected a key in double quotes or '}', found '['"),
        RejectCase("object_comma_instead_of_colon", #"{"x", null}"#, 1, 5, "expected ':' after the key, found ','"),
        RejectCase("object_double_colon", #"{"x"::"b"}"#, 1, 6, "expected a value, found ':'"),
        RejectCase("object_emoji", "{🇨🇭}", 1, 2, "U+1F1E8"),
        RejectCase("object_garbage_at_end", #"{"a":"a" 123}"#, 1, 10, "expected ',' or '}' after an object member, found '1'"),
        RejectCase("object_key_with_single_quotes", "{key: 'value'}", 1, 2, #"found 'key': write "key""#),
        RejectCase("object_lone_continuation_byte_in_key_and_trailing_comma",
                   bytes: [0x7B, 0x22, 0xB9, 0x22, 0x3A, 0x22, 0x30, 0x22, 0x2C, 0x7D], 1, 3, "byte 0xB9"),
        RejectCase("object_missing_colon", #"{"a" b}"#, 1, 6, "expected ':' after the key, found 'b'"),
        RejectCase("object_missing_key", #"{:"b"}"#, 1, 2, "found ':'"),
        RejectCase("object_missing_semicolon", #"{"a" "b"}"#, 1, 6, #"expected ':' after the key, found '"'"#),
        RejectCase("object_missing_value", #"{"a":"#, 1, 6, "expected a value, found the end of the file"),
        RejectCase("object_no-colon", #"{"a""#, 1, 5, "expected ':' after the key, found the end of the file"),
        RejectCase("object_non_string_key", "{1:1}", 1, 2, "found '1'"),
        RejectCase("object_non_string_key_but_huge_number_instead", "{9999E9999:1}", 1, 2, "found '9'"),
        RejectCase("object_repeated_null_null", "{null:null,null:null}", 1, 2, #"write "null""#),
        RejectCase("object_several_trailing_commas", #"{"id":0,,,,,}"#, 1, 9, "found ','"),
        RejectCase("object_single_quote", "{'a':0}", 1, 2, "double quotes"),
        RejectCase("object_two_commas_in_a_row", #"{"a":"b",,"c":"d"}"#, 1, 10, "found ','"),
        RejectCase("object_unquoted_key", #"{a: "b"}"#, 1, 2, #"write "a""#),
        RejectCase("object_unterminated-value", #"{"a":"a"#, 1, 6, "the string that starts here is never closed"),
        RejectCase("object_with_single_string", #"{ "foo" : "bar", "a" }"#, 1, 22, "expected ':' after the key, found '}'"),
        RejectCase("object_with_trailing_garbage", #"{"a":"b"}#"#, 1, 10, "found '#'"),
        RejectCase("object_key_is_number_string_mix", #"{"a":1, 2:3}"#, 1, 9, "found '2'"),
        RejectCase("object_dollar_key", #"{$ref: 1}"#, 1, 2, #"write "$ref""#),
        RejectCase("object_value_missing_before_comma", #"{"a":,"b":1}"#, 1, 6, "expected a value, found ','"),
    ]

    static let strings: [RejectCase] = [
        RejectCase("string_1_surrogate_then_escape", #"["\uD800\"]"#, 1, 3, "lone high surrogate"),
        RejectCase("string_1_surrogate_then_escape_u", #"["\uD800\u"]"#, 1, 11, #"expected four hexadecimal digits after \u, found '"'"#),
        RejectCase("string_1_surrogate_then_escape_u1", #"["\uD800\u1"]"#, 1, 12, "hexadecimal"),
        RejectCase("string_1_surrogate_then_escape_u1x", #"["\uD800\u1x"]"#, 1, 12, "found 'x'"),
        RejectCase("string_accentuated_char_no_quotes", "[é]", 1, 2, "'é' (U+00E9)"),
        RejectCase("string_backslash_00", bytes: [0x5B, 0x22, 0x5C, 0x00, 0x22, 0x5D], 1, 3, #"invalid escape '\' followed by a NUL byte"#),
        RejectCase("string_escape_x", #"["\x00"]"#, 1, 3, #"invalid escape '\x'"#),
        RejectCase("string_escaped_backslash_bad", #"["\\\"]"#, 1, 2, "the string that starts here is never closed"),
        RejectCase("string_escaped_ctrl_char_tab", "[\"\\\t\"]", 1, 3, #"invalid escape '\' followed by a tab"#),
        RejectCase("string_escaped_emoji", #"["\🌀"]"#, 1, 3, "'🌀' (U+1F300)"),
        RejectCase("string_incomplete_escape", #"["\"]"#, 1, 2, "never closed"),
        RejectCase("string_incomplete_escaped_character", #"["\u00A"]"#, 1, 8, "expected four hexadecimal digits"),
        RejectCase("string_incomplete_surrogate", #"["\uD834\uDd"]"#, 1, 13, "hexadecimal"),
        RejectCase("string_incomplete_surrogate_escape_invalid", #"["\uD800\uD800\x"]"#, 1, 3, #"followed by \uD800, which is not a low surrogate"#),
        RejectCase("string_invalid-utf-8-in-escape", bytes: Array(#"["\u"#.utf8) + [0xE5, 0x22, 0x5D], 1, 5, "byte 0xE5"),
        RejectCase("string_invalid_backslash_esc", #"["\a"]"#, 1, 3, #"invalid escape '\a'"#),
        RejectCase("string_invalid_unicode_escape", #"["\uqqqq"]"#, 1, 5, "found 'q'"),
        RejectCase("string_invalid_utf8_after_escape", bytes: [0x5B, 0x22, 0x5C, 0xE5, 0x22, 0x5D], 1, 3, "invalid escape"),
        RejectCase("string_leading_uescaped_thinspace", #"[\u0020"asd"]"#, 1, 2, #"found '\'"#),
        RejectCase("string_no_quotes_with_bad_escape", #"[\n]"#, 1, 2, #"found '\'"#),
        RejectCase("string_single_doublequote", #"""#, 1, 1, "the string that starts here is never closed"),
        RejectCase("string_single_quote", "['single quote']", 1, 2, "JSON strings are written in double quotes"),
        RejectCase("string_single_string_no_double_quotes", "abc", 1, 1, "text goes in double quotes"),
        RejectCase("string_start_escape_unclosed", #"["\"#, 1, 2, "the string that starts here is never closed"),
        RejectCase("string_unescaped_ctrl_char", bytes: [0x5B, 0x22, 0x61, 0x00, 0x61, 0x22, 0x5D], 1, 4, "a string cannot contain a NUL byte"),
        RejectCase("string_unescaped_newline", "[\"new\nline\"]", 1, 6, "a string cannot contain a line break"),
        RejectCase("string_unescaped_carriage_return", "[\"new\rline\"]", 1, 6, "a string cannot contain a line break"),
        RejectCase("string_unescaped_tab", "[\"\t\"]", 1, 3, "a string cannot contain a tab"),
        RejectCase("string_unescaped_unit_separator", "[\"\u{1F}\"]", 1, 3, "the control character U+001F"),
        RejectCase("string_unicode_CapitalU", #""\UA66D""#, 1, 2, #"invalid escape '\U'"#),
        RejectCase("string_with_trailing_garbage", #"""x"#, 1, 3, "found 'x'"),
        RejectCase("string_escaped_apostrophe", #""\'""#, 1, 2, #"invalid escape '\''"#),
        RejectCase("string_escaped_line_continuation", "\"a\\\nb\"", 1, 3, #"invalid escape '\' followed by a line break"#),
        RejectCase("string_escaped_zero", #""\0""#, 1, 2, #"invalid escape '\0'"#),
        RejectCase("string_lone_low_surrogate", #""\uDC00""#, 1, 2, "lone low surrogate"),
        RejectCase("string_inverted_surrogates", #""\uDD1E\uD834""#, 1, 2, "lone low surrogate"),
        RejectCase("string_high_surrogate_then_text", #""\uD834abc""#, 1, 2, "lone high surrogate"),
        RejectCase("string_high_surrogate_at_end", #""\uD834""#, 1, 2, "lone high surrogate"),
        RejectCase("string_high_surrogate_then_non_surrogate_escape", #""\uD834\u0041""#, 1, 2, #"followed by \u0041"#),
        RejectCase("string_unicode_escape_with_three_digits_then_quote", #""\u123""#, 1, 7, #"found '"'"#),
        RejectCase("string_unicode_escape_with_sign", #""\u+123""#, 1, 4, "found '+'"),
        RejectCase("string_unclosed_after_escapes", #""a\"b\\"#, 1, 1, "never closed"),
        RejectCase("string_ends_inside_unicode_escape", #""\u12"#, 1, 1, "never closed"),
        RejectCase("string_ends_after_high_surrogate", #"["\uD834"#, 1, 2, "never closed"),
        RejectCase("string_ends_after_high_surrogate_and_backslash", #"["\uD834\"#, 1, 2, "never closed"),
        RejectCase("string_ends_inside_low_surrogate", #"["\uD834\uDD"#, 1, 2, "never closed"),
    ]

    @Test("structure", arguments: structure)
    func rejectsStructure(_ row: RejectCase) {
        expectRejected(row)
    }

    @Test("arrays and literals", arguments: arrays)
    func rejectsArray(_ row: RejectCase) {
        expectRejected(row)
    }

    @Test("numbers", arguments: numbers)
    func rejectsNumber(_ row: RejectCase) {
        expectRejected(row)
    }

    @Test("objects", arguments: objects)
    func rejectsObject(_ row: RejectCase) {
        expectRejected(row)
    }

    @Test("strings", arguments: strings)
    func rejectsString(_ row: RejectCase) {
        expectRejected(row)
    }

    @Test func theFirstErrorIsReportedNotALaterOne() {
        // Two errors: the bad escape comes first, the missing comma later.
        expectRejected(#"["\q" 1, tru]"#, line: 1, column: 3, message: "invalid escape")
        // The unclosed string swallows what follows on its line, then meets the line break.
        expectRejected("[\"abc, 1]\n]", line: 1, column: 10, message: "line break")
    }

    @Test func errorOffsetIsTheOffendingByte() throws {
        let error = try #require(syntaxError(#"{"a": [1, 2 3]}"#))
        #expect(error.offset == 12)
        #expect(error.line == 1 && error.column == 13)
        #expect(error.message == "expected ',' or ']' after an array element, found '3'")
    }

    @Test func messagesNameTheOffendingCharacterReadably() {
        expectRejected("[1 'a']", line: 1, column: 4, message: #"found "'""#)
        expectRejected("[1\t2]", line: 1, column: 4, message: "found '2'")
        expectRejected("[1 \u{7F}]", line: 1, column: 4, message: "the control character U+007F")
        expectRejected("{\"a\" \u{7F}}", line: 1, column: 6, message: "expected ':' after the key, found the control character U+007F")
        expectRejected("[1\u{2028}]", line: 1, column: 3, message: "(U+2028)")
        expectRejected("1 \u{FEFF}", line: 1, column: 3, message: "byte order mark (U+FEFF), which is allowed only at the very start")
    }

    @Test func bareWordsAreQuotedAtMostThirtyTwoCharacters() throws {
        let word = String(repeating: "x", count: 100)
        let error = try #require(syntaxError("[" + word + "]"))
        #expect(error.column == 2)
        #expect(error.message.contains("'" + String(repeating: "x", count: 32) + "'"))
        #expect(!error.message.contains(String(repeating: "x", count: 33)))
    }
}
