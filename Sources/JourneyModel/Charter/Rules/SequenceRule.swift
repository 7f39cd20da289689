/// Touchpoints of one kind come before those of another along a journey,
/// within bounds. "Kind" is a touchpoint attribute of the brand's vocabulary;
/// the order is the stage order, then `next` within a stage.
///
/// ```jsonc
/// // A 15-minute phone qualification before any discovery meeting:
/// { "id": "qualify-first", "kind": "sequence", "attribute": "activity",
///   "first": "phone-qualification", "then": "discovery-meeting" }
/// // At most 5 exchange meetings before the proposal:
/// { "id": "five-exchanges", "kind": "sequence", "attribute": "activity",
///   "first": "exchange-meeting", "then": "proposal", "atLeast": 0, "atMost": 5 }
/// ```
public struct SequenceRule: Sendable {
    public var attribute: Int
    /// The kind counted before `then`.
    public var first: AttributeValue
    /// The kind whose first occurrence closes the count.
    public var then: AttributeValue
    /// How many `first` must come before the first `then`; 1 by default.
    public var minimum: Int
    /// How many `first` may come before the first `then`; unbounded by default.
    public var maximum: Int?

    public init(attribute: Int, first: AttributeValue, then: AttributeValue, minimum: Int, maximum: Int?) {
        self.attribute = attribute
        self.first = first
        self.then = then
        self.minimum = minimum
        self.maximum = maximum
    }
}
