/// The case ids of one partition to case numbers, keys compared where they
/// lie in the partition's bytes: no arena to copy them into, and one probe
/// per record. A slot holds a key's first 16 bytes, so that a short key is
/// compared in the slot rather than where its first record lies, far off
/// in the partition.
///
/// Hashing is ``ByteKeys/caseHash(_:)`` (SipHash, seeded per process): case
/// ids are the export's, so an export cannot be written to make them collide.
/// The caller gives each key's hash, the low 32 bits its record carries,
/// so a key is hashed once however often it is looked up.
struct PartitionKeyTable {
    private struct Slot {
        var start: Int
        var hash: UInt32
        var length: Int32
        /// -1 for an empty slot.
        var value: Int32
        /// The key's first 16 bytes, zero after its end.
        var head: (UInt64, UInt64)
    }

    private static let empty = Slot(start: 0, hash: 0, length: 0, value: -1, head: (0, 0))
    private var slots: [Slot]
    private var mask: Int
    private var count = 0

    init(keys: Int) {
        var size = 16
        while size < keys * 2 { size <<= 1 }
        slots = Array(repeating: Self.empty, count: size)
        mask = size - 1
    }

    /// The value of the key at `start..<start + length` of `bytes`; when no
    /// key equal to it is known, it is added with `value`, which is returned.
    mutating func insert(at start: Int, length: Int, hash: UInt32, in bytes: UnsafeBufferPointer<UInt8>, value: Int) -> Int {
        let key = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
        if (count + 1) * 2 > slots.count { grow() }
        let head = Self.head(at: start, length: length, in: bytes)
        let mask = mask
        let found = slots.withUnsafeMutableBufferPointer { slots -> Int? in
            var index = Int(hash) & mask
            while true {
                let slot = slots[index]
                if slot.value < 0 {
                    slots[index] = Slot(start: start, hash: hash, length: Int32(truncatingIfNeeded: length), value: Int32(truncatingIfNeeded: value), head: head)
                    return nil
                }
                if slot.hash == hash, Int(slot.length) == length, slot.head == head,
                   length <= MemoryLayout<(UInt64, UInt64)>.size || ByteKeys.equal(bytes, slot.start, key) { return Int(slot.value) }
                index = (index + 1) & mask
            }
        }
        if let found { return found }
        count += 1
        return value
    }

    /// A key's first 16 bytes, zero after its end: two loads and a mask
    /// when 16 bytes lie in `bytes` from the key's start (a record's key
    /// is followed by at least its time and row), rather than a call to
    /// copy them per record.
    @inline(__always)
    static func head(at start: Int, length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let size = MemoryLayout<(UInt64, UInt64)>.size
        guard start >= 0, bytes.count - start >= size else {
            var head: (UInt64, UInt64) = (0, 0)
            let key = UnsafeBufferPointer(rebasing: bytes[start..<(start + length)])
            withUnsafeMutableBytes(of: &head) { $0.copyMemory(from: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: key.prefix(size)))) }
            return (UInt64(littleEndian: head.0), UInt64(littleEndian: head.1))
        }
        let raw = UnsafeRawBufferPointer(bytes)
        var head = (
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start, as: UInt64.self)),
            UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self))
        )
        // The bytes past the key's end: the high ones of each little-endian half.
        if length < 8 {
            head.0 &= (UInt64(1) &<< UInt64(8 * length)) &- 1
            head.1 = 0
        } else if length < size {
            head.1 &= (UInt64(1) &<< UInt64(8 * (length - 8))) &- 1
        }
        return head
    }

    private mutating func grow() {
        slots = LinearProbing.doubled(slots, empty: Self.empty, isUsed: { $0.value >= 0 }, hash: { Int($0.hash) })
        mask = slots.count - 1
    }
}
