import LogGenerator

/// The long-journey profile: one brand, the group charter it extends, and
/// one journey of `touchpoints` touchpoints whose values are planned as in
/// the realistic profile (a normal share of gaps).
///
/// A million touchpoints make a file of some 600 MB, so the journey is
/// planned and written a window at a time and never held: its structure
/// comes from a ``TouchpointSequence``, each window's values from one
/// ``ExperiencePlanner`` (coverage is met within each window, and so along
/// the journey), and each window's text goes to disk before the next is
/// planned. Generating holds a few hundred touchpoints whatever the length.
struct LongJourneyGenerator: Sendable {
    let seed: UInt64
    let touchpoints: Int
    let departureRate = 0.03
    /// Touchpoints planned at once: about one ordinary journey.
    let window = 250
    /// The brand of the journey: the first of the catalogue, which extends the group charter.
    let brandIndex = 0
    /// Links reach at most this far ahead (see ``JourneyPlanner/links(from:count:random:)``).
    private let reach = 4

    /// What was written: folder-relative paths, and what the planner did.
    struct Outcome: Sendable {
        let paths: [String]
        let statistics: PlanStatistics
    }

    func write(to folder: String) throws(FolderIO.Failure) -> Outcome {
        let workspace = WorkspaceGenerator(seed: seed, departureRate: departureRate)
        let table = workspace.tables[brandIndex]
        let brand = table.brand
        let brandFiles = workspace.brandFiles(only: [brandIndex])
        try FolderIO.write(brandFiles, to: folder)

        var random = SplitMix64(seed: seed, stream: 0x40_0000)
        var statistics = PlanStatistics()
        let segments = Array(brand.segments.indices)
        let kpis = JourneyPlanner(table: table, brandIndex: brandIndex, departureRate: departureRate)
            .planKPIs(random: &random, statistics: &statistics)
        let journey = PlannedJourney(
            id: "long-journey", name: "Long journey", brand: brandIndex, path: "Journeys/\(brand.id)/long-journey.journey.jsonc",
            segments: segments, writesSegments: true, touchpoints: [], kpis: kpis,
            description: "A journey of \(touchpoints) touchpoints, to measure what one very large file costs."
        )
        let file = try FolderIO.StreamedFile(journey.path, in: folder)
        var writer = JourneyFileWriter(brand: brand, random: &random)
        writer.writeHeading(journey, seed: seed)

        var sequence = TouchpointSequence(brand: brand, total: touchpoints, segments: segments, departureRate: departureRate, random: &random)
        var experiences = ExperiencePlanner(table: table, segments: segments, departureRate: departureRate)
        let domains = experiences.journeyDomains(random: &random)
        var progression = ExperiencePlanner.ProgressionState(brand: brand, random: &random)
        // Touchpoints made but not yet written; `start` is the journey position of the first.
        var pending: [PlannedTouchpoint] = []
        var start = 0
        // Journey positions that an earlier touchpoint hands over to from another channel.
        var handoffs = Set<Int>()
        while true {
            // Enough touchpoints ahead that every link of the window lands on a known one.
            while pending.count < window + reach, !sequence.isFinished {
                pending += sequence.next(limit: window + reach - pending.count, random: &random)
            }
            guard !pending.isEmpty else { break }
            let count = min(window, pending.count)
            let known = sequence.isFinished ? start + pending.count : Int.max
            for offset in 0..<count {
                let links = JourneyPlanner.links(from: start + offset, count: known, random: &random)
                pending[offset].next = links
                for target in links where pending[target - start].channel != pending[offset].channel { handoffs.insert(target) }
            }
            var planned = Array(pending[..<count])
            experiences.planProgression(&planned, offset: start, total: touchpoints, state: &progression, random: &random)
            let targets = Set(handoffs.filter { $0 < start + count }.map { $0 - start })
            experiences.planValues(&planned, handoffTargets: targets, domains: domains, random: &random)
            for (offset, touchpoint) in planned.enumerated() {
                let isLast = sequence.isFinished && offset == pending.count - 1
                writer.writeTouchpoint(touchpoint, nextIDs: touchpoint.next.map { pending[$0 - start].id }, isLast: isLast, random: &random)
            }
            try file.write(writer.takeText())
            handoffs = handoffs.filter { $0 >= start + count }
            pending.removeFirst(count)
            start += count
        }
        writer.writeClosing(kpis)
        try file.write(writer.takeText())
        try file.close()

        statistics.touchpoints = start
        statistics.departures += sequence.departures
        return Outcome(paths: brandFiles.map(\.path) + [journey.path], statistics: statistics + experiences.statistics)
    }
}
