/// How much a finding matters. Ordered: `info < warning < error`.
///
/// The command line fails (exit code 1) on gaps at or above a chosen
/// severity, `error` unless told otherwise.
public enum Severity: String, Sendable, CaseIterable, Comparable, CustomStringConvertible {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Worst first: the order audits and summaries list severities in.
    public static let worstFirst: [Severity] = [.error, .warning, .info]

    public var description: String { rawValue }
}
