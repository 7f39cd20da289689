/// Eight bytes at a time: which bytes of a little-endian word are equal to
/// a byte, or below one, as the high bit of each byte. Exact (no carry
/// crosses from one byte to the next), so the first match is at
/// `mask.trailingZeroBitCount / 8`.
enum ByteMask {
    static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    static let high: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    static func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// High bit set in each byte of `word` that is zero.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & low7) &+ low7) | word | low7)
    }

    /// High bit set in each byte of `word` equal to the byte spread in `pattern`.
    @inline(__always)
    static func bytes(of word: UInt64, equalTo pattern: UInt64) -> UInt64 {
        zeroBytes(word ^ pattern)
    }

    /// High bit set in each byte of `word` below `limit` (at most 0x80).
    @inline(__always)
    static func bytes(of word: UInt64, below limit: UInt8) -> UInt64 {
        ~(((word & low7) &+ spread(0x80 &- limit)) | word) & high
    }

    @inline(__always)
    static func load(_ base: UnsafePointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// The bytes from `index` to `end` (fewer than eight) as a word, the
    /// rest filled with a letter, which no scan stops at.
    @inline(__always)
    static func loadPadded(_ base: UnsafePointer<UInt8>, at index: Int, end: Int) -> UInt64 {
        var word = spread(UInt8(ascii: "A"))
        var position = end
        while position > index {
            position -= 1
            word = word << 8 | UInt64(base[position])
        }
        return word
    }

    /// The bytes of a word before byte `count` (below eight).
    @inline(__always)
    static func below(_ count: Int) -> UInt64 {
        (1 &<< UInt64(truncatingIfNeeded: count &* 8)) &- 1
    }
}
