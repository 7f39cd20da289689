import Testing

@testable import LivedCases

/// The pieces a row is decoded with: the table of the source's words and
/// the record writer, checked byte for byte.
@Suite("Decoding pieces")
struct DecodingPiecesTests {
    static func look(_ words: SourceWords, _ key: String, _ list: Int) -> Int? {
        Array(key.utf8).withUnsafeBufferPointer { words.value(for: $0, list: list) }
    }

    @Test func wordsAreFoundInTheirOwnListAndTheFirstValueGivenStays() {
        var words = SourceWords()
        words.insert("Gold", list: SourceWords.segments, value: 0)
        words.insert("Silver", list: SourceWords.segments, value: 1)
        words.insert("Gold", list: SourceWords.segments, value: 7)
        words.insert("Gold", list: SourceWords.channels, value: 3)
        words.insert("", list: SourceWords.attributeList(0), value: 5)
        words.seal()
        #expect(Self.look(words, "Gold", SourceWords.segments) == 0)
        #expect(Self.look(words, "Silver", SourceWords.segments) == 1)
        #expect(Self.look(words, "Gold", SourceWords.channels) == 3)
        #expect(Self.look(words, "Gold", SourceWords.journeys) == nil)
        #expect(Self.look(words, "gold", SourceWords.segments) == nil)
        #expect(Self.look(words, "Gol", SourceWords.segments) == nil)
        #expect(Self.look(words, "Gold ", SourceWords.segments) == nil)
        #expect(Self.look(words, "", SourceWords.attributeList(0)) == 5)
        #expect(Self.look(words, "", SourceWords.attributeList(1)) == nil)
    }

    /// Keys that share their length and first and last eight bytes hash
    /// alike: they are told apart by their bytes.
    @Test func keysThatDifferOnlyInTheMiddleAreToldApartAndHashApart() {
        var words = SourceWords()
        let keys = (0..<26).map { "aaaaaaaa" + String(UnicodeScalar(UInt8(97 + $0))) + "bbbbbbbb" }
        for (index, key) in keys.enumerated() { words.insert(key, list: SourceWords.activities, value: index) }
        words.seal()
        for (index, key) in keys.enumerated() { #expect(Self.look(words, key, SourceWords.activities) == index) }
        #expect(Self.look(words, "aaaaaaaa-bbbbbbbb", SourceWords.activities) == nil)
        let hashes = Set(keys.map { key in Array(key.utf8).withUnsafeBufferPointer { SourceWords.hash($0, list: SourceWords.activities) } })
        #expect(hashes.count == keys.count)
    }

    /// Words compared in place: equal ones of every length up to 20, and
    /// ones differing in a single byte, first, middle or last.
    @Test func wordsAreComparedByEveryByte() {
        for count in 0...20 {
            let word = (0..<count).map { UInt8(0x41 + $0) }
            let arena = [0x2E, 0x2E] + word + [0x2E]
            arena.withUnsafeBufferPointer { arena in
                word.withUnsafeBufferPointer { #expect(SourceWords.equal(arena, 2, $0)) }
                for place in Set([0, count / 2, count - 1]) where count > 0 {
                    var other = word
                    other[place] ^= 0x20
                    other.withUnsafeBufferPointer { #expect(!SourceWords.equal(arena, 2, $0), "length \(count), byte \(place)") }
                }
            }
        }
    }

    /// Words of every length up to 20 found in the table, and ones of the
    /// same length differing in any single byte not: a word of up to 16
    /// bytes is compared by the two words a slot keeps of it.
    @Test func everyByteOfAWordCountsInTheTable() {
        var words = SourceWords()
        let keys = (0...20).map { count in (0..<count).map { UInt8(0x61 + $0) } }
        for (index, key) in keys.enumerated() { words.insert(key, list: SourceWords.channels, value: index) }
        words.seal()
        for (index, key) in keys.enumerated() {
            #expect(key.withUnsafeBufferPointer { words.value(for: $0, list: SourceWords.channels) } == index)
            #expect(key.withUnsafeBufferPointer { words.value(for: $0, list: SourceWords.segments) } == nil)
            for place in key.indices {
                var other = key
                other[place] ^= 0x20
                #expect(other.withUnsafeBufferPointer { words.value(for: $0, list: SourceWords.channels) } == nil, "length \(key.count), byte \(place)")
            }
        }
    }

    /// Two keys of one length up to 16 have the same packed words exactly when
    /// they are equal: every pair of 3-byte keys over four letters, and
    /// single-byte changes of longer ones.
    @Test func packedWordsSayEveryByte() {
        let letters: [UInt8] = [0x41, 0x42, 0x43, 0x44]
        let triples = letters.flatMap { a in letters.flatMap { b in letters.map { c in [a, b, c] } } }
        for left in triples {
            for right in triples {
                let same = left.withUnsafeBufferPointer { a in right.withUnsafeBufferPointer { b in SourceWords.Packed(a) == SourceWords.Packed(b) } }
                #expect(same == (left == right), "\(left) \(right)")
            }
        }
        for count in 1...16 {
            let key = (0..<count).map { UInt8(0x30 + $0) }
            for place in 0..<count {
                var other = key
                other[place] = 0x7A
                let same = key.withUnsafeBufferPointer { a in other.withUnsafeBufferPointer { b in SourceWords.Packed(a) == SourceWords.Packed(b) } }
                #expect(!same, "length \(count), byte \(place)")
            }
        }
    }

    @Test func manyWordsAreAllFound() {
        var words = SourceWords()
        for index in 0..<1000 { words.insert("word \(index)", list: SourceWords.attributeList(index % 3), value: index) }
        words.seal()
        for index in 0..<1000 {
            #expect(Self.look(words, "word \(index)", SourceWords.attributeList(index % 3)) == index)
            #expect(Self.look(words, "word \(index)", SourceWords.attributeList(index % 3 + 1)) == nil)
        }
    }

    @Test func aRecordIsWrittenByteForByte() {
        var writer = EventRecordWriter()
        let key = Array("C1".utf8), owner = Array("Léa".utf8), note = Array("hi".utf8)
        key.withUnsafeBufferPointer { key in
            writer.begin(key: key, time: 0x0102_0304_0506_0708, row: 9, activity: -1, channel: 2, segment: -1, journey: 0)
        }
        owner.withUnsafeBufferPointer { writer.owner($0) }
        Array("Call".utf8).withUnsafeBufferPointer { writer.activityName($0) }
        writer.value(attribute: 3, kind: .number, scalar: 1.5.bitPattern)
        note.withUnsafeBufferPointer { writer.text(attribute: 4, $0) }
        let hash = key.withUnsafeBufferPointer(ByteKeys.caseHash)
        #expect(writer.caseHash == hash)
        let low = UInt32(truncatingIfNeeded: hash)
        let expected: [UInt8] = [UInt8(low & 0xFF), UInt8(low >> 8 & 0xFF), UInt8(low >> 16 & 0xFF), UInt8(low >> 24)]  // key hash
            + [48]  // the record's length
            + [2, 0x43, 0x31]  // key
            + [8, 7, 6, 5, 4, 3, 2, 1] + [9, 0, 0, 0]  // time, row
            + [0, 3, 0, 1]  // activity, channel, segment, journey, each plus one
            + [4, 0x4C, 0xC3, 0xA9, 0x61]  // owner "Léa"
            + [4, 0x43, 0x61, 0x6C, 0x6C]  // name "Call"
            + [2]  // values
            + [0x19, 0, 0, 0, 0, 0, 0, 0xF8, 0x3F]  // tag: attribute 3 << 3, storage 1 (a number): 1.5 is 0x3FF8000000000000
            + [0x24, 2, 0x68, 0x69]  // tag: attribute 4 << 3, storage 4 (a text)
        #expect(expected.count == 48)
        #expect(Array(writer.record) == expected)
        #expect(writer.rowOffset == 16)
        #expect(writer.valueCount == 2)
        let view = expected.withUnsafeBufferPointer { EventRecordView.read($0, at: 0) }
        #expect(view?.end == expected.count)
        #expect(view?.keyHash == low)
        #expect(view?.keyStart == 6)
        #expect(view?.activity == -1)
        #expect(view?.journey == 0)
        #expect(view?.ownerStart == 25)
        #expect(view?.ownerLength == 4)
        #expect(view?.nameStart == 30)
        #expect(view?.nameLength == 4)
        #expect(view?.valuesStart == 34)
        #expect(view?.valueCount == 2)
        let head = expected.withUnsafeBufferPointer { EventRecordKey.read($0, at: 0) }
        #expect(head?.keyHash == low)
        #expect(head?.keyStart == 6)
        #expect(head?.keyLength == 2)
        #expect(head?.end == 48)
        // A length the bytes do not hold, or that leaves out the key, reads as nothing.
        #expect(expected.dropLast().withUnsafeBufferPointer { EventRecordKey.read($0, at: 0) } == nil)
        var short = expected
        short[4] = 7
        #expect(short.withUnsafeBufferPointer { EventRecordKey.read($0, at: 0) } == nil)
        #expect(short.withUnsafeBufferPointer { EventRecordView.read($0, at: 0) } == nil)
        #expect(view?.time == 0x0102_0304_0506_0708)
        #expect(view?.row == 9)
        #expect(view?.channel == 2)
        #expect(view?.segment == -1)
    }

    /// A record longer than the scratch the writer starts with moves to a
    /// larger one, keeping what was written; the next record starts afresh.
    @Test func aRecordKeepsItsFirst255ValuesAndReadsBackWhole() {
        var writer = EventRecordWriter()
        let key = Array("C1".utf8)
        key.withUnsafeBufferPointer { writer.begin(key: $0, time: 1, row: 2, activity: 3, channel: 4, segment: 5, journey: 6) }
        writer.owner(nil)
        writer.activityName(nil)
        for index in 0..<300 { writer.value(attribute: index, kind: .number, scalar: UInt64(index)) }
        writer.value(attribute: 70_000, kind: .number, scalar: 1)
        #expect(writer.valueCount == 255)
        let record = Array(writer.record)
        record.withUnsafeBufferPointer { bytes in
            let view = EventRecordView.read(bytes, at: 0)
            #expect(view?.valueCount == 255)
            #expect(view?.end == bytes.count)
            var values: [RecordedValue] = []
            if let view { RecordedValue.append(valuesOf: view, in: bytes, to: &values) }
            #expect(values.map(\.attribute) == Array(0..<255))
            #expect(values.last?.scalar.bitPattern == 254)
        }
        // An attribute past two bytes is not kept, even in an empty record.
        key.withUnsafeBufferPointer { writer.begin(key: $0, time: 1, row: 3, activity: 3, channel: 4, segment: 5, journey: 6) }
        writer.owner(nil)
        writer.activityName(nil)
        writer.value(attribute: 70_000, kind: .number, scalar: 1)
        #expect(writer.valueCount == 0)
    }

    /// Case ids and owners of every length from 0 to 40 bytes, each byte its
    /// own, read back whole, and what follows each is where the layout says.
    @Test func fieldsOfEveryShortLengthAreCopiedWhole() {
        var writer = EventRecordWriter()
        for length in 0...40 {
            let key = (0..<length).map { UInt8(0x41 + $0) }, owner = (0..<length).map { UInt8(0x61 + $0 % 26) }
            key.withUnsafeBufferPointer { writer.begin(key: $0, time: 5, row: 6, activity: 7, channel: 1, segment: 2, journey: 3) }
            owner.withUnsafeBufferPointer { writer.owner($0) }
            writer.activityName(nil)
            let record = Array(writer.record)
            // Head 5, key count 1, time and row 12, four counts 4, owner count 1, name count 1, value count 1.
            #expect(record.count == 25 + 2 * length, "\(length)")
            record.withUnsafeBufferPointer { bytes in
                let view = EventRecordView.read(bytes, at: 0)
                #expect(view.map { Array(bytes[$0.keyStart..<($0.keyStart + $0.keyLength)]) } == key, "\(length)")
                #expect(view.map { Array(bytes[$0.ownerStart..<($0.ownerStart + $0.ownerLength)]) } == owner, "\(length)")
                #expect(view?.time == 5)
                #expect(view?.row == 6)
                #expect(view?.journey == 3)
                #expect(view?.nameLength == 0)
                #expect(view?.valueCount == 0)
            }
        }
    }

    @Test func aLongRecordGrowsTheScratch() {
        var writer = EventRecordWriter()
        let key = [UInt8](repeating: 0x6B, count: 3000), owner = [UInt8](repeating: 0x6F, count: 3000)
        key.withUnsafeBufferPointer { writer.begin(key: $0, time: 1, row: 2, activity: 3, channel: 4, segment: 5, journey: 6) }
        owner.withUnsafeBufferPointer { writer.owner($0) }
        writer.activityName(nil)
        // Past 255 bytes, the head's length is 0 and a u32 follows.
        #expect(writer.record.count == 9 + 2 + 3000 + 12 + 4 + 2 + 3000 + 1 + 1)
        #expect(Array(writer.record[4..<9]) == [0, 0x8F, 0x17, 0, 0])
        #expect(Array(writer.record[11..<3011]) == key)
        #expect(Array(writer.record[3029..<6029]) == owner)
        #expect(writer.rowOffset == 3019)
        let long = Array(writer.record)
        long.withUnsafeBufferPointer { bytes in
            let view = EventRecordView.read(bytes, at: 0)
            #expect(view?.end == 6031)
            #expect(view?.keyStart == 11)
            #expect(view?.keyLength == 3000)
            #expect(view?.ownerStart == 3029)
            #expect(view?.row == 2)
            #expect(view?.activity == 3)
            #expect(view?.journey == 6)
        }
        Array("k".utf8).withUnsafeBufferPointer { writer.begin(key: $0, time: 1, row: 2, activity: 3, channel: 4, segment: 5, journey: 6) }
        writer.activityName(nil)
        #expect(writer.record.count == 5 + 2 + 12 + 4 + 1 + 1)
        #expect(writer.rowOffset == 15)
    }

    /// A view of a record is 64 bytes: grouping holds one per event of the case it builds.
    @Test func aRecordViewIs64Bytes() {
        #expect(MemoryLayout<EventRecordView>.stride == 64)
    }

    /// Writes a record of case "C7" whose owner is `ownerLength` bytes
    /// ("o"), with the name "Call" and attribute 3 = 1.5: 39 bytes and the
    /// owner's (its 2-byte count included) with the short head.
    static func boundaryRecord(_ writer: inout EventRecordWriter, ownerLength: Int) -> [UInt8] {
        Array("C7".utf8).withUnsafeBufferPointer { writer.begin(key: $0, time: 1_772_442_000_123, row: 42, activity: -1, channel: 2, segment: -1, journey: 5) }
        [UInt8](repeating: 0x6F, count: ownerLength).withUnsafeBufferPointer { writer.owner($0) }
        Array("Call".utf8).withUnsafeBufferPointer { writer.activityName($0) }
        writer.value(attribute: 3, kind: .number, scalar: 1.5.bitPattern)
        return Array(writer.record)
    }

    /// Every field of the record at `offset` in `bytes`, as written by ``boundaryRecord(_:ownerLength:)``.
    static func expectBoundaryFields(_ bytes: [UInt8], at offset: Int, length: Int, headLength: Int, ownerLength: Int) {
        let hash = UInt32(truncatingIfNeeded: Array("C7".utf8).withUnsafeBufferPointer(ByteKeys.caseHash))
        bytes.withUnsafeBufferPointer { bytes in
            let head = EventRecordKey.read(bytes, at: offset)
            #expect(head?.keyHash == hash)
            #expect(head?.keyStart == offset + headLength + 1)
            #expect(head?.keyLength == 2)
            #expect(head?.end == offset + length)
            guard let view = EventRecordView.read(bytes, at: offset) else {
                Issue.record("the record at \(offset) does not read back")
                return
            }
            #expect(view.start == offset)
            #expect(view.end == offset + length)
            #expect(view.keyHash == hash)
            #expect(Array(bytes[view.keyStart..<(view.keyStart + view.keyLength)]) == Array("C7".utf8))
            #expect(view.time == 1_772_442_000_123)
            #expect(view.row == 42)
            #expect(view.activity == -1)
            #expect(view.channel == 2)
            #expect(view.segment == -1)
            #expect(view.journey == 5)
            // Key count and key, time and row, four counts, then the owner's 2-byte count.
            #expect(view.ownerStart == offset + headLength + 3 + 12 + 4 + 2)
            #expect(view.ownerLength == ownerLength)
            #expect(Array(bytes[view.ownerStart..<(view.ownerStart + view.ownerLength)]) == [UInt8](repeating: 0x6F, count: ownerLength))
            #expect(view.nameStart == view.ownerStart + ownerLength + 1)
            #expect(view.nameLength == 4)
            #expect(Array(bytes[view.nameStart..<(view.nameStart + view.nameLength)]) == Array("Call".utf8))
            #expect(view.valuesStart == view.nameStart + 4)
            #expect(view.valueCount == 1)
            var values: [RecordedValue] = []
            RecordedValue.append(valuesOf: view, in: bytes, to: &values)
            #expect(values == [RecordedValue(attribute: 3, kind: .number, scalar: 1.5, text: [])])
        }
    }

    /// 255 bytes is the longest record with the 1-byte length; one byte
    /// more and the head is the long one (0, then a u32), so what would
    /// be 256 bytes is 260. Both read back whole, one after the other.
    @Test func recordsOnEitherSideOfTheShortHeadReadBackWhole() {
        var writer = EventRecordWriter()
        let short = Self.boundaryRecord(&writer, ownerLength: 214)
        #expect(short.count == 255)
        #expect(short[4] == 255)
        #expect(Array(short[5..<8]) == [2, 0x43, 0x37])
        #expect(Array(short[20..<26]) == [0, 3, 0, 6, 0xD6, 0x01])  // activity, channel, segment, journey plus one; owner count 214
        #expect(Array(short[240..<247]) == [4, 0x43, 0x61, 0x6C, 0x6C, 1, 0x19])  // name "Call", one value, its tag
        #expect(Array(short[247..<255]) == [0, 0, 0, 0, 0, 0, 0xF8, 0x3F])  // 1.5
        #expect(writer.rowOffset == 16)
        let long = Self.boundaryRecord(&writer, ownerLength: 215)
        #expect(long.count == 260)
        #expect(Array(long[4..<9]) == [0, 0x04, 0x01, 0, 0])  // 0, then 260
        #expect(Array(long[9..<12]) == [2, 0x43, 0x37])
        #expect(Array(long[24..<30]) == [0, 3, 0, 6, 0xD7, 0x01])
        #expect(Array(long[245..<252]) == [4, 0x43, 0x61, 0x6C, 0x6C, 1, 0x19])
        #expect(Array(long[252..<260]) == [0, 0, 0, 0, 0, 0, 0xF8, 0x3F])
        #expect(writer.rowOffset == 20)
        #expect(short[0..<4] == long[0..<4])
        #expect(Array(short[8..<16]) == Array(long[12..<20]))  // the time
        #expect(Array(short[16..<20]) == [42, 0, 0, 0])
        #expect(Array(long[20..<24]) == [42, 0, 0, 0])
        // The writer's next short record after the long one.
        #expect(Self.boundaryRecord(&writer, ownerLength: 214) == short)
        let partition = short + long + short
        Self.expectBoundaryFields(partition, at: 0, length: 255, headLength: 5, ownerLength: 214)
        Self.expectBoundaryFields(partition, at: 255, length: 260, headLength: 9, ownerLength: 215)
        Self.expectBoundaryFields(partition, at: 515, length: 255, headLength: 5, ownerLength: 214)
        #expect(partition.withUnsafeBufferPointer { EventRecordView.read($0, at: 770) } == nil)
    }
}
