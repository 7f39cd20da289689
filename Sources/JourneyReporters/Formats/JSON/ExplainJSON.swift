import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `explain --format json`: one entry per brand whose charter has the marker.
public struct ExplainJSON: Reporter {
    public init() {}

    /// Marker by marker, gap by gap, into `output`.
    public func write(_ explanations: [MarkerExplanation], to output: inout ReportOutput) {
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.beginArray("markers")
        for explanation in explanations {
            writer.beginObject()
            for (key, value) in Self.header(explanation) { writer.write(key, value) }
            writer.beginArray("segments")
            for segment in explanation.segments {
                writer.beginObject()
                writer.write("segment", .string(segment.segment))
                writer.write("priority", .bool(segment.priority))
                writer.write("score", ReportJSON.score(segment.score))
                writer.write("checks", ReportJSON.checks(segment.score))
                writer.beginArray("gaps")
                for gap in segment.gaps { writer.write(ReportJSON.gap(gap)) }
                writer.end()
                writer.end()
            }
            writer.end()
            writer.beginArray("journeyGaps")
            for gap in explanation.journeyGaps { writer.write(ReportJSON.gap(gap)) }
            writer.end()
            for (key, value) in ReportJSON.location(explanation.marker.location) { writer.write(key, value) }
            writer.end()
        }
        writer.end()
        output = writer.finish()
    }

    /// A marker's members before its segments: what it is, expects and inherits.
    static func header(_ explanation: MarkerExplanation) -> [(String, JSONOutput)] {
        let marker = explanation.marker
        return [
            ("brand", .string(explanation.brand)),
            ("marker", .string(marker.id)),
            ("name", .optional(marker.name)),
            ("why", .optional(marker.rationale)),
            ("kind", .string(marker.kind.rawValue)),
            ("severity", .string(marker.severity.rawValue)),
            ("declaredSeverity", .string(marker.declaredSeverity.rawValue)),
            ("enabled", .bool(marker.isEnabled)),
            ("origin", .string(marker.origin)),
            ("override", marker.override.map { override in
                .object([
                    ("severity", override.severity.map { .string($0.rawValue) } ?? .string("off")),
                    ("reason", .string(override.reason)), ("by", .string(override.by)),
                ] + ReportJSON.location(override.location))
            } ?? .null),
            ("expects", .string(explanation.expects)),
            ("appliesTo", .string(explanation.appliesTo)),
            ("inheritance", .array(explanation.inheritance.map(JSONOutput.string))),
        ]
    }
}
