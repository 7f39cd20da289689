import CharterChecker
import JourneyModel

/// What changed since a previous audit: per segment, the score and status
/// before and after, the channels and markers whose score or status moved,
/// the gaps new since then and the gaps fixed. How a committee sees
/// progress from one quarter to the next.
///
/// Gaps are matched by fingerprint (``DescribedGap/fingerprint``), which
/// line numbers do not enter: an edit elsewhere in a file is no change. Each
/// previous gap matches one current gap, so a second gap with the same
/// fingerprint is new.
///
/// ```swift
/// let comparison = AuditComparison.compare(audit, with: snapshot, file: "audit-q2.json")
/// comparison.segments[0].scoreDelta   // 2.5: up 2.5 points
/// ```
public struct AuditComparison: Sendable, Equatable {
    /// The previous audit's file name (`audit-q2.json`).
    public var previousFile: String
    public var previousDate: String?
    /// False when the previous audit had no fingerprints (written before
    /// they were in the JSON), so gaps were matched on their fields.
    public var exactMatching: Bool
    /// The current segments in report order, then those the previous audit
    /// had and this one has not.
    public var segments: [SegmentChange]

    public struct Standing: Sendable, Equatable {
        public var score: Double?
        public var status: AuditStatus?
    }

    public struct SegmentChange: Sendable, Equatable {
        public var brand: String
        public var segment: String
        /// The segment's name; its id when it is gone.
        public var name: String
        /// Nil when the previous audit did not have the segment.
        public var before: Standing?
        /// Nil when the segment is gone.
        public var after: Standing?
        /// Channels whose score or status changed, in the current order, then gone ones.
        public var channels: [EntryChange]
        /// Markers whose score or status changed, likewise.
        public var markers: [EntryChange]
        /// Open now, not then; worst first.
        public var newGaps: [DescribedGap]
        /// Open then, not now; in the previous audit's order.
        public var fixedGaps: [AuditSnapshot.GapEntry]

        public var label: String { "\(brand)/\(segment)" }

        /// Points gained (positive) or lost, with one decimal; nil when either score is unknown.
        public var scoreDelta: Double? { AuditComparison.delta(before?.score, after?.score) }
    }

    public struct EntryChange: Sendable, Equatable {
        public var key: String
        public var name: String
        public var before: Standing?
        public var after: Standing?

        public var scoreDelta: Double? { AuditComparison.delta(before?.score, after?.score) }
    }

    /// `after − before`, rounded to one decimal.
    static func delta(_ before: Double?, _ after: Double?) -> Double? {
        guard let before, let after else { return nil }
        return ((after - before) * 10).rounded() / 10
    }

    public static func compare(_ audit: AuditReport, with previous: AuditSnapshot, file: String) -> AuditComparison {
        let previousByLabel = Dictionary(previous.segments.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        let exact = previous.segments.allSatisfy { $0.gaps.allSatisfy(\.exact) }
        var changes: [SegmentChange] = []
        for report in audit.segments {
            let before = previousByLabel[report.label]
            changes.append(change(of: report, since: before, exact: exact))
        }
        let current = Set(audit.segments.map(\.label))
        var seen = Set<String>()
        for gone in previous.segments where !current.contains(gone.label) && seen.insert(gone.label).inserted {
            changes.append(SegmentChange(
                brand: gone.brand, segment: gone.segment, name: gone.segment,
                before: Standing(score: gone.score, status: gone.status), after: nil,
                channels: [], markers: [], newGaps: [], fixedGaps: gone.gaps
            ))
        }
        return AuditComparison(previousFile: file, previousDate: previous.date, exactMatching: exact, segments: changes)
    }

    private static func change(of report: SegmentReport, since before: AuditSnapshot.Segment?, exact: Bool) -> SegmentChange {
        let channels = entryChanges(
            now: report.byChannel.map { ($0.channel, $0.name, Standing(score: $0.score.percent, status: $0.status)) },
            then: before?.channels ?? [], isNew: before == nil
        )
        let markers = entryChanges(
            now: report.byMarker.map { ($0.marker, $0.title, Standing(score: $0.score.percent, status: $0.status)) },
            then: before?.markers ?? [], isNew: before == nil
        )
        // Each previous gap is matched by one current gap at most.
        var remaining: [String: Int] = [:]
        for gap in before?.gaps ?? [] { remaining[gap.fingerprint, default: 0] += 1 }
        var newGaps: [DescribedGap] = []
        for gap in report.gaps {
            let key = exact ? gap.fingerprint : looseFingerprint(gap.fingerprint)
            if let count = remaining[key], count > 0 {
                remaining[key] = count - 1
            } else {
                newGaps.append(gap)
            }
        }
        var fixed: [AuditSnapshot.GapEntry] = []
        for gap in before?.gaps ?? [] {
            if let count = remaining[gap.fingerprint], count > 0 {
                remaining[gap.fingerprint] = count - 1
                fixed.append(gap)
            }
        }
        return SegmentChange(
            brand: report.brand, segment: report.segment, name: report.segmentName,
            before: before.map { Standing(score: $0.score, status: $0.status) },
            after: Standing(score: report.score.percent, status: report.status),
            channels: channels, markers: markers, newGaps: newGaps, fixedGaps: fixed
        )
    }

    /// The entries whose score or status differs, current ones first.
    private static func entryChanges(
        now: [(key: String, name: String, standing: Standing)], then: [AuditSnapshot.Entry], isNew: Bool
    ) -> [EntryChange] {
        guard !isNew else { return [] }
        let previous = Dictionary(then.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [EntryChange] = []
        for entry in now {
            let before = previous[entry.key].map { Standing(score: $0.score, status: $0.status) }
            let statusMoved = before?.status != nil && before?.status != entry.standing.status
            if before == nil || before?.score != entry.standing.score || statusMoved {
                changes.append(EntryChange(key: entry.key, name: entry.name, before: before, after: entry.standing))
            }
        }
        let current = Set(now.map(\.key))
        for gone in then where !current.contains(gone.key) {
            changes.append(EntryChange(key: gone.key, name: gone.key, before: Standing(score: gone.score, status: gone.status), after: nil))
        }
        return changes
    }

    /// The fingerprint without its last field, as one made from a previous
    /// audit's fields: `v2/…/channel/`.
    static func looseFingerprint(_ fingerprint: String) -> String {
        guard let slash = fingerprint.lastIndex(of: "/") else { return fingerprint }
        return String(fingerprint[...slash])
    }
}
