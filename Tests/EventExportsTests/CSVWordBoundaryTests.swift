import Testing
@testable import EventExports

/// Rows that need only splitting are read eight bytes at a time; these put
/// separators, quotes, line breaks and bad bytes at the edges of those
/// words (record offsets 0, 7, 8, 15), in rows shorter than a word and in
/// the last bytes of a chunk. Every expectation is written by hand, and
/// each input is also read one byte per chunk, where no row lies whole in
/// a chunk and the byte-by-byte reader reads them all: the two agree.
@Suite("CSV word boundaries")
struct CSVWordBoundaryTests {
    /// Issues as row, 0-based field and problem.
    static func issues(_ reading: CSVReading) -> [String] {
        reading.issues.map { "\($0.location.row.map(String.init) ?? "-"):\($0.location.field.map(String.init) ?? "-"):\($0.problem)" }
    }

    /// Reads `text` whole and one byte per chunk; both must give `rows`
    /// and `issues`.
    static func check(
        _ text: String, _ options: CSVOptions = CSVOptions(separator: .comma), rows: [[String]], issues: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let bytes = Array(text.utf8)
        let whole = CSVReading.read(bytes, options)
        #expect(whole.rows == rows, sourceLocation: sourceLocation)
        #expect(Self.issues(whole) == issues, sourceLocation: sourceLocation)
        let byteByByte = CSVReading.read(bytes, options, chunkSize: 1)
        #expect(byteByByte == whole, sourceLocation: sourceLocation)
        let inPlace = CSVReading.read(bytes, options, inPlace: true)
        #expect(inPlace == whole, sourceLocation: sourceLocation)
    }

    @Test func separatorsAtTheEdgesOfAWord() {
        Self.check(
            "a,b,c\n,x,y\n1234567,x,y\n12345678,x,y\n123456789012345,x,y\n1234567,,\n",
            rows: [["", "x", "y"], ["1234567", "x", "y"], ["12345678", "x", "y"], ["123456789012345", "x", "y"], ["1234567", "", ""]]
        )
    }

    @Test func quotedFieldsOpeningAtTheEdgesOfAWord() {
        Self.check(
            "a,b,c\n\"q,r\",x,y\n123456,\"q,r\",z\n1234567,\"q\",z\n12345678901234,\"s\"\"t\",z\n1,2,\"1234567\"\n",
            rows: [["q,r", "x", "y"], ["123456", "q,r", "z"], ["1234567", "q", "z"], ["12345678901234", "s\"t", "z"], ["1", "2", "1234567"]]
        )
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() {
        Self.check(
            "a,b,c\n1234567\"8,x,y\n12345678\",x,y\nab\"c,\"d\",e\n",
            rows: [["1234567\"8", "x", "y"], ["12345678\"", "x", "y"], ["ab\"c", "d", "e"]]
        )
    }

    @Test func rowsShorterThanAWordAndTheLastBytesOfTheInput() {
        Self.check("a,b,c\n1,2,3\n4,5,6\n7,8,9", rows: [["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]])
        Self.check("a,b,c\n1,2,3\n,,\n\"\",,\"\"", rows: [["1", "2", "3"], ["", "", ""], ["", "", ""]])
    }

    @Test func lineBreaksAtTheEdgesOfAWord() {
        // CR at offset 7 and LF at 8; a lone CR at 15; a blank line between.
        Self.check(
            "a,b,c\r\n1,2,345\r\n1,2,34567890123\r\r\n1234567,8,9\n",
            rows: [["1", "2", "345"], ["1", "2", "34567890123"], ["1234567", "8", "9"]]
        )
    }

    @Test func otherSeparatorsAndTabsAsText() {
        Self.check("a\tb\n1234567\t8\n12345678\t\n", CSVOptions(separator: .tab), rows: [["1234567", "8"], ["12345678", ""]])
        Self.check("a;b\n1\t2;\"x\ty\"\n", CSVOptions(separator: .semicolon), rows: [["1\t2", "x\ty"]])
        Self.check("a|b\n1234567|\"|\"\n", CSVOptions(separator: .pipe), rows: [["1234567", "|"]])
    }

    @Test func quotedLineBreaksKeepTheLineCount() {
        let text = "a,b\n\"1234567\n8\",x\n12345678,y\n"
        Self.check(text, rows: [["1234567\n8", "x"], ["12345678", "y"]])
        #expect(CSVReading.read(text, CSVOptions(separator: .comma)).places.map(\.description) == ["2@2", "3@4"])
    }

    @Test func badBytesAtTheEdgesOfAWordAreLocated() {
        Self.check(
            "a,b,c\n1234567\u{0},x,y\n1234567,\u{0},y\n1,2,3\n",
            rows: [["1", "2", "3"]],
            issues: ["2:0:nulByte", "3:1:nulByte"]
        )
        // An invalid byte at record offset 8 (field 1) and 15 (field 2).
        var bytes = Array("a,b,c\n1234567,".utf8) + [0xFF] + Array(",y\n1234567,123456,".utf8) + [0xC3] + Array("\n1,é,3\n".utf8)
        let whole = CSVReading.read(bytes, CSVOptions(separator: .comma))
        #expect(whole.rows == [["1", "é", "3"]])
        #expect(Self.issues(whole) == ["2:1:invalidUTF8", "3:2:invalidUTF8"])
        #expect(CSVReading.read(bytes, CSVOptions(separator: .comma), chunkSize: 1) == whole)
        bytes.removeLast()
        #expect(CSVReading.read(bytes, CSVOptions(separator: .comma)).rows == [["1", "é", "3"]])
    }

    @Test func fieldsAndRecordsAtTheLimits() {
        let options = CSVOptions(separator: .comma, maximumFieldLength: 8, maximumRecordLength: 16)
        Self.check(
            "a,b\n12345678,1234567\n123456789,1\n1234567,12345678\n1234567,\"123456\"\n1234567,\"1234567\"\n12345678,12345678\n",
            options,
            rows: [["12345678", "1234567"], ["1234567", "12345678"], ["1234567", "123456"]],
            issues: ["3:0:fieldTooLong(limit: 8)", "6:-:recordTooLong(limit: 16)", "7:-:recordTooLong(limit: 16)"]
        )
    }

    @Test func wrongFieldCountsAndTheHeaderAfterAByteOrderMark() {
        Self.check(
            "\u{FEFF}a,b,c\n1234567,8\n1,2,3,4,5,6,7,8\n1,2,3\n",
            rows: [["1", "2", "3"]],
            issues: ["2:-:wrongFieldCount(expected: 3, found: 2)", "3:-:wrongFieldCount(expected: 3, found: 8)"]
        )
        #expect(CSVReading.read("\u{FEFF}a,b,c\n1,2,3\n").header == ["a", "b", "c"])
    }

    @Test func anUnterminatedQuoteAtTheEnd() {
        Self.check("a,b\n1,2\n1234567,\"8", rows: [["1", "2"]], issues: ["3:1:unterminatedQuote"])
    }
}
