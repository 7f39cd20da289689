import Foundation

/// Byte strings as table keys, compared where they lie.
enum ByteKeys {
    /// The hash of a case id: the export writes case ids, so they are
    /// hashed with SipHash-1-3 (``SipHash``, the function Swift's `Hasher`
    /// uses) keyed by a secret drawn from `Hasher`'s, and an export cannot be
    /// written to make them collide; nothing the replay reports depends on
    /// the key. Each id is hashed once, when its row is decoded: the high
    /// 32 bits choose its partition (``PartitionChooser``),
    /// the low 32 bits, kept in its event record, its slot in the
    /// partition's table (``PartitionKeyTable``), so that one partition's
    /// ids do not all share slot bits.
    @inline(__always)
    static func caseHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        SipHash.hash(bytes, key: SipHash.processKey)
    }

    /// Whether the `key.count` bytes of `arena` at `start` are `key`'s.
    static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = arena.baseAddress, let other = key.baseAddress else { return key.isEmpty }
        return memcmp(base + start, other, key.count) == 0
    }
}

/// SipHash-1-3 (one compression round per 8 bytes, three to finish) of a
/// byte string, read eight bytes at a time in place: the hash of every
/// case id of an export, where feeding `Hasher` its bytes cost a call and
/// a copy into its tail buffer per id.
enum SipHash {
    /// The key of this process: drawn from `Hasher`'s per-process seed, so
    /// that it is as secret as `Hasher`'s, and fixed as it is when
    /// `SWIFT_DETERMINISTIC_HASHING` is set.
    static let processKey: (UInt64, UInt64) = {
        func draw(_ value: UInt64) -> UInt64 {
            var hasher = Hasher()
            hasher.combine(value)
            return UInt64(UInt(bitPattern: hasher.finalize()))
        }
        return (draw(0x7468_726F_7567_6831), draw(0x6361_7365_2D69_6473))
    }()

    /// SipHash-1-3 of `bytes` under `key`, as the reference algorithm
    /// defines it (the length's low byte in the last block).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, key: (UInt64, UInt64)) -> UInt64 {
        hash(bytes, key: key, compression: 1, finalization: 3)
    }

    /// SipHash-c-d; tests check the rounds against the reference's
    /// SipHash-2-4 example.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, key: (UInt64, UInt64), compression: Int, finalization: Int) -> UInt64 {
        var v0 = key.0 ^ 0x736F_6D65_7073_6575
        var v1 = key.1 ^ 0x646F_7261_6E64_6F6D
        var v2 = key.0 ^ 0x6C79_6765_6E65_7261
        var v3 = key.1 ^ 0x7465_6462_7974_6573
        @inline(__always) func round() {
            v0 &+= v1; v1 = v1.rotateLeft(13); v1 ^= v0; v0 = v0.rotateLeft(32)
            v2 &+= v3; v3 = v3.rotateLeft(16); v3 ^= v2
            v0 &+= v3; v3 = v3.rotateLeft(21); v3 ^= v0
            v2 &+= v1; v1 = v1.rotateLeft(17); v1 ^= v2; v2 = v2.rotateLeft(32)
        }
        @inline(__always) func absorb(_ block: UInt64) {
            v3 ^= block
            for _ in 0..<compression { round() }
            v0 ^= block
        }
        let count = bytes.count
        var offset = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while offset + 8 <= count {
                absorb(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
                offset += 8
            }
        }
        var last = UInt64(truncatingIfNeeded: count) << 56
        let rest = count - offset
        if rest > 0, count >= 8, let base = bytes.baseAddress {
            // The last eight bytes in one load, those absorbed already shifted out.
            let word = UInt64(littleEndian: UnsafeRawPointer(base).loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            last |= word >> (8 * UInt64(8 - rest))
        } else {
            for index in offset..<count { last |= UInt64(bytes[index]) << (8 * UInt64(index - offset)) }
        }
        absorb(last)
        v2 ^= 0xFF
        for _ in 0..<finalization { round() }
        return v0 ^ v1 ^ v2 ^ v3
    }
}

private extension UInt64 {
    @inline(__always)
    func rotateLeft(_ bits: UInt64) -> UInt64 { self << bits | self >> (64 - bits) }
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
