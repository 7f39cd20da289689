import EventExports
import JourneyModel
import Testing

@testable import LivedCases

/// Exports that cannot be read to their end, or whose values or header
/// cannot be told apart: each is a located error or a located skipped
/// row, never a report of the rows before it that passes for the whole.
@Suite("Exports read only in part")
struct PartialExportTests {
    static func row(_ index: Int, owner: String = "Ana") -> String {
        HostileExportTests.row("C\(index)", index, "Browsed", owner: owner)
    }

    /// `csv` read in parts of each of these sizes (a part boundary inside
    /// the open quote's text, and none), then `check`ed.
    static func eachPartSize(
        _ csv: [UInt8], sizes: [Int] = [7, 64, 4096, ExportReader.chunkSize], maxSkipped: Int? = nil, _ check: (CaseReplay.Reading, Int) throws -> Void
    ) async throws {
        let (compiled, _) = try await Shop.load()
        for partSize in sizes {
            let access = InMemoryExports([Shop.dataPath: csv])
            let (reading, partials) = try CaseReplay.run(
                compiled, access: access, budget: .standard, maxSkipped: maxSkipped, partSize: partSize, makePartial: { 0 }
            ) { count, _ in count += 1 }
            #expect(partials.isEmpty, "parts of \(partSize)")
            try check(reading, partSize)
        }
    }

    @Test("One stray quote in row 4 of 1,000 is an error at the quote, not three rows read and the rest dropped")
    func strayQuote() async throws {
        var rows = (0..<999).map { Self.row($0) }
        rows[2] = Self.row(2, owner: "\"Jean")
        // "C2,2026-03-02T09:02:00Z,Browsed,,Silver," is 40 characters: the quote is at column 41.
        try await Self.eachPartSize(Shop.csv(rows)) { reading, partSize in
            #expect(reading.diagnostics.map(\.code) == [.unreadableFile], "parts of \(partSize)")
            #expect(reading.diagnostics.first?.message == "a quoted field of the export Observations/shop/visits.csv opened at row 4, column 41, field 6 'owner' is never closed: the rest of the export, from line 4, cannot be read")
            #expect(reading.diagnostics.first?.location == JourneyModel.SourceLocation(file: Shop.dataPath, line: 4, column: 41))
            #expect(reading.counts.rows == 2)
            #expect(reading.counts.events == 2)
            #expect(reading.counts.skipped == 0)
        }
    }

    @Test("In 30,000 rows the stray quote is named at the field limit, not a field too long; it is no skipped row for --max-bad-rows")
    func strayQuotePastTheLimit() async throws {
        var rows = (0..<29_999).map { Self.row($0) }
        rows[2] = Self.row(2, owner: "\"Jean")
        let csv = Shop.csv(rows)
        #expect(csv.count > 1 << 20)
        try await Self.eachPartSize(csv, sizes: [4096, ExportReader.chunkSize], maxSkipped: 0) { reading, partSize in
            #expect(reading.diagnostics.map(\.message) == [
                "a quoted field of the export Observations/shop/visits.csv opened at row 4, column 41, field 6 'owner' is still open after 1048576 bytes, "
                    + "the most a field holds, so its quote is taken for one never closed: the rest of the export, from line 4, cannot be read",
            ], "parts of \(partSize)")
            #expect(reading.diagnostics.first?.location == JourneyModel.SourceLocation(file: Shop.dataPath, line: 4, column: 41))
            #expect(reading.counts.events == 2)
            #expect(!reading.counts.tooManySkipped)
        }
        // A skipped row before the quote still stops reading there, as --max-bad-rows says.
        rows[1] = Self.row(1).replacingOccurrences(of: "2026-03-02T", with: "2026-02-30T")
        try await Self.eachPartSize(Shop.csv(rows), sizes: [4096, ExportReader.chunkSize], maxSkipped: 0) { reading, _ in
            #expect(reading.counts.tooManySkipped)
            #expect(reading.counts.skipped == 1)
            #expect(reading.diagnostics.isEmpty)
        }
    }

    @Test("A quote opened on the second line of a row with a quoted line break is located on that line")
    func quoteOnALaterLine() async throws {
        // Row 3 starts on line 3; its owner opens on line 4, after "x\n" closed in the activity.
        let rows = [Self.row(0), "C1,2026-03-02T09:01:00Z,\"x\ny\",,Silver,\"Jean,,,", Self.row(2)]
        try await Self.eachPartSize(Shop.csv(rows)) { reading, _ in
            #expect(reading.diagnostics.first?.message == "a quoted field of the export Observations/shop/visits.csv opened at row 3 (line 4), column 12, field 6 'owner' is never closed: the rest of the export, from line 4, cannot be read")
            #expect(reading.diagnostics.first?.location == JourneyModel.SourceLocation(file: Shop.dataPath, line: 4, column: 12))
            #expect(reading.counts.events == 1)
        }
    }

    /// The shop's source read as XES, and a log of 100 traces of two
    /// events each, four lines a trace from line 3, whose third trace is
    /// closed by `</trace2>`.
    static func brokenLog() async throws -> (CompiledSource, InMemoryExports) {
        let source = #"""
        { "source": "visits", "brand": "shop", "data": "visits.xes", "format": "xes", "segment": "regulars",
          "activities": { "Browsed": "browse", "Mail sent": "mail" } }
        """#
        let (compiled, _) = try await Shop.load(source: source)
        var log = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<log xes.version=\"1.0\">\n"
        for trace in 1...100 {
            log += "  <trace><string key=\"concept:name\" value=\"C\(trace)\"/>\n"
            log += "    <event><string key=\"concept:name\" value=\"Browsed\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:00:00Z\"/></event>\n"
            log += "    <event><string key=\"concept:name\" value=\"Mail sent\"/><date key=\"time:timestamp\" value=\"2026-03-02T09:10:00Z\"/></event>\n"
            log += trace == 3 ? "  </trace2>\n" : "  </trace>\n"
        }
        log += "</log>\n"
        return (compiled, InMemoryExports(["Observations/shop/visits.xes": Array(log.utf8)]))
    }

    @Test("Malformed XES after trace 3 of 100 is an error where it is, not six events and three cases")
    func malformedXES() async throws {
        let (compiled, access) = try await Self.brokenLog()
        let (reading, partials) = try CaseReplay.run(compiled, access: access, makePartial: { 0 }) { count, _ in count += 1 }
        #expect(partials.isEmpty)
        #expect(reading.diagnostics.map(\.code) == [.unreadableFile])
        #expect(reading.diagnostics.first?.message == "the export Observations/shop/visits.xes cannot be read at line 14, column 3 (</trace2> does not close <trace>, opened at line 11, column 3): the rest of the export, from line 14, cannot be read")
        #expect(reading.diagnostics.first?.location == JourneyModel.SourceLocation(file: "Observations/shop/visits.xes", line: 14, column: 3))
        #expect(reading.counts.events == 6)
        #expect(reading.counts.skipped == 0)
    }

    @Test("A JSON object or array in any column the source reads is a located bad value, never a case id or an owner")
    func nestedJSONValues() async throws {
        let (compiled, access) = try await ReadingAndGroupingTests.jsonLines([
            #"{"case": ["a"], "time": "2026-03-02T09:00:00Z", "activity": "Browsed", "tier": "Silver"}"#,
            #"{"case": "C1", "time": "2026-03-02T09:00:00Z", "activity": "Browsed", "tier": "Silver", "owner": {"a": 1}}"#,
            #"{"case": "C1", "time": {"at": "2026-03-02T09:05:00Z"}, "activity": "Browsed", "tier": "Silver"}"#,
            #"{"case": "C1", "time": "2026-03-02T09:10:00Z", "activity": "Mail sent", "tier": "Silver", "greeting": ["vous"]}"#,
            #"{"case": "C1", "time": "2026-03-02T09:15:00Z", "activity": "Mail sent", "tier": "Silver", "odds": [1, 2]}"#,
            #"{"case": "C2", "time": "2026-03-02T09:00:00Z", "activity": "Browsed", "channel": "web", "tier": "Silver", "owner": "Ana", "reply_minutes": 5, "history": true, "note": {"ignored": true}}"#,
        ])
        let (cases, reading) = try Shop.cases([], compiled: compiled, exports: access)
        #expect(reading.counts.rows == 6)
        #expect(reading.counts.events == 1)
        #expect(reading.counts.skippedByKind == [.badValue: 5])
        #expect(reading.counts.issues.map(\.description) == [
            "Observations/shop/visits.jsonl: line 1, 'case': an array where the source reads one value; the row is skipped",
            "Observations/shop/visits.jsonl: line 2, 'owner': an object where the source reads one value; the row is skipped",
            "Observations/shop/visits.jsonl: line 3, 'time': an object where the source reads one value; the row is skipped",
            "Observations/shop/visits.jsonl: line 4, 'greeting': an array where the source reads one value; the row is skipped",
            "Observations/shop/visits.jsonl: line 5, 'odds': an array where the source reads one value; the row is skipped",
        ])
        // A key the source does not read may hold anything.
        #expect(cases.map { String(decoding: $0.key, as: UTF8.self) } == ["C2"])
        #expect(reading.diagnostics.isEmpty)
    }

    @Test("A header name the source reads, written twice, is an error at the header; one it does not read is not")
    func duplicateHeaderNames() async throws {
        let (compiled, _) = try await Shop.load()
        let rows = [Self.row(0), Self.row(1)]
        func read(header: String, extra: String) throws -> CaseReplay.Reading {
            let text = ([header] + rows.map { $0 + extra }).joined(separator: "\n") + "\n"
            return try Shop.cases([], compiled: compiled, exports: InMemoryExports([Shop.dataPath: Array(text.utf8)])).reading
        }
        let mapped = try read(header: Shop.header + ",owner,x,owner", extra: ",Zoé,1,Zoé")
        #expect(mapped.diagnostics.map(\.code) == [.unreadableFile])
        #expect(mapped.diagnostics.map(\.message) == [
            "the header row of the export Observations/shop/visits.csv names two columns 'owner', fields 6 and 11 (row 1), and the source reads 'owner': which one it means cannot be told, so none of its rows can",
        ])
        #expect(mapped.diagnostics.first?.location == JourneyModel.SourceLocation(file: Shop.dataPath, line: 1, column: 1))
        #expect(mapped.counts.events == 0)
        let unmapped = try read(header: Shop.header + ",note,note", extra: ",a,b")
        #expect(unmapped.diagnostics.isEmpty)
        #expect(unmapped.counts.events == 2)
        #expect(unmapped.counts.skipped == 0)
    }
}
