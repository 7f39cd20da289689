/// Where a problem is in an export, as precisely as its format allows.
///
/// CSV problems name a row (the record's 1-based number, the header being
/// row 1, so it matches the spreadsheet's row number while no field holds a
/// line break), the line the row starts on, and when one field is at fault
/// its 0-based index and the header's name for it. Text formats (JSON
/// Lines, XES) name a line and a column counted in Unicode scalars.
///
/// ```swift
/// ExportLocation(row: 12, line: 14, field: 2, fieldName: "channel").description
/// // "row 12 (line 14), field 3 'channel'"
/// ```
public struct ExportLocation: Sendable, Hashable, CustomStringConvertible {
    /// 1-based record number (CSV only).
    public var row: Int?
    /// 1-based line; for a CSV row, the line it starts on.
    public var line: Int
    /// 1-based column in Unicode scalars (JSON Lines and XES).
    public var column: Int?
    /// 0-based index of the CSV field at fault, as in `record[field]`.
    public var field: Int?
    /// The header's name for that field, when the header names it.
    public var fieldName: String?

    public init(row: Int? = nil, line: Int, column: Int? = nil, field: Int? = nil, fieldName: String? = nil) {
        self.row = row
        self.line = line
        self.column = column
        self.field = field
        self.fieldName = fieldName
    }

    /// Counts fields from 1, as a person reading the file does.
    public var description: String {
        var text: String
        if let row {
            text = row == line ? "row \(row)" : "row \(row) (line \(line))"
        } else {
            text = "line \(line)"
        }
        if let column { text += ", column \(column)" }
        if let field {
            text += ", field \(field + 1)"
            if let fieldName, !fieldName.isEmpty { text += " '\(fieldName)'" }
        } else if let fieldName, !fieldName.isEmpty {
            // A JSON key or an XES attribute: named, not numbered.
            text += ", '\(fieldName)'"
        }
        return text
    }
}

/// Counts lines and scalar columns over bytes as a reader consumes them,
/// so that a text format's position is known without keeping what came
/// before.
struct TextPosition: Sendable {
    /// 1-based line of the next byte.
    private(set) var line = 1
    /// 1-based column of the next byte, in Unicode scalars.
    private(set) var column = 1

    /// Moves past `bytes`.
    mutating func advance(over bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if byte == ASCII.lineFeed {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
    }

    /// The position `bytes` further on, without moving.
    func after(_ bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        var position = self
        position.advance(over: bytes)
        return position
    }
}
