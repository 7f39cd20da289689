import JourneyModel

/// A marker ready to evaluate for one brand: its position in the charter,
/// its scope resolved against the brand's channels, and its expectations
/// compiled, once for all the journeys it judges. A class: each check
/// passes it on, and a lived check runs it for every case, so a copy
/// costs one reference count rather than one per field of the marker.
final class ActiveMarker: Sendable {
    let index: Int
    let marker: Marker
    let scope: ScopeFilter
    /// Empty for kinds without expectations.
    let expectations: ExpectationSet

    init(index: Int, marker: Marker, brand: Brand) {
        self.index = index
        self.marker = marker
        scope = ScopeFilter(marker.scope, brand: brand)
        expectations = ExpectationSet(marker.rule.definition.expectations, brand: brand)
    }
}

/// What one segment's evaluation writes to: every check counted for the
/// scores, a gap for each failed one with the journey's suppressions
/// applied (a suppressed check is left out of the scores), and what
/// patterns gave on the texts seen so far.
struct GapRecorder {
    let brand: Brand
    let segment: Int
    private(set) var tally: SegmentTally
    private(set) var gaps: [Gap] = []
    private(set) var usedSuppressions: Set<SuppressionUse> = []
    /// Charter positions of the markers with a suppressed check: they apply
    /// somewhere, though the tally leaves those checks out.
    private(set) var suppressedMarkers: Set<Int> = []
    /// Pattern results by text, shared by every marker of the segment.
    var patternResults = PatternResults()
    /// The check's budget of gaps kept; nil to keep them all.
    private let budget: GapBudget?
    /// Gaps kept since they were last counted against the budget.
    private var uncounted = 0
    /// False once the budget is spent: gaps are then let go as they are found.
    private(set) var isKeeping = true
    /// For lived journeys, judged one case at a time: the checks of the
    /// case being judged, by marker and by channel.
    private(set) var caseChecks = CaseChecks()
    /// Set for lived journeys: each check is counted in ``caseChecks``
    /// alone, the one count the lived path reads, and ``tally`` stays empty.
    private var countsCases = false
    /// The column of checks about no one channel, as in ``tally``.
    private let noChannelColumn: Int

    init(brand: Brand, segment: Int, journeyCount: Int, budget: GapBudget? = nil) {
        self.brand = brand
        self.segment = segment
        self.budget = budget
        tally = SegmentTally(
            brand: brand.id, segment: segment, markerCount: brand.charter.markers.count,
            channelCount: brand.channels.count, journeyCount: journeyCount
        )
        noChannelColumn = tally.noChannelColumn
    }

    /// Records one check of `marker` on `trace`. `touchpoint` is the one the
    /// check is about, if any; `channel` is where the score counts it (nil
    /// for checks about no single channel).
    ///
    /// Inlined so that a met check, nearly every check, only bumps a
    /// counter: the findings, and whatever they capture, are made only for
    /// a failed one.
    @inline(__always)
    mutating func record(
        _ marker: ActiveMarker,
        in trace: JourneyTrace,
        touchpoint: Int?,
        channel: Int?,
        met: Bool,
        findings: @autoclosure () -> [(finding: MarkerFinding, position: SourcePosition?)]
    ) {
        if met {
            count(marker, in: trace, channel: channel, met: true)
        } else {
            fail(marker, in: trace, touchpoint: touchpoint, channel: channel, findings: findings())
        }
    }

    private mutating func fail(
        _ marker: ActiveMarker,
        in trace: JourneyTrace,
        touchpoint: Int?,
        channel: Int?,
        findings: [(finding: MarkerFinding, position: SourcePosition?)]
    ) {
        let acceptance = suppression(of: marker.marker, in: trace, touchpoint: touchpoint)
        if acceptance == nil {
            count(marker, in: trace, channel: channel, met: false)
        } else {
            suppressedMarkers.insert(marker.index)
            if !countsCases { tally.recordAccepted(marker: marker.index, journey: trace.index) }
        }
        let segment = marker.marker.kind.isPerSegment ? self.segment : nil
        // Read in place: copying the touchpoint for each failed check showed in profiles.
        let fallback = touchpoint.map { trace.sourcePosition($0) } ?? trace.journey.location.position
        guard isKeeping else { return }
        for (finding, position) in findings {
            gaps.append(Gap(
                place: GapPlace(
                    journey: trace.workspaceIndex, touchpoint: touchpoint, segment: segment, marker: marker.index,
                    position: position ?? fallback
                ),
                severity: marker.marker.severity, acceptance: acceptance, finding: finding
            ))
        }
        uncounted += findings.count
        if uncounted >= 4096 { countAgainstBudget() }
    }

    /// Counts a check not suppressed: in the case's checks when judging
    /// lived cases, else in the tally the scores are made of.
    @inline(__always)
    private mutating func count(_ marker: ActiveMarker, in trace: JourneyTrace, channel: Int?, met: Bool) {
        if countsCases {
            caseChecks.record(marker: marker.index, column: channel ?? noChannelColumn, met: met)
        } else {
            tally.record(marker: marker.index, channel: channel, journey: trace.index, met: met)
        }
    }

    /// Counts each check of the cases to come in ``caseChecks`` instead of
    /// ``tally``: a lived session reads each case's checks, never a total
    /// over its cases.
    mutating func startCountingCases() {
        countsCases = true
        caseChecks = CaseChecks(markerCount: tally.matrix.count, columnCount: noChannelColumn + 1)
    }

    /// Zeroes ``caseChecks`` for the next case.
    mutating func startCase() { caseChecks.reset() }

    /// The gaps recorded since the last call, let go: a lived check judges
    /// millions of cases with one recorder, one case at a time.
    mutating func takeGaps() -> [Gap] {
        defer { gaps = [] }
        return gaps
    }

    /// Counts the gaps kept against the check's budget; once it is spent,
    /// lets them all go and keeps no more.
    mutating func countAgainstBudget() {
        guard let budget, isKeeping else { return }
        if !budget.keep(uncounted) {
            isKeeping = false
            gaps = []
        }
        uncounted = 0
    }

    /// The touchpoint's suppression of this marker, else the journey's.
    private mutating func suppression(of marker: Marker, in trace: JourneyTrace, touchpoint: Int?) -> Acceptance? {
        let segmentFilter: Int? = marker.kind.isPerSegment ? segment : nil
        let journey = trace.journey
        if let touchpoint {
            let suppressions = trace.suppressions(touchpoint)
            if let index = suppressions.firstIndex(where: { $0.covers(marker: marker.id, segment: segmentFilter) }) {
                usedSuppressions.insert(SuppressionUse(journey: trace.index, touchpoint: touchpoint, index: index))
                return .suppression(.touchpoint, index: Int32(clamping: index))
            }
        }
        if let index = journey.suppressions.firstIndex(where: { $0.covers(marker: marker.id, segment: segmentFilter) }) {
            usedSuppressions.insert(SuppressionUse(journey: trace.index, touchpoint: nil, index: index))
            return .suppression(.journey, index: Int32(clamping: index))
        }
        return nil
    }
}

/// The checks of one lived case, by marker and by channel column, zeroed
/// between cases where they were counted only: a charter of many markers
/// costs a short case nothing for the markers it never met.
struct CaseChecks: Sendable {
    private(set) var byMarker: [CheckCount]
    private(set) var byChannel: [CheckCount]
    private var touchedMarkers: [Int] = []
    private var touchedColumns: [Int] = []

    init(markerCount: Int = 0, columnCount: Int = 0) {
        byMarker = Array(repeating: CheckCount(), count: markerCount)
        byChannel = Array(repeating: CheckCount(), count: columnCount)
    }

    mutating func record(marker: Int, column: Int, met: Bool) {
        if byMarker[marker].applicable == 0 { touchedMarkers.append(marker) }
        byMarker[marker].add(met: met)
        if byChannel[column].applicable == 0 { touchedColumns.append(column) }
        byChannel[column].add(met: met)
    }

    mutating func reset() {
        for marker in touchedMarkers { byMarker[marker] = CheckCount() }
        for column in touchedColumns { byChannel[column] = CheckCount() }
        touchedMarkers.removeAll(keepingCapacity: true)
        touchedColumns.removeAll(keepingCapacity: true)
    }
}

/// A suppression that applied at least once, by place.
struct SuppressionUse: Hashable, Sendable {
    let journey: Int
    let touchpoint: Int?
    let index: Int
}
