/// Every change of channel along `next` meets the expectation on the
/// touchpoint that receives the customer: context carried, the customer
/// never repeats themselves.
///
/// ```jsonc
/// { "id": "warm-handoff", "kind": "handoff", "expect": { "contextCarried": { "equals": true } } }
/// ```
public struct HandoffRule: MarkerRuleDefinition {
    public var expectations: [Expectation]

    public init(expectations: [Expectation]) {
        self.expectations = expectations
    }

    public static let name = "handoff"
    public static let summary = "Every change of channel along `next` meets the expectation."
    static let expect = RuleField<[Expectation]>.expectations("expect", summary: "What the receiving touchpoint meets.")
    public static let fields = [expect.description]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        expectations = try values.required(Self.expect)
    }

    public func expectation(in brand: Brand) -> String {
        "wherever `next` changes channel, the receiving touchpoint plans \(Expectation.describe(expectations, in: brand))"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no `next` hands over to another channel in its scope"
    }
}
