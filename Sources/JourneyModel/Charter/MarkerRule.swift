/// What a marker checks, one case per marker kind.
public enum MarkerRule: Sendable {
    case expectation(ExpectationRule)
    case coverage(CoverageRule)
    case consistent(ConsistencyRule)
    case sequence(SequenceRule)
    case handoff(HandoffRule)
    case stageKPIs(StageKPIRule)
    case progression(ProgressionRule)

    public var kind: MarkerKind {
        switch self {
        case .expectation: .expectation
        case .coverage: .coverage
        case .consistent: .consistent
        case .sequence: .sequence
        case .handoff: .handoff
        case .stageKPIs: .stageKPIs
        case .progression: .progression
        }
    }
}

/// The kinds of marker, as named by `"kind"` in a charter.
public enum MarkerKind: String, Sendable, CaseIterable {
    /// Every applicable touchpoint meets each expectation (the default kind).
    case expectation
    /// The expectation is met at least N times per journey, stage or channel.
    case coverage
    /// An attribute has one value across channels, or across journeys.
    case consistent
    /// Touchpoints of one kind come before those of another, within bounds.
    case sequence
    /// Every change of channel along `next` meets the expectation.
    case handoff
    /// Every stage of a journey declares quantitative and qualitative KPIs.
    case stageKPIs = "stage-kpis"
    /// A numeric attribute never decreases along the stage order.
    case progression

    /// Whether the marker judges each customer segment separately. KPIs
    /// belong to the journey, so they are checked once for all its segments.
    public var isPerSegment: Bool {
        switch self {
        case .expectation, .coverage, .consistent, .sequence, .handoff, .progression: true
        case .stageKPIs: false
        }
    }
}
