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
    public var actions: SharedActions
    /// Every distinct accepted gap, with the segments it is accepted for, in
    /// the order of the report.
    public var accepted: SharedActions

    /// How many breaches a headline names.
    public static let breachCount = 3

    /// The most serious breaches: the first actions' gaps.
    public var breaches: Slice<SharedActions> { actions.prefix(Self.breachCount) }

    public struct SegmentStanding: Sendable, Equatable {
        public var segment: String
        public var name: String
        public var priority: Bool
        public var status: AuditStatus
        public var score: Score
    }

    /// The headline of `brand` from its segments' reports, nil when the
    /// audit holds none of them. The reports' lists name gaps of `source`,
    /// as the audit makes them.
    static func headline(of brand: Brand, in reports: [SegmentReport], source: GapSource) -> BrandHeadline? {
        let mine = reports.filter { $0.brand == brand.id }
        guard !mine.isEmpty else { return nil }
        let segments = mine.map(\.segment)
        var actions = SharedActions.Merge(source: source, segmentCount: mine.count)
        var accepted = SharedActions.Merge(source: source, segmentCount: mine.count)
        for (slot, report) in mine.enumerated() {
            for group in report.actions {
                let channel = group.channel.flatMap { brand.channels.index(of: $0) }
                for position in group.items.gaps.positions?.positions ?? [] {
                    actions.add(position, segment: slot, priority: report.priority, channel: channel)
                }
            }
            for position in report.suppressed.positions?.positions ?? [] {
                accepted.add(position, segment: slot, priority: report.priority, channel: source.wording.channel(of: source.gaps[Int(position)]))
            }
        }
        var counts = SeverityCounts()
        let severities = actions.entries.map { source.gaps[Int($0.position)].severity }
        for severity in severities { counts.add(severity) }
        // What the order reads, read once: a comparison reads no gap.
        let priorityLived = actions.priorityLived, segmentCounts = actions.entries.indices.map(actions.segmentCount)
        let order = actions.entries.indices.sorted { lhs, rhs in
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
            openCounts: counts, segments: standings,
            actions: SharedActions(actions, order: order, brand: brand, segments: segments),
            accepted: SharedActions(accepted, order: nil, brand: brand, segments: segments)
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
}

/// A brand's distinct gaps, each with the segments that live it, made into
/// a ``SharedAction`` when read: the headline keeps eight bytes and a few
/// bits a gap.
public struct SharedActions: RandomAccessCollection, Sendable, Equatable {
    struct Entry: Sendable {
        /// The first segment's gap, in the check's gaps.
        let position: Int32
        /// In the brand's catalog, -1 for none.
        let channel: Int32
    }

    private let source: GapSource
    private let brand: Brand
    /// The brand's segments, in report order.
    private let segments: [String]
    private let entries: [Entry]
    /// Each entry's segments, as bits over ``segments``.
    private let segmentBits: [UInt64]
    private let wordsPerEntry: Int

    init(_ merge: Merge, order: [Int]?, brand: Brand, segments: [String]) {
        source = merge.source
        self.brand = brand
        self.segments = segments
        wordsPerEntry = merge.wordsPerEntry
        if let order {
            entries = order.map { merge.entries[$0] }
            segmentBits = order.flatMap { merge.segmentBits[($0 * merge.wordsPerEntry)..<(($0 + 1) * merge.wordsPerEntry)] }
        } else {
            entries = merge.entries
            segmentBits = merge.segmentBits
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { entries.count }

    public subscript(index: Int) -> SharedAction {
        let entry = entries[index]
        let channel = entry.channel >= 0 && Int(entry.channel) < brand.channels.count ? brand.channels[Int(entry.channel)] : nil
        var names: [String] = []
        for (slot, segment) in segments.enumerated()
        where segmentBits[index * wordsPerEntry + slot / 64] & (1 << UInt64(slot % 64)) != 0 {
            names.append(segment)
        }
        return SharedAction(
            item: ActionItem(gap: source.describe(entry.position)), segments: names, channel: channel?.id,
            channelName: channel?.name ?? ActionPlan.noChannelName, owner: channel?.owner
        )
    }

    public static func == (lhs: SharedActions, rhs: SharedActions) -> Bool { lhs.elementsEqual(rhs) }

    /// Gaps gathered segment by segment, one entry per distinct gap.
    ///
    /// A gap is first found by its place without the segment (journey,
    /// touchpoint, marker, position in the file): gaps at different places
    /// are different fixes, and most places hold one. Only gaps sharing a
    /// place are compared by their words (``Key``), each entry known by a
    /// digest of its key, so two gaps merge only when every field that tells
    /// them apart, but the segment, is the same.
    struct Merge {
        let source: GapSource
        let wordsPerEntry: Int
        private(set) var entries: [Entry] = []
        /// Whether a priority segment lives each entry.
        private(set) var priorityLived: [Bool] = []
        private(set) var segmentBits: [UInt64] = []
        /// The last entry of each place, and for each entry the one before of its place.
        private var lastByPlace: [Place: Int32] = [:]
        private var previousAtPlace: [Int32] = []
        /// Each entry's key digest once a gap of its place was compared to it, else nil.
        private var digests: [Int?] = []

        init(source: GapSource, segmentCount: Int) {
            self.source = source
            wordsPerEntry = Swift.max(1, (segmentCount + 63) / 64)
        }

        func segmentCount(_ entry: Int) -> Int {
            segmentBits[(entry * wordsPerEntry)..<((entry + 1) * wordsPerEntry)].reduce(0) { $0 + $1.nonzeroBitCount }
        }

        mutating func add(_ position: Int32, segment slot: Int, priority: Bool, channel: Int?) {
            let gap = source.gaps[Int(position)]
            let place = Place(gap.place)
            var key: Key?
            var candidate = lastByPlace[place] ?? -1
            while candidate >= 0 {
                let index = Int(candidate)
                if entries[index].position == position || isSame(index, as: gap, key: &key) {
                    segmentBits[index * wordsPerEntry + slot / 64] |= 1 << UInt64(slot % 64)
                    priorityLived[index] = priorityLived[index] || priority
                    return
                }
                candidate = previousAtPlace[index]
            }
            previousAtPlace.append(lastByPlace[place] ?? -1)
            lastByPlace[place] = Int32(entries.count)
            entries.append(Entry(position: position, channel: Int32(truncatingIfNeeded: channel ?? -1)))
            priorityLived.append(priority)
            digests.append(nil)
            segmentBits += [UInt64](repeating: 0, count: wordsPerEntry)
            segmentBits[(entries.count - 1) * wordsPerEntry + slot / 64] |= 1 << UInt64(slot % 64)
        }

        /// Whether `gap` is the same fix as entry `index` (at its place); `key`
        /// is the gap's, made the first time it is needed.
        private mutating func isSame(_ index: Int, as gap: Gap, key: inout Key?) -> Bool {
            let mine = key ?? Key(gap, wording: source.wording)
            key = mine
            let theirs = source.gaps[Int(entries[index].position)]
            let digest: Int
            if let known = digests[index] {
                digest = known
            } else {
                digest = Key(theirs, wording: source.wording).digest
                digests[index] = digest
            }
            return digest == mine.digest && Key(theirs, wording: source.wording) == mine
        }
    }

    /// A gap's place without its segment.
    struct Place: Hashable {
        let journey: Int32
        let touchpoint: Int32
        let marker: Int32
        let position: SourcePosition

        init(_ place: GapPlace) {
            journey = Int32(truncatingIfNeeded: place.journey)
            touchpoint = Int32(truncatingIfNeeded: place.touchpoint ?? -1)
            marker = Int32(truncatingIfNeeded: place.marker)
            position = place.position
        }
    }

    /// What tells two gaps of one place apart, but the segment: the same
    /// key in two segments' plans is the same fix. A missing field equals an
    /// empty one, as in a fingerprint.
    struct Key: Equatable {
        let attribute: String, stage: String, channel: String, identity: String, action: String

        init(_ gap: Gap, wording: GapWording) {
            attribute = wording.attributeID(of: gap) ?? ""
            stage = wording.stageID(of: gap) ?? ""
            channel = wording.channelID(of: gap) ?? ""
            identity = wording.identity(of: gap)
            action = wording.action(of: gap)
        }

        /// Equal keys have equal digests.
        var digest: Int {
            var hasher = Hasher()
            hasher.combine(attribute)
            hasher.combine(stage)
            hasher.combine(channel)
            hasher.combine(identity)
            hasher.combine(action)
            return hasher.finalize()
        }
    }
}
