import JourneyModel
import OrderedTasks

/// What a check of one workspace judges, laid out once: for each brand and
/// segment that goes through a journey, its judge and the brand's journeys
/// with their layouts.
struct CheckPlan: Sendable {
    let workspace: Workspace
    /// By brand, then segment position.
    let units: [Unit]

    struct Unit: Sendable {
        let judge: SegmentJudge
        /// The brand's journeys, as in the workspace.
        let journeys: [Journey]
        let layouts: [JourneyLayout]
        /// Position of the brand's first journey in the workspace: a brand's
        /// journeys are contiguous there (sorted by brand first).
        let firstJourney: Int
    }

    init(_ workspace: Workspace) {
        self.workspace = workspace
        var firstJourney: [String: Int] = [:]
        for (index, journey) in workspace.journeys.enumerated() where firstJourney[journey.brand] == nil {
            firstJourney[journey.brand] = index
        }
        units = workspace.brands.flatMap { brand in
            let journeys = workspace.journeys(of: brand.id)
            let layouts = journeys.map(JourneyLayout.init)
            // Segments that go through at least one journey, in catalog order.
            return Set(journeys.flatMap(\.segments)).sorted().map {
                Unit(judge: SegmentJudge(brand: brand, segment: $0), journeys: journeys, layouts: layouts, firstJourney: firstJourney[brand.id] ?? 0)
            }
        }
    }
}

/// A check's gaps made again when there were too many to keep, journey by
/// journey in report order: a report of millions of gaps writes each
/// journey's as they are made, and holds no more than one batch of
/// journeys' gaps at a time.
///
/// The gaps of markers that compare journeys are found once, when this is
/// made, and kept: they are a few per touchpoint at most.
public struct GapRegeneration: Sendable {
    private let plan: CheckPlan
    /// Gaps of markers that compare journeys, by workspace journey position.
    private let compared: [Int: [Gap]]
    /// Workspace journey positions in file order: the report's.
    private let order: [Int]

    init(_ plan: CheckPlan) {
        self.plan = plan
        var compared: [Int: [Gap]] = [:]
        for unit in plan.units where unit.judge.comparesJourneys {
            var recorder = GapRecorder(brand: unit.judge.brand, segment: unit.judge.segment, journeyCount: unit.journeys.count)
            let traces = unit.journeys.indices.filter { unit.journeys[$0].segments.contains(unit.judge.segment) }.map { index in
                unit.judge.trace(of: unit.journeys[index], index: index, workspaceIndex: unit.firstJourney + index, layout: unit.layouts[index])
            }
            unit.judge.compare(traces, into: &recorder)
            for gap in recorder.gaps { compared[gap.place.journey, default: []].append(gap) }
        }
        self.compared = compared
        let journeys = plan.workspace.journeys
        order = journeys.indices.sorted { journeys[$0].file < journeys[$1].file }
    }

    /// How many journeys are judged at once, on every core: a few per
    /// core, since a journey may hold thousands of gaps.
    static let batchSize = 8

    /// The gaps of the batch of journeys that starts at `start` in report
    /// order, journey by journey in report order, and where the next batch
    /// starts (nil after the last).
    func batch(startingAt start: Int, wording: GapWording) -> (gaps: [[Gap]], next: Int?) {
        guard start < order.count else { return ([], nil) }
        let end = min(start + Self.batchSize, order.count)
        let perJourney = OrderedTasks.mapBlocking(Array(order[start..<end])) { gaps(of: $0, wording: wording) }
        return (perJourney, end < order.count ? end : nil)
    }

    /// One journey's gaps, for every segment that goes through it, in report order.
    private func gaps(of journey: Int, wording: GapWording) -> [Gap] {
        let brand = plan.workspace.journeys[journey].brand
        var gaps: [Gap] = compared[journey] ?? []
        var journeyLevel = Set<Gap>()
        for unit in plan.units where unit.judge.brand.id == brand {
            let index = journey - unit.firstJourney
            guard unit.journeys.indices.contains(index), unit.journeys[index].segments.contains(unit.judge.segment) else { continue }
            var recorder = GapRecorder(brand: unit.judge.brand, segment: unit.judge.segment, journeyCount: unit.journeys.count)
            unit.judge.judge(
                unit.judge.trace(of: unit.journeys[index], index: index, workspaceIndex: journey, layout: unit.layouts[index]),
                into: &recorder
            )
            for gap in recorder.gaps where gap.place.segment != nil || journeyLevel.insert(gap).inserted { gaps.append(gap) }
        }
        GapOrder.sortForReport(&gaps, wording: wording)
        return gaps
    }
}
