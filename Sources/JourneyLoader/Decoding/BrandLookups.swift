import JourneyModel

/// Lookup tables for one brand, built once and shared by every journey of
/// the brand: decoding a touchpoint is then a few dictionary probes.
struct BrandLookups: Sendable {
    let brand: Brand
    /// For each attribute of the vocabulary, its words by position (enumerations and scales).
    let choiceIndex: [[String: Int]]
    /// Marker ids of the brand's charter, for suppressions.
    let markerIDs: Set<String>

    init(_ brand: Brand) {
        self.brand = brand
        choiceIndex = brand.attributes.map { definition in
            Dictionary(definition.type.choices.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        }
        markerIDs = Set(brand.charter.markers.map(\.id))
    }
}
