import JourneyModel

/// Consistency markers: for a segment, an attribute has one value across
/// the channels of each journey, or across all its journeys.
///
/// Every touchpoint in scope that plans the attribute is a check, met when
/// its value is the one most used (ties go to the value met first in
/// journey order), so the matrix shows which channel departs. Each gap
/// names every value in use and where each one is.
extension ConsistencyRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        switch across {
        case .channels:
            for view in context.journeys.indices {
                judge(occurrences(in: [view], context: context, scope: marker.scope), marker: marker, context: context, recorder: &recorder)
            }
        case .journeys:
            let all = occurrences(in: Array(context.journeys.indices), context: context, scope: marker.scope)
            judge(all, marker: marker, context: context, recorder: &recorder)
        }
    }

    /// A touchpoint that plans the attribute; `view` is a position in the
    /// context's journeys, so collecting thousands copies no journey.
    private struct Occurrence {
        let view: Int
        let touchpoint: Int
        let planned: PlannedValue
    }

    private func occurrences(in views: [Int], context: SegmentContext, scope: ScopeFilter) -> [Occurrence] {
        var result: [Occurrence] = []
        for index in views {
            let view = context.journeys[index]
            for position in context.orderedTouchpoints(of: view, in: scope) {
                if let planned = view.experiences[position][attribute] {
                    result.append(Occurrence(view: index, touchpoint: position, planned: planned))
                }
            }
        }
        return result
    }

    private func judge(_ occurrences: [Occurrence], marker: ActiveMarker, context: SegmentContext, recorder: inout GapRecorder) {
        guard occurrences.count > 1 else { return }
        let brand = context.brand
        let views = context.journeys
        // Distinct values in order of first use, each with where it is used.
        var values: [AttributeValue] = []
        var places: [AttributeValue: [Occurrence]] = [:]
        for occurrence in occurrences {
            let value = occurrence.planned.value
            if places[value] == nil { values.append(value) }
            places[value, default: []].append(occurrence)
        }
        var mostUsed = values[0]
        for value in values.dropFirst() where (places[value]?.count ?? 0) > (places[mostUsed]?.count ?? 0) { mostUsed = value }
        guard values.count > 1 else {
            forEachJourney(of: occurrences, views: views) { view, occurrence in
                recorder.record(marker, in: view, touchpoint: occurrence.touchpoint, channel: view.channel(occurrence.touchpoint), met: true, drafts: [])
            }
            return
        }
        let definition = brand.attributes[attribute]
        // Messages name every value, and a bounded number of places for each,
        // so that a thousand differing touchpoints do not make each gap list
        // a thousand places.
        let summary = values.map { value in
            let uses = places[value] ?? []
            let shown = uses.prefix(Self.placesShown).map { place(of: $0, views: views, brand: brand) }
            let more = uses.count > Self.placesShown ? " and \(uses.count - Self.placesShown) more" : ""
            return "'\(definition.render(value))' (\(shown.joined(separator: ", "))\(more))"
        }.joined(separator: "; ")
        let differing = values.filter { $0 != mostUsed }.flatMap { (places[$0] ?? []).prefix(Self.placesShown) }
        let related = differing.map { occurrence in
            RelatedLocation(
                views[occurrence.view].journey.location(occurrence.planned.position),
                "\(definition.id) = '\(definition.render(occurrence.planned.value))' at \(place(of: occurrence, views: views, brand: brand))"
            )
        } + (places[mostUsed] ?? []).prefix(1).map { occurrence in
            RelatedLocation(
                views[occurrence.view].journey.location(occurrence.planned.position),
                "\(definition.id) = '\(definition.render(mostUsed))', the value most used"
            )
        }
        let range = across == .channels ? "across the channels of journey '\(views[occurrences[0].view].journey.id)'" : "across journeys"
        // One set of words for the whole judgement, shared by its gaps.
        let words = ConsistencyWords(
            expected: "one \(definition.id) \(range): '\(definition.render(mostUsed))', the value most used",
            messageTail: "where the rest use '\(definition.render(mostUsed))'; '\(marker.marker.title)' expects one \(definition.id) \(range). "
                + "Values in use: \(summary)",
            actionBefore: "Set \(definition.id) to '\(definition.render(mostUsed))' at ",
            actionAfter: ", like the rest of the \(across == .channels ? "journey" : "journeys")."
        )
        forEachJourney(of: occurrences, views: views) { view, occurrence in
            let value = occurrence.planned.value
            recorder.record(
                marker, in: view, touchpoint: occurrence.touchpoint, channel: view.channel(occurrence.touchpoint),
                met: value == mostUsed,
                drafts: [GapDraft(
                    attribute: attribute, position: occurrence.planned.position,
                    wording: .differing(words, planned: "'\(definition.render(value))'"),
                    related: related
                )]
            )
        }
    }

    /// Calls `body` for each occurrence with its journey's view, binding each
    /// view once: occurrences come journey by journey, and a view is large to copy.
    private func forEachJourney(
        of occurrences: [Occurrence], views: [JourneyView], _ body: (JourneyView, Occurrence) -> Void
    ) {
        var start = 0
        while start < occurrences.count {
            let view = views[occurrences[start].view]
            var end = start
            while end < occurrences.count, occurrences[end].view == occurrences[start].view {
                body(view, occurrences[end])
                end += 1
            }
            start = end
        }
    }

    /// How many places a message lists for each value.
    static let placesShown = 5

    private func place(of occurrence: Occurrence, views: [JourneyView], brand: Brand) -> String {
        let view = views[occurrence.view]
        let touchpoint = view.touchpoint(occurrence.touchpoint)
        let prefix = across == .journeys ? "\(view.journey.id)/" : ""
        return "\(prefix)\(touchpoint.id) on \(brand.channels[touchpoint.channel].id)"
    }
}
