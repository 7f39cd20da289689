import LogGenerator

/// Plans the attribute values of a journey's touchpoints: for each segment,
/// values that pass every marker that applies there, shared in the
/// touchpoint's `experience` where the segments agree and laid over in
/// `bySegment` where they do not; then a few deliberate departures (the
/// gaps an audit should find), and enough touchpoints to meet each coverage
/// marker.
struct ExperiencePlanner {
    let table: ConstraintTable
    /// Segment positions of the journey.
    let segments: [Int]
    let departureRate: Double
    private(set) var statistics = PlanStatistics()

    init(table: ConstraintTable, segments: [Int], departureRate: Double) {
        self.table = table
        self.segments = segments
        self.departureRate = departureRate
    }

    private var brand: BrandShape { table.brand }

    mutating func plan(_ touchpoints: inout [PlannedTouchpoint], random: inout SplitMix64) {
        let handoffTargets = Self.handoffTargets(touchpoints)
        let domains = journeyDomains(random: &random)
        var progression = ProgressionState(brand: brand, random: &random)
        planProgression(&touchpoints, offset: 0, total: touchpoints.count, state: &progression, random: &random)
        planValues(&touchpoints, handoffTargets: handoffTargets, domains: domains, random: &random)
    }

    /// Every value but the progression's, for a run of touchpoints (a whole
    /// journey, or a window of a long one): each attribute solved, then
    /// preferences and departures, then coverage within the run.
    /// `handoffTargets` are positions in `touchpoints`.
    mutating func planValues(
        _ touchpoints: inout [PlannedTouchpoint], handoffTargets: Set<Int>, domains: [[PlanValue]], random: inout SplitMix64
    ) {
        for index in touchpoints.indices {
            let handoff = handoffTargets.contains(index)
            for attribute in brand.attributes.indices {
                switch brand.attributes[attribute].role {
                case .activity: touchpoints[index].base[attribute] = .word(touchpoints[index].activity)
                case .progression: continue
                case .free, .perJourney, .perBrand:
                    solve(attribute, at: &touchpoints[index], handoff: handoff, domain: domains[attribute], random: &random)
                }
            }
            addPreferences(at: &touchpoints[index], handoff: handoff, domains: domains, random: &random)
            depart(at: &touchpoints[index], handoff: handoff, domains: domains, random: &random)
        }
        cover(&touchpoints, handoffTargets: handoffTargets, domains: domains, random: &random)
    }

    /// Touchpoints that some `next` reaches from another channel.
    static func handoffTargets(_ touchpoints: [PlannedTouchpoint]) -> Set<Int> {
        var targets = Set<Int>()
        for touchpoint in touchpoints {
            for target in touchpoint.next where touchpoints[target].channel != touchpoint.channel { targets.insert(target) }
        }
        return targets
    }

    private func segmentsTaking(_ touchpoint: PlannedTouchpoint) -> [Int] { touchpoint.segments ?? segments }

    /// The values each attribute may take in this journey: one signature and
    /// one language per journey, one promise per brand, else the catalogue's.
    func journeyDomains(random: inout SplitMix64) -> [[PlanValue]] {
        brand.attributes.indices.map { attribute in
            let shape = brand.attributes[attribute]
            switch shape.role {
            case .perJourney: return random.pick(table.universallyAllowed(attribute)).map { [$0] } ?? shape.candidates
            case .perBrand: return table.universallyAllowed(attribute).prefix(1).map { $0 }
            default: return shape.candidates
            }
        }
    }

    private func allowed(_ attribute: Int, _ touchpoint: PlannedTouchpoint, segment: Int, handoff: Bool, domain: [PlanValue]) -> [PlanValue?] {
        table.allowed(attribute, channel: touchpoint.channel, stage: touchpoint.stage, segment: segment, handoff: handoff, domain: domain)
    }

    // MARK: Values

    /// Where a journey's progression stands: the attribute, and the value
    /// it has reached so far.
    struct ProgressionState {
        let attribute: Int
        var current: Double

        init?(brand: BrandShape, random: inout SplitMix64) {
            guard let attribute = brand.attribute(brand.progressionAttribute) else { return nil }
            self.attribute = attribute
            current = Double(random.between(2, 10))
        }
    }

    /// A rising value (engagement, win probability) along the written order,
    /// with a rare drop. `touchpoints` start at position `offset` of a
    /// journey of `total`, so a long journey can be planned a window at a time.
    mutating func planProgression(
        _ touchpoints: inout [PlannedTouchpoint], offset: Int, total: Int, state: inout ProgressionState?, random: inout SplitMix64
    ) {
        guard var progression = state else { return }
        let attribute = progression.attribute
        let rate = brand.attributes[attribute].planRate
        for index in touchpoints.indices where random.chance(rate) {
            let trend = (5 + 90 * Double(offset + index) / Double(total)).rounded(.down)
            progression.current = max(progression.current, trend)
            if random.chance(departureRate) {
                statistics.departures += 1
                touchpoints[index].base[attribute] = .number(max(0, progression.current - Double(random.between(5, 15))))
                touchpoints[index].notes.append("The forecast dips here: to be reviewed at the next pipeline meeting.")
            } else {
                touchpoints[index].base[attribute] = .number(progression.current)
            }
        }
        state = progression
    }

    /// The shared value that suits the most segments, and overlays for the rest.
    private mutating func solve(
        _ attribute: Int, at touchpoint: inout PlannedTouchpoint, handoff: Bool, domain: [PlanValue], random: inout SplitMix64
    ) {
        let shape = brand.attributes[attribute]
        let taking = segmentsTaking(touchpoint)
        guard table.isConstrained(attribute, channel: touchpoint.channel, stage: touchpoint.stage, segments: taking, handoff: handoff) else {
            if random.chance(shape.planRate), let value = random.pick(domain) { touchpoint.base[attribute] = value }
            return
        }
        let full: [PlanValue?] = [nil] + domain.map { $0 }
        let allowedBySegment: [[PlanValue?]] = taking.map { segment in
            let values = allowed(attribute, touchpoint, segment: segment, handoff: handoff, domain: domain)
            if values.isEmpty { statistics.contradictions += 1 }
            return values.isEmpty ? full : values
        }
        var best: [PlanValue?] = []
        var bestCount = -1
        for value in full {
            var count = 0
            var feasible = true
            for values in allowedBySegment {
                if values.contains(value) {
                    count += 1
                } else if !values.contains(where: { $0 != nil }) {
                    feasible = false
                    break
                }
            }
            guard feasible else { continue }
            if count > bestCount {
                best = [value]
                bestCount = count
            } else if count == bestCount {
                best.append(value)
            }
        }
        let planned = best.compactMap { $0 }
        var choice: PlanValue?
        if best.contains(where: { $0 == nil }), planned.isEmpty || random.chance(1 - shape.planRate) {
            choice = nil
        } else {
            choice = random.pick(planned)
        }
        if let choice { touchpoint.base[attribute] = choice }
        for (position, segment) in taking.enumerated() where !allowedBySegment[position].contains(choice) {
            if let value = random.pick(allowedBySegment[position].compactMap { $0 }) {
                touchpoint.overlays[segment, default: [:]][attribute] = value
            }
        }
    }

    /// Refinements no marker asks for: priority customers get a little more
    /// (a ritual, a higher service level), others an occasional variant.
    private mutating func addPreferences(
        at touchpoint: inout PlannedTouchpoint, handoff: Bool, domains: [[PlanValue]], random: inout SplitMix64
    ) {
        for segment in segmentsTaking(touchpoint) {
            let isPriority = brand.segments[segment].priority
            guard random.chance(isPriority ? 0.3 : 0.05) else { continue }
            let free = brand.attributes.indices.filter { brand.attributes[$0].role == .free }
            guard let attribute = random.pick(free) else { continue }
            let current = touchpoint.value(attribute, for: segment)
            var options = allowed(attribute, touchpoint, segment: segment, handoff: handoff, domain: domains[attribute])
                .compactMap { $0 }.filter { $0 != current }
            if isPriority, case .scale(let words) = brand.attributes[attribute].kind,
               case .word(let word)? = current, let rank = words.firstIndex(of: word) {
                options = options.filter { if case .word(let other) = $0 { return (words.firstIndex(of: other) ?? 0) > rank } else { return false } }
            }
            if let value = random.pick(options) { touchpoint.overlays[segment, default: [:]][attribute] = value }
        }
    }

    /// Now and then, a value that some applicable marker rejects.
    private mutating func depart(
        at touchpoint: inout PlannedTouchpoint, handoff: Bool, domains: [[PlanValue]], random: inout SplitMix64
    ) {
        let taking = segmentsTaking(touchpoint)
        for attribute in brand.attributes.indices {
            let shape = brand.attributes[attribute]
            guard shape.role == .free || shape.role == .perJourney || shape.role == .perBrand else { continue }
            let constrained = table.isConstrained(attribute, channel: touchpoint.channel, stage: touchpoint.stage, segments: taking, handoff: handoff)
            let rate = constrained ? departureRate : (shape.role == .free ? 0 : departureRate / 2)
            guard rate > 0, random.chance(rate) else { continue }
            // Segments that see the shared value: a departure there shows.
            let exposed = taking.filter { touchpoint.overlays[$0]?[attribute] == nil }
            guard !exposed.isEmpty else { continue }
            let candidates: [PlanValue?] = [nil] + (shape.candidates + shape.outliers).map { $0 }
            let departing = candidates.filter { value in
                value != touchpoint.base[attribute]
                    && (shape.role != .free
                        ? value != nil
                        : exposed.contains { !allowed(attribute, touchpoint, segment: $0, handoff: handoff, domain: domains[attribute]).contains(value) })
            }
            guard let value = random.pick(departing) else { continue }
            statistics.departures += 1
            touchpoint.base[attribute] = value
            if random.chance(0.3) {
                touchpoint.notes.append("Known gap: \(shape.id) departs from the charter here; the owner has a ticket open.")
            }
        }
    }

    // MARK: Coverage

    /// For each coverage marker, enough touchpoints of each unit meet it, for
    /// each segment, but for a few units left short on purpose.
    private mutating func cover(
        _ touchpoints: inout [PlannedTouchpoint], handoffTargets: Set<Int>, domains: [[PlanValue]], random: inout SplitMix64
    ) {
        for marker in table.markers {
            guard case .coverage(let per, let atLeast, let expects) = marker.rule else { continue }
            let attributes = expects.compactMap { brand.attribute($0.attribute) }
            guard attributes.count == expects.count,
                  attributes.allSatisfy({ brand.attributes[$0].role == .free }) else { continue }
            let minimum = atLeast ?? 1
            for segment in segments where marker.scope.includes(segment: brand.segments[segment].id) {
                var units: [Int: [Int]] = [:]
                for (index, touchpoint) in touchpoints.enumerated()
                where (touchpoint.segments?.contains(segment) ?? true)
                    && marker.scope.includes(channel: brand.channels[touchpoint.channel], stage: brand.stages[touchpoint.stage].id, segment: nil) {
                    let key = per == "stage" ? touchpoint.stage : (per == "channel" ? touchpoint.channel : 0)
                    units[key, default: []].append(index)
                }
                for key in units.keys.sorted() {
                    let members = units[key] ?? []
                    var hits = members.filter { meets(touchpoints[$0], expects, attributes, segment: segment) }.count
                    guard hits < minimum else { continue }
                    if random.chance(departureRate * 2) {
                        statistics.departures += 1
                        continue
                    }
                    for index in members where hits < minimum && !meets(touchpoints[index], expects, attributes, segment: segment) {
                        if fulfil(&touchpoints[index], expects, attributes, segment: segment,
                                  handoff: handoffTargets.contains(index), domains: domains, random: &random) {
                            hits += 1
                        }
                    }
                }
            }
        }
    }

    private func meets(_ touchpoint: PlannedTouchpoint, _ expects: [Expect], _ attributes: [Int], segment: Int) -> Bool {
        zip(expects, attributes).allSatisfy { expect, attribute in
            ExpectationJudge.passes(touchpoint.value(attribute, for: segment), expect.op, kind: brand.attributes[attribute].kind)
        }
    }

    /// Sets values that meet `expects` for `segment`, shared when every
    /// segment may have them, else as the segment's overlay.
    private func fulfil(
        _ touchpoint: inout PlannedTouchpoint, _ expects: [Expect], _ attributes: [Int], segment: Int,
        handoff: Bool, domains: [[PlanValue]], random: inout SplitMix64
    ) -> Bool {
        var assignment: [(Int, PlanValue)] = []
        for (expect, attribute) in zip(expects, attributes) {
            let kind = brand.attributes[attribute].kind
            let options = allowed(attribute, touchpoint, segment: segment, handoff: handoff, domain: domains[attribute])
                .compactMap { $0 }.filter { ExpectationJudge.passes($0, expect.op, kind: kind) }
            guard let value = random.pick(options) else { return false }
            assignment.append((attribute, value))
        }
        for (attribute, value) in assignment {
            let everyone = segmentsTaking(touchpoint).allSatisfy { other in
                touchpoint.overlays[other]?[attribute] != nil
                    || allowed(attribute, touchpoint, segment: other, handoff: handoff, domain: domains[attribute]).contains(value)
            }
            if everyone && touchpoint.overlays[segment]?[attribute] == nil {
                touchpoint.base[attribute] = value
            } else {
                touchpoint.overlays[segment, default: [:]][attribute] = value
            }
        }
        return true
    }
}
