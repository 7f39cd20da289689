/// An attribute has a single value for a segment, across the channels of
/// each journey or across all the segment's journeys: one signature, one
/// promise wording.
///
/// ```jsonc
/// { "id": "one-signature", "kind": "consistent", "attribute": "signature", "across": "channels" }
/// ```
public struct ConsistencyRule: Sendable {
    public var attribute: Int
    public var across: ConsistencyRange

    public init(attribute: Int, across: ConsistencyRange) {
        self.attribute = attribute
        self.across = across
    }
}

/// How far a consistency marker looks.
public enum ConsistencyRange: String, Sendable, CaseIterable {
    /// Within each journey, every channel uses the same value.
    case channels
    /// Every journey of the segment uses the same value.
    case journeys
}
