import JourneyModel

/// Judges lived journeys by a brand's charter for one segment, with the
/// very evaluations that judge planned journeys: a lived journey is a
/// ``Journey`` whose touchpoints are those the customer lived, in the
/// order lived, each with the lived values laid over the planned ones, and
/// `next` from each to the one lived after it. The view the evaluations
/// read is the planned one's, read in lived order and timed by when each
/// touchpoint was lived (pressure counts real contacts in real windows).
///
/// Markers that compare journeys (one value across journeys) compare the
/// touchpoints of the one lived journey: a case is one customer's journey.
///
/// ```swift
/// var session = LivedJudge(brand: brand, segment: premium, journeyCount: 2).makeSession()
/// let judgement = session.judge(lived, plannedJourney: 0, seconds: [0, 600, 90_000])
/// judgement.checks[markerIndex]   // applicable and met checks of that marker in this case
/// ```
public struct LivedJudge: Sendable {
    let judge: SegmentJudge
    let journeyCount: Int

    /// - Parameter journeyCount: how many journeys the brand has, which
    ///   lived journeys are counted against by position.
    public init(brand: Brand, segment: Int, journeyCount: Int) {
        judge = SegmentJudge(brand: brand, segment: segment)
        self.journeyCount = journeyCount
    }

    public var brand: Brand { judge.brand }
    public var segment: Int { judge.segment }

    /// Whether `marker` (position in the charter) judges a touchpoint on
    /// `channel` at `stage` for this segment: which lived values a report
    /// sets beside the marker's promise (a lived reply time beside "at
    /// most two hours").
    public func includes(marker: Int, channel: Int, stage: Int) -> Bool {
        let markers = judge.brand.charter.markers
        guard markers.indices.contains(marker), markers[marker].isEnabled else { return false }
        let scope = ScopeFilter(markers[marker].scope, brand: judge.brand)
        return scope.includes(segment: judge.segment) && scope.includes(channel: channel) && scope.includes(stage: stage)
    }

    /// A session judges cases one after another, reusing what it can.
    public func makeSession() -> LivedSession {
        LivedSession(judge: judge, journeyCount: journeyCount)
    }
}

/// Judges one lived journey after another for one segment; not shared
/// between tasks (each task makes its own).
public struct LivedSession: Sendable {
    private let judge: SegmentJudge
    private var recorder: GapRecorder
    private var before: [CheckCount]
    private var beforeByChannel: [[CheckCount]]

    init(judge: SegmentJudge, journeyCount: Int) {
        self.judge = judge
        recorder = GapRecorder(brand: judge.brand, segment: judge.segment, journeyCount: max(1, journeyCount))
        before = Array(repeating: CheckCount(), count: judge.brand.charter.markers.count)
        beforeByChannel = recorder.tally.matrix
    }

    /// Every lived check so far, by marker and channel and by journey.
    public var tally: SegmentTally { recorder.tally }

    /// Judges `lived`, the lived journey of a case of planned journey
    /// `plannedJourney` (position among the brand's journeys); `seconds`
    /// says when each lived touchpoint was lived, from the first.
    ///
    /// The gaps name the lived journey as journey 0 of a workspace, and
    /// positions in its touchpoints: word them with a ``GapWording`` of
    /// `Workspace(brands: [brand], journeys: [lived])`.
    public mutating func judge(_ lived: Journey, plannedJourney: Int, seconds: [Double]) -> LivedJudgement {
        let layout = JourneyLayout(lived, order: Array(lived.touchpoints.indices))
        let trace = JourneyTrace(
            journey: lived, index: plannedJourney, workspaceIndex: 0, segment: judge.segment, layout: layout, livedSeconds: seconds
        )
        judge.judge(trace, into: &recorder)
        judge.compare([trace], into: &recorder)
        var checks = Array(repeating: CheckCount(), count: before.count)
        let matrix = recorder.tally.matrix
        var byChannel = Array(repeating: CheckCount(), count: matrix.first?.count ?? 0)
        for marker in matrix.indices {
            let total = matrix[marker].reduce(CheckCount(), +)
            checks[marker] = CheckCount(applicable: total.applicable - before[marker].applicable, met: total.met - before[marker].met)
            before[marker] = total
            for channel in matrix[marker].indices {
                let cell = matrix[marker][channel], previous = beforeByChannel[marker][channel]
                byChannel[channel] = byChannel[channel] + CheckCount(applicable: cell.applicable - previous.applicable, met: cell.met - previous.met)
            }
            beforeByChannel[marker] = matrix[marker]
        }
        return LivedJudgement(checks: checks, byChannel: byChannel, gaps: recorder.takeGaps())
    }
}

/// What the charter found in one lived journey.
public struct LivedJudgement: Sendable {
    /// By marker position in the brand's charter: the checks that applied
    /// and those met (suppressed checks are not counted).
    public let checks: [CheckCount]
    /// By channel position (the last column: checks about no one channel),
    /// every marker's checks together.
    public let byChannel: [CheckCount]
    /// The gaps, open and accepted, at positions of the lived journey.
    public let gaps: [Gap]
}
