/// Every change of channel along `next` meets the expectation on the
/// touchpoint that receives the customer: context carried, the customer
/// never repeats themselves.
///
/// ```jsonc
/// { "id": "warm-handoff", "kind": "handoff", "expect": { "contextCarried": { "equals": true } } }
/// ```
public struct HandoffRule: Sendable {
    public var expectations: [Expectation]

    public init(expectations: [Expectation]) {
        self.expectations = expectations
    }
}
