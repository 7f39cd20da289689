/// The byte between fields: any one ASCII byte but a quote or a line break.
///
/// ```swift
/// CSVSeparator(";")          // .semicolon
/// CSVSeparator("\"")         // nil: a quote cannot separate fields
/// ```
public struct CSVSeparator: Sendable, Hashable, CustomStringConvertible {
    public let byte: UInt8

    public static let comma = CSVSeparator(unchecked: ASCII.comma)
    public static let semicolon = CSVSeparator(unchecked: ASCII.semicolon)
    public static let tab = CSVSeparator(unchecked: ASCII.tab)
    public static let pipe = CSVSeparator(unchecked: ASCII.pipe)

    /// The separators detection chooses from, in the order that breaks ties.
    public static let detectable: [CSVSeparator] = [.comma, .semicolon, .tab, .pipe]

    /// Nil for a quote, CR, LF, NUL or a byte outside ASCII.
    public init?(byte: UInt8) {
        guard byte != 0, byte < 0x80, byte != ASCII.quote, byte != ASCII.lineFeed, byte != ASCII.carriageReturn else {
            return nil
        }
        self.byte = byte
    }

    /// Nil unless `character` is a single ASCII byte allowed by ``init(byte:)``.
    public init?(_ character: Character) {
        guard let ascii = character.asciiValue else { return nil }
        self.init(byte: ascii)
    }

    private init(unchecked byte: UInt8) {
        self.byte = byte
    }

    public var description: String {
        byte == ASCII.tab ? "tab" : "'\(Character(Unicode.Scalar(byte)))'"
    }
}

/// How a CSV export is read, and the limits that keep a bad file from
/// taking unbounded memory.
public struct CSVOptions: Sendable, Equatable {
    /// The separator, or nil to detect it from the first line (see
    /// ``CSVReader``).
    public var separator: CSVSeparator?
    /// Whether the first record names the columns.
    public var hasHeader: Bool
    /// The longest field, in bytes as written (between its quotes, when quoted).
    public var maximumFieldLength: Int
    /// The longest record, in bytes as written, line break excluded.
    public var maximumRecordLength: Int
    /// The most fields in one record; the default is the number of columns
    /// a spreadsheet sheet can hold.
    public var maximumFieldCount: Int

    public static let defaultMaximumFieldLength = 1 << 20
    public static let defaultMaximumRecordLength = 4 << 20
    public static let defaultMaximumFieldCount = 16_384

    public init(
        separator: CSVSeparator? = nil,
        hasHeader: Bool = true,
        maximumFieldLength: Int = CSVOptions.defaultMaximumFieldLength,
        maximumRecordLength: Int = CSVOptions.defaultMaximumRecordLength,
        maximumFieldCount: Int = CSVOptions.defaultMaximumFieldCount
    ) {
        self.separator = separator
        self.hasHeader = hasHeader
        // Offsets inside a record are kept in 32 bits.
        let largest = Int(Int32.max)
        self.maximumFieldLength = min(max(1, maximumFieldLength), largest)
        self.maximumRecordLength = min(max(1, maximumRecordLength), largest)
        self.maximumFieldCount = min(max(1, maximumFieldCount), largest)
    }
}
