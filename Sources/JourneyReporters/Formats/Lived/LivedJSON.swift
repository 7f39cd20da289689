import JSONWriter
import JourneyModel
import LivedReport

/// The lived report as JSON, for tools: the contract is documented in the
/// README ("Lived journeys"); keys come in a fixed order and every list is
/// sorted and bounded as in ``LivedReport``.
public struct LivedJSON: Reporter {
    /// Bumped when a key changes meaning or goes away.
    public static let version = 1

    public init() {}

    public func write(_ report: LivedReport, to output: inout ReportOutput) {
        output.write(json(report).rendered())
    }

    func json(_ report: LivedReport) -> JSONOutput {
        func rate(_ part: Int, _ whole: Int) -> JSONOutput { whole == 0 ? .null : .number(Double(part) / Double(whole)) }
        func strings(_ values: [String]) -> JSONOutput { .array(values.map(JSONOutput.string)) }
        func counts(_ pairs: [(String, Int)]) -> JSONOutput { .object(pairs.map { ($0.0, .integer($0.1)) }) }
        let sources = report.sources.map { source -> JSONOutput in
            .object([
                ("source", .string(source.source)), ("brand", .string(source.brand)), ("data", .string(source.data)),
                ("rows", .integer(source.rows)), ("events", .integer(source.events)), ("skipped", .integer(source.skipped)),
                ("skippedByKind", counts(source.skippedByKind.map { ($0.kind, $0.count) })), ("issues", strings(source.issues)),
                ("duplicates", .integer(source.duplicates)), ("cases", .integer(source.cases)),
                ("unmatched", counts(source.unmatched.map { ($0.reason, $0.count) })), ("spilled", .bool(source.spilled)),
            ])
        }
        let journeys = report.journeys.map { journey -> JSONOutput in
            let touchpoints = journey.touchpoints.map { touchpoint -> JSONOutput in
                .object([
                    ("touchpoint", .string(touchpoint.touchpoint)), ("channel", .string(touchpoint.channel)), ("stage", .string(touchpoint.stage)),
                    ("completed", .integer(touchpoint.completed)), ("failing", .integer(touchpoint.failing)),
                    ("missing", .integer(touchpoint.missing)), ("outOfSequence", .integer(touchpoint.outOfSequence)),
                    ("notReached", .integer(touchpoint.notReached)), ("otherChannel", .integer(touchpoint.otherChannel)),
                    ("late", .integer(touchpoint.late)),
                    ("examples", .object(touchpoint.examples.map { ($0.departure.rawValue, strings($0.cases)) })),
                ])
            }
            let markers = journey.markers.map { marker -> JSONOutput in
                let durations: JSONOutput = marker.durations.map { durations in
                    .object([
                        ("attribute", .string(durations.attribute)), ("promiseSeconds", .number(durations.promiseSeconds)),
                        ("count", .integer(durations.count)), ("medianSeconds", .number(durations.medianSeconds)),
                        ("p90Seconds", .number(durations.p90Seconds)),
                    ])
                } ?? .null
                return .object([
                    ("marker", .string(marker.marker)), ("kind", .string(marker.kind)), ("severity", .string(marker.severity.rawValue)),
                    ("planned", .string(marker.planned.rawValue)), ("casesApplicable", .integer(marker.casesApplicable)),
                    ("casesMet", .integer(marker.casesMet)), ("rate", rate(marker.casesMet, marker.casesApplicable)),
                    ("durations", durations), ("examples", strings(marker.examples)),
                ])
            }
            return .object([
                ("brand", .string(journey.brand)), ("segment", .string(journey.segment)), ("priority", .bool(journey.priority)),
                ("journey", .string(journey.journey)), ("name", .optional(journey.journeyName)), ("plannedPath", strings(journey.plannedPath)),
                ("cases", .integer(journey.cases)), ("asPlanned", .integer(journey.asPlanned)), ("asPlannedRate", rate(journey.asPlanned, journey.cases)),
                ("touchpoints", .array(touchpoints)),
                ("flows", .array(journey.flows.map { .object([("from", .string($0.from)), ("to", .string($0.to)), ("cases", .integer($0.cases)), ("planned", .bool($0.planned))]) })),
                ("adHocEvents", .integer(journey.adHocEvents)),
                ("adHoc", .array(journey.adHoc.map { .object([("activity", .string($0.activity)), ("events", .integer($0.events)), ("cases", .integer($0.cases))]) })),
                ("markers", .array(markers)),
                ("channels", .array(journey.channels.map { .object([
                    ("channel", .string($0.channel)), ("owner", .optional($0.owner)), ("events", .integer($0.events)),
                    ("checks", .integer($0.checks)), ("met", .integer($0.met)),
                ]) })),
                ("owners", .array(journey.owners.map { .object([("owner", .string($0.owner)), ("cases", .integer($0.cases)), ("asPlanned", .integer($0.asPlanned))]) })),
            ])
        }
        let actions = report.actions.map { action -> JSONOutput in
            .object([
                ("journey", .string(action.journey)), ("departure", .string(action.departure.rawValue)), ("subject", .string(action.subject)),
                ("owner", .optional(action.owner)), ("severity", .optional(action.severity?.rawValue)), ("cases", .integer(action.cases)),
                ("share", .number(action.share)), ("examples", strings(action.examples)),
            ])
        }
        return .object([
            ("version", .integer(Self.version)), ("redacted", .bool(report.redacted)), ("cases", .integer(report.caseCount)),
            ("sources", .array(sources)), ("journeys", .array(journeys)), ("actions", .array(actions)),
        ])
    }
}
