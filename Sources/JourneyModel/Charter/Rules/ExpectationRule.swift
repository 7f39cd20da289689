/// Every applicable touchpoint's experience meets each expectation.
///
/// ```jsonc
/// { "id": "formal-address", "expect": { "address": { "equals": "formal" } } }
/// ```
public struct ExpectationRule: MarkerRuleDefinition {
    public var expectations: [Expectation]

    public init(expectations: [Expectation]) {
        self.expectations = expectations
    }

    public static let name = "expectation"
    public static let summary = "Every applicable touchpoint meets each expectation (the default kind)."
    static let expect = RuleField<[Expectation]>.expectations("expect", summary: "Attribute → operators, or attribute → value (short for equals).")
    public static let fields = [expect.description]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        expectations = try values.required(Self.expect)
    }

    public func expectation(in brand: Brand) -> String {
        "every touchpoint in scope plans \(Expectation.describe(expectations, in: brand))"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no touchpoint is in its scope; check its 'where'"
    }
}
