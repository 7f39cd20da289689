/// What a command accepts, declared once: the parser reads arguments with
/// it and the help text is printed from it, so the two never disagree.
///
/// ```swift
/// let spec = CommandSpec(
///     name: "check", abstract: "Check journeys against their brand's charter.",
///     options: [.init("format", value: "FORMAT", help: "Output format.", choices: ["text", "json"])],
///     flags: [.init("quiet", help: "Print only the summary.")],
///     positionals: .init(name: "PATH", help: "Files or folders.", repeating: true)
/// )
/// ```
struct CommandSpec: Sendable {
    var name: String
    var abstract: String
    var discussion: String = ""
    var options: [OptionSpec] = []
    var flags: [FlagSpec] = []
    var positionals: PositionalSpec?
    var examples: [String] = []
}

/// `--name VALUE` (or `--name=VALUE`), optionally with a one-letter alias.
struct OptionSpec: Sendable {
    var name: String
    var short: Character?
    var valueName: String
    var help: String
    /// The accepted values, when the set is closed (formats, severities).
    var choices: [String]?
    var defaultValue: String?

    init(_ name: String, short: Character? = nil, value: String, help: String, choices: [String]? = nil, defaultValue: String? = nil) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.choices = choices
        self.defaultValue = defaultValue
    }
}

/// `--name`, a switch with no value.
struct FlagSpec: Sendable {
    var name: String
    var short: Character?
    var help: String

    init(_ name: String, short: Character? = nil, help: String) {
        self.name = name
        self.short = short
        self.help = help
    }
}

/// The arguments that are not options: paths, a marker id.
struct PositionalSpec: Sendable {
    var name: String
    var help: String
    var repeating: Bool
    var required: Bool = false
}
