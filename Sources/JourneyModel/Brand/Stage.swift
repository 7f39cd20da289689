/// One step of the brand's journeys (discover, choose, buy… or lead,
/// qualification, proposal…). A stage's position in the brand's catalog is
/// its place in the canonical order.
public struct Stage: Identified {
    public let id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
