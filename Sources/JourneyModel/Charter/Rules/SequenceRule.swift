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
public struct SequenceRule: MarkerRuleDefinition {
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

    public static let name = "sequence"
    public static let summary = "Touchpoints of one kind come before those of another, within bounds."
    static let attributeField = RuleField<Int>.attribute(
        "attribute", of: [.enumeration, .scale, .text], refusal: { "a sequence counts touchpoints by a word: '\($0)' is \($1), use an enum or text attribute" },
        summary: "The attribute that tells a touchpoint's kind."
    )
    static let firstField = RuleField<AttributeValue>.attributeValue(
        "first", of: attributeField, summary: "Sequence: the kind counted before `then`."
    )
    static let thenField = RuleField<AttributeValue>.attributeValue(
        "then", of: attributeField, summary: "Sequence: the kind whose first occurrence closes the count."
    )
    static let atLeast = RuleField<Int>.count(
        "atLeast", default: "1, or 0 with atMost", summary: "How many `first` must come before the first `then`."
    )
    static let atMost = RuleField<Int>.count("atMost", default: nil, summary: "How many `first` may come before the first `then`.")
    public static let fields = [
        attributeField.description, firstField.description, thenField.description, atLeast.description, atMost.description,
    ]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        attribute = try values.required(Self.attributeField)
        first = try values.required(Self.firstField)
        then = try values.required(Self.thenField)
        maximum = values[Self.atMost]
        minimum = values[Self.atLeast] ?? (maximum == nil ? 1 : 0)
        if let maximum, minimum > maximum {
            throw .invalid(Self.atLeast, "'atLeast' (\(minimum)) is more than 'atMost' (\(maximum))")
        }
        if first == then {
            throw .invalid(Self.thenField, "'first' and 'then' name the same kind, '\(values.written(Self.thenField) ?? "")'")
        }
    }

    /// `at least 1`, `at most 5`, `between 1 and 3`, `exactly 2`.
    public var bounds: String {
        switch (minimum, maximum) {
        case (let low, let high?) where low == high: "exactly \(low)"
        case (0, let high?): "at most \(high)"
        case (let low, let high?): "between \(low) and \(high)"
        case (let low, nil): "at least \(low)"
        }
    }

    public func expectation(in brand: Brand) -> String {
        let definition = brand.attributes[attribute]
        return "\(bounds) touchpoint(s) with \(definition.id) = \(definition.render(first)) before the first with "
            + "\(definition.id) = \(definition.render(then)), in journey order"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        let definition = brand.attributes[attribute]
        return "no touchpoint in scope plans \(definition.id) = \(definition.render(then))"
    }
}
