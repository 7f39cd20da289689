import Foundation
import Testing

@Suite("The examples in --help")
struct HelpExampleTests {
    static let commands = ["check", "audit", "explain", "schema", "import", "conform"]

    /// The lines under `EXAMPLES:` in a command's help, as printed.
    static func examples(of command: String) throws -> [String] {
        let help = try ToolRunner.run(["help", command]).output
        guard let section = help.range(of: "\nEXAMPLES:\n") else { return [] }
        return help[section.upperBound...].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    @Test("Every example runs as written in a copy of the bundled workspace", arguments: commands)
    func examplesRun(command: String) throws {
        let examples = try Self.examples(of: command)
        #expect(!examples.isEmpty, "help \(command) shows no example")
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["Brands", "Journeys", "Observations"] {
            try FileManager.default.copyItem(
                at: ToolRunner.repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name)
            )
        }
        // The inventory the import example names.
        try Fixtures.write(
            "journey,touchpoint,stage,channel\nwelcome-call,call,receive,phone\n", to: folder.appendingPathComponent("inventory.csv")
        )
        // In order: an example may use what the one before wrote (a baseline).
        for example in examples {
            let words = example.split(separator: " ").map(String.init)
            #expect(words.first == "throughline", "\(example)")
            let outcome = try ToolRunner.run(Array(words.dropFirst()), in: folder)
            #expect(outcome.status != 2, "\(example) exited 2: \(outcome.error)")
            #expect(!outcome.error.contains("error:"), "\(example): \(outcome.error)")
        }
    }
}
