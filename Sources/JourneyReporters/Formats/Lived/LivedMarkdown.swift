import JSONWriter
import JourneyModel
import LivedReport

/// `conform --format markdown`: the lived report as a wiki page or a
/// pull-request comment (GitHub-flavoured Markdown), the overview of the
/// text format.
///
/// The sources read, then per brand, segment and journey (priority
/// segments first): the cases and the share lived as planned, the planned
/// path, the touchpoints where cases departed (most departures first),
/// each marker's planned verdict beside its lived conformance (worst
/// first, with the lived median and 90th percentile of a promised
/// duration), the most frequent ad hoc events; last, the action plan.
/// Every piece of text from the files and the exports is escaped
/// (``MarkdownEscaping``); case ids and owners are code spans.
///
/// ```markdown
/// ### Maison Aurèle · Loyal premium customers · Care and repair (care-and-repair) ⭐
///
/// **14 cases**, lived as planned: 0 (0.0%).
///
/// | Marker | Severity | Planned | Lived | Durations | Examples |
/// | --- | --- | --- | ---: | --- | --- |
/// | `named-advisor` | ⛔ error | broken | 0.0% of 14 | | `SAV-1001`, `SAV-1004`, `SAV-1007` |
/// ```
public struct LivedMarkdown: Reporter {
    public init() {}

    /// Block by block into `output`: one journey's blocks at a time.
    public func write(_ report: LivedReport, to output: inout ReportOutput) {
        var blocks = MarkdownBlocks(into: consume output)
        blocks.write("## Lived journeys")
        var summary = "\(LivedWording.count(report.caseCount)) cases matched in \(LivedWording.count(report.journeys.count)) journeys."
        if report.redacted { summary += " Case ids and owners are redacted (keyed hashes)." }
        blocks.write(summary)
        Self.writeSources(report.sources, to: &blocks)
        for journey in report.journeys { Self.write(journey, to: &blocks) }
        Self.writeActions(report.actions, to: &blocks)
        output = blocks.finish()
    }

    static func writeSources(_ sources: [SourceSummary], to blocks: inout MarkdownBlocks) {
        guard !sources.isEmpty else {
            blocks.write(escape("No source: add Observations/<brand>/*.source.jsonc."))
            return
        }
        blocks.write(table(
            title: "Sources", header: ["Source", "Export", "Rows", "Events", "Skipped", "Duplicates", "Cases", "Unmatched"],
            rightAligned: [2, 3, 4, 5, 6],
            rows: sources.map { source in
                [code("\(source.brand)/\(source.source)"), code(source.data), LivedWording.count(source.rows), LivedWording.count(source.events),
                 LivedWording.count(source.skipped) + counts(source.skippedByKind.map { ($0.kind, $0.count) }),
                 LivedWording.count(source.duplicates), LivedWording.count(source.cases),
                 escape(source.unmatched.map { "\($0.reason) \(LivedWording.count($0.count))" }.joined(separator: ", "))]
            }
        ))
        let issues = sources.flatMap(\.issues)
        if !issues.isEmpty {
            blocks.write((["Rows skipped:", ""] + issues.map { "- " + escape($0) }).joined(separator: "\n"))
        }
    }

    /// ` (bad-time 1, unknown-segment-word 1)`, or nothing.
    static func counts(_ pairs: [(String, Int)]) -> String {
        pairs.isEmpty ? "" : " (" + escape(pairs.map { "\($0.0) \(LivedWording.count($0.1))" }.joined(separator: ", ")) + ")"
    }

    static func write(_ journey: JourneyConformance, to blocks: inout MarkdownBlocks) {
        blocks.write("### \(escape(journey.brandName)) · \(escape(journey.segmentName)) · "
            + escape(ReportWording.journeyLabel(journey.journey, name: journey.journeyName)) + (journey.priority ? " ⭐ priority" : ""))
        let share = LivedWording.percent(journey.cases == 0 ? nil : Double(journey.asPlanned) / Double(journey.cases))
        blocks.write("Segment \(code("\(journey.brand)/\(journey.segment)", inTable: false)). **\(LivedWording.count(journey.cases)) cases**, "
            + "lived as planned: \(LivedWording.count(journey.asPlanned)) (\(share)).  \n"
            + "Planned path: " + journey.plannedPath.map { code($0, inTable: false) }.joined(separator: " → "))
        let worst = LivedWording.worstTouchpoints(journey)
        if worst.isEmpty {
            blocks.write("#### Worst touchpoints\n\nNo case departed at any touchpoint.")
        } else {
            blocks.write(table(
                title: "Worst touchpoints",
                header: ["Touchpoint", "Channel", "Completed", "Failing", "Missing", "Out of seq.", "Other channel", "Late", "Examples"],
                rightAligned: [2, 3, 4, 5, 6, 7],
                rows: worst.map { touchpoint in
                    let examples = touchpoint.examples.map { "\(escape(LivedWording.departure($0.departure))): \(cases($0.cases))" }
                    return [code(touchpoint.touchpoint), code(touchpoint.channel)]
                        + [touchpoint.completed, touchpoint.failing, touchpoint.missing, touchpoint.outOfSequence, touchpoint.otherChannel, touchpoint.late]
                        .map(LivedWording.count)
                        + [examples.joined(separator: "; ")]
                }
            ))
        }
        if !journey.markers.isEmpty {
            blocks.write(table(
                title: "Markers, planned and lived (worst first)", header: ["Marker", "Severity", "Planned", "Lived", "Durations", "Examples"],
                rightAligned: [3],
                rows: LivedWording.markersWorstFirst(journey).map { marker in
                    let lived = marker.casesApplicable == 0 ? "no case" : "\(LivedWording.percent(marker.rate)) of \(LivedWording.count(marker.casesApplicable))"
                    return [code(marker.marker), ReportWording.severityWithIcon(marker.severity), marker.planned.rawValue, lived,
                            marker.durations.map { escape(LivedWording.durations($0)) } ?? "", cases(marker.examples)]
                }
            ))
        }
        if !journey.adHoc.isEmpty {
            blocks.write(table(
                title: "Ad hoc (\(LivedWording.count(journey.adHocEvents)) events)", header: ["Activity", "Events", "Cases"], rightAligned: [1, 2],
                rows: journey.adHoc.map { [escape($0.activity), LivedWording.count($0.events), LivedWording.count($0.cases)] }
            ))
        }
    }

    static func writeActions(_ actions: [LivedAction], to blocks: inout MarkdownBlocks) {
        guard !actions.isEmpty else {
            blocks.write("### Action plan\n\nNothing departs from the plan.")
            return
        }
        var lines = ["### Action plan", ""]
        for (index, action) in actions.enumerated() {
            var line = "\(index + 1). \(code(action.journey, inTable: false)): **\(LivedWording.count(action.cases)) cases** "
                + "(\(LivedWording.percent(action.share))) \(escape(LivedWording.departure(action.departure))) \(code(action.subject, inTable: false))"
            if let severity = action.severity { line += " — \(ReportWording.severityWithIcon(severity))" }
            if let owner = action.owner { line += " — \(escape(owner))" }
            if !action.examples.isEmpty { line += "; e.g. " + cases(action.examples, inTable: false) }
            lines.append(line)
        }
        blocks.write(lines.joined(separator: "\n"))
    }

    static func cases(_ labels: [CaseLabel], inTable: Bool = true) -> String {
        labels.map { code($0, inTable: inTable) }.joined(separator: ", ")
    }

    static func table(title: String, header: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        MarkdownTable.titled(title, header: header, rightAligned: rightAligned, rows: rows)
    }

    static func escape(_ text: String) -> String { MarkdownEscaping.cell(text) }

    static func code(_ text: String, inTable: Bool = true) -> String { MarkdownEscaping.codeSpan(text, inTable: inTable) }
}
