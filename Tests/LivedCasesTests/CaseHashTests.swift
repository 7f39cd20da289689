import Testing

@testable import LivedCases

/// A case id hashed once: its high bits choose the partition, its low bits
/// (kept in the record) the slot in the partition's table.
@Suite("Case hash and key table")
struct CaseHashTests {
    @Test func thePartitionComesFromTheHighBits() {
        let chooser = PartitionChooser(GroupingBudget(bytes: 1, partitions: 4))
        // High half 5 → partition 1; the low half plays no part.
        #expect(chooser.partition(ofHash: 0x0000_0005_0000_0003) == 1)
        #expect(chooser.partition(ofHash: 0x0000_0005_FFFF_FFFF) == 1)
        #expect(chooser.partition(ofHash: 0x0000_0007_0000_0000) == 3)
        #expect(chooser.partition(ofHash: 0xFFFF_FFFF_0000_0000) == 3)
        #expect(PartitionChooser(GroupingBudget(bytes: 1, partitions: 1)).partition(ofHash: .max) == 0)
    }

    /// The partition, found by multiplies, is the remainder of the high
    /// half for any hash: 2^32 - 1 is 3 × 1,431,655,765 (remainder 0) and
    /// 7 × 613,566,756 + 3; every other pair is checked against the division.
    @Test func thePartitionIsTheRemainderOfTheHighHalf() {
        #expect(PartitionChooser(GroupingBudget(bytes: 1, partitions: 3)).partition(ofHash: 0xFFFF_FFFF_0000_0000) == 0)
        #expect(PartitionChooser(GroupingBudget(bytes: 1, partitions: 7)).partition(ofHash: 0xFFFF_FFFF_1234_5678) == 3)
        #expect(PartitionChooser(GroupingBudget(bytes: 1, partitions: 64)).partition(ofHash: 0x0000_0041_FFFF_FFFF) == 1)
        var state: UInt64 = 0x9E37_79B9
        for partitions in [1, 2, 3, 4, 5, 7, 10, 63, 64, 65, 100, 1000, 4095, 4096] {
            let chooser = PartitionChooser(GroupingBudget(bytes: 1, partitions: partitions))
            let highs: [UInt64] = [0, 1, UInt64(partitions) - 1, UInt64(partitions), UInt64(partitions) + 1, 0xFFFF_FFFE, 0xFFFF_FFFF]
            var hashes = highs.flatMap { [$0 << 32, $0 << 32 | 0xFFFF_FFFF] }
            for _ in 0..<2000 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                hashes.append(state)
            }
            for hash in hashes where chooser.partition(ofHash: hash) != Int((hash >> 32) % UInt64(partitions)) {
                Issue.record("\(partitions) partitions, hash \(hash)")
            }
        }
    }

    /// Keys "a", "bb", …, each the value of its first insertion, found again
    /// however their hashes fall: all equal, or all one slot apart.
    @Test(arguments: [false, true])
    func keysAreFoundWhateverTheirHashes(sameHash: Bool) {
        // 40 keys of 1…40 bytes, long ones compared past the slot's 16-byte head.
        let keys = (1...40).map { [UInt8](repeating: UInt8(0x60 + $0 % 26), count: $0) }
        let bytes = keys.flatMap { $0 } + keys.flatMap { $0 }
        var starts: [Int] = []
        var offset = 0
        for key in keys + keys {
            starts.append(offset)
            offset += key.count
        }
        bytes.withUnsafeBufferPointer { buffer in
            // Room for 4 keys at first: the table grows ten times over.
            var table = PartitionKeyTable(keys: 4)
            var values: [Int] = []
            for (index, start) in starts.enumerated() {
                let key = index % keys.count
                let hash: UInt32 = sameHash ? 7 : UInt32(key)
                values.append(table.insert(at: start, length: keys[key].count, hash: hash, in: buffer, value: index))
            }
            // The first 40 are new (their own index); the next 40 find them.
            #expect(values == Array(0..<40) + Array(0..<40))
        }
    }

    /// A key's head is its first 16 bytes and zeros, whatever follows it:
    /// read with two loads where 16 bytes lie ahead, copied at the bytes' end.
    @Test func aKeysHeadIsItsFirstBytesAndZeros() {
        for length in 0...20 {
            let key = (0..<length).map { UInt8(0x41 + $0) }
            var expected: (UInt64, UInt64) = (0, 0)
            for (index, byte) in key.prefix(16).enumerated() {
                if index < 8 { expected.0 |= UInt64(byte) << (8 * index) } else { expected.1 |= UInt64(byte) << (8 * (index - 8)) }
            }
            let followed = key + [UInt8](repeating: 0xEE, count: 20)
            let loaded = followed.withUnsafeBufferPointer { PartitionKeyTable.head(at: 0, length: length, in: $0) }
            let atTheEnd = ([0x7A] + key).withUnsafeBufferPointer { PartitionKeyTable.head(at: 1, length: length, in: $0) }
            #expect(loaded == expected, "\(length) bytes")
            #expect(atTheEnd == expected, "\(length) bytes at the end")
        }
    }

    /// Keys equal in their first 16 bytes and length, differing after.
    @Test func keysDifferingPastTheHeadAreTwo() {
        let first = Array("0123456789abcdef-one".utf8), second = Array("0123456789abcdef-two".utf8)
        let bytes = first + second + second
        bytes.withUnsafeBufferPointer { buffer in
            var table = PartitionKeyTable(keys: 1)
            #expect(table.insert(at: 0, length: 20, hash: 1, in: buffer, value: 0) == 0)
            #expect(table.insert(at: 20, length: 20, hash: 1, in: buffer, value: 1) == 1)
            #expect(table.insert(at: 40, length: 20, hash: 1, in: buffer, value: 2) == 1)
        }
    }

    static func sip(_ bytes: [UInt8], key: (UInt64, UInt64), _ compression: Int = 1, _ finalization: Int = 3) -> UInt64 {
        bytes.withUnsafeBufferPointer { SipHash.hash($0, key: key, compression: compression, finalization: finalization) }
    }

    /// SipHash-2-4 as the reference gives it (key 00…0f; the empty message
    /// and the paper's example 00…0e), and SipHash-1-3 under the zero key
    /// as another implementation gives it (CPython's hash of bytes with
    /// PYTHONHASHSEED=0): short ids, a whole block, one past two blocks.
    @Test func sipHashGivesTheReferenceValues() {
        let key: (UInt64, UInt64) = (0x0706_0504_0302_0100, 0x0F0E_0D0C_0B0A_0908)
        #expect(Self.sip([], key: key, 2, 4) == 0x726F_DB47_DD0E_0E31)
        #expect(Self.sip(Array(0..<15), key: key, 2, 4) == 0xA129_CA61_49BE_45E5)
        #expect(Self.sip(Array("C1".utf8), key: (0, 0)) == 0x161A_070D_AACB_F9D5)
        #expect(Self.sip(Array(0..<15), key: (0, 0)) == 0xF30E_B725_BB91_C9EA)
        #expect(Self.sip(Array("P-00093554".utf8), key: (0, 0)) == 0xA36D_BD53_4D7A_F48B)
        #expect(Self.sip(Array("abcdefgh".utf8), key: (0, 0)) == 0x3F7B_849C_0B8E_35EA)
        #expect(Self.sip(Array("0123456789abcdef-one".utf8), key: (0, 0)) == 0x70FD_4961_2632_4C87)
        // The case hash is SipHash-1-3 under the process's key.
        #expect(Array("C1".utf8).withUnsafeBufferPointer(ByteKeys.caseHash) == Self.sip(Array("C1".utf8), key: SipHash.processKey))
    }

    /// A record carries the low 32 bits of its case id's hash, the same for
    /// the same id whatever else the record holds.
    @Test func aRecordCarriesItsKeysHash() {
        var writer = EventRecordWriter()
        let key = Array("C-17".utf8)
        var hashes: [UInt32] = []
        for row in 0..<2 {
            key.withUnsafeBufferPointer { writer.begin(key: $0, time: Int64(row), row: row, activity: Int32(row), channel: -1, segment: -1, journey: -1) }
            writer.owner(nil)
            writer.activityName(nil)
            let record = Array(writer.record)
            hashes.append(record.withUnsafeBufferPointer { EventRecordView.read($0, at: 0)?.keyHash } ?? 0)
        }
        let expected = UInt32(truncatingIfNeeded: key.withUnsafeBufferPointer(ByteKeys.caseHash))
        #expect(hashes == [expected, expected])
    }
}
