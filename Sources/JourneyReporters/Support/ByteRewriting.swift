import JSONWriter

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
        Self.rewrite(text, from: { $0.firstIndex(where: mayChange) }, rewrite)
    }

    /// The same, with the first byte that may change found by `firstChange`
    /// (nil when none may), for escapings that look at more than one byte.
    @inline(__always)
    static func rewrite(
        _ text: String,
        from firstChange: (_ bytes: UnsafeBufferPointer<UInt8>) -> Int?,
        _ rewrite: (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ output: inout [UInt8]) -> Int
    ) -> String {
        var source = text
        let rewritten: [UInt8]? = source.withUTF8 { bytes in
            guard var index = firstChange(bytes) else { return nil }
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

    /// The rewriting every escaping for a medium shares: the first colon of
    /// a leading `::` becomes `colon`, the `[` of `##[` becomes `bracket`,
    /// each of the ``UnsafeCharacters`` is written by `unsafe`, and the
    /// bytes `mayChange` picks by `other` (which returns how many bytes it
    /// covered); everything else is copied.
    ///
    /// ```swift
    /// ByteRewriting.escape("::a\u{1B}", colon: "\\:", bracket: "\\[",
    ///                      unsafe: { value, _, _, output in output += "?".utf8 })   // \::a?
    /// ```
    @inline(__always)
    static func escape(
        _ text: String,
        colon: String,
        bracket: String,
        unsafe: (_ value: UInt32, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ output: inout [UInt8]) -> Void,
        mayChange: (UInt8) -> Bool = { _ in false },
        other: (_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ output: inout [UInt8]) -> Int = { bytes, index, output in
            output.append(bytes[index])
            return 1
        }
    ) -> String {
        var commandColon: Int?
        return Self.rewrite(text, from: { bytes in
            commandColon = UnsafeCharacters.commandColon(in: bytes)
            // Exactly the first byte to change: text with `≥` or `·` but
            // nothing unsafe, common in messages, is not copied.
            let first = bytes.indices.first { index in
                let byte = bytes[index]
                if mayChange(byte) { return true }
                if byte == UInt8(ascii: "[") { return UnsafeCharacters.isCommandBracket(at: index, in: bytes) }
                return UnsafeCharacters.mayStart(byte) && UnsafeCharacters.unsafeScalar(at: index, in: bytes) != nil
            }
            guard let commandColon else { return first }
            return min(commandColon, first ?? commandColon)
        }) { bytes, index, output in
            if index == commandColon {
                output += colon.utf8
                return 1
            }
            if UnsafeCharacters.isCommandBracket(at: index, in: bytes) {
                output += bracket.utf8
                return 1
            }
            if let (value, length) = UnsafeCharacters.unsafeScalar(at: index, in: bytes) {
                unsafe(value, bytes, index, &output)
                return length
            }
            if mayChange(bytes[index]) { return other(bytes, index, &output) }
            output.append(bytes[index])
            return 1
        }
    }
}
