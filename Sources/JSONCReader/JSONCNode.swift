/// The kind of a JSON value.
public enum JSONCKind: UInt8, Sendable, CaseIterable, CustomStringConvertible {
    case null
    case `true`
    case `false`
    case number
    case string
    case array
    case object

    /// How messages name a value of this kind: "expected a string, found an array".
    public var description: String {
        switch self {
        case .null: "null"
        case .true, .false: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// One entry of the document's tape: 16 bytes, no references, so a whole
/// document is one allocation however many values it holds.
struct JSONCNode {
    var kind: JSONCKind
    var flags: Flags
    /// Byte offset of the value's first byte (the quote of a string).
    var start: UInt32
    /// Scalars: the token's length in bytes. Containers: their number of
    /// elements (handed out or not), or of members for an object.
    var length: UInt32
    /// Index of the node after this value's subtree (after the last member
    /// of an object, or simply the next node for a scalar).
    var next: UInt32

    struct Flags: OptionSet {
        let rawValue: UInt8
        /// A string that holds at least one backslash escape.
        static let hasEscapes = Flags(rawValue: 1 << 0)
        /// A string that is an object key.
        static let isKey = Flags(rawValue: 1 << 1)
        /// A key seen earlier in the same object; iteration skips its member.
        static let isDuplicateKey = Flags(rawValue: 1 << 2)
        /// A number written without fraction or exponent.
        static let isInteger = Flags(rawValue: 1 << 3)
        /// A string that holds a byte above 0x7F, written as such (not escaped).
        static let hasNonASCII = Flags(rawValue: 1 << 4)
        /// An array whose elements were handed out one by one while the
        /// document was read: it is kept without them, and `length` says
        /// how many there were.
        static let isStreamed = Flags(rawValue: 1 << 5)
    }

    var isKey: Bool { flags.contains(.isKey) }
}
