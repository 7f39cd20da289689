/// Every word a source reads rows by (activity names, channel, segment and
/// journey words, each attribute's value words), in one fixed table built
/// once from the source, looked up by (list, bytes) for every row.
///
/// The hash is a cheap mix of the list, the length and every byte, not
/// SipHash: the keys come from the source, not from the
/// export, and with linear probing at most half full a look-up walks one
/// run of occupied slots, never longer than the number of keys, whatever
/// the export writes. Case ids, which the export writes, are not kept here.
///
/// ```swift
/// var words = SourceWords()
/// words.insert(Array("Gold".utf8), list: SourceWords.segments, value: 2)
/// words.seal()
/// Array("Gold".utf8).withUnsafeBufferPointer { words.value(for: $0, list: SourceWords.segments) }   // 2
/// ```
struct SourceWords: Sendable {
    /// The lists: activities, channels, segments, journeys, then one per
    /// lived attribute (``attributeList(_:)``).
    static let activities = 0, channels = 1, segments = 2, journeys = 3

    static func attributeList(_ index: Int) -> Int { 4 + index }

    private struct Key: Hashable {
        let list: Int
        let bytes: [UInt8]
    }

    /// A key as the slot holds it: its hash, its first and last bytes
    /// (``Packed``), its length and list in one word, so that a look-up of a
    /// word of up to 16 bytes, as most are, compares three words in the
    /// slot and never reads the arena.
    private struct Slot: Sendable {
        var hash: UInt64
        var head: UInt64
        var tail: UInt64
        /// Length in the high 32 bits, list in the low 32; -1 for an empty slot.
        var shape: Int64
        var start: Int32
        var value: Int32
    }

    /// A key's bytes in two words, which for a key of up to 16 bytes say
    /// every byte (given its length): bytes 0, count/2 and count-1 below 4
    /// bytes, the first and last four below 8, else the first and last eight.
    struct Packed: Equatable {
        var head: UInt64
        var tail: UInt64

        @inline(__always)
        init(_ key: UnsafeBufferPointer<UInt8>) {
            let count = key.count
            guard count > 0, let base = key.baseAddress else {
                head = 0
                tail = 0
                return
            }
            let raw = UnsafeRawPointer(base)
            if count >= 8 {
                head = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
                tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
            } else if count >= 4 {
                let first = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                let last = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
                head = first | last << 32
                tail = 0
            } else {
                head = UInt64(base[0]) | UInt64(base[count / 2]) << 8 | UInt64(base[count - 1]) << 16
                tail = 0
            }
        }
    }

    @inline(__always)
    private static func shape(count: Int, list: Int) -> Int64 {
        Int64(truncatingIfNeeded: count) << 32 | Int64(truncatingIfNeeded: UInt32(truncatingIfNeeded: list))
    }

    /// Keys in insertion order while the table is built; the first value
    /// given a key is the one kept.
    private var pending: [(key: Key, value: Int)] = []
    private var known: Set<Key> = []
    private var slots: [Slot] = []
    private var arena: [UInt8] = []
    private var mask = 0

    init() {}

    /// Adds `key` to `list` with `value`, unless the list has it already.
    mutating func insert(_ key: [UInt8], list: Int, value: Int) {
        let entry = Key(list: list, bytes: key)
        guard known.insert(entry).inserted else { return }
        pending.append((entry, value))
    }

    mutating func insert(_ key: String, list: Int, value: Int) {
        insert(Array(key.utf8), list: list, value: value)
    }

    /// Lays the keys out for look-ups: at least twice as many slots as keys.
    mutating func seal() {
        var size = 16
        while size < pending.count * 2 { size <<= 1 }
        mask = size - 1
        slots = Array(repeating: Slot(hash: 0, head: 0, tail: 0, shape: -1, start: 0, value: 0), count: size)
        arena = []
        for (key, value) in pending {
            let (hash, packed) = key.bytes.withUnsafeBufferPointer { bytes in
                let packed = Packed(bytes)
                return (Self.hash(bytes, packed, list: key.list), packed)
            }
            var index = Int(truncatingIfNeeded: hash) & mask
            while slots[index].shape >= 0 { index = (index + 1) & mask }
            slots[index] = Slot(
                hash: hash, head: packed.head, tail: packed.tail, shape: Self.shape(count: key.bytes.count, list: key.list),
                start: Int32(truncatingIfNeeded: arena.count), value: Int32(truncatingIfNeeded: value)
            )
            arena.append(contentsOf: key.bytes)
        }
        pending = []
        known = []
    }

    /// The same table in memory of its own: each part of an export is
    /// decoded on its own core with its own copy, so that the reference
    /// counts its look-ups touch are never on a cache line another core
    /// is writing.
    func ownCopy() -> SourceWords {
        var copy = self
        copy.slots = slots.map { $0 }
        copy.arena = arena.map { $0 }
        return copy
    }

    /// The value of `key` in `list`, or nil.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, list: Int) -> Int? {
        // A slot's shape keeps the length in 31 bits; no source word is that long.
        guard key.count <= Int(Int32.max) else { return nil }
        let packed = Packed(key)
        let hash = Self.hash(key, packed, list: list)
        let shape = Self.shape(count: key.count, list: list)
        return slots.withUnsafeBufferPointer { slots in
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[index]
                if slot.shape < 0 { return nil }
                if slot.hash == hash, slot.shape == shape, slot.head == packed.head, slot.tail == packed.tail,
                   key.count <= 16 || arena.withUnsafeBufferPointer({ Self.equal($0, Int(slot.start), key) }) {
                    return Int(slot.value)
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Whether the word at `start` of the arena is `key` (of the same
    /// length): a word of up to 16 bytes, as most are, compared in place
    /// (bytes one by one below 8, else two loads a side, each within the
    /// word), not by a call to `memcmp`.
    @inline(__always)
    static func equal(_ arena: UnsafeBufferPointer<UInt8>, _ start: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = key.count
        guard count <= 16, let word = arena.baseAddress, let other = key.baseAddress else {
            return ByteKeys.equal(arena, start, key)
        }
        let left = word + start
        guard count >= 8 else {
            for index in 0..<count where left[index] != other[index] { return false }
            return true
        }
        let first = UnsafeRawPointer(left), second = UnsafeRawPointer(other)
        return first.loadUnaligned(as: UInt64.self) == second.loadUnaligned(as: UInt64.self)
            && first.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) == second.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
    }

    /// Mixes the list, the length and every byte of the key, eight at a
    /// time; equal keys always hash the same, and keys that differ only in
    /// the middle ("Campaign 01 reminder", "Campaign 02 reminder") do not
    /// pile up in one run of slots.
    static func hash(_ key: UnsafeBufferPointer<UInt8>, list: Int) -> UInt64 {
        hash(key, Packed(key), list: list)
    }

    /// The hash of `key` whose ``Packed`` words are `packed`: from those
    /// words alone up to 16 bytes, the bytes between them mixed in past 16.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>, _ packed: Packed, list: Int) -> UInt64 {
        let count = key.count
        var head = packed.head
        let tail = packed.tail
        if count > 16, let base = key.baseAddress {
            let raw = UnsafeRawPointer(base)
            var offset = 8
            while offset + 8 < count {
                head = (head ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))) &* 0x9E37_79B9_7F4A_7C15
                head ^= head >> 29
                offset += 8
            }
        }
        var hash = (head ^ 0x9E37_79B9_7F4A_7C15) &* 0xBF58_476D_1CE4_E5B9
        hash ^= (tail ^ UInt64(truncatingIfNeeded: count) << 32 ^ UInt64(truncatingIfNeeded: list)) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 31
        hash &*= 0xD6E8_FEB8_6659_FD93
        return hash ^ hash >> 32
    }
}
