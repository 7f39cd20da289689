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
    /// - Parameter incompleteBrands: brands some of whose journeys are left
    ///   out (their files are unusable): whether one of their markers
    ///   applies nowhere cannot be told, so it is not said.
    public static func check(_ workspace: Workspace, incompleteBrands: Set<String> = []) async -> CheckReport {
        // A brand's journeys are contiguous in the workspace (sorted by brand first).
        var firstJourney: [String: Int] = [:]
        for (index, journey) in workspace.journeys.enumerated() where firstJourney[journey.brand] == nil {
            firstJourney[journey.brand] = index
        }
        let units = workspace.brands.flatMap { brand in
            let journeys = workspace.journeys(of: brand.id)
            let layouts = journeys.map(JourneyLayout.init)
            return segmentsTaken(in: journeys).map {
                BrandSegment(brand: brand, journeys: journeys, layouts: layouts, firstJourney: firstJourney[brand.id] ?? 0, segment: $0)
            }
        }
        var outcomes = await OrderedTasks.map(units) { evaluate($0) }

        var used = [String: Set<SuppressionUse>]()
        var suppressed = [String: Set<Int>]()
        let tallies = outcomes.map(\.tally)
        for outcome in outcomes {
            used[outcome.tally.brand, default: []].formUnion(outcome.usedSuppressions)
            suppressed[outcome.tally.brand, default: []].formUnion(outcome.suppressedMarkers)
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
        var diagnostics: [Diagnostic] = []
        for brand in workspace.brands {
            let journeys = workspace.journeys(of: brand.id)
            diagnostics += unusedSuppressions(in: journeys, used: used[brand.id] ?? [])
            guard !incompleteBrands.contains(brand.id) else { continue }
            diagnostics += markersApplyingNowhere(
                brand, journeys: journeys, tallies: tallies.filter { $0.brand == brand.id }, suppressed: suppressed[brand.id] ?? []
            )
        }
        return CheckReport(gaps: gaps, tallies: tallies, diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder))
    }

    private struct BrandSegment: Sendable {
        let brand: Brand
        let journeys: [Journey]
        let layouts: [JourneyLayout]
        /// Position of the brand's first journey in the workspace.
        let firstJourney: Int
        let segment: Int
    }

    private struct SegmentOutcome: Sendable {
        var gaps: [Gap]
        let tally: SegmentTally
        let usedSuppressions: Set<SuppressionUse>
        let suppressedMarkers: Set<Int>
    }

    /// Segments that go through at least one journey, in catalog order.
    private static func segmentsTaken(in journeys: [Journey]) -> [Int] {
        Set(journeys.flatMap(\.segments)).sorted()
    }

    /// Judges one segment journey by journey: every marker that looks at one
    /// journey at a time runs on a journey before the next journey's view is
    /// built, so what the inner loops read stays in cache and one view is
    /// alive at a time. Markers that compare journeys run last, on every
    /// journey's trace.
    private static func evaluate(_ unit: BrandSegment) -> SegmentOutcome {
        let brand = unit.brand
        var perJourney: [(ActiveMarker, any MarkerEvaluation)] = []
        var acrossJourneys: [(ActiveMarker, any JourneyComparison)] = []
        for (index, marker) in brand.charter.markers.enumerated() where marker.isEnabled {
            let active = ActiveMarker(index: index, marker: marker, brand: brand)
            guard active.scope.includes(segment: unit.segment) else { continue }
            let evaluation = marker.rule.evaluation
            if let comparison = evaluation as? any JourneyComparison, comparison.comparesJourneys {
                acrossJourneys.append((active, comparison))
            } else {
                perJourney.append((active, evaluation))
            }
        }
        var recorder = GapRecorder(brand: brand, segment: unit.segment, journeyCount: unit.journeys.count)
        var traces: [JourneyTrace] = []
        for (index, journey) in unit.journeys.enumerated() where journey.segments.contains(unit.segment) {
            let trace = JourneyTrace(
                journey: journey, index: index, workspaceIndex: unit.firstJourney + index, segment: unit.segment, layout: unit.layouts[index]
            )
            let view = JourneyView(trace, channelCount: brand.channels.count)
            for (marker, evaluation) in perJourney { evaluation.evaluate(marker, in: view, into: &recorder) }
            if !acrossJourneys.isEmpty { traces.append(trace) }
        }
        for (marker, comparison) in acrossJourneys { comparison.evaluate(marker, across: traces, into: &recorder) }
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
