import CharterChecker
import JourneyModel

/// A diagnostic or a gap seen the same way, for the formats that list both
/// in one table or one suite: what it is, how bad, where, and what it says.
struct Finding: Sendable {
    enum Kind: String, Sendable {
        case diagnostic
        case gap
    }

    var kind: Kind
    /// The diagnostic code or the marker id.
    var id: String
    var severity: Severity
    var location: SourceLocation
    /// A diagnostic's message; a gap's is read from the gap when asked for.
    private var diagnosticMessage: String
    var related: [RelatedLocation]
    /// Set for gaps.
    var gap: DescribedGap?
    /// Set for diagnostics with a did-you-mean.
    var suggestion: String?

    init(_ diagnostic: Diagnostic) {
        kind = .diagnostic
        id = diagnostic.code.rawValue
        severity = diagnostic.severity
        location = diagnostic.location
        diagnosticMessage = diagnostic.message
        related = diagnostic.related
        gap = nil
        suggestion = diagnostic.suggestion
    }

    init(_ gap: DescribedGap) {
        kind = .gap
        id = gap.marker
        severity = gap.severity
        location = gap.location
        diagnosticMessage = ""
        related = gap.related
        self.gap = gap
        suggestion = nil
    }

    /// What it says: a gap's words are joined only when a format writes them.
    var message: String { gap?.message ?? diagnosticMessage }

    var suppression: SuppressionNote? { gap?.suppression }

    /// What to change to close a gap, when the checker says.
    var action: String? {
        guard let action = gap?.action, !action.isEmpty else { return nil }
        return action
    }

    /// `marker · segment` for gaps, the code for diagnostics: a short title.
    var title: String {
        guard let gap else { return id }
        return [gap.marker, gap.segment].compactMap { $0 }.joined(separator: " · ")
    }

    /// The message, with the suggestion added when the message does not
    /// already quote it.
    var messageWithSuggestion: String {
        let message = message
        guard let suggestion, !message.contains("'\(suggestion)'") else { return message }
        return "\(message) (did you mean '\(suggestion)'?)"
    }
}

/// A check's findings file by file: diagnostics, then gaps, in report
/// order within each file, files in path order. A file's findings are made
/// when they are asked for, so a large report never holds them all at once.
struct FindingsByFile {
    private let result: CheckResult
    /// Positions: diagnostics first, then gaps.
    private let positions: [String: [Int]]
    /// The files with findings, in path order.
    let files: [String]

    /// - Parameter includingAccepted: whether gaps a suppression or a
    ///   baseline accepts are findings too.
    init(_ result: CheckResult, includingAccepted: Bool) {
        self.result = result
        var positions: [String: [Int]] = [:]
        for (position, diagnostic) in result.diagnostics.enumerated() {
            positions[diagnostic.location.file, default: []].append(position)
        }
        for (index, gap) in result.gaps.enumerated() where includingAccepted || gap.suppression == nil {
            positions[gap.location.file, default: []].append(result.diagnostics.count + index)
        }
        self.positions = positions
        files = positions.keys.sorted()
    }

    func findings(in file: String) -> [Finding] {
        let diagnosticCount = result.diagnostics.count
        return (positions[file] ?? []).map { position in
            position < diagnosticCount ? Finding(result.diagnostics[position]) : Finding(result.gaps[position - diagnosticCount])
        }
    }
}
