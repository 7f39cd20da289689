/// Arguments read against a ``CommandSpec``, each option's value already
/// converted to its type.
///
/// ```swift
/// let format = arguments[CheckCommand.format]   // a Format: given, or the default
/// let output = arguments[CheckCommand.output]   // a String, or nil when not given
/// ```
struct ParsedArguments: Sendable {
    /// The last value given for each option, by option name.
    private(set) var values: [String: any Sendable] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []

    /// The names of the options given.
    var givenOptions: Set<String> { Set(values.keys) }

    mutating func set(_ value: any Sendable, for option: OptionSpec) {
        values[option.name] = value
    }

    /// The value given for `option`, or its default.
    subscript<Value>(option: Option<Value>) -> Value {
        values[option.spec.name].flatMap { $0 as? Value } ?? option.defaultValue
    }

    subscript(flag: Flag) -> Bool { flags.contains(flag.spec.name) }
}
