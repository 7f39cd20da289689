import CharterChecker
import JourneyModel

/// What `throughline check` reports: the problems with the files, the gaps
/// in the charter, and the counts behind the summary line.
public struct CheckResult: Sendable {
    public var workspace: Workspace
    /// Loader and checker diagnostics, in report order.
    public var diagnostics: [Diagnostic]
    /// Every gap in report order, accepted ones included, as reports show them.
    public var gaps: ReportedGaps
    /// How many gaps are open, by severity, and accepted: known without a walk.
    public var gapCounts: GapCounts
    public var fileCount: Int
    /// Findings at or above this severity fail the run (exit code 1).
    public var failSeverity: Severity

    /// The result of a check: its gaps, kept or made again at each walk,
    /// are worded when a report reads them; `counts` are theirs.
    public init(
        workspace: Workspace, diagnostics: [Diagnostic], gaps: CheckedGaps, counts: GapCounts, wording: GapWording, fileCount: Int,
        failSeverity: Severity = .error
    ) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.gaps = ReportedGaps(gaps, wording: wording)
        gapCounts = counts
        self.fileCount = fileCount
        self.failSeverity = failSeverity
    }

    /// The result of a check whose gaps are all kept.
    public init(
        workspace: Workspace, diagnostics: [Diagnostic], gaps: [Gap], wording: GapWording, fileCount: Int, failSeverity: Severity = .error
    ) {
        var counts = GapCounts()
        for gap in gaps { counts.count(gap) }
        self.init(
            workspace: workspace, diagnostics: diagnostics, gaps: CheckedGaps(gaps, wording: wording), counts: counts,
            wording: wording, fileCount: fileCount, failSeverity: failSeverity
        )
    }

    /// A result of gaps written out, for reports of hand-made results.
    public init(workspace: Workspace, diagnostics: [Diagnostic], gaps: [DescribedGap], fileCount: Int, failSeverity: Severity = .error) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.gaps = ReportedGaps(gaps)
        var counts = GapCounts()
        for gap in gaps {
            if !gap.isOpen {
                counts.accepted += 1
            } else {
                switch gap.severity {
                case .error: counts.errors += 1
                case .warning: counts.warnings += 1
                case .info: counts.infos += 1
                }
            }
        }
        gapCounts = counts
        self.fileCount = fileCount
        self.failSeverity = failSeverity
    }

    /// The most gaps a report lists, in report order (`--max-gaps`); the
    /// summary and the exit code still count every gap.
    public var maxGaps: Int {
        get { gaps.limit }
        set { gaps.limit = max(0, newValue) }
    }

    /// Gaps found but not listed, past ``maxGaps``: 0 when the report is whole.
    public var unlistedGaps: Int { max(0, gapCounts.open + gapCounts.accepted - gaps.limit) }

    /// Gaps nobody has accepted.
    public var openGaps: [DescribedGap] { gaps.filter(\.isOpen) }

    /// Gaps accepted in the journey files or by a baseline.
    public var suppressedGaps: [DescribedGap] { gaps.filter { !$0.isOpen } }

    public var summary: Summary {
        var summary = Summary(
            files: fileCount, journeys: workspace.journeys.count, touchpoints: workspace.touchpointCount, suppressed: gapCounts.accepted
        )
        for diagnostic in diagnostics { summary.count(diagnostic.severity) }
        summary.errors += gapCounts.errors
        summary.warnings += gapCounts.warnings
        summary.infos += gapCounts.infos
        return summary
    }

    /// Counts for the last line of every format.
    public struct Summary: Sendable, Equatable {
        public var files: Int
        public var journeys: Int
        public var touchpoints: Int
        public var errors = 0
        public var warnings = 0
        public var infos = 0
        public var suppressed: Int

        mutating func count(_ severity: Severity) {
            switch severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
    }

    /// Whether the files are unusable: a diagnostic at error severity.
    public var hasUnusableInput: Bool { diagnostics.contains { $0.severity == .error } }

    /// Whether any open finding is at or above ``failSeverity``.
    public var fails: Bool {
        let gapFails = switch failSeverity {
        case .error: gapCounts.errors > 0
        case .warning: gapCounts.errors + gapCounts.warnings > 0
        case .info: gapCounts.open > 0
        }
        return gapFails || diagnostics.contains { $0.severity >= failSeverity }
    }

    /// How the run ends, as the pages headline it: failing, passing with
    /// open findings below ``failSeverity``, or with none at all.
    public var verdict: Verdict {
        if fails { return .fails }
        return !diagnostics.isEmpty || gapCounts.open > 0 ? .passesWithFindings : .clean
    }

    public enum Verdict: Sendable {
        case fails, passesWithFindings, clean
    }
}

/// A check's gaps in report order, each described when it is read: a
/// report walks millions of them and words only what it writes. Walk it as
/// often as a format needs: gaps the check did not keep are made again at
/// each walk.
public struct ReportedGaps: Sequence, Sendable {
    private let storage: Storage
    /// How many gaps a walk gives at most: the first ones in report order.
    public internal(set) var limit = Int.max

    private enum Storage: Sendable {
        case checked(CheckedGaps, GapWording)
        case described([DescribedGap])
    }

    init(_ gaps: CheckedGaps, wording: GapWording) {
        storage = .checked(gaps, wording)
    }

    init(_ gaps: [DescribedGap]) {
        storage = .described(gaps)
    }

    public func makeIterator() -> Iterator {
        switch storage {
        case .checked(let gaps, let wording): Iterator(checked: gaps.makeIterator(), wording: wording, limit: limit)
        case .described(let gaps): Iterator(described: gaps.makeIterator(), limit: limit)
        }
    }

    public struct Iterator: IteratorProtocol {
        private var checked: CheckedGaps.Iterator?
        private let wording: GapWording?
        private var described: IndexingIterator<[DescribedGap]>?
        private var remaining: Int

        init(checked: CheckedGaps.Iterator, wording: GapWording, limit: Int) {
            self.checked = checked
            self.wording = wording
            described = nil
            remaining = limit
        }

        init(described: IndexingIterator<[DescribedGap]>, limit: Int) {
            checked = nil
            wording = nil
            self.described = described
            remaining = limit
        }

        public mutating func next() -> DescribedGap? {
            guard remaining > 0 else { return nil }
            remaining -= 1
            if let wording, let gap = checked?.next() { return wording.describe(gap) }
            return described?.next()
        }
    }
}
