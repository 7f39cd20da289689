import JourneyModel

/// How much a check counts in a score, by the severity of its marker: an
/// error-level promise kept or broken weighs three times an info-level one.
///
/// A score is the weighted share of applicable checks that are met:
/// `Σ weight × met / Σ weight × applicable`.
public struct SeverityWeights: Sendable, Equatable {
    public var error: Int
    public var warning: Int
    public var info: Int

    public init(error: Int = 3, warning: Int = 2, info: Int = 1) {
        self.error = error
        self.warning = warning
        self.info = info
    }

    public static let standard = SeverityWeights()

    public subscript(severity: Severity) -> Int {
        switch severity {
        case .error: error
        case .warning: warning
        case .info: info
        }
    }
}
