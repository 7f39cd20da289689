/// What is wrong with one CSV record (or the header, or the file).
public enum CSVProblem: Sendable, Hashable {
    /// The row has another number of fields than the header (or, without a
    /// header, than the first row).
    case wrongFieldCount(expected: Int, found: Int)
    case fieldTooLong(limit: Int)
    case recordTooLong(limit: Int)
    case tooManyFields(limit: Int)
    /// A quoted field is still open when the input ends: reading stops,
    /// located at the opening quote (its line and column).
    case unterminatedQuote
    /// A quoted field still open past the field's limit, or where the row
    /// passes the row's (`ofRow`): taken for a quote never closed, since
    /// the rest of the input would be read as its text. Reading stops,
    /// located at the opening quote, whether or not a quote closes it later.
    case quoteOpenPastLimit(limit: Int, ofRow: Bool)
    /// Something other than a separator or a line break follows a closing
    /// quote, as in `"abc"d`.
    case textAfterClosingQuote(UInt8)
    /// A NUL byte: CSV is text; the file may be UTF-16 or binary.
    case nulByte
    case invalidUTF8
    /// The file starts with a UTF-16 byte order mark; nothing is read.
    case utf16
    /// A header name that is empty once trimmed of spaces.
    case emptyColumnName
    /// A header name already used by an earlier column (0-based index).
    case duplicateColumnName(String, firstField: Int)

    /// Whether the record is left out. Header name problems are not: the
    /// header is still used.
    public var skipsRecord: Bool {
        switch self {
        case .emptyColumnName, .duplicateColumnName: false
        case .wrongFieldCount, .fieldTooLong, .recordTooLong, .tooManyFields, .unterminatedQuote, .quoteOpenPastLimit,
            .textAfterClosingQuote, .nulByte, .invalidUTF8, .utf16:
            true
        }
    }

    /// Whether the reader reads nothing after it: a quote never closed
    /// leaves no row after it that can be told apart, and a UTF-16 file
    /// no byte that reads as CSV.
    public var stopsReading: Bool {
        switch self {
        case .unterminatedQuote, .quoteOpenPastLimit, .utf16: true
        case .wrongFieldCount, .fieldTooLong, .recordTooLong, .tooManyFields, .textAfterClosingQuote, .nulByte, .invalidUTF8,
            .emptyColumnName, .duplicateColumnName:
            false
        }
    }

    /// What is wrong, and what happens to the row.
    public var message: String {
        switch self {
        case .recordTooLong, .tooManyFields: "\(reason); it is skipped"
        case .utf16, .emptyColumnName, .duplicateColumnName: reason
        case .unterminatedQuote, .quoteOpenPastLimit: "\(reason); the rest of the input is not read"
        case .wrongFieldCount, .fieldTooLong, .textAfterClosingQuote, .nulByte, .invalidUTF8:
            "\(reason); the row is skipped"
        }
    }

    /// What is wrong, without what happens to the row: the words for a
    /// header row, which no row can be read without.
    public var reason: String {
        switch self {
        case .wrongFieldCount(let expected, let found):
            "expected \(expected) field\(expected == 1 ? "" : "s"), found \(found)"
        case .fieldTooLong(let limit):
            "a field is longer than \(limit) bytes, the most allowed"
        case .recordTooLong(let limit):
            "the row is longer than \(limit) bytes, the most allowed"
        case .tooManyFields(let limit):
            "the row has more than \(limit) fields, the most allowed"
        case .unterminatedQuote:
            "a quoted field is never closed with '\"' before the end of the input"
        case .quoteOpenPastLimit(let limit, ofRow: false):
            "a quoted field is still open after \(limit) bytes, the most a field holds: its quote is taken for one never closed"
        case .quoteOpenPastLimit(let limit, ofRow: true):
            "a quoted field is still open where the row passes \(limit) bytes, the most a row holds: its quote is taken for one never closed"
        case .textAfterClosingQuote(let byte):
            "expected a separator or the end of the line after a closing quote, found \(ASCII.describe(byte)) (write a quote inside a quoted field as \"\")"
        case .nulByte:
            "a NUL byte, which CSV text never holds (a UTF-16 or binary file?)"
        case .invalidUTF8:
            "invalid UTF-8 (export the file as UTF-8)"
        case .utf16:
            "the file is UTF-16 (it starts with a UTF-16 byte order mark); export it as UTF-8"
        case .emptyColumnName:
            "a column has no name"
        case .duplicateColumnName(let name, let first):
            "the column name '\(name)' is already used by field \(first + 1); that first column is the one found by name"
        }
    }
}

/// A problem in a CSV export, where it is. The reader goes on after it,
/// but for one that ``CSVProblem/stopsReading``.
public struct CSVIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public let problem: CSVProblem
    public let location: ExportLocation

    public init(_ problem: CSVProblem, at location: ExportLocation) {
        self.problem = problem
        self.location = location
    }

    public var description: String { "\(location): \(problem.message)" }
}
