import Foundation
import Testing
import ThroughlineCLI

/// Files a pull request can contain, run through the in-process command
/// line on temporary folders: unusable input gives exit code 2 and a
/// message located at file:line:column; valid input, however odd, is read
/// correctly. Nothing crashes, hangs, or writes where it should not.
@Suite("Hostile input")
struct HostileInputTests {
    static let journeyPath = "Journeys/x.journey.jsonc"

    /// A workspace with the fixture brand and `bytes` as its one journey.
    static func journeyWorkspace(_ bytes: [UInt8], markers: String = "[]") throws -> TemporaryWorkspace {
        let workspace = try Fixture.workspace(markers: markers, journeys: [:])
        try workspace.write(journeyPath, bytes)
        return workspace
    }

    /// Runs `check` on a journey made of `bytes` and expects exit code 2 and
    /// an error located at byte `offset` (its line and column counted here,
    /// independently), whose message contains `message`.
    static func expectUnusable(
        _ bytes: [UInt8],
        at offset: Int,
        message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let workspace = try journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)", sourceLocation: sourceLocation)
        let place = "\(journeyPath):\(lineAndColumn(of: offset, in: bytes))"
        let line = result.line(at: place)
        #expect(line != nil, "no finding at \(place): \(result)", sourceLocation: sourceLocation)
        #expect(line?.contains("error: ") == true && line?.contains(message) == true, "\(line ?? "")", sourceLocation: sourceLocation)
    }

    // MARK: Size and nesting

    @Test("nesting 100,000 deep is refused at the 513th level, without exhausting the stack")
    func deepNesting() async throws {
        let depth = 100_000
        let bytes = Array((String(repeating: "[", count: depth) + String(repeating: "]", count: depth)).utf8)
        try await Self.expectUnusable(bytes, at: 512, message: "nested more than 512 levels deep")

        // The same inside a valid journey's value, on a later line.
        let journey = Array(Fixture.journey(touchpoints: Fixture.touchpoint(extra: #", "name": "#)).utf8)
        let insert = offset(of: #""name": "#, in: journey) + 8
        let nested = Array(journey[..<insert]) + Array(String(repeating: #"{"k":"#, count: depth).utf8)
            + Array("1".utf8) + Array(String(repeating: "}", count: depth).utf8) + Array(journey[insert...])
        // Depth 1 is the journey object, 2 the touchpoints array, 3 the touchpoint.
        let tooDeep = insert + (512 - 3) * 5
        try await Self.expectUnusable(nested, at: tooDeep, message: "nested more than 512 levels deep")
    }

    @Test("a 50 MB string value is read in full")
    func hugeString() async throws {
        let name = String(repeating: "Aurèle ", count: 50_000_000 / 8)
        let text = Fixture.journey(touchpoints: Fixture.touchpoint(extra: #", "name": "\#(name)""#))
        let workspace = try Self.journeyWorkspace(Array(text.utf8), markers: Fixture.warmTone)
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        #expect(result.summary?.hasPrefix("0 errors, 0 warnings, 0 infos in 2 files (1 journey, 1 touchpoint)") == true, "\(result)")
    }

    @Test("a 10 MB single-line journey: positions stay exact at the far end of the line")
    func hugeSingleLine() async throws {
        // 10,000 touchpoints of about 1 KB each, minified on one line; two of
        // them name an unknown channel: one in the middle, one at the end.
        let filler = String(repeating: "x", count: 900)
        var parts: [String] = []
        let count = 10_000
        for index in 0..<count {
            let channel = index == count / 2 ? "middle-nowhere" : index == count - 1 ? "end-nowhere" : "web"
            let tone = index % 2 == 0 ? "warm" : "neutral"
            parts.append(#"{"id":"t\#(index)","name":"\#(filler)","stage":"discover","channel":"\#(channel)","experience":{"tone":"\#(tone)","budget":\#(index)},"next":["t\#((index + 1) % count)"]}"#)
        }
        let text = #"{"journey":"long","brand":"t","touchpoints":["# + parts.joined(separator: ",") + "]}"
        let bytes = Array(text.utf8)
        #expect(bytes.count > 10_000_000 && !bytes.contains(0x0A))
        let workspace = try Self.journeyWorkspace(bytes, markers: Fixture.warmTone)
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        for channel in ["middle-nowhere", "end-nowhere"] {
            let place = location(of: #""\#(channel)""#, in: bytes, file: Self.journeyPath)
            #expect(place.hasPrefix(Self.journeyPath + ":1:") && place.count > Self.journeyPath.count + 9)
            #expect(result.line(at: place)?.contains("unknown channel '\(channel)'") == true, "\(place): \(result)")
        }
        // A journey with errors is not judged: with the channels mended, the
        // gap at the last touchpoint (neutral) is located at the far end of the line.
        let mended = Array(text.replacingOccurrences(of: "-nowhere", with: "").replacingOccurrences(of: #""middle""#, with: #""web""#)
            .replacingOccurrences(of: #""end""#, with: #""web""#).utf8)
        let judged = try Self.journeyWorkspace(mended, markers: Fixture.warmTone)
        let gaps = await judged.run(["check"])
        #expect(gaps.code == 1, "\(gaps)")
        let lastNeutral = offset(of: #""tone":"neutral""#, in: mended, from: offset(of: #""id":"t9999""#, in: mended)) + 7
        let place = "\(Self.journeyPath):\(lineAndColumn(of: lastNeutral, in: mended))"
        #expect(place.hasPrefix(Self.journeyPath + ":1:") && place.count > Self.journeyPath.count + 10)
        #expect(gaps.line(at: place)?.contains("[warm") == true, "\(place): \(gaps)")
    }

    @Test("a single-line journey full of problems: every one located, in linear time")
    func singleLineFullOfProblems() async throws {
        // A 10 MB description, then 5,000 touchpoints without a stage (each
        // reported at the touchpoint's start once its members are read: the
        // loader goes back on the line), then 12,500 repeats of the key
        // (each located on its own). Were a position the cost of the line
        // before it, this would take hours.
        let padding = String(repeating: "x", count: 10_000_000)
        let touchpoints = (0..<5_000).map { #"{"id":"t\#($0)","channel":"web","experience":{"tone":"warm"}}"# }
        let repeats = String(repeating: #","description":"again""#, count: 12_500)
        let text = #"{"journey":"one-line","brand":"t","description":"\#(padding)","touchpoints":["# + touchpoints.joined(separator: ",") + "]" + repeats + "}"
        let bytes = Array(text.utf8)
        let workspace = try Self.journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 2)
        let lines = result.lines
        // Each repeat comes with a note pointing at the first one.
        let expectedCount: Int = 5_000 + 12_500 * 2 + 1
        #expect(lines.count == expectedCount)
        let touchpointOffset = offset(of: #"{"id":"t4999""#, in: bytes)
        let repeatOffset: Int = bytes.count - #""description":"again"}"#.utf8.count
        let lastTouchpoint = Self.journeyPath + ":" + lineAndColumn(of: touchpointOffset, in: bytes) + ": error: a touchpoint needs 'stage'"
        let lastRepeat = Self.journeyPath + ":" + lineAndColumn(of: repeatOffset, in: bytes) + ": error: the key 'description' appears twice"
        #expect(lines.contains { $0.hasPrefix(lastTouchpoint) }, "\(lastTouchpoint)")
        #expect(lines.contains { $0.hasPrefix(lastRepeat) }, "\(lastRepeat)")
    }

    @Test("100,000 keys in one object: every attribute is known, the last one is used")
    func hundredThousandKeys() async throws {
        let workspace = try TemporaryWorkspace()
        let attributes = (0..<100_000).map { #"\#n    "a\#($0)": { "type": "text" },"# }.joined()
        try workspace.write(Fixture.brandPath, Fixture.brand(extraAttributes: attributes))
        let journey = Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""a99999": "last", "a0": "first", "tone": "warm""#))
        try workspace.write(Self.journeyPath, journey)
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        #expect(result.summary?.hasPrefix("0 errors, 0 warnings, 0 infos in 2 files (1 journey, 1 touchpoint)") == true, "\(result)")

        // And one key written twice among them: reported where it repeats.
        let repeated = attributes + #"\#n    "a500": { "type": "number" },"#
        try workspace.write(Fixture.brandPath, Fixture.brand(extraAttributes: repeated))
        let again = await workspace.run(["check"])
        let brand = Array(Fixture.brand(extraAttributes: repeated).utf8)
        let second = offset(of: #""a500""#, in: brand, from: offset(of: #""a500""#, in: brand) + 1)
        let place = "\(Fixture.brandPath):\(lineAndColumn(of: second, in: brand))"
        #expect(again.code == 2, "\(again)")
        #expect(again.line(at: place)?.contains("the key 'a500' appears twice in this object") == true, "\(again)")
    }

    // MARK: Bytes that are not text

    struct Corruption: Sendable, CustomTestStringConvertible {
        let name: String
        /// The journey's bytes.
        let bytes: [UInt8]
        /// Where the error must be reported.
        let offset: Int
        let message: String
        var testDescription: String { name }

        /// `text` with `raw` in place of `@`.
        init(_ name: String, _ text: String, raw: [UInt8], reportedAt: Int? = nil, _ message: String) {
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            self.name = name
            self.bytes = Array(parts[0].utf8) + raw + Array(parts.dropFirst().joined(separator: "@").utf8)
            self.offset = reportedAt ?? parts[0].utf8.count
            self.message = message
        }
    }

    static let valid = Fixture.journey(touchpoints: Fixture.touchpoint())

    static let corruptions: [Corruption] = [
        Corruption("invalid UTF-8 in a key", valid.replacingOccurrences(of: #""journey""#, with: #""jour@ney""#), raw: [0xFF],
                   "invalid UTF-8: byte 0xFF cannot start a character"),
        Corruption("invalid UTF-8 in a string value", valid.replacingOccurrences(of: #""warm""#, with: #""wa@rm""#), raw: [0xC3, 0x28],
                   "invalid UTF-8: the 2-byte character starting with byte 0xC3 is cut short by '('"),
        Corruption("overlong UTF-8 in a string value", valid.replacingOccurrences(of: #""warm""#, with: #""wa@rm""#), raw: [0xC0, 0xAF],
                   "it can only start an overlong encoding"),
        Corruption("UTF-16 surrogate encoded in UTF-8", valid.replacingOccurrences(of: #""warm""#, with: #""wa@rm""#), raw: [0xED, 0xA0, 0x80],
                   "it would encode a UTF-16 surrogate"),
        Corruption("invalid UTF-8 in a line comment", "// a comment @ here\n" + valid, raw: [0x80],
                   "invalid UTF-8: byte 0x80 cannot start a character"),
        Corruption("invalid UTF-8 in a block comment", "/* a comment\n  @ */\n" + valid, raw: [0xF8, 0x88, 0x80, 0x80, 0x80],
                   "byte 0xF8 cannot start a character: it never occurs in UTF-8"),
        Corruption("invalid UTF-8 between tokens", valid.replacingOccurrences(of: #""brand": "t","#, with: #""brand": "t", @"#), raw: [0xFE],
                   "expected a key in double quotes or '}', found byte 0xFE, which is not valid UTF-8 here"),
        Corruption("truncated inside a character at the end of the file", #"{ "journey": "j", "name": "Aur@"#, raw: [0xC3],
                   "invalid UTF-8: the file ends inside a 2-byte character"),
        Corruption("truncated inside a 4-byte character at the end of the file", "// 😀 end @", raw: [0xF0, 0x9F, 0x98],
                   "invalid UTF-8: the file ends inside a 4-byte character"),
        Corruption("a NUL byte in a string value", valid.replacingOccurrences(of: #""warm""#, with: #""wa@rm""#), raw: [0x00],
                   "a string cannot contain a NUL byte (U+0000)"),
        Corruption("a NUL byte between tokens", valid.replacingOccurrences(of: #""brand": "t","#, with: #""brand": "t",@"#), raw: [0x00],
                   "expected a key in double quotes or '}', found a NUL byte (U+0000)"),
        Corruption("a file of NUL bytes", "@", raw: [UInt8](repeating: 0, count: 4096),
                   "expected a value, found a NUL byte (U+0000)"),
        Corruption("a NUL byte after the value", valid + "@", raw: [0x00],
                   "expected the end of the file after the top-level value, found a NUL byte (U+0000)"),
        Corruption("a byte order mark in the middle", valid.replacingOccurrences(of: #""brand": "t","#, with: #""brand": "t", @"#), raw: [0xEF, 0xBB, 0xBF],
                   "a byte order mark (U+FEFF), which is allowed only at the very start of the file"),
        Corruption("a second byte order mark at the start", "\u{FEFF}@" + valid, raw: [0xEF, 0xBB, 0xBF],
                   "a byte order mark (U+FEFF), which is allowed only at the very start of the file"),
        Corruption("an empty file", "@", raw: [], "expected a JSON value, found the end of the file"),
        Corruption("a file of comments and white space only", "// nothing\n  /* here */ \n@", raw: [],
                   "expected a JSON value, found the end of the file"),
        Corruption("an unclosed string at the end of the file", #"{ "journey": "j@"#, raw: [], reportedAt: 13,
                   "the string that starts here is never closed"),
    ]

    @Test("unusable bytes are located exactly", arguments: corruptions)
    func corruptBytes(_ corruption: Corruption) async throws {
        try await Self.expectUnusable(corruption.bytes, at: corruption.offset, message: corruption.message)
    }

    @Test("a byte order mark at the start, and U+FEFF inside a string, are fine")
    func byteOrderMarks() async throws {
        let text = Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "signature": "\#u{FEFF}Aurèle""#))
        let workspace = try Self.journeyWorkspace([0xEF, 0xBB, 0xBF] + Array(text.utf8), markers: Fixture.warmTone)
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        #expect(result.summary?.hasPrefix("0 errors, 0 warnings") == true, "\(result)")
    }

    // MARK: Numbers

    @Test("1e999999 is out of range: invalid-value at the number")
    func hugeExponent() async throws {
        let bytes = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "budget": 1e999999"#)).utf8)
        let workspace = try Self.journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        let place = location(of: "1e999999", in: bytes, file: Self.journeyPath)
        #expect(result.line(at: place)?.contains("error: 1e999999 is too large for a number [invalid-value]") == true, "\(result)")
    }

    @Test("-0 and small integers are read exactly, without a warning")
    func negativeZero() async throws {
        for value in ["-0", "0", "-0.0", "9007199254740992", "-9007199254740993e0"] {
            let bytes = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "budget": \#(value)"#)).utf8)
            let workspace = try Self.journeyWorkspace(bytes)
            let result = await workspace.run(["check"])
            #expect(result.code == 0, "\(value): \(result)")
            #expect(result.summary?.hasPrefix("0 errors, 0 warnings, 0 infos") == true, "\(value): \(result)")
        }
    }

    @Test("a 20-digit integer is read with an imprecise-number warning")
    func twentyDigits() async throws {
        let bytes = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "budget": 12345678901234567891"#)).utf8)
        let workspace = try Self.journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "a warning does not fail the run: \(result)")
        let place = location(of: "12345678901234567891", in: bytes, file: Self.journeyPath)
        let line = result.line(at: place)
        #expect(line?.contains("warning: 12345678901234567891 has more digits than a number can hold exactly") == true, "\(result)")
        #expect(line?.hasSuffix("[imprecise-number]") == true, "\(result)")
        #expect(await workspace.run(["check", "--fail-on", "warning"]).code == 1)
    }

    @Test("a number too small to hold is read as 0 with an imprecise-number warning")
    func underflow() async throws {
        let bytes = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "budget": 1e-400"#)).utf8)
        let workspace = try Self.journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        let place = location(of: "1e-400", in: bytes, file: Self.journeyPath)
        #expect(result.line(at: place)?.contains("warning: 1e-400 is too small to hold; it is read as 0 [imprecise-number]") == true, "\(result)")
    }

    // MARK: Keys

    @Test("a duplicate key is reported where it repeats, with the first one as a note")
    func duplicateKeys() async throws {
        let text = Fixture.journey(touchpoints: Fixture.touchpoint(extra: #", "name": "first",\#n      "name": "second""#))
        let bytes = Array(text.utf8)
        let workspace = try Self.journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        let first = offset(of: #""name""#, in: bytes)
        let second = offset(of: #""name""#, in: bytes, from: first + 1)
        let place = "\(Self.journeyPath):\(lineAndColumn(of: second, in: bytes))"
        #expect(result.line(at: place)?.contains("error: the key 'name' appears twice in this object; the first one, at \(lineAndColumn(of: first, in: bytes)), is used [duplicate-key]") == true, "\(result)")
        #expect(result.text.contains("    \(Self.journeyPath):\(lineAndColumn(of: first, in: bytes)): note: first written here"), "\(result)")
    }

    // MARK: The file system

    @Test("a folder named like a journey file is walked as a folder, not read")
    func folderNamedLikeAJourney() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        try workspace.makeFolder("Journeys/x.journey.jsonc")
        let empty = await workspace.run(["check"])
        #expect(empty.code == 0, "an empty folder is nothing to check: \(empty)")
        #expect(!empty.text.contains("unreadable-file"), "\(empty)")

        try workspace.write("Journeys/x.journey.jsonc/inner.journey.jsonc", Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "cold""#)))
        let inner = await workspace.run(["check"])
        #expect(inner.code == 2, "\(inner)")
        let cold = location(of: #""cold""#, in: workspace.read("Journeys/x.journey.jsonc/inner.journey.jsonc") ?? [], file: "Journeys/x.journey.jsonc/inner.journey.jsonc")
        #expect(inner.line(at: cold)?.contains("'cold' is not a value of 'tone'") == true, "\(inner)")

        // Named on the command line, it is still a folder.
        let named = await workspace.run(["check", "Brands", "Journeys/x.journey.jsonc"])
        #expect(named.code == 2 && named.line(at: cold) != nil, "\(named)")
    }

    /// Whether a file with mode 000 cannot be opened here: false for root,
    /// which reads any file (the test is then skipped, with this reason).
    static let modesBlockReading: Bool = {
        let path = FileManager.default.temporaryDirectory.path + "/throughline-mode-probe-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) else { return false }
        defer { unlink(path) }
        chmod(path, 0)
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 { close(descriptor) }
        return descriptor < 0
    }()

    @Test(
        "an unreadable file is reported, and the other files are still checked",
        .enabled(if: modesBlockReading, "file modes do not stop this user from reading (running as root): chmod 000 cannot make a file unreadable here")
    )
    func unreadableFile() async throws {
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/a.journey.jsonc": Fixture.journey("a", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
            "Journeys/b.journey.jsonc": Fixture.journey("b", touchpoints: Fixture.touchpoint()),
        ])
        chmod(workspace.path("Journeys/b.journey.jsonc"), 0)
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        #expect(result.line(at: "Journeys/b.journey.jsonc:1:1")?.contains("error: cannot read Journeys/b.journey.jsonc: Permission denied [unreadable-file]") == true, "\(result)")
        let gap = location(of: #""neutral""#, in: workspace.read("Journeys/a.journey.jsonc") ?? [], file: "Journeys/a.journey.jsonc")
        #expect(result.line(at: gap)?.contains("error:") == true, "the gap in a is still reported: \(result)")
    }

    @Test("a symbolic link leading outside the given folders is reported and not followed")
    func linkOutside() async throws {
        let outside = try TemporaryWorkspace()
        try outside.write("secret.journey.jsonc", "{ this is not json, and must never be read")
        try outside.write("folder/other.journey.jsonc", "{ nor this")
        let workspace = try Fixture.workspace(journeys: ["Journeys/a.journey.jsonc": Fixture.journey(touchpoints: Fixture.touchpoint())])
        try workspace.link("Journeys/evil.journey.jsonc", to: outside.path("secret.journey.jsonc"))
        try workspace.link("Journeys/passwd.journey.jsonc", to: "/etc/passwd")
        try workspace.link("Journeys/relative.journey.jsonc", to: "../../" + (outside.root as NSString).lastPathComponent + "/secret.journey.jsonc")
        try workspace.link("Journeys/folder", to: outside.path("folder"))
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "links are warnings; the one journey is fine: \(result)")
        for name in ["evil.journey.jsonc", "passwd.journey.jsonc", "relative.journey.jsonc", "folder"] {
            let path = "Journeys/\(name)"
            #expect(
                result.line(at: "\(path):1:1")?.contains("warning: \(path) is a symbolic link that leads outside the folders being checked (or nowhere); it is not followed [link-outside-workspace]") == true,
                "\(result)"
            )
        }
        #expect(!result.text.contains("syntax"), "nothing outside was read: \(result)")
        #expect(result.summary?.hasPrefix("0 errors, 4 warnings, 0 infos in 2 files (1 journey, 1 touchpoint)") == true, "\(result)")
    }

    @Test("a link inside the given folders is followed once; links in a loop end the walk")
    func linkLoops() async throws {
        let workspace = try Fixture.workspace(journeys: ["Journeys/a.journey.jsonc": Fixture.journey(touchpoints: Fixture.touchpoint())])
        try workspace.link("Journeys/self.journey.jsonc", to: "self.journey.jsonc")
        try workspace.link("Journeys/ping", to: "pong")
        try workspace.link("Journeys/pong", to: "ping")
        try workspace.link("Journeys/up", to: "..")            // a folder that holds itself
        try workspace.link("Journeys/again.journey.jsonc", to: "a.journey.jsonc")
        let result = await workspace.run(["check"])
        #expect(result.code == 0, "\(result)")
        #expect(result.line(at: "Journeys/self.journey.jsonc:1:1")?.contains("[link-outside-workspace]") == true, "\(result)")
        #expect(result.summary?.contains("(1 journey, 1 touchpoint)") == true, "each file is read once: \(result)")

        // Named on the command line, a link loop cannot be read: exit 2.
        let named = await workspace.run(["check", "Brands", "Journeys/self.journey.jsonc"])
        #expect(named.code == 2, "\(named)")
        #expect(named.line(at: "Journeys/self.journey.jsonc:1:1")?.contains("[unreadable-file]") == true, "\(named)")
    }

    @Test("a named pipe is never waited on: skipped in a folder, refused when named")
    func namedPipe() async throws {
        let workspace = try Fixture.workspace(journeys: ["Journeys/a.journey.jsonc": Fixture.journey(touchpoints: Fixture.touchpoint())])
        #expect(mkfifo(workspace.path("Journeys/pipe.journey.jsonc"), 0o644) == 0)
        let walked = await workspace.run(["check"])
        #expect(walked.code == 0, "only regular files are read from folders: \(walked)")
        #expect(walked.summary?.contains("in 2 files (1 journey, 1 touchpoint)") == true, "\(walked)")

        // Opening a pipe for reading waits for a writer: it must not be opened that way.
        let named = await workspace.run(["check", "Brands", "Journeys/a.journey.jsonc", "Journeys/pipe.journey.jsonc"])
        #expect(named.code == 2, "\(named)")
        #expect(named.line(at: "Journeys/pipe.journey.jsonc:1:1")?.contains("error: cannot read Journeys/pipe.journey.jsonc: it is not a regular file [unreadable-file]") == true, "\(named)")
        #expect(named.summary?.contains("(1 journey, 1 touchpoint)") == true, "the other journey is still checked: \(named)")
    }

    @Test("a file larger than the reader accepts is refused before it is read into memory")
    func hugeSparseFile() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        let path = workspace.path(Self.journeyPath)
        try workspace.write(Self.journeyPath, "")
        // 5 GiB of nothing: a sparse file takes no disk space.
        #expect(truncate(path, 5 << 30) == 0)
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        #expect(result.line(at: "\(Self.journeyPath):1:1")?.contains("cannot read \(Self.journeyPath): it is larger than 4 GiB, the most the reader accepts [unreadable-file]") == true, "\(result)")
    }

    @Test("folders nested 1,000 deep are walked")
    func deepFolders() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        let deep = "Journeys/" + Array(repeating: "d", count: 1_000).joined(separator: "/")
        try workspace.write(deep + "/deep.journey.jsonc", Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "cold""#)))
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        let file = deep + "/deep.journey.jsonc"
        let cold = location(of: #""cold""#, in: workspace.read(file) ?? [], file: file)
        #expect(result.line(at: cold)?.contains("'cold' is not a value of 'tone'") == true, "\(result)")
    }

    @Test("a line break in a file name cannot forge CI annotations; a name that is not UTF-8 is reported, not skipped")
    func oddFileNames() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        let forged = "Journeys/x\n::error file=Brands/t.brand.jsonc,line=1,col=1::forged.journey.jsonc"
        try workspace.write(forged, Fixture.journey("forged", touchpoints: Fixture.touchpoint(experience: #""tone": "cold""#)))
        // A name that is not UTF-8: created through the C API.
        let raw = Array(workspace.path("Journeys/bad-\u{1}").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF)] + Array(".journey.jsonc".utf8CString)
        let descriptor = raw.withUnsafeBufferPointer { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        #expect(descriptor >= 0)
        let text = Array(Fixture.journey("invalid-name", touchpoints: Fixture.touchpoint(experience: #""tone": "cold""#)).utf8)
        #expect(text.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == text.count)
        close(descriptor)

        let result = await workspace.run(["check", "--format", "github"])
        #expect(result.code == 2, "\(result)")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") }, "\(result)")
        #expect(!result.output.contains("\n::error file=Brands/t.brand.jsonc,line=1,col=1::"), "\(result)")
        #expect(result.output.filter { $0 == "\n" }.count == 3, "two findings and the summary: \(result)")
        // The control character in the name is shown, not written.
        #expect(result.output.contains("::error file=Journeys/bad-\\u{1}\u{FFFD}.journey.jsonc,line=1,col=1,title=unreadable-file::cannot read Journeys/bad-\\u{1}\u{FFFD}.journey.jsonc: its name is not valid UTF-8"), "\(result)")
    }

    @Test("import never writes outside its output folder, whatever the journey ids in the inventory")
    func importStaysInItsFolder() async throws {
        let workspace = try Fixture.workspace(journeys: [:])
        for id in ["../../escaped", "sub/dir", ".hidden", "..", "/tmp/absolute"] {
            let csv = "journey,touchpoint,stage,channel,tone\n\(id),a,discover,web,warm\nfine,b,discover,web,warm\n"
            try workspace.write("inventory.csv", csv)
            let result = await workspace.run(["import", "inventory.csv", "--brand", "t"])
            #expect(result.code == 2, "\(id): \(result)")
            #expect(result.error.contains("error: cannot import journey '\(id)': its id is used as a file name"), "\(id): \(result)")
            #expect(!workspace.exists("Journeys/t"), "nothing was written: \(workspace.list("Journeys"))")
        }
        #expect(workspace.list().sorted() == ["Brands", "inventory.csv"], "\(workspace.list())")
        #expect(!FileManager.default.fileExists(atPath: "/tmp/absolute.journey.jsonc"))

        // The same inventory with plain ids is imported.
        try workspace.write("inventory.csv", "journey,touchpoint,stage,channel,tone\nfine,b,discover,web,warm\n")
        let imported = await workspace.run(["import", "inventory.csv", "--brand", "t"])
        #expect(imported.code == 0, "\(imported)")
        #expect(workspace.exists("Journeys/t/fine.journey.jsonc"))
    }

    // MARK: Patterns

    @Test("a pattern that would backtrack catastrophically is matched in linear time")
    func catastrophicPattern() async throws {
        let marker = #"[{ "id": "signed", "severity": "error", "expect": { "signature": { "matches": "(a+)+$" } } }]"#
        // 100,000 a's then a '!': a backtracking matcher tries 2^100000 ways.
        let signature = String(repeating: "a", count: 100_000) + "!"
        let bytes = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "signature": "\#(signature)""#)).utf8)
        let workspace = try Self.journeyWorkspace(bytes, markers: marker)
        let result = await workspace.run(["check"])
        #expect(result.code == 1, "the signature does not match: a gap, \(result)")
        let place = location(of: #""aaaa"#, in: bytes, file: Self.journeyPath)
        #expect(result.line(at: place)?.contains("[signed") == true, "\(result)")

        // And the same text with the '!' removed matches: no gap.
        let matching = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "signature": "\#(signature.dropLast())""#)).utf8)
        try workspace.write(Self.journeyPath, matching)
        #expect(await workspace.run(["check"]).code == 0)
    }

    @Test("a pattern too large for a long value is not run on it: the expectation fails, saying why")
    func patternTooCostlyForTheValue() async throws {
        // About 18,000 instructions; on 100,000 characters a linear matcher
        // would still take some 2 billion steps.
        let marker = #"[{ "id": "signed", "severity": "error", "expect": { "signature": { "matches": "(?:.{0,1000}){9}!" } } }]"#
        let signature = String(repeating: "a", count: 100_000)
        let bytes = Array(Fixture.journey(touchpoints: Fixture.touchpoint(experience: #""tone": "warm", "signature": "\#(signature)""#)).utf8)
        let workspace = try Self.journeyWorkspace(bytes, markers: marker)
        let result = await workspace.run(["check"])
        #expect(result.code == 1, "\(result)")
        let place = location(of: #""aaaa"#, in: bytes, file: Self.journeyPath)
        #expect(result.line(at: place)?.contains("plans signature of 100000 characters, too long to match within the pattern's cost limit") == true, "\(result)")
    }

    // MARK: Names

    @Test("did-you-mean over very long names ends quickly")
    func didYouMeanOnLongNames() async throws {
        // Ten touchpoints with 100,000-character ids, each naming in 'next' an
        // id that differs by one letter from all of them: every dangling link
        // looks for the closest of the ten ids.
        let stem = String(repeating: "a", count: 100_000)
        let touchpoints = (0..<10).map { index in
            Fixture.touchpoint("\(stem)\(index)", extra: #", "next": ["\#(stem)x\#(index)"]"#)
        }
        let bytes = Array(Fixture.journey(touchpoints: touchpoints.joined(separator: ",\n")).utf8)
        let workspace = try Self.journeyWorkspace(bytes)
        let result = await workspace.run(["check"])
        #expect(result.code == 2)
        let place = location(of: "\"\(stem)x0", in: bytes, file: Self.journeyPath)
        #expect(result.line(at: place)?.contains("[dangling-next]") == true)
    }

    // MARK: One bad file among good ones

    @Test("a syntax error in one journey hides nothing in the others")
    func oneBadFile() async throws {
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/a.journey.jsonc": Fixture.journey("a", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
            "Journeys/b.journey.jsonc": "{ \"journey\": \"b\", \"brand\": \"t\", \"touchpoints\": [ }\n",
            "Journeys/c.journey.jsonc": Fixture.journey("c", touchpoints: Fixture.touchpoint().replacingOccurrences(of: #""web""#, with: #""fax""#)),
            "Journeys/d/e.journey.jsonc": Fixture.journey("e", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
        ])
        let result = await workspace.run(["check"])
        #expect(result.code == 2, "\(result)")
        func place(_ needle: String, _ file: String) -> String {
            location(of: needle, in: workspace.read(file) ?? [], file: file)
        }
        let syntax = place("}", "Journeys/b.journey.jsonc")
        #expect(result.line(at: place(#""neutral""#, "Journeys/a.journey.jsonc"))?.contains("error:") == true, "gap in a: \(result)")
        #expect(result.line(at: syntax)?.contains("error: expected a value, found '}'") == true, "syntax error in b: \(result)")
        #expect(result.line(at: place(#""fax""#, "Journeys/c.journey.jsonc"))?.contains("unknown channel 'fax'") == true, "unknown channel in c: \(result)")
        #expect(result.line(at: place(#""neutral""#, "Journeys/d/e.journey.jsonc"))?.contains("error:") == true, "gap in e: \(result)")
        #expect(result.summary?.contains("in 5 files (3 journeys, 2 touchpoints)") == true, "\(result)")

        // The audit refuses to report on half of them, and says why.
        let audit = await workspace.run(["audit"])
        #expect(audit.code == 2, "\(audit)")
        #expect(audit.error.contains("\(syntax): error:"), "\(audit)")
    }

    // MARK: Output files

    /// Hidden temporary files `OutputFile` may have left next to `folder`'s reports.
    static func leftovers(in workspace: TemporaryWorkspace, _ folder: String) -> [String] {
        workspace.list(folder).filter { $0.hasPrefix(".") && $0.hasSuffix(".tmp") }
    }

    @Test("--output writes the whole report, and leaves no temporary file")
    func outputWritten() async throws {
        let workspace = try Fixture.workspace(markers: Fixture.warmTone, journeys: [
            "Journeys/a.journey.jsonc": Fixture.journey("a", touchpoints: Fixture.touchpoint(experience: #""tone": "neutral""#)),
        ])
        try workspace.write("reports/check.json", "previous")
        let result = await workspace.run(["check", "--format", "json", "--output", "reports/check.json"])
        #expect(result.code == 1, "\(result)")
        #expect(result.output.isEmpty, "the report goes to the file only: \(result)")
        let written = String(decoding: workspace.read("reports/check.json") ?? [], as: UTF8.self)
        #expect(written.hasPrefix("{") && written.hasSuffix("}\n") && written.contains("Journeys/a.journey.jsonc"), "\(written.prefix(300))")
        #expect(Self.leftovers(in: workspace, "reports").isEmpty, "\(workspace.list("reports"))")

        let audit = await workspace.run(["audit", "--output", "reports/audit.txt"])
        #expect(audit.code == 0, "\(audit)")
        #expect(workspace.read("reports/audit.txt")?.isEmpty == false)
        #expect(Self.leftovers(in: workspace, "reports").isEmpty, "\(workspace.list("reports"))")
    }

    @Test("a failed run leaves the previous report intact and no temporary file")
    func outputKeptOnFailure() async throws {
        let workspace = try Fixture.workspace(journeys: ["Journeys/a.journey.jsonc": "{ \"journey\": "])
        let previous = Array("previous report\n".utf8)
        try workspace.write("reports/audit.txt", previous)
        // An argument that cannot be used: nothing is written.
        let refused = await workspace.run(["audit", "--segment", "nobody", "--output", "reports/audit.txt"])
        #expect(refused.code == 2, "\(refused)")
        #expect(refused.error.contains("unknown segment 'nobody'"), "\(refused)")
        #expect(workspace.read("reports/audit.txt") == previous)
        #expect(Self.leftovers(in: workspace, "reports").isEmpty, "\(workspace.list("reports"))")
        // Unusable files: their errors are printed, the audit of what can be
        // audited is written (here nothing), and the run ends with exit code 2.
        let unusable = await workspace.run(["audit", "--output", "reports/audit.txt"])
        #expect(unusable.code == 2, "\(unusable)")
        #expect(unusable.error.contains("Journeys/a.journey.jsonc:1:14: error:"), "\(unusable)")
        #expect(workspace.read("reports/audit.txt") != previous)
        #expect(Self.leftovers(in: workspace, "reports").isEmpty, "\(workspace.list("reports"))")

        // A report that cannot be put in place: the target is a folder.
        try workspace.write("Journeys/a.journey.jsonc", Fixture.journey(touchpoints: Fixture.touchpoint()))
        try workspace.makeFolder("reports/folder.txt")
        let blocked = await workspace.run(["check", "--output", "reports/folder.txt"])
        #expect(blocked.code == 2, "\(blocked)")
        #expect(blocked.error.hasPrefix("error: cannot write "), "\(blocked)")
        #expect(workspace.list("reports/folder.txt").isEmpty)
        #expect(Self.leftovers(in: workspace, "reports").isEmpty, "\(workspace.list("reports"))")

        // A folder that does not exist: nothing is created.
        let missing = await workspace.run(["check", "--output", "nowhere/report.txt"])
        #expect(missing.code == 2 && missing.error.hasPrefix("error: cannot write "), "\(missing)")
        #expect(!workspace.exists("nowhere"))
    }

    @Test("--output naming an input, or any journey file, is refused: exit 2, nothing written")
    func outputRefused() async throws {
        let journey = Fixture.journey(touchpoints: Fixture.touchpoint())
        let workspace = try Fixture.workspace(journeys: ["Journeys/a.journey.jsonc": journey])
        try workspace.write("notes/extra.jsonc", #"{ "journey": "extra", "brand": "t", "touchpoints": [] }"#)
        let before = workspace.read("notes/extra.jsonc")
        for (arguments, reason) in [
            (["check", "--output", "Journeys/a.journey.jsonc"], "it is named like a brand, charter or journey file"),
            (["check", "--output", "Journeys/new.journey.jsonc"], "it is named like a brand, charter or journey file"),
            (["audit", "--output", "Brands/t.brand.jsonc"], "it is named like a brand, charter or journey file"),
            (["check", "Brands", "Journeys", "notes/extra.jsonc", "--output", "notes/extra.jsonc"], "it is one of the files being checked"),
            (["check", "Brands", "Journeys", "notes/extra.jsonc", "--output", "./notes/../notes/extra.jsonc"], "it is one of the files being checked"),
            (["check", "Brands", "Journeys", "notes/extra.jsonc", "--output", workspace.path("notes/extra.jsonc")], "it is one of the files being checked"),
            (["check", "--write-baseline", "Journeys/a.journey.jsonc"], "it is named like a brand, charter or journey file"),
        ] {
            let result = await workspace.run(arguments)
            #expect(result.code == 2, "\(arguments): \(result)")
            #expect(result.error.contains("error: refusing to write a report to") && result.error.contains(reason), "\(arguments): \(result)")
            #expect(result.output.isEmpty, "\(arguments): \(result)")
        }
        #expect(workspace.read("Journeys/a.journey.jsonc") == Array(journey.utf8))
        #expect(workspace.read("notes/extra.jsonc") == before)
        #expect(!workspace.exists("Journeys/new.journey.jsonc"))
        #expect(Self.leftovers(in: workspace, "Journeys").isEmpty && Self.leftovers(in: workspace, "notes").isEmpty)
    }
}
