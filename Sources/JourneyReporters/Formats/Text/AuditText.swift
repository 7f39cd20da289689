import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// The audit as a customer-relationship director reads it: per segment,
/// priority segments first, the score, where it is earned and lost, the
/// gaps worst first and the action plan per channel owner.
public struct AuditText: Reporter {
    /// Colours, for a terminal.
    public var style: TerminalStyle

    public init(style: TerminalStyle = .plain) {
        self.style = style
    }

    /// Line by line into `output`.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        line(style.bold(show(AuditWording.title(audit))))
        line(show("\(AuditWording.dateLine(audit.context)) · scope: \(AuditWording.scopeLine(audit))"))
        if let charters = AuditWording.chartersLine(audit.context) { line(show(charters)) }
        line(ReportWording.weightsLine(audit.weights))
        line(AuditStatus.rule)
        if audit.segments.isEmpty {
            line("")
            line(ReportWording.nothingToAudit)
        }
        for headline in audit.brands {
            line("")
            writeHeadline(headline, to: &output)
        }
        if let comparison = audit.comparison {
            line("")
            writeComparison(comparison, to: &output)
        }
        for segment in audit.segments {
            line("")
            writeSection(segment, to: &output)
        }
    }

    /// A brand's status, counts, segments and top actions across segments.
    private func writeHeadline(_ headline: BrandHeadline, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        line(style.bold("\(show(headline.brandName)): \(headline.status.label)") + " — open: \(AuditWording.counts(headline.openCounts))")
        for standing in headline.segments {
            line("  \(show(standing.segment))\(standing.priority ? " (priority)" : ""): \(standing.status.label), \(standing.score.formatted)")
        }
        if !headline.actions.isEmpty {
            line("  Top actions across segments")
            for (number, action) in headline.actions.prefix(AuditWording.topActionCount).enumerated() {
                line("  \(number + 1). [\(action.severity.rawValue)] \(show(action.item.action)) — \(show(AuditWording.owner(action))); for \(show(AuditWording.segments(action)))")
            }
        }
    }

    /// Score and status changes per segment, gaps new and fixed.
    private func writeComparison(_ comparison: AuditComparison, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        line(style.bold("What changed — \(show(AuditWording.comparisonTitle(comparison)))"))
        if !comparison.exactMatching { line(AuditWording.looseMatching) }
        for change in comparison.segments {
            line("  \(show(change.label)): \(AuditWording.percent(change.before?.score)) → \(AuditWording.percent(change.after?.score)) (\(AuditWording.delta(change.scoreDelta))), "
                + "\(AuditWording.statusChange(change.before, change.after)); \(ReportWording.plural(change.newGaps.count, "new gap")), \(change.fixedGaps.count) fixed")
            for gap in change.newGaps { line("    new [\(gap.severity.rawValue)] \(show(gap.message))") }
            for gap in change.fixedGaps { line("    fixed \(show(gap.message.isEmpty ? gap.marker : gap.message))") }
        }
    }

    /// A segment's section, line by line.
    private func writeSection(_ report: SegmentReport, to output: inout ReportOutput) {
        func line(_ text: String) { output.writeLine(text) }
        let priority = report.priority ? ", priority" : ""
        let title = "\(show(report.brandName)) · \(show(report.segmentName)) (\(show(report.segment))\(priority))"
        line(style.bold("━━ \(title) ━━"))
        line("Status \(style.bold(report.status.label)). Score \(style.bold(report.score.formatted)): \(ReportWording.countsLine(report)).")
        line("")
        line("Journeys")
        for passage in report.journeys {
            line("  \(show(passage.journey))\(passage.name.map { " — \(show($0))" } ?? ""): \(passage.touchpoints.map(show).joined(separator: " → "))")
            for stage in passage.kpis where !stage.kpis.isEmpty {
                line("    KPIs \(show(stage.stage)): " + stage.kpis.map { "\(show($0.name)) (\($0.kind.rawValue)\($0.target.map { ", target \(show(String(describing: $0)))" } ?? ""))" }.joined(separator: "; "))
            }
        }
        if !report.byChannel.isEmpty {
            line("")
            line("By channel")
            var table = TextTable(header: ["channel", "owner", "status", "score", "checks"], rightAligned: [3, 4])
            table.rows = report.byChannel.map { [show($0.channel), show($0.owner ?? "—"), $0.status.label, $0.score.formatted, ReportWording.checks($0.score)] }
            for row in table.render() { line(row) }
        }
        if !report.byMarker.isEmpty {
            line("")
            line("By marker")
            var table = TextTable(header: ["marker", "kind", "severity", "status", "score", "checks"], rightAligned: [4, 5])
            table.rows = report.byMarker.map { [show($0.marker), $0.kind.rawValue, $0.severity.rawValue, $0.status.label, $0.score.formatted, ReportWording.checks($0.score)] }
            for row in table.render() { line(row) }
        }
        if !report.byJourney.isEmpty {
            line("")
            line("By journey")
            var table = TextTable(header: ["journey", "status", "score", "checks"], rightAligned: [2, 3])
            table.rows = report.byJourney.map { [show($0.journey), $0.status.label, $0.score.formatted, ReportWording.checks($0.score)] }
            for row in table.render() { line(row) }
        }
        if !report.matrix.rows.isEmpty, !report.matrix.columns.isEmpty {
            line("")
            line("Marker × channel")
            var table = TextTable(header: ["marker"] + report.matrix.columns.map(show), rightAligned: Set(1...report.matrix.columns.count))
            table.rows = zip(report.matrix.rows, report.matrix.cells).map { row, cells in
                [show(row)] + cells.map { $0.applicable == 0 ? "·" : $0.formatted }
            }
            for row in table.render() { line(row) }
        }
        line("")
        if report.gaps.isEmpty {
            line(style.green("No open gap."))
        } else {
            line("Gaps, worst first")
            for gap in report.gaps {
                line("  \(style.label(gap.severity)) \(show(gap.marker)) at \(show(ReportWording.place(of: gap)))")
                line("    expected: \(show(gap.expected))")
                line("    planned:  \(show(gap.planned))")
                line("    \(style.dim(show(gap.location.description)))")
            }
        }
        if !report.actions.isEmpty {
            line("")
            line("Action plan")
            for (number, group) in report.actions.enumerated() {
                let owner = group.owner.map { " — \(show($0))" } ?? ""
                let score = group.score.map { " (score \($0.formatted))" } ?? ""
                line("  \(number + 1). \(show(group.channelName))\(owner)\(score)")
                for item in group.items {
                    line("     - [\(item.severity.rawValue)] \(show(item.action)) \(style.dim("(\(show(item.location.description)))"))")
                }
            }
        }
        if !report.suppressed.isEmpty {
            line("")
            line("Accepted gaps")
            for gap in report.suppressed {
                line("  \(show(gap.marker)) at \(show(gap.journey))/\(show(gap.touchpoint ?? "—")): \(show(gap.suppression?.reason ?? ""))")
            }
        }
    }

    /// Text from the files, escaped for a terminal (``TerminalEscaping``).
    private func show(_ text: String) -> String { TerminalEscaping.text(text) }
}
