import LogGenerator

/// A journey's touchpoints in written order, stage by stage: the anchors the
/// sequence markers need first, then one touchpoint per channel the stage
/// uses, then fillers up to the stage's share. It hands them out a batch at
/// a time, so that a journey too long to hold can be written while it is
/// planned; the draws, and so the touchpoints, are the same whatever the
/// batch sizes.
struct TouchpointSequence {
    let brand: BrandShape
    /// Segment positions of the journey.
    let segments: [Int]
    let departureRate: Double
    /// Deliberate departures made so far (a dropped anchor, a cap overflowed).
    private(set) var departures = 0

    private let anchorsByStage: [[ActivityShape]]
    private let fillersByStage: [[ActivityShape]]
    private let channelsByStage: [[Int]]
    /// How many touchpoints each stage gets.
    private let counts: [Int]
    /// Words a sequence needs before another: dropping one is a departure.
    private let droppable: Set<String>
    /// Activity word → how many the journey may have (a cap, or one more on purpose).
    private let limits: [String: Int]
    private var used: [String: Int] = [:]
    private var idCounts: [String: Int] = [:]
    private var stage = 0
    /// Touchpoints made in the current stage; nil until its opening ones are.
    private var madeInStage: Int?

    init(brand: BrandShape, total: Int, segments: [Int], departureRate: Double, random: inout SplitMix64) {
        self.brand = brand
        self.segments = segments
        self.departureRate = departureRate
        let stageCount = brand.stages.count
        let anchorsByStage = (0..<stageCount).map { stage in brand.activities.filter { $0.stage == stage && $0.anchor } }
        let channelsByStage = (0..<stageCount).map { brand.stageChannels($0) }
        self.anchorsByStage = anchorsByStage
        self.channelsByStage = channelsByStage
        fillersByStage = (0..<stageCount).map { stage in brand.activities.filter { $0.stage == stage && !$0.anchor } }
        let forced = (0..<stageCount).map { anchorsByStage[$0].count + channelsByStage[$0].count }
        let spare = max(0, total - forced.reduce(0, +))
        let weightSum = brand.stages.reduce(0) { $0 + $1.weight }
        var counts = (0..<stageCount).map { forced[$0] + Int(Double(spare) * brand.stages[$0].weight / weightSum) }
        counts[stageCount - 1] += max(0, total - counts.reduce(0, +))
        self.counts = counts

        // A word another sequence waits for stays, or that sequence would check nothing.
        let awaited = Set(brand.sequences.map(\.then))
        droppable = Set(brand.sequences.filter { ($0.atLeast ?? 1) > 0 }.map(\.first) + [brand.surveyWord]).subtracting(awaited)
        var limits: [String: Int] = [:]
        var departures = 0
        for activity in brand.activities {
            guard let cap = activity.cap else { continue }
            let overflow = random.chance(departureRate * 4)
            if overflow { departures += 1 }
            limits[activity.word] = overflow ? cap + random.between(1, 2) : cap
        }
        self.limits = limits
        self.departures = departures
    }

    /// Whether every touchpoint has been handed out.
    var isFinished: Bool { stage >= brand.stages.count }

    /// The next touchpoints, until the batch holds `limit` or more (a
    /// stage's opening touchpoints come together) or the journey ends.
    mutating func next(limit: Int, random: inout SplitMix64) -> [PlannedTouchpoint] {
        var batch: [PlannedTouchpoint] = []
        while batch.count < limit, stage < brand.stages.count {
            guard let made = madeInStage else {
                let opening = openStage(random: &random)
                batch += opening
                madeInStage = opening.count
                continue
            }
            if made < counts[stage], let channel = random.pick(channelsByStage[stage]),
               let activity = filler(for: channel, random: &random) {
                var restricted: [Int]?
                if segments.count > 1, random.chance(0.1) {
                    restricted = random.sample(segments, count: random.between(1, segments.count - 1))
                }
                batch.append(make(activity, channel: channel, restricted: restricted))
                madeInStage = made + 1
            } else {
                // A stage ends at its share, or early when a channel has nothing left to offer.
                stage += 1
                madeInStage = nil
            }
        }
        return batch
    }

    /// The stage's anchors in order (one sometimes dropped on purpose), then
    /// a touchpoint on each channel the anchors left unused.
    private mutating func openStage(random: inout SplitMix64) -> [PlannedTouchpoint] {
        let channels = channelsByStage[stage]
        var opening: [PlannedTouchpoint] = []
        var channelsUsed = Set<Int>()
        for anchor in anchorsByStage[stage] {
            if droppable.contains(anchor.word), random.chance(departureRate * 2) {
                departures += 1
                continue
            }
            let options = channels.filter { compatible(anchor, $0) }
            guard let channel = random.pick(options.isEmpty ? channels : options) else { continue }
            channelsUsed.insert(channel)
            opening.append(make(anchor, channel: channel, restricted: nil))
        }
        for channel in channels where !channelsUsed.contains(channel) {
            guard let activity = filler(for: channel, random: &random) else { continue }
            opening.append(make(activity, channel: channel, restricted: nil))
        }
        return opening
    }

    private mutating func make(_ activity: ActivityShape, channel: Int, restricted: [Int]?) -> PlannedTouchpoint {
        let channelShape = brand.channels[channel]
        let stem = "\(activity.word)-\(channelShape.id)"
        let count = (idCounts[stem] ?? 0) + 1
        idCounts[stem] = count
        let id = count == 1 ? stem : "\(stem)-\(count)"
        let name = count == 1 ? "\(activity.label), \(channelShape.name)" : "\(activity.label), \(channelShape.name) (\(count))"
        used[activity.word, default: 0] += 1
        return PlannedTouchpoint(id: id, name: name, stage: activity.stage, channel: channel, activity: activity.word, segments: restricted)
    }

    private func compatible(_ activity: ActivityShape, _ channel: Int) -> Bool {
        activity.kinds?.contains(brand.channels[channel].kind) ?? true
    }

    /// A filler of the current stage that suits the channel and has not reached its limit.
    private func filler(for channel: Int, random: inout SplitMix64) -> ActivityShape? {
        let options = fillersByStage[stage].filter { activity in
            compatible(activity, channel) && (limits[activity.word].map { (used[activity.word] ?? 0) < $0 } ?? true)
        }
        return random.pick(options)
    }
}
