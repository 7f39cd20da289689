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
    /// - Parameter keeping: how many gaps to keep; past that, they are made
    ///   again as a report walks them.
    public static func check(
        _ loaded: LoadedWorkspace, baseline: Baseline? = nil, baselineProblems: [Diagnostic] = [], keeping: GapKeeping = .all
    ) async -> CheckRun {
        let judgement = loaded.judgement
        let budget = keeping.budget(forInput: loaded.inputBytes)
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


/// How many of its gaps a check keeps.
public enum GapKeeping: Sendable, Equatable {
    /// Every one, as an audit needs.
    case all
    /// While they take no more than a quarter of the input's size in
    /// memory (and at least 65,536): a check then stays within about three
    /// times its input, however many gaps it finds.
    case proportional
    /// At most this many.
    case upTo(Int)

    func budget(forInput bytes: Int) -> Int {
        switch self {
        case .all: .max
        case .proportional: max(1 << 16, bytes / 4 / MemoryLayout<Gap>.stride)
        case .upTo(let count): count
        }
    }
}
