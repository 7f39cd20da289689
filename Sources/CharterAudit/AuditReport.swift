import CharterChecker
import JourneyModel

/// The charter audit: for each customer segment, priority segments first,
/// where the planned experience departs from the brand's charter, how much
/// it conforms per channel, marker and journey, and what to fix first.
public struct AuditReport: Sendable {
    public var weights: SeverityWeights
    /// Title, date of the data, scope and charter versions: what a reader
    /// needs to know which audit this is.
    public var context: AuditContext
    /// Each brand's headline, in brand order: status, counts, worst breaches, top actions.
    public var brands: [BrandHeadline]
    public var segments: [SegmentReport]
    /// What changed since a previous audit, when one is given.
    public var comparison: AuditComparison?

    public init(
        weights: SeverityWeights, segments: [SegmentReport], brands: [BrandHeadline] = [],
        context: AuditContext = AuditContext(), comparison: AuditComparison? = nil
    ) {
        self.weights = weights
        self.segments = segments
        self.brands = brands
        self.context = context
        self.comparison = comparison
    }
}

/// The gap report of one segment of one brand.
public struct SegmentReport: Sendable {
    public var brand: String
    public var brandName: String
    public var segment: String
    public var segmentName: String
    public var priority: Bool
    /// From the severity of its open gaps first, its score second.
    public var status: AuditStatus
    /// Its open gaps, by severity.
    public var openCounts: SeverityCounts
    /// The journeys the segment goes through, with their touchpoints in journey order.
    public var journeys: [JourneyPassage]
    /// Every check of every marker, all channels and journeys together.
    public var score: Score
    /// Worst first: status, then score, then the brand's channel order.
    public var byChannel: [ChannelScore]
    /// Worst first: status, then score, then charter order.
    public var byMarker: [MarkerScore]
    /// Worst first: status, then score, then the order of the files.
    public var byJourney: [JourneyScore]
    public var matrix: ScoreMatrix
    /// Open gaps, worst first: severity, then file, line and column.
    public var gaps: AuditGaps
    /// Gaps the journeys accept, with their reasons.
    public var suppressed: AuditGaps
    /// Worst first: the group with the worst open gap, then the heaviest.
    public var actions: [ActionGroup]

    public var label: String { "\(brand)/\(segment)" }
}

/// A journey as one segment goes through it.
public struct JourneyPassage: Sendable, Equatable {
    public var journey: String
    public var name: String?
    public var file: String
    /// Touchpoint ids in journey order (stage order, then `next`).
    public var touchpoints: [String] { steps.touchpoints }
    /// The stages it passes through or declares KPIs for, in the brand's order.
    public var stages: [String]
    /// The channels its touchpoints are on, in the brand's order.
    public var channels: [String]
    /// Each touchpoint of ``touchpoints``, in the same order, with what the
    /// segment meets there.
    public var steps: JourneySteps
    /// The KPIs the journey declares, stage by stage in the brand's order.
    public var kpis: [StageKPISummary]
}

/// One touchpoint of a journey as a segment goes through it: where it is,
/// where it hands over, and the worst of its gaps.
public struct JourneyStep: Sendable, Equatable {
    public var touchpoint: String
    public var name: String?
    public var stage: String
    public var channel: String
    /// The touchpoints it hands over to (`next`) that the segment goes through.
    public var next: [Handoff]
    /// The worst severity of its open gaps (handoff gaps are on ``next``), nil when none.
    public var worstOpen: Severity?
    public var openGaps: Int
    public var acceptedGaps: Int

    /// A `next` link, with the worst open handoff gap on it.
    public struct Handoff: Sendable, Equatable {
        public var touchpoint: String
        public var worstOpen: Severity?
    }
}

/// What a journey measures at one stage.
public struct StageKPISummary: Sendable, Equatable {
    public var stage: String
    public var kpis: [KPISummary]

    public struct KPISummary: Sendable, Equatable {
        public var name: String
        public var kind: KPIKind
        public var target: String?
    }
}

public struct ChannelScore: Sendable, Equatable {
    public var channel: String
    public var name: String
    public var owner: String?
    public var score: Score
    public var status: AuditStatus
    /// Its open gaps in the segment, by severity.
    public var openCounts: SeverityCounts
}

public struct MarkerScore: Sendable, Equatable {
    public var marker: String
    public var title: String
    public var kind: MarkerKind
    public var severity: Severity
    public var score: Score
    public var status: AuditStatus
    public var openGaps: Int
}

public struct JourneyScore: Sendable, Equatable {
    public var journey: String
    public var score: Score
    public var status: AuditStatus
}

/// Scores by marker (rows) and channel (columns). The last column gathers
/// checks about no single channel, such as a journey's stage KPIs.
public struct ScoreMatrix: Sendable, Equatable {
    public static let noChannel = "(journey)"

    /// Channel ids, then ``noChannel``.
    public var columns: [String]
    /// Marker ids, worst first as ``SegmentReport/byMarker``.
    public var rows: [String]
    /// The severity of each row's marker.
    public var severities: [Severity]
    /// `cells[row][column]`; a cell with no applicable check has a nil percent.
    public var cells: [[Score]]

    /// A cell's status by the same rule as a marker's: a failed check is an
    /// open gap of the row's marker, and the cell's score comes second (an
    /// info-level cell at 50% is at risk, as its marker is); nil when no
    /// check applied.
    public func status(row: Int, column: Int) -> AuditStatus? {
        let score = cells[row][column]
        guard score.applicable > 0 else { return nil }
        return AuditStatus(worstOpen: score.failed > 0 ? severities[row] : nil, score: score.percent)
    }
}

/// The gaps one channel's owner has to close, worst first.
public struct ActionGroup: Sendable, Equatable {
    /// Nil for gaps that belong to no single channel (a journey's KPIs).
    public var channel: String?
    public var channelName: String
    public var owner: String?
    public var score: Score?
    public var items: ActionItems

    /// The worst severity among its items.
    public var worst: Severity? { items.map(\.severity).max() }
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
