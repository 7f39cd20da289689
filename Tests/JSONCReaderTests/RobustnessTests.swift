import Testing
@testable import JSONCReader

/// Damaged input of every kind must give a located error or a sound
/// document: never a crash, never a position outside the file.
@Suite("Robustness")
struct RobustnessTests {
    /// A document that exercises every part of the grammar and the extensions.
    static let sample = Array("""
        \u{FEFF}// Journey file
        {
          "id": "j-1", /* block
          comment */ "title": "Zoë \\"quoted\\" \\u00e9 \\ud83d\\ude00 \\n",
          "weights": [0, -1, 2.5, -3.25e+2, 1E-7, 12345678901234567890, 1e999],
          "flags": [true, false, null,],
          "nested": {"a": {"b": [[], {}, [{"c": "日本"}]]}, "a": 2},
          "empty": "",
        }
        // end

        """.utf8)

    /// Deterministic pseudo-random numbers (a linear congruential generator).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// Checks what parsing `bytes` gives, whichever way it goes.
    static func checkSoundness(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let document = try JSONCDocument.parse(bytes)
            var cursor = LineMap.Cursor(document.lineMap)
            var pending = [document.root]
            var visited = 0
            while let value = pending.popLast() {
                visited += 1
                #expect(value.offset >= 0 && value.offset < value.endOffset && value.endOffset <= bytes.count, sourceLocation: sourceLocation)
                _ = value.sourceText
                _ = value.string
                _ = value.number?.fidelity
                #expect(cursor.position(of: value.offset) == document.lineMap.position(of: value.offset), sourceLocation: sourceLocation)
                pending += value.elements
                pending += value.members.map(\.value)
            }
            #expect(visited + document.duplicateKeys.count <= document.valueCount, sourceLocation: sourceLocation)
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count, sourceLocation: sourceLocation)
            #expect(!error.message.isEmpty, sourceLocation: sourceLocation)
            let independent = LineMap(scanning: bytes).position(of: error.offset)
            #expect(independent.line == error.line && independent.column == error.column, "\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func theSampleParses() throws {
        let document = try JSONCDocument.parse(Self.sample)
        #expect(document.root.members.map(\.key) == ["id", "title", "weights", "flags", "nested", "empty"])
        #expect(document.root["title"]?.string == "Zoë \"quoted\" é 😀 \n")
        #expect(document.duplicateKeys.map(\.key) == ["a"])
        #expect(document.root["weights"]?.elements.map { $0.number!.fidelity } == [.exact, .exact, .exact, .exact, .exact, .rounded, .overflow])
    }

    @Test func everyTruncationFailsWithinTheFile() {
        // The sample's last value ends before its trailing comment: only the
        // prefixes that reach its closing brace can parse.
        let closingBrace = Self.sample.lastIndex(of: UInt8(ascii: "}"))!
        for length in 0..<Self.sample.count {
            let prefix = Array(Self.sample[..<length])
            let error = syntaxError(prefix)
            if length <= closingBrace {
                #expect(error != nil, "prefix of \(length) bytes parsed")
            }
            Self.checkSoundness(prefix)
        }
    }

    @Test func randomByteChangesNeverCrash() {
        var generator = Generator(state: 2_024)
        let interesting: [UInt8] = Array(#"{}[],:"\/*-+.0123456789eEtfnu "#.utf8) + [0x00, 0x09, 0x0A, 0x0D, 0x7F, 0x80, 0xBF, 0xC3, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xFF]
        for _ in 0..<3_000 {
            var bytes = Self.sample
            for _ in 0..<(1 + generator.next(3)) {
                let position = generator.next(bytes.count)
                switch generator.next(3) {
                case 0: bytes[position] = interesting[generator.next(interesting.count)]
                case 1: bytes.remove(at: position)
                default: bytes.insert(interesting[generator.next(interesting.count)], at: position)
                }
            }
            Self.checkSoundness(bytes)
        }
    }
}
