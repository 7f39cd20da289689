/// The expectation is met by at least `minimum` touchpoints in every unit
/// (each journey, each stage of a journey, or each channel of a journey) for
/// each segment: a signature ritual in every stage.
///
/// ```jsonc
/// { "id": "ritual-every-stage", "kind": "coverage", "per": "stage", "atLeast": 1,
///   "expect": { "ritual": { "present": true } } }
/// ```
public struct CoverageRule: MarkerRuleDefinition {
    public var expectations: [Expectation]
    public var unit: CoverageUnit
    public var minimum: Int

    public init(expectations: [Expectation], unit: CoverageUnit, minimum: Int) {
        self.expectations = expectations
        self.unit = unit
        self.minimum = minimum
    }

    public static let name = "coverage"
    public static let summary = "The expectation is met at least N times per journey, stage or channel."
    static let expect = RuleField<[Expectation]>.expectations("expect", summary: "What the touchpoints counted meet.")
    static let per = RuleField<CoverageUnit>.word("per", CoverageUnit.self, noun: "coverage unit", default: .journey, summary: "Coverage: the unit counted in.")
    static let atLeast = RuleField<Int>.count("atLeast", minimum: 1, default: "1", summary: "How many touchpoints of each unit meet the expectation.")
    public static let fields = [expect.description, per.description, atLeast.description]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        expectations = try values.required(Self.expect)
        unit = values[Self.per] ?? .journey
        minimum = values[Self.atLeast] ?? 1
    }

    public func expectation(in brand: Brand) -> String {
        let count = minimum == 1 ? "at least one touchpoint" : "at least \(minimum) touchpoints"
        let place = switch unit {
        case .journey: "each journey"
        case .stage: "each stage of each journey"
        case .channel: "each channel of each journey"
        }
        return "\(count) with \(Expectation.describe(expectations, in: brand)) in \(place)"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no touchpoint is in its scope; check its 'where'"
    }
}

/// What a coverage marker counts in.
public enum CoverageUnit: String, Sendable, CaseIterable {
    case journey
    /// Each stage in which the journey has touchpoints in scope.
    case stage
    /// Each channel the journey uses in scope.
    case channel
}
