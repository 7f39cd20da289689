import JourneyModel

/// ANSI styling for the text format, or none at all. The command line
/// decides (a terminal, no `NO_COLOR`); reporters only apply it.
public struct TerminalStyle: Sendable {
    public let isEnabled: Bool

    public init(colors: Bool) {
        isEnabled = colors
    }

    public static let plain = TerminalStyle(colors: false)

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    public func yellow(_ text: String) -> String { wrap(text, "1;33") }
    public func blue(_ text: String) -> String { wrap(text, "1;34") }
    public func green(_ text: String) -> String { wrap(text, "1;32") }

    /// `error:` in red, `warning:` in yellow, `info:` in blue: how the text
    /// formats mark a severity, as compilers do.
    func label(_ severity: Severity) -> String {
        switch severity {
        case .error: red("error:")
        case .warning: yellow("warning:")
        case .info: blue("info:")
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        isEnabled ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
