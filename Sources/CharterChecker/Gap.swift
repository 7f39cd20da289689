import JourneyModel

/// One place where a journey departs from its brand's charter: where it is,
/// how much it matters, whether it is accepted, and what the marker found.
///
/// A gap holds facts, by position in the workspace (which journey,
/// touchpoint, segment and marker), never words: ``GapWording`` says them
/// when a report asks, so a check of millions of gaps holds no text of its
/// own. Two gaps are equal when their facts are.
///
/// ```swift
/// let wording = GapWording(workspace, report: report)
/// for gap in report.gaps { print(wording.location(of: gap), wording.message(of: gap)) }
/// ```
public struct Gap: Hashable, Sendable {
    public let place: GapPlace
    /// What the marker found, in the terms of its kind.
    public let finding: MarkerFinding
    /// The severity in force for the marker, after any override.
    public let severity: Severity
    /// Set when a suppression or a baseline accepts the gap.
    public let acceptance: Acceptance?

    public init(place: GapPlace, severity: Severity, acceptance: Acceptance?, finding: MarkerFinding) {
        self.place = place
        self.severity = severity
        self.acceptance = acceptance
        self.finding = finding
    }

    /// The same gap, accepted.
    public func accepted(by acceptance: Acceptance) -> Gap {
        Gap(place: place, severity: severity, acceptance: acceptance, finding: finding)
    }

    public var isOpen: Bool { acceptance == nil }

    public var kind: MarkerKind { finding.kind }
}

/// Where a gap is, by position in the workspace and the brand's catalogs.
///
/// Positions are kept in 32 bits, not 64: a check of a large workspace holds
/// millions of gaps. A brand may have a hundred thousand markers, so none
/// is kept in fewer.
public struct GapPlace: Hashable, Sendable {
    private let storedJourney: Int32
    private let storedTouchpoint: Int32
    /// Where the gap points in the journey's file: the offending value, or
    /// the touchpoint, the stage's KPIs or the journey when there is none.
    public let position: SourcePosition
    private let storedMarker: UInt32
    private let storedSegment: UInt32

    private static let none = UInt32.max

    public init(journey: Int, touchpoint: Int?, segment: Int?, marker: Int, position: SourcePosition) {
        storedJourney = Int32(truncatingIfNeeded: journey)
        storedTouchpoint = touchpoint.map { Int32(truncatingIfNeeded: $0) } ?? -1
        storedSegment = segment.map { UInt32(truncatingIfNeeded: $0) } ?? Self.none
        storedMarker = UInt32(truncatingIfNeeded: marker)
        self.position = position
    }

    /// Position in the workspace's journeys.
    public var journey: Int { Int(storedJourney) }
    /// Position in the journey's touchpoints; nil for gaps about a whole
    /// journey, stage or unit (missing KPIs, a coverage shortfall).
    public var touchpoint: Int? { storedTouchpoint < 0 ? nil : Int(storedTouchpoint) }
    /// Position in the brand's segments; nil for markers that judge journeys
    /// rather than segments (stage KPIs).
    public var segment: Int? { storedSegment == Self.none ? nil : Int(storedSegment) }
    /// Position in the brand's charter.
    public var marker: Int { Int(storedMarker) }
}

/// Why a gap does not fail a run.
public enum Acceptance: Hashable, Sendable {
    /// A `suppress` entry of the journey file: on the gap's touchpoint, or
    /// on the journey as a whole, by position in that list.
    case suppression(Suppressor, index: Int32)
    /// A baseline of the gaps known when it was written.
    case baseline

    /// Where a suppression is written.
    public enum Suppressor: Hashable, Sendable {
        case touchpoint
        case journey
    }
}
