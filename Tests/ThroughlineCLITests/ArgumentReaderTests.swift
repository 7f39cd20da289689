import Testing
@testable import ThroughlineCLI

@Suite("Reading arguments")
struct ArgumentReaderTests {
    enum Format: String, CaseIterable, Sendable { case text, json }

    static let format: Option<Format> = .choice("format", short: "f", help: "Output format.", default: .text)
    static let output: Option<String?> = .text("output", short: "o", value: "FILE", help: "Where to write.")
    static let brands: Option<String> = .text("brands", value: "PATH", help: "Where brands are.", default: "Brands")
    static let force = Flag("force", help: "Overwrite.")

    static let spec = CommandSpec(
        name: "demo",
        abstract: "A command for tests.",
        options: [format.spec, output.spec],
        flags: [force.spec],
        positionals: PositionalSpec(name: "PATH", help: "Paths.", repeating: true)
    )

    @Test("Options with a separate value, with '=', and by their short name; the last one given wins")
    func options() throws {
        let parsed = try ArgumentReader.read(["--format", "json", "--output=report.json", "a", "-f", "text", "b"], spec: Self.spec)
        #expect(parsed[Self.format] == .text)
        #expect(parsed[Self.output] == "report.json")
        #expect(parsed.positionals == ["a", "b"])
        #expect(!parsed[Self.force])
        #expect(parsed.givenOptions == ["format", "output"])
    }

    @Test("Options not given read as their default, or nil")
    func defaults() throws {
        let withBrands = CommandSpec(name: "demo", abstract: "", options: [Self.format.spec, Self.output.spec, Self.brands.spec])
        let none = try ArgumentReader.read([], spec: withBrands)
        #expect(none[Self.format] == .text)
        #expect(none[Self.output] == nil)
        #expect(none[Self.brands] == "Brands")
        let given = try ArgumentReader.read(["--format=json", "--brands", "Elsewhere"], spec: withBrands)
        #expect(given[Self.format] == .json)
        #expect(given[Self.brands] == "Elsewhere")
    }

    @Test("Choices listed in the order given, and only those are accepted")
    func restrictedChoices() throws {
        let severity: Option<DemoSeverity> = .choice("fail-on", help: "", default: .high, choices: [.high, .low])
        #expect(severity.spec.choices == ["high", "low"])
        #expect(severity.spec.valueName == "FAIL-ON")
        #expect(severity.spec.defaultValue == "high")
        let spec = CommandSpec(name: "demo", abstract: "", options: [severity.spec])
        #expect(try ArgumentReader.read(["--fail-on", "low"], spec: spec)[severity] == .low)
        #expect(throws: ArgumentError(message: "--fail-on does not accept 'middle'; choose one of: high, low", command: "demo")) {
            try ArgumentReader.read(["--fail-on", "middle"], spec: spec)
        }
    }

    enum DemoSeverity: String, CaseIterable, Sendable { case low, middle, high }

    @Test("Flags, and '--' ending the options so a path may start with '-'")
    func flagsAndTerminator() throws {
        let parsed = try ArgumentReader.read(["--force", "--", "-odd-name", "--format"], spec: Self.spec)
        #expect(parsed[Self.force])
        #expect(parsed.positionals == ["-odd-name", "--format"])
        #expect(parsed.givenOptions.isEmpty)
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
