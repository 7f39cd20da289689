import Testing
@testable import EventExports

/// Input an export can hold by accident or on purpose: huge fields and
/// rows, a quote never closed, NUL bytes, bytes that are not UTF-8, very
/// many columns. Each ends with a located issue or a correct reading, and
/// the reader goes on with the next row, but after a quote never closed,
/// where it stops.
@Suite("CSV hostile input")
struct CSVHostileInputTests {
    @Test func aTenMegabyteFieldIsReportedAndTheNextRowRead() {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        let bytes = Array("id,note\n1,".utf8) + big + Array("\n2,ok\n".utf8)
        for chunkSize in [nil, 65_536, 1_000_003] {
            let reading = CSVReading.read(bytes, CSVOptions(separator: .comma), chunkSize: chunkSize)
            #expect(reading.rows == [["2", "ok"]])
            #expect(reading.issues.map(\.description) == [
                "row 2, field 2 'note': a field is longer than 1048576 bytes, the most allowed; the row is skipped",
            ])
            #expect(reading.places == [.init(row: 3, line: 3)])
        }
    }

    @Test func aTenMegabyteQuotedFieldWithinRaisedLimitsIsReadWhole() {
        let content = String(repeating: "ab,\"\"\n", count: 10_000_000 / 6)
        let text = "id,note\n1,\"" + content + "\"\n2,ok\n"
        let options = CSVOptions(separator: .comma, maximumFieldLength: 16 << 20, maximumRecordLength: 16 << 20)
        let reading = CSVReading.read(Array(text.utf8), options, chunkSize: 100_000)
        #expect(reading.issues.isEmpty)
        #expect(reading.rows.count == 2)
        #expect(reading.rows.first?[1] == String(repeating: "ab,\"\n", count: 10_000_000 / 6))
        #expect(reading.places.map(\.line) == [2, 3 + 10_000_000 / 6])
    }

    @Test func aLongRowOfShortFieldsIsBoundedByTheRecordLimit() {
        let row = Array(repeating: "abcdefgh", count: 600_000).joined(separator: ",")
        let text = "a\n" + row + "\nlast\n"
        let reading = CSVReading.read(text, CSVOptions(separator: .comma, maximumFieldCount: 1_000_000), chunkSize: 4096)
        #expect(reading.rows == [["last"]])
        #expect(reading.issues.map(\.problem) == [.recordTooLong(limit: 4 << 20)])
        #expect(reading.issues.first?.location == ExportLocation(row: 2, line: 2))
    }

    @Test func anUnterminatedQuoteStopsReadingAtTheLimitAndIsReportedAtTheQuote() {
        let text = "a,b\n1,\"open\n" + String(repeating: "more text, still quoted\n", count: 300_000)
        let message = "row 2, column 3, field 2 'b': a quoted field is still open after 1048576 bytes, the most a field holds: "
            + "its quote is taken for one never closed; the rest of the input is not read"
        for size in [65_536, 1 << 20, 7_000_000] {
            let reading = CSVReading.read(text, chunkSize: size)
            #expect(reading.rows.isEmpty)
            #expect(reading.issues.map(\.description) == [message])
        }
        // A quote that closes past the limit is no better: the rows after it are not read.
        let closed = CSVReading.read("a,b\n1,\"open\n" + String(repeating: "x", count: 2 << 20) + "\"\n2,3\n", chunkSize: 65_536)
        #expect(closed.rows.isEmpty)
        #expect(closed.issues.map(\.description) == [message])
        #expect(CSVReading.read("a\n\"").issues.map(\.problem) == [.unterminatedQuote])
        #expect(CSVReading.read("a\n\"\"\"").issues.map(\.problem) == [.unterminatedQuote])
    }

    @Test func theColumnOfAQuoteAfterManyQuotedFieldsIsCountedOnce() {
        // 100,000 quoted fields on one line, then one never closed: counting
        // each quote's column from the line's start would be quadratic.
        let text = "a\n" + String(repeating: "\"é\",", count: 100_000) + "\"open\n"
        for size in [1_000, 1 << 20] {
            let reading = CSVReading.read(text, CSVOptions(maximumFieldCount: 200_000), chunkSize: size)
            #expect(reading.issues.map(\.location) == [ExportLocation(row: 2, line: 2, column: 400_001, field: 100_000)])
            #expect(reading.issues.map(\.problem) == [.unterminatedQuote])
        }
    }

    @Test func nulBytesAreReportedInAndOutOfQuotes() {
        let reading = CSVReading.read([UInt8]("a,b\n1,x".utf8) + [0] + Array("y\n2,\"".utf8) + [0] + Array("\"\n3,4\n".utf8))
        #expect(reading.rows == [["3", "4"]])
        #expect(reading.issues.map(\.problem) == [.nulByte, .nulByte])
        #expect(reading.issues.map(\.location.field) == [1, 1])
    }

    @Test("invalid UTF-8 is reported at its field", arguments: [
        [0xFF], [0xC3], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80],
    ] as [[UInt8]])
    func invalidUTF8(_ raw: [UInt8]) {
        let bytes = Array("a,b,c\n1,ok,x".utf8) + raw + Array("y\n2,\"q".utf8) + raw + Array("\",z\n3,é,€\n".utf8)
        for chunkSize in [nil, 1, 2, 3] {
            let reading = CSVReading.read(bytes, chunkSize: chunkSize)
            #expect(reading.rows == [["3", "é", "€"]])
            #expect(reading.issues.map(\.problem) == [.invalidUTF8, .invalidUTF8])
            #expect(reading.issues.map(\.location) == [
                ExportLocation(row: 2, line: 2, field: 2, fieldName: "c"), ExportLocation(row: 3, line: 3, field: 1, fieldName: "b"),
            ])
        }
    }

    @Test func aHundredThousandColumnsAreRefusedByDefaultAndReadWhenAllowed() {
        let names = (0..<100_000).map { "c\($0)" }
        let values = (0..<100_000).map { String($0 % 10) }
        let text = names.joined(separator: ",") + "\n" + values.joined(separator: ",") + "\n"
        let refused = CSVReading.read(text, chunkSize: 8192)
        #expect(refused.header == nil)
        #expect(refused.issues.map(\.problem) == [.tooManyFields(limit: 16_384), .tooManyFields(limit: 16_384)])
        let allowed = CSVReading.read(text, CSVOptions(maximumFieldCount: 100_000), chunkSize: 8192)
        #expect(allowed.issues.isEmpty)
        #expect(allowed.header?.count == 100_000)
        #expect(allowed.header?.last == "c99999")
        #expect(allowed.rows == [values])
    }

    @Test func aHundredThousandDuplicateNamesAreReportedInLinearTime() {
        let text = Array(repeating: "x", count: 100_000).joined(separator: ",") + "\n"
        let reading = CSVReading.read(text, CSVOptions(maximumFieldCount: 100_000))
        #expect(reading.issues.count == 99_999)
        #expect(reading.issues.last?.location.field == 99_999)
    }

    @Test func aFirstLineLongerThanTheRecordLimitStillPicksASeparator() {
        let header = String(repeating: "x", count: 5_000_000)
        let reading = CSVReading.read(header + ";y\n1;2\n", chunkSize: 1 << 16)
        #expect(reading.separator == .comma)
        #expect(reading.issues.map(\.problem) == [.fieldTooLong(limit: 1 << 20)])
    }

    @Test func oneByteChunksOfALargeQuotedRecordStayLinear() {
        // 3 MB fed one byte at a time: quadratic work would not finish.
        let text = "a\n\"" + String(repeating: "y", count: 3_000_000) + "\"\n"
        let options = CSVOptions(maximumFieldLength: 4 << 20)
        let reading = CSVReading.read(Array(text.utf8), options, chunkSize: 1)
        #expect(reading.rows.first?.first?.utf8.count == 3_000_000)
    }
}
