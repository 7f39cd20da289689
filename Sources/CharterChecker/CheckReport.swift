import JourneyModel

/// Everything the checker found: gaps, the tallies behind the scores, and
/// the problems it noticed with the files (unused suppressions, markers
/// that apply nowhere).
public struct CheckReport: Sendable {
    /// Every gap in report order, accepted ones included (they carry
    /// their ``Gap/acceptance``).
    public var gaps: [Gap]
    /// One per brand and segment that goes through at least one journey,
    /// by brand id then segment position.
    public var tallies: [SegmentTally]
    public var diagnostics: [Diagnostic]
    /// Set when the gaps were too many to keep (``gaps`` is then empty):
    /// how to make them again, journey by journey, as a report walks them.
    public let regeneration: GapRegeneration?

    public init(gaps: [Gap], tallies: [SegmentTally], diagnostics: [Diagnostic], regeneration: GapRegeneration? = nil) {
        self.gaps = gaps
        self.tallies = tallies
        self.diagnostics = diagnostics
        self.regeneration = regeneration
    }

    /// Every check run, over all brands, segments, markers and channels.
    public var checkCount: CheckCount {
        tallies.reduce(CheckCount()) { total, tally in
            tally.matrix.joined().reduce(total, +)
        }
    }

    /// The gaps nobody has accepted: what fails a build.
    public var openGaps: [Gap] { gaps.filter(\.isOpen) }
}
