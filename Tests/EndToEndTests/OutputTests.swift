import Foundation
import Testing

/// `--output` as a CI job uses it, with the built executable.
@Suite("Output files, end to end")
struct OutputTests {
    static let summary = "3 errors, 11 warnings, 2 infos in 6 files (3 journeys, 39 touchpoints); 2 gaps accepted (suppressions or baseline)\n"

    @Test("/dev/stdout and /dev/stderr are written through, and stay what they were")
    func standardStreams() throws {
        let printed = try ToolRunner.run(["check", "--format", "json"])
        // /dev/fd/1 first: a build that replaced it would fail to (it lies
        // in /proc), where replacing /dev/stdout would harm the machine.
        let canary = try ToolRunner.run(["check", "--format", "json", "--output", "/dev/fd/1"])
        try #require(canary.status == 1 && canary.output == printed.output, "\(canary.error)")
        let before = try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout")
        let toOutput = try ToolRunner.run(["check", "--format", "json", "--output", "/dev/stdout"])
        #expect(toOutput.status == 1)
        let sameOutput = toOutput.output == printed.output
        #expect(sameOutput && toOutput.output.hasPrefix("{"), "\(toOutput.output.prefix(200))")
        #expect(toOutput.error == Self.summary)
        let toError = try ToolRunner.run(["check", "--format", "json", "--output", "/dev/stderr"])
        #expect(toError.status == 1 && toError.output.isEmpty)
        let sameError = toError.error == printed.output + Self.summary
        #expect(sameError, "\(toError.error.suffix(300))")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout") == before)
    }

    @Test("/dev/null takes the report and stays a device")
    func devNull() throws {
        // A copy of the device first: a build that replaced devices would
        // stop here rather than replace the machine's /dev/null.
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var device = stat()
        try #require(stat("/dev/null", &device) == 0)
        let copy = folder.appendingPathComponent("null").path
        try #require(mknod(copy, S_IFCHR | 0o666, device.st_rdev) == 0, "mknod needs root")
        let canary = try ToolRunner.run(["check", "--output", copy])
        var copyStatus = stat()
        try #require(canary.status == 1 && lstat(copy, &copyStatus) == 0 && copyStatus.st_mode & S_IFMT == S_IFCHR, "\(canary.error)")

        let outcome = try ToolRunner.run(["check", "--format", "sarif", "--output", "/dev/null"])
        #expect(outcome.status == 1 && outcome.output.isEmpty)
        #expect(outcome.error == Self.summary)
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test("with --output, standard error shows the summary line the text report ends with", arguments: ["text", "json", "sarif", "junit", "github", "markdown", "html", "csv"])
    func summaryInLog(_ format: String) throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try ToolRunner.run(["check"])
        let lastLine = try #require(text.output.split(separator: "\n").last)
        #expect(lastLine.hasPrefix(Self.summary.dropLast()), "\(lastLine)")
        let outcome = try ToolRunner.run(["check", "--format", format, "--output", folder.appendingPathComponent("report").path])
        #expect(outcome.status == 1 && outcome.output.isEmpty)
        #expect(outcome.error == Self.summary)
    }
}
