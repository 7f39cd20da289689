import JSONWriter
import JourneyModel
import PeriodReview

/// The review as JSON, for tools: every figure with the counts behind it
/// (`count` of `base` for rates, the cases behind each owner's figure),
/// absent figures as `null` with a `reason`; keys in a fixed order.
public struct ReviewJSON: Reporter {
    /// Bumped when a key changes meaning or goes away.
    public static let version = 1

    public init() {}

    public func write(_ report: ReviewReport, to output: inout ReportOutput) {
        output.write(json(report).rendered())
    }

    func json(_ report: ReviewReport) -> JSONOutput {
        func value(_ figure: FigureValue) -> JSONOutput { figure.number.map(JSONOutput.number) ?? .null }
        func reason(_ figure: FigureValue) -> JSONOutput {
            if case .absent(let reason) = figure { return .string(reason) }
            return .null
        }
        func step(_ step: ObjectiveStep) -> JSONOutput {
            .object([
                ("validFrom", .optional(step.validFrom?.description)), ("atLeast", step.atLeast.map(JSONOutput.number) ?? .null),
                ("atMost", step.atMost.map(JSONOutput.number) ?? .null),
            ])
        }
        func line(_ line: FigureLine) -> JSONOutput {
            .object([
                ("owner", .optional(line.owner)), ("value", value(line.value)), ("reason", reason(line.value)), ("count", .integer(line.count)),
                ("base", .integer(line.base)), ("sum", .number(line.sum)), ("periods", line.periods.map(JSONOutput.integer) ?? .null),
                ("reachedPercent", line.reached.map(JSONOutput.number) ?? .null), ("met", line.met.map(JSONOutput.bool) ?? .null),
                ("previous", value(line.previous)), ("previousReason", reason(line.previous)),
                ("outlier", .optional(line.outlier?.rawValue)), ("cases", .array(line.examples.map(JSONOutput.string))),
            ])
        }
        let brands = report.brands.map { brand -> JSONOutput in
            let kpis = brand.kpis.map { kpi -> JSONOutput in
                .object([
                    ("journey", .string(kpi.journey)), ("stage", .string(kpi.stage)), ("name", .string(kpi.name)), ("kind", .string(kpi.kind.rawValue)),
                    ("measure", .string(kpi.measure)), ("by", .string(kpi.by.rawValue)), ("objective", kpi.objective.map(step) ?? .null),
                    ("history", .array(kpi.history.map(step))), ("team", line(kpi.team)),
                    ("median", kpi.median.map(JSONOutput.number) ?? .null), ("owners", .array(kpi.owners.map(line))),
                ])
            }
            let drops = brand.drops.map { drop -> JSONOutput in
                .object([
                    ("case", .string(drop.deal)), ("owner", .optional(drop.owner)), ("fromStage", .string(drop.fromStage)),
                    ("toStage", .string(drop.toStage)), ("from", .number(drop.from)), ("to", .number(drop.to)),
                ])
            }
            let forecast: JSONOutput = brand.forecast.map { forecast in
                .object([
                    ("closed", .integer(forecast.closed)), ("won", .integer(forecast.won)), ("brier", value(forecast.brier)),
                    ("stages", .array(forecast.stages.map { stage in
                        .object([
                            ("stage", .string(stage.stage)), ("deals", .integer(stage.deals)), ("won", .integer(stage.won)),
                            ("meanForecast", value(stage.meanForecast)), ("shareWon", value(stage.shareWon)), ("brier", value(stage.brier)),
                            ("withAmount", .integer(stage.withAmount)), ("forecastAmount", .number(stage.forecastAmount)),
                            ("wonAmount", .number(stage.wonAmount)),
                        ])
                    })),
                ])
            } ?? .null
            let markers = brand.markers.map { marker -> JSONOutput in
                .object([
                    ("marker", .string(marker.marker)), ("kind", .string(marker.kind)), ("severity", .string(marker.severity.rawValue)),
                    ("applicable", .integer(marker.applicable)), ("broken", .integer(marker.broken)),
                    ("byOwner", .array(marker.byOwner.map { .object([("owner", .string($0.owner)), ("broken", .integer($0.broken))]) })),
                    ("cases", .array(marker.examples.map(JSONOutput.string))), ("closedMet", .integer(marker.closedMet)),
                    ("wonMet", .integer(marker.wonMet)), ("closedBroken", .integer(marker.closedBroken)), ("wonBroken", .integer(marker.wonBroken)),
                ])
            }
            return .object([
                ("brand", .string(brand.brand)), ("name", .string(brand.name)), ("timeZone", .string(brand.timeZone)),
                ("cases", .integer(brand.cases)), ("matched", .integer(brand.matched)), ("kpis", .array(kpis)),
                ("probabilityDrops", .integer(brand.dropCount)), ("drops", .array(drops)), ("forecast", forecast), ("markers", .array(markers)),
                ("actions", .array(brand.actions.map { .object([("kind", .string($0.kind.rawValue)), ("subject", .string($0.subject)), ("text", .string($0.text))]) })),
            ])
        }
        return .object([
            ("version", .integer(Self.version)), ("period", .string(report.period.description)), ("start", .string(report.period.start.description)),
            ("end", .string(report.period.end.description)), ("previous", .string(report.previous.description)), ("redacted", .bool(report.redacted)),
            ("brands", .array(brands)),
        ])
    }
}
