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
        actions.finish()
        accepted.finish()
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
    /// are different fixes, and most places hold one gap or the same gap
    /// for every segment. Only different gaps sharing a place are told
    /// apart by their words (``Key``), each made once, so two gaps merge
    /// only when every field that tells them apart, but the segment, is the
    /// same.
    struct Merge {
        let source: GapSource
        let wordsPerEntry: Int
        /// Each gap added, in the order added.
        private var positions: [Int32] = []
        private var slots: [Int32] = []
        private var priorities: [Bool] = []
        private var channels: [Int32] = []
        /// The last gap added at each place, and for each the one before at its place.
        private var lastByPlace: [Place: Int32] = [:]
        private var previousAtPlace: [Int32] = []
        private(set) var entries: [Entry] = []
        /// Whether a priority segment lives each entry.
        private(set) var priorityLived: [Bool] = []
        private(set) var segmentBits: [UInt64] = []

        init(source: GapSource, segmentCount: Int) {
            self.source = source
            wordsPerEntry = Swift.max(1, (segmentCount + 63) / 64)
        }

        func segmentCount(_ entry: Int) -> Int {
            segmentBits[(entry * wordsPerEntry)..<((entry + 1) * wordsPerEntry)].reduce(0) { $0 + $1.nonzeroBitCount }
        }

        mutating func add(_ position: Int32, segment slot: Int, priority: Bool, channel: Int?) {
            let place = Place(source.gaps[Int(position)].place)
            previousAtPlace.append(lastByPlace[place] ?? -1)
            lastByPlace[place] = Int32(positions.count)
            positions.append(position)
            slots.append(Int32(slot))
            priorities.append(priority)
            channels.append(Int32(truncatingIfNeeded: channel ?? -1))
        }

        /// Merges what was added into ``entries``, in the order each distinct gap was first added.
        mutating func finish() {
            // The first addition of the same fix, for each addition.
            var first = [Int32](repeating: -1, count: positions.count)
            for last in lastByPlace.values where previousAtPlace[Int(last)] >= 0 {
                var chain: [Int32] = []
                var link = last
                while link >= 0 {
                    chain.append(link)
                    link = previousAtPlace[Int(link)]
                }
                chain.reverse()
                // The same gap in several segments is the same fix.
                var byPosition: [Int32: Int32] = [:]
                for addition in chain where byPosition[positions[Int(addition)]] == nil { byPosition[positions[Int(addition)]] = addition }
                if byPosition.count == 1 {
                    for addition in chain { first[Int(addition)] = chain[0] }
                    continue
                }
                // Different gaps at one place: told apart by their words.
                var byKey: [Key: Int32] = [:]
                var sameAs: [Int32: Int32] = [:]
                for addition in chain where byPosition[positions[Int(addition)]] == addition {
                    let key = Key(source.gaps[Int(positions[Int(addition)])], wording: source.wording)
                    if let earlier = byKey[key] {
                        sameAs[addition] = earlier
                    } else {
                        byKey[key] = addition
                        sameAs[addition] = addition
                    }
                }
                for addition in chain {
                    let seen = byPosition[positions[Int(addition)]] ?? addition
                    first[Int(addition)] = sameAs[seen] ?? seen
                }
            }
            var entryOf = [Int32](repeating: -1, count: positions.count)
            for addition in positions.indices {
                let earliest = Int(first[addition] < 0 ? Int32(addition) : first[addition])
                var entry = Int(entryOf[earliest])
                if entry < 0 {
                    entry = entries.count
                    entryOf[earliest] = Int32(entry)
                    entries.append(Entry(position: positions[addition], channel: channels[addition]))
                    priorityLived.append(false)
                    segmentBits += [UInt64](repeating: 0, count: wordsPerEntry)
                }
                let slot = Int(slots[addition])
                segmentBits[entry * wordsPerEntry + slot / 64] |= 1 << UInt64(slot % 64)
                priorityLived[entry] = priorityLived[entry] || priorities[addition]
            }
            positions = []
            slots = []
            priorities = []
            channels = []
            lastByPlace = [:]
            previousAtPlace = []
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
    struct Key: Hashable {
        let attribute: String, stage: String, channel: String, identity: String, action: String

        init(_ gap: Gap, wording: GapWording) {
            attribute = wording.attributeID(of: gap) ?? ""
            stage = wording.stageID(of: gap) ?? ""
            channel = wording.channelID(of: gap) ?? ""
            identity = wording.identity(of: gap)
            action = wording.action(of: gap)
        }
    }
}
