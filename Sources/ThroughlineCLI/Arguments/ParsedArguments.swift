/// Arguments read against a ``CommandSpec``.
struct ParsedArguments: Sendable, Equatable {
    /// The last value given for each option, by option name.
    var options: [String: String] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    func value(_ option: String) -> String? { options[option] }

    func isSet(_ flag: String) -> Bool { flags.contains(flag) }
}
