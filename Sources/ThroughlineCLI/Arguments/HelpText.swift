/// Help printed from a ``CommandSpec``: usage, options with their values
/// and defaults, examples.
enum HelpText {
    static func render(_ spec: CommandSpec, toolName: String = "throughline") -> String {
        var lines: [String] = []
        lines.append("OVERVIEW: \(spec.abstract)")
        if !spec.discussion.isEmpty {
            lines.append("")
            lines.append(spec.discussion)
        }
        lines.append("")
        lines.append("USAGE: \(usage(spec, toolName: toolName))")
        if let positional = spec.positionals {
            lines.append("")
            lines.append("ARGUMENTS:")
            lines.append(row(positional.name + (positional.repeating ? " ..." : ""), positional.help))
        }
        lines.append("")
        lines.append("OPTIONS:")
        for option in spec.options {
            var help = option.help
            if let choices = option.choices { help += " (\(choices.joined(separator: ", ")))" }
            if let defaultValue = option.defaultValue { help += " [default: \(defaultValue)]" }
            let short = option.short.map { "-\($0), " } ?? ""
            lines.append(row("\(short)--\(option.name) <\(option.valueName)>", help))
        }
        for flag in spec.flags {
            let short = flag.short.map { "-\($0), " } ?? ""
            lines.append(row("\(short)--\(flag.name)", flag.help))
        }
        lines.append(row("-h, --help", "Show help information."))
        if !spec.examples.isEmpty {
            lines.append("")
            lines.append("EXAMPLES:")
            lines += spec.examples.map { "  \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func usage(_ spec: CommandSpec, toolName: String = "throughline") -> String {
        var parts = [toolName, spec.name]
        parts += spec.options.map { "[--\($0.name) <\($0.valueName)>]" }
        parts += spec.flags.map { "[--\($0.name)]" }
        if let positional = spec.positionals {
            let name = "<\(positional.name.lowercased())>" + (positional.repeating ? " ..." : "")
            parts.append(positional.required ? name : "[\(name)]")
        }
        return parts.joined(separator: " ")
    }

    /// `  --format <FORMAT>       Output format.` with the help aligned.
    private static func row(_ left: String, _ right: String) -> String {
        let padded = left.count < 28 ? left + String(repeating: " ", count: 28 - left.count) : left + "\n" + String(repeating: " ", count: 30)
        return "  \(padded)\(right)"
    }
}
