import CharterChecker
import JourneyModel

/// What a brand's part of the audit opens with: its status, its open gaps
/// by severity, the most serious breaches and the top actions across its
/// segments.
///
/// A gap that several segments live (the same touchpoint failing the same
/// marker for premium and regular customers) is one breach and one action
/// naming every segment, not one per segment: it is one fix.
public struct BrandHeadline: Sendable, Equatable {
    public var brand: String
    public var brandName: String
    /// The worst of its segments' statuses.
    public var status: AuditStatus
    /// Distinct open gaps, by severity: a gap several segments live counts once.
    public var openCounts: SeverityCounts
    /// Its segments in report order, with their status and score.
    public var segments: [SegmentStanding]
    /// Every distinct open gap as one action, worst first: severity, then
    /// whether a priority segment lives it, then how many segments do, then
    /// the order of the report.
    public var actions: [SharedAction]
    /// Every distinct accepted gap, with the segments it is accepted for, in
    /// the order of the report.
    public var accepted: [SharedAction]

    /// How many breaches a headline names.
    public static let breachCount = 3

    /// The most serious breaches: the first actions' gaps.
    public var breaches: ArraySlice<SharedAction> { actions.prefix(Self.breachCount) }

    public struct SegmentStanding: Sendable, Equatable {
        public var segment: String
        public var name: String
        public var priority: Bool
        public var status: AuditStatus
        public var score: Score
    }

    /// The headline of `brand` from its segments' reports, nil when the audit holds none of them.
    static func headline(of brand: Brand, in reports: [SegmentReport]) -> BrandHeadline? {
        let mine = reports.filter { $0.brand == brand.id }
        guard !mine.isEmpty else { return nil }
        var actions = SharedAction.Merge()
        var accepted = SharedAction.Merge()
        for report in mine {
            for group in report.actions {
                for item in group.items {
                    actions.add(item, segment: report.segment, priority: report.priority, channel: group.channel, name: group.channelName, owner: group.owner)
                }
            }
            for gap in report.suppressed {
                let channel = gap.channel.flatMap { brand.channels[id: $0] }
                accepted.add(
                    ActionItem(gap: gap), segment: report.segment, priority: report.priority, channel: channel?.id,
                    name: channel?.name ?? ActionPlan.noChannelName, owner: channel?.owner
                )
            }
        }
        let priorityLived = actions.priorityLived
        let merged = actions.actions
        var counts = SeverityCounts()
        for action in merged { counts.add(action.severity) }
        // What the order reads, read once: a comparison copies no action.
        let severities = merged.map(\.severity), segmentCounts = merged.map(\.segments.count)
        let order = merged.indices.sorted { lhs, rhs in
            if severities[lhs] != severities[rhs] { return severities[lhs] > severities[rhs] }
            if priorityLived[lhs] != priorityLived[rhs] { return priorityLived[lhs] }
            if segmentCounts[lhs] != segmentCounts[rhs] { return segmentCounts[lhs] > segmentCounts[rhs] }
            return lhs < rhs
        }
        let standings = mine.map {
            SegmentStanding(segment: $0.segment, name: $0.segmentName, priority: $0.priority, status: $0.status, score: $0.score)
        }
        return BrandHeadline(
            brand: brand.id, brandName: brand.name, status: standings.map(\.status).min() ?? .kept,
            openCounts: counts, segments: standings, actions: order.map { merged[$0] }, accepted: accepted.actions
        )
    }
}

/// One fix, and the segments it is for.
public struct SharedAction: Sendable, Equatable {
    /// The action as the first segment's plan has it.
    public var item: ActionItem
    /// Segment ids, in report order.
    public var segments: [String]
    /// Nil for gaps about no single channel.
    public var channel: String?
    public var channelName: String
    public var owner: String?

    public var severity: Severity { item.severity }

    /// Gaps gathered segment by segment, one entry per distinct gap.
    ///
    /// Entries are found by a digest of the gap's ``Key``: the merge keeps
    /// two integers per entry rather than the key's texts, which on a report
    /// of millions of gaps would outweigh the gaps themselves. A gap whose
    /// digest is known is compared field by field with each entry of that
    /// digest, so two gaps merge only when every field is the same.
    struct Merge {
        var actions: [SharedAction] = []
        /// Whether a priority segment lives each entry.
        var priorityLived: [Bool] = []
        /// The first entry of each digest, and for each entry the next of its digest.
        private var firstByDigest: [Int: Int] = [:]
        private var nextWithDigest: [Int?] = []

        mutating func add(_ item: ActionItem, segment: String, priority: Bool, channel: String?, name: String, owner: String?) {
            let key = Key(item.gap)
            let digest = key.digest
            var candidate = firstByDigest[digest]
            while let index = candidate {
                if Key(actions[index].item.gap) == key {
                    if !actions[index].segments.contains(segment) { actions[index].segments.append(segment) }
                    priorityLived[index] = priorityLived[index] || priority
                    return
                }
                candidate = nextWithDigest[index]
            }
            nextWithDigest.append(firstByDigest[digest])
            firstByDigest[digest] = actions.count
            actions.append(SharedAction(item: item, segments: [segment], channel: channel, channelName: name, owner: owner))
            priorityLived.append(priority)
        }
    }

    /// Everything that tells one gap from another but the segment: the same
    /// key in two segments' plans is the same fix. A missing field equals an
    /// empty one, as in a fingerprint.
    struct Key: Equatable {
        let location: SourceLocation
        let brand: String, journey: String, touchpoint: String, marker: String
        let attribute: String, stage: String, channel: String, identity: String, action: String

        init(_ gap: DescribedGap) {
            location = gap.location
            brand = gap.brand
            journey = gap.journey
            touchpoint = gap.touchpoint ?? ""
            marker = gap.marker
            attribute = gap.attribute ?? ""
            stage = gap.stage ?? ""
            channel = gap.channel ?? ""
            identity = gap.identity
            action = gap.action
        }

        /// Equal keys have equal digests.
        var digest: Int {
            var hasher = Hasher()
            hasher.combine(location)
            hasher.combine(brand)
            hasher.combine(journey)
            hasher.combine(touchpoint)
            hasher.combine(marker)
            hasher.combine(attribute)
            hasher.combine(stage)
            hasher.combine(channel)
            hasher.combine(identity)
            hasher.combine(action)
            return hasher.finalize()
        }
    }
}
