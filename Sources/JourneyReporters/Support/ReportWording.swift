import CharterAudit
import CharterChecker
import JourneyModel

/// The words more than one format writes, as plain text: each format
/// escapes them for its medium. A format asks here for them, never another
/// format, so the summary line or a place's name reads the same everywhere.
///
/// ```swift
/// ReportWording.plural(2, "touchpoint")   // 2 touchpoints
/// ReportWording.place(of: gap)            // care-and-repair/care-chat (chat, support)
/// ```
public enum ReportWording {
    /// `1 error`, `2 errors`, `0 errors`.
    static func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }

    // MARK: - Check

    /// What every format says of a report cut by `--max-gaps`; nil when it lists every gap.
    ///
    /// `report cut at 100000 gaps (--max-gaps): 3900000 more gaps are not listed; the counts and the exit code include them`
    public static func cutNote(_ result: CheckResult) -> String? {
        let unlisted = result.unlistedGaps
        guard unlisted > 0 else { return nil }
        let more = unlisted == 1 ? "1 more gap is" : "\(unlisted) more gaps are"
        return "report cut at \(plural(result.maxGaps, "gap")) (--max-gaps): \(more) not listed; the counts and the exit code include them"
    }

    /// `1 error, 0 warnings, 0 infos in 2 files (1 journey, 4 touchpoints)`,
    /// then how many gaps are accepted, when any are.
    public static func summaryLine(_ summary: CheckResult.Summary) -> String {
        var line = "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")), \(plural(summary.infos, "info"))"
        line += " in \(plural(summary.files, "file")) (\(plural(summary.journeys, "journey")), \(plural(summary.touchpoints, "touchpoint")))"
        if summary.suppressed > 0 { line += "; \(plural(summary.suppressed, "gap")) accepted (suppressions or baseline)" }
        return line
    }

    /// `⛔ error`, `⚠️ warning`, `ℹ️ info`: the severity with an icon, for
    /// pages that show no colour of their own.
    static func severityWithIcon(_ severity: Severity) -> String {
        switch severity {
        case .error: "⛔ error"
        case .warning: "⚠️ warning"
        case .info: "ℹ️ info"
        }
    }

    // MARK: - Audit

    /// How the scores are made, with the weight of each severity.
    static func weightsLine(_ weights: SeverityWeights) -> String {
        "Score = checks met over checks applicable, weighted by severity (error \(weights.error), warning \(weights.warning), info \(weights.info))."
    }

    /// What an audit of no segment says.
    static let nothingToAudit = "No segment goes through any journey: nothing to audit."

    /// `187 of 192 checks met, 5 open gaps, 1 accepted`
    static func countsLine(_ report: SegmentReport) -> String {
        let accepted = report.suppressed.isEmpty ? "" : ", \(report.suppressed.count) accepted"
        return "\(report.score.met) of \(report.score.applicable) checks met, \(plural(report.gaps.count, "open gap"))\(accepted)"
    }

    /// `19/21`: checks met over checks applicable.
    static func checks(_ score: Score) -> String {
        "\(score.met)/\(score.applicable)"
    }

    /// `Chat (chat)`, or the id alone when the channel has no other name.
    static func channelLabel(_ id: String, name: String) -> String {
        name.isEmpty || name == id ? id : "\(name) (\(id))"
    }

    /// `Care and repair (care-and-repair)`, or the id alone.
    static func journeyLabel(_ id: String, name: String?) -> String {
        guard let name, !name.isEmpty, name != id else { return id }
        return "\(name) (\(id))"
    }

    /// The name of each journey the segment goes through, by id.
    static func journeyNames(_ report: SegmentReport) -> [String: String?] {
        Dictionary(report.journeys.map { ($0.journey, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    /// ` — Customer care · score 88.9%`: what follows a group's channel name.
    static func groupDetails(_ group: ActionGroup) -> String {
        (group.owner.map { " — \($0)" } ?? "") + (group.score.map { " · score \($0.formatted)" } ?? "")
    }

    // MARK: - Places

    /// `care-and-repair/care-chat (chat, support)`: where a gap is, then its
    /// channel and stage.
    static func place(of gap: DescribedGap) -> String {
        // Joined by hand: this runs for every gap of every report.
        var place = gap.journey
        if let touchpoint = gap.touchpoint {
            place += "/"
            place += touchpoint
        }
        let context = context(of: gap)
        return context.isEmpty ? place : place + " (" + context + ")"
    }

    /// The journey, then the touchpoint when the gap has one.
    static func route(of gap: DescribedGap) -> [String] {
        [gap.journey, gap.touchpoint].compactMap { $0 }
    }

    /// `chat, support`: the channel and the stage, those the gap has.
    static func context(of gap: DescribedGap) -> String {
        // By hand, no array: this runs for every gap of every report.
        switch (gap.channel, gap.stage) {
        case (nil, nil): ""
        case (let channel?, nil): channel
        case (nil, let stage?): stage
        case (let channel?, let stage?): channel + ", " + stage
        }
    }
}
