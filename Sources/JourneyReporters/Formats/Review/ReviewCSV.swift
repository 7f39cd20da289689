import JSONWriter
import JourneyModel
import PeriodReview

/// The review's KPI figures as CSV, one row per KPI and team or owner,
/// for a spreadsheet; fields go through ``CSVField`` (quoted, and guarded
/// against formulas).
public struct ReviewCSV: Reporter {
    public static let header = [
        "period", "brand", "journey", "stage", "kpi", "kind", "measure", "owner", "value", "reason", "count", "base", "periods",
        "objective", "reached_percent", "met", "previous", "outlier",
    ]

    public init() {}

    public func write(_ report: ReviewReport, to output: inout ReportOutput) {
        output.write(CSVField.record(Self.header))
        for brand in report.brands {
            for kpi in brand.kpis {
                for line in [kpi.team] + kpi.owners {
                    let value = line.value.number.map(ReviewWording.decimal) ?? ""
                    let reason: String = if case .absent(let why) = line.value { why } else { "" }
                    output.write(CSVField.record([
                        report.period.description, brand.brand, kpi.journey, kpi.stage, kpi.name, kpi.kind.rawValue, kpi.measure,
                        line.owner ?? "(team)", value, reason, String(line.count), String(line.base), line.periods.map(String.init) ?? "",
                        kpi.objective?.described ?? "", line.reached.map(ReviewWording.decimal) ?? "", line.met.map { $0 ? "yes" : "no" } ?? "",
                        line.previous.number.map(ReviewWording.decimal) ?? "", line.outlier?.rawValue ?? "",
                    ]))
                }
            }
        }
    }
}
