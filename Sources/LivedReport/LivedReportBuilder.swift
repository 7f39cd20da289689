import CharterChecker
import JourneyModel
import LivedCases

/// Turns tallies into a ``LivedReport``: counts into sorted, bounded
/// lists, case ids and owners into labels (keyed hashes when redacting).
public struct LivedReportBuilder: Sendable {
    /// How a case id or an owner is shown: its bytes as text, or a keyed hash.
    public let redaction: KeyedHash?

    public init(redaction: KeyedHash?) {
        self.redaction = redaction
    }

    public func label(_ bytes: [UInt8]) -> CaseLabel {
        redaction?.label(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    /// The journeys of one brand, from its tally; `planned(segment, journey, marker)`
    /// is the check of the planned journey.
    public func journeys(
        of context: LivedContext, tally: LivedTally, planned: (Int, Int, Int) -> PlannedVerdict
    ) -> [JourneyConformance] {
        let brand = context.brand
        let keys = tally.journeyKeys.sorted {
            let left = brand.segments[$0.segment].priority, right = brand.segments[$1.segment].priority
            if left != right { return left }
            return ($0.segment, $0.journey) < ($1.segment, $1.journey)
        }
        return keys.compactMap { key in
            guard let counts = tally.counts(key) else { return nil }
            return journey(key, counts: counts, context: context, planned: planned)
        }
    }

    private func journey(
        _ key: LivedTally.JourneyKey, counts: JourneyTally, context: LivedContext, planned: (Int, Int, Int) -> PlannedVerdict
    ) -> JourneyConformance {
        let brand = context.brand
        let plannedJourney = context.journeys[key.journey]
        let path = PlannedPath(plannedJourney, index: key.journey, segment: key.segment)
        let order = path.order
        let hasLinks = plannedJourney.touchpoints.contains { !$0.next.isEmpty }
        let touchpoints = order.enumerated().map { index, position in
            let touchpoint = plannedJourney.touchpoints[position]
            func count(_ state: TouchpointStatus) -> Int { counts.status(at: position, state) }
            let examples = JourneyTally.departures.enumerated().compactMap { index, departure -> DepartureExamples? in
                let keys = counts.examples(at: position, departure: index).keys
                return keys.isEmpty ? nil : DepartureExamples(departure: departure, cases: keys.map(label))
            }
            return TouchpointConformance(
                touchpoint: touchpoint.id, name: touchpoint.name, channel: brand.channels[touchpoint.channel].id,
                stage: brand.stages[touchpoint.stage].id, completed: count(.completed), failing: count(.failing), missing: count(.missing),
                outOfSequence: count(.outOfSequence), notReached: count(.notReached), otherChannel: counts.otherChannel[position],
                late: counts.late[position], examples: examples, next: plannedNext(index, in: order, journey: plannedJourney, path: path, hasLinks: hasLinks)
            )
        }
        let flows = counts.flows.lived.map { from, to, cases in
            let planned = hasLinks
                ? plannedJourney.touchpoints[from].next.contains { $0.target == to }
                : (order.firstIndex(of: from).map { $0 + 1 < order.count && order[$0 + 1] == to } ?? false)
            return LivedFlow(from: plannedJourney.touchpoints[from].id, to: plannedJourney.touchpoints[to].id, cases: cases, planned: planned)
        }.sorted { ($1.cases, $0.from, $0.to) < ($0.cases, $1.from, $1.to) }
        let adHoc = counts.adHoc
            .sorted { $0.value.events != $1.value.events ? $0.value.events > $1.value.events : $0.key.bytes.lexicographicallyPrecedes($1.key.bytes) }
            .prefix(JourneyConformance.adHocKept)
            .map { AdHocCount(activity: String(decoding: $0.key.bytes, as: UTF8.self), events: $0.value.events, cases: $0.value.cases.cases) }
        let markers = brand.charter.markers.enumerated().compactMap { index, marker -> MarkerConformance? in
            let verdict = planned(key.segment, key.journey, index)
            guard marker.isEnabled, counts.markerApplicable[index] > 0 || verdict != .notApplicable else { return nil }
            return MarkerConformance(
                marker: marker.id, title: marker.title, kind: marker.kind.rawValue, severity: marker.severity, planned: verdict,
                casesApplicable: counts.markerApplicable[index], casesMet: counts.markerMet[index],
                durations: durations(counts.durations[index], promise: context.promises[index], brand: brand),
                examples: counts.markerExamples[index].keys.map(label)
            )
        }
        let channels = brand.channels.enumerated().compactMap { index, channel -> ChannelConformance? in
            let checks = counts.channelChecks[index]
            guard counts.channelEvents[index] > 0 || checks.applicable > 0 else { return nil }
            return ChannelConformance(channel: channel.id, owner: channel.owner, events: counts.channelEvents[index], checks: checks.applicable, met: checks.met)
        }
        let owners = counts.owners
            .map { (label: label($0.key.bytes), cases: $0.value.cases, asPlanned: $0.value.asPlanned) }
            .sorted { $0.cases != $1.cases ? $0.cases > $1.cases : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8) }
            .prefix(JourneyConformance.ownersKept)
            .map { OwnerConformance(owner: $0.label, cases: $0.cases, asPlanned: $0.asPlanned) }
        let segment = brand.segments[key.segment]
        return JourneyConformance(
            brand: brand.id, brandName: brand.name, segment: segment.id, segmentName: segment.name, priority: segment.priority,
            journey: plannedJourney.id, journeyName: plannedJourney.name, plannedPath: order.map { plannedJourney.touchpoints[$0].id },
            cases: counts.cases, asPlanned: counts.asPlanned, touchpoints: touchpoints, flows: flows, adHoc: Array(adHoc),
            adHocEvents: counts.adHocEvents, markers: markers, channels: channels, owners: Array(owners)
        )
    }

    /// The planned steps out of `order[index]`: its direct `next` links to
    /// touchpoints the segment goes through (as the planned flag of a
    /// ``LivedFlow`` reads them), or the next one in the file's order.
    private func plannedNext(_ index: Int, in order: [Int], journey: Journey, path: PlannedPath, hasLinks: Bool) -> [String] {
        let touchpoints = journey.touchpoints
        guard hasLinks else {
            return index + 1 < order.count ? [touchpoints[order[index + 1]].id] : []
        }
        var seen = Set<Int>()
        return touchpoints[order[index]].next.compactMap { link in
            guard link.target >= 0, link.target < touchpoints.count, path.isTaken[link.target], seen.insert(link.target).inserted else { return nil }
            return touchpoints[link.target].id
        }
    }

    /// Median and 90th percentile, nearest rank, of lived milliseconds.
    private func durations(_ values: DurationCounts, promise: (attribute: Int, seconds: Double)?, brand: Brand) -> LivedDurations? {
        guard let promise, !values.isEmpty else { return nil }
        let sorted = values.ascending
        let count = sorted.reduce(0) { $0 + $1.times }
        func rank(_ share: Double) -> Double {
            let target = max(1, Int((share * Double(count)).rounded(.up)))
            var seen = 0
            for (value, times) in sorted {
                seen += times
                if seen >= target { return Double(value) / 1000 }
            }
            return Double(sorted[sorted.count - 1].value) / 1000
        }
        return LivedDurations(
            attribute: brand.attributes[promise.attribute].id, promiseSeconds: promise.seconds, count: count, medianSeconds: rank(0.5),
            p90Seconds: rank(0.9)
        )
    }

    /// The action plan: every departure weighed by how many cases it
    /// touches and how much it matters (a marker's severity: error 3,
    /// warning 2, info 1; a missing touchpoint 3, out of sequence 2, the
    /// others 1), worst first, ties by journey and subject.
    public static func actions(_ journeys: [JourneyConformance], brands: [Brand]) -> [LivedAction] {
        var actions: [(weight: Int, action: LivedAction)] = []
        for journey in journeys where journey.cases > 0 {
            let brand = brands.first { $0.id == journey.brand }
            func owner(ofChannel id: String) -> String? { brand?.channels.first { $0.id == id }?.owner }
            func add(_ departure: Departure, _ subject: String, owner: String?, severity: Severity?, cases: Int, weight: Int, examples: [CaseLabel]) {
                guard cases > 0 else { return }
                actions.append((cases * weight, LivedAction(
                    journey: journey.label, departure: departure, subject: subject, owner: owner, severity: severity, cases: cases,
                    share: Double(cases) / Double(journey.cases), examples: examples
                )))
            }
            for touchpoint in journey.touchpoints {
                func examples(_ departure: Departure) -> [CaseLabel] { touchpoint.examples.first { $0.departure == departure }?.cases ?? [] }
                let owner = owner(ofChannel: touchpoint.channel)
                add(.missing, touchpoint.touchpoint, owner: owner, severity: nil, cases: touchpoint.missing, weight: 3, examples: examples(.missing))
                add(.outOfSequence, touchpoint.touchpoint, owner: owner, severity: nil, cases: touchpoint.outOfSequence, weight: 2, examples: examples(.outOfSequence))
                add(.otherChannel, touchpoint.touchpoint, owner: owner, severity: nil, cases: touchpoint.otherChannel, weight: 1, examples: examples(.otherChannel))
                add(.late, touchpoint.touchpoint, owner: owner, severity: nil, cases: touchpoint.late, weight: 1, examples: examples(.late))
            }
            for marker in journey.markers {
                add(.brokenMarker, marker.marker, owner: nil, severity: marker.severity, cases: marker.casesApplicable - marker.casesMet,
                    weight: marker.severity == .error ? 3 : marker.severity == .warning ? 2 : 1, examples: marker.examples)
            }
            if let top = journey.adHoc.first {
                add(.adHoc, top.activity, owner: nil, severity: nil, cases: top.cases, weight: 1, examples: [])
            }
        }
        return actions.sorted {
            if $0.weight != $1.weight { return $0.weight > $1.weight }
            if $0.action.journey != $1.action.journey { return $0.action.journey < $1.action.journey }
            if $0.action.departure != $1.action.departure { return $0.action.departure.rawValue < $1.action.departure.rawValue }
            return $0.action.subject < $1.action.subject
        }.prefix(LivedReport.actionsKept).map(\.action)
    }
}
