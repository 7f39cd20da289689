import JourneyModel

/// Expectation markers (the default kind): every touchpoint in scope meets
/// every expectation, one check per touchpoint, one gap per unmet expectation.
extension ExpectationRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        let compiled = marker.expectations
        for view in context.journeys {
            for position in context.touchpoints(of: view, in: marker.scope) {
                // The common case, a met check, allocates nothing.
                let met = compiled.isMet(in: view, at: position, brand: brand)
                recorder.record(
                    marker, in: view, touchpoint: position, channel: view.channel(position), met: met,
                    drafts: compiled.drafts(for: view.experiences[position], brand: brand)
                )
            }
        }
    }
}
