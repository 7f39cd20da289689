import JSONWriter
import JourneyModel
import PeriodReview

/// The review as Markdown, for a pull request or a wiki: per brand a table
/// per KPI (team and owners), the forecast's calibration, the charter on
/// the period's deals and the action plan. Every cell is escaped.
public struct ReviewMarkdown: Reporter {
    public init() {}

    public func write(_ report: ReviewReport, to output: inout ReportOutput) {
        func cell(_ text: String) -> String { MarkdownEscaping.cell(text) }
        output.writeLine("# Review of \(report.period)")
        output.writeLine("")
        output.writeLine("\(report.period.start) to \(report.period.end), compared with \(report.previous)"
            + (report.redacted ? "; case ids and owners redacted." : "."))
        for brand in report.brands {
            output.writeLine("")
            output.writeLine("## \(cell(brand.name)) (\(cell(brand.brand)))")
            output.writeLine("")
            output.writeLine("\(brand.cases) cases, \(brand.matched) matched; periods in \(cell(brand.timeZone)).")
            if brand.kpis.isEmpty {
                output.writeLine("")
                output.writeLine("No computable KPI: give a KPI a `measure`.")
            }
            for kpi in brand.kpis {
                output.writeLine("")
                let objective = kpi.objective.map { "objective \($0.described)" } ?? "no objective"
                output.writeLine("### \(cell(kpi.stage)) · \(cell(kpi.name))")
                output.writeLine("")
                output.writeLine("\(cell(kpi.measure)); \(cell(objective))"
                    + (kpi.history.count > 1 ? " (history: \(cell(ReviewWording.history(kpi.history))))" : "")
                    + (kpi.median.map { "; team median \(cell(ReviewWording.number($0, of: kpi)))" } ?? ""))
                output.writeLine("")
                output.writeLines(MarkdownTable.header(ReviewWording.figureColumns, rightAligned: [1, 4]))
                for line in [kpi.team] + kpi.owners { output.writeLine(MarkdownTable.row(ReviewWording.cells(line, of: kpi).map(cell))) }
            }
            output.writeLine("")
            output.writeLine("### Forecast reliability")
            output.writeLine("")
            if let forecast = brand.forecast {
                output.writeLine("\(forecast.closed) deals closed, \(forecast.won) won; Brier score \(ReviewWording.score(forecast.brier)); "
                    + "\(brand.dropCount) deals whose win probability fell between stages.")
                output.writeLine("")
                output.writeLines(MarkdownTable.header(["Stage", "Deals", "Forecast", "Won", "Brier", "Forecast amount", "Won amount"], rightAligned: [1, 2, 3, 4, 5, 6]))
                for stage in forecast.stages {
                    output.writeLine(MarkdownTable.row([
                        cell(stage.stage), "\(stage.deals)", cell(ReviewWording.share(stage.meanForecast)), cell(ReviewWording.share(stage.shareWon)),
                        ReviewWording.score(stage.brier), ReviewWording.decimal(stage.forecastAmount), ReviewWording.decimal(stage.wonAmount),
                    ]))
                }
            } else {
                output.writeLine("No forecast: give the source a `forecast`.")
            }
            output.writeLine("")
            output.writeLine("### The charter on the period's deals")
            output.writeLine("")
            if brand.markers.isEmpty {
                output.writeLine("No marker applied.")
            } else {
                output.writeLines(MarkdownTable.header(["Marker", "Severity", "Broken", "Of", "Won when broken", "Won when met"], rightAligned: [2, 3]))
            }
            for marker in brand.markers {
                output.writeLine(MarkdownTable.row([
                    cell(marker.marker), marker.severity.rawValue, "\(marker.broken)", "\(marker.applicable)",
                    "\(marker.wonBroken) of \(marker.closedBroken)", "\(marker.wonMet) of \(marker.closedMet)",
                ]))
            }
            output.writeLine("")
            output.writeLine("### Action plan")
            output.writeLine("")
            if brand.actions.isEmpty { output.writeLine("Nothing to change.") }
            for (index, action) in brand.actions.enumerated() { output.writeLine("\(index + 1). \(cell(action.text))") }
        }
    }
}
