import CharterAudit
import CharterChecker
import JourneyModel

/// The audit as a customer-relationship director reads it: per segment,
/// priority segments first, the score, where it is earned and lost, the
/// gaps worst first and the action plan per channel owner.
public enum AuditText {
    public static func render(_ audit: AuditReport, style: TerminalStyle = .plain) -> String {
        var lines: [String] = []
        let weights = audit.weights
        lines.append(style.bold("Charter audit"))
        lines.append("Score = checks met over checks applicable, weighted by severity (error \(weights.error), warning \(weights.warning), info \(weights.info)).")
        if audit.segments.isEmpty {
            lines.append("")
            lines.append("No segment goes through any journey: nothing to audit.")
        }
        for segment in audit.segments {
            lines.append("")
            lines += render(segment, style: style)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func render(_ report: SegmentReport, style: TerminalStyle) -> [String] {
        var lines: [String] = []
        let priority = report.priority ? ", priority" : ""
        let title = "\(report.brandName) · \(report.segmentName) (\(report.segment)\(priority))"
        lines.append(style.bold("━━ \(title) ━━"))
        lines.append("Score \(style.bold(report.score.formatted)): \(report.score.met) of \(report.score.applicable) checks met, \(report.gaps.count) open gap\(report.gaps.count == 1 ? "" : "s")\(report.suppressed.isEmpty ? "" : ", \(report.suppressed.count) accepted").")
        lines.append("")
        lines.append("Journeys")
        for passage in report.journeys {
            lines.append("  \(passage.journey)\(passage.name.map { " — \($0)" } ?? ""): \(passage.touchpoints.joined(separator: " → "))")
        }
        if !report.byChannel.isEmpty {
            lines.append("")
            lines.append("By channel")
            var table = TextTable(header: ["channel", "owner", "score", "checks"], rightAligned: [2, 3])
            table.rows = report.byChannel.map { [$0.channel, $0.owner ?? "—", $0.score.formatted, "\($0.score.met)/\($0.score.applicable)"] }
            lines += table.render()
        }
        if !report.byMarker.isEmpty {
            lines.append("")
            lines.append("By marker")
            var table = TextTable(header: ["marker", "kind", "severity", "score", "checks"], rightAligned: [3, 4])
            table.rows = report.byMarker.map { [$0.marker, $0.kind.rawValue, $0.severity.rawValue, $0.score.formatted, "\($0.score.met)/\($0.score.applicable)"] }
            lines += table.render()
        }
        if !report.byJourney.isEmpty {
            lines.append("")
            lines.append("By journey")
            var table = TextTable(header: ["journey", "score", "checks"], rightAligned: [1, 2])
            table.rows = report.byJourney.map { [$0.journey, $0.score.formatted, "\($0.score.met)/\($0.score.applicable)"] }
            lines += table.render()
        }
        if !report.matrix.rows.isEmpty, !report.matrix.columns.isEmpty {
            lines.append("")
            lines.append("Marker × channel")
            var table = TextTable(header: ["marker"] + report.matrix.columns, rightAligned: Set(1...report.matrix.columns.count))
            table.rows = zip(report.matrix.rows, report.matrix.cells).map { row, cells in
                [row] + cells.map { $0.applicable == 0 ? "·" : $0.formatted }
            }
            lines += table.render()
        }
        lines.append("")
        if report.gaps.isEmpty {
            lines.append(style.green("No open gap."))
        } else {
            lines.append("Gaps, worst first")
            for gap in report.gaps {
                let place = [gap.journey, gap.touchpoint].compactMap { $0 }.joined(separator: "/")
                let context = [gap.channel, gap.stage].compactMap { $0 }.joined(separator: ", ")
                lines.append("  \(CheckText.label(gap.severity, style: style)) \(gap.marker) at \(place)\(context.isEmpty ? "" : " (\(context))")")
                lines.append("    expected: \(gap.expected)")
                lines.append("    planned:  \(gap.planned)")
                lines.append("    \(style.dim(gap.location.description))")
            }
        }
        if !report.actions.isEmpty {
            lines.append("")
            lines.append("Action plan")
            for (number, group) in report.actions.enumerated() {
                let owner = group.owner.map { " — \($0)" } ?? ""
                let score = group.score.map { " (score \($0.formatted))" } ?? ""
                lines.append("  \(number + 1). \(group.channelName)\(owner)\(score)")
                for item in group.items {
                    lines.append("     - [\(item.severity.rawValue)] \(item.action) \(style.dim("(\(item.location))"))")
                }
            }
        }
        if !report.suppressed.isEmpty {
            lines.append("")
            lines.append("Accepted gaps")
            for gap in report.suppressed {
                lines.append("  \(gap.marker) at \(gap.journey)/\(gap.touchpoint ?? "—"): \(gap.suppression?.reason ?? "")")
            }
        }
        return lines
    }
}
