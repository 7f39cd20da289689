import JourneyModel

/// Reads a command's arguments against its ``CommandSpec``.
///
/// Accepts `--name VALUE`, `--name=VALUE`, `-n VALUE`, flags, positionals
/// anywhere, and `--` to end options (for a path that starts with `-`).
enum ArgumentReader {
    static func read(_ arguments: [String], spec: CommandSpec) throws(ArgumentError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var remaining = arguments[...]
        var optionsEnded = false
        while let argument = remaining.popFirst() {
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            let (name, inlineValue) = split(argument)
            if let flag = flag(named: name, in: spec) {
                guard inlineValue == nil else {
                    throw ArgumentError(message: "--\(flag.name) takes no value", command: spec.name)
                }
                parsed.flags.insert(flag.name)
            } else if let option = option(named: name, in: spec) {
                guard let value = inlineValue ?? remaining.popFirst() else {
                    throw ArgumentError(message: "--\(option.name) needs a value (\(option.valueName))", command: spec.name)
                }
                parsed.set(try typed(value, for: option, command: spec.name), for: option)
            } else {
                throw unknown(argument: argument, name: name, spec: spec)
            }
        }
        if let positional = spec.positionals {
            if positional.required, parsed.positionals.isEmpty {
                throw ArgumentError(message: "\(spec.name) needs \(positional.name)", command: spec.name)
            }
            if !positional.repeating, parsed.positionals.count > 1 {
                throw ArgumentError(message: "\(spec.name) takes one \(positional.name), not \(parsed.positionals.count): \(parsed.positionals.joined(separator: " "))", command: spec.name)
            }
        } else if let extra = parsed.positionals.first {
            throw ArgumentError(message: "\(spec.name) takes no argument like '\(extra)'", command: spec.name)
        }
        return parsed
    }

    /// `--format=json` → ("--format", "json"); `-f` → ("-f", nil).
    private static func split(_ argument: String) -> (name: String, value: String?) {
        guard argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") else { return (argument, nil) }
        return (String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
    }

    private static func flag(named name: String, in spec: CommandSpec) -> FlagSpec? {
        spec.flags.first { "--\($0.name)" == name || $0.short.map { "-\($0)" } == name }
    }

    private static func option(named name: String, in spec: CommandSpec) -> OptionSpec? {
        spec.options.first { "--\($0.name)" == name || $0.short.map { "-\($0)" } == name }
    }

    /// The option's value for `text`, or why `text` is not one.
    private static func typed(_ text: String, for option: OptionSpec, command: String) throws(ArgumentError) -> any Sendable {
        if let choices = option.choices, !choices.contains(text) {
            let hint = DidYouMean.hint(for: text, in: choices)
            throw ArgumentError(
                message: "--\(option.name) does not accept '\(text)'\(hint); choose one of: \(choices.joined(separator: ", "))",
                command: command
            )
        }
        guard let value = option.parse(text) else {
            throw ArgumentError(message: "--\(option.name) does not accept '\(text)' as \(option.valueName)", command: command)
        }
        return value
    }

    private static func unknown(argument: String, name: String, spec: CommandSpec) -> ArgumentError {
        let known = spec.options.map { "--\($0.name)" } + spec.flags.map { "--\($0.name)" } + ["--help"]
        let hint = DidYouMean.hint(for: name, in: known)
        return ArgumentError(message: "unknown option '\(argument)' for \(spec.name)\(hint)", command: spec.name)
    }
}
