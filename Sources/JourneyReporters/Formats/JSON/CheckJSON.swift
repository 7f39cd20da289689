import JSONWriter
import CharterChecker
import JourneyModel

/// `--format json` for `check`: the contract other tools read. Keep the
/// names; add fields rather than rename them.
///
/// ```json
/// { "diagnostics": [ { "id", "severity", "file", "line", "column", "message", "suggestion"? } ],
///   "gaps": [ { "marker", "severity", "brand", "journey", "touchpoint", "segment", "channel",
///               "stage", "file", "line", "column", "expected", "planned", "message" } ],
///   "suppressed": [ … gaps with a "suppression" … ],
///   "summary": { "files", "journeys", "touchpoints", "errors", "warnings", "infos", "suppressed" } }
/// ```
public struct CheckJSON: Reporter {
    public init() {}

    /// Gap by gap into `output`: the report of a large workspace is written, not built.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.beginArray("diagnostics")
        for found in result.diagnostics { writer.write(Self.diagnostic(found)) }
        writer.end()
        writer.beginArray("gaps")
        for open in result.gaps where open.suppression == nil { writer.write(Self.gap(open)) }
        writer.end()
        writer.beginArray("suppressed")
        for accepted in result.gaps where accepted.suppression != nil { writer.write(Self.gap(accepted)) }
        writer.end()
        writer.write("summary", Self.summary(result.summary))
        output = writer.finish()
    }

    /// The counts every machine-readable format ends with.
    public static func summary(_ summary: CheckResult.Summary) -> JSONOutput {
        .object([
            ("files", .integer(summary.files)),
            ("journeys", .integer(summary.journeys)),
            ("touchpoints", .integer(summary.touchpoints)),
            ("errors", .integer(summary.errors)),
            ("warnings", .integer(summary.warnings)),
            ("infos", .integer(summary.infos)),
            ("suppressed", .integer(summary.suppressed)),
        ])
    }

    public static func diagnostic(_ diagnostic: Diagnostic) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(diagnostic.code.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
        ]
        members += location(diagnostic.location)
        members.append(("message", .string(diagnostic.message)))
        if let suggestion = diagnostic.suggestion { members.append(("suggestion", .string(suggestion))) }
        if !diagnostic.related.isEmpty { members.append(("related", .array(diagnostic.related.map(related)))) }
        return .object(members)
    }

    /// A gap with the contract's fields, then the optional extras.
    public static func gap(_ gap: DescribedGap) -> JSONOutput {
        let words = gap.words
        var members: [(String, JSONOutput)] = [
            ("marker", .string(gap.marker)),
            ("severity", .string(gap.severity.rawValue)),
            ("brand", .string(gap.brand)),
            ("journey", .string(gap.journey)),
            ("touchpoint", .optional(gap.touchpoint)),
            ("segment", .optional(gap.segment)),
            ("channel", .optional(gap.channel)),
            ("stage", .optional(gap.stage)),
        ]
        members += location(gap.location)
        members += [
            ("expected", .string(words.expected)),
            ("planned", .string(words.planned)),
            ("message", .string(words.message)),
            ("kind", .string(gap.kind.rawValue)),
            ("attribute", .optional(gap.attribute)),
            ("action", .string(words.action)),
        ]
        if !words.related.isEmpty { members.append(("related", .array(words.related.map(related)))) }
        if let suppression = gap.suppression {
            members.append(("suppression", .object([("reason", .string(suppression.reason))] + location(suppression.location))))
        }
        return .object(members)
    }

    static func location(_ location: SourceLocation) -> [(String, JSONOutput)] {
        [("file", .string(location.file)), ("line", .integer(location.line)), ("column", .integer(location.column))]
    }

    static func related(_ related: RelatedLocation) -> JSONOutput {
        .object(location(related.location) + [("message", .string(related.message))])
    }
}
