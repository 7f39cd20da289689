/// UTF-8 validation (RFC 3629) with a fast path for ASCII, which is what
/// most of an export is: sixteen bytes are checked at a time until a byte
/// at or above 0x80 shows up, and the check goes on from that very byte.
enum UTF8Validation {
    /// The offset of the first byte that does not start a valid sequence,
    /// or nil when every byte of `bytes` is well-formed UTF-8.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var index = 0
        while index < count {
            // Skip ASCII, two words at a time while neither has a byte at
            // or above 0x80, then a word at a time to the first such byte.
            while index + 16 <= count {
                let raw = UnsafeRawPointer(base + index)
                let either = raw.loadUnaligned(as: UInt64.self) | raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
                guard either & 0x8080_8080_8080_8080 == 0 else { break }
                index += 16
            }
            while index + 8 <= count {
                let high = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) & 0x8080_8080_8080_8080
                if high != 0 {
                    index += high.trailingZeroBitCount >> 3
                    break
                }
                index += 8
            }
            while index < count, base[index] < 0x80 { index += 1 }
            guard index < count else { return nil }
            guard let length = sequenceLength(base, at: index, count: count) else { return index }
            index += length
        }
        return nil
    }

    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        firstInvalidOffset(in: bytes) == nil
    }

    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { isValid($0) }
    }

    /// The length of the well-formed multi-byte sequence at `index`, or nil.
    @inline(__always)
    private static func sequenceLength(_ base: UnsafePointer<UInt8>, at index: Int, count: Int) -> Int? {
        let lead = base[index]
        let length: Int
        var second: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; second = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; second = 0x80...0x9F  // no UTF-16 surrogates
        case 0xF0: length = 4; second = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; second = 0x80...0x8F  // nothing above U+10FFFF
        default: return nil
        }
        guard index + length <= count, second.contains(base[index + 1]) else { return nil }
        for offset in 2..<max(2, length) where base[index + offset] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
