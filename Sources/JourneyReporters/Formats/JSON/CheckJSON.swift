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
///   "summary": { "files", "journeys", "touchpoints", "errors", "warnings", "infos", "suppressed" },
///   "cut": { "maxGaps", "unlistedGaps", "note" } }
/// ```
///
/// `cut` is there only when `--max-gaps` left gaps out: `gaps` and
/// `suppressed` then hold the first `maxGaps` gaps in report order, and the
/// summary still counts them all.
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
        for open in result.gaps where open.suppression == nil { writer.write(ReportJSON.gap(open)) }
        writer.end()
        writer.beginArray("suppressed")
        for accepted in result.gaps where accepted.suppression != nil { writer.write(ReportJSON.gap(accepted)) }
        writer.end()
        writer.write("summary", ReportJSON.summary(result.summary))
        if let cut = ReportJSON.cut(result) { writer.write("cut", cut) }
        output = writer.finish()
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONOutput {
        var members: [(String, JSONOutput)] = [
            ("id", .string(diagnostic.code.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
        ]
        members += ReportJSON.location(diagnostic.location)
        members.append(("message", .string(diagnostic.message)))
        if let suggestion = diagnostic.suggestion { members.append(("suggestion", .string(suggestion))) }
        if !diagnostic.related.isEmpty { members.append(("related", .array(diagnostic.related.map(ReportJSON.related)))) }
        return .object(members)
    }
}
