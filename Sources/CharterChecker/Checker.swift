import JourneyModel
import OrderedTasks

/// Audits every journey of a workspace against its brand's charter.
///
/// A pure function of the workspace: each brand's segments are judged in
/// parallel, and the results are put back in a fixed order, so the same
/// workspace always gives the same report.
///
/// ```swift
/// let report = await Checker.check(workspace)
/// let wording = GapWording(workspace)
/// for gap in report.openGaps { print(wording.location(of: gap), wording.message(of: gap)) }
/// ```
public enum Checker {
    /// - Parameters:
    ///   - incompleteBrands: brands some of whose journeys are left out (their
    ///     files are unusable): whether one of their markers applies nowhere
    ///     cannot be told, so it is not said.
    ///   - gapBudget: how many gaps to keep at most. Past it, the report
    ///     keeps none: they are made again, journey by journey, when a
    ///     report walks them (``CheckReport/regeneration``).
    public static func check(_ workspace: Workspace, incompleteBrands: Set<String> = [], gapBudget: Int = .max) async -> CheckReport {
        let plan = CheckPlan(workspace)
        let budget = gapBudget == .max ? nil : GapBudget(limit: gapBudget)
        var outcomes = await OrderedTasks.map(plan.units) { evaluate($0, budget: budget) }

        var used = [String: Set<SuppressionUse>]()
        var suppressed = [String: Set<Int>]()
        let tallies = outcomes.map(\.tally)
        for outcome in outcomes {
            used[outcome.tally.brand, default: []].formUnion(outcome.usedSuppressions)
            suppressed[outcome.tally.brand, default: []].formUnion(outcome.suppressedMarkers)
        }
        var diagnostics: [Diagnostic] = []
        for brand in workspace.brands {
            let journeys = workspace.journeys(of: brand.id)
            diagnostics += unusedSuppressions(in: journeys, used: used[brand.id] ?? [])
            guard !incompleteBrands.contains(brand.id) else { continue }
            diagnostics += markersApplyingNowhere(
                brand, journeys: journeys, tallies: tallies.filter { $0.brand == brand.id }, suppressed: suppressed[brand.id] ?? []
            )
        }
        diagnostics.sort(by: Diagnostic.reportOrder)
        if let budget, budget.isSpent {
            return CheckReport(gaps: [], tallies: tallies, diagnostics: diagnostics, regeneration: GapRegeneration(plan))
        }
        // Gaps of markers judged per journey come once per segment: keep one.
        // Moved out segment by segment, so no two copies of every gap are alive at once.
        var gaps: [Gap] = []
        gaps.reserveCapacity(outcomes.reduce(0) { $0 + $1.gaps.count })
        var journeyLevel = Set<Gap>()
        for index in outcomes.indices {
            let segmentGaps = outcomes[index].gaps
            outcomes[index].gaps = []
            for gap in segmentGaps where gap.place.segment != nil || journeyLevel.insert(gap).inserted {
                gaps.append(gap)
            }
        }
        outcomes = []
        GapOrder.sortForReport(&gaps, wording: GapWording(workspace))
        return CheckReport(gaps: gaps, tallies: tallies, diagnostics: diagnostics)
    }

    private struct SegmentOutcome: Sendable {
        var gaps: [Gap]
        let tally: SegmentTally
        let usedSuppressions: Set<SuppressionUse>
        let suppressedMarkers: Set<Int>
    }

    /// Judges one segment journey by journey: every marker that looks at one
    /// journey at a time runs on a journey before the next journey's view is
    /// built, so what the inner loops read stays in cache and one view is
    /// alive at a time. Markers that compare journeys run last, on every
    /// journey's trace.
    private static func evaluate(_ unit: CheckPlan.Unit, budget: GapBudget?) -> SegmentOutcome {
        let judge = unit.judge
        var recorder = GapRecorder(brand: judge.brand, segment: judge.segment, journeyCount: unit.journeys.count, budget: budget)
        var traces: [JourneyTrace] = []
        for (index, journey) in unit.journeys.enumerated() where journey.segments.contains(judge.segment) {
            let trace = judge.trace(of: journey, index: index, workspaceIndex: unit.firstJourney + index, layout: unit.layouts[index])
            judge.judge(trace, into: &recorder)
            if judge.comparesJourneys { traces.append(trace) }
        }
        judge.compare(traces, into: &recorder)
        recorder.countAgainstBudget()
        return SegmentOutcome(
            gaps: recorder.gaps, tally: recorder.tally, usedSuppressions: recorder.usedSuppressions,
            suppressedMarkers: recorder.suppressedMarkers
        )
    }

    private static func unusedSuppressions(in journeys: [Journey], used: Set<SuppressionUse>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ suppression: Suppression, journey: Journey) {
            diagnostics.append(Diagnostic(
                .unusedSuppression, at: journey.location(suppression.position),
                "this suppression of '\(suppression.marker)' matches no gap; remove it so that it cannot hide a future one"
            ))
        }
        for (journeyIndex, journey) in journeys.enumerated() {
            for (index, suppression) in journey.suppressions.enumerated()
            where !used.contains(SuppressionUse(journey: journeyIndex, touchpoint: nil, index: index)) {
                report(suppression, journey: journey)
            }
            // By position: copying each touchpoint to read its suppressions showed in profiles.
            for position in journey.touchpoints.indices where !journey.touchpoints[position].suppressions.isEmpty {
                for (index, suppression) in journey.touchpoints[position].suppressions.enumerated()
                where !used.contains(SuppressionUse(journey: journeyIndex, touchpoint: position, index: index)) {
                    report(suppression, journey: journey)
                }
            }
        }
        return diagnostics
    }

    /// An enabled marker that no segment ever checks usually has a scope
    /// that names the wrong channel or stage. Suppressed checks are not in
    /// the tallies, but a marker with one does apply.
    private static func markersApplyingNowhere(
        _ brand: Brand, journeys: [Journey], tallies: [SegmentTally], suppressed: Set<Int>
    ) -> [Diagnostic] {
        guard !journeys.isEmpty else { return [] }
        return brand.charter.markers.enumerated().compactMap { index, marker in
            guard marker.isEnabled, marker.origin == brand.id, !suppressed.contains(index) else { return nil }
            let applicable = tallies.reduce(0) { sum, tally in sum + tally.matrix[index].reduce(0) { $0 + $1.applicable } }
            guard applicable == 0 else { return nil }
            let reason = marker.rule.definition.reasonForCheckingNothing(in: brand)
            return Diagnostic(
                .markerAppliesNowhere, at: marker.location,
                "marker '\(marker.id)' checked nothing in the journeys of brand '\(brand.id)': \(reason)"
            )
        }
    }
}
