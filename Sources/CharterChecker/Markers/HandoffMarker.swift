import JourneyModel

/// Handoff markers: wherever `next` hands the customer to another channel,
/// the receiving touchpoint meets the expectations (context carried, the
/// customer never repeats themselves). One check per change of channel,
/// counted on the receiving channel. Gaps point at the receiving touchpoint's
/// value, or at the touchpoint when the value is missing, with the `next`
/// entry that makes the handoff as the related place.
extension HandoffRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        let compiled = marker.expectations
        for view in context.journeys {
            for source in view.order {
                let fromChannel = view.channel(source)
                for link in view.journey.touchpoints[source].next where view.isTaken(link.target) {
                    let toChannel = view.channel(link.target)
                    guard toChannel != fromChannel, marker.scope.includes(channel: toChannel),
                          marker.scope.includes(stage: view.stage(link.target)) else { continue }
                    let met = compiled.isMet(in: view, at: link.target, brand: brand)
                    recorder.record(
                        marker, in: view, touchpoint: link.target, channel: toChannel, met: met,
                        drafts: handoffDrafts(compiled, view: view, from: source, link: link, brand: brand)
                    )
                }
            }
        }
    }

    /// The unmet expectations of the receiving touchpoint. A missing value
    /// points at the receiving touchpoint, where it would be planned (and
    /// where a suppression of it goes); the `next` entry making the handoff
    /// is the related place.
    private func handoffDrafts(
        _ compiled: ExpectationSet, view: JourneyView, from source: Int, link: TouchpointLink, brand: Brand
    ) -> [GapDraft] {
        let from = view.touchpoint(source)
        let handoff = GapWording.Handoff(from: from.id, fromChannel: brand.channels[from.channel].id)
        let related = RelatedLocation(view.journey.location(link.position), "\(from.id) hands over here")
        return compiled.drafts(for: view.experiences[link.target], brand: brand, handoff: handoff).map { draft in
            var draft = draft
            draft.related.append(related)
            return draft
        }
    }
}
