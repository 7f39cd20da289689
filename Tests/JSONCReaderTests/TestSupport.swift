import Testing
@testable import JSONCReader

// MARK: - Expected values

/// A JSON value as a test expects it: numbers by their text, objects as
/// ordered pairs, so a whole document can be compared in one `#expect`.
indirect enum JSON: Equatable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSON])
    case object([Member])

    struct Member: Equatable, Sendable {
        let key: String
        let value: JSON
    }

    /// `.obj(("a", 1), ("b", "x"))`: an object whose member order matters.
    static func obj(_ members: (String, JSON)...) -> JSON {
        .object(members.map { Member(key: $0.0, value: $0.1) })
    }

    static func num(_ text: String) -> JSON { .number(text) }

    /// A string of the given scalar values, for those Swift literals refuse
    /// (noncharacters such as U+FFFE).
    static func scalars(_ values: UInt32...) -> JSON {
        .string(String(String.UnicodeScalarView(values.map { Unicode.Scalar($0)! })))
    }

    /// The tree a parsed value reads as: members as iteration yields them
    /// (the first of duplicate keys only), numbers by their text.
    init(_ value: JSONCValue) {
        switch value.kind {
        case .null: self = .null
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        case .number: self = .number(value.number!.text)
        case .string: self = .string(value.string!)
        case .array: self = .array(value.elements.map(JSON.init))
        case .object: self = .object(value.members.map { Member(key: $0.key, value: JSON($0.value)) })
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .number(let text): text
        case .string(let text): "\"\(text.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : "\\u{\(String($0.value, radix: 16))}" }.joined())\""
        case .array(let elements): "[" + elements.map(\.description).joined(separator: ", ") + "]"
        case .object(let members): "{" + members.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

extension JSON: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByIntegerLiteral
{
    init(nilLiteral: ()) { self = .null }
    init(booleanLiteral value: Bool) { self = .bool(value) }
    init(stringLiteral value: String) { self = .string(value) }
    init(arrayLiteral elements: JSON...) { self = .array(elements) }
    /// An integer literal stands for the number written the same way.
    init(integerLiteral value: Int) { self = .number(String(value)) }
}

// MARK: - Table rows

/// A document that must parse, and the tree it must read as.
struct AcceptCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let expected: JSON

    init(_ name: String, _ text: String, _ expected: JSON) {
        self.name = name
        self.bytes = Array(text.utf8)
        self.expected = expected
    }

    init(_ name: String, bytes: [UInt8], _ expected: JSON) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }

    var testDescription: String { name }
}

/// A document that must be refused at an exact line and column.
struct RejectCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let line: Int
    let column: Int
    /// A fragment the message must contain, where the wording matters.
    let message: String?

    init(_ name: String, _ text: String, _ line: Int, _ column: Int, _ message: String? = nil) {
        self.init(name, bytes: Array(text.utf8), line, column, message)
    }

    init(_ name: String, bytes: [UInt8], _ line: Int, _ column: Int, _ message: String? = nil) {
        self.name = name
        self.bytes = bytes
        self.line = line
        self.column = column
        self.message = message
    }

    var testDescription: String { name }
}

// MARK: - Helpers

/// The bytes of `text` with `raw` spliced in where `text` holds `\u{FFFD}`:
/// a way to write invalid UTF-8 next to readable JSON.
func bytes(_ text: String, raw: [UInt8]) -> [UInt8] {
    var result: [UInt8] = []
    for scalar in text.unicodeScalars {
        if scalar == "\u{FFFD}" {
            result += raw
        } else {
            result += Array(String(scalar).utf8)
        }
    }
    return result
}

/// The error parsing `bytes` throws, or nil when it parses.
func syntaxError(_ bytes: [UInt8], maximumDepth: Int = JSONCDocument.defaultMaximumDepth) -> JSONCSyntaxError? {
    do {
        _ = try JSONCDocument.parse(bytes, maximumDepth: maximumDepth)
        return nil
    } catch {
        return error
    }
}

func syntaxError(_ text: String, maximumDepth: Int = JSONCDocument.defaultMaximumDepth) -> JSONCSyntaxError? {
    syntaxError(Array(text.utf8), maximumDepth: maximumDepth)
}

/// Expects `bytes` to be refused at `line`:`column`, with `message` in the
/// message when given; also checks that the error's offset and its line and
/// column agree with a line map built independently of the parser.
func expectRejected(
    _ bytes: [UInt8],
    line: Int,
    column: Int,
    message: String? = nil,
    maximumDepth: Int = JSONCDocument.defaultMaximumDepth,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error = syntaxError(bytes, maximumDepth: maximumDepth) else {
        Issue.record("expected a syntax error at \(line):\(column), but the input parsed", sourceLocation: sourceLocation)
        return
    }
    #expect(
        "\(error.line):\(error.column)" == "\(line):\(column)",
        "message: \(error.message)",
        sourceLocation: sourceLocation
    )
    if let message {
        #expect(error.message.contains(message), "message: \(error.message)", sourceLocation: sourceLocation)
    }
    let independent = LineMap(scanning: bytes).position(of: error.offset)
    #expect(independent.line == error.line && independent.column == error.column, sourceLocation: sourceLocation)
    #expect(error.description == "\(error.line):\(error.column): \(error.message)", sourceLocation: sourceLocation)
}

func expectRejected(
    _ text: String,
    line: Int,
    column: Int,
    message: String? = nil,
    maximumDepth: Int = JSONCDocument.defaultMaximumDepth,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    expectRejected(Array(text.utf8), line: line, column: column, message: message, maximumDepth: maximumDepth, sourceLocation: sourceLocation)
}

func expectRejected(_ row: RejectCase, sourceLocation: SourceLocation = #_sourceLocation) {
    expectRejected(row.bytes, line: row.line, column: row.column, message: row.message, sourceLocation: sourceLocation)
}

/// Parses `bytes` and expects the tree `expected`.
func expectAccepted(_ row: AcceptCase, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let document = try JSONCDocument.parse(row.bytes)
    #expect(JSON(document.root) == row.expected, sourceLocation: sourceLocation)
    #expect(document.bytes == row.bytes, sourceLocation: sourceLocation)
}

/// A string value as the reader decodes it, for single-string documents.
func decodedString(_ bytes: [UInt8]) throws -> String? {
    try JSONCDocument.parse(bytes).root.string
}

/// The byte offset of the first occurrence of `needle` in `bytes`.
func offsetOfFirst(_ needle: String, in bytes: [UInt8]) -> Int? {
    let pattern = Array(needle.utf8)
    guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
    for start in 0...(bytes.count - pattern.count) where bytes[start..<(start + pattern.count)].elementsEqual(pattern) {
        return start
    }
    return nil
}
