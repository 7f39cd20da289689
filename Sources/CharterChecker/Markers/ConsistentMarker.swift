import JourneyModel

/// Consistency markers: for a segment, an attribute has one value across
/// the channels of each journey, or across all its journeys.
///
/// Every touchpoint in scope that plans the attribute is a check, met when
/// its value is the one most used (ties go to the value met first in
/// journey order), so the matrix shows which channel departs. Each gap
/// names a few of the values in use, a few places of each, and how many
/// other values there are.
extension ConsistencyRule: MarkerEvaluation, JourneyComparison {
    /// A touchpoint whose value is not the one most used, and the judgement
    /// of all the touchpoints compared, shared by every gap it finds.
    public struct Finding: Hashable, Sendable {
        public let judgement: ConsistencyJudgement
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        guard across == .channels else { return }
        judge(occurrences(in: [view.trace], scope: marker.scope), marker: marker, traces: [view.trace], recorder: &recorder)
    }

    func evaluate(_ marker: ActiveMarker, across journeys: [JourneyTrace], into recorder: inout GapRecorder) {
        guard across == .journeys else { return }
        judge(occurrences(in: journeys, scope: marker.scope), marker: marker, traces: journeys, recorder: &recorder)
    }

    /// A touchpoint that plans the attribute; `trace` is a position in the
    /// traces compared, so collecting thousands copies no journey.
    private struct Occurrence {
        let trace: Int
        let touchpoint: Int
        let planned: PlannedValue
    }

    private func occurrences(in traces: [JourneyTrace], scope: ScopeFilter) -> [Occurrence] {
        var result: [Occurrence] = []
        for (index, trace) in traces.enumerated() {
            for position in trace.touchpoints(in: scope) {
                if let planned = trace.experiences[position][attribute] {
                    result.append(Occurrence(trace: index, touchpoint: position, planned: planned))
                }
            }
        }
        return result
    }

    private func judge(_ occurrences: [Occurrence], marker: ActiveMarker, traces: [JourneyTrace], recorder: inout GapRecorder) {
        guard occurrences.count > 1 else { return }
        // Distinct values in order of first use, each with where it is used.
        var values: [AttributeValue] = []
        var places: [AttributeValue: [Int]] = [:]
        for (index, occurrence) in occurrences.enumerated() {
            let value = occurrence.planned.value
            if places[value] == nil { values.append(value) }
            places[value, default: []].append(index)
        }
        var mostUsed = 0
        for index in values.indices.dropFirst() where (places[values[index]]?.count ?? 0) > (places[values[mostUsed]]?.count ?? 0) {
            mostUsed = index
        }
        guard values.count > 1 else {
            forEachTrace(of: occurrences, traces: traces) { trace, occurrence in
                recorder.record(marker, in: trace, touchpoint: occurrence.touchpoint, channel: trace.channel(occurrence.touchpoint), met: true, findings: [])
            }
            return
        }
        // A bounded few values are named, the one most used always among
        // them: a thousand differing touchpoints do not make each gap list
        // a thousand values.
        var shown = Array(values.indices.prefix(ConsistencyJudgement.valuesShown))
        if !shown.contains(mostUsed) { shown.append(mostUsed) }
        let judgement = ConsistencyJudgement(
            values: shown.map { index in
                let uses = places[values[index]] ?? []
                return ConsistencyJudgement.Use(
                    value: values[index], count: uses.count,
                    places: uses.prefix(ConsistencyJudgement.placesShown).map { index in
                        let occurrence = occurrences[index]
                        return ConsistencyJudgement.Place(
                            journey: traces[occurrence.trace].workspaceIndex, touchpoint: occurrence.touchpoint,
                            position: occurrence.planned.position
                        )
                    }
                )
            },
            mostUsed: shown.firstIndex(of: mostUsed) ?? 0,
            valuesNotShown: values.count - shown.count,
            firstJourney: traces[occurrences[0].trace].workspaceIndex
        )
        let reference = values[mostUsed]
        forEachTrace(of: occurrences, traces: traces) { trace, occurrence in
            recorder.record(
                marker, in: trace, touchpoint: occurrence.touchpoint, channel: trace.channel(occurrence.touchpoint),
                met: occurrence.planned.value == reference,
                findings: [(.consistency(Finding(judgement: judgement)), occurrence.planned.position)]
            )
        }
    }

    /// Calls `body` for each occurrence with its journey's trace, binding
    /// each trace once: occurrences come journey by journey, and a trace is
    /// a handful of references to copy.
    private func forEachTrace(of occurrences: [Occurrence], traces: [JourneyTrace], _ body: (JourneyTrace, Occurrence) -> Void) {
        var start = 0
        while start < occurrences.count {
            let trace = traces[occurrences[start].trace]
            var end = start
            while end < occurrences.count, occurrences[end].trace == occurrences[start].trace {
                body(trace, occurrences[end])
                end += 1
            }
            start = end
        }
    }

    func attribute(of finding: Finding) -> Int? { attribute }

    /// The value most used, in words.
    private func reference(_ finding: Finding, in context: GapContext) -> String {
        context.render(finding.judgement.values[finding.judgement.mostUsed].value, of: attribute)
    }

    /// `across the channels of journey 'j'`, or `across journeys`.
    private func range(_ finding: Finding, in context: GapContext) -> String {
        across == .channels
            ? "across the channels of journey '\(context.workspace.journeys[finding.judgement.firstJourney].id)'"
            : "across journeys"
    }

    /// `care-chat on chat`, or `journey/care-chat on chat` across journeys.
    private func name(_ place: ConsistencyJudgement.Place, in context: GapContext) -> String {
        let journey = context.workspace.journeys[place.journey]
        let touchpoint = journey.touchpoints[place.touchpoint]
        let prefix = across == .journeys ? "\(journey.id)/" : ""
        return "\(prefix)\(touchpoint.id) on \(context.brand.channels[touchpoint.channel].id)"
    }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        "one \(context.attributeID(attribute)) \(range(finding, in: context)): '\(reference(finding, in: context))', the value most used"
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint, let value = context.planned(attribute, at: touchpoint) else { return "" }
        return "'\(context.render(value.value, of: attribute))'"
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        let shown = ConsistencyJudgement.placesShown
        let summary = finding.judgement.values.map { use in
            let places = use.places.map { name($0, in: context) }.joined(separator: ", ")
            let more = use.count > shown ? " and \(use.count - shown) more" : ""
            return "'\(context.render(use.value, of: attribute))' (\(places)\(more))"
        }.joined(separator: "; ")
        let others = finding.judgement.valuesNotShown
        let more = others > 0 ? "; and \(others) more value\(others == 1 ? "" : "s")" : ""
        return "\(context.subject(of: touchpoint)) plans \(context.attributeID(attribute)) = \(planned(finding, in: context)) "
            + "where the rest use '\(reference(finding, in: context))'; '\(context.marker.title)' expects one "
            + "\(context.attributeID(attribute)) \(range(finding, in: context)). Values in use: \(summary)\(more)"
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        guard let touchpoint = context.gap.place.touchpoint else { return "" }
        return "Set \(context.attributeID(attribute)) to '\(reference(finding, in: context))' at \(context.touchpointID(touchpoint)), "
            + "like the rest of the \(across == .channels ? "journey" : "journeys")."
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] {
        let judgement = finding.judgement
        let attributeID = context.attributeID(attribute)
        func location(_ place: ConsistencyJudgement.Place) -> SourceLocation {
            SourceLocation(file: context.workspace.journeys[place.journey].file, position: place.position)
        }
        var related: [RelatedLocation] = []
        for (index, use) in judgement.values.enumerated() where index != judgement.mostUsed {
            let value = context.render(use.value, of: attribute)
            related += use.places.map { RelatedLocation(location($0), "\(attributeID) = '\(value)' at \(name($0, in: context))") }
        }
        if let first = judgement.values[judgement.mostUsed].places.first {
            related.append(RelatedLocation(location(first), "\(attributeID) = '\(reference(finding, in: context))', the value most used"))
        }
        return related
    }
}

/// What a consistency marker found when it compared the values of one
/// attribute: the first few values in use, in order of first use, and the
/// one most used, each with how often and a few places where; how many
/// other values there are. One object shared by every gap of the judgement.
public final class ConsistencyJudgement: Hashable, Sendable {
    public struct Use: Hashable, Sendable {
        public let value: AttributeValue
        /// How many touchpoints plan it.
        public let count: Int
        /// The first of them, at most ``ConsistencyJudgement/placesShown``.
        public let places: [Place]
    }

    public struct Place: Hashable, Sendable {
        /// Position among the workspace's journeys.
        public let journey: Int
        public let touchpoint: Int
        /// Where the value is written.
        public let position: SourcePosition
    }

    /// At most ``valuesShown`` values, and the one most used.
    public let values: [Use]
    /// Position in ``values`` of the value most used: the reference.
    public let mostUsed: Int
    /// How many values in use are not in ``values``.
    public let valuesNotShown: Int
    /// The journey of the first touchpoint compared.
    public let firstJourney: Int

    /// How many places are named for each value.
    public static let placesShown = 5
    /// How many values are named besides the one most used.
    public static let valuesShown = 5

    init(values: [Use], mostUsed: Int, valuesNotShown: Int, firstJourney: Int) {
        self.values = values
        self.mostUsed = mostUsed
        self.valuesNotShown = valuesNotShown
        self.firstJourney = firstJourney
    }

    public static func == (lhs: ConsistencyJudgement, rhs: ConsistencyJudgement) -> Bool {
        lhs === rhs
            || (lhs.mostUsed == rhs.mostUsed && lhs.valuesNotShown == rhs.valuesNotShown && lhs.firstJourney == rhs.firstJourney
                && lhs.values == rhs.values)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(mostUsed)
        hasher.combine(values.count)
    }
}
