import JSONWriter
import JourneyModel
import LivedCases
import LivedReport

/// The lived report as a terminal shows it: per source what was read,
/// then per segment and journey the cases, the touchpoints' classes, each
/// marker's planned verdict beside its lived conformance, channels,
/// owners, the most frequent ad hoc events, and the action plan. Export
/// text (case ids, owners, activity names) is escaped and cut to 40
/// characters; every line starts with text of the report's own.
public struct LivedText: Reporter {
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    public func write(_ report: LivedReport, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        func cases(_ labels: [CaseLabel]) -> String { labels.map { Quoted.word($0) }.joined(separator: ", ") }
        line(style.bold("Lived journeys") + (report.redacted ? " (case ids and owners redacted)" : ""))
        line("")
        line("Sources")
        if report.sources.isEmpty { line("  no source: add Observations/<brand>/*.source.jsonc") }
        for source in report.sources {
            var text = "  \(source.brand)/\(source.source) (\(source.data)): \(LivedWording.count(source.rows)) rows, "
                + "\(LivedWording.count(source.events)) events, \(LivedWording.count(source.skipped)) skipped"
            if !source.skippedByKind.isEmpty { text += " (" + source.skippedByKind.map { "\($0.kind) \($0.count)" }.joined(separator: ", ") + ")" }
            text += ", \(LivedWording.count(source.duplicates)) duplicates; \(LivedWording.count(source.cases)) cases"
            if !source.unmatched.isEmpty { text += ", unmatched: " + source.unmatched.map { "\($0.reason) \($0.count)" }.joined(separator: ", ") }
            line(text)
            for issue in source.issues { line("    skipped: \(issue)") }
            if source.issues.count < source.skipped { line("    … \(LivedWording.count(source.skipped - source.issues.count)) more skipped rows") }
        }
        for journey in report.journeys {
            line("")
            let priority = journey.priority ? ", priority" : ""
            line(style.bold("━━ \(journey.brandName) · \(journey.segmentName) (\(journey.segment)\(priority)) · \(journey.journey) ━━"))
            line("Cases \(LivedWording.count(journey.cases)); lived as planned \(LivedWording.count(journey.asPlanned)) "
                + "(\(LivedWording.percent(journey.cases == 0 ? nil : Double(journey.asPlanned) / Double(journey.cases))))")
            line("Planned path: " + journey.plannedPath.joined(separator: " → "))
            line("")
            line("Touchpoints")
            var table = TextTable(
                header: ["touchpoint", "channel", "completed", "failing", "missing", "out of seq.", "not reached", "other channel", "late"],
                rightAligned: [2, 3, 4, 5, 6, 7, 8]
            )
            table.rows = journey.touchpoints.map { touchpoint in
                [touchpoint.touchpoint, touchpoint.channel] + [
                    touchpoint.completed, touchpoint.failing, touchpoint.missing, touchpoint.outOfSequence, touchpoint.notReached,
                    touchpoint.otherChannel, touchpoint.late,
                ].map(LivedWording.count)
            }
            for row in table.render() { line("  " + row) }
            if !journey.markers.isEmpty {
                line("")
                line("Markers (planned · lived)")
                for marker in journey.markers {
                    line("  \(marker.marker) [\(marker.severity.rawValue)]: planned: \(marker.planned.rawValue) · \(LivedWording.lived(marker))")
                    if let durations = marker.durations { line("    " + LivedWording.durations(durations)) }
                    if !marker.examples.isEmpty { line("    e.g. " + cases(marker.examples)) }
                }
            }
            if !journey.flows.isEmpty {
                line("")
                line("Lived flows (cases)")
                for flow in journey.flows.prefix(12) {
                    line("  \(flow.from) → \(flow.to): \(LivedWording.count(flow.cases))\(flow.planned ? "" : " (not planned)")")
                }
                if journey.flows.count > 12 { line("  … \(journey.flows.count - 12) more") }
            }
            if !journey.adHoc.isEmpty {
                line("")
                line("Ad hoc (\(LivedWording.count(journey.adHocEvents)) events)")
                for item in journey.adHoc {
                    line("  '\(Quoted.word(item.activity))': \(LivedWording.count(item.events)) events in \(LivedWording.count(item.cases)) cases")
                }
            }
            if !journey.channels.isEmpty {
                line("")
                line("By channel")
                var channels = TextTable(header: ["channel", "owner", "events", "lived checks met"], rightAligned: [2, 3])
                channels.rows = journey.channels.map { channel in
                    [channel.channel, channel.owner ?? "—", LivedWording.count(channel.events),
                     "\(LivedWording.percent(channel.rate)) of \(LivedWording.count(channel.checks))"]
                }
                for row in channels.render() { line("  " + row) }
            }
            if !journey.owners.isEmpty {
                line("")
                line("By owner")
                for owner in journey.owners {
                    line("  \(Quoted.word(owner.owner)): \(LivedWording.count(owner.cases)) cases, \(LivedWording.count(owner.asPlanned)) as planned")
                }
            }
            let departures = journey.touchpoints.flatMap { touchpoint in touchpoint.examples.map { (touchpoint.touchpoint, $0) } }
            if !departures.isEmpty {
                line("")
                line("Example cases")
                for (touchpoint, examples) in departures {
                    line("  \(LivedWording.departure(examples.departure)) \(touchpoint): \(cases(examples.cases))")
                }
            }
        }
        line("")
        line(style.bold("Action plan"))
        if report.actions.isEmpty { line("  nothing departs from the plan") }
        for (index, action) in report.actions.enumerated() {
            var text = "  \(index + 1). \(action.journey): \(LivedWording.count(action.cases)) cases (\(LivedWording.percent(action.share))) "
                + "\(LivedWording.departure(action.departure)) "
                + (action.departure == .adHoc ? "'\(Quoted.word(action.subject))'" : action.subject)
            if let severity = action.severity { text += " [\(severity.rawValue)]" }
            if let owner = action.owner { text += " — \(owner)" }
            if !action.examples.isEmpty { text += "; e.g. " + cases(action.examples) }
            line(text)
        }
    }
}
