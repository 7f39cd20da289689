import JourneyModel

/// The markers one segment of one brand is judged on, each resolved against
/// the brand and compiled once: those that judge a journey on its own, and
/// those that compare the segment's journeys.
struct SegmentJudge: Sendable {
    let brand: Brand
    let segment: Int
    private let perJourney: [JudgedMarker]
    private let acrossJourneys: [(ActiveMarker, any JourneyComparison)]

    init(brand: Brand, segment: Int) {
        self.brand = brand
        self.segment = segment
        var perJourney: [JudgedMarker] = []
        var acrossJourneys: [(ActiveMarker, any JourneyComparison)] = []
        for (index, marker) in brand.charter.markers.enumerated() where marker.isEnabled {
            let active = ActiveMarker(index: index, marker: marker, brand: brand)
            guard active.scope.includes(segment: segment) else { continue }
            let evaluation = marker.rule.evaluation
            if let comparison = evaluation as? any JourneyComparison, comparison.comparesJourneys {
                acrossJourneys.append((active, comparison))
            } else {
                perJourney.append(JudgedMarker(marker: active, evaluation: evaluation))
            }
        }
        self.perJourney = perJourney
        self.acrossJourneys = acrossJourneys
    }

    /// Whether some marker compares the segment's journeys.
    var comparesJourneys: Bool { !acrossJourneys.isEmpty }

    /// The segment's trace through a journey it goes through.
    func trace(of journey: Journey, index: Int, workspaceIndex: Int, layout: JourneyLayout) -> JourneyTrace {
        JourneyTrace(journey: journey, index: index, workspaceIndex: workspaceIndex, segment: segment, layout: layout)
    }

    /// Runs every marker that judges a journey on its own.
    func judge(_ trace: JourneyTrace, into recorder: inout GapRecorder) {
        var storage = JourneyView.Storage()
        judge(trace, into: &recorder, reusing: &storage)
    }

    /// The same, the view's buffers `storage`'s: kept from one lived case to the next.
    func judge(_ trace: consuming JourneyTrace, into recorder: inout GapRecorder, reusing storage: inout JourneyView.Storage) {
        guard !perJourney.isEmpty else { return }
        let view = JourneyView(trace, channelCount: brand.channels.count, reusing: &storage)
        for judged in perJourney { judged.evaluation.evaluate(judged.marker, in: view, into: &recorder) }
    }

    /// Runs every marker that compares the segment's journeys.
    func compare(_ traces: [JourneyTrace], into recorder: inout GapRecorder) {
        for (marker, comparison) in acrossJourneys { comparison.evaluate(marker, across: traces, into: &recorder) }
    }
}

/// A marker with its kind's evaluation, held in one object: a lived check
/// runs every marker for every case, and handing one on then counts one
/// reference rather than copying the rule out of its existential box.
private final class JudgedMarker: Sendable {
    let marker: ActiveMarker
    let evaluation: any MarkerEvaluation

    init(marker: ActiveMarker, evaluation: any MarkerEvaluation) {
        self.marker = marker
        self.evaluation = evaluation
    }
}

/// How many gaps a check may keep, over all its segments at once: past it,
/// gaps are counted and let go, and a report makes them again journey by
/// journey as it writes them (``GapRegeneration``), so that memory stays in
/// proportion to the workspace however many gaps it holds.
final class GapBudget: Sendable {
    let limit: Int
    private let kept = AtomicCounter()

    init(limit: Int) {
        self.limit = limit
    }

    /// Adds `count` kept gaps; false once the budget is spent.
    func keep(_ count: Int) -> Bool { kept.add(count) <= limit }

    var isSpent: Bool { kept.value > limit }
}
