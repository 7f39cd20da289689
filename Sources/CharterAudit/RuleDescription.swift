import JourneyModel

/// Markers in words, for `explain` and for report headers: what a marker
/// expects and where it applies, as a director would say it.
public enum RuleDescription {
    /// What the marker expects: "every touchpoint in scope plans responseTime ≤ PT2H",
    /// in the words of its kind's rule.
    public static func expectation(of marker: Marker, in brand: Brand) -> String {
        marker.rule.definition.expectation(in: brand)
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
