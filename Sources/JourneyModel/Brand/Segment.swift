/// A target group of customers. Priority segments get a differentiated,
/// personal experience; every segment gets the foundational one.
public struct Segment: Identified {
    public let id: String
    public var name: String
    public var priority: Bool
    public var location: SourceLocation

    public init(id: String, name: String, priority: Bool = false, location: SourceLocation) {
        self.id = id
        self.name = name
        self.priority = priority
        self.location = location
    }
}
