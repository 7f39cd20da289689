/// An attribute has a single value for a segment, across the channels of
/// each journey or across all the segment's journeys: one signature, one
/// promise wording.
///
/// ```jsonc
/// { "id": "one-signature", "kind": "consistent", "attribute": "signature", "across": "channels" }
/// ```
public struct ConsistencyRule: MarkerRuleDefinition {
    public var attribute: Int
    public var across: ConsistencyRange

    public init(attribute: Int, across: ConsistencyRange) {
        self.attribute = attribute
        self.across = across
    }

    public static let name = "consistent"
    public static let summary = "An attribute has one value across channels, or across journeys."
    static let attributeField = RuleField<Int>.attribute("attribute", summary: "The attribute concerned.")
    static let acrossField = RuleField<ConsistencyRange>.word(
        "across", ConsistencyRange.self, noun: "range", default: .channels, summary: "Consistency: how far to look."
    )
    public static let fields = [attributeField.description, acrossField.description]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        attribute = try values.required(Self.attributeField)
        across = values[Self.acrossField] ?? .channels
    }

    public var comparesJourneys: Bool { across == .journeys }

    public func expectation(in brand: Brand) -> String {
        let name = brand.attributes[attribute].id
        return across == .channels
            ? "one value of \(name) across the channels of each journey"
            : "one value of \(name) across all journeys"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no journey has two touchpoints in scope that plan '\(brand.attributes[attribute].id)'"
    }
}

/// How far a consistency marker looks.
public enum ConsistencyRange: String, Sendable, CaseIterable {
    /// Within each journey, every channel uses the same value.
    case channels
    /// Every journey of the segment uses the same value.
    case journeys
}
