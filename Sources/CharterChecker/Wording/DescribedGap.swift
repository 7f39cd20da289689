import JourneyModel

/// A gap as reports show it: the names of its place and its words. Reporters
/// read gaps only through this.
///
/// Made from a checked ``Gap`` by ``GapWording/describe(_:)``: every name
/// and word is then made when it is read, so a report that prints only
/// places and messages never makes the rest. Or written out in full, for
/// reports of hand-made results.
public struct DescribedGap: Sendable, Equatable {
    private let storage: Storage

    private enum Storage: Sendable {
        case found(Gap, GapWording)
        case written(Written)
    }

    /// A gap's names and words, written out.
    private struct Written: Sendable {
        let marker: String, kind: MarkerKind, severity: Severity, brand: String, journey: String
        let touchpoint: String?, segment: String?, channel: String?, stage: String?, attribute: String?
        let location: SourceLocation, expected: String, planned: String, message: String, action: String
        let related: [RelatedLocation], suppression: SuppressionNote?
    }

    init(_ gap: Gap, wording: GapWording) {
        storage = .found(gap, wording)
    }

    /// A gap written out in full.
    public init(
        marker: String, kind: MarkerKind, severity: Severity, brand: String, journey: String,
        touchpoint: String?, segment: String?, channel: String?, stage: String?, attribute: String?,
        location: SourceLocation, expected: String, planned: String, message: String, action: String = "",
        related: [RelatedLocation] = [], suppression: SuppressionNote? = nil
    ) {
        storage = .written(Written(
            marker: marker, kind: kind, severity: severity, brand: brand, journey: journey, touchpoint: touchpoint,
            segment: segment, channel: channel, stage: stage, attribute: attribute, location: location,
            expected: expected, planned: planned, message: message, action: action, related: related, suppression: suppression
        ))
    }

    /// The checked gap, when it is one.
    public var gap: Gap? {
        if case .found(let gap, _) = storage { return gap }
        return nil
    }

    public var marker: String {
        switch storage {
        case .found(let gap, let wording): wording.markerID(of: gap)
        case .written(let written): written.marker
        }
    }

    public var kind: MarkerKind {
        switch storage {
        case .found(let gap, _): gap.kind
        case .written(let written): written.kind
        }
    }

    public var severity: Severity {
        switch storage {
        case .found(let gap, _): gap.severity
        case .written(let written): written.severity
        }
    }

    public var brand: String {
        switch storage {
        case .found(let gap, let wording): wording.brandID(of: gap)
        case .written(let written): written.brand
        }
    }

    public var journey: String {
        switch storage {
        case .found(let gap, let wording): wording.journeyID(of: gap)
        case .written(let written): written.journey
        }
    }

    /// Nil for gaps about a whole journey, stage or unit.
    public var touchpoint: String? {
        switch storage {
        case .found(let gap, let wording): wording.touchpointID(of: gap)
        case .written(let written): written.touchpoint
        }
    }

    /// Nil for markers that do not judge segments separately (stage KPIs).
    public var segment: String? {
        switch storage {
        case .found(let gap, let wording): wording.segmentID(of: gap)
        case .written(let written): written.segment
        }
    }

    public var channel: String? {
        switch storage {
        case .found(let gap, let wording): wording.channelID(of: gap)
        case .written(let written): written.channel
        }
    }

    public var stage: String? {
        switch storage {
        case .found(let gap, let wording): wording.stageID(of: gap)
        case .written(let written): written.stage
        }
    }

    /// The attribute concerned, when there is one.
    public var attribute: String? {
        switch storage {
        case .found(let gap, let wording): wording.attributeID(of: gap)
        case .written(let written): written.attribute
        }
    }

    /// Where the gap points: the offending value, or the touchpoint (or the
    /// journey, or the stage's KPIs) when the value is missing.
    public var location: SourceLocation {
        switch storage {
        case .found(let gap, let wording): wording.location(of: gap)
        case .written(let written): written.location
        }
    }

    /// Set when the gap is accepted, with the reason.
    public var suppression: SuppressionNote? {
        switch storage {
        case .found(let gap, let wording): wording.suppressionNote(of: gap)
        case .written(let written): written.suppression
        }
    }

    public var isOpen: Bool {
        switch storage {
        case .found(let gap, _): gap.isOpen
        case .written(let written): written.suppression == nil
        }
    }

    /// What the charter expects: `address = formal`.
    public var expected: String {
        switch storage {
        case .found(let gap, let wording): wording.expected(of: gap)
        case .written(let written): written.expected
        }
    }

    /// What is planned instead: `informal`, `not planned`.
    public var planned: String {
        switch storage {
        case .found(let gap, let wording): wording.planned(of: gap)
        case .written(let written): written.planned
        }
    }

    /// The gap in a sentence a marketing team can act on.
    public var message: String {
        switch storage {
        case .found(let gap, let wording): wording.message(of: gap)
        case .written(let written): written.message
        }
    }

    /// What to change, where, to close the gap; empty when the marker names none.
    public var action: String {
        switch storage {
        case .found(let gap, let wording): wording.action(of: gap)
        case .written(let written): written.action
        }
    }

    /// Every word at once: one look-up rather than one per word, for
    /// reports that write them all.
    public var words: GapWords {
        switch storage {
        case .found(let gap, let wording): wording.words(of: gap)
        case .written(let written):
            GapWords(expected: written.expected, planned: written.planned, message: written.message, action: written.action, related: written.related)
        }
    }

    /// Other places that explain the gap, a bounded few.
    public var related: [RelatedLocation] {
        switch storage {
        case .found(let gap, let wording): wording.related(of: gap)
        case .written(let written): written.related
        }
    }

    /// Two described gaps are equal when everything a report shows of them is.
    public static func == (lhs: DescribedGap, rhs: DescribedGap) -> Bool {
        if case .found(let left, _) = lhs.storage, case .found(let right, _) = rhs.storage, left == right { return true }
        return lhs.marker == rhs.marker && lhs.kind == rhs.kind && lhs.severity == rhs.severity && lhs.brand == rhs.brand
            && lhs.journey == rhs.journey && lhs.touchpoint == rhs.touchpoint && lhs.segment == rhs.segment
            && lhs.channel == rhs.channel && lhs.stage == rhs.stage && lhs.attribute == rhs.attribute
            && lhs.location == rhs.location && lhs.suppression == rhs.suppression && lhs.expected == rhs.expected
            && lhs.planned == rhs.planned && lhs.message == rhs.message && lhs.action == rhs.action && lhs.related == rhs.related
    }

    /// What tells the gap from another of its marker at the same place:
    /// the operator of an expectation, who hands over.
    public var identity: String {
        switch storage {
        case .found(let gap, let wording): wording.identity(of: gap)
        case .written: ""
        }
    }

    /// Identifies the gap across edits that move lines: what baselines store.
    /// Every field that tells two gaps apart, each with `%` and `/`
    /// escaped, then joined by `/`, so no two gaps share one:
    /// `v2/brand/journey/touchpoint/segment/marker/attribute/stage/channel/identity`.
    public var fingerprint: String {
        Self.fingerprint(fields: [
            brand, journey, touchpoint ?? "", segment ?? "", marker, attribute ?? "", stage ?? "", channel ?? "", identity,
        ])
    }

    /// The fingerprint of a gap with these fields, in the order of
    /// ``fingerprint``: for gaps known only by their fields, such as a
    /// previous audit's.
    public static func fingerprint(fields: [String]) -> String {
        "v2/" + FingerprintFields.joined(fields)
    }

    /// The fingerprint of baselines of version 1: it left out the channel
    /// and the identity, and joined fields without escaping them.
    public var legacyFingerprint: String {
        [brand, journey, touchpoint ?? "-", segment ?? "-", marker, attribute ?? "-", stage ?? "-"].joined(separator: "/")
    }

}

/// Why a gap is accepted, and where that is written.
public struct SuppressionNote: Hashable, Sendable {
    public var reason: String
    public var location: SourceLocation
    public var origin: Origin

    /// Where the acceptance comes from.
    public enum Origin: String, Hashable, Sendable {
        /// A `suppress` entry in the journey file, with its reason.
        case inSource
        /// A baseline file of gaps known when it was written.
        case baseline
    }

    public init(reason: String, location: SourceLocation, origin: Origin = .inSource) {
        self.reason = reason
        self.location = location
        self.origin = origin
    }
}
