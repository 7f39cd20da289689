import CharterAudit
import CharterChecker
import JourneyModel

/// `throughline explain MARKER`: the marker in words, then what currently
/// fails it, per segment.
public enum ExplainText {
    public static func render(_ explanations: [MarkerExplanation], style: TerminalStyle = .plain) -> String {
        var lines: [String] = []
        for (index, explanation) in explanations.enumerated() {
            if index > 0 { lines.append("") }
            let marker = explanation.marker
            lines.append(style.bold("\(marker.id)") + " — \(marker.title) [brand \(explanation.brand)]")
            if let rationale = marker.rationale { lines.append("Why: \(rationale)") }
            lines.append("Kind: \(marker.kind.rawValue) · severity \(marker.severity.rawValue)\(marker.isEnabled ? "" : " · turned off")")
            lines.append("Expects: \(explanation.expects)")
            lines.append("Applies to: \(explanation.appliesTo)")
            lines.append("Inheritance:")
            lines += explanation.inheritance.map { "  \($0)" }
            for segment in explanation.segments {
                let open = segment.gaps.filter { $0.suppression == nil }
                let status = segment.score.applicable == 0 ? "no check applies" : "score \(segment.score.formatted) (\(segment.score.met)/\(segment.score.applicable))"
                lines.append("Segment \(segment.segment)\(segment.priority ? " (priority)" : ""): \(status), \(open.count) open gap\(open.count == 1 ? "" : "s")")
                for gap in segment.gaps {
                    let place = [gap.journey, gap.touchpoint].compactMap { $0 }.joined(separator: "/")
                    let accepted = gap.suppression.map { " (accepted: \($0.reason))" } ?? ""
                    lines.append("  \(place): planned \(gap.planned)\(accepted) \(style.dim("(\(gap.location))"))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
