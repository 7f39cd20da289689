/// One field of an RFC 4180 CSV record.
///
/// Fields holding a comma, a double quote, a carriage return or a line feed
/// are enclosed in double quotes, with inner quotes doubled.
///
/// Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (and, in
/// some, a tab or carriage return) as a formula, so a journey file could
/// smuggle `=HYPERLINK(…)` into whoever opens the report (CSV or formula
/// injection). ``guarded(_:)`` prefixes such fields with `'`, which
/// spreadsheets take as "this is text" and tools can strip.
///
/// ```swift
/// CSVField.encode("say \"hi\", then")   // "say ""hi"", then"
/// CSVField.encode("=1+1")               // '=1+1
/// ```
public enum CSVField {
    /// The characters that make a spreadsheet read a cell as a formula.
    public static let formulaTriggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// Guarded against formula injection, then quoted as RFC 4180 requires.
    public static func encode(_ value: String) -> String {
        quoted(guarded(value))
    }

    /// `'` before a value that a spreadsheet would read as a formula.
    public static func guarded(_ value: String) -> String {
        guard let first = value.unicodeScalars.first, formulaTriggers.contains(Character(first)) else { return value }
        return "'" + value
    }

    /// The value as it is, or in double quotes with inner quotes doubled
    /// when it holds a comma, a quote or a line break.
    public static func quoted(_ value: String) -> String {
        let needsQuotes = value.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return value }
        var output = "\""
        for scalar in value.unicodeScalars {
            if scalar == "\"" { output.append("\"\"") } else { output.unicodeScalars.append(scalar) }
        }
        output.append("\"")
        return output
    }

    /// A record: fields joined by commas, ended by CRLF.
    public static func record(_ fields: [String]) -> String {
        fields.map(encode).joined(separator: ",") + "\r\n"
    }
}
