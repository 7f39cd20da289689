import CharterChecker
import JourneyModel

/// The default format: one finding per line, `file:line:column: severity:
/// message`, the form editors and terminals turn into links, then a summary.
///
/// ```text
/// Journeys/aurele/first-purchase.journey.jsonc:12:20: error: welcome-mail (email, discover) plans address = informal; 'We always address customers formally' expects address = formal [formal-address · newcomers]
/// 1 error, 0 warnings, 0 infos in 2 files (1 journey, 4 touchpoints)
/// ```
public enum CheckText {
    public static func render(_ result: CheckResult, style: TerminalStyle = .plain) -> String {
        var lines: [String] = []
        for diagnostic in result.diagnostics {
            var line = "\(style.bold(diagnostic.location.description + ":")) \(label(diagnostic.severity, style: style)) \(diagnostic.message) \(style.dim("[\(diagnostic.code.rawValue)]"))"
            for related in diagnostic.related {
                line += "\n    \(style.dim("\(related.location): note: \(related.message)"))"
            }
            lines.append(line)
        }
        // One line per place: the same gap for several segments lists them together.
        let open = result.openGaps
        let places = mergedBySegment(open)
        for place in places {
            let tags = ([place.gap.marker] + (place.segments.isEmpty ? [] : [place.segments.joined(separator: ", ")])).joined(separator: " · ")
            lines.append("\(style.bold(place.gap.location.description + ":")) \(label(place.gap.severity, style: style)) \(place.gap.message) \(style.dim("[\(tags)]"))")
        }
        lines.append(summaryLine(result.summary, style: style) + (places.count < open.count ? "; \(plural(open.count, "gap")) at \(plural(places.count, "place"))" : ""))
        return lines.joined(separator: "\n") + "\n"
    }

    /// Gaps that differ only by segment, merged, in report order.
    /// Report order puts gaps of one place next to each other, so only the
    /// entries of the current place are compared.
    static func mergedBySegment(_ gaps: [Gap]) -> [(gap: Gap, segments: [String])] {
        var merged: [(gap: Gap, segments: [String])] = []
        var placeStart = 0
        for gap in gaps {
            if let last = merged.last, last.gap.location != gap.location { placeStart = merged.count }
            if let index = merged[placeStart...].firstIndex(where: { $0.gap.marker == gap.marker && $0.gap.message == gap.message }) {
                if let segment = gap.segment { merged[index].segments.append(segment) }
            } else {
                merged.append((gap, gap.segment.map { [$0] } ?? []))
            }
        }
        return merged
    }

    static func label(_ severity: Severity, style: TerminalStyle) -> String {
        switch severity {
        case .error: style.red("error:")
        case .warning: style.yellow("warning:")
        case .info: style.blue("info:")
        }
    }

    static func summaryLine(_ summary: CheckResult.Summary, style: TerminalStyle) -> String {
        var line = "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")), \(plural(summary.infos, "info"))"
        line += " in \(plural(summary.files, "file")) (\(plural(summary.journeys, "journey")), \(plural(summary.touchpoints, "touchpoint")))"
        if summary.suppressed > 0 { line += "; \(plural(summary.suppressed, "gap")) accepted (suppressions or baseline)" }
        return summary.errors > 0 ? style.bold(line) : line
    }

    /// `1 error`, `2 errors`, `0 errors`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
