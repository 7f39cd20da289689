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

extension Touchpoint {
    /// How messages name a touchpoint: `welcome-mail (email, discover)`.
    func subject(in brand: Brand) -> String {
        GapWording.subject(touchpoint: id, channel: brand.channels[channel].id, stage: brand.stages[stage].id)
    }
}
