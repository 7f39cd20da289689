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
            for view in context.journeys {
                judge(occurrences(in: [view], context: context, scope: marker.scope), marker: marker, context: context, recorder: &recorder)
            }
        case .journeys:
            judge(occurrences(in: context.journeys, context: context, scope: marker.scope), marker: marker, context: context, recorder: &recorder)
        }
    }

    private struct Occurrence {
        let view: JourneyView
        let touchpoint: Int
        let planned: PlannedValue
    }

    private func occurrences(in views: [JourneyView], context: SegmentContext, scope: ScopeFilter) -> [Occurrence] {
        var result: [Occurrence] = []
        for view in views {
            for position in context.orderedTouchpoints(of: view, in: scope) {
                if let planned = view.experiences[position][attribute] {
                    result.append(Occurrence(view: view, touchpoint: position, planned: planned))
                }
            }
        }
        return result
    }

    private func judge(_ occurrences: [Occurrence], marker: ActiveMarker, context: SegmentContext, recorder: inout GapRecorder) {
        guard occurrences.count > 1 else { return }
        let brand = context.brand
        let definition = brand.attributes[attribute]
        // Distinct values in order of first use, with how often each is used.
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
            for occurrence in occurrences {
                let channel = occurrence.view.touchpoint(occurrence.touchpoint).channel
                recorder.record(marker, in: occurrence.view, touchpoint: occurrence.touchpoint, channel: channel, met: true, drafts: [])
            }
            return
        }
        // Messages name every value, and a bounded number of places for each,
        // so that a thousand differing touchpoints do not make each gap list
        // a thousand places.
        let summary = values.map { value in
            let uses = places[value] ?? []
            let shown = uses.prefix(Self.placesShown).map { place(of: $0, brand: brand) }
            let more = uses.count > Self.placesShown ? " and \(uses.count - Self.placesShown) more" : ""
            return "'\(definition.render(value))' (\(shown.joined(separator: ", "))\(more))"
        }.joined(separator: "; ")
        let differing = values.filter { $0 != mostUsed }.flatMap { (places[$0] ?? []).prefix(Self.placesShown) }
        let related = differing.map { occurrence in
            RelatedLocation(
                occurrence.view.journey.location(occurrence.planned.position),
                "\(definition.id) = '\(definition.render(occurrence.planned.value))' at \(place(of: occurrence, brand: brand))"
            )
        } + (places[mostUsed] ?? []).prefix(1).map { occurrence in
            RelatedLocation(
                occurrence.view.journey.location(occurrence.planned.position),
                "\(definition.id) = '\(definition.render(mostUsed))', the value most used"
            )
        }
        let range = across == .channels ? "across the channels of journey '\(occurrences[0].view.journey.id)'" : "across journeys"
        for occurrence in occurrences {
            let touchpoint = occurrence.view.touchpoint(occurrence.touchpoint)
            let value = occurrence.planned.value
            recorder.record(
                marker, in: occurrence.view, touchpoint: occurrence.touchpoint, channel: touchpoint.channel,
                met: value == mostUsed,
                drafts: [GapDraft(
                    attribute: attribute, position: occurrence.planned.position,
                    expected: "one \(definition.id) \(range): '\(definition.render(mostUsed))', the value most used",
                    planned: "'\(definition.render(value))'",
                    message: "\(touchpoint.subject(in: brand)) plans \(definition.id) = '\(definition.render(value))' "
                        + "where the rest use '\(definition.render(mostUsed))'; '\(marker.marker.title)' expects one \(definition.id) \(range). Values in use: \(summary)",
                    action: "Set \(definition.id) to '\(definition.render(mostUsed))' at \(touchpoint.id), like the rest of the \(across == .channels ? "journey" : "journeys").",
                    related: related
                )]
            )
        }
    }

    /// How many places a message lists for each value.
    static let placesShown = 5

    private func place(of occurrence: Occurrence, brand: Brand) -> String {
        let touchpoint = occurrence.view.touchpoint(occurrence.touchpoint)
        let prefix = across == .journeys ? "\(occurrence.view.journey.id)/" : ""
        return "\(prefix)\(touchpoint.id) on \(brand.channels[touchpoint.channel].id)"
    }
}
