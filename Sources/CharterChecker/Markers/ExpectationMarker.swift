import JourneyModel

/// Expectation markers (the default kind): every touchpoint in scope meets
/// every expectation, one check per touchpoint, one gap per unmet expectation.
extension ExpectationRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        for view in context.journeys {
            for position in context.touchpoints(of: view, in: marker.scope) {
                let touchpoint = view.touchpoint(position)
                let failures = view.experiences[position].failures(of: expectations, in: brand)
                recorder.record(
                    marker, in: view, touchpoint: position, channel: touchpoint.channel, met: failures.isEmpty,
                    drafts: failures.map { failure in
                        GapDraft.unmet(
                            failure.expectation, planned: failure.planned, marker: marker.marker, brand: brand,
                            subject: touchpoint.subject(in: brand), place: touchpoint.id
                        )
                    }
                )
            }
        }
    }
}
