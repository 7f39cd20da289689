/// A problem with the files themselves, as opposed to a ``Gap`` in the
/// planned experience: a syntax error, an unknown channel, a dangling `next`.
///
/// ```swift
/// Diagnostic(.unknownChannel, at: location,
///            "unknown channel 'emial'; the brand defines email, store, chat",
///            suggestion: "email")
/// ```
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var location: SourceLocation
    /// What is wrong and what was expected.
    public var message: String
    /// A replacement that is probably what was meant (did-you-mean).
    public var suggestion: String?
    /// Other places that explain this one, such as a first definition.
    public var related: [RelatedLocation]

    public init(
        _ code: DiagnosticCode,
        severity: Severity? = nil,
        at location: SourceLocation,
        _ message: String,
        suggestion: String? = nil,
        related: [RelatedLocation] = []
    ) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.location = location
        self.message = message
        self.suggestion = suggestion
        self.related = related
    }

    /// The order every report uses: file, line, column, then code.
    public static func reportOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.location, lhs.code.rawValue, lhs.message) < (rhs.location, rhs.code.rawValue, rhs.message)
    }
}

/// A location that a diagnostic or gap refers to, with why.
public struct RelatedLocation: Hashable, Sendable {
    public var location: SourceLocation
    public var message: String

    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }
}

/// The stable identifier of a kind of diagnostic. Machine-readable outputs
/// carry the raw value (`unknown-channel`); keep them stable.
public enum DiagnosticCode: String, Sendable, CaseIterable, Comparable {
    case syntax
    case duplicateKey = "duplicate-key"
    case unknownField = "unknown-field"
    case missingField = "missing-field"
    case wrongType = "wrong-type"
    case invalidValue = "invalid-value"
    case duplicateID = "duplicate-id"
    case confusableID = "confusable-id"
    case unknownBrand = "unknown-brand"
    case unknownCharter = "unknown-charter"
    case unknownChannel = "unknown-channel"
    case unknownStage = "unknown-stage"
    case unknownSegment = "unknown-segment"
    case unknownAttribute = "unknown-attribute"
    case unknownMarker = "unknown-marker"
    case danglingNext = "dangling-next"
    case extendsCycle = "extends-cycle"
    case invalidPattern = "invalid-pattern"
    case impreciseNumber = "imprecise-number"
    case unusedSuppression = "unused-suppression"
    case unreadableFile = "unreadable-file"
    case duplicatePath = "duplicate-path"
    case misnamedFile = "misnamed-file"
    case linkOutsideWorkspace = "link-outside-workspace"
    case noInput = "no-input"
    case noJourneys = "no-journeys"
    case emptyJourney = "empty-journey"
    case markerAppliesNowhere = "marker-applies-nowhere"
    case staleBaselineEntry = "stale-baseline-entry"
    case outdatedBaseline = "outdated-baseline"
    case unknownJourney = "unknown-journey"
    case unknownTouchpoint = "unknown-touchpoint"
    case missingColumn = "missing-column"
    case dataOutsideWorkspace = "data-outside-workspace"

    public var defaultSeverity: Severity {
        switch self {
        case .impreciseNumber, .unusedSuppression, .linkOutsideWorkspace, .emptyJourney, .markerAppliesNowhere,
             .confusableID, .misnamedFile, .noJourneys, .staleBaselineEntry, .outdatedBaseline:
            .warning
        case .syntax, .duplicateKey, .unknownField, .missingField, .wrongType, .invalidValue, .duplicateID,
             .unknownBrand, .unknownCharter, .unknownChannel, .unknownStage, .unknownSegment, .unknownAttribute,
             .unknownMarker, .danglingNext, .extendsCycle, .invalidPattern, .unreadableFile, .duplicatePath, .noInput,
             .unknownJourney, .unknownTouchpoint, .missingColumn, .dataOutsideWorkspace:
            .error
        }
    }

    /// One line for rule listings (SARIF rules, `--help`).
    public var summary: String {
        switch self {
        case .syntax: "The file is not well-formed JSONC."
        case .duplicateKey: "An object names the same key twice; the first one is used."
        case .unknownField: "A key the file format does not define."
        case .missingField: "A required key is absent."
        case .wrongType: "A value of the wrong JSON type."
        case .invalidValue: "A value outside what the field accepts."
        case .duplicateID: "Two things of the same kind share an id."
        case .confusableID: "Two ids of the same kind differ only by case or by compatibility forms of their letters."
        case .unknownBrand: "A journey names a brand that no brand file defines."
        case .unknownCharter: "A brand or charter extends a charter that no file defines."
        case .unknownChannel: "A channel the brand does not define."
        case .unknownStage: "A stage the brand does not define."
        case .unknownSegment: "A segment the brand does not define."
        case .unknownAttribute: "An attribute the brand's vocabulary does not define."
        case .unknownMarker: "A marker that no charter of the brand defines."
        case .danglingNext: "`next` names a touchpoint the journey does not have."
        case .extendsCycle: "Charters extend each other in a cycle."
        case .invalidPattern: "A `matches` pattern that cannot be used."
        case .impreciseNumber: "A number that cannot be held exactly; the nearest value is used."
        case .unusedSuppression: "A suppression that suppresses no gap."
        case .unreadableFile: "A file that cannot be read."
        case .duplicatePath: "Two files whose paths are the same letters encoded differently; the second is not read."
        case .misnamedFile: "A file in a folder that looks like a brand, charter or journey file but is not named like one; it is not read."
        case .linkOutsideWorkspace: "A symbolic link that leads outside the given folders; it is not followed."
        case .noInput: "No brand or journey file was found."
        case .noJourneys: "Brands were found but no journey, so nothing is checked against their charters."
        case .emptyJourney: "A journey without touchpoints."
        case .markerAppliesNowhere: "A marker whose scope matches no touchpoint of any journey."
        case .staleBaselineEntry: "A baseline entry that matches no gap any more: a fixed gap that could come back unnoticed."
        case .outdatedBaseline: "A baseline whose fingerprints leave out what tells some gaps apart; rewrite it."
        case .unknownJourney: "A journey the brand does not have."
        case .unknownTouchpoint: "A source maps an activity to a touchpoint that no journey of the brand has."
        case .missingColumn: "A source names a column that its export does not have."
        case .dataOutsideWorkspace: "A source's data file lies outside the workspace (an absolute path, `..` or a symbolic link out of it)."
        }
    }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
