import JourneyModel

/// Coverage markers: in every unit (the journey, each of its stages, or
/// each of its channels) at least `minimum` touchpoints in scope meet the
/// expectations. One check per unit; the gap points at the unit's first
/// touchpoint.
extension CoverageRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        let compiled = marker.expectations
        let wanted = expectations.map { $0.describe(in: brand) }.joined(separator: " and ")
        for view in context.journeys {
            let inScope = context.orderedTouchpoints(of: view, in: marker.scope)
            guard !inScope.isEmpty else { continue }
            for unit in units(of: inScope, in: view) {
                let hits = unit.members.filter { compiled.isMet(in: view, at: $0, brand: brand) }.count
                recorder.record(
                    marker, in: view, touchpoint: nil, channel: unit.channel, stage: unit.stage, met: hits >= minimum,
                    drafts: [shortfall(in: unit, hits: hits, wanted: wanted, view: view, marker: marker, brand: brand)]
                )
            }
        }
    }

    /// The gap of a unit with too few hits, built only when there is one.
    private func shortfall(in unit: Unit, hits: Int, wanted: String, view: JourneyView, marker: ActiveMarker, brand: Brand) -> GapDraft {
        let first = view.touchpoint(unit.members[0])
        let (label, sentence) = describe(unit, view: view, brand: brand)
        return GapDraft(
            position: first.position,
            expected: "at least \(minimum) touchpoint\(minimum == 1 ? "" : "s") per \(self.unit.rawValue) with \(wanted)",
            planned: "\(hits) in \(label)",
            message: "\(sentence) has \(hits) touchpoint\(hits == 1 ? "" : "s") with \(wanted); '\(marker.marker.title)' expects at least \(minimum)",
            action: "Make \(minimum - hits) more touchpoint\(minimum - hits == 1 ? "" : "s") of \(label) meet '\(wanted)' (for example \(first.id)).",
            related: [RelatedLocation(view.journey.location(first.position), "first touchpoint of \(label)")]
        )
    }

    private struct Unit {
        var members: [Int]
        var stage: Int?
        var channel: Int?
    }

    /// The units of one journey, in stage or channel order, each with its
    /// touchpoints in journey order.
    private func units(of positions: [Int], in view: JourneyView) -> [Unit] {
        switch unit {
        case .journey:
            return [Unit(members: positions)]
        case .stage:
            let groups = Dictionary(grouping: positions) { view.stage($0) }
            return groups.keys.sorted().map { Unit(members: groups[$0] ?? [], stage: $0) }
        case .channel:
            let groups = Dictionary(grouping: positions) { view.channel($0) }
            return groups.keys.sorted().map { Unit(members: groups[$0] ?? [], channel: $0) }
        }
    }

    private func describe(_ unit: Unit, view: JourneyView, brand: Brand) -> (label: String, sentence: String) {
        let journey = view.journey.id
        if let stage = unit.stage {
            let id = brand.stages[stage].id
            return ("stage \(id)", "stage '\(id)' of journey '\(journey)'")
        }
        if let channel = unit.channel {
            let id = brand.channels[channel].id
            return ("channel \(id)", "channel '\(id)' of journey '\(journey)'")
        }
        return ("the journey", "journey '\(journey)'")
    }
}
