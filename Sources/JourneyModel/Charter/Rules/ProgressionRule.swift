/// A numeric attribute never decreases from one touchpoint to the next
/// along the journey's order: win probability rises toward closing.
///
/// ```jsonc
/// { "id": "rising-odds", "kind": "progression", "attribute": "winProbability" }
/// ```
public struct ProgressionRule: Sendable {
    public var attribute: Int

    public init(attribute: Int) {
        self.attribute = attribute
    }
}
