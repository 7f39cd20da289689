import CharterChecker
import JourneyModel

/// What `throughline explain MARKER` says about one marker of one brand:
/// what it expects, where it applies, where it comes from, and which
/// touchpoints currently fail it, per segment.
public struct MarkerExplanation: Sendable {
    public var brand: String
    public var marker: Marker
    public var expects: String
    public var appliesTo: String
    /// The charters it passes through, from where it is defined to the brand.
    public var inheritance: [String]
    public var segments: [SegmentFailures]
    /// Gaps of markers that judge journeys rather than segments (stage
    /// KPIs), listed once rather than under every segment.
    public var journeyGaps: [DescribedGap]

    public struct SegmentFailures: Sendable {
        public var segment: String
        public var priority: Bool
        public var score: Score
        public var gaps: [DescribedGap]
    }

    /// The explanation of `markerID` in every brand whose charter has it.
    public static func explain(_ markerID: String, in workspace: Workspace, report: CheckReport, audit: AuditReport) -> [MarkerExplanation] {
        workspace.brands.compactMap { brand in
            guard let marker = brand.charter.marker(id: markerID) else { return nil }
            let definedBy = marker.origin == brand.id ? "brand" : "charter"
            var inheritance = ["defined in \(definedBy) '\(marker.origin)' (\(marker.location))"]
            if marker.origin != brand.id { inheritance.append("inherited by brand '\(brand.id)'") }
            if let override = marker.override {
                let change = override.severity.map { "severity set to \($0.rawValue)" } ?? "turned off"
                inheritance.append("\(change) by '\(override.by)' (\(override.location)): \(override.reason)")
            }
            let perSegment = marker.kind.isPerSegment
            let segments = audit.segments.filter { $0.brand == brand.id }.map { segment in
                SegmentFailures(
                    segment: segment.segment,
                    priority: segment.priority,
                    score: segment.byMarker.first { $0.marker == markerID }?.score ?? Score(),
                    gaps: perSegment ? (Array(segment.gaps) + Array(segment.suppressed)).filter { $0.marker == markerID } : []
                )
            }
            let wording = GapWording(workspace)
            let journeyGaps = perSegment ? [] : report.gaps.map(wording.describe).filter { $0.brand == brand.id && $0.marker == markerID }
            return MarkerExplanation(
                brand: brand.id, marker: marker,
                expects: RuleDescription.expectation(of: marker, in: brand),
                appliesTo: RuleDescription.scope(of: marker, in: brand),
                inheritance: inheritance, segments: segments, journeyGaps: journeyGaps
            )
        }
    }
}
