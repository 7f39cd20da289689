import Testing
@testable import JSONCReader

/// Nesting beyond `maximumDepth` is a located error, never a stack overflow —
/// whatever the input and whatever the limit.
@Suite("Depth limit")
struct DepthLimitTests {
    static func nestedArrays(_ depth: Int, closed: Bool = true) -> String {
        String(repeating: "[", count: depth) + (closed ? String(repeating: "]", count: depth) : "")
    }

    @Test func theDefaultLimitIs512() throws {
        #expect(JSONCDocument.defaultMaximumDepth == 512)
        let document = try JSONCDocument.parse(Self.nestedArrays(512))
        #expect(document.valueCount == 512)
        expectRejected(
            Self.nestedArrays(513), line: 1, column: 513,
            message: "arrays and objects are nested more than 512 levels deep here, the most the reader accepts"
        )
    }

    @Test func oneHundredThousandOpeningBracketsFailCleanly() throws {
        let error = try #require(syntaxError(Self.nestedArrays(100_000, closed: false)))
        #expect(error.line == 1 && error.column == 513 && error.offset == 512)
        #expect(error.message.contains("512 levels"))
    }

    @Test func oneHundredThousandBalancedBracketsFailCleanly() {
        expectRejected(Self.nestedArrays(100_000), line: 1, column: 513, message: "nested more than 512 levels")
    }

    @Test func oneHundredThousandNestedObjectsFailCleanly() {
        let text = String(repeating: #"{"a":"#, count: 100_000) + "1" + String(repeating: "}", count: 100_000)
        // The 513th brace is preceded by 512 copies of `{"a":`.
        expectRejected(text, line: 1, column: 512 * 5 + 1, message: "nested more than 512 levels")
    }

    @Test func deepNestingOnManyLinesIsLocatedOnItsLine() {
        let text = (0..<600).map { String(repeating: " ", count: $0 % 7) + "[" }.joined(separator: "\n")
        // The 513th bracket is on line 513, after 512 % 7 = 1 space.
        expectRejected(text, line: 513, column: 2, message: "512")
    }

    @Test func mixedContainersCountTogether() throws {
        let depth = 8
        let open = (0..<depth).map { $0 % 2 == 0 ? "[" : #"{"k":"# }.joined()
        let close = (0..<depth).reversed().map { $0 % 2 == 0 ? "]" : "}" }.joined()
        let document = try JSONCDocument.parse(open + "null" + close, maximumDepth: depth)
        #expect(document.valueCount == depth + 1)
        expectRejected(open + "[]" + close, line: 1, column: open.count + 1, message: "nested more than 8 levels", maximumDepth: depth)
    }

    @Test func siblingsDoNotAddUp() throws {
        // A thousand arrays two deep, side by side, under a limit of 3.
        let text = "[" + Array(repeating: "[[1]]", count: 1_000).joined(separator: ",") + "]"
        let document = try JSONCDocument.parse(text, maximumDepth: 3)
        #expect(document.root.elements.count == 1_000)
        expectRejected("[[], [[[]]]]", line: 1, column: 8, message: "nested more than 3 levels", maximumDepth: 3)
    }

    @Test func smallLimits() throws {
        #expect(try JSONCDocument.parse("1", maximumDepth: 0).root.number?.int == 1)
        #expect(try JSONCDocument.parse(#""s""#, maximumDepth: 0).root.string == "s")
        expectRejected("[]", line: 1, column: 1, message: "nested more than 0 levels", maximumDepth: 0)
        expectRejected("{}", line: 1, column: 1, message: "nested more than 0 levels", maximumDepth: 0)
        #expect(try JSONCDocument.parse("[1, {}]", maximumDepth: 2).root.elements.count == 2)
        expectRejected("[1, {}]", line: 1, column: 5, message: "nested more than 1 level deep", maximumDepth: 1)
    }

    @Test func theLimitIsCheckedAfterCommentsAndABOM() {
        let text = "\u{FEFF}/* deep */ [ // one\n [ /* two */ [ ] ] ]"
        expectRejected(text, line: 2, column: 14, message: "nested more than 2 levels", maximumDepth: 2)
    }

    @Test func aHighLimitParsesDeepDocumentsWithoutRecursion() throws {
        // Were the reader recursive, this depth would overflow the stack of a
        // test thread in a debug build.
        let depth = 100_000
        let text = Self.nestedArrays(depth)
        let document = try JSONCDocument.parse(text, maximumDepth: depth)
        #expect(document.valueCount == depth)
        #expect(document.root.endOffset == 2 * depth)
        #expect(document.root.sourceText.utf8.count == 2 * depth)

        var innermost = document.root
        for _ in 1..<depth {
            innermost = try #require(innermost.elements.first { _ in true })
        }
        #expect(innermost.elements.isEmpty)
        #expect(innermost.offset == depth - 1)
        #expect(innermost.endOffset == depth + 1)

        expectRejected(Self.nestedArrays(depth + 1), line: 1, column: depth + 1, message: "nested more than 100000 levels", maximumDepth: depth)
    }

    @Test func deepObjectsWithDuplicatesAndCommentsUnderAHighLimit() throws {
        let depth = 20_000
        let text = String(repeating: "{\"a\": 0, \"a\": /* c */ ", count: depth) + "1" + String(repeating: ",}", count: depth)
        let document = try JSONCDocument.parse(text, maximumDepth: depth)
        #expect(document.duplicateKeys.count == depth)
        #expect(document.duplicateKeys.map(\.offset) == document.duplicateKeys.map(\.offset).sorted())
        // Iteration yields the first "a" of each object: 0, not the nested object.
        #expect(document.root["a"]?.number?.int == 0)
        #expect(document.root.endOffset == text.utf8.count)
    }
}
