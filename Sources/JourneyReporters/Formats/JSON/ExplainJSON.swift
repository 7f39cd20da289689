import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `explain --format json`: one entry per brand whose charter has the marker.
public enum ExplainJSON {
    public static func render(_ explanations: [MarkerExplanation]) -> String {
        JSONOutput.object([
            ("markers", .array(explanations.map { explanation in
                let marker = explanation.marker
                return .object([
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
                        ] + CheckJSON.location(override.location))
                    } ?? .null),
                    ("expects", .string(explanation.expects)),
                    ("appliesTo", .string(explanation.appliesTo)),
                    ("inheritance", .array(explanation.inheritance.map(JSONOutput.string))),
                    ("segments", .array(explanation.segments.map { segment in
                        .object([
                            ("segment", .string(segment.segment)),
                            ("priority", .bool(segment.priority)),
                            ("score", AuditJSON.score(segment.score)),
                            ("checks", AuditJSON.checks(segment.score)),
                            ("gaps", .array(segment.gaps.map(CheckJSON.gap))),
                        ])
                    })),
                    ("journeyGaps", .array(explanation.journeyGaps.map(CheckJSON.gap))),
                ] + CheckJSON.location(marker.location))
            })),
        ]).rendered()
    }
}
