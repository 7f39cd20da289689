/// A value inside a ``JSONCDocument``: a light view (document and index), so
/// walking a document allocates nothing until a string is asked for.
///
/// ```swift
/// let document = try JSONCDocument.parse(#"{ "stages": ["lead", "closing"] }"#)
/// let stages = document.root["stages"]?.elements.compactMap(\.string)   // ["lead", "closing"]
/// ```
public struct JSONCValue: Sendable {
    public let document: JSONCDocument
    let index: Int

    init(document: JSONCDocument, index: Int) {
        self.document = document
        self.index = index
    }

    var node: JSONCNode { document.nodes[index] }

    public var kind: JSONCKind { node.kind }

    /// Byte offset of the value's first byte: the quote of a string, the
    /// brace of an object.
    public var offset: Int { Int(node.start) }

    /// Byte offset just past the value's last byte.
    public var endOffset: Int {
        // Containers don't record their closing byte: it is the first `]` or
        // `}` after the end of their last direct child, past white space,
        // comments and a trailing comma. Walk down the chain of last children
        // (iteratively: nesting can be as deep as the parser allowed), then
        // back up, finding each closing byte after the one inside it.
        let nodes = document.nodes
        var closers: [UInt8] = []
        var current = index
        var end: Int
        while true {
            let node = nodes[current]
            guard node.kind == .array || node.kind == .object else {
                end = Int(node.start) + Int(node.length)
                break
            }
            guard !node.flags.contains(.isStreamed) else {
                end = streamedArrayEnd(startingAt: Int(node.start))
                break
            }
            closers.append(node.kind == .object ? ASCII.closeBrace : ASCII.closeBracket)
            var lastChild: Int?
            var cursor = current + 1
            while cursor < Int(node.next) {
                lastChild = cursor
                cursor = Int(nodes[cursor].next)
            }
            guard let lastChild else {
                end = Int(node.start) + 1
                break
            }
            current = lastChild
        }
        for closer in closers.reversed() {
            end = closingOffset(searchingFrom: end, closer: closer)
        }
        return end
    }

    private func closingOffset(searchingFrom start: Int, closer: UInt8) -> Int {
        let bytes = document.bytes
        var offset = start
        var inLineComment = false, inBlockComment = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if inLineComment {
                if byte == ASCII.lineFeed { inLineComment = false }
            } else if inBlockComment {
                if byte == ASCII.asterisk, offset + 1 < bytes.count, bytes[offset + 1] == ASCII.slash {
                    inBlockComment = false
                    offset += 1
                }
            } else if byte == closer {
                return offset + 1
            } else if byte == ASCII.slash, offset + 1 < bytes.count {
                inLineComment = bytes[offset + 1] == ASCII.slash
                inBlockComment = bytes[offset + 1] == ASCII.asterisk
                offset += 1
            }
            offset += 1
        }
        return bytes.count
    }

    /// Just past the `]` of the streamed array opening at `start`: its
    /// elements are no longer on the tape, so the bytes are matched
    /// bracket by bracket, past strings and comments (the parser has
    /// already found them well-formed).
    private func streamedArrayEnd(startingAt start: Int) -> Int {
        let bytes = document.bytes
        var depth = 0
        var offset = start
        while offset < bytes.count {
            switch bytes[offset] {
            case ASCII.openBracket, ASCII.openBrace:
                depth += 1
            case ASCII.closeBracket, ASCII.closeBrace:
                depth -= 1
                if depth == 0 { return offset + 1 }
            case ASCII.quote:
                offset += 1
                while offset < bytes.count, bytes[offset] != ASCII.quote {
                    offset += bytes[offset] == ASCII.backslash ? 2 : 1
                }
            case ASCII.slash where offset + 1 < bytes.count && bytes[offset + 1] == ASCII.slash:
                while offset < bytes.count, bytes[offset] != ASCII.lineFeed { offset += 1 }
            case ASCII.slash where offset + 1 < bytes.count && bytes[offset + 1] == ASCII.asterisk:
                offset += 2
                while offset + 1 < bytes.count, !(bytes[offset] == ASCII.asterisk && bytes[offset + 1] == ASCII.slash) { offset += 1 }
                offset += 1
            default:
                break
            }
            offset += 1
        }
        return bytes.count
    }

    /// The source text of the value, exactly as written.
    public var sourceText: String {
        String(decoding: document.bytes[offset..<endOffset], as: UTF8.self)
    }

    // MARK: Scalars

    /// The string's content with escapes decoded, or nil for any other kind.
    public var string: String? {
        let node = self.node
        guard node.kind == .string else { return nil }
        return JSONCStringDecoder.decode(document.bytes, node: node)
    }

    /// The number, or nil for any other kind.
    public var number: JSONCNumber? {
        let node = self.node
        guard node.kind == .number else { return nil }
        let start = Int(node.start)
        return JSONCNumber(
            text: document.bytes[start..<(start + Int(node.length))],
            isInteger: node.flags.contains(.isInteger)
        )
    }

    /// The boolean, or nil for any other kind.
    public var bool: Bool? {
        switch kind {
        case .true: true
        case .false: false
        case .null, .number, .string, .array, .object: nil
        }
    }

    public var isNull: Bool { kind == .null }

    // MARK: Containers

    /// The members of an object in document order, each key once (a repeated
    /// key is listed in ``JSONCDocument/duplicateKeys`` instead); empty for
    /// any other kind.
    public var members: Members { Members(value: self) }

    /// The elements of an array in document order; empty for any other
    /// kind, and for an array whose elements were handed out while the
    /// document was read (see ``streamedCount``).
    public var elements: Elements { Elements(value: self) }

    /// For the array whose elements were handed out one by one while the
    /// document was read, how many it held; nil for every other value.
    public var streamedCount: Int? {
        let node = self.node
        return node.flags.contains(.isStreamed) ? Int(node.length) : nil
    }

    /// The value of the first member named `key`, or nil. Keys are compared
    /// by code points, as JSON does: `"é"` does not find `"e\u0301"`.
    public subscript(key: String) -> JSONCValue? {
        members.first { $0.key.utf8.elementsEqual(key.utf8) }?.value
    }

    /// An object's members.
    public struct Members: Sequence, Sendable {
        let value: JSONCValue

        /// The number of distinct keys.
        public var count: Int {
            var count = 0
            for _ in self { count += 1 }
            return count
        }

        public var isEmpty: Bool {
            var iterator = makeIterator()
            return iterator.next() == nil
        }

        public func makeIterator() -> Iterator {
            let node = value.node
            let isObject = node.kind == .object
            return Iterator(
                document: value.document,
                cursor: isObject ? value.index + 1 : 0,
                end: isObject ? Int(node.next) : 0
            )
        }

        public struct Iterator: IteratorProtocol {
            let document: JSONCDocument
            var cursor: Int
            let end: Int

            public mutating func next() -> JSONCMember? {
                let nodes = document.nodes
                while cursor < end {
                    let keyIndex = cursor
                    let valueIndex = keyIndex + 1
                    cursor = Int(nodes[valueIndex].next)
                    if !nodes[keyIndex].flags.contains(.isDuplicateKey) {
                        return JSONCMember(document: document, keyIndex: keyIndex, valueIndex: valueIndex)
                    }
                }
                return nil
            }
        }
    }

    /// An array's elements.
    public struct Elements: Sequence, Sendable {
        let value: JSONCValue

        public var count: Int {
            let node = value.node
            return node.kind == .array && !node.flags.contains(.isStreamed) ? Int(node.length) : 0
        }

        public var isEmpty: Bool { count == 0 }

        public func makeIterator() -> Iterator {
            let node = value.node
            let isArray = node.kind == .array
            return Iterator(
                document: value.document,
                cursor: isArray ? value.index + 1 : 0,
                end: isArray ? Int(node.next) : 0
            )
        }

        public struct Iterator: IteratorProtocol {
            let document: JSONCDocument
            var cursor: Int
            let end: Int

            public mutating func next() -> JSONCValue? {
                guard cursor < end else { return nil }
                let element = JSONCValue(document: document, index: cursor)
                cursor = Int(document.nodes[cursor].next)
                return element
            }
        }
    }
}

/// One `"key": value` pair of an object.
public struct JSONCMember: Sendable {
    let document: JSONCDocument
    let keyIndex: Int
    let valueIndex: Int

    /// The key with escapes decoded.
    public var key: String { JSONCStringDecoder.decode(document.bytes, node: document.nodes[keyIndex]) }

    /// Byte offset of the key's opening quote.
    public var keyOffset: Int { Int(document.nodes[keyIndex].start) }

    public var value: JSONCValue { JSONCValue(document: document, index: valueIndex) }
}
