import LogGenerator
import JourneyLoader

/// A generated workspace held in memory: the files the CLI would read, and
/// what the planner did.
struct GeneratedWorkspace: Sendable {
    var files: [SourceFile]
    var statistics: PlanStatistics
    var journeyCount: Int

    var byteCount: Int { files.reduce(0) { $0 + $1.bytes.count } }
}

/// Generates a workspace for a seed: one group charter, the brands, and N
/// journeys dealt round-robin over the brands. Journey i depends only on
/// the seed and i, so a bigger workspace holds every journey of a smaller one.
/// With random values (the gap-heavy profile), journey i has the same
/// touchpoints, links and KPIs as with realistic ones; only values differ.
struct WorkspaceGenerator: Sendable {
    let seed: UInt64
    let departureRate: Double
    let values: ValuePlanning
    let group: GroupShape
    let tables: [ConstraintTable]

    init(seed: UInt64, departureRate: Double = 0.03, values: ValuePlanning = .realistic) {
        self.seed = seed
        self.departureRate = departureRate
        self.values = values
        let group = CharterTemplates.group()
        self.group = group
        tables = BrandCatalogue.brands(seed: seed).map { brand in
            ConstraintTable(brand: brand, inherited: CharterTemplates.inherited(by: brand, group: group))
        }
    }

    var brands: [BrandShape] { tables.map(\.brand) }

    /// The group charter (when a brand written extends it) and the files of
    /// the brands at positions `only` in ``brands``, or of every brand.
    func brandFiles(only included: [Int]? = nil) -> [SourceFile] {
        let chosen = (included ?? Array(tables.indices)).map { tables[$0] }
        let members = chosen.map(\.brand).filter { $0.extends == group.id }.map(\.id)
        var files: [SourceFile] = []
        if !members.isEmpty {
            files.append(SourceFile(path: "Brands/\(group.id).charter.jsonc", text: BrandFileWriter.charter(group, memberBrands: members)))
        }
        for table in chosen {
            let own = CharterTemplates.markers(for: table.brand)
            files.append(SourceFile(path: "Brands/\(table.brand.id).brand.jsonc", text: BrandFileWriter.brand(table.brand, markers: own, seed: seed)))
        }
        return files
    }

    /// The `index`-th journey of the workspace, as a file.
    func journeyFile(_ index: Int) -> (SourceFile, PlanStatistics) {
        let brandIndex = index % tables.count
        let planner = JourneyPlanner(table: tables[brandIndex], brandIndex: brandIndex, departureRate: departureRate, values: values)
        let (journey, statistics) = planner.plan(ordinal: index / tables.count, seed: seed)
        var random = SplitMix64(seed: seed, stream: 0x20_0000 &+ UInt64(index))
        let text = JourneyFileWriter.write(journey, brand: tables[brandIndex].brand, seed: seed, random: &random)
        return (SourceFile(path: journey.path, text: text), statistics)
    }

    /// Brand files and `journeys` journey files, generated on every core.
    func generate(journeys: Int) async -> GeneratedWorkspace {
        let generator = self
        let outcomes = await withTaskGroup(of: (Int, SourceFile, PlanStatistics).self) { group in
            let workers = max(1, ProcessInfoCores.count)
            var results = [(SourceFile, PlanStatistics)?](repeating: nil, count: journeys)
            var next = 0
            // A bounded number of tasks at once, so memory follows the output.
            while next < min(workers * 2, journeys) {
                let index = next
                group.addTask { let (file, statistics) = generator.journeyFile(index); return (index, file, statistics) }
                next += 1
            }
            for await (index, file, statistics) in group {
                results[index] = (file, statistics)
                if next < journeys {
                    let index = next
                    group.addTask { let (file, statistics) = generator.journeyFile(index); return (index, file, statistics) }
                    next += 1
                }
            }
            return results.compactMap { $0 }
        }
        let statistics = outcomes.reduce(PlanStatistics()) { $0 + $1.1 }
        return GeneratedWorkspace(files: brandFiles() + outcomes.map(\.0), statistics: statistics, journeyCount: journeys)
    }
}
