/// One line's object: its members as ranges of the line's bytes.
///
/// ```swift
/// object["channel"]?.string       // "email"
/// object["minutes"]?.double       // 45.0
/// object.map(\.key)               // ["case", "channel", "minutes"]
/// ```
public struct JSONLinesObject: Sendable, RandomAccessCollection {
    struct Slot: Sendable {
        let keyStart: UInt32
        let keyEnd: UInt32
        /// A string's content (inside its quotes); any other value as written.
        let valueStart: UInt32
        let valueEnd: UInt32
        let kind: JSONLinesValue.Kind
        let keyIsEscaped: Bool
        let valueIsEscaped: Bool
    }

    let storage: [UInt8]
    let base: Int
    let slots: [Slot]
    /// The 1-based line it is on.
    public let line: Int

    init(storage: [UInt8], base: Int, slots: [Slot], line: Int) {
        self.storage = storage
        self.base = base
        self.slots = slots
        self.line = line
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }

    public subscript(index: Int) -> JSONLinesMember {
        let slot = slots[index]
        return JSONLinesMember(
            keyBytes: storage[(base + Int(slot.keyStart))..<(base + Int(slot.keyEnd))], keyIsEscaped: slot.keyIsEscaped,
            value: JSONLinesValue(
                kind: slot.kind, bytes: storage[(base + Int(slot.valueStart))..<(base + Int(slot.valueEnd))],
                isEscaped: slot.valueIsEscaped
            )
        )
    }

    /// The value of the first member named `key`, or nil.
    public subscript(key: String) -> JSONLinesValue? {
        firstIndex(ofKey: key).map { self[$0].value }
    }

    /// The index of the first member named `key` (compared after decoding
    /// escapes), or nil.
    public func firstIndex(ofKey key: String) -> Int? {
        var key = key
        return key.withUTF8 { wanted in
            storage.withUnsafeBufferPointer { bytes in
                for (position, slot) in slots.enumerated() {
                    let range = (base + Int(slot.keyStart))..<(base + Int(slot.keyEnd))
                    if slot.keyIsEscaped {
                        if JSONStringDecoding.decode(storage[range]) == String(decoding: wanted, as: UTF8.self) { return position }
                    } else if memcmpEqual(UnsafeBufferPointer(rebasing: bytes[range]), wanted) {
                        return position
                    }
                }
                return nil
            }
        }
    }
}

public struct JSONLinesMember: Sendable {
    let keyBytes: ArraySlice<UInt8>
    let keyIsEscaped: Bool
    public let value: JSONLinesValue

    /// The member's name, escapes decoded.
    public var key: String {
        keyIsEscaped ? JSONStringDecoding.decode(keyBytes) : String(decoding: keyBytes, as: UTF8.self)
    }
}

/// A member's value, read in the way asked for.
public struct JSONLinesValue: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case string, number, bool, null
        /// An object or an array, which a flat export should not hold:
        /// kept as text, not read.
        case nested
    }

    public let kind: Kind
    /// A string's content between its quotes (escapes not decoded); any
    /// other value as written.
    public let bytes: ArraySlice<UInt8>
    let isEscaped: Bool

    /// The value as written in the line (a string with its escapes).
    public var rawText: String { String(decoding: bytes, as: UTF8.self) }

    /// A string's text, escapes decoded; nil for other kinds.
    public var string: String? {
        guard kind == .string else { return nil }
        return isEscaped ? JSONStringDecoding.decode(bytes) : String(decoding: bytes, as: UTF8.self)
    }

    /// A number as the nearest `Double`; nil for other kinds.
    public var double: Double? {
        kind == .number ? Double(String(decoding: bytes, as: UTF8.self)) : nil
    }

    /// A number written as an integer that fits in 64 bits; nil otherwise.
    public var int64: Int64? {
        guard kind == .number else { return nil }
        var value: Int64 = 0
        var negative = false
        for (position, byte) in bytes.enumerated() {
            if position == 0, byte == ASCII.minus {
                negative = true
                continue
            }
            guard ASCII.isDigit(byte) else { return nil }
            let (times, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = negative ? times.subtractingReportingOverflow(Int64(byte - ASCII.zero)) : times.addingReportingOverflow(Int64(byte - ASCII.zero))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// `true` or `false`; nil for other kinds.
    public var bool: Bool? {
        kind == .bool ? bytes.first == UInt8(ascii: "t") : nil
    }

    public var isNull: Bool { kind == .null }
}

/// JSON string escapes, decoded. The parser has checked them, so decoding
/// cannot fail.
enum JSONStringDecoding {
    static func decode(_ bytes: ArraySlice<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        var index = bytes.startIndex
        func flush() {
            if !utf8.isEmpty {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll(keepingCapacity: true)
            }
        }
        func unit(at offset: Int) -> UInt32 {
            var value: UInt32 = 0
            for position in (offset + 2)..<min(offset + 6, bytes.endIndex) {
                value = value << 4 | UInt32(ASCII.hexValue(bytes[position]) ?? 0)
            }
            return value
        }
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == ASCII.backslash, index + 1 < bytes.endIndex else {
                utf8.append(byte)
                index += 1
                continue
            }
            let escaped = bytes[index + 1]
            let simple: UInt8? = switch escaped {
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "n"): ASCII.lineFeed
            case UInt8(ascii: "r"): ASCII.carriageReturn
            case UInt8(ascii: "t"): ASCII.tab
            case UInt8(ascii: "u"): nil
            default: escaped
            }
            if let simple {
                utf8.append(simple)
                index += 2
                continue
            }
            var value = unit(at: index)
            index += 6
            if value >= 0xD800, value <= 0xDBFF, index + 5 < bytes.endIndex {
                let low = unit(at: index)
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                index += 6
            }
            flush()
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        flush()
        return String(scalars)
    }
}
