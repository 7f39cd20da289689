import Foundation

/// The case ids of one partition to case numbers, keys compared where they
/// lie in the partition's bytes: no arena to copy them into, one probe per
/// record, and a table sized once for the partition's records (there are
/// never more cases than records), so it never grows.
///
/// Hashing is ``ByteKeyTable/hash(_:)`` (SipHash, seeded per process): case
/// ids are the export's, so an export cannot be written to make them collide.
struct PartitionKeyTable {
    private struct Slot {
        var hash: Int
        var start: Int
        var length: Int32
        /// -1 for an empty slot.
        var value: Int32
    }

    private var slots: [Slot]
    private let mask: Int

    init(keys: Int) {
        var size = 16
        while size < keys * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, start: 0, length: 0, value: -1), count: size)
        mask = size - 1
    }

    /// The value of the key at `start..<start + length` of `bytes`; when no
    /// key equal to it is known, it is added with `value`, which is returned.
    mutating func insert(at start: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Int {
        let key = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
        let hash = ByteKeyTable.hash(key)
        return slots.withUnsafeMutableBufferPointer { slots in
            var index = hash & mask
            while true {
                let slot = slots[index]
                if slot.value < 0 {
                    slots[index] = Slot(hash: hash, start: start, length: Int32(truncatingIfNeeded: length), value: Int32(truncatingIfNeeded: value))
                    return value
                }
                if slot.hash == hash, Int(slot.length) == length, Self.equal(bytes, slot.start, key) { return Int(slot.value) }
                index = (index + 1) & mask
            }
        }
    }

    @inline(__always)
    private static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress, let other = key.baseAddress else { return key.isEmpty }
        return memcmp(base + start, other, key.count) == 0
    }
}
