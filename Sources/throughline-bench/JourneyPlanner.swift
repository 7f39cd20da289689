/// Plans one journey's structure: which segments go through it, its
/// touchpoints stage by stage (anchors the sequence markers need first, then
/// one touchpoint per channel the stage uses, then fillers), the `next`
/// links between them, and the KPIs of each stage. Values are left to
/// ``ExperiencePlanner``.
struct JourneyPlanner: Sendable {
    let table: ConstraintTable
    let brandIndex: Int
    /// Odds of a deliberate departure; the self-check reports the result.
    let departureRate: Double

    var brand: BrandShape { table.brand }

    /// The `ordinal`-th journey of this brand, from its own random stream.
    func plan(ordinal: Int, seed: UInt64) -> (PlannedJourney, PlanStatistics) {
        var random = SplitMix64(seed: seed, stream: 0x10_0000 &+ UInt64(brandIndex) << 32 &+ UInt64(ordinal))
        var statistics = PlanStatistics()
        let (segments, writesSegments) = chooseSegments(ordinal: ordinal, random: &random)
        let theme = brand.journeyThemes[ordinal % brand.journeyThemes.count]
        let id = "\(theme)-\(Self.padded(ordinal))"
        let title = theme.split(separator: "-").joined(separator: " ")
        let name = "\(title.prefix(1).uppercased())\(title.dropFirst()) #\(ordinal)"
        let total = random.between(50, 300)

        var touchpoints = buildTouchpoints(total: total, segments: segments, random: &random, statistics: &statistics)
        link(&touchpoints, random: &random)
        var experiences = ExperiencePlanner(table: table, segments: segments, departureRate: departureRate)
        experiences.plan(&touchpoints, random: &random)
        statistics = statistics + experiences.statistics
        statistics.touchpoints = touchpoints.count
        let kpis = planKPIs(random: &random, statistics: &statistics)
        let journey = PlannedJourney(
            id: id, name: name, brand: brandIndex, path: "Journeys/\(brand.id)/\(id).journey.jsonc",
            segments: segments, writesSegments: writesSegments, touchpoints: touchpoints, kpis: kpis,
            description: "Generated benchmark journey \(ordinal) of \(brand.name): \(touchpoints.count) touchpoints."
        )
        return (journey, statistics)
    }

    static func padded(_ number: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    // MARK: Segments

    /// The first journey of a brand goes through every segment, so every
    /// marker applies somewhere; the others through a seeded subset.
    private func chooseSegments(ordinal: Int, random: inout SplitMix64) -> ([Int], Bool) {
        let all = Array(brand.segments.indices)
        if ordinal == 0 { return (all, random.chance(0.5)) }
        if random.chance(0.35) { return (all, false) }
        var chosen = Set<Int>()
        if let priority = brand.segments.firstIndex(where: \.priority), random.chance(0.7) { chosen.insert(priority) }
        if random.chance(0.7) { chosen.insert(0) }
        let wanted = random.between(2, all.count)
        while chosen.count < wanted { chosen.insert(random.below(all.count)) }
        return (all.filter { chosen.contains($0) }, true)
    }

    // MARK: Touchpoints

    private func buildTouchpoints(
        total: Int, segments: [Int], random: inout SplitMix64, statistics: inout PlanStatistics
    ) -> [PlannedTouchpoint] {
        let stageCount = brand.stages.count
        let anchorsByStage = (0..<stageCount).map { stage in brand.activities.filter { $0.stage == stage && $0.anchor } }
        let fillersByStage = (0..<stageCount).map { stage in brand.activities.filter { $0.stage == stage && !$0.anchor } }
        let channelsByStage = (0..<stageCount).map { brand.stageChannels($0) }
        let forced = (0..<stageCount).map { anchorsByStage[$0].count + channelsByStage[$0].count }
        let spare = max(0, total - forced.reduce(0, +))
        let weightSum = brand.stages.reduce(0) { $0 + $1.weight }
        var counts = (0..<stageCount).map { forced[$0] + Int(Double(spare) * brand.stages[$0].weight / weightSum) }
        counts[stageCount - 1] += max(0, total - counts.reduce(0, +))

        // Words a sequence needs before another: dropping one is a departure.
        // A word another sequence waits for stays, or that sequence would check nothing.
        let awaited = Set(brand.sequences.map(\.then))
        let droppable = Set(brand.sequences.filter { ($0.atLeast ?? 1) > 0 }.map(\.first) + [brand.surveyWord]).subtracting(awaited)
        var limits: [String: Int] = [:]
        for activity in brand.activities {
            guard let cap = activity.cap else { continue }
            let overflow = random.chance(departureRate * 4)
            if overflow { statistics.departures += 1 }
            limits[activity.word] = overflow ? cap + random.between(1, 2) : cap
        }
        var used: [String: Int] = [:]
        var idCounts: [String: Int] = [:]
        var result: [PlannedTouchpoint] = []

        func make(_ activity: ActivityShape, channel: Int, restricted: [Int]?) -> PlannedTouchpoint {
            let channelShape = brand.channels[channel]
            let stem = "\(activity.word)-\(channelShape.id)"
            let count = (idCounts[stem] ?? 0) + 1
            idCounts[stem] = count
            let id = count == 1 ? stem : "\(stem)-\(count)"
            let name = count == 1 ? "\(activity.label), \(channelShape.name)" : "\(activity.label), \(channelShape.name) (\(count))"
            used[activity.word, default: 0] += 1
            return PlannedTouchpoint(id: id, name: name, stage: activity.stage, channel: channel, activity: activity.word, segments: restricted)
        }
        func compatible(_ activity: ActivityShape, _ channel: Int) -> Bool {
            activity.kinds?.contains(brand.channels[channel].kind) ?? true
        }
        func filler(for channel: Int, stage: Int, random: inout SplitMix64) -> ActivityShape? {
            let options = fillersByStage[stage].filter { activity in
                compatible(activity, channel) && (limits[activity.word].map { (used[activity.word] ?? 0) < $0 } ?? true)
            }
            return random.pick(options)
        }

        for stage in 0..<stageCount {
            let channels = channelsByStage[stage]
            var stageTouchpoints: [PlannedTouchpoint] = []
            var channelsUsed = Set<Int>()
            for anchor in anchorsByStage[stage] {
                if droppable.contains(anchor.word), random.chance(departureRate * 2) {
                    statistics.departures += 1
                    continue
                }
                let options = channels.filter { compatible(anchor, $0) }
                guard let channel = random.pick(options.isEmpty ? channels : options) else { continue }
                channelsUsed.insert(channel)
                stageTouchpoints.append(make(anchor, channel: channel, restricted: nil))
            }
            for channel in channels where !channelsUsed.contains(channel) {
                guard let activity = filler(for: channel, stage: stage, random: &random) else { continue }
                stageTouchpoints.append(make(activity, channel: channel, restricted: nil))
            }
            while stageTouchpoints.count < counts[stage] {
                guard let channel = random.pick(channels),
                      let activity = filler(for: channel, stage: stage, random: &random) else { break }
                var restricted: [Int]?
                if segments.count > 1, random.chance(0.1) {
                    restricted = random.sample(segments, count: random.between(1, segments.count - 1))
                }
                stageTouchpoints.append(make(activity, channel: channel, restricted: restricted))
            }
            result += stageTouchpoints
        }
        return result
    }

    /// Forward links only, mostly to the next touchpoint, sometimes further:
    /// a journey order the checker reads back as written.
    private func link(_ touchpoints: inout [PlannedTouchpoint], random: inout SplitMix64) {
        for index in touchpoints.indices {
            if index + 1 < touchpoints.count, random.chance(0.88) { touchpoints[index].next.append(index + 1) }
            if index + 2 < touchpoints.count, random.chance(0.15) {
                touchpoints[index].next.append(random.between(index + 2, min(index + 4, touchpoints.count - 1)))
            }
        }
    }

    // MARK: KPIs

    private func planKPIs(random: inout SplitMix64, statistics: inout PlanStatistics) -> [(stage: Int, kpis: [PlannedKPI])] {
        let measuredTwice = Set([brand.stage(role: .commit), brand.stage(role: .loyalty)].compactMap { $0 })
        return brand.stages.indices.map { stage in
            var quantitative = measuredTwice.contains(stage) ? random.between(2, 3) : random.between(1, 2)
            var qualitative = random.between(1, 2)
            if random.chance(departureRate * 3) {
                statistics.departures += 1
                if random.chance(0.5) { qualitative = 0 } else { quantitative -= 1 }
            }
            let kpis = random.sample(brand.quantitativeKPIs, count: quantitative).map { PlannedKPI(name: $0.name, quantitative: true, target: $0.target) }
                + random.sample(brand.qualitativeKPIs, count: qualitative).map { PlannedKPI(name: $0.name, quantitative: false, target: $0.target) }
            return (stage, kpis)
        }
    }
}
