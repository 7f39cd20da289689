import Foundation
import JourneyModel

/// The `throughline` command line: dispatches to a command and returns the
/// exit code. Everything it prints goes through ``CommandIO``.
///
/// ```swift
/// let code = await Throughline.run(["check", "--format", "json"], io: .process)
/// ```
public enum Throughline {
    public static let version = "0.1.0"

    static let commands: [(spec: CommandSpec, run: @Sendable (ParsedArguments, CommandIO) async -> ExitCode)] = [
        (CheckCommand.spec, CheckCommand.run),
        (AuditCommand.spec, AuditCommand.run),
        (ExplainCommand.spec, ExplainCommand.run),
        (SchemaCommand.spec, SchemaCommand.run),
        (ImportCommand.spec, ImportCommand.run),
        (ConformCommand.spec, ConformCommand.run),
        (ReviewCommand.spec, ReviewCommand.run),
    ]

    public static func run(_ arguments: [String], io: CommandIO) async -> Int32 {
        await dispatch(arguments, io: io).rawValue
    }

    static func dispatch(_ arguments: [String], io: CommandIO) async -> ExitCode {
        let first = arguments.first
        switch first {
        case "--help", "-h", "help":
            let topic = arguments.dropFirst().first
            if let topic, let command = commands.first(where: { $0.spec.name == topic }) {
                io.writeOutput(HelpText.render(command.spec))
            } else {
                io.writeOutput(overview())
            }
            return .success
        case "--version":
            io.writeOutput("throughline \(version)\n")
            return .success
        default:
            break
        }
        var rest = arguments[...]
        var command = commands[0]
        if let first, let named = commands.first(where: { $0.spec.name == first }) {
            command = named
            rest = arguments.dropFirst()
        } else if let first, !first.hasPrefix("-"), !pathExists(first, io: io),
                  let suggestion = DidYouMean.closest(to: first, in: commands.map(\.spec.name)) {
            io.writeError("error: unknown command '\(first)'; did you mean '\(suggestion)'?\n\n\(usageLines())")
            return .unusableInput
        }
        let beforeTerminator = rest.prefix { $0 != "--" }
        if beforeTerminator.contains("--help") || beforeTerminator.contains("-h") {
            io.writeOutput(HelpText.render(command.spec))
            return .success
        }
        do {
            let parsed = try ArgumentReader.read(Array(rest), spec: command.spec)
            return await command.run(parsed, io)
        } catch {
            io.writeError("error: \(error.message)\nUSAGE: \(HelpText.usage(command.spec))\nSee 'throughline \(command.spec.name) --help'.\n")
            return .unusableInput
        }
    }

    private static func pathExists(_ path: String, io: CommandIO) -> Bool {
        FileManager.default.fileExists(atPath: path.hasPrefix("/") ? path : io.workingDirectory + "/" + path)
    }

    private static func usageLines() -> String {
        commands.map { "  \(HelpText.usage($0.spec))" }.joined(separator: "\n") + "\n"
    }

    static func overview() -> String {
        """
        OVERVIEW: Audit multichannel customer journeys against a brand's relational identity charter.

        USAGE: throughline [<command>] [<options>] [<path> ...]

        With no command, runs `check` on ./Brands and ./Journeys.

        COMMANDS:
        \(commands.map { "  \($0.spec.name.padding(toLength: 10, withPad: " ", startingAt: 0))\($0.spec.abstract)" }.joined(separator: "\n"))

        OPTIONS:
          --version               Show the version.
          -h, --help              Show help information.

          See 'throughline help <command>' for a command's options.

        """
    }
}
