import TextPattern
import Testing

/// `pattern` searched for in `text` must give `expected`.
private func expectMatch(_ pattern: String, _ text: String, _ expected: Bool, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    do {
        let compiled = try TextPattern(pattern)
        #expect(compiled.matches(text) == expected, "\(pattern) on \(text.debugDescription)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("\(pattern) was refused: \(error)", sourceLocation: sourceLocation)
    }
}

/// The error `pattern` is refused with, or nil when it is accepted.
private func refusal(of pattern: String) -> TextPatternError? {
    do {
        _ = try TextPattern(pattern)
        return nil
    } catch {
        return error
    }
}

@Suite("TextPattern matching")
struct TextPatternMatchingTests {
    @Test("literals and the empty pattern", arguments: [
        ("abc", "xxabcxx", true),
        ("abc", "abx", false),
        ("abc", "ABC", false),
        ("", "anything", true),
        ("", "", true),
        ("a b", "say a b c", true),
    ])
    func literals(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("anchors ^ and $ hold at the ends of the whole text", arguments: [
        ("^abc", "abcdef", true),
        ("^abc", "xabc", false),
        ("abc$", "xxabc", true),
        ("abc$", "abcx", false),
        ("^abc$", "abc", true),
        ("^abc$", "abc\n", false),
        ("^abc$", "x\nabc", false),
        ("^$", "", true),
        ("^$", "a", false),
    ])
    func anchors(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("dot matches one scalar except line terminators", arguments: [
        ("a.c", "abc", true),
        ("a.c", "a\nc", false),
        ("a.c", "a\rc", false),
        ("a.c", "a😀c", true),
        ("^.$", "\u{E9}", true),
        ("^.$", "e\u{301}", false),
    ])
    func dot(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("character classes, negated classes and ranges", arguments: [
        ("[abc]", "xbx", true),
        ("[abc]", "xyz", false),
        ("^[^abc]+$", "xyz", true),
        ("[^abc]", "abc", false),
        ("^[a-z]+$", "hello", true),
        ("^[a-z]+$", "Hello", false),
        ("[0-9A-F]", "G", false),
        ("^[0-9A-F]+$", "BEEF42", true),
        (#"^[\d.]+$"#, "3.14", true),
        ("[a-]", "-", true),
        ("[-a]", "-", true),
        ("[.]", "a", false),
        ("[.]", ".", true),
        (#"[\]]"#, "]", true),
        (#"[\\]"#, #"\"#, true),
        (#"[\-x]"#, "-", true),
        ("[[]", "[", true),
        ("[]", "abc", false),
        ("[^]", "\n", true),
        (#"^[\s\d]+$"#, " 1 2 ", true),
        (#"^[^\d]+$"#, "abc", true),
        (#"^[\D]+$"#, "ab1", false),
        ("[à-ÿ]", "Aurèle", true),
    ])
    func classes(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("shorthand classes follow ECMAScript (ASCII \\d and \\w, Unicode \\s)", arguments: [
        (#"\d"#, "a1", true),
        (#"\d"#, "abc", false),
        (#"\d"#, "٣", false),
        (#"^\D+$"#, "abc", true),
        (#"\w"#, "!!_", true),
        (#"^\w+$"#, "snake_case9", true),
        (#"^\w+$"#, "Aurèle", false),
        (#"^\W+$"#, "!? ", true),
        (#"\s"#, "a b", true),
        (#"\s"#, "a\u{A0}b", true),
        (#"\s"#, "a\u{2003}b", true),
        (#"^\S+$"#, "a b", false),
        (#"^\S+$"#, "a-b", true),
    ])
    func shorthands(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("escaped metacharacters and control escapes stand for one scalar", arguments: [
        (#"a\.b"#, "a.b", true),
        (#"a\.b"#, "axb", false),
        (#"\\"#, #"a\b"#, true),
        (#"\/"#, "a/b", true),
        (#"\-"#, "-", true),
        (#"^\[\]$"#, "[]", true),
        (#"^\(\)$"#, "()", true),
        (#"^\{\}$"#, "{}", true),
        (#"^\*\+\?$"#, "*+?", true),
        (#"^\*\+\?$"#, "aa", false),
        (#"\|"#, "a|b", true),
        (#"^\^\$$"#, "^$", true),
        (#"\n"#, "a\nb", true),
        (#"\n"#, "a b", false),
        (#"\t"#, "a\tb", true),
        (#"\r"#, "\r", true),
        (#"\u00e9"#, "caf\u{E9}", true),
        (#"\u00E9"#, "cafe", false),
        (#"\u{1F600}"#, "hi 😀", true),
        (#"\uD83D\uDE00"#, "😀", true),
        (#"\x41"#, "A", true),
    ])
    func escapes(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("alternation binds loosest; groups scope it", arguments: [
        ("^ab|cd$", "abzz", true),
        ("^ab|cd$", "zzcd", true),
        ("^ab|cd$", "zabz", false),
        ("^(ab|cd)$", "cd", true),
        ("^(ab|cd)$", "abcd", false),
        ("^(?:ab|cd)+$", "abcdab", true),
        ("a|b|c", "xcx", true),
        ("a|b|c", "xyz", false),
        ("^(|a)$", "", true),
        ("^(a(b(c)))$", "abc", true),
        ("^gr(a|e)y$", "grey", true),
        ("^gr(a|e)y$", "gry", false),
    ])
    func alternationAndGroups(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("quantifiers * + ? and counted repetition", arguments: [
        ("^a*$", "", true),
        ("^a*$", "aaa", true),
        ("^a*$", "aab", false),
        ("^a+$", "", false),
        ("^a+$", "aa", true),
        ("^colou?r$", "color", true),
        ("^colou?r$", "colour", true),
        ("^colou?r$", "colouur", false),
        ("^a{3}$", "aaa", true),
        ("^a{3}$", "aa", false),
        ("^a{3}$", "aaaa", false),
        ("^a{2,}$", "aaaaa", true),
        ("^a{2,}$", "a", false),
        ("^a{2,4}$", "aa", true),
        ("^a{2,4}$", "aaaa", true),
        ("^a{2,4}$", "aaaaa", false),
        ("^a{0}b$", "b", true),
        ("^a{0,0}$", "", true),
        ("^(ab){1,2}$", "abab", true),
        ("^(ab){1,2}$", "ababab", false),
        (#"^\d{3}-\d{4}$"#, "555-1234", true),
        ("^a{1000}$", String(repeating: "a", count: 1000), true),
        ("^a{1000}$", String(repeating: "a", count: 999), false),
    ])
    func quantifiers(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("lazy quantifiers give the same answer as greedy ones", arguments: [
        ("^a*?$", "aaa", true),
        ("^a+?b$", "aab", true),
        ("^a+?b$", "b", false),
        ("^a??$", "a", true),
        ("^a{2,3}?$", "aaa", true),
        ("^a{2,}?$", "a", false),
        ("^a{2}?$", "aa", true),
        ("<.+?>", "<b>", true),
    ])
    func lazy(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("a leading (?i) matches case-insensitively, classes included", arguments: [
        ("(?i)hello", "HeLLo world", true),
        ("hello", "HELLO", false),
        ("(?i)^[a-z]+$", "ABC", true),
        ("(?i)^[A-Z]+$", "abc", true),
        ("(?i)^[^a]$", "A", false),
        ("(?i)^[^a]$", "b", true),
        ("(?i)^AURÈLE$", "aurèle", true),
        ("(?i)σ", "Σ", true),
        ("(?i)Σ", "ς", true),
        (#"(?i)^\W$"#, "K", false),
        ("(?i)^a{2}$", "aA", true),
    ])
    func caseInsensitive(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("text is matched scalar by scalar, beyond ASCII", arguments: [
        ("Aurèle", "Bonjour Aurèle !", true),
        ("^Aur.le$", "Aurèle", true),
        ("^.{6}$", "Aurèle", true),
        ("😀+", "ok 😀😀", true),
        ("^😀{2}$", "😀😀", true),
        ("^[😀-🙏]$", "🙂", true),
        ("^[😀-🙏]$", "🚀", false),
        ("^日本$", "日本", true),
    ])
    func unicode(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("\\b and \\B test for a word character on one side only", arguments: [
        (#"\bcat\b"#, "the cat sat", true),
        (#"\bcat\b"#, "concatenate", false),
        (#"\Bcat\B"#, "concatenate", true),
        (#"\bcat"#, "cat", true),
        (#"cat\b"#, "cat!", true),
        (#"^\b$"#, "", false),
        (#"\B"#, "", true),
        (#"\bèle"#, "Aurèle", true),
        (#"^Aur\b"#, "Aurèle", true),
    ])
    func wordBoundaries(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }

    @Test("loops over what can match nothing terminate", arguments: [
        ("^(a*)*$", "aaa", true),
        ("^(a*)+b$", "aaab", true),
        ("^(a?){3}$", "", true),
        ("(|a)*b", "aaab", true),
        ("^(a*)*$", "aab", false),
        ("^()*$", "", true),
    ])
    func emptyLoops(pattern: String, text: String, expected: Bool) {
        expectMatch(pattern, text, expected)
    }
}

@Suite("TextPattern refusals")
struct TextPatternRefusalTests {
    @Test("unsupported or malformed patterns are refused where the problem is", arguments: [
        // Features that need backtracking.
        (#"\1"#, 0, "backreference"),
        (#"(a)\1"#, 3, "linear time"),
        (#"\k<x>"#, 0, "backreference"),
        ("(?=a)", 0, "lookahead"),
        ("a(?!b)", 1, "linear time"),
        ("(?<=a)b", 0, "lookbehind"),
        ("(?<!a)b", 0, "lookbehind"),
        ("a*+", 1, "possessive"),
        ("a++", 1, "linear time"),
        ("a{2}+", 1, "possessive quantifier '{2}+'"),
        ("(?<name>a)", 0, "named groups"),
        ("(?P<n>a)", 0, "named groups"),
        // Groups.
        ("(ab", 0, "expected ')'"),
        ("a(b(c)", 1, "expected ')'"),
        ("ab)", 2, "unmatched ')'"),
        ("(a))", 3, "unmatched ')'"),
        ("(?i)a(?i)b", 5, "(?i) at the very start"),
        ("(?m)a", 0, "inline flags"),
        ("(?#c)", 0, "expected (?: … )"),
        ("(?", 0, "unknown group syntax"),
        // Classes.
        ("[abc", 0, "expected ']'"),
        ("x[^a", 1, "unterminated character class"),
        (#"[a\"#, 2, "lone '\\'"),
        ("[z-a]", 1, "range 'z-a' is out of order"),
        (#"[\d-z]"#, 1, "single character"),
        (#"[a-\w]"#, 3, "single character"),
        (#"[\b]"#, 1, "word boundaries"),
        // Quantifiers.
        ("*a", 0, "'*' has nothing to repeat"),
        ("a|+b", 2, "nothing to repeat"),
        ("(?:?)", 3, "nothing to repeat"),
        ("a**", 2, "nothing to repeat"),
        ("a*??", 3, "nothing to repeat"),
        ("{2}", 0, "nothing to repeat"),
        ("^*", 1, "cannot follow '^'"),
        (#"\b+"#, 2, #"cannot follow '\b'"#),
        ("a{5,2}", 1, "{5,2} has its minimum above its maximum"),
        ("a{2", 1, "expected a repetition count"),
        ("a{,3}", 1, "expected a repetition count"),
        ("a{x}", 1, "write \\{ for a literal brace"),
        ("a}", 1, "unmatched '}'"),
        ("a]", 1, "unmatched ']'"),
        // Escapes.
        (#"\q"#, 0, "unknown escape '\\q'"),
        (#"ab\z"#, 2, "unknown escape"),
        (#"\é"#, 0, "unknown escape"),
        (#"a\<"#, 1, "unknown escape '\\<'"),
        (#"\:"#, 0, "or a backslash before one of"),
        (#"a\"#, 1, "lone '\\'"),
        (#"\u12"#, 0, "four hex digits"),
        (#"\uD83D"#, 0, "surrogate"),
        (#"\uDE00\uD83D"#, 0, "surrogate"),
        (#"\u{110000}"#, 0, "10FFFF"),
        (#"\u{}"#, 0, "hex digits"),
        (#"\xZZ"#, 0, "two hex digits"),
        (#"\p{L}"#, 0, "property"),
        (#"\01"#, 0, "octal"),
        // Size.
        ("a{1001}", 1, "too large"),
        ("a{2,5000}", 1, "at most 1000"),
        ("(a{1000}){1000}", 9, "too large"),
        ("x(?:abcdefghij){1000}(?:abcdefghij){1000}", 21, "too large"),
        ("(?:a{1000}){21}", 11, "too large"),
        ("(?:a{1000}){20}b", 15, "too large"),
    ])
    func refused(pattern: String, offset: Int, fragment: String) throws {
        let error = try #require(refusal(of: pattern), "\(pattern) was accepted")
        #expect(error.offset == offset, "\(pattern): \(error)")
        #expect(error.message.contains(fragment), "\(pattern): \(error)")
    }

    @Test("deep nesting is refused before it can exhaust the stack")
    func deepNesting() throws {
        let pattern = String(repeating: "(", count: 5_000) + "a" + String(repeating: ")", count: 5_000)
        let error = try #require(refusal(of: pattern))
        #expect(error.offset == 100)
        #expect(error.message.contains("nested"))
        // The limit itself is fine.
        let deepest = String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100)
        #expect(try TextPattern(deepest).matches("a"))
    }

    @Test("alternation that grows too large is refused at the '|'")
    func wideAlternation() throws {
        let branch = "(?:abcdefghij){999}"
        let pattern = branch + "|" + branch + "|" + branch
        let error = try #require(refusal(of: pattern))
        #expect(error.offset == 2 * branch.unicodeScalars.count + 1)
        #expect(error.message.contains("too large"))
    }

    @Test("offsets count Unicode scalars, not bytes or characters")
    func offsetsInScalars() throws {
        let error = try #require(refusal(of: "é😀e\u{301}*?+"))
        // é, 😀, e, U+0301, *, ?, then the offending +
        #expect(error.offset == 6)
    }

    @Test("error text names the offset and the problem")
    func errorDescription() throws {
        let error = try #require(refusal(of: "(ab"))
        #expect(error.description == "at offset 0: unclosed group: expected ')' to close the '(' opened here")
        #expect(error == (try #require(refusal(of: "(ab"))))
        #expect(error != (try #require(refusal(of: "ab)"))))
    }
}

@Suite("TextPattern on hostile patterns")
struct TextPatternLinearTimeTests {
    private static let run = String(repeating: "a", count: 30_000)

    @Test("patterns that are exponential for backtracking engines answer correctly", arguments: [
        ("(a+)+$", run + "!", false),
        ("(a+)+$", run, true),
        ("^(a+)+$", run + "b", false),
        ("(a|aa)*b", run, false),
        ("(a|aa)*b", run + "b", true),
        ("(.*)*x", run, false),
        ("(.*)*x", run + "x", true),
        ("^(a|a?)+$", run + "!", false),
        (#"^(\w+\s?)*$"#, run + "!", false),
        ("(a*)*(b*)*c", run, false),
        ("^(?:a{1,10}){1,10}$", String(repeating: "a", count: 101), false),
        ("^(?:a{1,10}){1,10}$", String(repeating: "a", count: 100), true),
        ("(x+x+)+y", String(repeating: "x", count: 30_000), false),
    ])
    func catastrophic(pattern: String, text: String, expected: Bool) throws {
        #expect(try TextPattern(pattern).matches(text) == expected)
    }

    @Test("a long text with a late match is found")
    func lateMatch() throws {
        let text = String(repeating: "ab", count: 15_000) + "needle"
        #expect(try TextPattern("n[aeiou]{2}dle$").matches(text))
        #expect(try TextPattern("^(ab)*needle$").matches(text))
        #expect(try TextPattern("^(ab)*needles$").matches(text) == false)
    }
}

@Suite("TextPattern values")
struct TextPatternValueTests {
    @Test("source and description are the pattern as written")
    func sourceAndDescription() throws {
        let pattern = try TextPattern(#"^[A-Z]{3}-\d{4}$"#)
        #expect(pattern.source == #"^[A-Z]{3}-\d{4}$"#)
        #expect(pattern.description == #"^[A-Z]{3}-\d{4}$"#)
        #expect(pattern.matches("ABC-1234"))
        #expect(pattern.matches("ABC-12345") == false)
    }

    @Test("equality and hashing follow the source")
    func equality() throws {
        let first = try TextPattern("a+")
        let same = try TextPattern("a+")
        let other = try TextPattern("a{1,}")
        #expect(first == same)
        #expect(first != other)
        #expect(Set([first, same, other]).count == 2)
    }
}

@Suite("Pattern cost bound")
struct PatternCostTests {
    @Test("a match runs only while the pattern's size times the text's length stays within the limit")
    func costLimit() throws {
        let pattern = try TextPattern("a")
        // Two instructions (the letter, then the match): 2 × 3 scalars = 6 steps at most.
        #expect(pattern.instructionCount == 2)
        #expect(pattern.matches("cat", costLimit: 6) == true)
        #expect(pattern.matches("cat", costLimit: 5) == nil)
        #expect(pattern.matches("dog", costLimit: 6) == false)
        // Scalars, not bytes or characters: "é" as e + U+0301 is two.
        #expect(pattern.matches("e\u{301}", costLimit: 4) == false)
        #expect(pattern.matches("e\u{301}", costLimit: 3) == nil)
    }

    @Test("a counted repetition is as large as what it repeats")
    func repetitionSize() throws {
        let large = try TextPattern("(?:.{0,1000}){9}!")
        #expect(large.instructionCount > 9_000)
        #expect(large.matches(String(repeating: "a", count: 100_000), costLimit: 10_000_000) == nil)
    }
}
