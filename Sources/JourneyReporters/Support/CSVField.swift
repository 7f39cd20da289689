import JSONWriter

/// How a CSV report is written for the tool that opens it: the separator
/// between fields, and whether the file starts with a UTF-8 byte order
/// mark. The check and audit CSV reports write every record through one.
///
/// Spreadsheets in locales whose decimal separator is a comma (French,
/// German…) split fields on `;`, and Excel reads a CSV file as UTF-8 only
/// when it starts with a byte order mark; data tools want neither.
///
/// ```swift
/// let excel = CSVDialect(separator: .semicolon, byteOrderMark: true)
/// excel.record(["a;b", "=1+1", "c"])   // "a;b";'=1+1;c\r\n
/// ```
public struct CSVDialect: Sendable, Equatable {
    public var separator: Separator
    public var byteOrderMark: Bool

    public init(separator: Separator = .comma, byteOrderMark: Bool = false) {
        self.separator = separator
        self.byteOrderMark = byteOrderMark
    }

    /// RFC 4180: commas, no byte order mark.
    public static let standard = CSVDialect()

    /// What separates fields: `,`, `;` or a tab.
    public enum Separator: String, Sendable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab

        var scalar: Unicode.Scalar {
            switch self {
            case .comma: ","
            case .semicolon: ";"
            case .tab: "\t"
            }
        }
    }

    /// What the file starts with: the byte order mark, or nothing.
    public var start: String { byteOrderMark ? "\u{FEFF}" : "" }

    /// A record: each field made safe with ``CSVField/encode(_:separator:)``,
    /// joined by the separator, ended by CRLF.
    public func record(_ fields: [String]) -> String {
        fields.map { CSVField.encode($0, separator: separator) }.joined(separator: String(separator.scalar)) + "\r\n"
    }
}

/// One field of an RFC 4180 CSV record.
///
/// Fields holding the separator, a double quote, a carriage return or a
/// line feed are enclosed in double quotes, with inner quotes doubled.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in
/// some, a tab or carriage return) as a formula, so a journey file could
/// smuggle `=HYPERLINK(…)` into whoever opens the report (CSV or formula
/// injection); some trim spaces and invisible characters first.
/// ``guarded(_:)`` prefixes such fields with `'`, which spreadsheets take as
/// "this is text" and tools can strip, also when white space (a space, a
/// no-break space) or invisible characters (zero-width characters,
/// bidirectional marks) come before the formula character.
///
/// A CSV report is text a terminal or a CI log may show too: the
/// ``UnsafeCharacters`` of a value (control characters, line breaks,
/// bidirectional controls) are shown as ``TerminalEscaping`` shows them,
/// `\u{A}`, so no value breaks a record's line or starts a workflow command.
///
/// ```swift
/// CSVField.encode("say \"hi\", then")   // "say ""hi"", then"
/// CSVField.encode("=1+1")               // '=1+1
/// CSVField.encode("\u{200B} =1+1")      // '\u{200B} =1+1 (the zero-width space kept)
/// ```
public enum CSVField {
    /// The characters that make a spreadsheet read a cell as a formula.
    public static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Guarded against formula injection, its unsafe characters shown, then
    /// quoted as RFC 4180 requires.
    public static func encode(_ value: String, separator: CSVDialect.Separator = .comma) -> String {
        quoted(TerminalEscaping.text(guarded(value)), separator: separator)
    }

    /// `'` before a value that a spreadsheet would read as a formula: one
    /// whose first character other than white space and invisible ones is a
    /// formula character.
    public static func guarded(_ value: String) -> String {
        for scalar in value.unicodeScalars {
            if formulaTriggers.contains(scalar) { return "'" + value }
            guard isSkippedBeforeAFormula(scalar) else { return value }
        }
        return value
    }

    /// White space, format characters (zero-width, bidirectional marks, the
    /// byte order mark) and other default-ignorable characters: what a
    /// spreadsheet may trim or not show before a formula character.
    static func isSkippedBeforeAFormula(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " }
        let properties = scalar.properties
        return properties.isWhitespace || properties.generalCategory == .format || properties.isDefaultIgnorableCodePoint
    }

    /// The value as it is, or in double quotes with inner quotes doubled
    /// when it holds the separator, a quote or a line break.
    public static func quoted(_ value: String, separator: CSVDialect.Separator = .comma) -> String {
        let split = separator.scalar
        let needsQuotes = value.unicodeScalars.contains { $0 == split || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var output = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { output.append("\"\"") } else { output.unicodeScalars.append(scalar) }
        }
        output.append("\"")
        return output
    }

    /// A record with commas: ``CSVDialect/standard``'s.
    public static func record(_ fields: [String]) -> String {
        CSVDialect.standard.record(fields)
    }
}
