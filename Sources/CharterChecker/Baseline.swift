import JourneyModel

/// The gaps known when a baseline was written, by fingerprint: a team can
/// adopt the tool on existing journeys and fail only on new gaps.
///
/// Fingerprints name the brand, journey, touchpoint, segment, marker,
/// attribute and stage, never a line number, so editing a file elsewhere
/// does not revive a baselined gap.
public struct Baseline: Sendable, Equatable {
    public var fingerprints: Set<String>
    /// The baseline file, for the reason shown on each gap it accepts.
    public var file: String

    public init(fingerprints: Set<String>, file: String) {
        self.fingerprints = fingerprints
        self.file = file
    }

    /// The gaps with those in the baseline marked accepted.
    public func apply(to gaps: [Gap]) -> [Gap] {
        var marked = gaps
        apply(to: &marked)
        return marked
    }

    /// Marks in place the gaps in the baseline accepted: given the only
    /// copy of the gaps, no gap is copied to be marked.
    public func apply(to gaps: inout [Gap]) {
        let acceptance = Gap.Acceptance(SuppressionNote(
            reason: "known when the baseline \(file) was written",
            location: SourceLocation(file: file, position: .startOfFile),
            origin: .baseline
        ))
        for index in gaps.indices where gaps[index].suppression == nil && fingerprints.contains(gaps[index].fingerprint) {
            gaps[index].accept(acceptance)
        }
    }

    /// Fingerprints in the baseline that no gap has any more: closed gaps,
    /// which a rewritten baseline would drop.
    public func stale(comparedWith gaps: [Gap]) -> Set<String> {
        fingerprints.subtracting(gaps.map(\.fingerprint))
    }
}
