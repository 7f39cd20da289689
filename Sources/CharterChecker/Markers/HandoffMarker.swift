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
                        drafts: view.experiences[link.target].failures(of: expectations, in: brand).map { failure in
                            let from = view.touchpoint(source), to = view.touchpoint(link.target)
                            let handoff = "\(to.subject(in: brand)), taking over from \(from.id) (\(brand.channels[from.channel].id)),"
                            var draft = GapDraft.unmet(
                                failure.expectation, planned: failure.planned, marker: marker.marker, brand: brand,
                                subject: handoff, place: "\(to.id), where \(from.id) hands over"
                            )
                            // A missing value points at the receiving touchpoint, where it
                            // would be planned (and where a suppression of it goes); the
                            // `next` entry making the handoff is the related place.
                            draft.related.append(RelatedLocation(view.journey.location(link.position), "\(from.id) hands over here"))
                            return draft
                        }
                    )
                }
            }
        }
    }
}
