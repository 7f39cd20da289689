/// Turns the bytes of a validated string token into a `String`, decoding escapes.
enum JSONCStringDecoder {
    /// `node` must be a string the parser accepted: its escapes and UTF-8 are valid.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, node: JSONCNode) -> String {
        let contentStart = Int(node.start) + 1
        let contentEnd = Int(node.start) + Int(node.length) - 1
        let content = UnsafeBufferPointer(rebasing: bytes[contentStart..<contentEnd])
        guard node.flags.contains(.hasEscapes) else {
            return String(decoding: content, as: UTF8.self)
        }
        return decodeEscapes(content)
    }

    static func decode(_ bytes: [UInt8], node: JSONCNode) -> String {
        bytes.withUnsafeBufferPointer { decode($0, node: node) }
    }

    private static func decodeEscapes(_ content: UnsafeBufferPointer<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(content.count)
        var index = 0
        while index < content.count {
            let byte = content[index]
            guard byte == ASCII.backslash else {
                output.append(byte)
                index += 1
                continue
            }
            let escaped = content[index + 1]
            index += 2
            switch escaped {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(ASCII.lineFeed)
            case UInt8(ascii: "r"): output.append(ASCII.carriageReturn)
            case UInt8(ascii: "t"): output.append(ASCII.tab)
            case UInt8(ascii: "u"):
                var scalarValue = UInt32(hex4(content, at: index))
                index += 4
                if (0xD800...0xDBFF).contains(scalarValue) {
                    let low = UInt32(hex4(content, at: index + 2))
                    index += 6
                    scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
                }
                let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
                UTF8.encode(scalar) { output.append($0) }
            default:
                output.append(escaped)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func hex4(_ content: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt16 {
        var value: UInt16 = 0
        for offset in index..<(index + 4) {
            value = value << 4 | UInt16(ASCII.hexValue(content[offset]) ?? 0)
        }
        return value
    }
}
