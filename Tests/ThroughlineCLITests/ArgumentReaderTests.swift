import Testing
@testable import ThroughlineCLI

@Suite("Reading arguments")
struct ArgumentReaderTests {
    static let spec = CommandSpec(
        name: "demo",
        abstract: "A command for tests.",
        options: [
            OptionSpec("format", short: "f", value: "FORMAT", help: "Output format.", choices: ["text", "json"], defaultValue: "text"),
            OptionSpec("output", short: "o", value: "FILE", help: "Where to write."),
        ],
        flags: [FlagSpec("force", help: "Overwrite.")],
        positionals: PositionalSpec(name: "PATH", help: "Paths.", repeating: true)
    )

    @Test("Options with a separate value, with '=', and by their short name")
    func options() throws {
        let parsed = try ArgumentReader.read(["--format", "json", "--output=report.json", "a", "-f", "text", "b"], spec: Self.spec)
        #expect(parsed.value("format") == "text")
        #expect(parsed.value("output") == "report.json")
        #expect(parsed.positionals == ["a", "b"])
        #expect(!parsed.isSet("force"))
    }

    @Test("Flags, and '--' ending the options so a path may start with '-'")
    func flagsAndTerminator() throws {
        let parsed = try ArgumentReader.read(["--force", "--", "-odd-name", "--format"], spec: Self.spec)
        #expect(parsed.isSet("force"))
        #expect(parsed.positionals == ["-odd-name", "--format"])
        #expect(parsed.options.isEmpty)
    }

    @Test("Mistakes, with what was expected", arguments: [
        (["--fromat", "json"], "unknown option '--fromat' for demo; did you mean '--format'?"),
        (["--format", "jsn"], "--format does not accept 'jsn'; did you mean 'json'?; choose one of: text, json"),
        (["--format", "xml"], "--format does not accept 'xml'; choose one of: text, json"),
        (["--output"], "--output needs a value (FILE)"),
        (["--force=yes"], "--force takes no value"),
        (["-x"], "unknown option '-x' for demo"),
    ])
    func mistakes(arguments: [String], message: String) {
        #expect(throws: ArgumentError(message: message, command: "demo")) {
            try ArgumentReader.read(arguments, spec: Self.spec)
        }
    }

    @Test("Positional counts: required, and one at most when not repeating")
    func positionalCounts() {
        let single = CommandSpec(name: "one", abstract: "", positionals: PositionalSpec(name: "FILE", help: "", repeating: false, required: true))
        #expect(throws: ArgumentError(message: "one needs FILE", command: "one")) { try ArgumentReader.read([], spec: single) }
        #expect(throws: ArgumentError(message: "one takes one FILE, not 2: a b", command: "one")) { try ArgumentReader.read(["a", "b"], spec: single) }
        let none = CommandSpec(name: "none", abstract: "")
        #expect(throws: ArgumentError(message: "none takes no argument like 'a'", command: "none")) { try ArgumentReader.read(["a"], spec: none) }
    }

    @Test("Help is printed from the same declaration")
    func help() {
        let text = HelpText.render(Self.spec)
        #expect(text.hasPrefix("OVERVIEW: A command for tests.\n"))
        #expect(text.contains("USAGE: throughline demo [--format <FORMAT>] [--output <FILE>] [--force] [<path> ...]"))
        #expect(text.contains("  -f, --format <FORMAT>       Output format. (text, json) [default: text]"))
        #expect(text.contains("  --force                     Overwrite."))
        #expect(text.contains("  PATH ...                    Paths."))
    }
}
