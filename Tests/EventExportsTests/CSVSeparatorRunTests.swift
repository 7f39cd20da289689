import Testing
@testable import EventExports

/// A word of eight bytes whose only special bytes are separators has them
/// written all at once; these put one to eight separators in a word, more
/// fields than the header's, and fields over the limit in records longer
/// than it. Each input is also read one byte per chunk, by the
/// byte-by-byte reader, and through lent rows: all three agree.
@Suite("CSV separator runs")
struct CSVSeparatorRunTests {
    static func check(
        _ text: String, _ options: CSVOptions = CSVOptions(separator: .comma), rows: [[String]], issues: [String] = [],
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        CSVWordBoundaryTests.check(text, options, rows: rows, issues: issues, sourceLocation: sourceLocation)
    }

    @Test func oneToEightSeparatorsInAWord() {
        // Record offsets 0–7 and 8–15 are the first two words of each row.
        Self.check(
            "a,b,c,d,e,f,g,h,i\n,,,,,,,,\n1,2,3,4,5,6,7,8,9\n12,45,78,ab,de,gh,jk,mn,pq\n1234567,9abcdef,h,j,l,n,p,r,t\n",
            rows: [
                ["", "", "", "", "", "", "", "", ""], ["1", "2", "3", "4", "5", "6", "7", "8", "9"],
                ["12", "45", "78", "ab", "de", "gh", "jk", "mn", "pq"], ["1234567", "9abcdef", "h", "j", "l", "n", "p", "r", "t"],
            ]
        )
        // Three in the first word, then a word with the line break after two.
        Self.check("a,b,c,d,e,f\n1,2,3,456,7,8\n", rows: [["1", "2", "3", "456", "7", "8"]])
    }

    @Test func moreFieldsThanTheHeaderInDenseWordsAreCountedExactly() {
        Self.check(
            "a,b\n,,,,,,,,\n1,2,3,4,5,6,7,8,9,0,1,2,3,4,5,6,7\n1,2\n",
            rows: [["1", "2"]],
            issues: ["2:-:wrongFieldCount(expected: 2, found: 9)", "3:-:wrongFieldCount(expected: 2, found: 17)"]
        )
        // Fewer fields than the header, the last ones empty.
        Self.check("a,b,c,d\n1,2\n,,,\n", rows: [["", "", "", ""]], issues: ["2:-:wrongFieldCount(expected: 4, found: 2)"])
    }

    @Test func fieldsOverTheLimitInRecordsLongerThanIt() {
        let options = CSVOptions(separator: .comma, maximumFieldLength: 4, maximumRecordLength: 64)
        Self.check(
            "a,b,c\n1234,5678,9\n12345,1,2\n1,2,34567\n\"1234\",1,2\n1234,1234,1234\n",
            options,
            rows: [["1234", "5678", "9"], ["1234", "1", "2"], ["1234", "1234", "1234"]],
            issues: ["3:0:fieldTooLong(limit: 4)", "4:2:fieldTooLong(limit: 4)"]
        )
        // A quoted field past the limit stops reading: the row after it is not read.
        Self.check(
            "a,b,c\n\"1234\",1,2\n1,\"12345\",2\n1234,1234,1234\n",
            options,
            rows: [["1234", "1", "2"]],
            issues: ["3:1:quoteOpenPastLimit(limit: 4, ofRow: false)"]
        )
    }

    @Test func separatorsAfterAQuotedFieldInTheSameWord() {
        Self.check(
            "a,b,c,d,e\n\"x\",1,2,3,4\n1,\"y,z\",2,,\n",
            rows: [["x", "1", "2", "3", "4"], ["1", "y,z", "2", "", ""]]
        )
    }

    @Test func otherSeparatorsInRuns() {
        Self.check("a;b;c;d\n;;;\n1;2,3;4;5\n", CSVOptions(separator: .semicolon), rows: [["", "", "", ""], ["1", "2,3", "4", "5"]])
        Self.check("a|b|c\n1|2|3\n", CSVOptions(separator: .pipe), rows: [["1", "2", "3"]])
    }

    /// Rows holding `""` are unescaped into a copy of their own; the rows
    /// after them are split afresh.
    @Test func doubledQuotesInQuotedFields() {
        Self.check(
            "a,b,c\n\"x\"\"y\",1,2\n1,\"\"\"\",\"\"\n\"1234567\"\"\",\"\"\"8\",z\np,q,r\n\"\"\"\"\"\"\"\",\"a\"\"b\"\"c\",\"\"\r\n",
            rows: [["x\"y", "1", "2"], ["1", "\"", ""], ["1234567\"", "\"8", "z"], ["p", "q", "r"], ["\"\"\"", "a\"b\"c", ""]]
        )
        // A quote left open by a doubled one runs on to the next line.
        Self.check("a,b\n\"x\"\",1\n2\",3\n4,5\n", rows: [["x\",1\n2", "3"], ["4", "5"]])
    }

    @Test func theFieldLimitCountsDoubledQuotesAsWritten() {
        let options = CSVOptions(separator: .comma, maximumFieldLength: 4, maximumRecordLength: 64)
        Self.check(
            "a,b\n\"a\"\"b\",1\n\"ab\"\"c\",1\n",
            options,
            rows: [["a\"b", "1"]],
            issues: ["3:0:quoteOpenPastLimit(limit: 4, ofRow: false)"]
        )
    }

    /// An invalid byte at every offset of the first two words of a row, and
    /// after a two-byte character: always the field holding it.
    @Test func invalidUTF8AtEveryOffsetOfAWordIsLocated() {
        for offset in 0..<16 {
            var row = Array("abcdefghijklmnop,q\n".utf8)
            row[offset] = 0xFF
            let bytes = Array("a,b\n".utf8) + row + Array("é,ü\n".utf8)
            let whole = CSVReading.read(bytes, CSVOptions(separator: .comma))
            #expect(whole.rows == [["é", "ü"]], "offset \(offset)")
            #expect(CSVWordBoundaryTests.issues(whole) == ["2:0:invalidUTF8"], "offset \(offset)")
            #expect(CSVReading.read(bytes, CSVOptions(separator: .comma), chunkSize: 1) == whole, "offset \(offset)")
        }
        for offset in 0..<14 {
            // "é" at `offset`, then a continuation byte with no lead.
            var row = Array("abcdefghijklmnop,q\n".utf8)
            row.replaceSubrange(offset..<(offset + 3), with: [0xC3, 0xA9, 0x80])
            let bytes = Array("a,b\n".utf8) + row
            let reading = CSVReading.read(bytes, CSVOptions(separator: .comma))
            #expect(CSVWordBoundaryTests.issues(reading) == ["2:0:invalidUTF8"], "offset \(offset)")
        }
    }
}

/// The UTF-8 check's word-at-a-time skip over ASCII lands on the first
/// byte outside it, wherever that is in the word.
@Suite("UTF-8 validation")
struct UTF8ValidationTests {
    static func firstInvalid(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
    }

    @Test func theFirstBadByteIsFoundAtEveryOffset() {
        for offset in 0..<24 {
            var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 24)
            bytes[offset] = 0xFF
            #expect(Self.firstInvalid(bytes) == offset)
            // A valid "€" (three bytes) first, then the bad byte after it.
            if offset + 3 < 24 {
                var mixed = [UInt8](repeating: UInt8(ascii: "x"), count: 24)
                mixed.replaceSubrange(offset..<(offset + 3), with: [0xE2, 0x82, 0xAC])
                #expect(Self.firstInvalid(mixed) == nil)
                mixed[offset + 3] = 0xBF
                #expect(Self.firstInvalid(mixed) == offset + 3)
            }
        }
    }

    @Test func aSequenceCutByTheEndIsInvalidAtItsLead() {
        #expect(Self.firstInvalid(Array(Array("12345678é".utf8).dropLast())) == 8)
        #expect(Self.firstInvalid(Array(Array("1234567€".utf8).dropLast())) == 7)
        #expect(Self.firstInvalid(Array("1234567€".utf8)) == nil)
        #expect(Self.firstInvalid([]) == nil)
    }
}
