/// Turns JSONC into the strict JSON Foundation accepts: comments become
/// spaces (so offsets stay put) and trailing commas are dropped. Runs
/// outside every timing: it is the price of feeding Foundation, not part
/// of what it is compared on.
enum CommentStripper {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\"), slash = UInt8(ascii: "/")
        let star = UInt8(ascii: "*"), newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        var out = bytes
        var index = 0
        var inString = false
        // Pass 1: comments to spaces.
        while index < out.count {
            let byte = out[index]
            if inString {
                if byte == backslash { index += 2; continue }
                if byte == quote { inString = false }
                index += 1
                continue
            }
            if byte == quote {
                inString = true
            } else if byte == slash, index + 1 < out.count, out[index + 1] == slash {
                while index < out.count, out[index] != newline { out[index] = space; index += 1 }
                continue
            } else if byte == slash, index + 1 < out.count, out[index + 1] == star {
                out[index] = space; out[index + 1] = space
                index += 2
                while index < out.count, !(out[index] == star && index + 1 < out.count && out[index + 1] == slash) {
                    if out[index] != newline { out[index] = space }
                    index += 1
                }
                if index < out.count { out[index] = space; out[index + 1] = space; index += 2 }
                continue
            }
            index += 1
        }
        // Pass 2: a comma followed only by whitespace and a closing bracket goes.
        var result: [UInt8] = []
        result.reserveCapacity(out.count)
        inString = false
        index = 0
        while index < out.count {
            let byte = out[index]
            if inString {
                result.append(byte)
                if byte == backslash, index + 1 < out.count { result.append(out[index + 1]); index += 2; continue }
                if byte == quote { inString = false }
                index += 1
                continue
            }
            if byte == quote { inString = true }
            if byte == UInt8(ascii: ",") {
                var ahead = index + 1
                while ahead < out.count, isWhitespace(out[ahead]) { ahead += 1 }
                if ahead < out.count, out[ahead] == UInt8(ascii: "}") || out[ahead] == UInt8(ascii: "]") {
                    index += 1
                    continue
                }
            }
            result.append(byte)
            index += 1
        }
        return result
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
