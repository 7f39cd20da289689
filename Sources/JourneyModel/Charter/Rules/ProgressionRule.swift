/// A numeric attribute never decreases from one touchpoint to the next
/// along the journey's order: win probability rises toward closing.
///
/// ```jsonc
/// { "id": "rising-odds", "kind": "progression", "attribute": "winProbability" }
/// ```
public struct ProgressionRule: MarkerRuleDefinition {
    public var attribute: Int

    public init(attribute: Int) {
        self.attribute = attribute
    }

    public static let name = "progression"
    public static let summary = "A numeric attribute never decreases along the stage order."
    static let attributeField = RuleField<Int>.attribute(
        "attribute", of: AttributeKind.allCases.filter(\.isOrdered),
        refusal: { "a progression needs an ordered attribute (number, scale or duration); '\($0)' is \($1)" },
        summary: "The attribute that rises."
    )
    public static let fields = [attributeField.description]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        attribute = try values.required(Self.attributeField)
    }

    public func expectation(in brand: Brand) -> String {
        "\(brand.attributes[attribute].id) never decreases from one touchpoint to the next, in journey order"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no journey has two touchpoints in scope that plan '\(brand.attributes[attribute].id)'"
    }
}
