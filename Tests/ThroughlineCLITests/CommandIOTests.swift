import Synchronization
import Testing
@testable import ThroughlineCLI

/// Captures what a command prints, for running the command line in-process.
final class Transcript: Sendable {
    private let output = Mutex("")
    private let error = Mutex("")

    var printed: String { output.withLock { $0 } }
    var errors: String { error.withLock { $0 } }

    func io(terminal: Bool = false, environment: [String: String] = [:], folder: String = "/") -> CommandIO {
        CommandIO(
            writeOutput: { text in self.output.withLock { $0 += text } },
            writeError: { text in self.error.withLock { $0 += text } },
            outputIsTerminal: terminal, environment: environment, workingDirectory: folder
        )
    }
}

@Suite("Terminal and dispatch")
struct CommandIOTests {
    @Test("Colours: on a terminal only, never with NO_COLOR or TERM=dumb, unless asked", arguments: [
        (true, [String: String](), ColorChoice.auto, true),
        (false, [:], .auto, false),
        (true, ["NO_COLOR": "1"], .auto, false),
        (true, ["NO_COLOR": ""], .auto, true),
        (true, ["TERM": "dumb"], .auto, false),
        (false, ["NO_COLOR": "1"], .always, true),
        (true, [:], .never, false),
    ])
    func colours(terminal: Bool, environment: [String: String], choice: ColorChoice, expected: Bool) {
        #expect(Transcript().io(terminal: terminal, environment: environment).usesColor(choice) == expected)
    }

    @Test("--version and --help print and exit 0")
    func versionAndHelp() async {
        let transcript = Transcript()
        #expect(await Throughline.run(["--version"], io: transcript.io()) == 0)
        #expect(transcript.printed == "throughline \(Throughline.version)\n")
        let help = Transcript()
        #expect(await Throughline.run(["help"], io: help.io()) == 0)
        #expect(help.printed.contains("With no command, runs `check` on ./Brands and ./Journeys."))
    }

    @Test("A command's --help wins over its other arguments")
    func commandHelp() async {
        let transcript = Transcript()
        #expect(await Throughline.run(["audit", "--format", "nonsense", "--help"], io: transcript.io()) == 0)
        #expect(transcript.printed.hasPrefix("OVERVIEW: Report, per customer segment"))
    }

    @Test("An unknown option exits 2 with the command's usage")
    func unknownOption() async {
        let transcript = Transcript()
        #expect(await Throughline.run(["audit", "--segmnt", "x"], io: transcript.io()) == 2)
        #expect(transcript.errors.hasPrefix("error: unknown option '--segmnt' for audit; did you mean '--segment'?\nUSAGE: throughline audit"))
        #expect(transcript.printed.isEmpty)
    }

    @Test("A word close to a command name is taken for a mistyped command, not a path")
    func mistypedCommand() async {
        let transcript = Transcript()
        #expect(await Throughline.run(["explian", "x"], io: transcript.io(folder: "/nonexistent-folder")) == 2)
        #expect(transcript.errors.hasPrefix("error: unknown command 'explian'; did you mean 'explain'?"))
    }

    @Test("Exit codes follow the findings")
    func exitCodes() {
        #expect(ExitCode.success.rawValue == 0)
        #expect(ExitCode.findings.rawValue == 1)
        #expect(ExitCode.unusableInput.rawValue == 2)
    }
}
