import JSONCReader
import JourneyModel

/// Reading values written in a brand's vocabulary: attribute values,
/// experiences, and names of channels, stages and segments.
extension DecodingContext {
    /// The value of `definition` written at `value`, or nil after a diagnostic.
    mutating func attributeValue(
        _ value: JSONCValue,
        of definition: AttributeDefinition,
        choices: [String: Int]? = nil
    ) -> AttributeValue? {
        attributeValue(value, field: definition.id, type: definition.type, choices: choices)
    }

    /// The same from the definition's name and type alone: an experience
    /// reads thousands of values, and copying whole definitions for each
    /// showed in profiles.
    mutating func attributeValue(
        _ value: JSONCValue,
        field: String,
        type: AttributeType,
        choices: [String: Int]? = nil
    ) -> AttributeValue? {
        switch type {
        case .enumeration(let words), .scale(let words):
            guard let word = string(value, for: field) else { return nil }
            if let index = choices?[word] ?? words.firstIndex(of: word) { return .choice(index) }
            let (suggestion, _) = closest(to: word, in: .words(attribute: field), known: { words })
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? Self.listing(words)
            report(.invalidValue, at: value, "'\(word)' is not a value of '\(field)'\(hint)", suggestion: suggestion)
            return nil
        case .duration:
            guard let text = string(value, for: field) else { return nil }
            guard let duration = duration(text) else {
                report(.invalidValue, at: value, "'\(text)' is not an ISO 8601 duration for '\(field)'; write for example PT2H, PT15M, P1D or P1W")
                return nil
            }
            return .duration(duration)
        case .number:
            return number(value, for: field).map(AttributeValue.number)
        case .text:
            return string(value, for: field).map { .text(shared($0)) }
        case .boolean:
            return bool(value, for: field).map(AttributeValue.boolean)
        }
    }

    /// An `experience` object: attribute name → value.
    mutating func experience(_ value: JSONCValue, field: String, lookups: BrandLookups) -> Experience {
        guard let object = object(value, for: field) else { return Experience() }
        let attributes = lookups.brand.attributes
        var planned: [PlannedValue] = []
        for member in object.members {
            let name = member.key
            guard let index = attributes.index(of: name) else {
                reportUnknown(.unknownAttribute, atOffset: member.keyOffset, name: name, what: "attribute", known: attributes.ids)
                continue
            }
            let entry = member.value
            if let decoded = attributeValue(entry, field: attributes[index].id, type: attributes[index].type, choices: lookups.choiceIndex[index]) {
                planned.append(PlannedValue(attribute: index, value: decoded, position: position(of: entry)))
            }
        }
        return Experience(planned)
    }

    /// The position of `name` in `catalog`, or nil after an unknown-name diagnostic.
    mutating func resolve<Entry>(
        _ value: JSONCValue,
        in catalog: Catalog<Entry>,
        code: DiagnosticCode,
        what: String,
        field: String
    ) -> Int? {
        guard let name = string(value, for: field) else { return nil }
        if let index = catalog.index(of: name) { return index }
        reportUnknown(code, at: value, name: name, what: what, known: catalog.ids)
        return nil
    }

    /// A list of names resolved against `catalog`; a single name stands for a list of one.
    mutating func resolveAll<Entry>(
        _ value: JSONCValue,
        in catalog: Catalog<Entry>,
        code: DiagnosticCode,
        what: String,
        field: String
    ) -> [Int]? {
        resolveEach(value, in: catalog, code: code, what: what, field: field)?.map(\.index)
    }

    /// The same, with the value that first names each entry, for messages about it.
    mutating func resolveEach<Entry>(
        _ value: JSONCValue,
        in catalog: Catalog<Entry>,
        code: DiagnosticCode,
        what: String,
        field: String
    ) -> [(index: Int, value: JSONCValue)]? {
        guard let names = strings(value, for: field) else { return nil }
        var result: [(index: Int, value: JSONCValue)] = []
        // A set, not a search of `result`: a list can name thousands of entries.
        var named = MemberSet()
        for (name, element) in names {
            if let index = catalog.index(of: name) {
                if !named.contains(index) {
                    named.insert(index)
                    result.append((index, element))
                }
            } else {
                reportUnknown(code, at: element, name: name, what: what, known: catalog.ids)
            }
        }
        return result
    }
}
