/// One row of a CSV export: its fields as ranges of bytes it shares with
/// the reader, so that reading a row allocates nothing.
///
/// A field's bytes are its content: quotes removed and `""` turned into
/// `"`, already checked to be valid UTF-8. Ask for a `String` only for
/// the fields you keep; compare and hash the bytes for the rest.
///
/// ```swift
/// record[2].string                 // "Reply sent, awaiting customer"
/// record[3] == "email"             // compares bytes, no String made
/// record[0].withUnsafeBytes { hasher.combine(bytes: $0) }
/// ```
///
/// A record is a value: keeping one past the reader's callback is safe (the
/// reader then writes its next rows elsewhere), merely not free.
public struct CSVRecord: Sendable, RandomAccessCollection {
    /// The bytes the fields lie in: a chunk given to the reader, or the
    /// reader's own copy when the row spans chunks or had `""` to unescape.
    @usableFromInline let storage: [UInt8]
    /// Where record offset 0 is in `storage`.
    @usableFromInline let base: Int
    /// Start and end of each field, record offsets, two per field (and
    /// perhaps room after them).
    @usableFromInline let bounds: [UInt32]
    @usableFromInline let fieldCount: Int
    /// 1-based record number; the header is row 1.
    public let row: Int
    /// The line the row starts on.
    public let line: Int

    init(storage: [UInt8], base: Int, bounds: [UInt32], count: Int, row: Int, line: Int) {
        self.storage = storage
        self.base = base
        self.bounds = bounds
        self.fieldCount = count
        self.row = row
        self.line = line
    }

    public var startIndex: Int { 0 }
    @inlinable public var endIndex: Int { fieldCount }

    /// The field at a 0-based index; the index must be below `count`.
    @inlinable
    public subscript(index: Int) -> CSVField {
        precondition(index >= 0 && index < fieldCount, "field index out of range")
        let start = base &+ Int(bounds[2 &* index])
        let end = base &+ Int(bounds[2 &* index &+ 1])
        return CSVField(storage: storage, start: start, end: end)
    }

    /// The field at `index`, or nil past the last one.
    @inlinable
    public func field(_ index: Int) -> CSVField? {
        index >= 0 && index < count ? self[index] : nil
    }

    /// Every field as a `String`, for tests and small files.
    public var strings: [String] { map(\.string) }
}

/// One field of a ``CSVRecord``: bytes in place, text on demand.
public struct CSVField: Sendable, Equatable, CustomStringConvertible {
    @usableFromInline let storage: [UInt8]
    @usableFromInline let start: Int
    @usableFromInline let end: Int

    @inlinable
    init(storage: [UInt8], start: Int, end: Int) {
        self.storage = storage
        self.start = start
        self.end = end
    }

    /// The number of bytes.
    @inlinable public var byteCount: Int { end &- start }
    @inlinable public var isEmpty: Bool { end == start }

    /// The content's bytes, sharing the record's storage.
    @inlinable public var bytes: ArraySlice<UInt8> { storage[start..<end] }

    /// The content as text (always valid: the reader checked the UTF-8).
    public var string: String { String(decoding: storage[start..<end], as: UTF8.self) }

    public var description: String { string }

    /// Calls `body` with the content's bytes, for hashing or parsing in place.
    @inlinable
    public func withUnsafeBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try storage.withUnsafeBufferPointer { buffer in
            try body(UnsafeBufferPointer(rebasing: buffer[start..<end]))
        }
    }

    /// Whether the content is exactly `text`, compared byte for byte.
    public static func == (field: CSVField, text: String) -> Bool {
        var text = text
        return text.withUTF8 { other in
            field.withUnsafeBytes { mine in
                mine.count == other.count && (mine.count == 0 || memcmpEqual(mine, other))
            }
        }
    }

    public static func == (lhs: CSVField, rhs: CSVField) -> Bool {
        lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in left.count == right.count && (left.count == 0 || memcmpEqual(left, right)) }
        }
    }
}

@usableFromInline
func memcmpEqual(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
    guard left.count == right.count else { return false }
    var index = 0
    while index < left.count {
        if left[index] != right[index] { return false }
        index += 1
    }
    return true
}

/// A row's fields as bytes in place: what ``CSVReader/readInPlace(_:_:)``
/// hands over. Valid only inside that callback: the reader writes its next row over it, so
/// that handing a row over retains nothing. Keep ``record`` instead.
public struct CSVRecordBytes {
    @usableFromInline let bytes: UnsafeBufferPointer<UInt8>
    @usableFromInline let base: Int
    @usableFromInline let bounds: UnsafeBufferPointer<UInt32>
    /// How many fields the record has.
    public let count: Int
    /// 1-based record number; the header is row 1.
    public let row: Int
    /// The line the row starts on.
    public let line: Int

    @inlinable
    init(bytes: UnsafeBufferPointer<UInt8>, base: Int, bounds: UnsafeBufferPointer<UInt32>, count: Int, row: Int, line: Int) {
        self.bytes = bytes
        self.base = base
        self.bounds = bounds
        self.count = count
        self.row = row
        self.line = line
    }

    /// The bytes of the field at a 0-based index below ``count``.
    @inlinable @inline(__always)
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0 && index < count, "field index out of range")
        return bytes(ofField: index)
    }

    /// The bytes of the field at `index`, or nil when the record has no
    /// such field (a negative index included). Always inlined, with no
    /// check past that one: the decoder asks it for every cell, from
    /// another module.
    @inlinable @inline(__always)
    public func field(at index: Int) -> UnsafeBufferPointer<UInt8>? {
        index >= 0 && index < count ? bytes(ofField: index) : nil
    }

    /// The field at an index below ``count``, where the reader's bounds say
    /// it lies: within `bytes`, its start at most its end.
    @inlinable @inline(__always)
    func bytes(ofField index: Int) -> UnsafeBufferPointer<UInt8> {
        let start = Int(bounds[2 &* index])
        let length = Int(bounds[2 &* index &+ 1]) &- start
        return UnsafeBufferPointer(start: bytes.baseAddress.map { $0 + (base &+ start) }, count: length)
    }

    /// Every field as a `String`.
    public var strings: [String] { (0..<count).map { String(decoding: self[$0], as: UTF8.self) } }

    /// The row as a value to keep past the callback: its bytes and bounds
    /// copied.
    public var record: CSVRecord { record(sharing: nil) }

    /// The row as a value, sharing `chunk`'s storage when the row lies in
    /// it (when ``bytes`` are `chunk`'s, at `chunkStart`).
    func record(sharing chunk: (bytes: [UInt8], start: UnsafePointer<UInt8>?)?) -> CSVRecord {
        let kept = Array(bounds.prefix(2 * count))
        if let chunk, chunk.start != nil, chunk.start == bytes.baseAddress {
            return CSVRecord(storage: chunk.bytes, base: base, bounds: kept, count: count, row: row, line: line)
        }
        let first = count > 0 ? base + Int(bounds[0]) : base
        let last = count > 0 ? base + Int(bounds[2 * count - 1]) : base
        let storage = Array(UnsafeBufferPointer(rebasing: bytes[first..<max(first, last)]))
        return CSVRecord(storage: storage, base: base - first, bounds: kept, count: count, row: row, line: line)
    }
}
