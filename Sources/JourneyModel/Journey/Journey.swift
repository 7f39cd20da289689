/// The stages and touchpoints one or more segments go through with a brand.
public struct Journey: Identified {
    public let id: String
    public var name: String?
    /// The id of the brand; the loader has checked that it exists.
    public var brand: String
    /// Positions in the brand's segment catalog, in the order written.
    public var segments: [Int]
    public var touchpoints: Catalog<Touchpoint>
    /// KPIs declared per stage.
    public var kpis: [StageKPIs]
    /// Gaps accepted for the whole journey, with their reasons.
    public var suppressions: [Suppression]
    /// The journey's top-level object in its file.
    public var location: SourceLocation

    public init(
        id: String,
        name: String? = nil,
        brand: String,
        segments: [Int],
        touchpoints: Catalog<Touchpoint>,
        kpis: [StageKPIs] = [],
        suppressions: [Suppression] = [],
        location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.brand = brand
        self.segments = segments
        self.touchpoints = touchpoints
        self.kpis = kpis
        self.suppressions = suppressions
        self.location = location
    }

    public var file: String { location.file }

    /// The location of a touchpoint, or of one of its values.
    public func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: location.file, position: position)
    }
}

/// The KPIs a journey declares for one stage.
public struct StageKPIs: Sendable {
    /// Position in the brand's stage catalog.
    public var stage: Int
    public var kpis: [KPI]
    public var position: SourcePosition

    public init(stage: Int, kpis: [KPI], position: SourcePosition) {
        self.stage = stage
        self.kpis = kpis
        self.position = position
    }
}

/// A key performance indicator: what is measured at a stage.
public struct KPI: Sendable {
    public var name: String
    public var kind: KPIKind
    /// The target, as written ("6 per week", "25%").
    public var target: String?
    /// How it is computed on lived cases; nil for a KPI tracked by hand.
    public var measure: KPIMeasure?
    public var objective: KPIObjective?
    public var position: SourcePosition

    public init(
        name: String, kind: KPIKind, target: String? = nil, measure: KPIMeasure? = nil, objective: KPIObjective? = nil,
        position: SourcePosition
    ) {
        self.name = name
        self.kind = kind
        self.target = target
        self.measure = measure
        self.objective = objective
        self.position = position
    }
}

/// Results are counted (quantitative); the means to them are judged (qualitative).
public enum KPIKind: String, Sendable, CaseIterable {
    case quantitative
    case qualitative
}

/// A gap the authors accept, with the reason they give.
///
/// ```jsonc
/// "suppress": [ { "marker": "fast-reply", "reason": "Post is answered within a week by law" } ]
/// ```
public struct Suppression: Sendable, Hashable {
    public var marker: String
    /// Limits the suppression to some segments; nil for all.
    public var segments: MemberSet?
    public var reason: String
    public var position: SourcePosition

    public init(marker: String, segments: MemberSet? = nil, reason: String, position: SourcePosition) {
        self.marker = marker
        self.segments = segments
        self.reason = reason
        self.position = position
    }

    public func covers(marker: String, segment: Int?) -> Bool {
        guard marker == self.marker else { return false }
        guard let segments, let segment else { return true }
        return segments.contains(segment)
    }
}
