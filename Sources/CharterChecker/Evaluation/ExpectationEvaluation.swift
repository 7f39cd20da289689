import JourneyModel

extension Expectation {
    /// Whether a planned value meets this expectation. A value that is not
    /// planned fails every operator but `absent`.
    func isMet(by planned: AttributeValue?, definition: AttributeDefinition) -> Bool {
        guard let planned else {
            if case .absent = test { return true }
            return false
        }
        switch test {
        case .equals(let expected):
            return planned == expected
        case .oneOf(let allowed):
            return allowed.contains(planned)
        case .noneOf(let forbidden):
            return !forbidden.contains(planned)
        case .atLeast(let bound):
            return definition.compare(planned, bound).map { $0 >= 0 } ?? false
        case .atMost(let bound):
            return definition.compare(planned, bound).map { $0 <= 0 } ?? false
        case .present:
            return true
        case .absent:
            return false
        case .matches(let pattern):
            if case .text(let text) = planned { return pattern.matches(text) }
            return false
        }
    }
}

extension Experience {
    /// The expectations that do not hold, each with the planned value.
    func failures(of expectations: [Expectation], in brand: Brand) -> [(expectation: Expectation, planned: PlannedValue?)] {
        expectations.compactMap { expectation in
            let planned = self[expectation.attribute]
            let met = expectation.isMet(by: planned?.value, definition: brand.attributes[expectation.attribute])
            return met ? nil : (expectation, planned)
        }
    }
}

extension GapDraft {
    /// The gap for one unmet expectation at one touchpoint: the value in
    /// words, or that it is not planned, against what the marker expects.
    static func unmet(
        _ expectation: Expectation,
        planned: PlannedValue?,
        marker: Marker,
        brand: Brand,
        subject: String,
        place: String
    ) -> GapDraft {
        let definition = brand.attributes[expectation.attribute]
        let expected = expectation.describe(in: brand)
        let plannedText = planned.map { definition.render($0.value) } ?? "not planned"
        let finding = planned == nil
            ? "\(subject) does not plan '\(definition.id)'"
            : "\(subject) plans \(definition.id) = \(plannedText)"
        return GapDraft(
            attribute: expectation.attribute, position: planned?.position, expected: expected, planned: plannedText,
            message: "\(finding); '\(marker.title)' expects \(expected)",
            action: remedy(for: expectation, planned: plannedText, definition: definition, place: place)
        )
    }

    /// The change that closes an unmet expectation, as an instruction.
    private static func remedy(for expectation: Expectation, planned: String, definition: AttributeDefinition, place: String) -> String {
        let name = definition.id
        func list(_ values: [AttributeValue]) -> String { values.map { definition.render($0) }.joined(separator: ", ") }
        switch expectation.test {
        case .equals(let value): return "Set \(name) to \(definition.render(value)) at \(place)."
        case .oneOf(let values): return "Set \(name) to one of \(list(values)) at \(place)."
        case .noneOf(let values): return "Change \(name) at \(place) to a value other than \(list(values))."
        case .atLeast(let value): return "Raise \(name) to at least \(definition.render(value)) at \(place)."
        case .atMost(let value): return "Bring \(name) down to at most \(definition.render(value)) at \(place)."
        case .present: return "Plan \(name) at \(place)."
        case .absent: return "Remove \(name) (\(planned)) from \(place)."
        case .matches(let pattern): return "Reword \(name) at \(place) to match /\(pattern.source)/."
        }
    }
}

extension Touchpoint {
    /// How messages name a touchpoint: `welcome-mail (email, discover)`.
    func subject(in brand: Brand) -> String {
        "\(id) (\(brand.channels[channel].id), \(brand.stages[stage].id))"
    }
}
