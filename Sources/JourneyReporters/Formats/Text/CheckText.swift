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
        // One line per place: the same gap for several segments lists them
        // together. Report order puts the gaps of one place next to each
        // other, so only the entries of the current place are compared.
        var openCount = 0, placeCount = 0
        // Each gap's message is joined once (see `GapWording`), to compare and to write.
        var place: [(gap: DescribedGap, message: String, segments: [String])] = []
        func writePlace() {
            for (gap, message, segments) in place {
                let tags = ([gap.marker] + (segments.isEmpty ? [] : [segments.joined(separator: ", ")])).joined(separator: " · ")
                output.write("\(style.bold(show(gap.location.description) + ":")) \(style.label(gap.severity)) \(show(message)) \(style.dim("[\(show(tags))]"))\n")
            }
            placeCount += place.count
            place.removeAll(keepingCapacity: true)
        }
        for gap in result.gaps where gap.suppression == nil {
            openCount += 1
            if let first = place.first, first.gap.location != gap.location { writePlace() }
            let message = gap.message
            if let index = place.firstIndex(where: { $0.gap.marker == gap.marker && $0.message == message }) {
                if let segment = gap.segment { place[index].segments.append(segment) }
            } else {
                place.append((gap, message, gap.segment.map { [$0] } ?? []))
            }
        }
        writePlace()
        let summary = result.summary
        let summaryLine = ReportWording.summaryLine(summary)
        let places = placeCount < openCount ? "; \(ReportWording.plural(openCount, "gap")) at \(ReportWording.plural(placeCount, "place"))" : ""
        output.writeLine((summary.errors > 0 ? style.bold(summaryLine) : summaryLine) + places)
    }

    private func show(_ text: String) -> String { TerminalEscaping.text(text) }
}
