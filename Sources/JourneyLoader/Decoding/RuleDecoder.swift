import JSONCReader
import JourneyModel

/// Reads the kind-specific fields of one marker into its ``MarkerRule``,
/// field by field as the kind's rule describes them (``RuleFieldDescription``):
/// no kind is named here, so a new kind needs nothing from the loader.
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
        var values = RuleFieldValues()
        var failed = false
        /// Attribute fields read so far, by key: value fields are read in their attribute's vocabulary.
        var attributes: [String: Int] = [:]
        /// Attribute fields that are missing or wrong: their value fields are not read, and not reported.
        var unusable: Set<String> = []
        for field in kind.definition.fields {
            if case .attributeValue(let attributeKey) = field.type, unusable.contains(attributeKey) { continue }
            guard let value = fields[field.key] else {
                if field.isRequired {
                    reportMissing(field.key, context: &context)
                    failed = true
                    if case .attribute = field.type { unusable.insert(field.key) }
                }
                continue
            }
            if let decoded = read(value, as: field, attributes: attributes, context: &context) {
                values.set(field.key, decoded)
                if case .attribute(let attribute) = decoded { attributes[field.key] = attribute }
            } else {
                failed = true
                if case .attribute = field.type { unusable.insert(field.key) }
            }
        }
        guard !failed else { return nil }
        do {
            return try kind.rule(values)
        } catch {
            switch error {
            case .missing(let key):
                reportMissing(key, context: &context)
            case .invalid(let key, let message):
                context.report(.invalidValue, at: fields[key] ?? object, message)
            }
            return nil
        }
    }

    /// One field's value, read and checked as its description says; nil
    /// once the problem is reported.
    private func read(
        _ value: JSONCValue, as field: RuleFieldDescription, attributes: [String: Int], context: inout DecodingContext
    ) -> RuleFieldValue? {
        let key = field.key
        switch field.type {
        case .expectations:
            return MarkerDecoder.decodeExpectations(value, lookups: lookups, context: &context).map(RuleFieldValue.expectations)
        case .count(let minimum):
            return context.count(value, for: key, minimum: minimum).map(RuleFieldValue.count)
        case .word(let words, let noun):
            guard let word = context.string(value, for: key) else { return nil }
            guard words.contains(word) else {
                context.reportUnknown(.invalidValue, at: value, name: word, what: noun, known: words)
                return nil
            }
            return .word(word)
        case .attribute(let kinds, let refusal):
            let catalog = lookups.brand.attributes
            guard let attribute = context.resolve(value, in: catalog, code: .unknownAttribute, what: "attribute", field: key) else {
                return nil
            }
            let definition = catalog[attribute]
            guard kinds.contains(definition.type.kind) else {
                context.report(.invalidValue, at: value, refusal(definition.id, definition.type.name))
                return nil
            }
            return .attribute(attribute)
        case .attributeValue(let attributeKey):
            guard let attribute = attributes[attributeKey] else { return nil }
            let definition = lookups.brand.attributes[attribute]
            return context.attributeValue(value, of: definition).map { .attributeValue($0, written: definition.render($0)) }
        case .duration:
            guard let text = context.string(value, for: key) else { return nil }
            guard let duration = context.duration(text) else {
                context.report(.invalidValue, at: value, "'\(text)' is not an ISO 8601 duration for '\(key)'; write for example PT2H, P1D or P7D")
                return nil
            }
            return .duration(duration)
        }
    }

    private func reportMissing(_ key: String, context: inout DecodingContext) {
        context.reportMissing(key, in: object, what: "marker '\(markerID)'")
    }
}
