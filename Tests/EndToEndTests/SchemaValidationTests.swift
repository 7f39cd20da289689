import Foundation
import Testing

/// The reports CI servers read, checked against the schemas those servers
/// check them against: SARIF against the OASIS 2.1.0 JSON schema (with
/// Python's `jsonschema`), JUnit against Jenkins' `junit-10.xsd` (with
/// `xmllint`). The schemas are reference copies kept beside the repository
/// (`../shared/schemas`, or the folder `THROUGHLINE_SCHEMAS` names); each
/// test is skipped, saying why, when its schema or its validator is absent.
@Suite("Reports valid for their schemas, end to end")
struct SchemaValidationTests {
    /// Where the schema copies are, if anywhere.
    static let schemas: URL? = {
        let environment = ProcessInfo.processInfo.environment["THROUGHLINE_SCHEMAS"]
        let folder = environment.map { URL(fileURLWithPath: $0) }
            ?? ToolRunner.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas")
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    static func schema(_ name: String) -> URL? {
        guard let url = schemas?.appendingPathComponent(name), FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    static let sarifSchema = schema("sarif-schema-2.1.0.json")
    static let junitSchema = schema("junit-10.xsd")

    /// The first executable of that name on `PATH`.
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let xmllint = executable("xmllint")
    /// `python3`, when it can import `jsonschema`.
    static let python: URL? = {
        guard let python = executable("python3"), (try? run(python, ["-c", "import jsonschema"]).status) == 0 else { return nil }
        return python
    }()

    static func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Writes `check` in `format` on the bundled examples to a file, and gives its path.
    func report(_ format: String, _ extra: [String] = [], in folder: URL) throws -> URL {
        let file = folder.appendingPathComponent("report.\(format)")
        let outcome = try ToolRunner.run(["check", "--format", format, "--output", file.path] + extra)
        #expect(outcome.status == 1, "\(outcome.error)")
        return file
    }

    /// Checks every error the schema finds, listed with its place in the log.
    static let sarifValidator = """
    import json, sys
    from jsonschema import Draft4Validator
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    errors = 0
    for path in sys.argv[2:]:
        log = json.load(open(path, encoding="utf-8"))
        for error in Draft4Validator(schema).iter_errors(log):
            errors += 1
            print(path, "/".join(str(part) for part in error.absolute_path), error.message[:300])
        if not log["runs"][0]["results"]:
            print(path, "has no results: nothing was validated")
            errors += 1
    sys.exit(1 if errors else 0)
    """

    @Test(
        "SARIF of the bundled examples validates against the OASIS 2.1.0 schema, with and without a baseline",
        .enabled(if: sarifSchema != nil, "the SARIF schema copy is absent: set THROUGHLINE_SCHEMAS or put it in ../shared/schemas"),
        .enabled(if: python != nil, "python3 with jsonschema is absent (pip install jsonschema)")
    )
    func sarif() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = try report("sarif", in: folder)
        // A baseline of every gap but one: accepted gaps are results with an external suppression.
        let baseline = folder.appendingPathComponent("baseline.json")
        #expect(try ToolRunner.run(["check", "--write-baseline", baseline.path]).status == 0)
        var entries = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: baseline)) as? [String: Any])
        var gaps = try #require(entries["gaps"] as? [Any])
        gaps.removeFirst()
        entries["gaps"] = gaps
        try JSONSerialization.data(withJSONObject: entries).write(to: baseline)
        let withBaseline = folder.appendingPathComponent("baseline.sarif")
        let outcome = try ToolRunner.run(["check", "--format", "sarif", "--baseline", baseline.path, "--output", withBaseline.path])
        #expect(outcome.status == 1, "\(outcome.error)")
        let script = folder.appendingPathComponent("validate.py")
        try Self.sarifValidator.write(to: script, atomically: true, encoding: .utf8)
        let python = try #require(Self.python), schema = try #require(Self.sarifSchema)
        let validation = try Self.run(python, [script.path, schema.path, plain.path, withBaseline.path])
        #expect(validation.status == 0, "\(validation.output)")
    }

    @Test(
        "JUnit of the bundled examples validates against Jenkins' junit-10.xsd, for every --fail-on",
        .enabled(if: junitSchema != nil, "the JUnit schema copy is absent: set THROUGHLINE_SCHEMAS or put it in ../shared/schemas"),
        .enabled(if: xmllint != nil, "xmllint is absent (apt-get install libxml2-utils)"),
        arguments: ["error", "warning", "info"]
    )
    func junit(failOn: String) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try report("junit", ["--fail-on", failOn], in: folder)
        let xmllint = try #require(Self.xmllint), schema = try #require(Self.junitSchema)
        let validation = try Self.run(xmllint, ["--noout", "--schema", schema.path, file.path])
        #expect(validation.status == 0, "\(validation.output)")
        #expect(validation.output.contains("validates"), "\(validation.output)")
    }
}
