import EventExports
import JourneyModel
import LivedCases
import PeriodReview

/// Words and figures of the review, shared by its formats.
public enum ReviewWording {
    /// A figure as text: `3.25`, `62.5%` for rates, `9.4 days`; its reason when absent.
    static func figure(_ value: FigureValue, of kpi: KPIReview) -> String {
        switch value {
        case .absent(let reason): reason
        case .value(let value): number(value, of: kpi)
        }
    }

    static func number(_ number: Double, of kpi: KPIReview) -> String {
        switch kpi.quantity {
        case .conversion, .markerShare: LivedWording.percent(number)
        case .duration: "\(decimal(number)) days"
        case .count, .sum: decimal(number)
        }
    }

    /// At most two decimals, trailing zeros left out: `0.31`, `9000`.
    static func decimal(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        guard hundredths.isFinite, abs(hundredths) < 1e17 else { return "—" }
        let whole = Int64(hundredths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let integer = magnitude / 100, fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(integer)" }
        if fraction % 10 == 0 { return "\(sign)\(integer).\(fraction / 10)" }
        return "\(sign)\(integer).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// `138%` of the objective, or `—`.
    static func reached(_ value: Double?) -> String {
        value.map { "\(ReviewBuilder.wholePercent($0))%" } ?? "—"
    }

    /// The objective's history: `≥ 100000 until 2026-06-30, ≥ 120000 from 2026-07-01`.
    static func history(_ steps: [ObjectiveStep]) -> String {
        steps.map { step in step.validFrom.map { "\(step.described) from \($0)" } ?? step.described }.joined(separator: ", ")
    }

    /// Three decimals, for scores between 0 and 1: `0.240`; `no case` when absent.
    static func score(_ value: FigureValue) -> String {
        guard let number = value.number else { return "no case" }
        let thousandths = Int((number * 1000).rounded())
        let fraction = thousandths % 1000
        return "\(thousandths / 1000).\(fraction < 10 ? "00" : fraction < 100 ? "0" : "")\(fraction)"
    }

    /// A share as a percentage, `no case` when absent.
    static func share(_ value: FigureValue) -> String {
        value.number.map { LivedWording.percent($0) } ?? "no case"
    }

    /// The columns of a KPI table, as Markdown and HTML show them.
    static let figureColumns = ["Owner", "Value", "Counts", "Objective reached", "Previous", "Outlier"]

    /// One row of a KPI table, unescaped: the team or an owner.
    static func cells(_ line: FigureLine, of kpi: KPIReview) -> [String] {
        let counts: String = switch kpi.quantity {
        case .conversion, .markerShare: "\(line.count) of \(line.base)"
        case .count: line.periods.map { "\(line.count) in \($0) periods" } ?? "\(line.count)"
        case .sum: "\(line.base) cases"
        case .duration: ""
        }
        let reached = line.reached.map { Self.reached($0) + (line.met == true ? " ✓" : " ✗") } ?? ""
        let outlier = line.outlier.map { $0 == .high ? "≥ 2 × median" : "≤ ½ median" } ?? ""
        return [line.owner ?? "team", figure(line.value, of: kpi), counts, reached, figure(line.previous, of: kpi), outlier]
    }

    /// Text of a file or an export, safe on a terminal line.
    static func safe(_ text: String) -> String {
        Quoted.word(text)
    }

    /// Text from a journey file (a KPI's name), with control and bidirectional characters escaped but not cut.
    static func label(_ text: String) -> String {
        Quoted.word(text, longest: nil)
    }
}
