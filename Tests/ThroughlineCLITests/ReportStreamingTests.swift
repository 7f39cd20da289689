import Foundation
import Testing

/// Large reports leave the command line in chunks while they are written:
/// what arrives must be the same report, whether on standard output or in
/// an `--output` file.
@Suite("Reports written as they are made")
struct ReportStreamingTests {
    /// Two journeys of 1,000 touchpoints that each miss the warm tone: a
    /// report of several hundred kilobytes in every format, in two files.
    static func largeWorkspace() throws -> TemporaryWorkspace {
        func journey(_ id: String) -> String {
            let touchpoints = (0..<1000).map { Fixture.touchpoint("\(id)\($0)", experience: #""tone": "neutral""#) }
            return Fixture.journey(id, touchpoints: touchpoints.joined(separator: ",\n"))
        }
        return try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/a.journey.jsonc": journey("a"),
            "Journeys/b.journey.jsonc": journey("b"),
        ])
    }

    static let chunk = 1 << 16

    /// The formats written line by line or value by value: they reach the
    /// output in chunks of 64 KiB.
    static let streamed: Set<[String]> = [
        ["check"], ["check", "--format", "json"], ["check", "--format", "sarif"], ["check", "--format", "junit"],
        ["check", "--format", "github"], ["check", "--format", "csv"], ["check", "--format", "html"],
        ["audit", "--format", "json"], ["audit"], ["audit", "--format", "csv"],
    ]

    /// Written a block at a time: Markdown a file's table (check) or a
    /// table or list of a segment (audit); the audit's HTML has lines of
    /// tens of kilobytes (a journey's route or swimlane).
    static let inBlocks: Set<[String]> = [
        ["check", "--format", "markdown"], ["audit", "--format", "markdown"], ["audit", "--format", "html"],
    ]

    @Test(
        "standard output gets a streamed report in 64 KiB chunks, and --output gets the same bytes in every format",
        arguments: [
            ["check"], ["check", "--format", "json"], ["check", "--format", "sarif"], ["check", "--format", "junit"],
            ["check", "--format", "github"], ["check", "--format", "csv"], ["check", "--format", "markdown"], ["check", "--format", "html"],
            ["audit", "--format", "json"], ["audit"], ["audit", "--format", "markdown"], ["audit", "--format", "html"],
            ["audit", "--format", "csv"],
        ]
    )
    func chunked(_ command: [String]) async throws {
        let workspace = try Self.largeWorkspace()
        let printed = await workspace.run(command)
        #expect(printed.code == (command[0] == "check" ? 1 : 0), "\(printed)")
        #expect(printed.output.utf8.last == UInt8(ascii: "\n"), "ends with a line break (CRLF for CSV)")
        if Self.streamed.contains(command) {
            #expect(printed.output.utf8.count > 2 * Self.chunk, "a report larger than a few chunks: \(printed.output.utf8.count) bytes")
            // Every write but the last is a full chunk, a little more at most.
            #expect(printed.outputWrites.count > 2, "\(printed.outputWrites)")
            #expect(printed.outputWrites.dropLast().allSatisfy { $0 >= Self.chunk && $0 < Self.chunk + 4096 }, "\(printed.outputWrites)")
        } else if Self.inBlocks.contains(command) {
            // Each write a full chunk or one block larger than a chunk, and
            // never the whole report in one piece (here it has two files).
            #expect(printed.output.utf8.count > 2 * Self.chunk, "a report larger than a few chunks: \(printed.output.utf8.count) bytes")
            #expect(printed.outputWrites.count > 2, "\(printed.outputWrites)")
            #expect(printed.outputWrites.dropLast().allSatisfy { $0 >= Self.chunk }, "\(printed.outputWrites)")
            #expect((printed.outputWrites.max() ?? 0) < printed.output.utf8.count, "\(printed.outputWrites)")
        } else {
            #expect(printed.outputWrites.count == 1, "\(printed.outputWrites)")
        }

        try workspace.makeFolder("reports")
        let written = await workspace.run(command + ["--output", "reports/report.out"])
        // Standard output gets nothing; standard error one line, so that a
        // CI log still shows the outcome.
        let log = command[0] == "check"
            ? "2000 errors, 0 warnings, 0 infos in 3 files (2 journeys, 2000 touchpoints)\n"
            : "wrote reports/report.out: 1 segment, lowest score 0% (t/all)\n"
        #expect(written.output.isEmpty && written.error == log, "\(written)")
        let file = workspace.read("reports/report.out") ?? []
        let same = file == Array(printed.output.utf8)
        #expect(same, "the file holds exactly what standard output got: \(file.count) bytes against \(printed.output.utf8.count)")
        #expect(workspace.list("reports") == ["report.out"], "no temporary file is left")
    }

    @Test("a streamed JSON report parses and lists every gap once")
    func streamedJSONIsWhole() async throws {
        let workspace = try Self.largeWorkspace()
        let printed = await workspace.run(["check", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(printed.output.utf8)) as? [String: Any])
        let gaps = try #require(object["gaps"] as? [[String: Any]])
        #expect(gaps.count == 2000)
        #expect(Set(gaps.compactMap { $0["touchpoint"] as? String }).count == 2000)
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2000)
    }
}
