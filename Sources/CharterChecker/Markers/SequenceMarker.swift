import JourneyModel

/// Sequence markers: along each journey, between `minimum` and `maximum`
/// touchpoints of kind `first` come before the first touchpoint of kind
/// `then`. A journey without a `then` has nothing to check. One check per
/// journey, counted on the channel of that first `then`.
extension SequenceRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        let definition = brand.attributes[attribute]
        let firstWord = definition.render(first), thenWord = definition.render(then)
        /// `1 exchange-meeting`, `6 exchange-meetings`: how many touchpoints of a kind.
        func count(_ number: Int, _ word: String) -> String { number == 1 ? "1 \(word)" : "\(number) \(word)s" }
        for view in context.journeys {
            let ordered = context.orderedTouchpoints(of: view, in: marker.scope)
            guard let closing = ordered.firstIndex(where: { view.experiences[$0][attribute]?.value == then }) else { continue }
            let counted = ordered[..<closing].filter { view.experiences[$0][attribute]?.value == first }
            let met = counted.count >= minimum && counted.count <= (maximum ?? .max)
            let target = view.touchpoint(ordered[closing])
            let channel = view.channel(ordered[closing])
            let bounds = "\(describeBounds()) \(firstWord)\(maximum == 1 || (maximum == nil && minimum == 1) ? "" : "s")"
            recorder.record(
                marker, in: view, touchpoint: ordered[closing], channel: channel, met: met,
                drafts: [GapDraft(
                    attribute: attribute, position: view.experiences[ordered[closing]][attribute]?.position,
                    expected: "\(bounds) before the first \(thenWord)",
                    planned: "\(count(counted.count, firstWord)) before \(target.id)",
                    message: "\(target.subject(in: brand)) is the first \(thenWord) and comes after \(count(counted.count, firstWord)); "
                        + "'\(marker.marker.title)' expects \(bounds) before it",
                    action: counted.count < minimum
                        ? "Plan \(count(minimum - counted.count, firstWord)) more before \(target.id)."
                        : "Cut the \(firstWord)s before \(target.id) from \(counted.count) to \(maximum ?? counted.count), or bring the \(thenWord) forward.",
                    related: counted.map { position in
                        RelatedLocation(view.journey.location(view.touchpoint(position).position), "\(firstWord): \(view.touchpoint(position).id)")
                    }
                )]
            )
        }
    }

    /// `at least 1`, `at most 5`, `between 1 and 3`, `exactly 2`.
    func describeBounds() -> String {
        switch (minimum, maximum) {
        case (let low, let high?) where low == high: "exactly \(low)"
        case (0, let high?): "at most \(high)"
        case (let low, let high?): "between \(low) and \(high)"
        case (let low, nil): "at least \(low)"
        }
    }
}
