import Testing
@testable import EventExports

/// A row with more than one fault is reported once, for the fault that
/// comes first in the row; a length limit counts as broken at the first
/// byte past it. The reader meets a long row in several chunks, so the
/// fault it names must not depend on where they were cut.
@Suite("CSV faults in row order")
struct CSVFaultOrderTests {
    /// Fields of at most 8 bytes, records of at most 20.
    static let options = CSVOptions(separator: .comma, maximumFieldLength: 8, maximumRecordLength: 20)

    static func problems(_ text: String, splits: [Int]? = nil) -> [CSVProblem] {
        CSVReading.read(Array(text.utf8), options, splits: splits).issues.map(\.problem)
    }

    @Test("the earliest fault is named, wherever the row is cut", arguments: [
        // A quoted field past the limit is a quote never closed, whatever follows it.
        ("a,b\n1,\"123456789\"x\n", CSVProblem.quoteOpenPastLimit(limit: 8, ofRow: false)),
        // A field too long, then a NUL byte in it.
        ("a,b\n1,123456789\u{0}\n", .fieldTooLong(limit: 8)),
        // A NUL byte first, then the field grows too long.
        ("a,b\n1,12\u{0}456789\n", .nulByte),
        // In a quoted field, the limit stops reading, even after a NUL byte.
        ("a,b\n1,\"123456789\u{0}\"\n", .quoteOpenPastLimit(limit: 8, ofRow: false)),
        ("a,b\n1,\"1\u{0}3456789\"\n", .quoteOpenPastLimit(limit: 8, ofRow: false)),
        ("a,b\n1,\"1\u{0}34567\"\n", .nulByte),
        // The row passes 20 bytes inside a quoted field of 7 bytes: the row's limit stops reading.
        ("a,b,c\n12345678,123,\"1234567\"\n", .quoteOpenPastLimit(limit: 20, ofRow: true)),
        // The row was past 20 bytes before the quote opened: only the field's limit counts then.
        ("a,b,c\n12345678,12345678,12345,\"1234567\"\n", .recordTooLong(limit: 20)),
        // Text after a closing quote, then a field too long.
        ("a,b\n1,\"1\"x23456789\n", .textAfterClosingQuote(UInt8(ascii: "x"))),
        // The record passes 20 bytes in its third field, which is not yet
        // too long there, and is by its end.
        ("a,b,c\n12345678,12345678,123456789\n", .recordTooLong(limit: 20)),
        // Its third field passes 8 bytes before the record passes 20.
        ("a,b,c\n1,12345678,123456789\n", .fieldTooLong(limit: 8)),
        // The record passes 20 bytes, then a NUL byte.
        ("a,b,c\n12345678,12345678,1234\u{0}\n", .recordTooLong(limit: 20)),
        // A field too long, then too many fields.
        ("a\n123456789,2\n", .fieldTooLong(limit: 8)),
    ])
    func earliestFault(_ text: String, _ expected: CSVProblem) {
        let whole = Self.problems(text)
        #expect(whole == [expected])
        for cut in 0...text.utf8.count {
            #expect(Self.problems(text, splits: [cut]) == whole, "cut at \(cut)")
        }
        for size in 1...4 {
            let chunked = CSVReading.read(Array(text.utf8), Self.options, chunkSize: size).issues.map(\.problem)
            #expect(chunked == whole, "chunks of \(size)")
        }
    }
}
