import JourneyModel

/// What each marker kind implements in its own file: how it judges a
/// journey, what it finds when a check fails, and how that is said.
///
/// A check's outcome goes to the ``GapRecorder``; a failed one comes with
/// the kind's ``Finding``, facts by position (which expectation, which
/// touchpoint hands over, how many were counted), never words. The words
/// are made from the finding when a report asks, one part at a time, so a
/// report that prints only messages never builds the rest.
protocol MarkerEvaluation: MarkerRuleDefinition {
    associatedtype Finding: Hashable, Sendable

    /// Runs every check of the marker on one journey as one segment lives it.
    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder)

    /// The attribute a finding is about, if any.
    func attribute(of finding: Finding) -> Int?
    /// The channel a gap is on; by default its touchpoint's.
    func channel(of finding: Finding, in context: GapContext) -> Int?
    /// The stage a gap is at; by default its touchpoint's.
    func stage(of finding: Finding, in context: GapContext) -> Int?

    /// What the charter expects, in a few words: `address = formal`.
    func expected(_ finding: Finding, in context: GapContext) -> String
    /// What is planned instead, in a few words: `informal`.
    func planned(_ finding: Finding, in context: GapContext) -> String
    /// The gap in a sentence that names the place, what is planned and the marker.
    func message(_ finding: Finding, in context: GapContext) -> String
    /// What to change, where, to close the gap: "Set address to formal at welcome-mail."
    func action(_ finding: Finding, in context: GapContext) -> String
    /// Other places that explain the gap, a bounded few.
    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation]
    /// What tells this gap from another of the same marker at the same
    /// place, for baselines (the operator of an expectation, who hands
    /// over); empty when the place says it all.
    func identity(of finding: Finding, in context: GapContext) -> String
}

extension MarkerEvaluation {
    func channel(of finding: Finding, in context: GapContext) -> Int? {
        context.gap.place.touchpoint.map { context.touchpoint($0).channel }
    }

    func stage(of finding: Finding, in context: GapContext) -> Int? {
        context.gap.place.touchpoint.map { context.touchpoint($0).stage }
    }

    func related(_ finding: Finding, in context: GapContext) -> [RelatedLocation] { [] }

    func identity(of finding: Finding, in context: GapContext) -> String { "" }
}

/// What kinds that compare journeys with each other implement besides:
/// they judge every journey of a segment at once, after each journey has
/// been judged on its own.
protocol JourneyComparison: MarkerEvaluation {
    /// Whether this marker compares journeys, or judges each on its own.
    var comparesJourneys: Bool { get }
    func evaluate(_ marker: ActiveMarker, across journeys: [JourneyTrace], into recorder: inout GapRecorder)
}
