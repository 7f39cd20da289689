import JSONWriter
import JourneyModel
import PeriodReview

/// The review as one self-contained HTML page, for a director's meeting:
/// per KPI a bar per owner (or the team) against the objective's line, the
/// calibration plot of the forecasts (forecast probability against share
/// won, per stage, beside the diagonal of a perfect forecast), the charter
/// on the period's deals and the action plan. Inline SVG only; every text
/// is escaped; the same report gives the same bytes.
public struct ReviewHTML: Reporter {
    public init() {}

    static let style = """
    body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 62em; color: #1d2430; }
    h1, h2, h3 { line-height: 1.2; } table { border-collapse: collapse; margin: .5em 0 1em; }
    th, td { border-bottom: 1px solid #d8dde6; padding: .25em .6em; text-align: left; } td.n { text-align: right; }
    svg { display: block; margin: .5em 0; } .bar { fill: #4a78c2; } .bar.high { fill: #2e8b57; } .bar.low { fill: #c0392b; }
    .objective { stroke: #d4a017; stroke-width: 2; stroke-dasharray: 5 3; } .axis { stroke: #8a94a6; } .diagonal { stroke: #8a94a6; stroke-dasharray: 3 3; }
    .point { fill: #4a78c2; } svg text { font-size: 11px; fill: #1d2430; }
    """

    public func write(_ report: ReviewReport, to output: inout ReportOutput) {
        func text(_ value: String) -> String { MarkupEscaping.text(value) }
        output.writeLines(HTMLPage.head(title: "Review of \(report.period)", style: Self.style))
        output.writeLine("<body>")
        output.writeLine("<h1>Review of \(text(report.period.description))</h1>")
        output.writeLine("<p>\(report.period.start) to \(report.period.end), compared with \(report.previous)\(report.redacted ? "; case ids and owners redacted" : "").</p>")
        for brand in report.brands {
            output.writeLine("<h2>\(text(brand.name)) (\(text(brand.brand)))</h2>")
            output.writeLine("<p>\(brand.cases) cases, \(brand.matched) matched; periods in \(text(brand.timeZone)).</p>")
            if brand.kpis.isEmpty { output.writeLine("<p>No computable KPI: give a KPI a <code>measure</code>.</p>") }
            for kpi in brand.kpis {
                let objective = kpi.objective.map { "objective \($0.described)" } ?? "no objective"
                output.writeLine("<h3>\(text(kpi.stage)) · \(text(kpi.name))</h3>")
                output.writeLine("<p>\(text(kpi.measure)); \(text(objective))"
                    + (kpi.history.count > 1 ? " (history: \(text(ReviewWording.history(kpi.history))))" : "")
                    + (kpi.median.map { "; team median \(text(ReviewWording.number($0, of: kpi)))" } ?? "") + "</p>")
                output.writeLine(Self.bars(kpi))
                output.writeLine("<table><tr>" + ReviewWording.figureColumns.map { "<th>\(text($0))</th>" }.joined() + "</tr>")
                for line in [kpi.team] + kpi.owners {
                    let cells = ReviewWording.cells(line, of: kpi)
                    output.writeLine("<tr>" + cells.enumerated().map { index, cell in
                        index == 1 || index == 4 ? "<td class=\"n\">\(text(cell))</td>" : "<td>\(text(cell))</td>"
                    }.joined() + "</tr>")
                }
                output.writeLine("</table>")
            }
            output.writeLine("<h3>Forecast reliability</h3>")
            if let forecast = brand.forecast {
                output.writeLine("<p>\(forecast.closed) deals closed, \(forecast.won) won; Brier score \(ReviewWording.score(forecast.brier)); \(brand.dropCount) deals whose win probability fell between stages.</p>")
                output.writeLine(Self.calibration(forecast))
            } else {
                output.writeLine("<p>No forecast: give the source a <code>forecast</code>.</p>")
            }
            output.writeLine("<h3>The charter on the period's deals</h3>")
            if brand.markers.isEmpty {
                output.writeLine("<p>No marker applied.</p>")
            } else {
                output.writeLine("<table><tr><th>Marker</th><th>Severity</th><th>Broken</th><th>Won when broken</th><th>Won when met</th></tr>")
                for marker in brand.markers {
                    output.writeLine("<tr><td>\(text(marker.marker))</td><td>\(HTMLPage.severityBadge(marker.severity))</td><td class=\"n\">\(marker.broken) of \(marker.applicable)</td>"
                        + "<td class=\"n\">\(marker.wonBroken) of \(marker.closedBroken)</td><td class=\"n\">\(marker.wonMet) of \(marker.closedMet)</td></tr>")
                }
                output.writeLine("</table>")
            }
            output.writeLine("<h3>Action plan</h3>")
            output.writeLine(brand.actions.isEmpty ? "<p>Nothing to change.</p>" : "<ol>" + brand.actions.map { "<li>\(text($0.text))</li>" }.joined() + "</ol>")
        }
        output.writeLine("</body>")
        output.writeLine("</html>")
    }

    /// Two decimals in SVG coordinates, the same bytes on every machine.
    static func coordinate(_ value: Double) -> String { ReviewWording.decimal(value) }

    /// A bar per owner (or the team's alone), the objective as a dashed line.
    static func bars(_ kpi: KPIReview) -> String {
        let lines = kpi.owners.isEmpty ? [kpi.team] : kpi.owners
        let values = lines.map { $0.value.number ?? 0 }
        let objective = kpi.objective.flatMap { $0.atLeast ?? $0.atMost }
        let top = max(values.max() ?? 0, objective ?? 0, 1e-9)
        let width = 90.0, height = 110.0, left = 40.0
        var svg = "<svg role=\"img\" aria-label=\"\(MarkupEscaping.attribute(kpi.name)) per owner\" width=\"\(Int(left) + lines.count * Int(width) + 10)\" height=\"140\" viewBox=\"0 0 \(Int(left) + lines.count * Int(width) + 10) 140\">"
        svg += "<line class=\"axis\" x1=\"\(Int(left))\" y1=\"\(Int(height))\" x2=\"\(Int(left) + lines.count * Int(width))\" y2=\"\(Int(height))\"/>"
        for (index, line) in lines.enumerated() {
            let barHeight = values[index] / top * (height - 10)
            let x = left + Double(index) * width + 15
            let kind = line.outlier.map { " \($0.rawValue)" } ?? ""
            svg += "<rect class=\"bar\(kind)\" x=\"\(coordinate(x))\" y=\"\(coordinate(height - barHeight))\" width=\"60\" height=\"\(coordinate(barHeight))\"/>"
            svg += "<text x=\"\(coordinate(x))\" y=\"\(Int(height) + 14)\">\(MarkupEscaping.text(ReviewWording.safe(line.owner ?? "team")))</text>"
            svg += "<text x=\"\(coordinate(x))\" y=\"\(coordinate(height - barHeight - 3))\">\(MarkupEscaping.text(ReviewWording.figure(line.value, of: kpi)))</text>"
        }
        if let objective {
            let y = height - objective / top * (height - 10)
            svg += "<line class=\"objective\" x1=\"\(Int(left))\" y1=\"\(coordinate(y))\" x2=\"\(Int(left) + lines.count * Int(width))\" y2=\"\(coordinate(y))\"/>"
            svg += "<text x=\"2\" y=\"\(coordinate(y + 4))\">\(MarkupEscaping.text(ReviewWording.decimal(objective)))</text>"
        }
        return svg + "</svg>"
    }

    /// Forecast probability (x) against the share won (y), a point per stage.
    static func calibration(_ forecast: ForecastReview) -> String {
        let size = 200.0, margin = 30.0
        var svg = "<svg role=\"img\" aria-label=\"Calibration of the forecasts\" width=\"260\" height=\"250\" viewBox=\"0 0 260 250\">"
        svg += "<line class=\"axis\" x1=\"\(Int(margin))\" y1=\"\(Int(margin + size))\" x2=\"\(Int(margin + size))\" y2=\"\(Int(margin + size))\"/>"
        svg += "<line class=\"axis\" x1=\"\(Int(margin))\" y1=\"\(Int(margin))\" x2=\"\(Int(margin))\" y2=\"\(Int(margin + size))\"/>"
        svg += "<line class=\"diagonal\" x1=\"\(Int(margin))\" y1=\"\(Int(margin + size))\" x2=\"\(Int(margin + size))\" y2=\"\(Int(margin))\"/>"
        svg += "<text x=\"\(Int(margin))\" y=\"\(Int(margin + size + 16))\">forecast probability →</text>"
        svg += "<text x=\"2\" y=\"\(Int(margin - 8))\">share won ↑</text>"
        for stage in forecast.stages {
            guard let x = stage.meanForecast.number, let y = stage.shareWon.number else { continue }
            let cx = margin + min(max(x, 0), 1) * size, cy = margin + size - min(max(y, 0), 1) * size
            svg += "<circle class=\"point\" cx=\"\(coordinate(cx))\" cy=\"\(coordinate(cy))\" r=\"4\"><title>\(MarkupEscaping.text(stage.stage)): \(stage.deals) deals</title></circle>"
            svg += "<text x=\"\(coordinate(cx + 6))\" y=\"\(coordinate(cy - 4))\">\(MarkupEscaping.text(stage.stage))</text>"
        }
        return svg + "</svg>"
    }
}
