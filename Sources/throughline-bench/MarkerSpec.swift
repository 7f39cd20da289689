/// A charter marker as data: what the brand file says, and what the journey
/// planner must respect so that most checks pass.

enum ExpectOp: Sendable {
    case equals(PlanValue)
    case oneOf([PlanValue])
    case noneOf([PlanValue])
    case atLeast(PlanValue)
    case atMost(PlanValue)
    case present
    case absent
    /// A plain word searched in the value (no regex syntax).
    case matches(String)
}

struct Expect: Sendable {
    let attribute: String
    let op: ExpectOp
    /// Written as `"attribute": value`, short for `equals`.
    var shorthand = false
}

struct ScopeSpec: Sendable {
    var channels: [String]?
    var channelKinds: [ChannelKindName]?
    var stages: [String]?
    var segments: [String]?

    static let everywhere = ScopeSpec()

    /// Whether a touchpoint on `channel` at `stage`, as lived by `segment`, is in scope.
    func includes(channel: ChannelShape, stage: String, segment: String?) -> Bool {
        if let channels, !channels.contains(channel.id) { return false }
        if let channelKinds, !channelKinds.contains(channel.kind) { return false }
        if let stages, !stages.contains(stage) { return false }
        if let segment, let segments, !segments.contains(segment) { return false }
        return true
    }

    func includes(segment: String) -> Bool { segments?.contains(segment) ?? true }
}

enum RuleSpec: Sendable {
    case expectation([Expect])
    case coverage(per: String, atLeast: Int?, [Expect])
    case consistent(attribute: String, across: String)
    case sequence(SequenceShape)
    case handoff([Expect])
    case stageKPIs(quantitative: Int?, qualitative: Int?)
    case progression(attribute: String)

    var kindName: String? {
        switch self {
        case .expectation: nil
        case .coverage: "coverage"
        case .consistent: "consistent"
        case .sequence: "sequence"
        case .handoff: "handoff"
        case .stageKPIs: "stage-kpis"
        case .progression: "progression"
        }
    }

    /// The attributes the rule reads.
    var attributes: [String] {
        switch self {
        case .expectation(let expects), .coverage(_, _, let expects), .handoff(let expects): expects.map(\.attribute)
        case .consistent(let attribute, _), .progression(let attribute): [attribute]
        case .sequence: ["activity"]
        case .stageKPIs: []
        }
    }
}

struct MarkerSpec: Sendable {
    let id: String
    let name: String
    let why: String?
    let severity: String?
    let scope: ScopeSpec
    let rule: RuleSpec
    /// A `//` comment written above the marker.
    let comment: String?
}

/// Whether a planned value (nil: not planned) passes an operator, exactly as
/// the checker judges it: an unplanned attribute fails all but `absent`.
enum ExpectationJudge {
    static func passes(_ value: PlanValue?, _ op: ExpectOp, kind: AttributeKind) -> Bool {
        switch op {
        case .absent: return value == nil
        case .present: return value != nil
        default: break
        }
        guard let value else { return false }
        switch op {
        case .equals(let expected): return same(value, expected)
        case .oneOf(let values): return values.contains { same(value, $0) }
        case .noneOf(let values): return !values.contains { same(value, $0) }
        case .atLeast(let bound): return (compare(value, bound, kind: kind) ?? -1) >= 0
        case .atMost(let bound): return (compare(value, bound, kind: kind) ?? 1) <= 0
        case .matches(let word):
            if case .text(let text) = value { return text.contains(word) }
            return false
        case .present, .absent: return true
        }
    }

    static func same(_ lhs: PlanValue, _ rhs: PlanValue) -> Bool {
        if case .duration(_, let left) = lhs, case .duration(_, let right) = rhs { return left == right }
        return lhs == rhs
    }

    /// -1, 0 or 1 by scale rank, number or length; nil when not ordered.
    static func compare(_ lhs: PlanValue, _ rhs: PlanValue, kind: AttributeKind) -> Int? {
        switch (lhs, rhs) {
        case (.number(let left), .number(let right)): return left < right ? -1 : (left == right ? 0 : 1)
        case (.duration(_, let left), .duration(_, let right)): return left < right ? -1 : (left == right ? 0 : 1)
        case (.word(let left), .word(let right)):
            guard case .scale(let words) = kind, let l = words.firstIndex(of: left), let r = words.firstIndex(of: right) else { return nil }
            return l < r ? -1 : (l == r ? 0 : 1)
        default: return nil
        }
    }
}
