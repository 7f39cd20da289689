/// Names the byte at an offset the way a person reading the file sees it:
/// `'}'`, `the end of the file`, `a tab`, `'é' (U+00E9)`, `byte 0xFF`.
enum ByteDescription {
    static func describe(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the file" }
        let byte = bytes[offset]
        switch byte {
        case 0x00: return "a NUL byte (U+0000)"
        case ASCII.tab: return "a tab"
        case ASCII.lineFeed: return "a line break"
        case ASCII.carriageReturn: return "a carriage return"
        case ASCII.apostrophe: return "\"'\""
        case 0x01..<0x20, 0x7F: return "the control character U+00\(JSONCParser.hex2(byte))"
        case 0x20..<0x7F: return "'\(Character(Unicode.Scalar(byte)))'"
        default: break
        }
        if offset + 2 < bytes.count, byte == 0xEF, bytes[offset + 1] == 0xBB, bytes[offset + 2] == 0xBF {
            return "a byte order mark (U+FEFF), which is allowed only at the very start of the file"
        }
        if let scalar = decodeScalar(bytes, at: offset) {
            let code = String(scalar.value, radix: 16, uppercase: true)
            let padded = String(repeating: "0", count: max(0, 4 - code.count)) + code
            return "'\(Character(scalar))' (U+\(padded))"
        }
        return "byte 0x\(JSONCParser.hex2(byte)), which is not valid UTF-8 here"
    }

    /// The scalar encoded at `offset`, or nil when the bytes there are not valid UTF-8.
    private static func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Unicode.Scalar? {
        var iterator = bytes[offset..<min(bytes.count, offset + 4)].makeIterator()
        var decoder = UTF8()
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar): return scalar
        case .emptyInput, .error: return nil
        }
    }
}
