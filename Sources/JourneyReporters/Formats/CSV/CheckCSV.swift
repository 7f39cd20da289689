import JSONWriter
import CharterChecker
import JourneyModel

/// `--format csv` for `check`: one row per diagnostic and per gap (accepted
/// gaps included, with their reason), for spreadsheets and data tools.
///
/// RFC 4180 by default: CRLF after every record, fields with a comma, a
/// double quote or a line break in double quotes, inner quotes doubled;
/// UTF-8, no byte order mark. `--csv-separator ';'` and `--csv-bom` give
/// the ``CSVDialect`` spreadsheets of French or German locales open as is.
/// The header row is fixed:
///
/// ```text
/// kind,id,severity,file,line,column,brand,journey,touchpoint,segment,channel,stage,expected,planned,message,suppressed_reason
/// gap,formal-address,error,Journeys/aurele/first-purchase.journey.jsonc,12,20,maison-aurele,first-purchase,welcome-mail,newcomers,email,discover,address = formal,address = informal,"welcome-mail (email, discover) plans …",
/// ```
///
/// - Important: guarded against CSV (formula) injection. A field that starts
///   with `=`, `+`, `-`, `@`, a tab or a carriage return — which a
///   spreadsheet would run as a formula — is written with a `'` in front
///   (see ``CSVField``). Values read back from this format may therefore
///   start with a `'` that is not in the journey files.
public struct CheckCSV: Reporter {
    /// The separator, and whether a byte order mark comes first.
    public var dialect: CSVDialect

    public init(dialect: CSVDialect = .standard) {
        self.dialect = dialect
    }

    public static let header = [
        "kind", "id", "severity", "file", "line", "column", "brand", "journey", "touchpoint", "segment",
        "channel", "stage", "expected", "planned", "message", "suppressed_reason",
    ]

    /// Record by record into `output`.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        output.write(dialect.start + dialect.record(Self.header))
        for diagnostic in result.diagnostics {
            output.write(dialect.record([
                "diagnostic", diagnostic.code.rawValue, diagnostic.severity.rawValue,
                diagnostic.location.file, String(diagnostic.location.line), String(diagnostic.location.column),
                "", "", "", "", "", "", "", "", diagnostic.messageWithSuggestion, "",
            ]))
        }
        for gap in result.gaps {
            let words = gap.words
            output.write(dialect.record([
                "gap", gap.marker, gap.severity.rawValue,
                gap.location.file, String(gap.location.line), String(gap.location.column),
                gap.brand, gap.journey, gap.touchpoint ?? "", gap.segment ?? "", gap.channel ?? "", gap.stage ?? "",
                words.expected, words.planned, words.message, gap.suppression?.reason ?? "",
            ]))
        }
        // A last row, so a spreadsheet shows that rows are missing.
        if let note = ReportWording.cutNote(result) {
            output.write(dialect.record(["note", "max-gaps", "", "", "", "", "", "", "", "", "", "", "", "", note, ""]))
        }
    }
}
