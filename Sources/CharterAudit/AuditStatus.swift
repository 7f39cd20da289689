import JourneyModel

/// How a segment, a channel, a marker or a journey stands against the
/// charter: from the severity of its open gaps first, the score second.
///
/// A score is an average, so one broken error-level promise among many
/// kept ones still scores 97%: the status never lets that read as fine.
///
/// | status | when |
/// | --- | --- |
/// | `broken` | an open gap of an error-level marker, whatever the score |
/// | `at-risk` | otherwise, an open warning-level gap, or a score below ``scoreThreshold`` |
/// | `watch` | otherwise, only info-level gaps open |
/// | `kept` | no open gap |
///
/// ```swift
/// AuditStatus(worstOpen: .error, score: 97.5)   // .broken
/// AuditStatus(worstOpen: .info, score: 85)      // .atRisk
/// AuditStatus(worstOpen: nil, score: 100)       // .kept
/// ```
public enum AuditStatus: String, Sendable, CaseIterable, Comparable {
    case broken
    case atRisk = "at-risk"
    case watch
    case kept

    /// Below this score, a segment without error-level gaps is at risk.
    public static let scoreThreshold = 90.0

    public init(worstOpen: Severity?, score: Double?) {
        switch worstOpen {
        case .error: self = .broken
        case .warning: self = .atRisk
        case .info, nil:
            if let score, score < Self.scoreThreshold {
                self = .atRisk
            } else {
                self = worstOpen == nil ? .kept : .watch
            }
        }
    }

    /// `charter broken`, `at risk`, `to watch`, `on charter`: what a report prints.
    public var label: String {
        switch self {
        case .broken: "charter broken"
        case .atRisk: "at risk"
        case .watch: "to watch"
        case .kept: "on charter"
        }
    }

    /// Worst first: `broken` is the least.
    public var rank: Int {
        switch self {
        case .broken: 0
        case .atRisk: 1
        case .watch: 2
        case .kept: 3
        }
    }

    public static func < (lhs: AuditStatus, rhs: AuditStatus) -> Bool { lhs.rank < rhs.rank }

    /// The rule in one sentence, for legends and help.
    public static let rule = "Status comes from the severity of open gaps first, the score second: "
        + "an open error-level gap is \"charter broken\" whatever the score; otherwise an open warning-level gap, "
        + "or a score below 90%, is \"at risk\"; only info-level gaps are \"to watch\"; no open gap is \"on charter\"."
}

/// Open gaps counted by severity.
public struct SeverityCounts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0

    public init(errors: Int = 0, warnings: Int = 0, infos: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.infos = infos
    }

    public mutating func add(_ severity: Severity) {
        switch severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
    }

    public subscript(severity: Severity) -> Int {
        switch severity {
        case .error: errors
        case .warning: warnings
        case .info: infos
        }
    }

    public var total: Int { errors + warnings + infos }

    /// The worst severity counted, nil when none.
    public var worst: Severity? { Severity.worstFirst.first { self[$0] > 0 } }
}
