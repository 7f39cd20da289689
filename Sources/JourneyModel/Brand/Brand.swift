import EventExports

/// A brand: its promise, the channels on which it meets customers, the
/// segments it serves, the stages of its journeys, the vocabulary its
/// touchpoints are written in, and its relational identity charter.
public struct Brand: Identified {
    public let id: String
    public var name: String
    public var promise: String?
    /// The brand's values, in its own words.
    public var values: [String]
    public var channels: Catalog<Channel>
    public var segments: Catalog<Segment>
    /// The canonical stage order every journey of the brand follows.
    public var stages: Catalog<Stage>
    public var attributes: Catalog<AttributeDefinition>
    public var charter: Charter
    /// The zone its periods are counted in (`throughline review`): weeks,
    /// months and quarters start at local midnight there. UTC by default.
    public var timeZone: LocalTimeZone = .utc
    /// Where the brand is defined.
    public var location: SourceLocation

    public init(
        id: String,
        name: String,
        promise: String? = nil,
        values: [String] = [],
        channels: Catalog<Channel>,
        segments: Catalog<Segment>,
        stages: Catalog<Stage>,
        attributes: Catalog<AttributeDefinition>,
        charter: Charter,
        timeZone: LocalTimeZone = .utc,
        location: SourceLocation
    ) {
        self.timeZone = timeZone
        self.id = id
        self.name = name
        self.promise = promise
        self.values = values
        self.channels = channels
        self.segments = segments
        self.stages = stages
        self.attributes = attributes
        self.charter = charter
        self.location = location
    }

    /// Segments in report order: priority segments first, then as declared.
    public var segmentsInReportOrder: [Int] {
        segments.indices.sorted { lhs, rhs in
            let (left, right) = (segments[lhs], segments[rhs])
            return left.priority != right.priority ? left.priority : lhs < rhs
        }
    }
}
