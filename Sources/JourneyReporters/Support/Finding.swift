import CharterChecker
import JourneyModel

/// A diagnostic or a gap, for the formats that list both in one table or
/// one suite: what it is, how bad, where, and what it says. A format that
/// shows them differently switches over the two cases.
enum Finding: Sendable {
    case diagnostic(Diagnostic)
    case gap(DescribedGap)

    /// The diagnostic code or the marker id.
    var id: String {
        switch self {
        case .diagnostic(let diagnostic): diagnostic.code.rawValue
        case .gap(let gap): gap.marker
        }
    }

    var severity: Severity {
        switch self {
        case .diagnostic(let diagnostic): diagnostic.severity
        case .gap(let gap): gap.severity
        }
    }

    var location: SourceLocation {
        switch self {
        case .diagnostic(let diagnostic): diagnostic.location
        case .gap(let gap): gap.location
        }
    }

    /// The gap, when the finding is one.
    var gap: DescribedGap? {
        switch self {
        case .diagnostic: nil
        case .gap(let gap): gap
        }
    }

    /// Why a gap is accepted; nil for open gaps and for diagnostics.
    var suppression: SuppressionNote? {
        switch self {
        case .diagnostic: nil
        case .gap(let gap): gap.suppression
        }
    }

    /// `marker · segment` for gaps, the code for diagnostics: a short title.
    var title: String {
        switch self {
        case .diagnostic(let diagnostic): diagnostic.code.rawValue
        case .gap(let gap): [gap.marker, gap.segment].compactMap { $0 }.joined(separator: " · ")
        }
    }

    /// What it says, with a diagnostic's did-you-mean.
    var message: String {
        switch self {
        case .diagnostic(let diagnostic): diagnostic.messageWithSuggestion
        case .gap(let gap): gap.message
        }
    }

    /// What to change to close a gap, when the checker names it.
    var action: String? {
        switch self {
        case .diagnostic: return nil
        case .gap(let gap):
            let action = gap.action
            return action.isEmpty ? nil : action
        }
    }

    /// Other places that explain it.
    var related: [RelatedLocation] {
        switch self {
        case .diagnostic(let diagnostic): diagnostic.related
        case .gap(let gap): gap.related
        }
    }

    /// Everything it says, made at once: a gap's words in one look-up, for
    /// the formats that write what is expected and planned too. One that
    /// writes only the message, the action and the related places asks
    /// for those: fewer words are made.
    var words: Words {
        switch self {
        case .diagnostic(let diagnostic):
            return Words(message: diagnostic.messageWithSuggestion, action: nil, related: diagnostic.related, expectedAndPlanned: nil)
        case .gap(let gap):
            let words = gap.words
            return Words(
                message: words.message, action: words.action.isEmpty ? nil : words.action, related: words.related,
                expectedAndPlanned: (words.expected, words.planned)
            )
        }
    }

    /// What a finding says.
    struct Words: Sendable {
        /// With a diagnostic's did-you-mean.
        let message: String
        /// What to change to close a gap, when the checker names it.
        let action: String?
        /// Other places that explain it.
        let related: [RelatedLocation]
        /// What the charter expects and what is planned instead; nil for diagnostics.
        let expectedAndPlanned: (expected: String, planned: String)?
    }
}

extension Diagnostic {
    /// The message, with the did-you-mean added when the message does not
    /// already quote it: `unknown channel 'emial' (did you mean 'email'?)`.
    var messageWithSuggestion: String {
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

    /// The file's findings in report order.
    func findings(in file: String) -> [Finding] {
        let diagnosticCount = result.diagnostics.count
        return (positions[file] ?? []).map { position in
            position < diagnosticCount ? .diagnostic(result.diagnostics[position]) : .gap(result.gaps[position - diagnosticCount])
        }
    }

    /// The file's findings by line and column, in report order where they
    /// share a position: how a reader goes through the file.
    func findingsInLineOrder(in file: String) -> [Finding] {
        let findings = findings(in: file)
        let positions = findings.map(\.location.position)
        return findings.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }.map { findings[$0] }
    }
}
