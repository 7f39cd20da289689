import Foundation
import Testing
@testable import ThroughlineCLI

/// `--output` and `--write-baseline` on paths that are not a plain new or
/// existing file: devices, named pipes, links, sockets, long names, missing
/// folders, and outputs that are inputs. Run in process; devices are copies
/// made in the test's folder (as root), so the machine's own are never at stake.
@Suite("Output files")
struct OutputFileTests {
    /// A workspace whose check finds one error gap in one journey.
    static func workspace() throws -> TemporaryWorkspace {
        try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/a.journey.jsonc": Fixture.journey("a", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
        ])
    }

    /// What `check` prints on standard error for `workspace()` when it writes to a file.
    static let summary = "1 error, 0 warnings, 0 infos in 2 files (1 journey, 1 touchpoint)\n"

    static func status(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }

    static func type(_ path: String) -> mode_t? {
        status(path).map { $0.st_mode & S_IFMT }
    }

    /// A character device at `relative` that is the same device as `original`.
    static func copyDevice(_ original: String, to relative: String, in workspace: TemporaryWorkspace) throws {
        var device = stat()
        try #require(stat(original, &device) == 0)
        try #require(mknod(workspace.path(relative), S_IFCHR | 0o666, device.st_rdev) == 0, "mknod needs root: \(String(cString: strerror(errno)))")
    }

    // MARK: Devices and pipes

    @Test("a character device is written through, never replaced by a regular file")
    func deviceWrittenThrough() async throws {
        let workspace = try Self.workspace()
        try Self.copyDevice("/dev/null", to: "null", in: workspace)
        let result = await workspace.run(["check", "--format", "json", "--output", "null"])
        #expect(result.code == 1, "\(result)")
        #expect(result.output.isEmpty && result.error == Self.summary, "\(result)")
        #expect(Self.type(workspace.path("null")) == S_IFCHR, "still the device")
        #expect(OutputFileLeftovers.in(workspace, ".").isEmpty, "\(workspace.list())")
    }

    @Test("a device that refuses the bytes is a clear error, exit 2")
    func fullDevice() async throws {
        let workspace = try Self.workspace()
        try Self.copyDevice("/dev/full", to: "full", in: workspace)
        let result = await workspace.run(["check", "--output", "full"])
        #expect(result.code == 2, "\(result)")
        #expect(result.error == "error: cannot write full: \(String(cString: strerror(ENOSPC)))\n", "\(result)")
        #expect(Self.type(workspace.path("full")) == S_IFCHR)
    }

    @Test("/dev/fd/1 and /dev/fd/2 are the command's own output and error streams")
    func ownStreams() async throws {
        let workspace = try Self.workspace()
        let plain = await workspace.run(["check", "--format", "csv"])
        let toOutput = await workspace.run(["check", "--format", "csv", "--output", "/dev/fd/1"])
        #expect(toOutput.code == 1, "\(toOutput)")
        #expect(toOutput.output == plain.output && toOutput.output.hasPrefix("kind,"), "\(toOutput)")
        #expect(toOutput.error == Self.summary, "\(toOutput)")
        let toError = await workspace.run(["check", "--format", "csv", "--output", "/dev/fd/2"])
        #expect(toError.code == 1 && toError.output.isEmpty, "\(toError)")
        #expect(toError.error == plain.output + Self.summary, "\(toError)")
    }

    /// A blocking open would wait for a reader forever: that the run ends
    /// with the message is the proof (the time limit only ends a hang).
    @Test("a named pipe that nothing reads is an error at once, not a wait, and stays a pipe", .timeLimit(.minutes(5)))
    func pipeWithoutReader() async throws {
        let workspace = try Self.workspace()
        try #require(mkfifo(workspace.path("pipe"), 0o644) == 0)
        let result = await workspace.run(["check", "--output", "pipe"])
        #expect(result.code == 2, "\(result)")
        #expect(result.error == "error: cannot write pipe: it is a named pipe that nothing is reading; start the reader first\n", "\(result)")
        #expect(Self.type(workspace.path("pipe")) == S_IFIFO)
        #expect(OutputFileLeftovers.in(workspace, ".").isEmpty, "\(workspace.list())")
    }

    @Test("a named pipe with a reader gets the whole report, however slowly it is read")
    func pipeWithReader() async throws {
        let workspace = try ReportStreamingTests.largeWorkspace()
        let printed = await workspace.run(["check", "--format", "json"])
        try #require(mkfifo(workspace.path("pipe"), 0o644) == 0)
        // The read end is opened first without waiting; a write end of the
        // test's own keeps the pipe from reading as ended before the
        // command opens it.
        let reading = open(workspace.path("pipe"), O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        try #require(reading >= 0)
        let keeper = open(workspace.path("pipe"), O_WRONLY | O_CLOEXEC)
        try #require(keeper >= 0)
        _ = fcntl(reading, F_SETFL, fcntl(reading, F_GETFL) & ~O_NONBLOCK)
        let reader = PipeReader(reading)
        let result = await workspace.run(["check", "--format", "json", "--output", "pipe"])
        close(keeper)
        let received = await reader.finish()
        #expect(result.code == 1, "\(result)")
        // Compared first: a failing #expect on two large arrays would spend minutes describing them.
        let same = received == Array(printed.output.utf8)
        #expect(same, "the pipe got what standard output gets: \(received.count) bytes against \(printed.output.utf8.count)")
        #expect(received.count > 200_000, "larger than the pipe's buffer: \(received.count)")
        #expect(Self.type(workspace.path("pipe")) == S_IFIFO)
    }

    // MARK: What is never replaced

    @Test("a symbolic link to a file is refused: the link and its file stay as they were")
    func linkToFileRefused() async throws {
        let workspace = try Self.workspace()
        try workspace.write("reports/real.txt", "the real report\n")
        try workspace.link("reports/latest.txt", to: "real.txt")
        let result = await workspace.run(["check", "--output", "reports/latest.txt"])
        #expect(result.code == 2, "\(result)")
        #expect(result.error == "error: cannot write reports/latest.txt: it is a symbolic link to real.txt; links are not followed to files nor replaced: name the file itself\n", "\(result)")
        #expect(Self.type(workspace.path("reports/latest.txt")) == S_IFLNK)
        #expect(workspace.read("reports/real.txt") == Array("the real report\n".utf8))

        try workspace.link("reports/dangling.txt", to: "nowhere.txt")
        let dangling = await workspace.run(["check", "--output", "reports/dangling.txt"])
        #expect(dangling.code == 2, "\(dangling)")
        #expect(dangling.error.hasPrefix("error: cannot write reports/dangling.txt: it is a symbolic link to nowhere.txt, which leads to no file"), "\(dangling)")
        #expect(Self.type(workspace.path("reports/dangling.txt")) == S_IFLNK && !workspace.exists("reports/nowhere.txt"))
        #expect(OutputFileLeftovers.in(workspace, "reports").isEmpty, "\(workspace.list("reports"))")
    }

    @Test("a symbolic link to a device is written through; the link stays")
    func linkToDevice() async throws {
        let workspace = try Self.workspace()
        try Self.copyDevice("/dev/null", to: "null", in: workspace)
        try workspace.link("sink", to: "null")
        let result = await workspace.run(["check", "--output", "sink"])
        #expect(result.code == 1 && result.error == Self.summary, "\(result)")
        #expect(Self.type(workspace.path("sink")) == S_IFLNK && Self.type(workspace.path("null")) == S_IFCHR)
    }

    @Test("a socket is never replaced: exit 2, it stays a socket")
    func socketRefused() async throws {
        let workspace = try Self.workspace()
        let path = workspace.path("socket")
        #if canImport(Glibc)
        let stream = Int32(SOCK_STREAM.rawValue)
        #else
        let stream = SOCK_STREAM
        #endif
        let descriptor = socket(AF_UNIX, stream, 0)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in bytes.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        let result = await workspace.run(["check", "--output", "socket"])
        #expect(result.code == 2, "\(result)")
        #expect(result.error == "error: cannot write socket: it is a socket\n", "\(result)")
        #expect(Self.type(path) == S_IFSOCK)
    }

    @Test("a folder that does not exist, or a file where a folder should be, is named in the message")
    func missingFolder() async throws {
        let workspace = try Self.workspace()
        let missing = await workspace.run(["check", "--output", "nowhere/deeper/report.txt"])
        #expect(missing.code == 2, "\(missing)")
        #expect(missing.error == "error: cannot write nowhere/deeper/report.txt: the folder nowhere/deeper does not exist\n", "\(missing)")
        #expect(!workspace.exists("nowhere"))

        try workspace.write("notes.txt", "a file\n")
        let notFolder = await workspace.run(["check", "--output", "notes.txt/report.txt"])
        #expect(notFolder.code == 2, "\(notFolder)")
        #expect(notFolder.error == "error: cannot write notes.txt/report.txt: notes.txt is not a folder\n", "\(notFolder)")
        #expect(workspace.read("notes.txt") == Array("a file\n".utf8))
    }

    // MARK: What a replaced file keeps

    @Test("a replaced report keeps its permission bits and owner; a new one gets 0644 less the umask")
    func modeKept() async throws {
        let workspace = try Self.workspace()
        try workspace.write("reports/private.json", "previous\n")
        try #require(chmod(workspace.path("reports/private.json"), 0o600) == 0)
        try workspace.write("reports/shared.json", "previous\n")
        try #require(chmod(workspace.path("reports/shared.json"), 0o664) == 0)
        try #require(chown(workspace.path("reports/shared.json"), 1234, 5678) == 0, "chown needs root")
        for name in ["private.json", "shared.json", "new.json"] {
            let result = await workspace.run(["check", "--format", "json", "--output", "reports/\(name)"])
            #expect(result.code == 1, "\(name): \(result)")
            #expect(workspace.read("reports/\(name)")?.first == UInt8(ascii: "{"), "\(name) holds the report")
        }
        let privateStatus = try #require(Self.status(workspace.path("reports/private.json")))
        #expect(privateStatus.st_mode & 0o7777 == 0o600)
        let sharedStatus = try #require(Self.status(workspace.path("reports/shared.json")))
        #expect(sharedStatus.st_mode & 0o7777 == 0o664)
        #expect(sharedStatus.st_uid == 1234 && sharedStatus.st_gid == 5678)
        let newStatus = try #require(Self.status(workspace.path("reports/new.json")))
        #expect(newStatus.st_mode & 0o7777 == 0o644 & ~Self.umask(), "\(String(newStatus.st_mode & 0o7777, radix: 8))")
        #expect(newStatus.st_uid == geteuid())
        #expect(OutputFileLeftovers.in(workspace, "reports").isEmpty, "\(workspace.list("reports"))")
    }

    /// The process's umask, read without changing it (other tests run meanwhile).
    static func umask() -> mode_t {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("Umask:") }
        return line.flatMap { mode_t($0.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8) } ?? 0o022
    }

    @Test("a name of up to 255 bytes is written; one longer is a clear error", arguments: [235, 250, 255])
    func longName(_ length: Int) async throws {
        let workspace = try Self.workspace()
        try workspace.makeFolder("reports")
        let name = String(repeating: "r", count: length - ".json".count) + ".json"
        try workspace.write("reports/\(name)", "previous\n")
        let result = await workspace.run(["check", "--format", "json", "--output", "reports/\(name)"])
        #expect(result.code == 1, "\(result)")
        #expect(workspace.read("reports/\(name)")?.first == UInt8(ascii: "{"))
        #expect(workspace.list("reports") == [name])
    }

    @Test("a name longer than the file system allows is refused with its reason")
    func tooLongName() async throws {
        let workspace = try Self.workspace()
        let name = String(repeating: "r", count: 256)
        let result = await workspace.run(["check", "--output", name])
        #expect(result.code == 2, "\(result)")
        #expect(result.error == "error: cannot write \(name): \(String(cString: strerror(ENAMETOOLONG)))\n", "\(result)")
    }

    @Test("the named temporary file, where no unnamed one can be made: same content, mode kept, nothing left")
    func namedTemporaryFile() throws {
        let workspace = try Self.workspace()
        let io = CommandIO(writeOutput: { _ in }, writeError: { _ in }, outputIsTerminal: false, environment: [:], workingDirectory: workspace.root)
        let long = String(repeating: "n", count: 250) + ".json"
        try workspace.write(long, "previous\n")
        try #require(chmod(workspace.path(long), 0o640) == 0)
        for kind in [TemporaryFile.Kind.named, .unnamedWherePossible] {
            try OutputFile.write(to: workspace.path(long), shownAs: long, io: io, temporary: kind) { stream in
                stream.write(String(repeating: "x", count: 200_000))
                stream.write("\(kind)\n")
            }
            let written = String(decoding: workspace.read(long) ?? [], as: UTF8.self)
            let whole = written == String(repeating: "x", count: 200_000) + "\(kind)\n"
            #expect(whole, "\(kind): \(written.utf8.count) bytes, ending \(written.suffix(40))")
            #expect(Self.status(workspace.path(long)).map { $0.st_mode & 0o7777 } == 0o640)
            #expect(workspace.list().filter { !["Brands", "Journeys"].contains($0) } == [long], "\(kind): \(workspace.list())")
        }
    }

    @Test("import --force stops before writing anything when a journey's place is a link or a folder")
    func importRefusesLinks() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        try workspace.write("inventory.csv", "journey,touchpoint,stage,channel,tone\nfirst,a,discover,web,warm\nsecond,b,discover,web,warm\n")
        try workspace.write("elsewhere.txt", "not a journey\n")
        try workspace.makeFolder("Journeys/t")
        try workspace.link("Journeys/t/second.journey.jsonc", to: "../../elsewhere.txt")
        let result = await workspace.run(["import", "inventory.csv", "--brand", "t", "--force"])
        #expect(result.code == 2, "\(result)")
        #expect(result.error == "error: cannot write Journeys/t/second.journey.jsonc: it is a symbolic link to ../../elsewhere.txt; links are not followed to files nor replaced: name the file itself\n", "\(result)")
        #expect(workspace.list("Journeys/t") == ["second.journey.jsonc"], "first was not written either: \(workspace.list("Journeys/t"))")
        #expect(workspace.read("elsewhere.txt") == Array("not a journey\n".utf8))
    }

    // MARK: Outputs that are inputs

    @Test("a report over the baseline it reads, a baseline over the report, or over another name of an input, is refused")
    func inputsNotOverwritten() async throws {
        let workspace = try Self.workspace()
        let recorded = await workspace.run(["check", "--write-baseline", "baseline.json"])
        #expect(recorded.code == 0, "\(recorded)")
        let baseline = try #require(workspace.read("baseline.json"))
        let journey = try #require(workspace.read("Journeys/a.journey.jsonc"))
        #expect(link(workspace.path("Journeys/a.journey.jsonc"), workspace.path("journey-copy.txt")) == 0)

        for (arguments, message) in [
            (["check", "--baseline", "baseline.json", "--output", "baseline.json"],
             "error: refusing to write a report to baseline.json: it is the baseline being read\n"),
            (["check", "--baseline", "baseline.json", "--format", "sarif", "--output", "./Journeys/../baseline.json"],
             "error: refusing to write a report to ./Journeys/../baseline.json: it is the baseline being read\n"),
            (["check", "--write-baseline", "report.txt", "--output", "report.txt"],
             "error: refusing to write the baseline to report.txt: --output names the same file\n"),
            (["check", "--write-baseline", "journey-copy.txt"],
             "error: refusing to write a report to journey-copy.txt: it is one of the files being checked\n"),
            (["check", "--output", "journey-copy.txt"],
             "error: refusing to write a report to journey-copy.txt: it is one of the files being checked\n"),
        ] {
            let result = await workspace.run(arguments)
            #expect(result.code == 2, "\(arguments): \(result)")
            #expect(result.error == message, "\(arguments): \(result)")
            #expect(result.output.isEmpty, "\(arguments): \(result)")
        }
        #expect(workspace.read("baseline.json") == baseline)
        #expect(workspace.read("Journeys/a.journey.jsonc") == journey && workspace.read("journey-copy.txt") == journey)
        #expect(!workspace.exists("report.txt"))

        // Rewriting the baseline it names, and does not read, is allowed.
        let rewritten = await workspace.run(["check", "--baseline", "baseline.json", "--write-baseline", "baseline.json"])
        #expect(rewritten.code == 0 && rewritten.error == "recorded 1 gap in baseline.json\n", "\(rewritten)")
    }

    @Test("check --output prints the summary line to standard error in every format; audit says what it wrote")
    func summaryOnStandardError() async throws {
        let workspace = try Self.workspace()
        let text = await workspace.run(["check"])
        let lastLine = try #require(text.output.split(separator: "\n").last)
        #expect(Self.summary == lastLine + "\n")
        for format in CheckCommand.Format.allCases {
            let result = await workspace.run(["check", "--format", format.rawValue, "--output", "report.\(format.rawValue)"])
            #expect(result.code == 1 && result.output.isEmpty, "\(format): \(result)")
            #expect(result.error == Self.summary, "\(format): \(result)")
        }
        let audit = await workspace.run(["audit", "--format", "html", "--output", "audit.html"])
        #expect(audit.code == 0 && audit.output.isEmpty, "\(audit)")
        #expect(audit.error == "wrote audit.html: 1 segment, lowest score 0% (t/all)\n", "\(audit)")
    }
}

/// Hidden temporary files an output may have left in a folder.
enum OutputFileLeftovers {
    static func `in`(_ workspace: TemporaryWorkspace, _ folder: String) -> [String] {
        workspace.list(folder).filter { $0.hasPrefix(".") }
    }
}

/// Reads a descriptor to its end on a thread of its own, so that a writer
/// in the test's task is never stalled by a full pipe.
final class PipeReader: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
        Thread.detachNewThread { [self] in
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count < 0, errno == EINTR { continue }
                if count <= 0 { break }
                lock.withLock { bytes += buffer[..<count] }
                // A slow reader: the writer waits on a full pipe now and then.
                usleep(200)
            }
            close(descriptor)
            done.signal()
        }
    }

    /// Everything read, once the last writer has closed the pipe.
    func finish() async -> [UInt8] {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                self.done.wait()
                continuation.resume(returning: self.lock.withLock { self.bytes })
            }
        }
    }
}
