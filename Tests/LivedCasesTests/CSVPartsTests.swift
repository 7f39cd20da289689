import EventExports
import Testing

@testable import LivedCases

/// A CSV export read in parallel parts gives what one reader gives, at
/// every place a part may end: inside a quoted field holding a line
/// break, inside a line ending, inside a record.
@Suite("Reading a CSV export in parts")
struct CSVPartsTests {
    typealias Row = ReadingAndGroupingTests

    /// Rows 2 to 7 of an export whose row 2 holds a line break in a quoted
    /// field, so that from row 3 on each row starts one line further down.
    static func rows(lineEnding: String) -> [UInt8] {
        let rows = [
            Shop.header,
            Row.row("C1", 0, "Browsed").replacingOccurrences(of: ",Silver,,", with: ",Silver,\"Ana\nMaria\","),
            Row.row("C1", 5, "Mail sent"),
            Row.row("C1", 9, "Call", tier: "Platinum"),
            Row.row("C2", 1, "Browsed"),
            "C2,yesterday,Call,,Silver,,,,,",
            Row.row("C2", 3, "Call"),
        ]
        return Array((rows.joined(separator: lineEnding) + lineEnding).utf8)
    }

    static let expectedIssues = [
        "Observations/shop/visits.csv: row 4 (line 5), field 5 'tier': unknown segment word 'Platinum': add it to the source's 'segments'; the row is skipped",
        "Observations/shop/visits.csv: row 6 (line 7), field 2 'time': 'yesterday' is not a time the source's format reads (expected a 4-digit year at character 1); the row is skipped",
    ]

    static func read(
        _ bytes: [UInt8], compiled: CompiledSource, partSize: Int, maxSkipped: Int? = nil, budget: GroupingBudget = .standard
    ) throws -> (cases: [ObservedCase], reading: CaseReplay.Reading) {
        let access = InMemoryExports([Shop.dataPath: bytes])
        let (reading, partials) = try CaseReplay.run(
            compiled, access: access, budget: budget, maxSkipped: maxSkipped, partSize: partSize, makePartial: { [ObservedCase]() }
        ) { $0.append($1) }
        // Whatever spilled, the spill store is closed once the replay is done.
        #expect(access.spills.open == 0)
        #expect(access.spills.made == (reading.spilledBytes > 0 ? 1 : 0))
        return (partials.joined().sorted { $0.key.lexicographicallyPrecedes($1.key) }, reading)
    }

    @Test("Every part size, with LF, CRLF and CR line endings: the same cases, counts, rows and lines", arguments: ["\n", "\r\n", "\r"])
    func everyPartSize(lineEnding: String) async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.rows(lineEnding: lineEnding)
        for partSize in 1...(bytes.count + 1) {
            let (cases, reading) = try Self.read(bytes, compiled: compiled, partSize: partSize)
            #expect(reading.counts.rows == 6, "part size \(partSize)")
            #expect(reading.counts.events == 4, "part size \(partSize)")
            #expect(reading.counts.issues.map(\.description) == Self.expectedIssues, "part size \(partSize)")
            #expect(cases.map { String(decoding: $0.key, as: UTF8.self) } == ["C1", "C2"], "part size \(partSize)")
            #expect(cases.first?.owner == Array("Ana\nMaria".utf8), "part size \(partSize)")
            // Rows as the events hold them: C1's rows 2 and 3, C2's rows 5 and 7.
            #expect(cases.map { $0.events.map(\.row) } == [[2, 3], [5, 7]], "part size \(partSize)")
        }
    }

    @Test("A part that ends after the line break inside the quoted field is read again on from the open record")
    func quotedLineBreakAtPartEnd() async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.rows(lineEnding: "\n")
        // The first chunk ends just past the quoted line break: the second
        // part starts with `Maria"`, which is no record's start.
        let quotedBreak = try #require(bytes.firstIndex(of: UInt8(ascii: "\"")).flatMap { bytes[$0...].firstIndex(of: 10) })
        let (cases, reading) = try Self.read(bytes, compiled: compiled, partSize: quotedBreak + 1)
        #expect(reading.counts.issues.map(\.description) == Self.expectedIssues)
        #expect(cases.first?.owner == Array("Ana\nMaria".utf8))
        #expect(cases.map { $0.events.map(\.row) } == [[2, 3], [5, 7]])
    }

    @Test("Past --max-bad-rows, reading stops at the same row whatever the part size")
    func stopsAtTheSameRow() async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.rows(lineEnding: "\n")
        for partSize in 1...(bytes.count + 1) {
            let (cases, reading) = try Self.read(bytes, compiled: compiled, partSize: partSize, maxSkipped: 1)
            #expect(reading.counts.tooManySkipped, "part size \(partSize)")
            // Rows 2 to 6: three events, the second skip (row 6) one too many.
            #expect(reading.counts.rows == 5, "part size \(partSize)")
            #expect(reading.counts.events == 3, "part size \(partSize)")
            #expect(reading.counts.skipped == 2, "part size \(partSize)")
            #expect(reading.counts.issues.map(\.description) == Self.expectedIssues, "part size \(partSize)")
            #expect(cases.isEmpty)
        }
    }

    @Test("JSON Lines in parts of every size: a byte order mark read only at the start, lines of later parts exact")
    func jsonLinesEveryPartSize() async throws {
        let source = Shop.standardSource.replacingOccurrences(of: #""data": "visits.csv","#, with: #""data": "visits.jsonl", "format": "jsonl","#)
        let (compiled, _) = try await Shop.load(source: source)
        let lines = [
            #"{"case": "C1", "time": "2026-03-02T09:00:00Z", "activity": "Browsed", "tier": "Silver", "channel": "web", "owner": "Ana", "greeting": "vous", "reply_minutes": 45, "history": true, "odds": 12}"#,
            #"{"case": "C1", "time": "2026-03-02T09:10:00Z", "activity": "Mail sent", "tier": "Silver"}"#,
            "",
            #"{"case": "C2", "time": "yesterday", "activity": "Call", "tier": "Silver"}"#,
            #"{"case": "C2", "time": "2026-03-02T09:20:00Z", "activity": "Call", "tier": "Silver"}"#,
        ]
        let bytes = [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\n").utf8)
        for partSize in 1...(bytes.count + 1) {
            let access = InMemoryExports(["Observations/shop/visits.jsonl": bytes])
            let (reading, partials) = try CaseReplay.run(
                compiled, access: access, budget: .standard, maxSkipped: nil, partSize: partSize, makePartial: { [ObservedCase]() }
            ) { $0.append($1) }
            let cases = partials.joined().sorted { $0.key.lexicographicallyPrecedes($1.key) }
            #expect(reading.counts.events == 3, "part size \(partSize)")
            #expect(reading.counts.issues.map(\.description) == [
                "Observations/shop/visits.jsonl: line 4, 'time': 'yesterday' is not a time the source's format reads (expected a 4-digit year at character 1); the row is skipped",
            ], "part size \(partSize)")
            #expect(cases.map { $0.events.map(\.row) } == [[1, 2], [5]], "part size \(partSize)")
        }
    }

    /// Rows of many cases, every seventh holding a line break in a quoted
    /// field and every eleventh skipped, so that parts far more than are
    /// read at once end anywhere: inside quotes, between rows, in a bad row.
    static func manyRows() -> [UInt8] {
        var rows = [Shop.header]
        for index in 0..<300 {
            let id = "C\(index % 23)"
            if index % 11 == 5 {
                rows.append("\(id),yesterday,Call,,Silver,,,,,")
            } else if index % 7 == 3 {
                rows.append(Row.row(id, index, "Browsed").replacingOccurrences(of: ",Silver,,", with: ",Silver,\"Ana\nMaria \(index)\","))
            } else {
                rows.append(Row.row(id, index, index % 2 == 0 ? "Call" : "Mail sent"))
            }
        }
        return Array((rows.joined(separator: "\n") + "\n").utf8)
    }

    @Test("Many more parts than are read at once: the cases, rows, counts and first skipped rows of one reader")
    func manyPartsInFlight() async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.manyRows()
        let (whole, wholeReading) = try Self.read(bytes, compiled: compiled, partSize: bytes.count + 1)
        #expect(wholeReading.counts.rows == 300)
        #expect(wholeReading.counts.skipped == 27)
        #expect(wholeReading.counts.issues.count == RowCounts.issuesKept)
        for partSize in [1, 7, 64, 333, 1000] {
            let (cases, reading) = try Self.read(bytes, compiled: compiled, partSize: partSize)
            #expect(reading.counts == wholeReading.counts, "part size \(partSize)")
            #expect(Row.canonical(cases) == Row.canonical(whole), "part size \(partSize)")
            #expect(cases.map { $0.events.map(\.row) } == whole.map { $0.events.map(\.row) }, "part size \(partSize)")
        }
    }

    /// Budgets small enough that partitions spill many times while parts
    /// are in flight: 2,000 bytes over 7 partitions, and a single byte in
    /// one partition (a spill after every part).
    static let spillingBudgets = [GroupingBudget(bytes: 2_000, partitions: 7), GroupingBudget(bytes: 1, partitions: 1)]

    @Test("Many parts in flight, spilling as they are added: the cases, rows and counts of one reader", arguments: spillingBudgets)
    func manyPartsInFlightSpilling(budget: GroupingBudget) async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.manyRows()
        let (whole, wholeReading) = try Self.read(bytes, compiled: compiled, partSize: bytes.count + 1)
        #expect(wholeReading.spilledBytes == 0)
        #expect(whole.count == 23)
        #expect(whole.map { $0.events.count }.reduce(0, +) == 273)
        for partSize in [1, 7, 64, 333, 1000, bytes.count + 1] {
            let (cases, reading) = try Self.read(bytes, compiled: compiled, partSize: partSize, budget: budget)
            #expect(reading.spilledBytes > 0, "part size \(partSize)")
            #expect(reading.counts == wholeReading.counts, "part size \(partSize)")
            #expect(reading.counts.rows == 300, "part size \(partSize)")
            #expect(reading.counts.events == 273, "part size \(partSize)")
            #expect(reading.counts.skipped == 27, "part size \(partSize)")
            #expect(Row.canonical(cases) == Row.canonical(whole), "part size \(partSize)")
            #expect(cases.map { $0.events.map(\.row) } == whole.map { $0.events.map(\.row) }, "part size \(partSize)")
        }
    }

    @Test("Events spill once they pass half the budget: the other half is for the spill being written")
    func spillsAtHalfTheBudget() async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.manyRows()
        let onePart = bytes.count + 1
        // With a one-byte budget the whole export, read as one part, is spilled: its size in records.
        let (_, everything) = try Self.read(bytes, compiled: compiled, partSize: onePart, budget: GroupingBudget(bytes: 1, partitions: 1))
        let records = everything.spilledBytes
        #expect(records > 0)
        let (_, fitting) = try Self.read(bytes, compiled: compiled, partSize: onePart, budget: GroupingBudget(bytes: 2 * records, partitions: 1))
        #expect(fitting.spilledBytes == 0, "exactly half the budget is held")
        let (_, past) = try Self.read(bytes, compiled: compiled, partSize: onePart, budget: GroupingBudget(bytes: 2 * records - 1, partitions: 1))
        #expect(past.spilledBytes == records, "past half the budget, all of it is spilled")
    }

    @Test(
        "Past --max-bad-rows among many parts in flight, spilling or not: the same stop, row and counts as one reader",
        arguments: [GroupingBudget.standard] + spillingBudgets
    )
    func manyPartsStop(budget: GroupingBudget) async throws {
        let (compiled, _) = try await Shop.load()
        let bytes = Self.manyRows()
        let (_, whole) = try Self.read(bytes, compiled: compiled, partSize: bytes.count + 1, maxSkipped: 9)
        #expect(whole.counts.tooManySkipped)
        #expect(whole.counts.skipped == 10)
        for partSize in [1, 5, 64, 333] {
            let (cases, reading) = try Self.read(bytes, compiled: compiled, partSize: partSize, maxSkipped: 9, budget: budget)
            #expect(reading.counts == whole.counts, "part size \(partSize)")
            #expect(cases.isEmpty)
        }
    }
}
