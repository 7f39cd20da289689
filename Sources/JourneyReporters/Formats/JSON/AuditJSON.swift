import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `audit --format json`: top-level `segments`, each with `segment`,
/// `priority`, `score`, `byChannel`, `byMarker`, `matrix`, `gaps` (the same
/// fields as `check`'s gaps) and `actions`. Scores are percentages with one
/// decimal, or null when no check applied; `checks` gives the counts they
/// come from, so every score can be recomputed by hand.
public struct AuditJSON: Reporter {
    public init() {}

    /// Segment by segment, gap by gap, into `output`.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        let weights = audit.weights
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.write("weights", .object([
            ("error", .integer(weights.error)), ("warning", .integer(weights.warning)), ("info", .integer(weights.info)),
        ]))
        writer.write("scoring", "score = 100 × Σ(weight × met) / Σ(weight × applicable), weight by marker severity, rounded to one decimal")
        writer.beginArray("segments")
        for report in audit.segments {
            writer.beginObject()
            for (key, value) in Self.header(report) { writer.write(key, value) }
            writer.beginArray("gaps")
            for gap in report.gaps { writer.write(ReportJSON.gap(gap)) }
            writer.end()
            writer.beginArray("suppressed")
            for gap in report.suppressed { writer.write(ReportJSON.gap(gap)) }
            writer.end()
            writer.beginArray("actions")
            for group in report.actions {
                writer.beginObject()
                for (key, value) in Self.actionHeader(group) { writer.write(key, value) }
                writer.beginArray("items")
                for item in group.items { writer.write(Self.actionItem(item)) }
                writer.end()
                writer.end()
            }
            writer.end()
            writer.end()
        }
        writer.end()
        output = writer.finish()
    }

    /// A segment's members before its gaps: who, scores, matrix.
    static func header(_ report: SegmentReport) -> [(String, JSONOutput)] {
        [
            ("brand", .string(report.brand)),
            ("segment", .string(report.segment)),
            ("name", .string(report.segmentName)),
            ("priority", .bool(report.priority)),
            ("score", ReportJSON.score(report.score)),
            ("checks", ReportJSON.checks(report.score)),
            ("journeys", .array(report.journeys.map { passage in
                .object([
                    ("journey", .string(passage.journey)),
                    ("name", .optional(passage.name)),
                    ("file", .string(passage.file)),
                    ("touchpoints", .array(passage.touchpoints.map(JSONOutput.string))),
                ])
            })),
            ("byChannel", .array(report.byChannel.map { entry in
                .object([
                    ("channel", .string(entry.channel)), ("name", .string(entry.name)), ("owner", .optional(entry.owner)),
                    ("score", ReportJSON.score(entry.score)), ("checks", ReportJSON.checks(entry.score)),
                ])
            })),
            ("byMarker", .array(report.byMarker.map { entry in
                .object([
                    ("marker", .string(entry.marker)), ("title", .string(entry.title)), ("kind", .string(entry.kind.rawValue)),
                    ("severity", .string(entry.severity.rawValue)), ("score", ReportJSON.score(entry.score)), ("checks", ReportJSON.checks(entry.score)),
                ])
            })),
            ("byJourney", .array(report.byJourney.map { entry in
                .object([("journey", .string(entry.journey)), ("score", ReportJSON.score(entry.score)), ("checks", ReportJSON.checks(entry.score))])
            })),
            ("matrix", .object([
                ("columns", .array(report.matrix.columns.map(JSONOutput.string))),
                ("rows", .array(zip(report.matrix.rows, report.matrix.cells).map { row, cells in
                    .object([("marker", .string(row)), ("scores", .array(cells.map(ReportJSON.score)))])
                })),
            ])),
        ]
    }

    /// A channel's part of the action plan, before its items.
    static func actionHeader(_ group: ActionGroup) -> [(String, JSONOutput)] {
        [
            ("channel", .optional(group.channel)), ("name", .string(group.channelName)), ("owner", .optional(group.owner)),
            ("score", group.score.map(ReportJSON.score) ?? .null),
        ]
    }

    static func actionItem(_ item: ActionItem) -> JSONOutput {
        .object([
            ("severity", .string(item.severity.rawValue)), ("marker", .string(item.marker)),
            ("journey", .string(item.journey)), ("touchpoint", .optional(item.touchpoint)),
        ] + ReportJSON.location(item.location) + [("action", .string(item.action))])
    }
}
