import LogGenerator

/// Plans one journey's structure: which segments go through it, its
/// touchpoints stage by stage (``TouchpointSequence``), the `next` links
/// between them, and the KPIs of each stage. Values are left to
/// ``ExperiencePlanner``, or to ``RandomExperiencePlanner`` for the
/// gap-heavy profile.
struct JourneyPlanner: Sendable {
    let table: ConstraintTable
    let brandIndex: Int
    /// Odds of a deliberate departure; the self-check reports the result.
    let departureRate: Double
    var values: ValuePlanning = .realistic

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

        var sequence = TouchpointSequence(brand: brand, total: total, segments: segments, departureRate: departureRate, random: &random)
        var touchpoints = sequence.next(limit: .max, random: &random)
        statistics.departures += sequence.departures
        for index in touchpoints.indices {
            touchpoints[index].next = Self.links(from: index, count: touchpoints.count, random: &random)
        }
        switch values {
        case .realistic:
            var experiences = ExperiencePlanner(table: table, segments: segments, departureRate: departureRate)
            experiences.plan(&touchpoints, random: &random)
            statistics = statistics + experiences.statistics
        case .random:
            // A stream of their own, so the journey's structure and KPIs are the realistic profile's.
            var valueRandom = SplitMix64(seed: seed, stream: 0x30_0000 &+ UInt64(brandIndex) << 32 &+ UInt64(ordinal))
            RandomExperiencePlanner(brand: brand, segments: segments).plan(&touchpoints, random: &valueRandom)
        }
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

    // MARK: Links

    /// Forward links only, mostly to the next touchpoint, sometimes further:
    /// a journey order the checker reads back as written. Positions of the
    /// touchpoints that the one at `index` of `count` hands over to.
    static func links(from index: Int, count: Int, random: inout SplitMix64) -> [Int] {
        var next: [Int] = []
        if index + 1 < count, random.chance(0.88) { next.append(index + 1) }
        if index + 2 < count, random.chance(0.15) { next.append(random.between(index + 2, min(index + 4, count - 1))) }
        return next
    }

    // MARK: KPIs

    func planKPIs(random: inout SplitMix64, statistics: inout PlanStatistics) -> [(stage: Int, kpis: [PlannedKPI])] {
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
