import Testing

@testable import ConformanceSQL

@Suite("SQL quoting")
struct SQLQuotingTests {
    static let hostile = "x'; DROP TABLE events; --"

    @Test("A string literal holds any text as data, in every dialect")
    func stringLiterals() {
        #expect(SQLDialect.duckdb.string(Self.hostile) == "'x''; DROP TABLE events; --'")
        #expect(SQLDialect.ansi.string(Self.hostile) == "'x''; DROP TABLE events; --'")
        #expect(SQLDialect.spark.string(Self.hostile) == "'x\\'; DROP TABLE events; --'")
        // Spark reads backslashes as escapes: a backslash before a quote must not end the literal.
        #expect(SQLDialect.spark.string("a\\'b") == "'a\\\\\\'b'")
        #expect(SQLDialect.duckdb.string("a\\'b") == "'a\\''b'")
    }

    @Test("Line breaks, controls and bidirectional characters are escapes, never raw")
    func controlCharacters() {
        let text = "a\nb\u{202E}c"
        #expect(SQLDialect.duckdb.string(text) == "('a' || chr(10) || 'b' || chr(8238) || 'c')")
        #expect(SQLDialect.spark.string(text) == "'a\\u000Ab\\u202Ec'")
        #expect(SQLDialect.ansi.string(text) == "U&'a\\000Ab\\202Ec'")
        #expect(SQLDialect.ansi.string("it's\t\\") == "U&'it''s\\0009\\\\'")
    }

    @Test("Identifiers are quoted, their quote doubled; one with a control character is refused")
    func identifiers() {
        #expect(SQLDialect.duckdb.identifier("care-tickets") == "\"care-tickets\"")
        #expect(SQLDialect.ansi.identifier("a\"b") == "\"a\"\"b\"")
        #expect(SQLDialect.spark.identifier("a`b") == "`a``b`")
        #expect(SQLDialect.duckdb.identifier("a\nb") == nil)
        #expect(SQLDialect.spark.identifier("a\u{2066}b") == nil)
        #expect(SQLDialect.ansi.identifier("") == nil)
    }
}
