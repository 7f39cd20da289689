import Foundation

/// Byte strings as table keys, compared where they lie.
enum ByteKeys {
    /// The hash of a case id: the export writes case ids, so they are
    /// hashed with Swift's `Hasher` (SipHash, seeded per process) and an
    /// export cannot be written to make them collide; nothing the replay
    /// reports depends on the seed. Each id is hashed once, when its row is
    /// decoded: the high 32 bits choose its partition
    /// (``GroupingBudget/partition(ofHash:)``), the low 32 bits, kept in its
    /// event record, its slot in the partition's table
    /// (``PartitionKeyTable``), so that one partition's ids do not all
    /// share slot bits.
    static func caseHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return UInt64(UInt(bitPattern: hasher.finalize()))
    }

    /// Whether the `key.count` bytes of `arena` at `start` are `key`'s.
    static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = arena.baseAddress, let other = key.baseAddress else { return key.isEmpty }
        return memcmp(base + start, other, key.count) == 0
    }
}

/// Open addressing with linear probing, slot count a power of two.
enum LinearProbing {
    /// The used slots of `old` placed again in twice as many slots.
    static func doubled<Slot>(_ old: [Slot], empty: Slot, isUsed: (Slot) -> Bool, hash: (Slot) -> Int) -> [Slot] {
        var slots = Array(repeating: empty, count: old.count * 2)
        let mask = slots.count - 1
        for slot in old where isUsed(slot) {
            var index = hash(slot) & mask
            while isUsed(slots[index]) { index = (index + 1) & mask }
            slots[index] = slot
        }
        return slots
    }
}

/// Byte strings compared as `memcmp` does: the order reports use for case
/// ids and export words, the same on every machine.
enum ByteOrder {
    static func precedes(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        compare(left, right) < 0
    }

    static func compare(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Int {
        let shared = min(left.count, right.count)
        if shared > 0, let a = left.baseAddress, let b = right.baseAddress {
            let result = memcmp(a, b, shared)
            if result != 0 { return Int(result) }
        }
        return left.count - right.count
    }

    static func compare(_ left: [UInt8], _ right: [UInt8]) -> Int {
        left.withUnsafeBufferPointer { a in right.withUnsafeBufferPointer { b in compare(a, b) } }
    }
}

/// FNV-1a, 64 bits: a hash that is the same in every run, for the few
/// choices that must not depend on the process (which unmapped activity
/// names a bounded count keeps).
enum StableHash {
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        return hash
    }

    static func of(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBufferPointer(of) }
}
