import Foundation

/// The command's window on the outside world, apart from files: where text
/// goes, whether that is a terminal, the environment variables, and the
/// folder it runs in. Tests give their own to capture what a run prints.
public struct CommandIO: Sendable {
    public var writeOutput: @Sendable (String) -> Void
    /// Standard output for a report's chunks, which are bytes already: they
    /// go out as they are, with no trip through `String`. By default, as text
    /// to `writeOutput`.
    public var writeOutputBytes: @Sendable ([UInt8]) -> Void
    public var writeError: @Sendable (String) -> Void
    /// Whether standard output is a terminal (colours are for terminals only).
    public var outputIsTerminal: Bool
    public var environment: [String: String]
    public var workingDirectory: String

    public init(
        writeOutput: @escaping @Sendable (String) -> Void,
        writeError: @escaping @Sendable (String) -> Void,
        outputIsTerminal: Bool,
        environment: [String: String],
        workingDirectory: String,
        writeOutputBytes: (@Sendable ([UInt8]) -> Void)? = nil
    ) {
        self.writeOutput = writeOutput
        self.writeOutputBytes = writeOutputBytes ?? { writeOutput(String(decoding: $0, as: UTF8.self)) }
        self.writeError = writeError
        self.outputIsTerminal = outputIsTerminal
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    /// The real process: standard output and error, `isatty`, the environment.
    public static var process: CommandIO {
        CommandIO(
            writeOutput: { DescriptorWriter(STDOUT_FILENO).write($0) },
            writeError: { FileHandle.standardError.write(Data($0.utf8)) },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1,
            environment: ProcessInfo.processInfo.environment,
            workingDirectory: FileManager.default.currentDirectoryPath,
            writeOutputBytes: { bytes in bytes.withUnsafeBufferPointer { DescriptorWriter(STDOUT_FILENO).write($0) } }
        )
    }

    /// Colours only on a terminal, never with `NO_COLOR` set (https://no-color.org)
    /// or a dumb terminal, unless asked for with `--color always`.
    func usesColor(_ choice: ColorChoice) -> Bool {
        switch choice {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}
