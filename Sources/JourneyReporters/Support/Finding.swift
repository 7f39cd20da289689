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
/// order within each file, files in path order. Gaps come file by file in
/// report order, so one walk of them gives each file's findings in turn:
/// a large report never holds more than one file's.
struct FindingsByFile {
    private let result: CheckResult
    private let includingAccepted: Bool
    /// Diagnostics by file, and those files in path order.
    private let diagnostics: [String: [Diagnostic]]
    private let diagnosticFiles: [String]

    /// - Parameter includingAccepted: whether gaps a suppression or a
    ///   baseline accepts are findings too.
    init(_ result: CheckResult, includingAccepted: Bool) {
        self.result = result
        self.includingAccepted = includingAccepted
        diagnostics = Dictionary(grouping: result.diagnostics, by: \.location.file)
        diagnosticFiles = diagnostics.keys.sorted()
    }

    /// Calls `body` with each file that has findings, and each of `alsoFiles`
    /// (with none, when it has none), in path order, with the file's findings
    /// in report order: one walk of the gaps.
    func forEachFile(alsoFiles: [String] = [], _ body: (String, [Finding]) -> Void) {
        var pending = Array(Set(diagnosticFiles + alsoFiles)).sorted()[...]
        var current: String?
        var gaps: [Finding] = []
        func flush(upTo file: String?) {
            // Files with diagnostics only, or none, that come first.
            while let next = pending.first, file.map({ next < $0 }) ?? true {
                pending.removeFirst()
                body(next, (diagnostics[next] ?? []).map(Finding.diagnostic))
            }
        }
        func finish() {
            guard let file = current else { return }
            if pending.first == file { pending.removeFirst() }
            body(file, (diagnostics[file] ?? []).map(Finding.diagnostic) + gaps)
            gaps = []
        }
        for gap in result.gaps where includingAccepted || gap.isOpen {
            let file = gap.location.file
            if file != current {
                finish()
                flush(upTo: file)
                current = file
            }
            gaps.append(.gap(gap))
        }
        finish()
        flush(upTo: nil)
    }

    /// `findings` by line and column, in report order where they share a
    /// position: how a reader goes through a file.
    static func inLineOrder(_ findings: [Finding]) -> [Finding] {
        let positions = findings.map(\.location.position)
        return findings.indices.sorted { (positions[$0], $0) < (positions[$1], $1) }.map { findings[$0] }
    }
}
