import CharterChecker
import JourneyModel

/// The charter audit: for each customer segment, priority segments first,
/// where the planned experience departs from the brand's charter, how much
/// it conforms per channel, marker and journey, and what to fix first.
public struct AuditReport: Sendable {
    public var weights: SeverityWeights
    public var segments: [SegmentReport]

    public init(weights: SeverityWeights, segments: [SegmentReport]) {
        self.weights = weights
        self.segments = segments
    }
}

/// The gap report of one segment of one brand.
public struct SegmentReport: Sendable {
    public var brand: String
    public var brandName: String
    public var segment: String
    public var segmentName: String
    public var priority: Bool
    /// The journeys the segment goes through, with their touchpoints in journey order.
    public var journeys: [JourneyPassage]
    /// Every check of every marker, all channels and journeys together.
    public var score: Score
    public var byChannel: [ChannelScore]
    public var byMarker: [MarkerScore]
    public var byJourney: [JourneyScore]
    public var matrix: ScoreMatrix
    /// Open gaps, worst first: severity, then file, line and column.
    public var gaps: [DescribedGap]
    /// Gaps the journeys accept, with their reasons.
    public var suppressed: [DescribedGap]
    public var actions: [ActionGroup]

    public var label: String { "\(brand)/\(segment)" }
}

/// A journey as one segment goes through it.
public struct JourneyPassage: Sendable, Equatable {
    public var journey: String
    public var name: String?
    public var file: String
    /// Touchpoint ids in journey order (stage order, then `next`).
    public var touchpoints: [String]
}

public struct ChannelScore: Sendable, Equatable {
    public var channel: String
    public var name: String
    public var owner: String?
    public var score: Score
}

public struct MarkerScore: Sendable, Equatable {
    public var marker: String
    public var title: String
    public var kind: MarkerKind
    public var severity: Severity
    public var score: Score
}

public struct JourneyScore: Sendable, Equatable {
    public var journey: String
    public var score: Score
}

/// Scores by marker (rows) and channel (columns). The last column gathers
/// checks about no single channel, such as a journey's stage KPIs.
public struct ScoreMatrix: Sendable, Equatable {
    public static let noChannel = "(journey)"

    /// Channel ids, then ``noChannel``.
    public var columns: [String]
    /// Marker ids, in charter order.
    public var rows: [String]
    /// `cells[row][column]`; a cell with no applicable check has a nil percent.
    public var cells: [[Score]]
}

/// The gaps one channel's owner has to close, worst first.
public struct ActionGroup: Sendable, Equatable {
    /// Nil for gaps that belong to no single channel (a journey's KPIs).
    public var channel: String?
    public var channelName: String
    public var owner: String?
    public var score: Score?
    public var items: [ActionItem]
}

public struct ActionItem: Sendable, Equatable {
    /// The gap the action closes: the item reads everything from it, so an
    /// action plan of a hundred thousand items holds no words of its own.
    public let gap: DescribedGap

    public init(gap: DescribedGap) {
        self.gap = gap
    }

    public var severity: Severity { gap.severity }
    public var marker: String { gap.marker }
    public var journey: String { gap.journey }
    public var touchpoint: String? { gap.touchpoint }
    public var location: SourceLocation { gap.location }

    /// What to change, where; the gap's message when its marker names no action.
    public var action: String {
        let action = gap.action
        return action.isEmpty ? gap.message : action
    }
}
