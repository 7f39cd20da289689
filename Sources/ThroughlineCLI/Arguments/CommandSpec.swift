/// What a command accepts, declared once: the parser reads arguments with
/// it and the help text is printed from it, so the two never disagree.
///
/// ```swift
/// static let format = Option.choice("format", short: "f", help: "Output format.", default: Format.text)
/// static let spec = CommandSpec(
///     name: "check", abstract: "Check journeys against their brand's charter.",
///     options: [format.spec],
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
/// Commands declare an ``Option``, which makes this and reads the value back typed.
struct OptionSpec: Sendable {
    var name: String
    var short: Character?
    var valueName: String
    var help: String
    /// The accepted values, when the set is closed (formats, severities).
    var choices: [String]?
    /// The default as the help text shows it.
    var defaultValue: String?
    /// The value for the text given; nil when the text is not one.
    var parse: @Sendable (String) -> (any Sendable)?

    init(
        _ name: String, short: Character? = nil, value: String, help: String, choices: [String]? = nil, defaultValue: String? = nil,
        parse: @escaping @Sendable (String) -> (any Sendable)? = { $0 }
    ) {
        self.name = name
        self.short = short
        self.valueName = value
        self.help = help
        self.choices = choices
        self.defaultValue = defaultValue
        self.parse = parse
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
