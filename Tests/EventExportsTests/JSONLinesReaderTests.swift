import Testing
@testable import EventExports

/// JSON Lines as event exports write them: one flat object per line.
@Suite("JSON Lines reader")
struct JSONLinesReaderTests {
    struct Reading: Equatable {
        /// Each object as (key, kind, raw text) triples, with its line.
        var objects: [[String]] = []
        var lines: [Int] = []
        var issues: [String] = []
    }

    static func read(_ bytes: [UInt8], chunkSize: Int? = nil, _ options: JSONLinesOptions = JSONLinesOptions()) -> Reading {
        var reading = Reading()
        var reader = JSONLinesReader(options)
        let handle: (JSONLinesEvent) -> Void = { event in
            switch event {
            case .object(let object):
                reading.objects.append(object.map { "\($0.key)=\($0.value.kind):\($0.value.rawText)" })
                reading.lines.append(object.line)
            case .issue(let issue):
                reading.issues.append(issue.description)
            }
        }
        let size = chunkSize ?? max(1, bytes.count)
        var start = 0
        while start < bytes.count {
            reader.read(Array(bytes[start..<min(start + size, bytes.count)]), handle)
            start += size
        }
        reader.finish(handle)
        return reading
    }

    static func read(_ text: String, chunkSize: Int? = nil) -> Reading { read(Array(text.utf8), chunkSize: chunkSize) }

    static let sample = """
        {"case":"C1","ts":"2026-07-03T14:05:00Z","minutes":45,"vip":true,"note":null}
        {"case":"C2", "ts" : "2026-07-03T15:00:00+02:00" , "minutes":-1.5e2,"vip":false}\r

        {"case":"C\\u00e9\\n","tags":["a","b"],"meta":{"x":{"y":[1,{"z":"]"}]}}}
        {}
        {"case":"C4"}
        """

    @Test func flatObjectsAreReadAsMembersWithKindsAndText() {
        let reading = Self.read(Self.sample)
        #expect(reading.issues.isEmpty)
        #expect(reading.objects == [
            ["case=string:C1", "ts=string:2026-07-03T14:05:00Z", "minutes=number:45", "vip=bool:true", "note=null:null"],
            ["case=string:C2", "ts=string:2026-07-03T15:00:00+02:00", "minutes=number:-1.5e2", "vip=bool:false"],
            ["case=string:C\\u00e9\\n", "tags=nested:[\"a\",\"b\"]", "meta=nested:{\"x\":{\"y\":[1,{\"z\":\"]\"}]}}"],
            [],
            ["case=string:C4"],
        ])
        #expect(reading.lines == [1, 2, 4, 5, 6])
    }

    @Test("every chunk size gives the same objects", arguments: [1, 2, 3, 5, 7, 16, 64])
    func chunks(_ size: Int) {
        #expect(Self.read(Self.sample, chunkSize: size) == Self.read(Self.sample))
    }

    @Test func valuesDecodeOnDemand() throws {
        var reader = JSONLinesReader()
        var seen = 0
        reader.read(Array(#"{"case":"C\u00e9\n\ud83d\ude00","minutes":45,"big":12345678901234567890,"rate":-0.25,"vip":true,"x":null,"k\"q":1}"#.utf8 + [10])) { event in
            guard case .object(let object) = event else { return }
            #expect(object["case"]?.string == "Cé\n😀")
            #expect(object["minutes"]?.int64 == 45)
            #expect(object["minutes"]?.double == 45)
            #expect(object["big"]?.int64 == nil)
            // The nearest Double to 12,345,678,901,234,567,890.
            #expect(object["big"]?.double == 12_345_678_901_234_567_168)
            #expect(object["rate"]?.double == -0.25)
            #expect(object["rate"]?.int64 == nil)
            #expect(object["vip"]?.bool == true)
            #expect(object["x"]?.isNull == true)
            #expect(object["case"]?.int64 == nil)
            #expect(object["minutes"]?.string == nil)
            #expect(object["k\"q"]?.int64 == 1)
            #expect(object["missing"] == nil)
            #expect(object.map(\.key) == ["case", "minutes", "big", "rate", "vip", "x", "k\"q"])
            seen += 1
        }
        #expect(seen == 1)
    }

    @Test func aKeyWrittenTwiceIsFoundFirst() {
        var reader = JSONLinesReader()
        var values: [Int64?] = []
        reader.read(Array(#"{"a":1,"a":2}"#.utf8)) { _ in }
        reader.finish { event in
            if case .object(let object) = event { values = [object["a"]?.int64, object[1].value.int64] }
        }
        #expect(values == [1, 2])
    }

    @Test("a bad line is a located issue and the next line is read", arguments: [
        (#"{"a":1,}"#, "line 1, column 8: expected a member name in double quotes, found '}'; the line is skipped"),
        (#"{"a" 1}"#, "line 1, column 6: expected ':' after the member name, found '1'; the line is skipped"),
        (#"{"a":1"#, "line 1, column 7: the object is never closed with '}'; the line is skipped"),
        (#"{"a":"x}"#, "line 1, column 6: the string that starts here is never closed with '\"'; the line is skipped"),
        (#"{"a":01}"#, "line 1, column 6: a JSON number has no leading zero; the line is skipped"),
        (#"{"a":1.}"#, "line 1, column 8: expected a digit after the decimal point; the line is skipped"),
        (#"{"a":tru}"#, "line 1, column 6: expected a value, found 't'; text goes in double quotes; the line is skipped"),
        (#"{"a":'x'}"#, "line 1, column 6: expected a value, found '''; the line is skipped"),
        (#"{"a":"\x"}"#, "line 1, column 7: '\\x' is not a JSON escape; the line is skipped"),
        (#"{"a":"\ud800"}"#, "line 1, column 7: \\uD800 is a high surrogate without its low surrogate; the line is skipped"),
        (#"{"a":"\udc00"}"#, "line 1, column 7: \\uDC00 is a lone low surrogate; the line is skipped"),
        (#"{"a":[1,2}"#, "line 1, column 10: '}' does not close the array open here; the line is skipped"),
        (#"{"é":1} x"#, "line 1, column 9: expected the end of the line after the object, found 'x'; one object per line; the line is skipped"),
        ("[1,2]", "line 1, column 1: expected a JSON object '{', found '['; the line is skipped"),
        ("\"text\"", "line 1, column 1: expected a JSON object '{', found '\"'; the line is skipped"),
        ("{\"a\":\"tab\there\"}", "line 1, column 10: a tab inside a string must be escaped; the line is skipped"),
    ])
    func badLine(_ line: String, _ message: String) {
        let reading = Self.read(line + "\n{\"ok\":1}\n")
        #expect(reading.issues == [message])
        #expect(reading.objects == [["ok=number:1"]])
        #expect(reading.lines == [2])
    }

    @Test func columnsCountScalarsAndTheByteOrderMarkIsSkipped() {
        let reading = Self.read([0xEF, 0xBB, 0xBF] + Array("{\"a\":1}\n{\"é\":ü}\n".utf8))
        #expect(reading.objects == [["a=number:1"]])
        #expect(reading.issues == ["line 2, column 6: expected a value, found 'ü' (U+00FC); the line is skipped"])
    }

    // MARK: Hostile input

    @Test func invalidUTF8IsReportedAtItsColumn() {
        let reading = Self.read(Array("{\"a\":\"ok\"}\n{\"a\":\"x".utf8) + [0xFF] + Array("\"}\n".utf8))
        #expect(reading.issues == ["line 2, column 8: invalid UTF-8; the line is skipped"])
        #expect(reading.objects.count == 1)
    }

    @Test func aLineLongerThanTheLimitIsSkippedWhateverTheChunks() {
        let long = "{\"a\":\"" + String(repeating: "x", count: 5_000_000) + "\"}"
        let text = long + "\n{\"b\":2}\n" + long
        for size in [1 << 16, 10_000_000] {
            let reading = Self.read(Array(text.utf8), chunkSize: size)
            #expect(reading.objects == [["b=number:2"]])
            #expect(reading.issues == [
                "line 1, column 1: the line is longer than 4194304 bytes, the most allowed; the line is skipped",
                "line 3, column 1: the line is longer than 4194304 bytes, the most allowed; the line is skipped",
            ])
        }
    }

    @Test func deepNestingIsBoundedWithoutRecursion() {
        let deep = "{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let reading = Self.read(deep + "\n")
        #expect(reading.issues == ["line 1, column 70: a value is nested more than 64 levels deep; the line is skipped"])
        let allowed = "{\"a\":" + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        #expect(Self.read(allowed).issues.isEmpty)
    }

    @Test func nulAndControlBytesAreRefusedInsideStringsAndTolerableNowhereElse() {
        let reading = Self.read([UInt8](#"{"a":""#.utf8) + [0] + Array("\"}\n".utf8) + [0] + Array("\n".utf8))
        #expect(reading.issues == [
            "line 1, column 7: a NUL byte inside a string must be escaped; the line is skipped",
            "line 2, column 1: expected a JSON object '{', found a NUL byte; the line is skipped",
        ])
    }

    @Test func aHundredThousandMembersAreReadInOnePass() {
        let members = (0..<100_000).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        var reader = JSONLinesReader()
        var found: [Int64?] = []
        reader.read(Array(("{" + members + "}").utf8)) { _ in }
        reader.finish { event in
            if case .object(let object) = event { found = [object["k0"]?.int64, object["k99999"]?.int64, Int64(object.count)] }
        }
        #expect(found == [0, 99_999, 100_000])
    }
}
