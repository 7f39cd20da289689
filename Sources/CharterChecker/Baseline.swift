import JourneyModel

/// The gaps known when a baseline was written, by fingerprint: a team can
/// adopt the tool on existing journeys and fail only on new gaps.
///
/// Fingerprints name the brand, journey, touchpoint, segment, marker,
/// attribute and stage, never a line number, so editing a file elsewhere
/// does not revive a baselined gap.
public struct Baseline: Sendable, Equatable {
    public var fingerprints: Set<String>
    /// The baseline file, named in the note of each gap it accepts.
    public var file: String

    public init(fingerprints: Set<String>, file: String) {
        self.fingerprints = fingerprints
        self.file = file
    }

    /// Marks in place the open gaps the baseline knows as accepted.
    public func apply(to gaps: inout [Gap], wording: GapWording) {
        for index in gaps.indices where gaps[index].isOpen && fingerprints.contains(wording.fingerprint(of: gaps[index])) {
            gaps[index] = gaps[index].accepted(by: .baseline)
        }
    }
}
