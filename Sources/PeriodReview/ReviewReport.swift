import JourneyModel

/// The end-of-period review of one or more brands: each computable KPI
/// against its objective, per owner with the team median and outliers,
/// forecasts against outcomes, the charter on the period's deals, and an
/// action plan. Every figure carries the counts it comes from; a figure
/// that cannot be computed is absent with the reason (`no case`), never NaN.
public struct ReviewReport: Sendable {
    public let period: ReviewPeriod
    public let previous: ReviewPeriod
    public let brands: [BrandReview]
    public let redacted: Bool

    public init(period: ReviewPeriod, previous: ReviewPeriod, brands: [BrandReview], redacted: Bool) {
        self.period = period
        self.previous = previous
        self.brands = brands
        self.redacted = redacted
    }
}

public struct BrandReview: Sendable {
    public let brand: String
    public let name: String
    public let timeZone: String
    public let cases: Int
    public let matched: Int
    public let kpis: [KPIReview]
    public let drops: [DropLine]
    public let dropCount: Int
    public let forecast: ForecastReview?
    public let markers: [MarkerReview]
    public let actions: [ReviewAction]
}

/// A figure, or why there is none.
public enum FigureValue: Sendable, Equatable {
    case value(Double)
    case absent(String)

    public var number: Double? {
        if case .value(let value) = self { value } else { nil }
    }
}

/// One figure with the counts behind it.
public struct FigureLine: Sendable, Equatable {
    /// The owner (redacted when asked), nil for the team.
    public let owner: String?
    public let value: FigureValue
    /// Touchpoints, cases or cases meeting; for rates, of `base`.
    public let count: Int
    public let base: Int
    public let sum: Double
    /// How many periods of the measure's `per` the value is the mean over.
    public let periods: Int?
    /// Percent of the objective reached, when there is one.
    public let reached: Double?
    public let met: Bool?
    public let previous: FigureValue
    /// Outliers: at least twice the team median (`high`) or at most half of it (`low`).
    public let outlier: Outlier?
    public let examples: [String]

    public enum Outlier: String, Sendable {
        case high, low
    }
}

public struct KPIReview: Sendable {
    public let journey: String
    public let stage: String
    public let name: String
    public let kind: KPIKind
    /// The measure in words, and what it computes.
    public let measure: String
    public let quantity: KPIQuantity
    public let by: KPIGrouping
    public let objective: ObjectiveStep?
    public let history: [ObjectiveStep]
    public let team: FigureLine
    /// Each owner's figure, owners by name; empty for team KPIs.
    public let owners: [FigureLine]
    public let median: Double?
}

public struct DropLine: Sendable, Equatable {
    public let deal: String
    public let owner: String?
    public let fromStage: String
    public let toStage: String
    public let from: Double
    public let to: Double
}

public struct ForecastReview: Sendable {
    public let closed: Int
    public let won: Int
    public let stages: [CalibrationLine]
    /// Over every stage's forecast of every deal closed.
    public let brier: FigureValue
}

public struct CalibrationLine: Sendable, Equatable {
    public let stage: String
    public let deals: Int
    public let won: Int
    public let meanForecast: FigureValue
    public let shareWon: FigureValue
    public let brier: FigureValue
    public let withAmount: Int
    public let forecastAmount: Double
    public let wonAmount: Double
}

public struct MarkerReview: Sendable, Equatable {
    public let marker: String
    public let kind: String
    public let severity: Severity
    public let applicable: Int
    public let broken: Int
    public let byOwner: [(owner: String, broken: Int)]
    public let examples: [String]
    public let closedMet: Int
    public let wonMet: Int
    public let closedBroken: Int
    public let wonBroken: Int

    public static func == (left: Self, right: Self) -> Bool {
        left.marker == right.marker && left.applicable == right.applicable && left.broken == right.broken
            && left.byOwner.map(\.owner) == right.byOwner.map(\.owner) && left.byOwner.map(\.broken) == right.byOwner.map(\.broken)
            && left.examples == right.examples && left.closedMet == right.closedMet && left.wonMet == right.wonMet
            && left.closedBroken == right.closedBroken && left.wonBroken == right.wonBroken && left.kind == right.kind && left.severity == right.severity
    }
}

/// One item of the action plan.
public struct ReviewAction: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case raiseObjective = "raise-objective"
        case lowerObjective = "lower-objective"
        case follow = "follow"
        case pair = "pair"
        case rule = "rule"
    }

    public let kind: Kind
    /// The KPI's name, or the marker's id.
    public let subject: String
    public let text: String
}

/// Builds the review from merged tallies.
public enum ReviewBuilder {
    /// An objective reached at or above this share (or at or below its inverse) is to be revised.
    public static let reviseAbove = 1.3
    public static let reviseBelow = 0.7

    public static func brand(
        _ context: ReviewContext, tally: ReviewTally, label: ([UInt8]) -> String
    ) -> BrandReview {
        let brand = context.brand
        let period = context.periods[0]
        let owners = tally.owners.keys.sorted { $0.lexicographicallyPrecedes($1) }
        var kpis: [KPIReview] = []
        for (index, reviewed) in context.kpis.enumerated() {
            let objective = reviewed.kpi.objective?.step(on: period.start)
            // An owner KPI's objective is each owner's; the team's total is not held to it.
            func line(_ owner: [UInt8]?) -> FigureLine {
                let current = tally.figures[ReviewTally.FigureKey(period: 0, kpi: index, owner: owner)]
                let previous = tally.figures[ReviewTally.FigureKey(period: 1, kpi: index, owner: owner)]
                let value = figureValue(current, measure: reviewed.measure, period: context.periods[0])
                let judged = owner != nil || reviewed.measure.by == .team
                let (reached, met) = judge(value.number, objective: judged ? objective : nil)
                return FigureLine(
                    owner: owner.map(label), value: value, count: current?.count ?? 0, base: current?.base ?? 0, sum: current?.sum ?? 0,
                    periods: reviewed.measure.per.flatMap { context.periods[0].count(of: $0) }, reached: reached, met: met,
                    previous: figureValue(previous, measure: reviewed.measure, period: context.periods[1]), outlier: nil,
                    examples: (current?.examples.keys ?? []).map(label)
                )
            }
            let team = line(nil)
            var ownerLines: [FigureLine] = []
            var median: Double?
            if reviewed.measure.by == .owner {
                ownerLines = owners.map { line($0) }
                median = Self.median(ownerLines.compactMap(\.value.number))
                if let median, median > 0 {
                    ownerLines = ownerLines.map { line in
                        guard let value = line.value.number else { return line }
                        let outlier: FigureLine.Outlier? = value >= 2 * median ? .high : (value <= median / 2 ? .low : nil)
                        return FigureLine(
                            owner: line.owner, value: line.value, count: line.count, base: line.base, sum: line.sum, periods: line.periods,
                            reached: line.reached, met: line.met, previous: line.previous, outlier: outlier, examples: line.examples
                        )
                    }
                }
            }
            kpis.append(KPIReview(
                journey: context.journeys[reviewed.journey].id, stage: brand.stages[reviewed.stage].id, name: reviewed.kpi.name,
                kind: reviewed.kpi.kind, measure: describe(reviewed.measure, brand: brand, stage: reviewed.stage), quantity: reviewed.measure.quantity,
                by: reviewed.measure.by,
                objective: objective, history: reviewed.kpi.objective?.steps ?? [], team: team, owners: ownerLines, median: median
            ))
        }
        let drops = tally.drops.map { drop in
            DropLine(
                deal: label(drop.key), owner: drop.owner.map(label), fromStage: brand.stages[drop.fromStage].id, toStage: brand.stages[drop.toStage].id,
                from: drop.from, to: drop.to
            )
        }
        var forecast: ForecastReview?
        if !tally.calibration.isEmpty || tally.closed > 0 {
            var deals = 0
            var squared: Int64 = 0
            let stages = tally.calibration.keys.sorted().map { stage -> CalibrationLine in
                let entry = tally.calibration[stage] ?? StageCalibration()
                deals += entry.deals
                squared &+= entry.squaredUnits
                return CalibrationLine(
                    stage: brand.stages[stage].id, deals: entry.deals, won: entry.won,
                    meanForecast: ratio(Double(entry.probabilityUnits) / 10_000, entry.deals),
                    shareWon: ratio(Double(entry.won), entry.deals),
                    brier: ratio(Double(entry.squaredUnits) / 100_000_000, entry.deals),
                    withAmount: entry.withAmount, forecastAmount: Double(entry.forecastAmountUnits) / 10_000,
                    wonAmount: Double(entry.wonAmountUnits) / 10_000
                )
            }
            forecast = ForecastReview(closed: tally.closed, won: tally.won, stages: stages, brier: ratio(Double(squared) / 100_000_000, deals))
        }
        // Stage KPIs judge the plan's files, not what a deal lived.
        let markers = tally.markers.keys.sorted().filter { brand.charter.markers[$0].kind != .stageKPI }.map { index -> MarkerReview in
            let entry = tally.markers[index] ?? MarkerOnDeals()
            let marker = brand.charter.markers[index]
            let byOwner = entry.brokenByOwner.map { (owner: label($0.key), broken: $0.value) }
                .sorted { ($1.broken, $0.owner) < ($0.broken, $1.owner) }
            return MarkerReview(
                marker: marker.id, kind: marker.kind.rawValue, severity: marker.severity, applicable: entry.applicable, broken: entry.broken,
                byOwner: Array(byOwner.prefix(20)), examples: entry.examples.keys.map(label), closedMet: entry.closedMet, wonMet: entry.wonMet,
                closedBroken: entry.closedBroken, wonBroken: entry.wonBroken
            )
        }
        return BrandReview(
            brand: brand.id, name: brand.name, timeZone: brand.timeZone.identifier, cases: tally.cases, matched: tally.matched, kpis: kpis,
            drops: drops, dropCount: tally.dropCount, forecast: forecast, markers: markers, actions: actions(kpis: kpis, markers: markers)
        )
    }

    /// The action plan, in this order: objectives to revise, KPIs to follow,
    /// reps to pair, rules broken most often (the three most broken).
    static func actions(kpis: [KPIReview], markers: [MarkerReview]) -> [ReviewAction] {
        var revise: [ReviewAction] = [], follow: [ReviewAction] = [], pair: [ReviewAction] = []
        for kpi in kpis {
            guard let objective = kpi.objective else { continue }
            // Owner KPIs are judged by the median owner's share of the objective.
            let reached = kpi.by == .owner ? median(kpi.owners.compactMap(\.reached)) : kpi.team.reached
            if let reached {
                let share = reached / 100
                if share >= reviseAbove, objective.atMost == nil {
                    revise.append(ReviewAction(kind: .raiseObjective, subject: kpi.name, text: "Raise the objective of '\(kpi.name)' (\(objective.described)): \(percent(reached)) reached."))
                } else if share <= reviseBelow, objective.atLeast != nil {
                    revise.append(ReviewAction(kind: .lowerObjective, subject: kpi.name, text: "Review the objective of '\(kpi.name)' (\(objective.described)) or what holds it back: \(percent(reached)) reached."))
                }
            }
            let missed = kpi.by == .owner ? kpi.owners.filter { $0.met == false }.count : (kpi.team.met == false ? 1 : 0)
            if missed > 0, !revise.contains(where: { $0.subject == kpi.name }) {
                let who = kpi.by == .owner ? " for \(missed) of \(kpi.owners.count) owners" : ""
                follow.append(ReviewAction(kind: .follow, subject: kpi.name, text: "Follow '\(kpi.name)' closely: objective \(objective.described) missed\(who)."))
            }
        }
        for kpi in kpis where kpi.by == .owner {
            let lowerIsBetter = kpi.objective?.atMost != nil && kpi.objective?.atLeast == nil
            let valued = kpi.owners.filter { $0.value.number != nil }
            guard let best = valued.max(by: { left, right in
                let (a, b) = (left.value.number ?? 0, right.value.number ?? 0)
                return lowerIsBetter ? (a > b || (a == b && (left.owner ?? "") < (right.owner ?? ""))) : (a < b || (a == b && (left.owner ?? "") > (right.owner ?? "")))
            }), let bestOwner = best.owner else { continue }
            // Owners far from the team (an outlier on the wrong side) or missing the objective learn from the best.
            let weak = kpi.owners.filter { $0.outlier == (lowerIsBetter ? .high : .low) || $0.met == false }
            for line in weak {
                guard let owner = line.owner, owner != bestOwner else { continue }
                pair.append(ReviewAction(kind: .pair, subject: kpi.name, text: "Pair \(owner) with \(bestOwner) on '\(kpi.name)'."))
            }
        }
        let rules = markers.filter { $0.broken > 0 }.sorted { ($1.broken, $0.marker) < ($0.broken, $1.marker) }.prefix(3).map { marker in
            ReviewAction(kind: .rule, subject: marker.marker, text: "Rule '\(marker.marker)' broken on \(marker.broken) of \(marker.applicable) deals.")
        }
        return revise + follow + pair + rules
    }

    static func ratio(_ part: Double, _ whole: Int) -> FigureValue {
        whole == 0 ? .absent("no case") : .value(part / Double(whole))
    }

    static func figureValue(_ figure: Figure?, measure: KPIMeasure, period: ReviewPeriod) -> FigureValue {
        let periods: Int
        if let per = measure.per {
            guard let count = period.count(of: per), count > 0 else { return .absent("period shorter than \(per.rawValue)") }
            periods = count
        } else {
            periods = 1
        }
        switch measure.quantity {
        case .count: return .value(Double(figure?.count ?? 0) / Double(periods))
        case .conversion, .markerShare: return ratio(Double(figure?.count ?? 0), figure?.base ?? 0)
        case .sum:
            guard let figure, figure.base > 0 else { return .absent("no case") }
            return .value(figure.sum / Double(periods))
        case .duration(let statistic):
            guard let figure, !figure.durations.isEmpty else { return .absent("no case") }
            let sorted = figure.durations.sorted { $0.key < $1.key }
            let total = sorted.reduce(0) { $0 + $1.value }
            let share = statistic == .median ? 0.5 : 0.9
            let rank = max(1, Int((share * Double(total)).rounded(.up)))
            var seen = 0
            for (milliseconds, count) in sorted {
                seen += count
                if seen >= rank { return .value(Double(milliseconds) / 86_400_000) }
            }
            return .absent("no case")
        }
    }

    /// Percent of the objective reached, and whether it is met.
    static func judge(_ value: Double?, objective: ObjectiveStep?) -> (Double?, Bool?) {
        guard let value, let objective else { return (nil, nil) }
        let met = (objective.atLeast.map { value >= $0 } ?? true) && (objective.atMost.map { value <= $0 } ?? true)
        let reference: Double? = if let low = objective.atLeast, value < low || objective.atMost == nil { low } else { objective.atMost }
        guard let reference, reference != 0 else { return (nil, met) }
        return (value / reference * 100, met)
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    public static func percent(_ value: Double) -> String {
        "\(wholePercent(value)) %"
    }

    /// A share of an objective rounded to a whole number, bounded: a tiny
    /// objective (`atLeast: 1e-300`) gives an infinite share, shown as the
    /// largest one written, `1000000000000000`; not a number shows as `—`.
    public static func wholePercent(_ value: Double) -> String {
        guard !value.isNaN else { return "—" }
        return "\(Int64(min(max(value.rounded(), -1e15), 1e15)))"
    }

    /// A measure in words: "touchpoints at discovery-visit per P1W, by owner".
    static func describe(_ measure: KPIMeasure, brand: Brand, stage: Int) -> String {
        let base: String = switch measure.quantity {
        case .count(let unit): "\(unit.rawValue) reaching \(brand.stages[stage].id)"
        case .conversion(let to): "conversion \(brand.stages[stage].id) → \(brand.stages[to].id)"
        case .markerShare(let marker): "share of cases meeting \(marker)"
        case .sum(let attribute, let weight, let scale):
            "sum of \(brand.attributes[attribute].id)" + (weight.map { " × \(brand.attributes[$0].id)" + (scale == 1 ? "" : " ÷ \(AttributeDefinition.render(scale))") } ?? "")
        case .duration(let statistic): "\(statistic.rawValue) days in \(brand.stages[stage].id)"
        }
        return base + (measure.per.map { " per \($0.rawValue)" } ?? "") + (measure.by == .owner ? ", by owner" : "")
    }
}
