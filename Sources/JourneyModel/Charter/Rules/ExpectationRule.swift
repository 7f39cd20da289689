/// Every applicable touchpoint's experience meets each expectation.
///
/// ```jsonc
/// { "id": "formal-address", "expect": { "address": { "equals": "formal" } } }
/// ```
public struct ExpectationRule: Sendable {
    public var expectations: [Expectation]

    public init(expectations: [Expectation]) {
        self.expectations = expectations
    }
}
