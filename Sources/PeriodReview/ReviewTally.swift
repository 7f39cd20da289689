import CharterChecker
import EventExports
import JourneyModel
import LivedCases

/// What a brand's review needs, made once and shared by every task: the
/// computable KPIs of its journeys, the touchpoints each counts, a judge
/// per segment, and the two periods compared.
public struct ReviewContext: Sendable {
    public let brand: Brand
    public let journeys: [Journey]
    /// The reviewed period, then the one it is compared with.
    public let periods: [ReviewPeriod]
    public let kpis: [ReviewedKPI]
    let kpisByJourney: [[Int]]
    let judges: [LivedJudge]
    let markerIndex: [String: Int]

    public init(brand: Brand, journeys: [Journey], period: ReviewPeriod, previous: ReviewPeriod) {
        self.brand = brand
        self.journeys = journeys
        periods = [period, previous]
        var kpis: [ReviewedKPI] = []
        var byJourney = Array(repeating: [Int](), count: journeys.count)
        for (index, journey) in journeys.enumerated() {
            for stage in journey.kpis {
                for kpi in stage.kpis {
                    guard let measure = kpi.measure else { continue }
                    var counted = [Bool](repeating: false, count: journey.touchpoints.count)
                    for position in journey.touchpoints.indices {
                        counted[position] = measure.touchpoints.isEmpty ? journey.touchpoints[position].stage == stage.stage : measure.touchpoints.contains(position)
                    }
                    byJourney[index].append(kpis.count)
                    kpis.append(ReviewedKPI(journey: index, stage: stage.stage, kpi: kpi, measure: measure, counted: counted))
                }
            }
        }
        self.kpis = kpis
        kpisByJourney = byJourney
        judges = brand.segments.indices.map { LivedJudge(brand: brand, segment: $0, journeyCount: journeys.count) }
        markerIndex = Dictionary(brand.charter.markers.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The local day (days since 1970 in the brand's zone) of an instant in milliseconds.
    func day(_ milliseconds: Int64) -> Int {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let local = seconds + Int64(brand.timeZone.offset(atSecondsSince1970: seconds))
        return Int(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400)
    }
}

/// A computable KPI of one of the brand's journeys.
public struct ReviewedKPI: Sendable {
    public let journey: Int
    public let stage: Int
    public let kpi: KPI
    public let measure: KPIMeasure
    /// By touchpoint position: whether living it reaches the KPI.
    let counted: [Bool]
}

/// What one group's cases gave one KPI in one period: every count behind
/// the figure, so that it can be recomputed by hand.
public struct Figure: Sendable, Equatable {
    /// Touchpoints or cases counted; for rates, the cases meeting.
    public internal(set) var count = 0
    /// For rates: the cases counted against; for sums: the cases with a value.
    public internal(set) var base = 0
    /// For sums: the total in ten-thousandths, so that adding in any order gives the same total.
    var sumUnits: Int64 = 0
    /// For durations: lived milliseconds → how many cases.
    var durations: [Int64: Int] = [:]
    var examples = CaseExamples()

    public var sum: Double { Double(sumUnits) / 10_000 }

    mutating func merge(_ other: Figure) {
        count += other.count
        base += other.base
        sumUnits &+= other.sumUnits
        durations.merge(other.durations, uniquingKeysWith: +)
        examples.merge(other.examples)
    }
}


/// A deal whose forecast win probability fell from one stage to a later one.
public struct ProbabilityDrop: Sendable, Equatable {
    public let key: [UInt8]
    public let owner: [UInt8]?
    public let fromStage: Int
    public let toStage: Int
    public let from: Double
    public let to: Double
}

/// Forecasts at one stage of the deals closed in the period.
public struct StageCalibration: Sendable, Equatable {
    public internal(set) var deals = 0
    public internal(set) var won = 0
    /// Σ forecast probability, in ten-thousandths.
    var probabilityUnits: Int64 = 0
    /// Σ (probability − outcome)², in hundred-millionths.
    var squaredUnits: Int64 = 0
    /// Σ amount × probability, and Σ amount of the deals won, in ten-thousandths.
    var forecastAmountUnits: Int64 = 0
    var wonAmountUnits: Int64 = 0
    public internal(set) var withAmount = 0

    mutating func merge(_ other: StageCalibration) {
        deals += other.deals
        won += other.won
        probabilityUnits &+= other.probabilityUnits
        squaredUnits &+= other.squaredUnits
        forecastAmountUnits &+= other.forecastAmountUnits
        wonAmountUnits &+= other.wonAmountUnits
        withAmount += other.withAmount
    }
}

/// One marker on the period's deals.
public struct MarkerOnDeals: Sendable, Equatable {
    public internal(set) var applicable = 0
    public internal(set) var broken = 0
    var brokenByOwner: [[UInt8]: Int] = [:]
    var examples = CaseExamples()
    /// Deals closed in the period, and those won, among the cases meeting and breaking it.
    public internal(set) var closedMet = 0, wonMet = 0, closedBroken = 0, wonBroken = 0

    mutating func merge(_ other: MarkerOnDeals) {
        applicable += other.applicable
        broken += other.broken
        brokenByOwner.merge(other.brokenByOwner, uniquingKeysWith: +)
        examples.merge(other.examples)
        closedMet += other.closedMet
        wonMet += other.wonMet
        closedBroken += other.closedBroken
        wonBroken += other.wonBroken
    }
}

/// Everything one task counted over its cases for a brand's review; tallies
/// merge in any order to the same totals.
public struct ReviewTally: Sendable {
    struct FigureKey: Hashable, Sendable {
        let period: Int
        let kpi: Int
        /// nil for the team.
        let owner: [UInt8]?
    }

    public private(set) var cases = 0
    public private(set) var matched = 0
    var figures: [FigureKey: Figure] = [:]
    /// Owners → cases with an event in each period.
    var owners: [[UInt8]: [Int]] = [:]
    var drops: [ProbabilityDrop] = []
    public private(set) var dropCount = 0
    /// By stage position.
    var calibration: [Int: StageCalibration] = [:]
    public private(set) var closed = 0
    public private(set) var won = 0
    /// By marker position.
    var markers: [Int: MarkerOnDeals] = [:]
    private var sessions: [LivedSession]
    /// The lived journey of the case being judged, its buffers kept between cases.
    private var lived = LivedJourney()
    /// The case being judged, matched; its buffers kept between cases.
    private var kept = MatchedCase()
    /// The brand's journeys, each held in an object of this tally's own:
    /// a reference every case counts, and no other task touches.
    private let shared: [SharedJourney]

    /// Drops kept for the report: the smallest case ids.
    static let dropsKept = 20

    public init(context: ReviewContext) {
        sessions = context.judges.map { $0.makeSession() }
        shared = context.journeys.map(SharedJourney.init)
    }

    /// Matches, judges and counts one case.
    public mutating func add(_ observed: ObservedCase, matcher: CaseMatcher, context: ReviewContext) {
        cases += 1
        // Taken out while the case is judged and put back after: passing a
        // stored property along while `self` changes would copy it.
        var matchedCase = MatchedCase()
        swap(&matchedCase, &kept)
        defer { swap(&matchedCase, &kept) }
        guard matcher.match(observed, into: &matchedCase) == nil else { return }
        matched += 1
        let sharedJourney = shared[matchedCase.journey]
        let planned = sharedJourney.journey
        let steps = matchedCase.steps
        let days = observed.events.map { context.day($0.time) }
        let inPeriod = context.periods.map { period in days.contains { period.contains(day: $0, per: nil) } }
        let owner = observed.owner
        if let owner {
            var counts = owners[owner] ?? [0, 0]
            for period in 0..<2 where inPeriod[period] { counts[period] += 1 }
            owners[owner] = counts
        }
        guard inPeriod.contains(true) else { return }

        guard let path = matcher.paths[matchedCase.journey][matchedCase.segment] else { return }
        lived.fill(matchedCase, observed: observed, path: path)
        // Judged where the session is stored: a copy taken out and put back
        // would copy every buffer it holds, per case.
        let judgement = sessions[matchedCase.segment].judge(lived.steps, of: sharedJourney, plannedJourney: matchedCase.journey)
        let stageOf = steps.map { planned.touchpoints[$0.touchpoint].stage }
        let forecast = matcher.compiled.source.forecast

        for index in context.kpisByJourney[matchedCase.journey] {
            count(context.kpis[index], kpi: index, observed: observed, steps: steps, stages: stageOf, days: days, checks: judgement.checks, context: context)
        }
        guard inPeriod[0] else { return }
        let outcome = forecast.flatMap { closing(observed, forecast: $0, source: matcher.compiled.source, days: days, period: context.periods[0]) }
        if let forecast {
            probabilities(observed, steps: steps, stages: stageOf, days: days, forecast: forecast, outcome: outcome, period: context.periods[0])
        }
        if outcome != nil { closed += 1 }
        if outcome == true { won += 1 }
        for marker in judgement.checks.indices where judgement.checks[marker].applicable > 0 {
            var tally = markers[marker] ?? MarkerOnDeals()
            tally.applicable += 1
            let broken = judgement.checks[marker].failed > 0
            if broken {
                tally.broken += 1
                tally.examples.insert(observed.key)
                if let owner { tally.brokenByOwner[owner, default: 0] += 1 }
            }
            if let outcome {
                if broken {
                    tally.closedBroken += 1
                    if outcome { tally.wonBroken += 1 }
                } else {
                    tally.closedMet += 1
                    if outcome { tally.wonMet += 1 }
                }
            }
            markers[marker] = tally
        }
    }

    private mutating func count(
        _ reviewed: ReviewedKPI, kpi: Int, observed: ObservedCase, steps: [LivedStep], stages: [Int], days: [Int], checks: [CheckCount],
        context: ReviewContext
    ) {
        let measure = reviewed.measure
        guard let entry = steps.firstIndex(where: { reviewed.counted[$0.touchpoint] }) else { return }
        let entryEvent = steps[entry].event
        let entryDay = days[entryEvent]
        for period in 0..<2 {
            let window = context.periods[period]
            var figure = Figure()
            switch measure.quantity {
            case .count(.touchpoints):
                figure.count = steps.filter { reviewed.counted[$0.touchpoint] && window.contains(day: days[$0.event], per: measure.per) }.count
            case .count(.cases):
                if window.contains(day: entryDay, per: measure.per) { figure.count = 1 }
            case .conversion(let target):
                guard window.contains(day: entryDay, per: nil) else { continue }
                figure.base = 1
                if stages.contains(target) { figure.count = 1 }
            case .markerShare(let id):
                guard window.contains(day: entryDay, per: nil), let marker = context.markerIndex[id], checks.indices.contains(marker),
                      checks[marker].applicable > 0 else { continue }
                figure.base = 1
                if checks[marker].failed == 0 { figure.count = 1 }
            case .sum(let attribute, let weightedBy, let scale):
                guard window.contains(day: entryDay, per: measure.per), let value = Self.last(attribute, in: observed, through: entryEvent) else { continue }
                var amount = value
                if let weightedBy {
                    guard let weight = Self.last(weightedBy, in: observed, through: entryEvent) else { continue }
                    amount *= weight / scale
                }
                figure.base = 1
                figure.count = 1
                figure.sumUnits = Self.units(amount, 10_000)
            case .duration:
                guard let leave = steps.indices.dropFirst(entry + 1).first(where: { stages[$0] > reviewed.stage }),
                      window.contains(day: days[steps[leave].event], per: nil) else { continue }
                figure.count = 1
                figure.durations[observed.events[steps[leave].event].time - observed.events[entryEvent].time] = 1
            }
            guard figure.count > 0 || figure.base > 0 else { continue }
            figure.examples.insert(observed.key)
            add(figure, at: FigureKey(period: period, kpi: kpi, owner: nil))
            if measure.by == .owner, let owner = observed.owner { add(figure, at: FigureKey(period: period, kpi: kpi, owner: owner)) }
        }
    }

    private mutating func add(_ figure: Figure, at key: FigureKey) {
        if var existing = figures[key] {
            existing.merge(figure)
            figures[key] = existing
        } else {
            figures[key] = figure
        }
    }

    /// Whether the deal closed in the period: true won, false lost, nil not closed there.
    private func closing(_ observed: ObservedCase, forecast: SourceForecast, source: ObservationSource, days: [Int], period: ReviewPeriod) -> Bool? {
        for (index, event) in observed.events.enumerated() {
            let name = observed.name(of: event).map { String(decoding: $0, as: UTF8.self) }
                ?? (event.activity >= 0 ? source.activities[Int(event.activity)].name : "")
            let outcome: Bool? = forecast.won.contains(name) ? true : (forecast.lost.contains(name) ? false : nil)
            guard let outcome else { continue }
            return period.contains(day: days[index], per: nil) ? outcome : nil
        }
        return nil
    }

    /// Drops of the forecast between stages, and, for a deal closed in the period, its calibration.
    private mutating func probabilities(
        _ observed: ObservedCase, steps: [LivedStep], stages: [Int], days: [Int], forecast: SourceForecast, outcome: Bool?, period: ReviewPeriod
    ) {
        // The last forecast lived at each stage, and the day it was lived.
        var byStage: [(stage: Int, probability: Double, day: Int)] = []
        for (index, step) in steps.enumerated() {
            guard let value = observed.values(of: observed.events[step.event]).last(where: { $0.attribute == forecast.probability }) else { continue }
            let probability = value.scalar / forecast.scale
            if let last = byStage.last, last.stage == stages[index] {
                byStage[byStage.count - 1] = (stages[index], probability, days[step.event])
            } else {
                byStage.append((stages[index], probability, days[step.event]))
            }
        }
        var dropped = false
        for index in byStage.indices.dropFirst() where !dropped {
            let before = byStage[index - 1], after = byStage[index]
            guard after.probability < before.probability, period.contains(day: after.day, per: nil) else { continue }
            dropped = true
            dropCount += 1
            let drop = ProbabilityDrop(
                key: observed.key, owner: observed.owner, fromStage: before.stage, toStage: after.stage, from: before.probability * forecast.scale,
                to: after.probability * forecast.scale
            )
            Self.keep(drop, in: &drops)
        }
        guard let outcome else { return }
        let amount = forecast.amount.flatMap { Self.last($0, in: observed, through: observed.events.count - 1) }
        for entry in byStage {
            var calibration = calibration[entry.stage] ?? StageCalibration()
            let probability = min(1, max(0, entry.probability))
            calibration.deals += 1
            if outcome { calibration.won += 1 }
            calibration.probabilityUnits &+= Self.units(probability, 10_000)
            let miss = probability - (outcome ? 1 : 0)
            calibration.squaredUnits &+= Self.units(miss * miss, 100_000_000)
            if let amount {
                calibration.withAmount += 1
                calibration.forecastAmountUnits &+= Self.units(amount * probability, 10_000)
                if outcome { calibration.wonAmountUnits &+= Self.units(amount, 10_000) }
            }
            self.calibration[entry.stage] = calibration
        }
    }

    /// The last lived value of a number attribute on the case's events up to `last` (inclusive).
    static func last(_ attribute: Int, in observed: ObservedCase, through last: Int) -> Double? {
        guard last >= 0 else { return nil }
        for index in stride(from: min(last, observed.events.count - 1), through: 0, by: -1) {
            if let value = observed.values(of: observed.events[index]).last(where: { $0.attribute == attribute && $0.kind == .number }) {
                return value.scalar
            }
        }
        return nil
    }

    static func units(_ value: Double, _ scale: Double) -> Int64 {
        let scaled = (value * scale).rounded()
        guard scaled.isFinite else { return 0 }
        return Int64(clamping: Int64(exactly: max(min(scaled, 9e18), -9e18)) ?? 0)
    }

    static func keep(_ drop: ProbabilityDrop, in drops: inout [ProbabilityDrop]) {
        if drops.count == dropsKept, let last = drops.last, !drop.key.lexicographicallyPrecedes(last.key) { return }
        let index = drops.firstIndex { drop.key.lexicographicallyPrecedes($0.key) } ?? drops.count
        drops.insert(drop, at: index)
        if drops.count > dropsKept { drops.removeLast() }
    }

    /// Adds another task's counts.
    public mutating func merge(_ other: ReviewTally) {
        cases += other.cases
        matched += other.matched
        for (key, figure) in other.figures { add(figure, at: key) }
        owners.merge(other.owners) { [$0[0] + $1[0], $0[1] + $1[1]] }
        for drop in other.drops { Self.keep(drop, in: &drops) }
        dropCount += other.dropCount
        calibration.merge(other.calibration) { var mine = $0; mine.merge($1); return mine }
        closed += other.closed
        won += other.won
        markers.merge(other.markers) { var mine = $0; mine.merge($1); return mine }
    }
}
