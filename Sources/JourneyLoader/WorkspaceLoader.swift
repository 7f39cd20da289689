import JSONCReader
import JourneyModel
import OrderedTasks

/// What loading a set of files gives: the model of everything usable, and
/// every problem found on the way, in report order.
public struct LoadResult: Sendable {
    public var workspace: Workspace
    /// Sorted by file, line, column and code; each problem once.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int
    /// The sources of lived journeys, sorted by brand, file and id.
    public var sources: [ObservationSource]

    public init(workspace: Workspace, diagnostics: [Diagnostic], fileCount: Int, sources: [ObservationSource] = []) {
        self.workspace = workspace
        self.diagnostics = diagnostics
        self.fileCount = fileCount
        self.sources = sources
    }
}

/// Reads brand, charter and journey files into a ``Workspace``.
///
/// A plain function of the files' contents: it never touches the file
/// system, so the same files always give the same result. Files are parsed
/// in parallel; results are put back in a fixed order.
///
/// ```swift
/// let result = await WorkspaceLoader.load([
///     SourceFile(path: "Brands/aurele.brand.jsonc", bytes: brandBytes),
///     SourceFile(path: "Journeys/first-purchase.journey.jsonc", bytes: journeyBytes),
/// ])
/// result.workspace.journeys.count   // 1
/// ```
public enum WorkspaceLoader {
    ///
    /// Each file's bytes are let go once it is parsed: given the only copy
    /// of the files, loading never holds all of them and the whole model at once.
    public static func load(_ files: consuming [SourceFile]) async -> LoadResult {
        var diagnostics: [Diagnostic] = []
        let fileCount = files.count

        // Brands and charters first: journeys are read in their brand's vocabulary.
        var journeyFiles: [SourceFile] = [], otherFiles: [SourceFile] = [], sourceFiles: [SourceFile] = []
        for file in keepingOnePerPath(consume files, diagnostics: &diagnostics) {
            switch file.kind {
            case .journey: journeyFiles.append(file)
            case .source: sourceFiles.append(file)
            case .brand, .charter, nil: otherFiles.append(file)
            }
        }
        var brandDocuments: [(path: String, document: JSONCDocument)] = []
        var charterDocuments: [(path: String, document: JSONCDocument)] = []
        var sniffedJourneys: [(path: String, document: JSONCDocument)] = []
        var sniffedSources: [(path: String, document: JSONCDocument)] = []
        for parsed in await parseAll(consume otherFiles) {
            diagnostics += parsed.diagnostics
            guard let document = parsed.document else { continue }
            switch parsed.kind ?? sniffKind(document) {
            case .brand: brandDocuments.append((parsed.path, document))
            case .charter: charterDocuments.append((parsed.path, document))
            case .journey: sniffedJourneys.append((parsed.path, document))
            case .source: sniffedSources.append((parsed.path, document))
            case nil:
                diagnostics.append(Diagnostic(
                    .unknownField, at: SourceLocation(file: parsed.path, position: .startOfFile),
                    "cannot tell what this file holds: name it *.brand.jsonc, *.charter.jsonc, *.journey.jsonc or *.source.jsonc, or give it a top-level \"brand\", \"charter\", \"journey\" or \"source\" key"
                ))
            }
        }

        let charters = decodeCharters(charterDocuments, diagnostics: &diagnostics)
        let brands = decodeBrands(brandDocuments, charters: charters, diagnostics: &diagnostics)
        let lookups = Dictionary(uniqueKeysWithValues: brands.map { ($0.id, BrandLookups($0)) })

        var journeys: [Journey] = []
        for (path, document) in sniffedJourneys {
            let (journey, found) = JourneyDecoder.decode(document, file: path, brands: lookups)
            diagnostics += found
            if let journey { journeys.append(journey) }
        }
        for outcome in await decodeJourneys(consume journeyFiles, brands: lookups) {
            diagnostics += outcome.diagnostics
            if let journey = outcome.journey { journeys.append(journey) }
        }
        journeys = keepingFirstOfEachID(journeys, diagnostics: &diagnostics)

        // Sources last: their activities map to the journeys' touchpoints.
        var sources: [ObservationSource] = []
        var sourceDocuments = sniffedSources
        for parsed in await parseAll(consume sourceFiles) {
            diagnostics += parsed.diagnostics
            if let document = parsed.document { sourceDocuments.append((parsed.path, document)) }
        }
        for (path, document) in sourceDocuments {
            let (source, found) = SourceDecoder.decode(document, file: path, brands: lookups, journeys: journeys)
            diagnostics += found
            if let source { sources.append(source) }
        }
        sources = keepingFirstSourceOfEachID(sources, diagnostics: &diagnostics)

        let workspace = Workspace(brands: brands, journeys: journeys)
        let unique = Array(Set(diagnostics)).sorted(by: Diagnostic.reportOrder)
        return LoadResult(workspace: workspace, diagnostics: unique, fileCount: fileCount, sources: sources)
    }

    /// Two sources of one brand with one id: the first (by path) is kept.
    private static func keepingFirstSourceOfEachID(_ sources: [ObservationSource], diagnostics: inout [Diagnostic]) -> [ObservationSource] {
        var kept: [ObservationSource] = []
        var first: [String: SourceLocation] = [:]
        for source in sources.sorted(by: { ($0.brand, $0.file, $0.id) < ($1.brand, $1.file, $1.id) }) {
            let key = source.brand + "\u{0}" + source.id
            if let earlier = first[key] {
                diagnostics.append(Diagnostic(
                    .duplicateID, at: source.location, "source '\(source.id)' of brand '\(source.brand)' is also defined in \(earlier.file)",
                    related: [RelatedLocation(earlier, "first defined here")]
                ))
                continue
            }
            first[key] = source.location
            kept.append(source)
        }
        return kept
    }

    // MARK: Paths

    /// The files in path order, each path once. Two paths that are the same
    /// letters encoded differently (a name with "é" composed and another
    /// with it decomposed, which Linux keeps as two files) would print the
    /// same in every report: the first in byte order is read, the other is
    /// reported and not read, whatever order the files came in.
    private static func keepingOnePerPath(_ files: consuming [SourceFile], diagnostics: inout [Diagnostic]) -> [SourceFile] {
        // `String` orders canonically equivalent paths as equal: bytes decide between them.
        let sorted = (consume files).sorted { left, right in
            left.path < right.path || (left.path == right.path && left.path.utf8.lexicographicallyPrecedes(right.path.utf8))
        }
        var kept: [SourceFile] = []
        kept.reserveCapacity(sorted.count)
        var firstPath: [String: String] = [:]
        for file in sorted {
            if let first = firstPath[file.path], !first.utf8.elementsEqual(file.path.utf8) {
                diagnostics.append(Diagnostic(
                    .duplicatePath, at: SourceLocation(file: file.path, position: .startOfFile),
                    "\(file.path) has the same name as \(first), with the same letters encoded differently; it is not read: rename one of the two",
                    related: [RelatedLocation(SourceLocation(file: first, position: .startOfFile), "read instead")]
                ))
                continue
            }
            if firstPath[file.path] == nil { firstPath[file.path] = file.path }
            kept.append(file)
        }
        return kept
    }

    // MARK: Parsing

    struct ParsedFile: Sendable {
        let path: String
        let kind: FileKind?
        let document: JSONCDocument?
        let diagnostics: [Diagnostic]
    }

    /// Reads one file as JSONC: a document, or the located syntax error and
    /// nothing else from that file. Duplicate keys are reported here.
    ///
    /// Keys are names people read, and the model looks names up by
    /// canonical equivalence: `"café"` written with U+00E9 and with
    /// e + U+0301 is one key written twice, not two.
    static func parse(_ file: SourceFile) -> ParsedFile {
        do {
            let document = try JSONCDocument.parse(file.bytes, keys: .canonicalEquivalence)
            return ParsedFile(path: file.path, kind: file.kind, document: document, diagnostics: duplicateKeyDiagnostics(document, file: file.path))
        } catch {
            return ParsedFile(path: file.path, kind: file.kind, document: nil, diagnostics: [syntaxDiagnostic(error, file: file.path)])
        }
    }

    /// A `duplicate-key` diagnostic for every key written twice in one object.
    static func duplicateKeyDiagnostics(_ document: JSONCDocument, file: String) -> [Diagnostic] {
        document.duplicateKeys.map { duplicate in
            let position = document.lineMap.position(of: duplicate.offset)
            let first = document.lineMap.position(of: duplicate.firstOffset)
            let spelling = duplicate.differsInCodePoints ? " (the same letters, encoded differently)" : ""
            return Diagnostic(
                .duplicateKey, at: SourceLocation(file: file, line: position.line, column: position.column),
                "the key '\(duplicate.key)' appears twice in this object\(spelling); the first one, at \(first.line):\(first.column), is used",
                related: [RelatedLocation(SourceLocation(file: file, line: first.line, column: first.column), "first written here")]
            )
        }
    }

    static func syntaxDiagnostic(_ error: JSONCSyntaxError, file: String) -> Diagnostic {
        Diagnostic(.syntax, at: SourceLocation(file: file, line: error.line, column: error.column), error.message)
    }

    private static func parseAll(_ files: consuming [SourceFile]) async -> [ParsedFile] {
        await OrderedTasks.map(files) { parse($0) }
    }

    /// A file named neither `.brand`, `.charter` nor `.journey` is told by its top-level key.
    private static func sniffKind(_ document: JSONCDocument) -> FileKind? {
        let root = document.root
        return FileKind.allCases.first { root[$0.idKey] != nil && ($0 != .brand || (root["journey"] == nil && root["source"] == nil)) }
    }

    // MARK: Decoding

    private static func decodeCharters(
        _ documents: [(path: String, document: JSONCDocument)],
        diagnostics: inout [Diagnostic]
    ) -> [String: CharterSource] {
        var charters: [String: CharterSource] = [:]
        var lookalikes = LookalikeIndex()
        for (path, document) in documents {
            let (source, found) = CharterDecoder.decode(document, file: path)
            diagnostics += found
            guard let source else { continue }
            if let first = charters[source.id] {
                diagnostics.append(Diagnostic(
                    .duplicateID, at: source.location, "charter '\(source.id)' is also defined in \(first.file)",
                    related: [RelatedLocation(first.location, "first defined here")]
                ))
                continue
            }
            if let warning = lookalikes.check(source.id, what: "charter", at: source.location) { diagnostics.append(warning) }
            charters[source.id] = source
        }
        return charters
    }

    private static func decodeBrands(
        _ documents: [(path: String, document: JSONCDocument)],
        charters: [String: CharterSource],
        diagnostics: inout [Diagnostic]
    ) -> [Brand] {
        var brands: [Brand] = []
        var firstLocation: [String: SourceLocation] = [:]
        var lookalikes = LookalikeIndex()
        for (path, document) in documents {
            let (decoded, found) = BrandDecoder.decode(document, file: path)
            diagnostics += found
            guard let decoded else { continue }
            let id = decoded.brand.id
            if let first = firstLocation[id] {
                diagnostics.append(Diagnostic(
                    .duplicateID, at: decoded.brand.location, "brand '\(id)' is also defined in \(first.file)",
                    related: [RelatedLocation(first, "first defined here")]
                ))
                continue
            }
            firstLocation[id] = decoded.brand.location
            if let warning = lookalikes.check(id, what: "brand", at: decoded.brand.location) { diagnostics.append(warning) }
            let (brand, charterDiagnostics) = CharterResolver.resolve(decoded, charters: charters)
            diagnostics += charterDiagnostics
            brands.append(brand)
        }
        return brands
    }

    struct JourneyOutcome: Sendable {
        let journey: Journey?
        let diagnostics: [Diagnostic]
    }

    /// Parses and decodes each journey file in one task, so its document is
    /// released as soon as the journey is built.
    private static func decodeJourneys(_ files: consuming [SourceFile], brands: [String: BrandLookups]) async -> [JourneyOutcome] {
        await OrderedTasks.map(files) { decodeJourney($0, brands: brands) }
    }

    /// Reads a journey file, its touchpoints decoded as they are parsed
    /// (see ``JourneyStream``): a syntax error anywhere gives that one
    /// diagnostic, and whatever was decoded before it is let go.
    static func decodeJourney(_ file: SourceFile, brands: [String: BrandLookups]) -> JourneyOutcome {
        var stream = JourneyStream(file: file.path, brands: brands)
        let document: JSONCDocument
        do {
            document = try JSONCDocument.parse(
                file.bytes, keys: .canonicalEquivalence, streaming: "touchpoints",
                shouldStream: { stream.begin($0) }, element: { stream.read($0) }
            )
        } catch {
            return JourneyOutcome(journey: nil, diagnostics: [syntaxDiagnostic(error, file: file.path)])
        }
        let duplicates = duplicateKeyDiagnostics(document, file: file.path)
        switch stream.finish(document) {
        case .read(let journey, let found):
            return JourneyOutcome(journey: journey, diagnostics: duplicates + found)
        case .notStreamed:
            let (journey, found) = JourneyDecoder.decode(document, file: file.path, brands: brands)
            return JourneyOutcome(journey: journey, diagnostics: duplicates + found)
        case .needsWholeDocument:
            return decodeWholeJourney(file, brands: brands)
        }
    }

    /// Reads a journey file as one document, then decodes it.
    static func decodeWholeJourney(_ file: SourceFile, brands: [String: BrandLookups]) -> JourneyOutcome {
        let parsed = parse(file)
        guard let document = parsed.document else {
            return JourneyOutcome(journey: nil, diagnostics: parsed.diagnostics)
        }
        let (journey, found) = JourneyDecoder.decode(document, file: file.path, brands: brands)
        return JourneyOutcome(journey: journey, diagnostics: parsed.diagnostics + found)
    }

    /// Two journeys of one brand with one id: the first (by path) is kept.
    private static func keepingFirstOfEachID(_ journeys: [Journey], diagnostics: inout [Diagnostic]) -> [Journey] {
        var kept: [Journey] = []
        var first: [String: SourceLocation] = [:]
        var lookalikes: [String: LookalikeIndex] = [:]
        for journey in journeys.sorted(by: { ($0.file, $0.id) < ($1.file, $1.id) }) {
            let key = journey.brand + "\u{0}" + journey.id
            if let earlier = first[key] {
                diagnostics.append(Diagnostic(
                    .duplicateID, at: journey.location,
                    "journey '\(journey.id)' of brand '\(journey.brand)' is also defined in \(earlier.file)",
                    related: [RelatedLocation(earlier, "first defined here")]
                ))
                continue
            }
            first[key] = journey.location
            if let warning = lookalikes[journey.brand, default: LookalikeIndex()].check(journey.id, what: "journey", at: journey.location) {
                diagnostics.append(warning)
            }
            kept.append(journey)
        }
        return kept
    }
}
