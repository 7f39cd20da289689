import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// The JSON values more than one JSON format writes, in one shape
/// everywhere: a gap as check, audit and explain list it, a place in a
/// file, the check's counts, a score and the checks behind it.
enum ReportJSON {
    /// The counts every machine-readable format ends with.
    static func summary(_ summary: CheckResult.Summary) -> JSONOutput {
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

    /// How `--max-gaps` cut the report; nil when it lists every gap.
    static func cut(_ result: CheckResult) -> JSONOutput? {
        guard let note = ReportWording.cutNote(result) else { return nil }
        return .object([
            ("maxGaps", .integer(result.maxGaps)),
            ("unlistedGaps", .integer(result.unlistedGaps)),
            ("note", .string(note)),
        ])
    }

    /// A gap with the contract's fields, then the optional extras; its
    /// words are made in one look-up.
    static func gap(_ gap: DescribedGap) -> JSONOutput {
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

    /// `file`, `line` and `column`, as members of the enclosing object.
    static func location(_ location: SourceLocation) -> [(String, JSONOutput)] {
        [("file", .string(location.file)), ("line", .integer(location.line)), ("column", .integer(location.column))]
    }

    /// Another place that explains a finding, and what it says there.
    static func related(_ related: RelatedLocation) -> JSONOutput {
        .object(location(related.location) + [("message", .string(related.message))])
    }

    /// A percentage with one decimal, or null when no check applied.
    static func score(_ score: Score) -> JSONOutput {
        score.percent.map(JSONOutput.number) ?? .null
    }

    /// The counts a score comes from, so it can be recomputed by hand.
    static func checks(_ score: Score) -> JSONOutput {
        .object([
            ("met", .integer(score.met)), ("applicable", .integer(score.applicable)),
            ("weightedMet", .integer(score.weightedMet)), ("weightedApplicable", .integer(score.weightedApplicable)),
        ])
    }
}
