import JSONCReader
import JourneyModel

/// Reads the kind-specific fields of one marker into its ``MarkerRule``.
struct RuleDecoder {
    let object: JSONCValue
    let markerID: String
    /// The marker's kind-specific fields, by key.
    let fields: [String: JSONCValue]
    let lookups: BrandLookups

    init(object: JSONCValue, markerID: String, fields: [String: JSONCValue], lookups: BrandLookups) {
        self.object = object
        self.markerID = markerID
        self.fields = fields
        self.lookups = lookups
    }

    func decode(_ kind: MarkerKind, context: inout DecodingContext) -> MarkerRule? {
        switch kind {
        case .expectation:
            return expectations(context: &context).map { .expectation(ExpectationRule(expectations: $0)) }
        case .coverage:
            return coverage(context: &context).map(MarkerRule.coverage)
        case .consistent:
            return consistency(context: &context).map(MarkerRule.consistent)
        case .sequence:
            return sequence(context: &context).map(MarkerRule.sequence)
        case .handoff:
            return expectations(context: &context).map { .handoff(HandoffRule(expectations: $0)) }
        case .stageKPIs:
            return stageKPIs(context: &context).map(MarkerRule.stageKPIs)
        case .progression:
            return progression(context: &context).map(MarkerRule.progression)
        }
    }

    // MARK: Kinds

    private func expectations(context: inout DecodingContext) -> [Expectation]? {
        guard let value = required("expect", context: &context) else { return nil }
        return MarkerDecoder.decodeExpectations(value, lookups: lookups, context: &context)
    }

    private func coverage(context: inout DecodingContext) -> CoverageRule? {
        var unit = CoverageUnit.journey
        if let value = fields["per"] {
            guard let word = context.string(value, for: "per") else { return nil }
            guard let known = CoverageUnit(rawValue: word) else {
                context.reportUnknown(.invalidValue, at: value, name: word, what: "coverage unit", known: CoverageUnit.allCases.map(\.rawValue))
                return nil
            }
            unit = known
        }
        var minimum = 1
        if let value = fields["atLeast"] {
            guard let count = context.count(value, for: "atLeast", minimum: 1) else { return nil }
            minimum = count
        }
        guard let expectations = expectations(context: &context) else { return nil }
        return CoverageRule(expectations: expectations, unit: unit, minimum: minimum)
    }

    private func consistency(context: inout DecodingContext) -> ConsistencyRule? {
        var range = ConsistencyRange.channels
        if let value = fields["across"] {
            guard let word = context.string(value, for: "across") else { return nil }
            guard let known = ConsistencyRange(rawValue: word) else {
                context.reportUnknown(.invalidValue, at: value, name: word, what: "range", known: ConsistencyRange.allCases.map(\.rawValue))
                return nil
            }
            range = known
        }
        guard let attribute = attribute(context: &context) else { return nil }
        return ConsistencyRule(attribute: attribute, across: range)
    }

    private func sequence(context: inout DecodingContext) -> SequenceRule? {
        guard let attribute = attribute(context: &context) else { return nil }
        let definition = lookups.brand.attributes[attribute]
        switch definition.type {
        case .enumeration, .scale, .text:
            break
        case .duration, .number, .boolean:
            context.report(
                .invalidValue, at: fields["attribute"] ?? object,
                "a sequence counts touchpoints by a word: '\(definition.id)' is \(definition.type.name), use an enum or text attribute"
            )
            return nil
        }
        let firstValue = required("first", context: &context)
        let thenValue = required("then", context: &context)
        guard let firstValue, let thenValue,
              let first = context.attributeValue(firstValue, of: definition),
              let then = context.attributeValue(thenValue, of: definition) else { return nil }
        var maximum: Int?
        if let value = fields["atMost"] {
            guard let count = context.count(value, for: "atMost") else { return nil }
            maximum = count
        }
        var minimum = maximum == nil ? 1 : 0
        if let value = fields["atLeast"] {
            guard let count = context.count(value, for: "atLeast") else { return nil }
            minimum = count
        }
        if let maximum, minimum > maximum, let value = fields["atLeast"] {
            context.report(.invalidValue, at: value, "'atLeast' (\(minimum)) is more than 'atMost' (\(maximum))")
            return nil
        }
        if first == then {
            context.report(.invalidValue, at: thenValue, "'first' and 'then' name the same kind, '\(definition.render(first))'")
            return nil
        }
        return SequenceRule(attribute: attribute, first: first, then: then, minimum: minimum, maximum: maximum)
    }

    private func stageKPIs(context: inout DecodingContext) -> StageKPIRule? {
        var rule = StageKPIRule()
        if let value = fields["quantitative"] {
            guard let count = context.count(value, for: "quantitative") else { return nil }
            rule.minimumQuantitative = count
        }
        if let value = fields["qualitative"] {
            guard let count = context.count(value, for: "qualitative") else { return nil }
            rule.minimumQualitative = count
        }
        return rule
    }

    private func progression(context: inout DecodingContext) -> ProgressionRule? {
        guard let attribute = attribute(context: &context) else { return nil }
        let definition = lookups.brand.attributes[attribute]
        guard definition.type.isOrdered else {
            context.report(
                .invalidValue, at: fields["attribute"] ?? object,
                "a progression needs an ordered attribute (number, scale or duration); '\(definition.id)' is \(definition.type.name)"
            )
            return nil
        }
        return ProgressionRule(attribute: attribute)
    }

    // MARK: Shared fields

    private func required(_ key: String, context: inout DecodingContext) -> JSONCValue? {
        if let value = fields[key] { return value }
        context.reportMissing(key, in: object, what: "marker '\(markerID)'")
        return nil
    }

    private func attribute(context: inout DecodingContext) -> Int? {
        guard let value = required("attribute", context: &context) else { return nil }
        return context.resolve(value, in: lookups.brand.attributes, code: .unknownAttribute, what: "attribute", field: "attribute")
    }
}
