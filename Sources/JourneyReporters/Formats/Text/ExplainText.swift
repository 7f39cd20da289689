import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `throughline explain MARKER`: the marker in words, then what currently
/// fails it, per segment.
public struct ExplainText: Reporter {
    /// Colours, for a terminal.
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    /// One brand's marker at a time, a blank line between them.
    public func write(_ explanations: [MarkerExplanation], to output: inout ReportOutput) {
        // Nothing to explain is still one line, so the text always ends with a line break.
        if explanations.isEmpty { output.writeLine("") }
        for (index, explanation) in explanations.enumerated() {
            if index > 0 { output.writeLine("") }
            for line in lines(of: explanation) { output.writeLine(line) }
        }
    }

    private func lines(of explanation: MarkerExplanation) -> [String] {
        var lines: [String] = []
        let marker = explanation.marker
        lines.append(style.bold(show(marker.id)) + " — \(show(marker.title)) [brand \(show(explanation.brand))]")
        if let rationale = marker.rationale { lines.append("Why: \(show(rationale))") }
        lines.append("Kind: \(marker.kind.rawValue) · severity \(marker.severity.rawValue)\(marker.isEnabled ? "" : " · turned off")")
        lines.append("Expects: \(show(explanation.expects))")
        lines.append("Applies to: \(show(explanation.appliesTo))")
        lines.append("Inheritance:")
        lines += explanation.inheritance.map { "  \(show($0))" }
        let perSegment = marker.kind.isPerSegment
        for segment in explanation.segments {
            let open = segment.gaps.filter { $0.suppression == nil }
            let status = segment.score.applicable == 0 ? "no check applies" : "score \(segment.score.formatted) (\(ReportWording.checks(segment.score)))"
            let gapCount = perSegment ? ", \(ReportWording.plural(open.count, "open gap"))" : ""
            lines.append("Segment \(show(segment.segment))\(segment.priority ? " (priority)" : ""): \(status)\(gapCount)")
            lines += segment.gaps.map { "  " + describe($0) }
        }
        if !perSegment {
            lines.append("Gaps (for every segment going through the journey): \(explanation.journeyGaps.count)")
            lines += explanation.journeyGaps.map { "  " + describe($0) }
        }
        return lines
    }

    private func describe(_ gap: DescribedGap) -> String {
        let place = show([gap.journey, gap.touchpoint ?? gap.stage.map { "stage \($0)" }].compactMap { $0 }.joined(separator: "/"))
        let accepted = gap.suppression.map { " (accepted: \(show($0.reason)))" } ?? ""
        return "\(place): planned \(show(gap.planned))\(accepted) \(style.dim("(\(show(gap.location.description)))"))"
    }

    /// Text from the files, escaped for a terminal (``TerminalEscaping``).
    private func show(_ text: String) -> String { TerminalEscaping.text(text) }
}
