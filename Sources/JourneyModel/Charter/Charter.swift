/// A brand's relational identity charter: the identity markers every
/// channel's planned experience is audited against, including those
/// inherited from the charters it extends (a group's, say).
public struct Charter: Sendable {
    /// Every marker, inherited ones first in the order of the lineage, then
    /// the brand's own in declaration order. Disabled markers stay listed so
    /// that reports can say they were turned off, and why.
    public var markers: [Marker]
    /// The charters this one extends, nearest first.
    public var lineage: [CharterReference]

    public init(markers: [Marker], lineage: [CharterReference] = []) {
        self.markers = markers
        self.lineage = lineage
    }

    public var enabledMarkers: [Marker] { markers.filter(\.isEnabled) }

    public func marker(id: String) -> Marker? { markers.first { $0.id == id } }
}

/// A charter named in an `extends` chain.
public struct CharterReference: Hashable, Sendable {
    public var id: String
    public var location: SourceLocation

    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }
}
