import EventExports

/// The SQL engines a conformance script is written for. The script is the
/// same query in each; what differs is how names and text are quoted, how
/// a view is made and how a time becomes milliseconds.
///
/// ```swift
/// SQLDialect.spark.identifier("care-tickets")    // `care-tickets`
/// SQLDialect.duckdb.string("x'; DROP TABLE events; --")   // 'x''; DROP TABLE events; --'
/// ```
public enum SQLDialect: String, CaseIterable, Sendable {
    case duckdb, spark, ansi

    /// A name quoted as an identifier: `"name"` (`""` inside), or
    /// `` `name` `` for Spark. Nil for a name holding a character no quoted
    /// identifier can carry safely (a control, format or line-separator
    /// character, or NUL).
    public func identifier(_ name: String) -> String? {
        guard !name.isEmpty, !name.unicodeScalars.contains(where: Self.needsEscape) else { return nil }
        switch self {
        case .duckdb, .ansi: return "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        case .spark: return "`" + name.replacingOccurrences(of: "`", with: "``") + "`"
        }
    }

    /// Text as a string literal: `'…'` with `''` inside; Spark also reads
    /// backslashes as escapes, so they are doubled. Control, format and
    /// line-separator characters are never written raw: DuckDB joins
    /// `chr(n)`, Spark writes `\uXXXX`, ANSI a `U&'…'` literal. A literal
    /// never holds a line break, so a statement's end is always `;` at the
    /// end of a line.
    public func string(_ text: String) -> String {
        let hasSpecial = text.unicodeScalars.contains(where: Self.needsEscape)
        switch self {
        case .duckdb:
            guard hasSpecial else { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
            var pieces: [String] = []
            var plain = ""
            for scalar in text.unicodeScalars {
                if Self.needsEscape(scalar) {
                    if !plain.isEmpty { pieces.append("'" + plain.replacingOccurrences(of: "'", with: "''") + "'") }
                    plain = ""
                    pieces.append("chr(\(scalar.value))")
                } else {
                    plain.unicodeScalars.append(scalar)
                }
            }
            if !plain.isEmpty { pieces.append("'" + plain.replacingOccurrences(of: "'", with: "''") + "'") }
            return "(" + pieces.joined(separator: " || ") + ")"
        case .spark:
            var result = "'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "'": result += "\\'"
                case "\\": result += "\\\\"
                default:
                    if Self.needsEscape(scalar) {
                        // Java-style escapes take UTF-16 units.
                        for unit in String(scalar).utf16 { result += "\\u" + Self.hex(UInt32(unit), digits: 4) }
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "'"
        case .ansi:
            guard hasSpecial else { return "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }
            var result = "U&'"
            for scalar in text.unicodeScalars {
                switch scalar {
                case "'": result += "''"
                case "\\": result += "\\\\"
                default:
                    if Self.needsEscape(scalar) {
                        result += scalar.value > 0xFFFF ? "\\+" + Self.hex(scalar.value, digits: 6) : "\\" + Self.hex(scalar.value, digits: 4)
                    } else {
                        result.unicodeScalars.append(scalar)
                    }
                }
            }
            return result + "'"
        }
    }

    /// Whether a character is written as an escape: controls (line breaks
    /// among them), format characters (bidirectional controls among them),
    /// the line and paragraph separators.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let category = scalar.properties.generalCategory
        return category == .control || category == .format || scalar == "\u{2028}" || scalar == "\u{2029}"
            || scalar.properties.isBidiControl
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }

    /// The text type.
    var text: String {
        switch self {
        case .duckdb: "VARCHAR"
        case .spark: "STRING"
        case .ansi: "VARCHAR(4096)"
        }
    }

    var double: String { self == .ansi ? "DOUBLE PRECISION" : "DOUBLE" }

    /// How a script makes a view that lasts the session.
    var createView: String {
        switch self {
        case .duckdb, .spark: "CREATE OR REPLACE TEMPORARY VIEW"
        case .ansi: "CREATE VIEW"
        }
    }

    /// How a script keeps a step's rows that later steps read several
    /// times: computed once where the engine allows it (a temporary table
    /// in DuckDB, a cached table in Spark), a view in ANSI SQL.
    var createKept: String {
        switch self {
        case .duckdb: "CREATE OR REPLACE TEMPORARY TABLE"
        case .spark: "CACHE TABLE"
        case .ansi: "CREATE VIEW"
        }
    }

    /// A string literal in a `VALUES` row or a typed NULL.
    func string(orNull text: String?) -> String {
        text.map(string) ?? "CAST(NULL AS \(self.text))"
    }

    /// Statements that set the session up: times in UTC.
    var preamble: [String] {
        switch self {
        case .duckdb: [
            "SET TimeZone = 'UTC';",
            "-- DuckDB 2.0.1's common_subplan optimizer merges the two reads of throughline_lived below and swaps",
            "-- their columns (a case's segment read as its events' channel); without it the figures are conform's.",
            "-- Leave this line out on a DuckDB that has no optimizer of that name.",
            "SET disabled_optimizers = 'common_subplan';",
        ]
        case .spark: ["SET spark.sql.session.timeZone = UTC;"]
        case .ansi: []
        }
    }

    /// Milliseconds since 1970 UTC of a time with a zone.
    func epochMilliseconds(_ time: String) -> String {
        switch self {
        case .duckdb: "epoch_ms(\(time))"
        case .spark: "unix_millis(\(time))"
        case .ansi: "CAST(EXTRACT(EPOCH FROM \(time)) * 1000 AS BIGINT)"
        }
    }

    /// An ISO 8601 text as a time; NULL when it is not one (DuckDB, Spark).
    func isoTime(_ text: String) -> String {
        switch self {
        case .duckdb: "TRY_CAST(\(text) AS TIMESTAMPTZ)"
        case .spark: "TRY_CAST(\(text) AS TIMESTAMP)"
        case .ansi: "CAST(\(text) AS TIMESTAMP WITH TIME ZONE)"
        }
    }

    /// Text in a declared pattern, a local time of `zone`, as a time; nil
    /// when the dialect has no way to say it (ANSI SQL has no parsing function).
    func patternTime(_ text: String, parts: [TimestampFormat.PatternPart], zone: String) -> String? {
        switch self {
        case .duckdb:
            var format = ""
            for part in parts {
                switch part {
                case .year: format += "%Y"
                case .month(let padded): format += padded ? "%m" : "%-m"
                case .day(let padded): format += padded ? "%d" : "%-d"
                case .hour(let padded): format += padded ? "%H" : "%-H"
                case .minute: format += "%M"
                case .second: format += "%S"
                case .millisecond: format += "%g"
                case .literal(let literal): format += literal.replacingOccurrences(of: "%", with: "%%")
                }
            }
            return "timezone(\(string(zone)), try_strptime(\(text), \(string(format))))"
        case .spark:
            var format = ""
            for part in parts {
                switch part {
                case .year: format += "yyyy"
                case .month(let padded): format += padded ? "MM" : "M"
                case .day(let padded): format += padded ? "dd" : "d"
                case .hour(let padded): format += padded ? "HH" : "H"
                case .minute: format += "mm"
                case .second: format += "ss"
                case .millisecond: format += "SSS"
                case .literal(let literal): format += "'" + literal.replacingOccurrences(of: "'", with: "''") + "'"
                }
            }
            return "to_utc_timestamp(try_to_timestamp(\(text), \(string(format))), \(string(zone)))"
        case .ansi:
            return nil
        }
    }

    /// A number in text, NULL when it is not one (DuckDB, Spark).
    func number(_ text: String) -> String {
        self == .ansi ? "CAST(\(text) AS DOUBLE PRECISION)" : "TRY_CAST(\(text) AS DOUBLE)"
    }

    /// The length of a text in bytes.
    func byteLength(_ text: String) -> String {
        self == .duckdb ? "strlen(\(text))" : "OCTET_LENGTH(\(text))"
    }

    /// The tab character.
    var tab: String {
        switch self {
        case .duckdb: "chr(9)"
        case .spark: "'\\t'"
        case .ansi: "U&'\\0009'"
        }
    }

    /// An inline table: `rows` of literals under `columns`, or no row of
    /// the given types.
    func values(_ rows: [[String]], columns: [(name: String, type: String)]) -> String {
        guard !rows.isEmpty else {
            return "SELECT " + columns.map { "CAST(NULL AS \($0.type)) AS \($0.name)" }.joined(separator: ", ") + " WHERE 1 = 0"
        }
        let body = rows.map { "(" + $0.joined(separator: ", ") + ")" }.joined(separator: ",\n    ")
        let names = columns.map(\.name).joined(separator: ", ")
        switch self {
        case .duckdb, .ansi: return "SELECT * FROM (VALUES\n    \(body)\n) AS t(\(names))"
        case .spark: return "SELECT * FROM VALUES\n    \(body)\n AS t(\(names))"
        }
    }
}
