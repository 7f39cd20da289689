/// Every brand and journey read from the given files, ready to check.
public struct Workspace: Sendable {
    /// Sorted by id.
    public var brands: [Brand]
    /// Sorted by brand, then file, then id.
    public var journeys: [Journey]

    public init(brands: [Brand], journeys: [Journey]) {
        self.brands = brands.sorted { $0.id < $1.id }
        self.journeys = journeys.sorted { ($0.brand, $0.file, $0.id) < ($1.brand, $1.file, $1.id) }
    }

    public func brand(id: String) -> Brand? { brands.first { $0.id == id } }

    public func journeys(of brand: String) -> [Journey] { journeys.filter { $0.brand == brand } }

    public var touchpointCount: Int { journeys.reduce(0) { $0 + $1.touchpoints.count } }
}
