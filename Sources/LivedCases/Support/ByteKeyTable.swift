import Foundation

/// A table from byte strings to small integers, keys kept in one arena:
/// looking up a case id, an activity name or a channel word of an export
/// row hashes its bytes in place, with no `String` and no allocation.
///
/// Hashing is Swift's `Hasher` (SipHash, seeded per process), so an export
/// cannot be written to make its keys collide; nothing the replay reports
/// depends on the seed.
///
/// ```swift
/// var table = ByteKeyTable()
/// table.insert(Array("Gold".utf8), value: 2)
/// Array("Gold".utf8).withUnsafeBufferPointer { table.value(for: $0) }   // 2
/// ```
struct ByteKeyTable: Sendable {
    private struct Slot: Sendable {
        var hash: Int
        var start: Int32
        var length: Int32
        var value: Int32
    }

    private var slots: [Slot]
    private var arena: [UInt8] = []
    private(set) var count = 0
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: Slot(hash: 0, start: 0, length: -1, value: 0), count: size)
        mask = size - 1
    }

    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
        return hasher.finalize()
    }

    /// The value of `key`, or nil.
    func value(for key: UnsafeBufferPointer<UInt8>) -> Int? {
        value(for: key, hash: Self.hash(key))
    }

    func value(for key: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        var index = hash & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let slot = slots[index]
                if slot.length < 0 { return nil }
                if slot.hash == hash, Int(slot.length) == key.count, Self.equal(arena, Int(slot.start), key) { return Int(slot.value) }
                index = (index + 1) & mask
            }
        }
    }

    /// Adds `key` with `value`, or returns the value it already has.
    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, value: Int) -> Int {
        insert(key, hash: Self.hash(key), value: value)
    }

    @discardableResult
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: Int, value: Int) -> Int {
        if let known = self.value(for: key, hash: hash) { return known }
        if (count + 1) * 2 > slots.count { grow() }
        var index = hash & mask
        while slots[index].length >= 0 { index = (index + 1) & mask }
        slots[index] = Slot(hash: hash, start: Int32(truncatingIfNeeded: arena.count), length: Int32(truncatingIfNeeded: key.count), value: Int32(truncatingIfNeeded: value))
        arena.append(contentsOf: key)
        count += 1
        return value
    }

    mutating func insert(_ key: [UInt8], value: Int) {
        key.withUnsafeBufferPointer { _ = insert($0, value: value) }
    }

    mutating func insert(_ key: String, value: Int) {
        insert(Array(key.utf8), value: value)
    }

    /// The bytes of every key, with its value.
    var entries: [(key: [UInt8], value: Int)] {
        slots.filter { $0.length >= 0 }.map { (Array(arena[Int($0.start)..<(Int($0.start) + Int($0.length))]), Int($0.value)) }
    }

    /// Bytes held, for memory budgets.
    var footprint: Int { arena.capacity + slots.capacity * MemoryLayout<Slot>.stride }

    private mutating func grow() {
        slots = LinearProbing.doubled(slots, empty: Slot(hash: 0, start: 0, length: -1, value: 0), isUsed: { $0.length >= 0 }, hash: \.hash)
        mask = slots.count - 1
    }

    /// Whether `key` is the bytes of `arena` from `start` on.
    @inline(__always)
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
