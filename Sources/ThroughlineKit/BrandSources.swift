import CharterChecker
import JourneyModel
import LivedCases

/// A brand's usable sources of lived journeys, with its journeys: what
/// `conform` and `review` replay, in the same order. Brands come in the
/// order of their sources (sorted by brand, then id); a brand whose
/// sources are all unusable is kept, with none.
struct BrandSources {
    let brand: Brand
    let journeys: [Journey]
    let sources: [ObservationSource]

    static func of(_ check: CheckRun) -> [BrandSources] {
        let workspace = check.judgement.workspace
        let unusable = check.loaded.unusableFiles
        let sorted = check.loaded.sources.sorted { ($0.brand, $0.id) < ($1.brand, $1.id) }
        var order: [String] = []
        var usable: [String: [ObservationSource]] = [:]
        for source in sorted {
            if usable[source.brand] == nil { order.append(source.brand) }
            usable[source.brand, default: []] += unusable.contains(source.file) ? [] : [source]
        }
        return order.compactMap { brandID in
            workspace.brands.first { $0.id == brandID }.map { brand in
                BrandSources(brand: brand, journeys: workspace.journeys(of: brandID), sources: usable[brandID] ?? [])
            }
        }
    }

    /// The diagnostic of a source whose export cannot be read.
    static func unreadable(_ source: ObservationSource, _ error: ExportAccessError) -> Diagnostic {
        let code: DiagnosticCode = error.kind == .outsideWorkspace ? .dataOutsideWorkspace : .unreadableFile
        return Diagnostic(code, at: source.location(source.dataPosition), "cannot read the export \(source.dataPath): \(error.reason)")
    }
}
