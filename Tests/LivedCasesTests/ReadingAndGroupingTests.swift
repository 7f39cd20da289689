import EventExports
import JourneyLoader
import JourneyModel
import Testing

@testable import LivedCases

/// Rows into cases: skipped rows with their place, columns the export
/// lacks located in the source, and grouping that gives the same cases
/// whatever the row order, the budget or the partitions.
@Suite("Reading exports into cases")
struct ReadingAndGroupingTests {
    static func row(_ id: String, _ minutes: Int, _ activity: String, tier: String = "Silver", values: String = ",,,") -> String {
        "\(id),\(EventInstantText.iso(seconds: 1_772_442_000 + minutes * 60)),\(activity),,\(tier),,\(values)"
    }

    /// Every case as one line: id, segment, owner, and each event's time, activity, channel and values.
    static func canonical(_ cases: [ObservedCase]) -> [String] {
        cases.map { observed in
            let events = observed.events.map { event in
                "\(event.time)/\(event.activity)/\(observed.name(of: event).map { String(decoding: $0, as: UTF8.self) } ?? "")/\(event.channel)/"
                    + observed.values(of: event).map { "\($0.attribute)=\($0.scalar)" }.joined(separator: ";")
            }
            return "\(String(decoding: observed.key, as: UTF8.self)) s\(observed.segment ?? -1) d\(observed.duplicates): " + events.joined(separator: " ")
        }
    }

    @Test("Rows that cannot be used are skipped, each with its row and column name")
    func skippedRows() async throws {
        let (compiled, _) = try await Shop.load()
        let rows = [
            Self.row("C1", 0, "Browsed"),
            "C1,yesterday,Mail sent,,Silver,,,,,",
            Self.row("C1", 5, "Mail sent", tier: "Platinum"),
            "C1,2026-03-02T10:00:00Z,Call,,Silver",
            Self.row("C1", 9, "Call", values: ",abc,,"),
            Self.row("", 9, "Call"),
            Self.row("C2", 9, "Call", values: "bonjour,,,"),
        ]
        let (cases, reading) = try Shop.cases(rows, compiled: compiled)
        let counts = reading.counts
        #expect(counts.rows == 7)
        #expect(counts.events == 1)
        #expect(counts.skipped == 6)
        #expect(counts.skippedByKind == [.badTime: 1, .unknownSegment: 1, .unreadable: 1, .badValue: 2, .missingValue: 1])
        #expect(counts.issues.map(\.description) == [
            "Observations/shop/visits.csv: row 3, field 2 'time': 'yesterday' is not a time the source's format reads (expected a 4-digit year at character 1); the row is skipped",
            "Observations/shop/visits.csv: row 4, field 5 'tier': unknown segment word 'Platinum': add it to the source's 'segments'; the row is skipped",
            "Observations/shop/visits.csv: row 5: expected 10 fields, found 5; the row is skipped",
            "Observations/shop/visits.csv: row 6, field 8 'reply_minutes': 'abc' does not convert to responseTime: no digits in the number; the row is skipped",
            "Observations/shop/visits.csv: row 7, field 1 'case': no value where the source needs one; the row is skipped",
            "Observations/shop/visits.csv: row 8, field 7 'greeting': 'bonjour' does not convert to address: not a value of 'address' (formal, informal); the row is skipped",
        ])
        #expect(cases.count == 1)
    }

    @Test("A column the export's header lacks is located in the source file, naming the export")
    func missingColumn() async throws {
        let source = Shop.standardSource.replacingOccurrences(of: #""segment": "tier""#, with: #""segment": "Tier""#)
        let (compiled, _) = try await Shop.load(source: source)
        let (cases, reading) = try Shop.cases([Self.row("C1", 0, "Browsed")], compiled: compiled)
        #expect(cases.isEmpty)
        let diagnostic = try #require(reading.diagnostics.first)
        #expect(reading.diagnostics.count == 1)
        #expect(diagnostic.code == .missingColumn)
        #expect(diagnostic.message == "the export Observations/shop/visits.csv has no column 'Tier'; did you mean 'tier'?")
        let column = try #require(source.range(of: #""Tier""#))
        let before = source[..<column.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { source.index(after: $0) } ?? source.startIndex
        #expect(diagnostic.location == JourneyModel.SourceLocation(file: Shop.sourcePath, line: line, column: source[lineStart..<column.lowerBound].unicodeScalars.count + 1))
    }

    @Test("An unreadable header row is one error located in the export, and no row is read as if it had columns")
    func unreadableHeader() async throws {
        let (compiled, _) = try await Shop.load()
        let rows = [Self.row("C1", 0, "Browsed"), Self.row("C1", 5, "Mail sent")]
        // Invalid UTF-8 in the header's second name, then text after a closing quote.
        let headers: [([UInt8], String)] = [
            (Array("case,".utf8) + [0x74, 0xE9, 0x6D] + Array(Shop.header.utf8.dropFirst(9)), "row 1, field 2: invalid UTF-8 (export the file as UTF-8)"),
            (Array(#"case,"time"x"#.utf8) + Array(Shop.header.utf8.dropFirst(9)), #"row 1, field 2: expected a separator or the end of the line after a closing quote, found 'x' (write a quote inside a quoted field as "")"#),
        ]
        for (header, place) in headers {
            let csv = header + Array(("\n" + rows.joined(separator: "\n") + "\n").utf8)
            let access = InMemoryExports([Shop.dataPath: csv])
            let (reading, partials) = try CaseReplay.run(compiled, access: access, makePartial: { 0 }) { count, _ in count += 1 }
            #expect(partials.isEmpty)
            #expect(reading.counts.events == 0)
            #expect(reading.diagnostics.map(\.code) == [.unreadableFile])
            #expect(reading.diagnostics.first?.message == "the header row of the export Observations/shop/visits.csv cannot be read (\(place)), so none of its rows can")
            #expect(reading.diagnostics.first?.location == JourneyModel.SourceLocation(file: Shop.dataPath, line: 1, column: 1))
        }
    }

    @Test("Past --max-bad-rows, reading stops and nothing is replayed")
    func tooManySkipped() async throws {
        let (compiled, _) = try await Shop.load()
        let rows = (0..<10).map { Self.row("C\($0)", $0, "Browsed", tier: "Bronze") }
        let access = InMemoryExports([Shop.dataPath: Shop.csv(rows)])
        let (reading, partials) = try CaseReplay.run(compiled, access: access, maxSkipped: 3, makePartial: { 0 }) { count, _ in count += 1 }
        #expect(reading.counts.tooManySkipped)
        #expect(reading.counts.skipped == 4)
        #expect(partials.isEmpty)
    }

    @Test("JSON Lines past --max-bad-rows: a key the unread lines hold is not reported missing")
    func tooManySkippedBeforeAKey() async throws {
        // Reading stops at the second bad line, before the first line with 'history' or 'odds'.
        let (compiled, access) = try await Self.jsonLines([
            #"{"case": "C1", "time": "2026-03-02T09:00:00Z", "activity": "Browsed", "channel": "web", "tier": "Silver", "owner": "Ana", "greeting": "vous", "reply_minutes": 5}"#,
            #"{"case": "C2", "time": "yesterday", "activity": "Browsed", "tier": "Silver"}"#,
            #"{"case": "C3", "time": "tomorrow", "activity": "Browsed", "tier": "Silver"}"#,
            #"{"case": "C4", "time": "2026-03-02T09:10:00Z", "activity": "Mail sent", "tier": "Silver", "history": true, "odds": 12}"#,
        ])
        let (reading, partials) = try CaseReplay.run(compiled, access: access, maxSkipped: 1, makePartial: { 0 }) { count, _ in count += 1 }
        #expect(reading.counts.tooManySkipped)
        #expect(reading.counts.skipped == 2)
        #expect(reading.diagnostics.isEmpty, "\(reading.diagnostics.map(\.message))")
        #expect(partials.isEmpty)
    }

    @Test("The same cases whatever the row order, the budget and the number of partitions; a spill is closed")
    func orderAndBudgetIndependence() async throws {
        let (compiled, _) = try await Shop.load()
        var rows: [String] = []
        let activities = ["Browsed", "Mail sent", "Store visit", "Call", "Complaint", "Status"]
        for index in 0..<300 {
            for step in 0..<(index % 5 + 1) {
                // Some events of a case share a time, so their order comes from the activity and the values.
                rows.append(Self.row("case-\(index)", step / 2 * 7, activities[(index + step) % activities.count],
                                     tier: index % 3 == 0 ? "Gold" : "Silver", values: step % 2 == 0 ? "vous,\(step),oui," : "tu,,non,\(step)"))
            }
        }
        let reference = Self.canonical(try Shop.cases(rows, compiled: compiled).cases)
        #expect(reference.count == 300)
        var generator = SeededGenerator(seed: 7)
        for budget in [GroupingBudget.standard, GroupingBudget(bytes: 2_000, partitions: 7), GroupingBudget(bytes: 1, partitions: 1)] {
            let exports = InMemoryExports([Shop.dataPath: Shop.csv(rows.shuffled(using: &generator))])
            let (cases, reading) = try Shop.cases([], compiled: compiled, budget: budget, exports: exports)
            #expect(Self.canonical(cases) == reference, "budget \(budget)")
            #expect(exports.spills.open == 0)
            #expect(exports.spills.made == (budget == .standard ? 0 : 1))
            #expect((reading.spilledBytes > 0) == (budget != .standard))
        }
    }

    @Test("JSON Lines and XES give the cases CSV gives")
    func otherFormats() async throws {
        let (compiled, exports) = try await Self.jsonLines([
            #"{"case": "C1", "time": "2026-03-02T09:00:00Z", "activity": "Browsed", "channel": "web", "tier": "Silver", "owner": "Ana", "greeting": "vous", "odds": 12}"#,
            #"{"case": "C1", "time": "2026-03-02T09:10:00Z", "activity": "Mail sent", "tier": "Silver", "reply_minutes": 45, "history": true}"#,
            #"{"case": "C1", "time": "yesterday", "activity": "Call", "tier": "Silver"}"#,
        ])
        let (cases, reading) = try Shop.cases([], compiled: compiled, exports: exports)
        #expect(reading.counts.events == 2)
        #expect(reading.counts.issues.map(\.description) == [
            "Observations/shop/visits.jsonl: line 3, 'time': 'yesterday' is not a time the source's format reads (expected a 4-digit year at character 1); the row is skipped",
        ])
        #expect(Self.canonical(cases) == ["C1 s0 d0: 1772442000000/0//0/0=0.0;3=12.0 1772442600000/2//-1/1=2700000.0;2=1.0"])

        let xesSource = #"""
        { "source": "visits", "brand": "shop", "data": "visits.xes", "format": "xes", "segment": "regulars",
          "activities": { "Browsed": "browse", "Mail sent": "mail" },
          "attributes": { "responseTime": { "column": "reply", "unit": "iso8601" } } }
        """#
        let (xes, _) = try await Shop.load(source: xesSource)
        let log = #"""
        <?xml version="1.0" encoding="UTF-8"?>
        <log xes.version="1.0">
          <trace><string key="concept:name" value="C1"/>
            <event><string key="concept:name" value="Browsed"/><date key="time:timestamp" value="2026-03-02T09:00:00Z"/></event>
            <event><string key="concept:name" value="Mail sent"/><date key="time:timestamp" value="2026-03-02T09:10:00Z"/><string key="reply" value="PT45M"/></event>
          </trace>
        </log>
        """#
        let xesExports = InMemoryExports(["Observations/shop/visits.xes": Array(log.utf8)])
        let (xesCases, xesReading) = try Shop.cases([], compiled: xes, exports: xesExports)
        #expect(xesReading.diagnostics.isEmpty)
        #expect(Self.canonical(xesCases) == ["C1 s-1 d0: 1772442000000/0//-1/ 1772442600000/1//-1/1=2700000.0"])
    }

    /// The shop's source read as JSON Lines, and an export of `lines`.
    static func jsonLines(_ lines: [String]) async throws -> (CompiledSource, InMemoryExports) {
        let jsonl = Shop.standardSource.replacingOccurrences(of: #""data": "visits.csv","#, with: #""data": "visits.jsonl", "format": "jsonl","#)
        let (compiled, _) = try await Shop.load(source: jsonl)
        return (compiled, InMemoryExports(["Observations/shop/visits.jsonl": Array(lines.joined(separator: "\n").utf8)]))
    }
}

/// A small deterministic generator, so shuffles are the same in every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
