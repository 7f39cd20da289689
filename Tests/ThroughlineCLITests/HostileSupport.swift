import Foundation
import Testing
import ThroughlineCLI

/// A temporary folder holding a workspace, removed when the test ends, and
/// the in-process command line run in it.
final class TemporaryWorkspace: @unchecked Sendable {
    let root: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/throughline-hostile-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        // A test may have locked a file or folder; unlock before removing.
        if let names = FileManager.default.enumerator(atPath: root) {
            for case let name as String in names {
                chmod(root + "/" + name, 0o755)
            }
        }
        try? FileManager.default.removeItem(atPath: root)
    }

    func path(_ relative: String) -> String { root + "/" + relative }

    /// Writes `bytes` at `relative`, creating folders on the way.
    func write(_ relative: String, _ bytes: [UInt8]) throws {
        let full = path(relative)
        try FileManager.default.createDirectory(
            atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func write(_ relative: String, _ text: String) throws {
        try write(relative, Array(text.utf8))
    }

    func read(_ relative: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(relative)).map(Array.init)
    }

    func exists(_ relative: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path(relative), isDirectory: &isFolder)
    }

    /// Names in a folder of the workspace, hidden ones included.
    func list(_ relative: String = ".") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relative))) ?? []).sorted()
    }

    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }

    /// A symbolic link at `relative` whose target is `destination`, as written.
    func link(_ relative: String, to destination: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: destination)
    }

    /// Runs `throughline arguments…` in this folder.
    func run(_ arguments: [String]) async -> RunResult {
        let output = Capture()
        let io = CommandIO(
            writeOutput: { output.append(out: $0) },
            writeError: { output.append(err: $0) },
            outputIsTerminal: false,
            environment: [:],
            workingDirectory: root
        )
        let code = await Throughline.run(arguments, io: io)
        return RunResult(code: code, output: output.out, error: output.err, outputWrites: output.writes)
    }
}

/// What a run printed and returned.
struct RunResult: CustomStringConvertible {
    let code: Int32
    let output: String
    let error: String
    /// The size of each write to standard output, in order.
    var outputWrites: [Int] = []

    /// Both streams: findings go to standard output (check) or standard
    /// error (audit, on unusable input).
    var text: String { output + error }

    var lines: [Substring] { text.split(separator: "\n") }

    /// The first line that starts with `location`, such as `Journeys/a.journey.jsonc:3:7:`.
    func line(at location: String) -> Substring? {
        lines.first { $0.hasPrefix(location + ":") || $0.hasPrefix(location + " ") }
    }

    /// The summary line, `1 error, 0 warnings, 0 infos in …`.
    var summary: Substring? { lines.last { $0.contains(" in ") && $0.contains("error") } }

    var description: String {
        let shown = text.count > 4000 ? String(text.prefix(2000)) + "\n…\n" + String(text.suffix(1500)) : text
        return "exit \(code)\n\(shown)"
    }
}

private final class Capture: @unchecked Sendable {
    private let lock = NSLock()
    private var outText = ""
    private var errText = ""

    private var outWrites: [Int] = []

    func append(out text: String) {
        lock.withLock {
            outText += text
            outWrites.append(text.utf8.count)
        }
    }
    func append(err text: String) { lock.withLock { errText += text } }
    var out: String { lock.withLock { outText } }
    /// The size of each write to standard output, in order.
    var writes: [Int] { lock.withLock { outWrites } }
    var err: String { lock.withLock { errText } }
}

/// The line and column of byte `offset`, computed without the project's code:
/// lines end at line feeds, columns count Unicode scalars (every byte that
/// is not a UTF-8 continuation byte), a leading byte order mark takes none.
func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> String {
    var line = 1
    var lineStart = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    for index in 0..<offset where bytes[index] == 0x0A {
        line += 1
        lineStart = index + 1
    }
    let column = 1 + bytes[min(lineStart, offset)..<offset].filter { $0 & 0xC0 != 0x80 }.count
    return "\(line):\(column)"
}

/// The offset of the first occurrence of `needle` in `bytes`, at or after `from`.
func offset(of needle: String, in bytes: [UInt8], from start: Int = 0) -> Int {
    let pattern = Array(needle.utf8)
    var index = start
    while index + pattern.count <= bytes.count {
        if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) { return index }
        index += 1
    }
    Issue.record("'\(needle)' is not in the file")
    return 0
}

/// `file:line:column` of the first `needle` in `bytes`.
func location(of needle: String, in bytes: [UInt8], file: String, from start: Int = 0) -> String {
    "\(file):\(lineAndColumn(of: offset(of: needle, in: bytes, from: start), in: bytes))"
}

/// Files of a small, valid workspace: one brand, one journey.
enum Fixture {
    static let brandPath = "Brands/t.brand.jsonc"

    /// A brand with two channels, one segment, two stages, one attribute of
    /// each kind that matters here, and the markers given.
    static func brand(markers: String = "[]", extraAttributes: String = "") -> String {
        """
        // A small brand for hostile-input tests.
        {
          "brand": "t",
          "channels": { "web": { "kind": "digital" }, "store": { "kind": "physical" } },
          "segments": { "all": { "name": "Everyone" } },
          "stages": ["discover", "buy"],
          "attributes": {
            "tone": { "type": "enum", "values": ["warm", "neutral"] },
            "budget": { "type": "number" },
            "signature": { "type": "text" },\(extraAttributes)
          },
          "markers": \(markers)
        }

        """
    }

    /// A marker that wants a warm tone everywhere, at error severity.
    static let warmTone = #"[{ "id": "warm", "severity": "error", "expect": { "tone": { "equals": "warm" } } }]"#

    /// A journey of brand `t` with the given touchpoints (JSONC text).
    static func journey(_ id: String = "j", touchpoints: String) -> String {
        """
        {
          "journey": "\(id)",
          "brand": "t",
          "touchpoints": [
        \(touchpoints)
          ]
        }

        """
    }

    /// One touchpoint on the web at the discover stage.
    static func touchpoint(_ id: String = "a", experience: String = #""tone": "warm""#, extra: String = "") -> String {
        #"    { "id": "\#(id)", "stage": "discover", "channel": "web", "experience": { \#(experience) }\#(extra) }"#
    }

    /// A workspace with the brand and the given journey files.
    static func workspace(markers: String = "[]", journeys: [String: String]) throws -> TemporaryWorkspace {
        let workspace = try TemporaryWorkspace()
        try workspace.write(brandPath, brand(markers: markers))
        for (path, text) in journeys {
            try workspace.write(path, text)
        }
        return workspace
    }
}
