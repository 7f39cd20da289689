import CharterAudit
import CharterChecker
import JourneyLoader
import JourneyModel

/// One check of a loaded workspace: the gaps, with a baseline's marked
/// accepted, how to word them, and every diagnostic of the run in one
/// place.
public struct CheckRun: Sendable {
    public let loaded: LoadedWorkspace
    /// Journeys judged, and brands not judged in full.
    public let judgement: LoadedWorkspace.Judgement
    public let report: CheckReport
    public let wording: GapWording
    /// The gaps in report order, kept or made again at each walk, a
    /// baseline's accepted.
    public let gaps: CheckedGaps
    /// How many gaps are open, by severity, and how many accepted.
    public let counts: GapCounts
    /// Finding, reading, loading, checking and baseline diagnostics, in report order, each once.
    public let diagnostics: [Diagnostic]

    /// Checks what `loaded` can judge; gaps the baseline knows are accepted.
    /// `baselineProblems` are the diagnostics of reading the baseline.
    ///
    /// - Parameter keepingGaps: whether every gap is kept, as an audit
    ///   needs; otherwise gaps are kept while they take no more memory than
    ///   the input, and made again as a report walks them past that.
    public static func check(
        _ loaded: LoadedWorkspace, baseline: Baseline? = nil, baselineProblems: [Diagnostic] = [], keepingGaps: Bool = true
    ) async -> CheckRun {
        let judgement = loaded.judgement
        let budget = keepingGaps ? Int.max : max(1 << 16, loaded.inputBytes / MemoryLayout<Gap>.stride)
        var report = await Checker.check(
            judgement.workspace, incompleteBrands: Set(judgement.incomplete.map(\.brand)), gapBudget: budget
        )
        let wording = GapWording(judgement.workspace, baselineFile: baseline?.file)
        let gaps: CheckedGaps
        var counts = GapCounts()
        var stale: [Diagnostic] = []
        if report.regeneration == nil {
            stale = baseline?.apply(to: &report.gaps, wording: wording) ?? []
            for gap in report.gaps { counts.count(gap) }
            gaps = CheckedGaps(report.gaps, wording: wording)
        } else {
            // One walk to count and to find the baseline's stale entries,
            // before any report is written.
            gaps = CheckedGaps(report, wording: wording, baseline: baseline)
            var walk = gaps.makeIterator()
            while let gap = walk.next() { counts.count(gap) }
            stale = walk.baselineDiagnostics
        }
        return CheckRun(
            loaded: loaded, judgement: judgement, report: report, wording: wording, gaps: gaps, counts: counts,
            diagnostics: DiagnosticList.merged(loaded.diagnostics, report.diagnostics, baselineProblems, stale)
        )
    }

    /// Whether the input is unusable: a diagnostic of severity error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The per-segment audit of the brands judged in full; `segments`
    /// selects some by id or `brand/id`.
    public func audit(segments: Set<String>? = nil) -> AuditReport {
        let incomplete = Set(judgement.incomplete.map(\.brand))
        var audit = Auditor.audit(report, wording: wording, segments: segments)
        audit.segments.removeAll { incomplete.contains($0.brand) }
        return audit
    }
}

/// How many gaps a check found: open ones by severity, and accepted ones.
public struct GapCounts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Accepted by a suppression or a baseline.
    public var accepted = 0

    public init() {}

    mutating func count(_ gap: Gap) {
        guard gap.isOpen else {
            accepted += 1
            return
        }
        switch gap.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
    }

    public var open: Int { errors + warnings + infos }
}
