import EventExports
import JSONWriter
import JourneyModel
import LivedCases
import LivedReport

/// The lived report as a terminal shows it: per source what was read,
/// then per segment and journey the cases, the touchpoints' classes, each
/// marker's planned verdict beside its lived conformance, channels,
/// owners, the most frequent ad hoc events, and the action plan. Export
/// text (case ids, owners, activity names) is cut to 40 characters; it and
/// every name from the files go through ``TerminalEscaping``, so no control
/// or bidirectional character and no workflow command reaches a terminal or
/// a CI log.
public struct LivedText: Reporter {
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    public func write(_ report: LivedReport, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        func cases(_ labels: [CaseLabel]) -> String { labels.map { show(Quoted.word($0)) }.joined(separator: ", ") }
        line(style.bold("Lived journeys") + (report.redacted ? " (case ids and owners redacted)" : ""))
        line("")
        line("Sources")
        if report.sources.isEmpty { line("  no source: add Observations/<brand>/*.source.jsonc") }
        for source in report.sources {
            var text = "  \(show(source.brand))/\(show(source.source)) (\(show(source.data))): \(LivedWording.count(source.rows)) rows, "
                + "\(LivedWording.count(source.events)) events, \(LivedWording.count(source.skipped)) skipped"
            if !source.skippedByKind.isEmpty { text += " (" + source.skippedByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ") + ")" }
            text += ", \(LivedWording.count(source.duplicates)) duplicates; \(LivedWording.count(source.cases)) cases"
            if !source.unmatched.isEmpty { text += ", unmatched: " + source.unmatched.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") }
            line(text)
            for issue in source.issues { line("    skipped: \(show(issue))") }
            if source.issues.count < source.skipped { line("    … \(LivedWording.count(source.skipped - source.issues.count)) more skipped rows") }
        }
        for journey in report.journeys {
            line("")
            let priority = journey.priority ? ", priority" : ""
            line(style.bold("━━ \(show(journey.brandName)) · \(show(journey.segmentName)) (\(show(journey.segment))\(priority)) · \(show(journey.journey)) ━━"))
            line("Cases \(LivedWording.count(journey.cases)); lived as planned \(LivedWording.count(journey.asPlanned)) "
                + "(\(LivedWording.percent(journey.cases == 0 ? nil : Double(journey.asPlanned) / Double(journey.cases))))")
            line("Planned path: " + journey.plannedPath.map(show).joined(separator: " → "))
            line("")
            line("Touchpoints")
            var table = TextTable(
                header: ["touchpoint", "channel", "completed", "failing", "missing", "out of seq.", "not reached", "other channel", "late"],
                rightAligned: [2, 3, 4, 5, 6, 7, 8]
            )
            table.rows = journey.touchpoints.map { touchpoint in
                [show(touchpoint.touchpoint), show(touchpoint.channel)] + [
                    touchpoint.completed, touchpoint.failing, touchpoint.missing, touchpoint.outOfSequence, touchpoint.notReached,
                    touchpoint.otherChannel, touchpoint.late,
                ].map(LivedWording.count)
            }
            for row in table.render() { line("  " + row) }
            if !journey.markers.isEmpty {
                line("")
                line("Markers (planned · lived)")
                for marker in journey.markers {
                    line("  \(show(marker.marker)) [\(marker.severity.rawValue)]: planned: \(marker.planned.rawValue) · \(LivedWording.lived(marker))")
                    if let durations = marker.durations { line("    " + show(LivedWording.durations(durations))) }
                    if !marker.examples.isEmpty { line("    e.g. " + cases(marker.examples)) }
                }
            }
            if !journey.flows.isEmpty {
                line("")
                line("Lived flows (cases)")
                for flow in journey.flows.prefix(12) {
                    line("  \(show(flow.from)) → \(show(flow.to)): \(LivedWording.count(flow.cases))\(flow.planned ? "" : " (not planned)")")
                }
                if journey.flows.count > 12 { line("  … \(journey.flows.count - 12) more") }
            }
            if !journey.adHoc.isEmpty {
                line("")
                line("Ad hoc (\(LivedWording.count(journey.adHocEvents)) events)")
                for item in journey.adHoc {
                    line("  '\(show(Quoted.word(item.activity)))': \(LivedWording.count(item.events)) events in \(LivedWording.count(item.cases)) cases")
                }
            }
            if !journey.channels.isEmpty {
                line("")
                line("By channel")
                var channels = TextTable(header: ["channel", "owner", "events", "lived checks met"], rightAligned: [2, 3])
                channels.rows = journey.channels.map { channel in
                    [show(channel.channel), show(channel.owner ?? "—"), LivedWording.count(channel.events),
                     "\(LivedWording.percent(channel.rate)) of \(LivedWording.count(channel.checks))"]
                }
                for row in channels.render() { line("  " + row) }
            }
            if !journey.owners.isEmpty {
                line("")
                line("By owner")
                for owner in journey.owners {
                    line("  \(show(Quoted.word(owner.owner))): \(LivedWording.count(owner.cases)) cases, \(LivedWording.count(owner.asPlanned)) as planned")
                }
            }
            let departures = journey.touchpoints.flatMap { touchpoint in touchpoint.examples.map { (touchpoint.touchpoint, $0) } }
            if !departures.isEmpty {
                line("")
                line("Example cases")
                for (touchpoint, examples) in departures {
                    line("  \(LivedWording.departure(examples.departure)) \(show(touchpoint)): \(cases(examples.cases))")
                }
            }
        }
        line("")
        line(style.bold("Action plan"))
        if report.actions.isEmpty { line("  nothing departs from the plan") }
        for (index, action) in report.actions.enumerated() {
            var text = "  \(index + 1). \(show(action.journey)): \(LivedWording.count(action.cases)) cases (\(LivedWording.percent(action.share))) "
                + "\(LivedWording.departure(action.departure)) "
                + (action.departure == .adHoc ? "'\(show(Quoted.word(action.subject)))'" : show(action.subject))
            if let severity = action.severity { text += " [\(severity.rawValue)]" }
            if let owner = action.owner { text += " — \(show(owner))" }
            if !action.examples.isEmpty { text += "; e.g. " + cases(action.examples) }
            line(text)
        }
    }

    /// Text from the files or an export, escaped for a terminal (``TerminalEscaping``).
    private func show(_ text: String) -> String { TerminalEscaping.text(text) }
}
