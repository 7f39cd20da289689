import JourneyModel

/// One event as the grouping holds it: a few dozen bytes, so that millions
/// fit in a memory budget, and what goes to a spill file is exactly what
/// was in memory.
///
/// Layout, little-endian; a *count* is an unsigned LEB128 number (7 bits a
/// byte, low bits first, the high bit set on every byte but the last), so
/// that the small numbers most fields hold take one byte:
///
/// ```text
/// u32 key hash                         the case id's hash, low 32 bits (``ByteKeys/caseHash(_:)``)
/// u8 length                            the record's bytes, these included, when 255 or fewer;
///                                      else 0, then u32 length
/// count key length, key bytes          the case id
/// i64 time                             milliseconds since 1970 UTC
/// u32 row                              the row (CSV), line (JSON Lines) or event number (XES)
/// count activity + 1                   0: unmapped, name below; else 1 + position in the source's activities
/// count channel + 1, count segment + 1, count journey + 1
///                                      0 when the row says none; else 1 + position in the brand's catalogs
/// count owner length, owner bytes
/// count name length, name bytes        an unmapped activity's name
/// u8 value count, then per value:
///   u8 tag                             low 3 bits the storage (below); high 5 bits the attribute when
///                                      below 31, else 31 and count attribute follows
///   then by storage: 0 choice, 2 duration, 3 boolean: count (the rank, milliseconds, 0 or 1);
///   1 number: 8 bytes (a Double); 5 number that is a whole Int64: count (zigzag: 2n, or -2n - 1);
///   4 text: count length, bytes
/// ```
///
/// Activity, channel, segment and journey are stored plus one as the bit
/// pattern of their width (`UInt32`, `UInt16`), so that every value of
/// that width, -1 included, reads back as itself.
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

    /// How a value's scalar is stored: a value tag's low 3 bits.
    enum Storage: UInt8 {
        case choice = 0, number = 1, duration = 2, boolean = 3, text = 4, wholeNumber = 5
    }

    /// A value tag's attribute field that says the attribute follows as a count.
    static let attributeFollows: UInt8 = 31

    /// Reads a count at `cursor`, before `end`, and moves past it; nil when
    /// it runs past `end` or past 10 bytes (only a bug could cause that).
    @inline(__always)
    static func count(_ raw: UnsafeRawBufferPointer, _ cursor: inout Int, before end: Int) -> UInt64? {
        guard cursor < end else { return nil }
        let first = raw[cursor]
        if first < 0x80 {
            cursor += 1
            return UInt64(first)
        }
        return longCount(raw, &cursor, before: end)
    }

    /// A count of more than one byte.
    @inline(never)
    private static func longCount(_ raw: UnsafeRawBufferPointer, _ cursor: inout Int, before end: Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var at = cursor
        while at < end, shift < 70 {
            let byte = raw[at]
            value |= UInt64(byte & 0x7F) &<< shift
            at += 1
            if byte < 0x80 {
                cursor = at
                return value
            }
            shift += 7
        }
        return nil
    }

    /// A count no larger than `limit`, as an Int.
    @inline(__always)
    static func count(_ raw: UnsafeRawBufferPointer, _ cursor: inout Int, before end: Int, atMost limit: Int) -> Int? {
        guard let value = count(raw, &cursor, before: end), value <= UInt64(limit) else { return nil }
        return Int(value)
    }
}

/// Writes one event record at a time into scratch memory of its own,
/// with plain stores; the caller then appends the finished record where it
/// goes, in one copy (a field at a time into an array cost a capacity and
/// uniqueness check and a generic call each).
///
/// The record's head is not known to be short until its last field is
/// written: the fields are written from ``bodyStart`` on, after room for
/// the long head, and ``record`` puts the short head, when it fits, just
/// before them, so that nothing is moved.
struct EventRecordWriter {
    /// Owns the scratch memory; `base` points into it.
    private var storage: Scratch
    private var base: UnsafeMutablePointer<UInt8>
    /// Where the fields after the head begin: the long head's 9 bytes.
    private static let bodyStart = 9
    /// Where the record written so far ends, in the scratch.
    private var end = bodyStart
    private var valueCountOffset = 0
    /// Where the row number lies in the scratch.
    private var rowAt = 0
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

    /// Where the record starts in the scratch: 4 bytes in when its head is short.
    private var recordStart: Int { end - 4 <= 255 ? 4 : 0 }

    /// Bytes of the record written so far, its head included.
    var length: Int { end - recordStart }

    /// Where the row number lies in the record, so that a part of an
    /// export read before the rows ahead of it are counted can have them
    /// added once they are.
    var rowOffset: Int { rowAt - recordStart }

    /// The record written, valid until the next write; its head is stored
    /// into it here, once every field is written.
    var record: UnsafeBufferPointer<UInt8> {
        let start = recordStart
        let hash = UInt32(truncatingIfNeeded: caseHash)
        if start == 4 {
            store(hash, at: 4)
            store(UInt8(truncatingIfNeeded: end - 4), at: 8)
        } else {
            store(hash, at: 0)
            store(UInt8(0), at: 4)
            store(UInt32(truncatingIfNeeded: end), at: 5)
        }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    mutating func begin(key: UnsafeBufferPointer<UInt8>, time: Int64, row: Int, activity: Int32, channel: Int16, segment: Int16, journey: Int16) {
        caseHash = ByteKeys.caseHash(key)
        end = Self.bodyStart
        appendBytes(key)
        // Time and row, then four counts of at most 5, 3, 3 and 3 bytes.
        reserve(12 + 14)
        store(UInt64(bitPattern: time), at: end)
        rowAt = end + 8
        store(UInt32(clamping: row), at: end + 8)
        end += 12
        appendCount(UInt64(UInt32(bitPattern: activity &+ 1)))
        appendCount(UInt64(UInt16(bitPattern: channel &+ 1)))
        appendCount(UInt64(UInt16(bitPattern: segment &+ 1)))
        appendCount(UInt64(UInt16(bitPattern: journey &+ 1)))
    }

    mutating func owner(_ owner: UnsafeBufferPointer<UInt8>?) {
        appendBytes(owner)
    }

    mutating func activityName(_ name: UnsafeBufferPointer<UInt8>?) {
        appendBytes(name)
        reserve(1)
        valueCountOffset = end
        store(UInt8(0), at: end)
        end += 1
    }

    mutating func value(attribute: Int, kind: EventRecord.ValueKind, scalar: UInt64) {
        guard holdsAnother(attribute: attribute) else { return }
        countValue()
        // A tag, an attribute of at most 3 bytes, a scalar of at most 10.
        reserve(14)
        switch kind {
        case .choice:
            tag(.choice, attribute)
            appendCount(scalar)
        case .duration:
            tag(.duration, attribute)
            appendCount(scalar)
        case .boolean:
            tag(.boolean, attribute)
            appendCount(scalar)
        case .number:
            let number = Double(bitPattern: scalar)
            // Whole numbers read back bit for bit from their Int64 (-0.0 does not: it stays 8 bytes).
            if number >= -0x1p62, number < 0x1p62, let whole = Int64(exactly: number), Double(whole).bitPattern == scalar {
                tag(.wholeNumber, attribute)
                appendCount(UInt64(bitPattern: (whole &<< 1) ^ (whole >> 63)))
            } else {
                tag(.number, attribute)
                store(scalar, at: end)
                end += 8
            }
        case .text:
            // A text comes by ``text(attribute:_:)``; a scalar one holds no bytes.
            tag(.text, attribute)
            appendCount(0)
        }
    }

    mutating func text(attribute: Int, _ text: UnsafeBufferPointer<UInt8>) {
        guard holdsAnother(attribute: attribute) else { return }
        countValue()
        reserve(4)
        tag(.text, attribute)
        appendBytes(text)
    }

    var valueCount: Int { Int(base[valueCountOffset]) }

    /// Whether the record has room for one more value of `attribute`: its
    /// count is one byte, and attributes are positions the loader allows.
    /// The loader refuses sources past either; this keeps a record that
    /// reads back right whatever calls it.
    private func holdsAnother(attribute: Int) -> Bool {
        valueCount < EventRecord.mostValues && attribute >= 0 && attribute < LivedAttribute.catalogPositions
    }

    private mutating func countValue() {
        base[valueCountOffset] &+= 1
    }

    /// A value's tag, and its attribute after it when the tag cannot hold
    /// it; room for both is reserved.
    @inline(__always)
    private mutating func tag(_ storage: EventRecord.Storage, _ attribute: Int) {
        if attribute < Int(EventRecord.attributeFollows) {
            base[end] = UInt8(truncatingIfNeeded: attribute) << 3 | storage.rawValue
            end += 1
        } else {
            base[end] = EventRecord.attributeFollows << 3 | storage.rawValue
            end += 1
            appendCount(UInt64(attribute))
        }
    }

    /// A count; its (at most 10) bytes are reserved.
    @inline(__always)
    private mutating func appendCount(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            base[end] = UInt8(truncatingIfNeeded: rest) | 0x80
            rest >>= 7
            end += 1
        }
        base[end] = UInt8(truncatingIfNeeded: rest)
        end += 1
    }

    @inline(__always)
    private func store<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        UnsafeMutableRawPointer(base).storeBytes(of: value.littleEndian, toByteOffset: offset, as: Value.self)
    }

    /// Makes room for `count` more bytes.
    @inline(__always)
    private mutating func reserve(_ count: Int) {
        guard end + count > storage.capacity else { return }
        let grown = Scratch(capacity: max(2 * storage.capacity, end + count))
        grown.base.update(from: base, count: end)
        storage = grown
        base = grown.base
    }

    /// A field's length (at most `UInt16.max`: longer is cut) and bytes.
    private mutating func appendBytes(_ field: UnsafeBufferPointer<UInt8>?) {
        let count = min(field?.count ?? 0, Int(UInt16.max))
        reserve(3 + count)
        appendCount(UInt64(count))
        if let source = field?.baseAddress, count > 0 {
            Self.copy(from: source, count: count, to: base + end)
            end += count
        }
    }

    /// Copies `count` bytes: from 4 to 16, as most case ids and owners are,
    /// by two loads and two stores that overlap in the middle, each within
    /// the `count` bytes at either end; otherwise by `memmove`, whose call
    /// costs more than the copy of a field of a few bytes.
    @inline(__always)
    private static func copy(from source: UnsafePointer<UInt8>, count: Int, to target: UnsafeMutablePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        if count >= 8, count <= 16 {
            let head = from.loadUnaligned(as: UInt64.self), tail = from.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            to.storeBytes(of: head, as: UInt64.self)
            to.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4, count < 8 {
            let head = from.loadUnaligned(as: UInt32.self), tail = from.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            to.storeBytes(of: head, as: UInt32.self)
            to.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            target.update(from: source, count: count)
        }
    }
}

/// One event record read back in place: where its fields are in the bytes
/// it lies in.
///
/// Offsets within the record are held in 32 bits and lengths in 16 (a
/// record is at most `UInt32.max` bytes and a field at most `UInt16.max`),
/// so that a view is 64 bytes rather than 120: grouping holds one per
/// event of the case it builds, a million of them for a case of a million
/// events.
struct EventRecordView: Sendable {
    /// Where the record starts.
    var start: Int
    var time: Int64
    private var length: UInt32
    /// The low 32 bits of the case id's hash.
    var keyHash: UInt32
    private var storedRow: UInt32
    var activity: Int32
    private var ownerOffset: UInt32
    private var nameOffset: UInt32
    private var valuesOffset: UInt32
    private var keyOffset: UInt16
    private var storedKeyLength: UInt16
    private var storedOwnerLength: UInt16
    private var storedNameLength: UInt16
    var channel: Int16
    var segment: Int16
    var journey: Int16
    private var storedValueCount: UInt8

    /// Where the next record starts.
    var end: Int { start + Int(length) }
    var keyStart: Int { start + Int(keyOffset) }
    var keyLength: Int { Int(storedKeyLength) }
    var row: Int { Int(storedRow) }
    var ownerStart: Int { start + Int(ownerOffset) }
    var ownerLength: Int { Int(storedOwnerLength) }
    var nameStart: Int { start + Int(nameOffset) }
    var nameLength: Int { Int(storedNameLength) }
    /// Where the values begin (their count byte), and how many there are.
    var valuesStart: Int { start + Int(valuesOffset) }
    var valueCount: Int { Int(storedValueCount) }

    /// Reads the record at `offset`; nil when the bytes end before it does,
    /// or its fields before its length says (only a bug could cause that:
    /// the bytes are the writer's).
    ///
    /// The fields are read in turn, each against one bound, the record's
    /// end; the values are not walked here but read, each against that
    /// bound, by ``RecordedValue/append(valuesOf:in:to:)``.
    @inline(__always)
    static func read(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> EventRecordView? {
        let raw = UnsafeRawBufferPointer(bytes)
        guard let head = EventRecordKey.read(bytes, at: offset) else { return nil }
        @inline(__always) func load<Field: FixedWidthInteger>(_ at: Int, _: Field.Type) -> Field {
            Field(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Field.self))
        }
        let end = head.end
        var cursor = head.keyStart + head.keyLength
        // Time and row.
        guard end - cursor >= 12 else { return nil }
        let time = load(cursor, Int64.self)
        let row = load(cursor + 8, UInt32.self)
        cursor += 12
        guard let activity = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt32.max)),
              let channel = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)),
              let segment = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)),
              let journey = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)),
              let ownerLength = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)),
              end - cursor >= ownerLength
        else { return nil }
        let ownerStart = cursor
        cursor += ownerLength
        guard let nameLength = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)),
              end - cursor >= nameLength + 1
        else { return nil }
        let nameStart = cursor
        let valuesStart = nameStart + nameLength
        @inline(__always) func within(_ at: Int) -> UInt32 { UInt32(truncatingIfNeeded: at - offset) }
        return EventRecordView(
            start: offset, time: time, length: within(end), keyHash: head.keyHash, storedRow: row,
            activity: Int32(bitPattern: UInt32(truncatingIfNeeded: activity)) &- 1,
            ownerOffset: within(ownerStart), nameOffset: within(nameStart), valuesOffset: within(valuesStart),
            keyOffset: UInt16(truncatingIfNeeded: head.keyStart - offset), storedKeyLength: UInt16(truncatingIfNeeded: head.keyLength),
            storedOwnerLength: UInt16(truncatingIfNeeded: ownerLength), storedNameLength: UInt16(truncatingIfNeeded: nameLength),
            channel: Int16(bitPattern: UInt16(truncatingIfNeeded: channel)) &- 1,
            segment: Int16(bitPattern: UInt16(truncatingIfNeeded: segment)) &- 1,
            journey: Int16(bitPattern: UInt16(truncatingIfNeeded: journey)) &- 1,
            storedValueCount: load(valuesStart, UInt8.self)
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
        guard offset >= 0, raw.count - offset >= 6 else { return nil }
        let hash = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        var length = Int(raw[offset + 4])
        var cursor = offset + 5
        if length == 0 {
            guard raw.count - offset >= 10 else { return nil }
            length = Int(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 5, as: UInt32.self)))
            cursor = offset + 9
        }
        guard length > cursor - offset, raw.count - offset >= length else { return nil }
        let end = offset + length
        guard let keyLength = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)), end - cursor >= keyLength else { return nil }
        return EventRecordKey(keyHash: hash, keyStart: cursor, keyLength: keyLength, end: end)
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
        var reader = ValueReader(view, bytes)
        for _ in 0..<view.valueCount {
            guard let value = reader.next() else { return }
            switch value.kind {
            case .choice: values.append(RecordedValue(attribute: value.attribute, kind: .choice, scalar: Double(Int64(bitPattern: value.bits)), text: []))
            case .number: values.append(RecordedValue(attribute: value.attribute, kind: .number, scalar: Double(bitPattern: value.bits), text: []))
            case .duration: values.append(RecordedValue(attribute: value.attribute, kind: .duration, scalar: Double(Int64(bitPattern: value.bits)), text: []))
            case .boolean: values.append(RecordedValue(attribute: value.attribute, kind: .boolean, scalar: value.bits == 0 ? 0 : 1, text: []))
            case .text:
                values.append(RecordedValue(attribute: value.attribute, kind: .text, scalar: 0, text: Array(bytes[value.textStart..<(value.textStart + value.textLength)])))
            }
        }
    }

    /// Lived order on two records' values: their count, then value by
    /// value its attribute, its kind, and its 8 bytes (a text: its length,
    /// then its bytes), each of those numbers compared as its little-endian
    /// bytes are (lowest byte first), the order reports have always used
    /// to choose which of two events at the same instant is kept.
    static func compare(valuesOf left: EventRecordView, _ right: EventRecordView, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if left.valueCount != right.valueCount { return left.valueCount - right.valueCount }
        guard left.end <= bytes.count, right.end <= bytes.count else { return 0 }
        var leftReader = ValueReader(left, bytes), rightReader = ValueReader(right, bytes)
        @inline(__always) func order<Field: FixedWidthInteger>(_ a: Field, _ b: Field) -> Int {
            a.byteSwapped == b.byteSwapped ? 0 : (a.byteSwapped < b.byteSwapped ? -1 : 1)
        }
        for _ in 0..<left.valueCount {
            guard let a = leftReader.next(), let b = rightReader.next() else { return 0 }
            let byAttribute = order(UInt16(truncatingIfNeeded: a.attribute), UInt16(truncatingIfNeeded: b.attribute))
            if byAttribute != 0 { return byAttribute }
            if a.kind != b.kind { return Int(a.kind.rawValue) - Int(b.kind.rawValue) }
            if a.kind == .text {
                let byLength = order(UInt16(truncatingIfNeeded: a.textLength), UInt16(truncatingIfNeeded: b.textLength))
                if byLength != 0 { return byLength }
                let byBytes = ByteOrder.compare(
                    UnsafeBufferPointer(rebasing: bytes[a.textStart..<(a.textStart + a.textLength)]),
                    UnsafeBufferPointer(rebasing: bytes[b.textStart..<(b.textStart + b.textLength)])
                )
                if byBytes != 0 { return byBytes }
            } else {
                let byBits = order(a.bits, b.bits)
                if byBits != 0 { return byBits }
            }
        }
        return 0
    }

    /// Reads a record's values one at a time, each against the record's end.
    private struct ValueReader {
        let raw: UnsafeRawBufferPointer
        let end: Int
        var cursor: Int

        /// A value as written: its scalar's 64 bits as the writer was given
        /// them; a text's place.
        struct Value {
            var attribute: Int
            var kind: EventRecord.ValueKind
            var bits: UInt64 = 0
            var textStart = 0
            var textLength = 0
        }

        init(_ view: EventRecordView, _ bytes: UnsafeBufferPointer<UInt8>) {
            raw = UnsafeRawBufferPointer(bytes)
            end = view.end
            cursor = view.valuesStart + 1
        }

        @inline(__always)
        mutating func next() -> Value? {
            guard cursor < end else { return nil }
            let tag = raw[cursor]
            cursor += 1
            var attribute = Int(tag >> 3)
            if tag >> 3 == EventRecord.attributeFollows {
                guard let following = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)) else { return nil }
                attribute = following
            }
            guard let storage = EventRecord.Storage(rawValue: tag & 7) else { return nil }
            switch storage {
            case .choice, .duration, .boolean:
                guard let bits = EventRecord.count(raw, &cursor, before: end) else { return nil }
                let kind: EventRecord.ValueKind = storage == .choice ? .choice : (storage == .duration ? .duration : .boolean)
                return Value(attribute: attribute, kind: kind, bits: bits)
            case .number:
                guard end - cursor >= 8 else { return nil }
                let bits = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: cursor, as: UInt64.self))
                cursor += 8
                return Value(attribute: attribute, kind: .number, bits: bits)
            case .wholeNumber:
                guard let zigzag = EventRecord.count(raw, &cursor, before: end) else { return nil }
                let whole = Int64(bitPattern: zigzag >> 1) ^ -Int64(bitPattern: zigzag & 1)
                return Value(attribute: attribute, kind: .number, bits: Double(whole).bitPattern)
            case .text:
                guard let length = EventRecord.count(raw, &cursor, before: end, atMost: Int(UInt16.max)), end - cursor >= length else { return nil }
                let start = cursor
                cursor += length
                return Value(attribute: attribute, kind: .text, textStart: start, textLength: length)
            }
        }
    }
}
