import JSONWriter
import CharterChecker
import JourneyModel

/// The default format: one finding per line, `file:line:column: severity:
/// message`, the form editors and terminals turn into links, then a summary.
/// Every text from the files (paths, ids, messages) is escaped with
/// ``TerminalEscaping``: a finding is one line, and a terminal or a CI log
/// acts on none of it.
///
/// ```text
/// Journeys/aurele/first-purchase.journey.jsonc:12:20: error: welcome-mail (email, discover) plans address = informal; 'We always address customers formally' expects address = formal [formal-address · newcomers]
/// 1 error, 0 warnings, 0 infos in 2 files (1 journey, 4 touchpoints)
/// ```
public struct CheckText: Reporter {
    /// Colours, for a terminal.
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    /// Line by line into `output`.
    public func write(_ result: CheckResult, to output: inout ReportOutput) {
        for diagnostic in result.diagnostics {
            var line = "\(style.bold(show(diagnostic.location.description) + ":")) \(style.label(diagnostic.severity)) \(show(diagnostic.message)) \(style.dim("[\(diagnostic.code.rawValue)]"))"
            for related in diagnostic.related {
                line += "\n    \(style.dim("\(show(related.location.description)): note: \(show(related.message))"))"
            }
            output.writeLine(line)
        }
        // One line per gap at a place: the same gap for several segments lists them.
        var openCount = 0, placeCount = 0
        let open = result.gaps.lazy.filter { gap in
            guard gap.isOpen else { return false }
            openCount += 1
            return true
        }
        SamePlaceGroups.forEachPlace(open) { groups in
            for group in groups {
                output.write("\(style.bold(show(group.gap.location.description) + ":")) \(style.label(group.gap.severity)) \(show(group.message)) \(style.dim("[\(show(group.title))]"))\n")
            }
            placeCount += groups.count
        }
        if let note = ReportWording.cutNote(result) { output.writeLine(style.bold("note: \(note)")) }
        let summary = result.summary
        let summaryLine = ReportWording.summaryLine(summary)
        let places = placeCount < openCount ? "; \(ReportWording.plural(openCount, "gap")) at \(ReportWording.plural(placeCount, "place"))" : ""
        output.writeLine((summary.errors > 0 ? style.bold(summaryLine) : summaryLine) + places)
    }

    private func show(_ text: String) -> String { TerminalEscaping.text(text) }
}
