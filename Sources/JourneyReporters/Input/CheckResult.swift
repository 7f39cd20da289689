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
    public var fileCount: Int
    /// Findings at or above this severity fail the run (exit code 1).
    public var failSeverity: Severity

    /// The result of a check: its gaps are worded when a report reads them.
    public init(
        workspace: Workspace, diagnostics: [Diagnostic], gaps: [Gap], wording: GapWording, fileCount: Int, failSeverity: Severity = .error
    ) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.gaps = ReportedGaps(gaps, wording: wording)
        self.fileCount = fileCount
        self.failSeverity = failSeverity
    }

    /// A result of gaps written out, for reports of hand-made results.
    public init(workspace: Workspace, diagnostics: [Diagnostic], gaps: [DescribedGap], fileCount: Int, failSeverity: Severity = .error) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.gaps = ReportedGaps(gaps)
        self.fileCount = fileCount
        self.failSeverity = failSeverity
    }

    /// Gaps nobody has accepted.
    public var openGaps: [DescribedGap] { gaps.filter(\.isOpen) }

    /// Gaps accepted in the journey files or by a baseline.
    public var suppressedGaps: [DescribedGap] { gaps.filter { !$0.isOpen } }

    public var summary: Summary {
        var summary = Summary(files: fileCount, journeys: workspace.journeys.count, touchpoints: workspace.touchpointCount, suppressed: 0)
        for diagnostic in diagnostics { summary.count(diagnostic.severity) }
        // One pass, no copies: a large workspace has a hundred thousand gaps.
        for gap in gaps {
            if gap.isOpen { summary.count(gap.severity) } else { summary.suppressed += 1 }
        }
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
        gaps.contains { $0.isOpen && $0.severity >= failSeverity } || diagnostics.contains { $0.severity >= failSeverity }
    }

    /// How the run ends, as the pages headline it: failing, passing with
    /// open findings below ``failSeverity``, or with none at all.
    public var verdict: Verdict {
        if fails { return .fails }
        return !diagnostics.isEmpty || gaps.contains(where: \.isOpen) ? .passesWithFindings : .clean
    }

    public enum Verdict: Sendable {
        case fails, passesWithFindings, clean
    }
}

/// A check's gaps in report order, each described when it is read: a
/// report walks millions of them and words only what it writes.
public struct ReportedGaps: RandomAccessCollection, Sendable {
    private let storage: Storage

    private enum Storage: Sendable {
        case checked([Gap], GapWording)
        case described([DescribedGap])
    }

    init(_ gaps: [Gap], wording: GapWording) {
        storage = .checked(gaps, wording)
    }

    init(_ gaps: [DescribedGap]) {
        storage = .described(gaps)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .checked(let gaps, _): gaps.count
        case .described(let gaps): gaps.count
        }
    }

    public subscript(position: Int) -> DescribedGap {
        switch storage {
        case .checked(let gaps, let wording): wording.describe(gaps[position])
        case .described(let gaps): gaps[position]
        }
    }
}
