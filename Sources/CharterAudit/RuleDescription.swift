import JourneyModel

/// Markers in words, for `explain` and for report headers: what a marker
/// expects and where it applies, as a director would say it.
public enum RuleDescription {
    /// What the marker expects: "responseTime ≤ PT2H on every touchpoint in scope".
    public static func expectation(of marker: Marker, in brand: Brand) -> String {
        func all(_ expectations: [Expectation]) -> String {
            expectations.map { $0.describe(in: brand) }.joined(separator: " and ")
        }
        switch marker.rule {
        case .expectation(let rule):
            return "every touchpoint in scope plans \(all(rule.expectations))"
        case .coverage(let rule):
            let count = rule.minimum == 1 ? "at least one touchpoint" : "at least \(rule.minimum) touchpoints"
            let unit = switch rule.unit {
            case .journey: "each journey"
            case .stage: "each stage of each journey"
            case .channel: "each channel of each journey"
            }
            return "\(count) with \(all(rule.expectations)) in \(unit)"
        case .consistent(let rule):
            let attribute = brand.attributes[rule.attribute].id
            return rule.across == .channels
                ? "one value of \(attribute) across the channels of each journey"
                : "one value of \(attribute) across all journeys"
        case .sequence(let rule):
            let definition = brand.attributes[rule.attribute]
            let bounds: String = switch (rule.minimum, rule.maximum) {
            case (let low, let high?) where low == high: "exactly \(low)"
            case (0, let high?): "at most \(high)"
            case (let low, let high?): "between \(low) and \(high)"
            case (let low, nil): "at least \(low)"
            }
            return "\(bounds) touchpoint(s) with \(definition.id) = \(definition.render(rule.first)) before the first with "
                + "\(definition.id) = \(definition.render(rule.then)), in journey order"
        case .handoff(let rule):
            return "wherever `next` changes channel, the receiving touchpoint plans \(all(rule.expectations))"
        case .stageKPIs(let rule):
            return "each stage of each journey declares at least \(rule.minimumQuantitative) quantitative and "
                + "\(rule.minimumQualitative) qualitative KPI"
        case .progression(let rule):
            return "\(brand.attributes[rule.attribute].id) never decreases from one touchpoint to the next, in journey order"
        }
    }

    /// Where the marker applies: "channels email, chat · segment premium", or "everywhere".
    public static func scope(of marker: Marker, in brand: Brand) -> String {
        let scope = marker.scope
        var parts: [String] = []
        if let channels = scope.channels {
            parts.append("channels \(channels.map { brand.channels[$0].id }.joined(separator: ", "))")
        }
        if let kinds = scope.channelKinds {
            parts.append("channel kinds \(kinds.sorted().map(\.rawValue).joined(separator: ", "))")
        }
        if let stages = scope.stages {
            parts.append("stages \(stages.map { brand.stages[$0].id }.joined(separator: ", "))")
        }
        if let segments = scope.segments {
            parts.append("segments \(segments.map { brand.segments[$0].id }.joined(separator: ", "))")
        }
        return parts.isEmpty ? "everywhere" : parts.joined(separator: " · ")
    }
}
