import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `audit --format json`: top-level `segments`, each with `segment`,
/// `priority`, `score`, `byChannel`, `byMarker`, `matrix`, `gaps` (the same
/// fields as `check`'s gaps) and `actions`. Scores are percentages with one
/// decimal, or null when no check applied; `checks` gives the counts they
/// come from, so every score can be recomputed by hand.
///
/// Since `auditFormat` 2, also: `context` (date of the data, charter
/// versions), `brands` (each brand's headline: status, open gaps by
/// severity, top actions across segments), a `status` on every segment,
/// channel, marker and journey, each gap's `fingerprint`, each journey's
/// `stages`, `channels`, `steps` and `kpis`, and `comparison` with
/// `--compare`. Every field of format 1 is still there, with its meaning;
/// the tables by channel, marker and journey now come worst first.
public struct AuditJSON: Reporter {
    /// The version of this shape; `--compare` reads both.
    public static let format = 2

    public init() {}

    /// Segment by segment, gap by gap, into `output`.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        let weights = audit.weights
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.write("auditFormat", .integer(Self.format))
        writer.write("context", Self.context(audit))
        writer.write("weights", .object([
            ("error", .integer(weights.error)), ("warning", .integer(weights.warning)), ("info", .integer(weights.info)),
        ]))
        writer.write("scoring", "score = 100 × Σ(weight × met) / Σ(weight × applicable), weight by marker severity, rounded to one decimal")
        writer.write("statusRule", .string(AuditStatus.rule))
        writer.beginArray("brands")
        for headline in audit.brands {
            writer.beginObject()
            for (key, value) in Self.headlineHeader(headline) { writer.write(key, value) }
            writer.beginArray("topActions")
            for action in headline.actions { writer.write(Self.sharedAction(action)) }
            writer.end()
            writer.end()
        }
        writer.end()
        writer.beginArray("segments")
        for report in audit.segments {
            writer.beginObject()
            for (key, value) in Self.header(report) { writer.write(key, value) }
            // Journeys step by step: a journey of thousands of touchpoints is never one value.
            writer.beginArray("journeys")
            for passage in report.journeys {
                writer.beginObject()
                for (key, value) in Self.passageHeader(passage) { writer.write(key, value) }
                writer.beginArray("steps")
                for step in passage.steps { writer.write(Self.step(step)) }
                writer.end()
                writer.write("kpis", Self.kpis(passage))
                writer.end()
            }
            writer.end()
            for (key, value) in Self.scores(report) { writer.write(key, value) }
            writer.beginArray("gaps")
            for gap in report.gaps { writer.write(Self.gap(gap)) }
            writer.end()
            writer.beginArray("suppressed")
            for gap in report.suppressed { writer.write(Self.gap(gap)) }
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
        if let comparison = audit.comparison { writer.write("comparison", Self.comparison(comparison)) }
        writer.end()
        output = writer.finish()
    }

    /// A gap as `check` writes it, with its fingerprint, which `--compare` matches.
    static func gap(_ gap: DescribedGap) -> JSONOutput {
        guard case .object(let members) = ReportJSON.gap(gap) else { return ReportJSON.gap(gap) }
        return .object(members + [("fingerprint", .string(gap.fingerprint))])
    }

    static func context(_ audit: AuditReport) -> JSONOutput {
        let scope = audit.scope
        return .object([
            ("date", .optional(audit.context.date)),
            ("scope", .object([
                ("brands", .integer(scope.brands)), ("segments", .integer(scope.segments)), ("journeys", .integer(scope.journeys)),
            ])),
            ("charters", .array(audit.context.charters.map { version in
                .object([
                    ("brand", .string(version.brand)), ("digest", .string(version.digest)),
                    ("files", .array(version.files.map(JSONOutput.string))),
                ])
            })),
        ])
    }

    static func counts(_ counts: SeverityCounts) -> JSONOutput {
        .object([("errors", .integer(counts.errors)), ("warnings", .integer(counts.warnings)), ("infos", .integer(counts.infos))])
    }

    /// A brand's headline before its top actions.
    static func headlineHeader(_ headline: BrandHeadline) -> [(String, JSONOutput)] {
        [
            ("brand", .string(headline.brand)), ("name", .string(headline.brandName)),
            ("status", .string(headline.status.rawValue)), ("openGaps", counts(headline.openCounts)),
            ("segments", .array(headline.segments.map { standing in
                .object([
                    ("segment", .string(standing.segment)), ("status", .string(standing.status.rawValue)),
                    ("score", ReportJSON.score(standing.score)),
                ])
            })),
        ]
    }

    /// One of a brand's top actions, with the segments it is for.
    static func sharedAction(_ action: SharedAction) -> JSONOutput {
        .object([
            ("severity", .string(action.severity.rawValue)), ("marker", .string(action.item.marker)),
            ("segments", .array(action.segments.map(JSONOutput.string))),
            ("channel", .optional(action.channel)), ("owner", .optional(action.owner)),
            ("journey", .string(action.item.journey)), ("touchpoint", .optional(action.item.touchpoint)),
        ] + ReportJSON.location(action.item.location) + [
            ("action", .string(action.item.action)), ("message", .string(action.item.gap.message)),
        ])
    }

    static func standing(_ standing: AuditComparison.Standing?) -> JSONOutput {
        guard let standing else { return .null }
        return .object([
            ("score", standing.score.map(JSONOutput.number) ?? .null), ("status", .optional(standing.status?.rawValue)),
        ])
    }

    static func comparison(_ comparison: AuditComparison) -> JSONOutput {
        func changes(_ entries: [AuditComparison.EntryChange]) -> JSONOutput {
            .array(entries.map { entry in
                .object([
                    ("key", .string(entry.key)), ("before", standing(entry.before)), ("after", standing(entry.after)),
                    ("delta", entry.scoreDelta.map(JSONOutput.number) ?? .null),
                ])
            })
        }
        return .object([
            ("previousFile", .string(comparison.previousFile)), ("previousDate", .optional(comparison.previousDate)),
            ("exactMatching", .bool(comparison.exactMatching)),
            ("segments", .array(comparison.segments.map { change in
                .object([
                    ("brand", .string(change.brand)), ("segment", .string(change.segment)),
                    ("before", standing(change.before)), ("after", standing(change.after)),
                    ("delta", change.scoreDelta.map(JSONOutput.number) ?? .null),
                    ("channels", changes(change.channels)), ("markers", changes(change.markers)),
                    ("newGaps", .array(change.newGaps.map { .string($0.fingerprint) })),
                    ("fixedGaps", .array(change.fixedGaps.map { .string($0.fingerprint) })),
                ])
            })),
        ])
    }

    /// A segment's members before its gaps: who, scores, matrix.
    static func header(_ report: SegmentReport) -> [(String, JSONOutput)] {
        [
            ("brand", .string(report.brand)),
            ("segment", .string(report.segment)),
            ("name", .string(report.segmentName)),
            ("priority", .bool(report.priority)),
            ("status", .string(report.status.rawValue)),
            ("openGaps", counts(report.openCounts)),
            ("score", ReportJSON.score(report.score)),
            ("checks", ReportJSON.checks(report.score)),
        ]
    }

    /// A journey's members before its steps.
    static func passageHeader(_ passage: JourneyPassage) -> [(String, JSONOutput)] {
        [
            ("journey", .string(passage.journey)),
            ("name", .optional(passage.name)),
            ("file", .string(passage.file)),
            ("touchpoints", .array(passage.touchpoints.map(JSONOutput.string))),
            ("stages", .array(passage.stages.map(JSONOutput.string))),
            ("channels", .array(passage.channels.map(JSONOutput.string))),
        ]
    }

    static func kpis(_ passage: JourneyPassage) -> JSONOutput {
        .array(passage.kpis.map { stage in
            .object([
                ("stage", .string(stage.stage)),
                ("kpis", .array(stage.kpis.map { kpi in
                    .object([("name", .string(kpi.name)), ("kind", .string(kpi.kind.rawValue)), ("target", .optional(kpi.target))])
                })),
            ])
        })
    }

    /// A segment's scores, after its journeys: by channel, marker and journey, and the matrix.
    static func scores(_ report: SegmentReport) -> [(String, JSONOutput)] {
        [
            ("byChannel", .array(report.byChannel.map { entry in
                .object([
                    ("channel", .string(entry.channel)), ("name", .string(entry.name)), ("owner", .optional(entry.owner)),
                    ("status", .string(entry.status.rawValue)), ("openGaps", counts(entry.openCounts)),
                    ("score", ReportJSON.score(entry.score)), ("checks", ReportJSON.checks(entry.score)),
                ])
            })),
            ("byMarker", .array(report.byMarker.map { entry in
                .object([
                    ("marker", .string(entry.marker)), ("title", .string(entry.title)), ("kind", .string(entry.kind.rawValue)),
                    ("severity", .string(entry.severity.rawValue)), ("status", .string(entry.status.rawValue)),
                    ("openGaps", .integer(entry.openGaps)),
                    ("score", ReportJSON.score(entry.score)), ("checks", ReportJSON.checks(entry.score)),
                ])
            })),
            ("byJourney", .array(report.byJourney.map { entry in
                .object([
                    ("journey", .string(entry.journey)), ("status", .string(entry.status.rawValue)),
                    ("score", ReportJSON.score(entry.score)), ("checks", ReportJSON.checks(entry.score)),
                ])
            })),
            ("matrix", .object([
                ("columns", .array(report.matrix.columns.map(JSONOutput.string))),
                ("rows", .array(report.matrix.rows.indices.map { row in
                    .object([
                        ("marker", .string(report.matrix.rows[row])),
                        ("scores", .array(report.matrix.cells[row].map(ReportJSON.score))),
                        ("statuses", .array(report.matrix.cells[row].indices.map { column in
                            .optional(report.matrix.status(row: row, column: column)?.rawValue)
                        })),
                    ])
                })),
            ])),
        ]
    }

    static func step(_ step: JourneyStep) -> JSONOutput {
        .object([
            ("touchpoint", .string(step.touchpoint)), ("name", .optional(step.name)), ("stage", .string(step.stage)),
            ("channel", .string(step.channel)),
            ("next", .array(step.next.map { handoff in
                .object([("touchpoint", .string(handoff.touchpoint)), ("worstOpen", .optional(handoff.worstOpen?.rawValue))])
            })),
            ("worstOpen", .optional(step.worstOpen?.rawValue)), ("openGaps", .integer(step.openGaps)),
            ("acceptedGaps", .integer(step.acceptedGaps)),
        ])
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
