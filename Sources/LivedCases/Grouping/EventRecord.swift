import JourneyModel

/// One event as the grouping holds it: a few dozen bytes, so that millions
/// fit in a memory budget, and what goes to a spill file is exactly what
/// was in memory.
///
/// Layout, little-endian:
///
/// ```text
/// u32 key hash                         the case id's hash, low 32 bits (``ByteKeys/caseHash(_:)``)
/// u32 length                           the record's bytes, these included
/// u16 key length, key bytes            the case id
/// i64 time                             milliseconds since 1970 UTC
/// u32 row                              the row (CSV), line (JSON Lines) or event number (XES)
/// i32 activity                         ≥ 0: position in the source's activities; -1: unmapped, name below
/// i16 channel, i16 segment, i16 journey   positions in the brand's catalogs; -1 when the row says none
/// u16 owner length, owner bytes
/// u16 name length, name bytes          an unmapped activity's name
/// u8 value count, then per value: u16 attribute, u8 kind, 8 bytes (or, for text, u16 length and bytes)
/// ```
enum EventRecord {
    /// The longest case id, owner or text value kept; longer is a bad row.
    static let longestField = 4096
    /// Unmapped activity names longer than this are cut (with `…`).
    static let longestActivityName = 200

    /// How many bytes of an activity name are kept: all of it up to
    /// ``longestActivityName``, else as many as fit without splitting a
    /// UTF-8 character (a split one would show as U+FFFD in a report).
    ///
    /// ```swift
    /// // 199 ASCII bytes, then "é" (2 bytes): 199 kept, not 200.
    /// ```
    static func keptActivityBytes(of name: UnsafeBufferPointer<UInt8>) -> Int {
        guard name.count > longestActivityName else { return name.count }
        var end = longestActivityName
        // The first byte left out continues a character begun before it.
        while end > 0, name[end] & 0xC0 == 0x80 { end -= 1 }
        return end
    }
    /// The most lived values one row may hold: a source maps no more
    /// attributes than that (the loader says so in the source file).
    static let mostValues = LivedAttribute.mostPerSource

    enum ValueKind: UInt8, Sendable {
        case choice, number, duration, boolean, text
    }
}

/// Writes one event record at a time into scratch memory of its own,
/// with plain stores; the caller then appends the finished record where it
/// goes, in one copy (a field at a time into an array cost a capacity and
/// uniqueness check and a generic call each).
struct EventRecordWriter {
    /// Owns the scratch memory; `base` points into it.
    private var storage: Scratch
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes of the record written so far.
    private(set) var length = 0
    private var valueCountOffset = 0
    /// Where the row number lies in the record, so that a part of an
    /// export read before the rows ahead of it are counted can have them
    /// added once they are.
    private(set) var rowOffset = 0
    /// The case id's hash, written once per record: its high bits choose
    /// the partition, its low 32 bits (in the record) the slot in the
    /// partition's table, so a case id is hashed once, not once per use.
    private(set) var caseHash: UInt64 = 0

    /// Memory that lives as long as a writer holds it.
    private final class Scratch {
        let base: UnsafeMutablePointer<UInt8>
        let capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            base.initialize(repeating: 0, count: capacity)
        }

        deinit { base.deallocate() }
    }

    init() {
        storage = Scratch(capacity: 512)
        base = storage.base
    }

    /// The record written, valid until the next write; its length is
    /// stored into it here, once every field is written.
    var record: UnsafeBufferPointer<UInt8> {
        store(UInt32(truncatingIfNeeded: length), at: 4)
        return UnsafeBufferPointer(start: base, count: length)
    }

    mutating func begin(key: UnsafeBufferPointer<UInt8>, time: Int64, row: Int, activity: Int32, channel: Int16, segment: Int16, journey: Int16) {
        caseHash = ByteKeys.caseHash(key)
        store(UInt32(truncatingIfNeeded: caseHash), at: 0)
        length = 8
        appendBytes(key)
        reserve(22)
        store(UInt64(bitPattern: time), at: length)
        rowOffset = length + 8
        store(UInt32(clamping: row), at: length + 8)
        store(UInt32(bitPattern: activity), at: length + 12)
        store(UInt16(bitPattern: channel), at: length + 16)
        store(UInt16(bitPattern: segment), at: length + 18)
        store(UInt16(bitPattern: journey), at: length + 20)
        length += 22
    }

    mutating func owner(_ owner: UnsafeBufferPointer<UInt8>?) {
        appendBytes(owner)
    }

    mutating func activityName(_ name: UnsafeBufferPointer<UInt8>?) {
        appendBytes(name)
        reserve(1)
        valueCountOffset = length
        store(UInt8(0), at: length)
        length += 1
    }

    mutating func value(attribute: Int, kind: EventRecord.ValueKind, scalar: UInt64) {
        guard holdsAnother(attribute: attribute) else { return }
        countValue()
        reserve(11)
        store(UInt16(truncatingIfNeeded: attribute), at: length)
        store(kind.rawValue, at: length + 2)
        store(scalar, at: length + 3)
        length += 11
    }

    mutating func text(attribute: Int, _ text: UnsafeBufferPointer<UInt8>) {
        guard holdsAnother(attribute: attribute) else { return }
        countValue()
        reserve(3)
        store(UInt16(truncatingIfNeeded: attribute), at: length)
        store(EventRecord.ValueKind.text.rawValue, at: length + 2)
        length += 3
        appendBytes(text)
    }

    var valueCount: Int { Int(base[valueCountOffset]) }

    /// Whether the record has room for one more value of `attribute`: its
    /// count is one byte and its attribute two. The loader refuses sources
    /// past either; this keeps a record that reads back right whatever
    /// calls it.
    private func holdsAnother(attribute: Int) -> Bool {
        valueCount < EventRecord.mostValues && attribute >= 0 && attribute < LivedAttribute.catalogPositions
    }

    private mutating func countValue() {
        base[valueCountOffset] &+= 1
    }

    @inline(__always)
    private func store<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        UnsafeMutableRawPointer(base).storeBytes(of: value.littleEndian, toByteOffset: offset, as: Value.self)
    }

    /// Makes room for `count` more bytes.
    @inline(__always)
    private mutating func reserve(_ count: Int) {
        guard length + count > storage.capacity else { return }
        let grown = Scratch(capacity: max(2 * storage.capacity, length + count))
        grown.base.update(from: base, count: length)
        storage = grown
        base = grown.base
    }

    private mutating func appendBytes(_ field: UnsafeBufferPointer<UInt8>?) {
        let count = min(field?.count ?? 0, Int(UInt16.max))
        reserve(2 + count)
        store(UInt16(count), at: length)
        length += 2
        if let source = field?.baseAddress, count > 0 {
            (base + length).update(from: source, count: count)
            length += count
        }
    }
}

/// One event record read back in place: offsets into the bytes it lies in.
struct EventRecordView: Sendable {
    /// Where the record starts, and where the next one does.
    var start: Int
    var end: Int
    /// The low 32 bits of the case id's hash.
    var keyHash: UInt32
    var keyStart: Int
    var keyLength: Int
    var time: Int64
    var row: Int
    var activity: Int32
    var channel: Int16
    var segment: Int16
    var journey: Int16
    var ownerStart: Int
    var ownerLength: Int
    var nameStart: Int
    var nameLength: Int
    /// Where the values begin (their count byte), and how many there are.
    var valuesStart: Int
    var valueCount: Int

    /// Reads the record at `offset`; nil when the bytes end before it does,
    /// or its fields before its length says (only a bug could cause that:
    /// the bytes are the writer's).
    ///
    /// The fixed fields are loaded where they lie, against one bound, the
    /// record's end; the values are not walked here but read, each against
    /// that bound, by ``RecordedValue/append(valuesOf:in:to:)``.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> EventRecordView? {
        let raw = UnsafeRawBufferPointer(bytes)
        guard offset >= 0, raw.count - offset >= 10 else { return nil }
        @inline(__always) func load<Field: FixedWidthInteger>(_ at: Int, _: Field.Type) -> Field {
            Field(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Field.self))
        }
        let length = Int(load(offset + 4, UInt32.self))
        guard length >= 10, raw.count - offset >= length else { return nil }
        let end = offset + length
        let keyLength = Int(load(offset + 8, UInt16.self))
        let fixed = offset + 10 + keyLength
        // The fixed fields and the owner's length.
        guard end - fixed >= 24 else { return nil }
        let ownerLength = Int(load(fixed + 22, UInt16.self))
        let ownerStart = fixed + 24
        // The owner, the name's length.
        guard end - ownerStart >= ownerLength + 2 else { return nil }
        let nameLength = Int(load(ownerStart + ownerLength, UInt16.self))
        let nameStart = ownerStart + ownerLength + 2
        // The name, the values' count.
        guard end - nameStart >= nameLength + 1 else { return nil }
        let valuesStart = nameStart + nameLength
        return EventRecordView(
            start: offset, end: end, keyHash: load(offset, UInt32.self), keyStart: offset + 10, keyLength: keyLength, time: load(fixed, Int64.self),
            row: Int(load(fixed + 8, UInt32.self)), activity: load(fixed + 12, Int32.self), channel: load(fixed + 16, Int16.self),
            segment: load(fixed + 18, Int16.self), journey: load(fixed + 20, Int16.self), ownerStart: ownerStart, ownerLength: ownerLength,
            nameStart: nameStart, nameLength: nameLength, valuesStart: valuesStart, valueCount: Int(load(valuesStart, UInt8.self))
        )
    }
}

/// What grouping needs of a record: its case id and where the next
/// record starts, read from the record's head without walking its fields.
struct EventRecordKey {
    var keyHash: UInt32
    var keyStart: Int
    var keyLength: Int
    var end: Int

    /// The key of the record at `offset`; nil when the bytes end before
    /// its key or its length does (only a bug could cause that).
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> EventRecordKey? {
        let raw = UnsafeRawBufferPointer(bytes)
        guard offset >= 0, raw.count - offset >= 10 else { return nil }
        let hash = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        let length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)))
        let keyLength = Int(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt16.self)))
        guard length >= 10 + keyLength, raw.count - offset >= length else { return nil }
        return EventRecordKey(keyHash: hash, keyStart: offset + 10, keyLength: keyLength, end: offset + length)
    }
}

/// A lived value as a record holds it.
public struct RecordedValue: Sendable, Equatable {
    public let attribute: Int
    public let kind: Kind
    /// The number, the rank of a word, milliseconds of a duration, 0 or 1.
    public let scalar: Double
    /// A text value's bytes; empty for other kinds.
    public let text: [UInt8]

    public enum Kind: Sendable, Equatable {
        case choice, number, duration, boolean, text
    }

    /// Appends the values of the record `view` in `bytes` to `values`, in
    /// the order written: in place, so that a case's values need no array
    /// per event. Each value is read only if it lies within the record
    /// (the bytes are the writer's, so they all do).
    static func append(valuesOf view: EventRecordView, in bytes: UnsafeBufferPointer<UInt8>, to values: inout [RecordedValue]) {
        guard view.valueCount > 0, view.end <= bytes.count else { return }
        let raw = UnsafeRawBufferPointer(bytes)
        var cursor = view.valuesStart + 1
        @inline(__always) func take<Field: FixedWidthInteger>(_: Field.Type) -> Field {
            let value = Field(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: Field.self))
            cursor += MemoryLayout<Field>.size
            return value
        }
        for _ in 0..<view.valueCount {
            // An attribute, a kind, and 8 bytes or a text's length.
            guard view.end - cursor >= 5 else { return }
            let attribute = Int(take(UInt16.self))
            let kind = EventRecord.ValueKind(rawValue: take(UInt8.self)) ?? .number
            if kind == .text {
                let length = Int(take(UInt16.self))
                guard view.end - cursor >= length else { return }
                values.append(RecordedValue(attribute: attribute, kind: .text, scalar: 0, text: Array(bytes[cursor..<(cursor + length)])))
                cursor += length
                continue
            }
            guard view.end - cursor >= 8 else { return }
            let bits = take(UInt64.self)
            switch kind {
            case .choice: values.append(RecordedValue(attribute: attribute, kind: .choice, scalar: Double(Int64(bitPattern: bits)), text: []))
            case .number: values.append(RecordedValue(attribute: attribute, kind: .number, scalar: Double(bitPattern: bits), text: []))
            case .duration: values.append(RecordedValue(attribute: attribute, kind: .duration, scalar: Double(Int64(bitPattern: bits)), text: []))
            case .boolean: values.append(RecordedValue(attribute: attribute, kind: .boolean, scalar: bits == 0 ? 0 : 1, text: []))
            case .text: break
            }
        }
    }
}
