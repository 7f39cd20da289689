import JourneyModel

/// What each marker kind implements, in its own file: run every check of
/// the marker for one segment and record the outcome of each.
protocol MarkerEvaluation: Sendable {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder)
}

extension MarkerRule {
    /// The evaluation of this rule's kind.
    var evaluation: any MarkerEvaluation {
        switch self {
        case .expectation(let rule): rule
        case .coverage(let rule): rule
        case .consistency(let rule): rule
        case .sequence(let rule): rule
        case .handoff(let rule): rule
        case .stageKPI(let rule): rule
        case .progression(let rule): rule
        }
    }
}
