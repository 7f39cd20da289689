/// Why the command line could not be read. Always exit code 2, with a
/// message that says what was expected and, where one is close, what was
/// probably meant.
struct ArgumentError: Error, Sendable, Equatable, CustomStringConvertible {
    var message: String
    /// The command whose usage to print after the message.
    var command: String?

    var description: String { message }
}
