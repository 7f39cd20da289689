import JourneyModel

/// How many gaps a check found: open ones by severity, and accepted ones.
public struct GapCounts: Sendable, Equatable {
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Accepted by a suppression or a baseline.
    public var accepted = 0

    public init() {}

    public mutating func count(_ gap: Gap) {
        guard gap.isOpen else {
            accepted += 1
            return
        }
        switch gap.severity {
        case .error: errors += 1
        case .warning: warnings += 1
        case .info: infos += 1
        }
    }

    public var open: Int { errors + warnings + infos }
}
