import Foundation
import Testing

/// The built `throughline` interrupted while it writes a large report:
/// whatever the signal, the previous report is intact and no temporary file
/// is left beside it. The signal is sent once the run is seen writing (its
/// unnamed temporary file open in /proc/PID/fd, or its named one in the
/// folder), so no timing is guessed.
@Suite("Interrupted writes, end to end", .serialized)
struct InterruptionTests {
    /// The report's name in the run's folder.
    static let report = "report.sarif"
    static let previous = Array("the previous report\n".utf8)

    /// A workspace of 300 journeys: copies of the bundled ones under new
    /// ids, whose SARIF report takes a while to write.
    static func largeWorkspace() throws -> URL {
        let folder = try ToolRunner.temporaryFolder()
        let files = FileManager.default
        try files.copyItem(at: ToolRunner.repositoryRoot.appendingPathComponent("Brands"), to: folder.appendingPathComponent("Brands"))
        let journeys = folder.appendingPathComponent("Journeys")
        try files.createDirectory(at: journeys, withIntermediateDirectories: true)
        let bundled = ToolRunner.repositoryRoot.appendingPathComponent("Journeys")
        let paths = try #require(files.enumerator(atPath: bundled.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".journey.jsonc") }
        try #require(paths.count == 3, "\(paths)")
        for path in paths {
            let text = try String(contentsOf: bundled.appendingPathComponent(path), encoding: .utf8)
            let marker = "\"journey\": \""
            let idStart = try #require(text.range(of: marker)).upperBound
            let idEnd = try #require(text[idStart...].firstIndex(of: "\""))
            let id = String(text[idStart..<idEnd])
            for copy in 1...100 {
                let renamed = text.replacingCharacters(in: idStart..<idEnd, with: "\(id)-\(copy)")
                try renamed.write(to: journeys.appendingPathComponent("\(id)-\(copy).journey.jsonc"), atomically: false, encoding: .utf8)
            }
        }
        try Data(previous).write(to: folder.appendingPathComponent(report))
        return folder
    }

    /// Whether this machine can hide a process's /proc/PID/fd from it (root,
    /// util-linux `unshare`): then the O_TMPFILE file could never be named,
    /// and the command falls back to a named temporary file.
    static let canHideDescriptors: Bool = {
        #if os(Linux)
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        probe.arguments = hidingDescriptors + ["true"]
        probe.standardOutput = FileHandle.nullDevice
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
        #else
        return false
        #endif
    }()

    /// `unshare` arguments that run the rest with a tmpfs over its own
    /// /proc/PID/fd (the shell `exec`s it, so the PID is the same).
    static let hidingDescriptors = [
        "--mount", "--propagation", "private", "--",
        "/bin/sh", "-c", #"mount -t tmpfs none /proc/$$/fd && exec "$0" "$@""#,
    ]

    enum Temporary {
        /// O_TMPFILE: seen as an open descriptor to `#… (deleted)` in the folder.
        case unnamed
        /// Seen as a hidden `….tmp` in the folder.
        case named
    }

    /// Runs `check --format sarif --output report.sarif` in `folder`, waits
    /// until it is writing the report, sends `signal`, and returns how it ended.
    static func interrupt(in folder: URL, with signal: Int32, temporary: Temporary) throws -> (reason: Process.TerminationReason, status: Int32, error: String) {
        let process = Process()
        let arguments = ["check", "--format", "sarif", "--output", report]
        switch temporary {
        case .unnamed:
            process.executableURL = ToolRunner.executable
            process.arguments = arguments
        case .named:
            process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
            process.arguments = hidingDescriptors + [ToolRunner.executable.path] + arguments
        }
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let realFolder = try #require(realpath(folder.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        })
        let deadline = ContinuousClock.now + .seconds(300)
        var writing = false
        while process.isRunning, ContinuousClock.now < deadline {
            switch temporary {
            case .unnamed:
                let descriptors = "/proc/\(process.processIdentifier)/fd"
                let targets = ((try? FileManager.default.contentsOfDirectory(atPath: descriptors)) ?? []).compactMap {
                    try? FileManager.default.destinationOfSymbolicLink(atPath: descriptors + "/" + $0)
                }
                writing = targets.contains { $0.hasPrefix(realFolder + "/#") && $0.hasSuffix(" (deleted)") }
            case .named:
                let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
                writing = names.contains { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
            }
            if writing { break }
            usleep(1000)
        }
        if writing { kill(process.processIdentifier, signal) }
        let error = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        try #require(writing, "the run ended (exit \(process.terminationStatus)) before it was seen writing: \(error)")
        return (process.terminationReason, process.terminationStatus, error)
    }

    static func expectUntouched(_ folder: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "Brands" && $0 != "Journeys" }
        #expect(names == [report], "no temporary file left: \(names)", sourceLocation: sourceLocation)
        #expect(try Data(contentsOf: folder.appendingPathComponent(report)) == Data(previous), "the previous report is intact", sourceLocation: sourceLocation)
    }

    @Test("SIGINT, SIGTERM or SIGHUP while the unnamed temporary file is written: exit 128 + the signal, nothing left", arguments: [SIGINT, SIGTERM, SIGHUP])
    func unnamedInterrupted(_ signal: Int32) throws {
        #if os(Linux)
        let folder = try Self.largeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = try Self.interrupt(in: folder, with: signal, temporary: .unnamed)
        #expect(ended.reason == .exit && ended.status == 128 + signal, "\(ended)")
        try Self.expectUntouched(folder)
        #endif
    }

    @Test("SIGKILL while the unnamed temporary file is written leaves nothing either")
    func unnamedKilled() throws {
        #if os(Linux)
        let folder = try Self.largeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = try Self.interrupt(in: folder, with: SIGKILL, temporary: .unnamed)
        #expect(ended.reason == .uncaughtSignal && ended.status == SIGKILL, "\(ended)")
        try Self.expectUntouched(folder)
        #endif
    }

    @Test(
        "where the unnamed file cannot be named, the named one is removed on SIGINT, SIGTERM and SIGHUP",
        .enabled(if: canHideDescriptors, "needs root and unshare to hide /proc/PID/fd"),
        arguments: [SIGINT, SIGTERM, SIGHUP]
    )
    func namedInterrupted(_ signal: Int32) throws {
        let folder = try Self.largeWorkspace()
        defer { try? FileManager.default.removeItem(at: folder) }
        let ended = try Self.interrupt(in: folder, with: signal, temporary: .named)
        #expect(ended.reason == .exit && ended.status == 128 + signal, "\(ended)")
        try Self.expectUntouched(folder)
    }

    @Test(
        "where the unnamed file cannot be named, the named fallback writes the whole report",
        .enabled(if: canHideDescriptors, "needs root and unshare to hide /proc/PID/fd")
    )
    func namedCompletes() throws {
        let folder = try ToolRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = folder.appendingPathComponent("report.json")
        let printed = try ToolRunner.run(["check", "--format", "json"])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = Self.hidingDescriptors + [ToolRunner.executable.path, "check", "--format", "json", "--output", report.path]
        process.currentDirectoryURL = ToolRunner.repositoryRoot
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        let same = try String(contentsOf: report, encoding: .utf8) == printed.output
        #expect(same, "the file holds what standard output gets")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }
}
