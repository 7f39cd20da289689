import CharterChecker
import JourneyModel

/// What `throughline check` reports: the problems with the files, the gaps
/// in the charter, and the counts behind the summary line.
public struct CheckResult: Sendable {
    public var workspace: Workspace
    /// Loader and checker diagnostics, in report order.
    public var diagnostics: [Diagnostic]
    /// Every gap in report order, accepted ones included.
    public var gaps: [Gap]
    public var fileCount: Int
    /// Findings at or above this severity fail the run (exit code 1).
    public var failSeverity: Severity

    public init(workspace: Workspace, diagnostics: [Diagnostic], gaps: [Gap], fileCount: Int, failSeverity: Severity = .error) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.gaps = gaps
        self.fileCount = fileCount
        self.failSeverity = failSeverity
    }

    /// Gaps nobody has accepted.
    public var openGaps: [Gap] { gaps.filter { $0.suppression == nil } }

    /// Gaps accepted in the journey files or by a baseline.
    public var suppressedGaps: [Gap] { gaps.filter { $0.suppression != nil } }

    public var summary: Summary {
        var summary = Summary(files: fileCount, journeys: workspace.journeys.count, touchpoints: workspace.touchpointCount, suppressed: 0)
        for diagnostic in diagnostics { summary.count(diagnostic.severity) }
        // One pass, no copies: a large workspace has a hundred thousand gaps.
        for index in gaps.indices {
            if gaps[index].suppression == nil { summary.count(gaps[index].severity) } else { summary.suppressed += 1 }
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
        gaps.contains { $0.suppression == nil && $0.severity >= failSeverity } || diagnostics.contains { $0.severity >= failSeverity }
    }
}
