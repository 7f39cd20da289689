import JSONWriter
import JourneyModel
import PeriodReview

/// The review as a terminal shows it: per brand each KPI against its
/// objective (with the previous period and the objective's history), the
/// owners with the team median and outliers, forecast drops, forecast
/// reliability, the charter on the period's deals and the action plan.
public struct ReviewText: Reporter {
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    public func write(_ report: ReviewReport, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        line(style.bold("Review of \(report.period) (\(report.period.start) to \(report.period.end), compared with \(report.previous))")
            + (report.redacted ? " (case ids and owners redacted)" : ""))
        if report.brands.isEmpty { line("  no source: add Observations/<brand>/*.source.jsonc") }
        for brand in report.brands {
            line("")
            line(style.bold("━━ \(ReviewWording.label(brand.name)) (\(brand.brand)) · \(brand.timeZone) ━━"))
            line("Cases \(LivedWording.count(brand.cases)), matched \(LivedWording.count(brand.matched))")
            line("")
            line(style.bold("KPIs"))
            if brand.kpis.isEmpty { line("  no computable KPI: give a KPI a 'measure'") }
            for kpi in brand.kpis {
                let objective = kpi.objective.map { " · objective \($0.described)" } ?? " · no objective"
                line("  \(kpi.stage) · \(ReviewWording.label(kpi.name)) (\(kpi.kind.rawValue); \(ReviewWording.label(kpi.measure)))\(objective)")
                if kpi.history.count > 1 { line("    objective history: \(ReviewWording.history(kpi.history))") }
                line("    team: \(figure(kpi.team, kpi))")
                if kpi.by == .owner {
                    line("    team median: \(kpi.median.map { ReviewWording.number($0, of: kpi) } ?? "no case")")
                    for owner in kpi.owners {
                        let mark = owner.outlier.map { $0 == .high ? " ▲ at least twice the median" : " ▼ at most half the median" } ?? ""
                        line("    \(ReviewWording.safe(owner.owner ?? "")): \(figure(owner, kpi))\(mark)")
                    }
                }
            }
            line("")
            line(style.bold("Win probability falling between stages") + ": \(LivedWording.count(brand.dropCount)) deals")
            for drop in brand.drops {
                line("  \(ReviewWording.safe(drop.deal)) (\(ReviewWording.safe(drop.owner ?? "no owner"))): \(ReviewWording.decimal(drop.from)) at \(drop.fromStage) → \(ReviewWording.decimal(drop.to)) at \(drop.toStage)")
            }
            if brand.dropCount > brand.drops.count { line("  … \(LivedWording.count(brand.dropCount - brand.drops.count)) more") }
            line("")
            line(style.bold("Forecast reliability"))
            if let forecast = brand.forecast {
                line("  deals closed: \(LivedWording.count(forecast.closed)), won \(LivedWording.count(forecast.won)); Brier score \(ReviewWording.score(forecast.brier))")
                for stage in forecast.stages {
                    line("  \(stage.stage): \(LivedWording.count(stage.deals)) deals, forecast \(ReviewWording.share(stage.meanForecast)), won \(ReviewWording.share(stage.shareWon)) (\(stage.won)); Brier \(ReviewWording.score(stage.brier)); forecast amount \(ReviewWording.decimal(stage.forecastAmount)), won amount \(ReviewWording.decimal(stage.wonAmount))")
                }
            } else {
                line("  no forecast: give the source a 'forecast'")
            }
            line("")
            line(style.bold("The charter on the period's deals"))
            if brand.markers.isEmpty { line("  no marker applied") }
            for marker in brand.markers {
                var text = "  \(marker.marker) (\(marker.kind), \(marker.severity.rawValue)): broken on \(marker.broken) of \(marker.applicable) deals"
                if marker.closedBroken + marker.closedMet > 0 {
                    text += "; won \(marker.wonBroken) of \(marker.closedBroken) closed when broken, \(marker.wonMet) of \(marker.closedMet) when met"
                }
                line(text)
                if !marker.byOwner.isEmpty {
                    line("    by owner: " + marker.byOwner.map { "\(ReviewWording.safe($0.owner)) \($0.broken)" }.joined(separator: ", "))
                }
                if !marker.examples.isEmpty { line("    e.g. " + marker.examples.map(ReviewWording.safe).joined(separator: ", ")) }
            }
            line("")
            line(style.bold("Action plan"))
            if brand.actions.isEmpty { line("  nothing to change") }
            for (index, action) in brand.actions.enumerated() {
                line("  \(index + 1). \(ReviewWording.label(action.text))")
            }
        }
    }

    private func figure(_ line: FigureLine, _ kpi: KPIReview) -> String {
        var text = ReviewWording.figure(line.value, of: kpi)
        switch kpi.quantity {
        case .conversion, .markerShare: text += " (\(line.count) of \(line.base))"
        case .count: if let periods = line.periods { text += " (\(line.count) in \(periods) periods)" }
        case .sum: text += " (\(line.base) cases)"
        case .duration: break
        }
        if let reached = line.reached { text += ", \(ReviewWording.reached(reached)) of objective" + (line.met == true ? " ✓" : " ✗") }
        text += "; previous \(ReviewWording.figure(line.previous, of: kpi))"
        return text
    }
}
