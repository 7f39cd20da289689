import Testing
@testable import EventExports

/// Random rows written as CSV the way exporters write them, then read back
/// in random chunks: every value, row number and starting line must come
/// back as written. The values are known from the writing, so no second
/// parser is needed to say what the reading should be.
@Suite("CSV round trip")
struct CSVRoundTripTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    static let pieces = ["a", "Zoë", "€", "😀", " ", ",", ";", "\"", "\r", "\n", "\r\n", "0123456789", "ticket", "x\ty"]

    struct Written {
        var bytes: [UInt8] = []
        var rows: [[String]] = []
        var places: [CSVReading.Place] = []
    }

    /// `count` rows of four fields, separated by `separator`, with random
    /// quoting, line ends (LF, CRLF, CR) and blank lines.
    static func write(seed: UInt64, rows count: Int, separator: Character) -> Written {
        var random = Generator(state: seed)
        var written = Written()
        var text = ""
        var line = 1
        var row = 0
        var previousEnd = "\n"
        for _ in 0..<count {
            if random.below(8) == 0 {
                // After a lone CR, an LF would make a CRLF rather than a blank line.
                text += previousEnd == "\r" ? "\r" : "\n"
                line += 1
                row += 1
            }
            var fields: [String] = []
            var encoded: [String] = []
            var lineBreaksInside = 0
            for _ in 0..<4 {
                var value = ""
                for _ in 0..<random.below(random.below(4) == 0 ? 40 : 6) { value += pieces[random.below(pieces.count)] }
                if random.below(5) == 0 { value = String(repeating: "long", count: 1 + random.below(20)) }
                fields.append(value)
                let needsQuotes = value.contains(separator) || value.contains("\"") || value.contains("\r") || value.contains("\n")
                if needsQuotes || random.below(4) == 0 {
                    encoded.append("\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"")
                    lineBreaksInside += value.unicodeScalars.filter { $0 == "\n" }.count
                } else {
                    encoded.append(value)
                }
            }
            // Four empty unquoted fields still hold three separators: never a blank line.
            row += 1
            written.rows.append(fields)
            written.places.append(CSVReading.Place(row: row, line: line))
            previousEnd = ["\n", "\r\n", "\r"][random.below(3)]
            text += encoded.joined(separator: String(separator)) + previousEnd
            line += 1 + lineBreaksInside
        }
        written.bytes = Array(text.utf8)
        return written
    }

    @Test("random exports read back whole and in random chunks", arguments: 1...12)
    func roundTrip(seed: UInt64) {
        let separator: Character = [",", ";", "\t", "|"][Int(seed % 4)]
        let written = Self.write(seed: seed, rows: 300, separator: separator)
        let options = CSVOptions(separator: CSVSeparator(separator), hasHeader: false)
        let whole = CSVReading.read(written.bytes, options)
        #expect(whole.issues.isEmpty)
        #expect(whole.rows == written.rows)
        #expect(whole.places == written.places)
        var random = Generator(state: seed &* 31)
        for _ in 0..<20 {
            var splits: [Int] = []
            var offset = 0
            let largest = [2, 9, 70, 700][random.below(4)]
            while offset < written.bytes.count {
                offset += 1 + random.below(largest)
                splits.append(min(offset, written.bytes.count))
            }
            let split = CSVReading.read(written.bytes, options, splits: splits)
            #expect(split.rows == written.rows)
            #expect(split.places == written.places)
            #expect(split.issues.isEmpty)
        }
    }

    @Test("the separator is detected from a header of the same export", arguments: 1...4)
    func detection(seed: UInt64) {
        let separator: Character = [",", ";", "\t", "|"][Int(seed % 4)]
        let written = Self.write(seed: seed, rows: 50, separator: separator)
        let header = Array(["case", "ts", "activity", "channel"].joined(separator: String(separator)).utf8) + [0x0A]
        let reading = CSVReading.read(header + written.bytes, chunkSize: 5)
        #expect(reading.separator == CSVSeparator(separator))
        #expect(reading.header == ["case", "ts", "activity", "channel"])
        #expect(reading.rows == written.rows)
    }
}
