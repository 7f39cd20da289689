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
    /// Finding, reading, loading, checking and baseline diagnostics, in report order, each once.
    public let diagnostics: [Diagnostic]

    /// Checks what `loaded` can judge; gaps the baseline knows are accepted.
    /// `baselineProblems` are the diagnostics of reading the baseline.
    public static func check(_ loaded: LoadedWorkspace, baseline: Baseline? = nil, baselineProblems: [Diagnostic] = []) async -> CheckRun {
        let judgement = loaded.judgement
        var report = await Checker.check(
            judgement.workspace, incompleteBrands: Set(judgement.incomplete.map(\.brand))
        )
        let wording = GapWording(judgement.workspace, baselineFile: baseline?.file)
        let stale = baseline?.apply(to: &report.gaps, wording: wording) ?? []
        return CheckRun(
            loaded: loaded, judgement: judgement, report: report, wording: wording,
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
