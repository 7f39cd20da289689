import Testing
@testable import EventExports

/// The CSV that spreadsheets, CRMs and help desks write, read into the
/// rows a person sees in the spreadsheet; every expectation written out
/// by hand.
@Suite("CSV reader")
struct CSVReaderTests {
    @Test func aHeaderAndRowsAreReadAsNamedFields() {
        let reading = CSVReading.read("case_id,ts,activity\nC1,2026-07-03T14:05:00Z,opened\nC2,2026-07-03T15:00:00Z,replied\n")
        #expect(reading.header == ["case_id", "ts", "activity"])
        #expect(reading.rows == [["C1", "2026-07-03T14:05:00Z", "opened"], ["C2", "2026-07-03T15:00:00Z", "replied"]])
        #expect(reading.places == [.init(row: 2, line: 2), .init(row: 3, line: 3)])
        #expect(reading.issues.isEmpty)
    }

    @Test func quotedFieldsHoldSeparatorsQuotesAndLineBreaks() {
        let text = "id,note,channel\n1,\"Reply sent, awaiting customer\",email\n2,\"She said \"\"call me\"\"\",phone\n3,\"two\nlines\",chat\n4,\"\",store\n"
        let reading = CSVReading.read(text)
        #expect(reading.rows == [
            ["1", "Reply sent, awaiting customer", "email"],
            ["2", "She said \"call me\"", "phone"],
            ["3", "two\nlines", "chat"],
            ["4", "", "store"],
        ])
        // Row 4 starts on line 4 and holds a line break, so row 5 starts on line 6.
        #expect(reading.places == [.init(row: 2, line: 2), .init(row: 3, line: 3), .init(row: 4, line: 4), .init(row: 5, line: 6)])
    }

    @Test func crlfEndsRecordsAndStaysTextInsideQuotes() {
        let reading = CSVReading.read("a,b\r\n\"x\r\ny\",2\r\n3,4\r\n")
        #expect(reading.rows == [["x\r\ny", "2"], ["3", "4"]])
        #expect(reading.places == [.init(row: 2, line: 2), .init(row: 3, line: 4)])
    }

    @Test func aLoneCarriageReturnEndsARecordAsOldSpreadsheetsWrite() {
        let reading = CSVReading.read("a,b\r1,2\r3,4")
        #expect(reading.rows == [["1", "2"], ["3", "4"]])
        #expect(reading.places == [.init(row: 2, line: 2), .init(row: 3, line: 3)])
    }

    @Test func aUTF8ByteOrderMarkIsSkipped() {
        let reading = CSVReading.read([0xEF, 0xBB, 0xBF] + Array("id;name\n1;Zoë\n".utf8))
        #expect(reading.header == ["id", "name"])
        #expect(reading.rows == [["1", "Zoë"]])
        #expect(reading.separator == .semicolon)
    }

    @Test func aUTF16FileIsRefusedOnce() {
        let reading = CSVReading.read([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00], chunkSize: 1)
        #expect(reading.rows.isEmpty)
        #expect(reading.issues.map(\.problem) == [.utf16])
    }

    @Test func theLastRecordNeedsNoLineBreakAndATrailingSeparatorIsAnEmptyField() {
        #expect(CSVReading.read("a,b\n1,").rows == [["1", ""]])
        #expect(CSVReading.read("a,b\n1,2").rows == [["1", "2"]])
        #expect(CSVReading.read("a,b\n1,\"2\"").rows == [["1", "2"]])
        #expect(CSVReading.read("a,b\n,\n").rows == [["", ""]])
    }

    @Test func blankLinesCountAsRowsButAreNotDelivered() {
        let reading = CSVReading.read("a\n\nx\r\n\r\ny\n\n")
        #expect(reading.rows == [["x"], ["y"]])
        #expect(reading.places == [.init(row: 3, line: 3), .init(row: 5, line: 5)])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsText() {
        #expect(CSVReading.read("size,n\n27\" screen,1\n").rows == [["27\" screen", "1"]])
    }

    @Test func spacesAroundFieldsAreKeptButHeaderNamesAreTrimmed() {
        let reading = CSVReading.read(" id , note \n 1 , x \n")
        #expect(reading.header == ["id", "note"])
        #expect(reading.rows == [[" 1 ", " x "]])
    }

    @Test func withoutAHeaderTheFirstRowSetsTheFieldCount() {
        let reading = CSVReading.read("1,2\n3,4,5\n6,7\n", .noHeader)
        #expect(reading.header == nil)
        #expect(reading.rows == [["1", "2"], ["6", "7"]])
        #expect(reading.issues.map(\.description) == ["row 2: expected 2 fields, found 3; the row is skipped"])
    }

    // MARK: Separators

    @Test("each separator is detected from the header line", arguments: [
        ("id,name,channel\n1,a;b,c\n", CSVSeparator.comma),
        ("id;name;channel\n1;a,b;c\n", .semicolon),
        ("id\tname\tchannel\n1\ta,b\tc\n", .tab),
        ("id|name|channel\n1|a;b|c\n", .pipe),
    ])
    func detection(_ text: String, _ expected: CSVSeparator) {
        let reading = CSVReading.read(text)
        #expect(reading.separator == expected)
        #expect(reading.header == ["id", "name", "channel"])
        #expect(reading.rows.first?.count == 3)
    }

    @Test func detectionCountsOutsideQuotesAndBreaksTiesInListOrder() {
        // Two ';' outside quotes beat three ',' inside them.
        #expect(CSVReReading.separator(of: "\"a,b,c,d\";x;y\n") == .semicolon)
        // One of each: ',' comes first in the list.
        #expect(CSVReReading.separator(of: "a;b,c\n") == .comma)
        #expect(CSVReReading.separator(of: "a|b\tc\n") == .tab)
        // None: a single column, read with ','.
        #expect(CSVReReading.separator(of: "name\n") == .comma)
        // The header's line break inside quotes does not end the first line.
        #expect(CSVReReading.separator(of: "\"a\nb\";c;d\n1;2;3\n") == .semicolon)
    }

    @Test func aGivenSeparatorIsUsedEvenWhenTheHeaderSuggestsAnother() {
        let reading = CSVReading.read("a;b,c\n1;2,3\n", CSVOptions(separator: .semicolon))
        #expect(reading.rows == [["1", "2,3"]])
    }

    @Test func anySingleASCIIByteButQuotesAndLineBreaksCanSeparate() {
        #expect(CSVSeparator("#")?.byte == UInt8(ascii: "#"))
        #expect(CSVSeparator("\"") == nil)
        #expect(CSVSeparator("\n") == nil)
        #expect(CSVSeparator("\r") == nil)
        #expect(CSVSeparator("é") == nil)
        #expect(CSVReading.read("a#b\n1#2\n", CSVOptions(separator: CSVSeparator("#"))).rows == [["1", "2"]])
    }

    // MARK: Header problems

    @Test func emptyAndDuplicateColumnNamesAreReportedAndTheHeaderStillUsed() {
        let reading = CSVReading.read("id,,channel, id \n1,2,3,4\n")
        #expect(reading.header == ["id", "", "channel", "id"])
        #expect(reading.issues.map(\.description) == [
            "row 1, field 2: a column has no name",
            "row 1, field 4 'id': the column name 'id' is already used by field 1; that first column is the one found by name",
        ])
        #expect(reading.rows == [["1", "2", "3", "4"]])
        #expect(CSVHeader(names: ["id", "", "channel", " id "]).index(of: "id") == 0)
        #expect(CSVHeader(names: ["id", "channel"]).index(of: " channel ") == 1)
        #expect(CSVHeader(names: ["id"]).index(of: "ID") == nil)
    }

    @Test func rowsWithTheWrongFieldCountAreReportedWithTheirPlaceAndSkipped() {
        let reading = CSVReading.read("a,b,c\n1,2,3\n1,2\n\"x\ny\",2,3,4\n5,6,7\n")
        #expect(reading.rows == [["1", "2", "3"], ["5", "6", "7"]])
        #expect(reading.issues.map(\.problem) == [
            .wrongFieldCount(expected: 3, found: 2), .wrongFieldCount(expected: 3, found: 4),
        ])
        #expect(reading.issues.map(\.location) == [ExportLocation(row: 3, line: 3), ExportLocation(row: 4, line: 4)])
        #expect(reading.places == [.init(row: 2, line: 2), .init(row: 5, line: 6)])
        #expect(reading.issues[1].description == "row 4: expected 3 fields, found 4; the row is skipped")
    }

    @Test func aBadHeaderRowIsReportedAndTheNextRowIsNotTakenForIt() {
        let reading = CSVReading.read([0x69, 0x64, 0xE9, 0x0A] + Array("1\n2\n".utf8))
        #expect(reading.header == nil)
        #expect(reading.issues.map(\.problem) == [.invalidUTF8])
        #expect(reading.rows == [["1"], ["2"]])
    }

    // MARK: Malformed quoting

    @Test func textAfterAClosingQuoteSkipsTheRowAndTheNextIsRead() {
        let reading = CSVReading.read("a,b\n\"x\"y,2\n3,4\n")
        #expect(reading.rows == [["3", "4"]])
        #expect(reading.issues.map(\.problem) == [.textAfterClosingQuote(UInt8(ascii: "y"))])
        #expect(reading.issues.first?.location == ExportLocation(row: 2, line: 2, field: 0, fieldName: "a"))
    }

    @Test func anUnterminatedQuoteAtTheEndIsReportedAtItsOpeningQuote() {
        let reading = CSVReading.read("a,b\n1,2\n3,\"never closed\n4,5\n")
        #expect(reading.rows == [["1", "2"]])
        #expect(reading.issues.map(\.description) == [
            "row 3, column 3, field 2 'b': a quoted field is never closed with '\"' before the end of the input; the rest of the input is not read",
        ])
        // The quote's own line and column, in characters, after a quoted line break and a two-byte one.
        for size in [nil, 1, 2, 5] {
            let later = CSVReading.read("a,b,c\n1,\"x\ny\",é\"z\n2,3,4\n5,éé,\"open\n6,7,8\n", chunkSize: size)
            #expect(later.rows == [["1", "x\ny", "é\"z"], ["2", "3", "4"]])
            #expect(later.issues.map(\.description) == [
                "row 4 (line 5), column 6, field 3 'c': a quoted field is never closed with '\"' before the end of the input; the rest of the input is not read",
            ])
            #expect(later.issues.first?.location == ExportLocation(row: 4, line: 5, column: 6, field: 2, fieldName: "c"))
            // A quote opened on the second line of its row: that line and its column.
            let second = CSVReading.read("a,b,c\n7,\"a\nbé\",\"open\n8,9,0\n", chunkSize: size)
            #expect(second.issues.first?.location == ExportLocation(row: 2, line: 3, column: 5, field: 2, fieldName: "c"))
        }
    }

    // MARK: Records as bytes

    @Test func fieldsCompareAndExposeTheirBytesWithoutMakingStrings() throws {
        var reader = CSVReader(CSVOptions(separator: .comma, hasHeader: false))
        var checked = 0
        reader.read(Array("email,\"a\"\"b\",,Zoë\n".utf8)) { event in
            guard case .record(let record) = event else { return }
            #expect(record.count == 4)
            #expect(record[0] == "email")
            #expect(!(record[0] == "emai"))
            #expect(record[1] == "a\"b")
            #expect(record[1].byteCount == 3)
            #expect(record[2].isEmpty)
            #expect(Array(record[3].bytes) == [0x5A, 0x6F, 0xC3, 0xAB])
            #expect(record[3].withUnsafeBytes { $0.count } == 4)
            #expect(record.field(4) == nil)
            #expect(record.field(-1) == nil)
            checked += 1
        }
        reader.finish { _ in }
        #expect(checked == 1)
    }

    @Test func aRecordKeptPastTheCallbackKeepsItsContent() {
        var reader = CSVReader(.noHeader)
        var kept: [CSVRecord] = []
        let handle: (CSVEvent) -> Void = { if case .record(let record) = $0 { kept.append(record) } }
        reader.read(Array("a,\"b\"\"\"\nc,d\n\"e".utf8), handle)
        reader.read(Array("e\",f\n".utf8), handle)
        reader.finish(handle)
        #expect(kept.map(\.strings) == [["a", "b\""], ["c", "d"], ["ee", "f"]])
    }
}

/// Separator detection alone.
enum CSVReReading {
    static func separator(of text: String) -> CSVSeparator? {
        CSVReading.read(text).separator
    }
}
