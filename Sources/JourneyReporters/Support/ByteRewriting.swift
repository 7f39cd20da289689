/// The skeleton the byte-level escapings share: text with nothing to
/// change, nearly all of it, comes back as it is; the rest is rewritten
/// once into bytes, from the first byte that may change.
///
/// ```swift
/// ByteRewriting.rewrite("a%b", where: { $0 == UInt8(ascii: "%") }) { bytes, index, output in
///     if bytes[index] == UInt8(ascii: "%") { output += "%25".utf8 } else { output.append(bytes[index]) }
///     return 1
/// }   // "a%25b"
/// ```
enum ByteRewriting {
    /// Inlined, so that each escaping's closure is too: it runs for every
    /// byte of the text that needs escaping.
    ///
    /// - Parameters:
    ///   - mayChange: whether a byte may need rewriting; the first such byte
    ///     starts the slow path.
    ///   - rewrite: appends to `output` what stands for the bytes from
    ///     `index` on, and returns how many bytes that covers (one or more).
    @inline(__always)
    static func rewrite(
        _ text: String,
        where mayChange: (UInt8) -> Bool,
        _ rewrite: (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ output: inout [UInt8]) -> Int
    ) -> String {
        var source = text
        let rewritten: [UInt8]? = source.withUTF8 { bytes in
            guard var index = bytes.firstIndex(where: mayChange) else { return nil }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + 32)
            output.append(contentsOf: bytes[..<index])
            while index < bytes.count {
                index += max(1, rewrite(bytes, index, &output))
            }
            return output
        }
        return rewritten.map { String(decoding: $0, as: UTF8.self) } ?? text
    }
}
