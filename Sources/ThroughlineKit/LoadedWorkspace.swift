import JourneyLoader
import JourneyModel

/// A workspace loaded from its files, with every problem found on the way,
/// and which of its journeys can be judged.
///
/// Throughline as a library: load files (read by the caller), check the
/// workspace, audit it. The command line is one client.
///
/// ```swift
/// let loaded = await LoadedWorkspace.load(files)
/// let run = await CheckRun.check(loaded)
/// for gap in run.report.openGaps { print(run.wording.message(of: gap)) }
/// ```
public struct LoadedWorkspace: Sendable {
    public let workspace: Workspace
    /// Every problem with the files: those found before loading (finding
    /// and reading them) and the loader's, in report order, each once.
    public let diagnostics: [Diagnostic]
    /// The paths of the files given, read or not.
    public let fileCount: Int
    /// The bytes of the files read: what a check measures its memory against.
    public let inputBytes: Int
    /// The sources of lived journeys the files hold.
    public let sources: [ObservationSource]

    /// Loads `files`; `found` are the problems met finding and reading them.
    public static func load(_ files: consuming [SourceFile], found: [Diagnostic] = [], fileCount: Int? = nil) async -> LoadedWorkspace {
        let count = fileCount ?? files.count
        let bytes = files.reduce(0) { $0 + $1.bytes.count }
        // The loader gets the only copy, and lets each file go once parsed.
        let result = await WorkspaceLoader.load(consume files)
        return LoadedWorkspace(
            workspace: result.workspace, diagnostics: DiagnosticList.merged(found, result.diagnostics), fileCount: count,
            inputBytes: bytes, sources: result.sources
        )
    }

    init(workspace: Workspace, diagnostics: [Diagnostic], fileCount: Int, inputBytes: Int, sources: [ObservationSource] = []) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.inputBytes = inputBytes
        self.sources = sources
    }

    /// The same workspace with more problems found about it (by whoever
    /// found its files).
    public func adding(_ more: [Diagnostic]) -> LoadedWorkspace {
        LoadedWorkspace(
            workspace: workspace, diagnostics: DiagnosticList.merged(diagnostics, more), fileCount: fileCount, inputBytes: inputBytes,
            sources: sources
        )
    }

    /// Whether any file is unusable: an error diagnostic.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// The files with an error diagnostic.
    public var unusableFiles: Set<String> { Set(diagnostics.filter { $0.severity == .error }.map(\.location.file)) }

    /// The files a brand is made of: its brand file and those of the
    /// charters its markers come from.
    public static func files(of brand: Brand) -> Set<String> {
        Set(brand.charter.markers.map(\.location.file) + brand.charter.lineage.map(\.location.file) + [brand.location.file])
    }

    /// What can be judged: a journey is judged when its file and its
    /// brand's files load without an error, so a typo gives its diagnostic
    /// and no gap from the value it left out.
    public var judgement: Judgement {
        let unusable = unusableFiles
        var unjudgedBrands: [UnjudgedBrand] = []
        var brokenBrands: Set<String> = []
        for brand in workspace.brands {
            let broken = Self.files(of: brand).intersection(unusable).sorted()
            let brokenJourneys = workspace.journeys(of: brand.id).map(\.file).filter(unusable.contains).sorted()
            if !broken.isEmpty || !brokenJourneys.isEmpty {
                unjudgedBrands.append(UnjudgedBrand(brand: brand.id, brandFiles: broken, journeyFiles: brokenJourneys))
            }
            if !broken.isEmpty { brokenBrands.insert(brand.id) }
        }
        let journeys = workspace.journeys.filter { !brokenBrands.contains($0.brand) && !unusable.contains($0.file) }
        return Judgement(
            workspace: Workspace(brands: workspace.brands, journeys: journeys), incomplete: unjudgedBrands
        )
    }

    /// The part of a workspace the check judges, and the brands it cannot
    /// judge in full.
    public struct Judgement: Sendable {
        /// Every brand, with the journeys that can be judged.
        public let workspace: Workspace
        /// Brands with an unusable file, in brand order.
        public let incomplete: [UnjudgedBrand]
    }
}

/// A brand some of whose files cannot be used, so it is not judged in full:
/// the audit leaves it out and says why.
public struct UnjudgedBrand: Sendable, Equatable {
    public let brand: String
    /// Its brand or charter files with an error: none of its journeys is judged.
    public let brandFiles: [String]
    /// Its journey files with an error: those journeys are not judged.
    public let journeyFiles: [String]

    /// Why, in a sentence: "Brands/x.brand.jsonc has errors".
    public var reason: String {
        let files = brandFiles + journeyFiles
        let listed = files.prefix(3).joined(separator: ", ") + (files.count > 3 ? " and \(files.count - 3) more" : "")
        return "\(listed) \(files.count == 1 ? "has" : "have") errors"
    }
}

/// Diagnostics from several steps, in report order, each once.
enum DiagnosticList {
    static func merged(_ lists: [Diagnostic]...) -> [Diagnostic] {
        Array(Set(lists.joined())).sorted(by: Diagnostic.reportOrder)
    }
}
