/// The expectation is met by at least `minimum` touchpoints in every unit
/// (each journey, each stage of a journey, or each channel of a journey) for
/// each segment: a signature ritual in every stage.
///
/// ```jsonc
/// { "id": "ritual-every-stage", "kind": "coverage", "per": "stage", "atLeast": 1,
///   "expect": { "ritual": { "present": true } } }
/// ```
public struct CoverageRule: Sendable {
    public var expectations: [Expectation]
    public var unit: CoverageUnit
    public var minimum: Int

    public init(expectations: [Expectation], unit: CoverageUnit, minimum: Int) {
        self.expectations = expectations
        self.unit = unit
        self.minimum = minimum
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
