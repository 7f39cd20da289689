/// The exit codes CI pipelines rely on.
public enum ExitCode: Int32, Sendable {
    /// Nothing at or above the failing severity.
    case success = 0
    /// Gaps (or other findings) at or above the failing severity.
    case findings = 1
    /// Unusable input: unreadable or malformed files, unknown brand, bad arguments.
    case unusableInput = 2
}
