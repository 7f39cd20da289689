import JourneyModel

/// What each marker kind implements, in its own file: run every check of
/// the marker for one segment and record the outcome of each.
protocol MarkerEvaluation: Sendable {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder)
}

extension MarkerRule {
    /// Whether the marker compares journeys with each other, and so needs
    /// them all at once; every other marker judges one journey at a time.
    var spansJourneys: Bool {
        switch self {
        case .consistent(let rule): rule.across == .journeys
        case .expectation, .coverage, .sequence, .handoff, .stageKPIs, .progression: false
        }
    }

    /// What touchpoints are judged against, for the kinds that judge them.
    var expectations: [Expectation] {
        switch self {
        case .expectation(let rule): rule.expectations
        case .coverage(let rule): rule.expectations
        case .handoff(let rule): rule.expectations
        case .consistent, .sequence, .stageKPIs, .progression: []
        }
    }

    /// The evaluation of this rule's kind.
    var evaluation: any MarkerEvaluation {
        switch self {
        case .expectation(let rule): rule
        case .coverage(let rule): rule
        case .consistent(let rule): rule
        case .sequence(let rule): rule
        case .handoff(let rule): rule
        case .stageKPIs(let rule): rule
        case .progression(let rule): rule
        }
    }
}
