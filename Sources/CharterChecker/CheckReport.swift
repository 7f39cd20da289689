import JourneyModel

/// Everything the checker found: gaps, the tallies behind the scores, and
/// the problems it noticed with the files (unused suppressions, markers
/// that apply nowhere).
public struct CheckReport: Sendable {
    /// Every gap in report order, suppressed ones included (they carry
    /// their ``Gap/suppression``).
    public var gaps: [Gap]
    /// One per brand and segment that goes through at least one journey,
    /// by brand id then segment position.
    public var tallies: [SegmentTally]
    public var diagnostics: [Diagnostic]

    public init(gaps: [Gap], tallies: [SegmentTally], diagnostics: [Diagnostic]) {
        self.gaps = gaps
        self.tallies = tallies
        self.diagnostics = diagnostics
    }

    /// The gaps nobody has accepted: what fails a build.
    public var openGaps: [Gap] { gaps.filter { $0.suppression == nil } }
}
