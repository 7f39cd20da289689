import Testing
@testable import EventExports

/// A record may span chunks anywhere: inside a field, on a quote, between
/// CR and LF, inside the byte order mark or a multi-byte character. Split
/// anywhere, the rows are the same.
@Suite("CSV chunk boundaries")
struct CSVChunkBoundaryTests {
    /// Every feature at once: a byte order mark, detection, quotes, `""`,
    /// separators and CRLF inside quotes, a blank line, a lone CR, a
    /// multi-byte character, a bad row, and no final line break.
    static let sample: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(
        "id;note;channel\r\n1;\"a;b\";email\r\n2;\"say \"\"hi\"\"\r\nnow\";chat\r\n\r\n3;Zoë;store\r4;\"x\"y;phone\n5;;\"\"".utf8
    )

    static let expectedRows = [
        ["1", "a;b", "email"],
        ["2", "say \"hi\"\r\nnow", "chat"],
        ["3", "Zoë", "store"],
        ["5", "", ""],
    ]

    @Test func theSampleReadWholeGivesTheRowsWrittenByHand() {
        let whole = CSVReading.read(Self.sample)
        #expect(whole.header == ["id", "note", "channel"])
        #expect(whole.rows == Self.expectedRows)
        #expect(whole.separator == .semicolon)
        #expect(whole.places.map(\.description) == ["2@2", "3@3", "5@6", "7@8"])
        #expect(whole.issues.map(\.description) == [
            "row 6 (line 7), field 2 'note': expected a separator or the end of the line after a closing quote, found 'y' (write a quote inside a quoted field as \"\"); the row is skipped",
        ])
    }

    @Test func splitAtEveryOffsetTheRowsAreTheSame() {
        let whole = CSVReading.read(Self.sample)
        for cut in 0...Self.sample.count {
            let split = CSVReading.read(Self.sample, splits: [cut])
            #expect(split == whole, "split at \(cut)")
        }
    }

    @Test func splitAtEveryPairOfOffsetsTheRowsAreTheSame() {
        let whole = CSVReading.read(Self.sample)
        var mismatches: [[Int]] = []
        for first in 0...Self.sample.count {
            for second in first...Self.sample.count where CSVReading.read(Self.sample, splits: [first, second]) != whole {
                mismatches.append([first, second])
            }
        }
        #expect(mismatches.isEmpty)
    }

    @Test func rowsLentInPlaceAreTheRowsWrittenByHandAtEverySplit() {
        let whole = CSVReading.read(Self.sample, inPlace: true)
        #expect(whole.header == ["id", "note", "channel"])
        #expect(whole.rows == Self.expectedRows)
        #expect(whole.places.map(\.description) == ["2@2", "3@3", "5@6", "7@8"])
        #expect(whole.issues.count == 1)
        for cut in 0...Self.sample.count {
            #expect(CSVReading.read(Self.sample, splits: [cut], inPlace: true) == whole, "split at \(cut)")
        }
        for size in 1...9 {
            #expect(CSVReading.read(Self.sample, chunkSize: size, inPlace: true) == whole, "chunks of \(size)")
        }
    }

    /// A lent row is overwritten by the next; its ``CSVRecordBytes/record``
    /// and the records ``CSVReader/read(_:_:)`` hands out are kept intact.
    @Test("records kept past the callback keep their fields", arguments: [1, 3, 7, 1000])
    func keptRecordsKeepTheirFields(_ size: Int) {
        var copies: [CSVRecord] = []
        var values: [CSVRecord] = []
        var lending = CSVReader()
        var valuing = CSVReader()
        for start in stride(from: 0, to: Self.sample.count, by: size) {
            let chunk = Array(Self.sample[start..<min(start + size, Self.sample.count)])
            lending.readInPlace(chunk) { if case .row(let fields) = $0 { copies.append(fields.record) } }
            valuing.read(chunk) { if case .record(let record) = $0 { values.append(record) } }
        }
        lending.finishInPlace { if case .row(let fields) = $0 { copies.append(fields.record) } }
        valuing.finish { if case .record(let record) = $0 { values.append(record) } }
        #expect(copies.map(\.strings) == Self.expectedRows)
        #expect(values.map(\.strings) == Self.expectedRows)
        #expect(copies.map(\.row) == [2, 3, 5, 7])
        #expect(values.map(\.line) == [2, 3, 6, 8])
        #expect(copies.map { $0[2] == "chat" } == [false, true, false, false])
    }

    @Test("fed in chunks of every small size, with the separator given or detected", arguments: 1...9)
    func chunksOfEverySize(_ size: Int) {
        let whole = CSVReading.read(Self.sample)
        #expect(CSVReading.read(Self.sample, chunkSize: size) == whole)
        let given = CSVOptions(separator: .semicolon)
        #expect(CSVReading.read(Self.sample, given, chunkSize: size) == CSVReading.read(Self.sample, given))
        #expect(CSVReading.read(Self.sample, given, chunkSize: size).rows == Self.expectedRows)
    }

    @Test func emptyChunksChangeNothing() {
        var reading: [[String]] = []
        var reader = CSVReader()
        let handle: (CSVEvent) -> Void = { if case .record(let record) = $0 { reading.append(record.strings) } }
        for byte in Self.sample {
            reader.read([], handle)
            reader.read([byte], handle)
        }
        reader.read([], handle)
        reader.finish(handle)
        #expect(reading == Self.expectedRows)
    }
}
