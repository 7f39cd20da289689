import JourneyModel

/// Progression markers: along each journey, every touchpoint in scope that
/// plans the attribute plans at least the value of the previous one (win
/// probability rises toward closing). One check per touchpoint after the
/// first; the gap is where the value falls, with the one it falls from.
extension ProgressionRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        let definition = brand.attributes[attribute]
        for view in context.journeys {
            var previous: (position: Int, planned: PlannedValue)?
            for position in context.orderedTouchpoints(of: view, in: marker.scope) {
                guard let planned = view.experiences[position][attribute] else { continue }
                defer { previous = (position, planned) }
                guard let before = previous else { continue }
                let met = (definition.compare(planned.value, before.planned.value) ?? 0) >= 0
                recorder.record(
                    marker, in: view, touchpoint: position, channel: view.channel(position), met: met,
                    drafts: [fall(at: position, from: before, planned: planned, view: view, marker: marker, brand: brand)]
                )
            }
        }
    }

    /// The gap where the value falls, built only when it does.
    private func fall(
        at position: Int, from before: (position: Int, planned: PlannedValue), planned: PlannedValue,
        view: JourneyView, marker: ActiveMarker, brand: Brand
    ) -> GapDraft {
        let definition = brand.attributes[attribute]
        let touchpoint = view.touchpoint(position)
        let earlier = view.touchpoint(before.position)
        let now = definition.render(planned.value), then = definition.render(before.planned.value)
        return GapDraft(
            attribute: attribute, position: planned.position,
            expected: "\(definition.id) ≥ \(then) (as at \(earlier.id))",
            planned: now,
            message: "\(touchpoint.subject(in: brand)) plans \(definition.id) = \(now), down from \(then) at \(earlier.id); "
                + "'\(marker.marker.title)' expects it never to decrease along the journey",
            action: "Raise \(definition.id) at \(touchpoint.id) to at least \(then), or lower it at \(earlier.id).",
            related: [RelatedLocation(view.journey.location(before.planned.position), "\(definition.id) = \(then) at \(earlier.id)")]
        )
    }
}
