import JourneyModel

/// A CSV file read into rows of located cells, as spreadsheets export them:
/// RFC 4180 quoting, CRLF or LF line ends, a UTF-8 byte order mark, and
/// either `,` or `;` between cells (spreadsheets in many European locales
/// write `;`); the header row decides which.
///
/// ```swift
/// let table = try CSVTable("journey;touchpoint\nfirst-purchase;welcome-mail\n")
/// table.rows[0][1].text   // "welcome-mail"
/// ```
public struct CSVTable: Sendable {
    public struct Cell: Sendable, Equatable {
        public var text: String
        public var position: SourcePosition
    }

    public struct Failure: Error, Sendable, Equatable {
        public var message: String
        public var position: SourcePosition
    }

    public private(set) var header: [Cell] = []
    /// The rows after the header, blank lines left out.
    public private(set) var rows: [[Cell]] = []
    public private(set) var delimiter: Character = ","

    public init(_ text: String) throws(Failure) {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" }
        delimiter = firstLine.filter { $0 == ";" }.count > firstLine.filter { $0 == "," }.count ? ";" : ","
        var records = try Self.records(scalars, delimiter: Unicode.Scalar(String(delimiter)) ?? ",")
        records.removeAll { $0.allSatisfy { $0.text.isEmpty } }
        guard !records.isEmpty else { return }
        header = records.removeFirst()
        rows = records
    }

    private static func records(_ scalars: [Unicode.Scalar], delimiter: Unicode.Scalar) throws(Failure) -> [[Cell]] {
        var records: [[Cell]] = []
        var record: [Cell] = []
        var index = 0, line = 1, column = 1
        while index < scalars.count || !record.isEmpty {
            let start = SourcePosition(line: line, column: column)
            var text = String.UnicodeScalarView()
            if index < scalars.count, scalars[index] == "\"" {
                index += 1; column += 1
                while true {
                    guard index < scalars.count else {
                        throw Failure(message: "the quoted cell that starts here is never closed with '\"'", position: start)
                    }
                    let scalar = scalars[index]
                    index += 1; column += 1
                    if scalar == "\"" {
                        if index < scalars.count, scalars[index] == "\"" {
                            text.append("\"")
                            index += 1; column += 1
                        } else {
                            break
                        }
                    } else {
                        if scalar == "\n" { line += 1; column = 1 }
                        text.append(scalar)
                    }
                }
                if index < scalars.count, scalars[index] != delimiter, scalars[index] != "\n", scalars[index] != "\r" {
                    throw Failure(
                        message: "expected '\(delimiter)' or the end of the line after a quoted cell",
                        position: SourcePosition(line: line, column: column)
                    )
                }
            } else {
                while index < scalars.count, scalars[index] != delimiter, scalars[index] != "\n" {
                    if scalars[index] != "\r" { text.append(scalars[index]) }
                    index += 1; column += 1
                }
            }
            record.append(Cell(text: String(text).trimmingSpaces, position: start))
            if index < scalars.count, scalars[index] == "\r" { index += 1; column += 1 }
            if index < scalars.count, scalars[index] == delimiter {
                index += 1; column += 1
                if index == scalars.count { record.append(Cell(text: "", position: SourcePosition(line: line, column: column))) }
                continue
            }
            if index < scalars.count, scalars[index] == "\n" {
                index += 1; line += 1; column = 1
            }
            records.append(record)
            record = []
        }
        return records
    }
}

private extension String {
    /// Without the white space spreadsheets leave around a cell.
    var trimmingSpaces: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
