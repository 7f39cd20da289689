/// A JSONC file read into memory: its bytes, a flat tape of values, and the
/// line starts needed to turn byte offsets into lines and columns.
///
/// JSONC is RFC 8259 JSON plus `//` and `/* */` comments and trailing commas.
/// The reader works on bytes and keeps the byte offset of every value and
/// key, so a loader can point at the exact place of a problem without the
/// reader paying for line and column arithmetic on every value.
///
/// ```swift
/// let document = try JSONCDocument.parse(Array(#"{ "a": [1, 2,], } // done"#.utf8))
/// for member in document.root.members {
///     print(member.key, member.value.elements.count)   // a 2
/// }
/// ```
///
/// A document is immutable and can be shared between tasks.
public final class JSONCDocument: Sendable {
    /// The bytes the document was read from.
    public let bytes: [UInt8]
    /// Turns byte offsets into 1-based lines and columns.
    public let lineMap: LineMap
    /// Keys that appear twice in one object, in document order. The first
    /// occurrence is the one member iteration yields; every later one is
    /// listed here. Keys are compared as ``JSONCKeyEquality`` says: by
    /// default by code points (RFC 8259 section 8.3), so `"é"` and
    /// `"e\u0301"` are different keys.
    public let duplicateKeys: [JSONCDuplicateKey]
    /// Every value of the document in document order; containers know where
    /// their subtree ends so that a reader can skip it.
    let nodes: [JSONCNode]

    convenience init(bytes: [UInt8], nodes: [JSONCNode], lineStarts: [UInt32], duplicateKeys: [JSONCDuplicateKey]) {
        self.init(bytes: bytes, nodes: nodes, lineMap: LineMap(bytes: bytes, lineStarts: lineStarts), duplicateKeys: duplicateKeys)
    }

    init(bytes: [UInt8], nodes: [JSONCNode], lineMap: LineMap, duplicateKeys: [JSONCDuplicateKey]) {
        self.bytes = bytes
        self.nodes = nodes
        self.lineMap = lineMap
        self.duplicateKeys = duplicateKeys
    }

    /// The single top-level value.
    public var root: JSONCValue { JSONCValue(document: self, index: 0) }

    /// The number of values in the document, keys excluded (and the
    /// elements of a streamed array with them).
    public var valueCount: Int { nodes.count - nodes.lazy.filter(\.isKey).count }

    /// The deepest nesting the reader accepts unless told otherwise. Deeper
    /// input is reported, never allowed to exhaust the stack.
    public static let defaultMaximumDepth = 512

    /// Reads `bytes` as JSONC; `keys` says when two keys of one object are
    /// the same key.
    ///
    /// - Throws: the first syntax error, located at its exact byte.
    public static func parse(
        _ bytes: [UInt8],
        maximumDepth: Int = defaultMaximumDepth,
        keys: JSONCKeyEquality = .codePoints
    ) throws(JSONCSyntaxError) -> JSONCDocument {
        try JSONCParser.parse(bytes, maximumDepth: maximumDepth, keys: keys, stream: nil)
    }

    /// Reads `bytes` as JSONC, handing each element of one large array to
    /// `element` as soon as it is complete, so that the reader never holds
    /// more than one of them: the array is the value of the root object's
    /// first member named `key` (as `keys` compares keys).
    ///
    /// When that member is met, `shouldStream` is asked with the root
    /// object as far as it is read (the members before `key`, duplicate
    /// keys among them already set aside); it answers whether to hand the
    /// elements out (true), or to keep them in the document as
    /// ``parse(_:maximumDepth:keys:)`` does (false), for instance because
    /// what is needed to read them is written after them.
    ///
    /// Each element comes in a document of its own, which shares the file's
    /// bytes, lists the duplicate keys inside the element, and finds
    /// positions at the cost of the element rather than of the file. In the
    /// returned document the array is left without its elements: see
    /// ``JSONCValue/streamedCount``. Duplicate keys are listed as if
    /// nothing had been handed out.
    ///
    /// A syntax error is thrown wherever it is, after elements were handed
    /// out or not: a caller that kept something from them lets it go.
    ///
    /// ```swift
    /// var total = 0
    /// let document = try JSONCDocument.parse(
    ///     Array(#"{ "unit": "g", "weights": [1, 2, 3] }"#.utf8), streaming: "weights",
    ///     shouldStream: { root in root["unit"] != nil },
    ///     element: { total += $0.number?.int ?? 0 }
    /// )
    /// // total == 6; document.root["weights"]?.streamedCount == 3
    /// ```
    public static func parse(
        _ bytes: [UInt8],
        maximumDepth: Int = defaultMaximumDepth,
        keys: JSONCKeyEquality = .codePoints,
        streaming key: String,
        shouldStream: (JSONCValue) -> Bool,
        element: (JSONCValue) -> Void
    ) throws(JSONCSyntaxError) -> JSONCDocument {
        let result = withoutActuallyEscaping(shouldStream) { shouldStream in
            withoutActuallyEscaping(element) { element in
                Result { () throws(JSONCSyntaxError) -> JSONCDocument in
                    try JSONCParser.parse(
                        bytes, maximumDepth: maximumDepth, keys: keys,
                        stream: JSONCParser.ElementStream(key: key, shouldStream: shouldStream, element: element)
                    )
                }
            }
        }
        return try result.get()
    }

    /// Reads UTF-8 text as JSONC.
    public static func parse(
        _ text: String,
        maximumDepth: Int = defaultMaximumDepth,
        keys: JSONCKeyEquality = .codePoints
    ) throws(JSONCSyntaxError) -> JSONCDocument {
        try parse(Array(text.utf8), maximumDepth: maximumDepth, keys: keys)
    }
}

/// When two keys of one object count as the same key, so that the later
/// one is listed in ``JSONCDocument/duplicateKeys`` and skipped by member
/// iteration.
public enum JSONCKeyEquality: Sendable {
    /// The same code points, as RFC 8259 section 8.3 has it: `"é"` (U+00E9)
    /// and `"e\u0301"` are two keys.
    case codePoints
    /// Canonically equivalent (Unicode's NFC forms are equal): `"é"` and
    /// `"e\u0301"` are one key written twice. For formats whose keys are
    /// names people read, where two keys that look the same must not both
    /// be taken.
    case canonicalEquivalence
}

/// A key that an object holds more than once.
public struct JSONCDuplicateKey: Sendable, Equatable {
    /// The key, with escapes decoded.
    public let key: String
    /// Byte offset of the repeated key's opening quote.
    public let offset: Int
    /// Byte offset of the first occurrence's opening quote.
    public let firstOffset: Int
    /// True when the two keys are canonically equivalent but written with
    /// different code points (only under ``JSONCKeyEquality/canonicalEquivalence``).
    public var differsInCodePoints = false
}
