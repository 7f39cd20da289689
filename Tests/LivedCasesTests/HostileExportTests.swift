import CharterChecker
import EventExports
import JourneyModel
import Testing

@testable import LivedCases
@testable import LivedReport

/// Exports that try to make the replay crash, hang, grow its output or
/// lose rows: each test asserts the located message or the bounded result.
@Suite("Hostile exports")
struct HostileExportTests {
    /// A row of the `shop` brand's export, `minutes` after 2026-03-02T09:00Z.
    static func row(_ id: String, _ minutes: Int, _ activity: String, tier: String = "Silver", owner: String = "", values: String = ",,,") -> String {
        "\(id),\(EventInstantText.iso(seconds: 1_772_442_000 + minutes * 60)),\(activity),,\(tier),\(owner),\(values)"
    }

    /// `csv` replayed and judged; the reading's counts and the report's journeys.
    static func replay(_ csv: [UInt8], budget: GroupingBudget = .standard) async throws -> (RowCounts, [JourneyConformance], LivedTally) {
        let (compiled, _) = try await Shop.load()
        let context = LivedContext(brand: compiled.brand, journeys: compiled.journeys)
        let matcher = CaseMatcher(compiled)
        let access = InMemoryExports([Shop.dataPath: csv])
        let (reading, partials) = try CaseReplay.run(compiled, access: access, budget: budget, makePartial: { LivedTally(context: context) }) {
            $0.add($1, matcher: matcher, context: context)
        }
        #expect(access.spills.open == 0)
        var tally = LivedTally(context: context)
        for partial in partials { tally.merge(partial) }
        return (reading.counts, LivedReportBuilder(redaction: nil).journeys(of: context, tally: tally) { _, _, _ in .met }, tally)
    }

    @Test("A 10 MB cell is a located, skipped row, cut in the message; the rows around it are replayed")
    func hugeCell() async throws {
        let huge = String(repeating: "x", count: 10_000_000)
        let rows = [Self.row("C1", 0, "Browsed"), Self.row("C1", 5, huge), Self.row("C1", 10, "Mail sent", values: "vous,30,,")]
        let (counts, journeys, _) = try await Self.replay(Shop.csv(rows))
        #expect(counts.rows == 3)
        #expect(counts.events == 2)
        #expect(counts.skippedByKind == [.unreadable: 1])
        let issue = try #require(counts.issues.first?.description)
        #expect(issue.hasPrefix("Observations/shop/visits.csv: row 3"))
        #expect(issue.utf8.count < 400)
        #expect(journeys.map(\.cases) == [1])
        #expect(journeys.first?.touchpoints.prefix(2).map(\.completed) == [1, 1])
    }

    @Test("An ISO 8601 duration too long to hold is a located, skipped row, not a crash")
    func hugeISODuration() async throws {
        let source = Shop.standardSource.replacingOccurrences(
            of: #""responseTime": { "column": "reply_minutes" }"#, with: #""responseTime": { "column": "reply_minutes", "unit": "iso8601" }"#
        )
        #expect(source != Shop.standardSource)
        let (compiled, _) = try await Shop.load(source: source)
        let nines = "P" + String(repeating: "9", count: 400) + "D"
        let rows = [
            Self.row("C1", 0, "Mail sent", values: ",PT45M,,"), Self.row("C1", 5, "Mail sent", values: ",P9999999999Y,,"),
            Self.row("C1", 10, "Mail sent", values: ",\(nines),,"),
        ]
        let (cases, reading) = try Shop.cases(rows, compiled: compiled)
        #expect(reading.counts.events == 1)
        #expect(reading.counts.skippedByKind == [.badValue: 2])
        #expect(reading.counts.issues.map(\.description).allSatisfy { $0.contains("'reply_minutes'") && $0.contains("not an ISO 8601 duration") })
        #expect(cases.count == 1)
    }

    /// Sizes that show linear work and bounded lists in a debug build within
    /// seconds; the release figures for 1,000,000 (README, Lived journeys,
    /// Performance) come from `throughline-bench` and `Benchmarks/conform.py`.
    static let manyEvents = 200_000

    @Test("One case of 200,000 events is replayed whole, and its report stays bounded")
    func longCase() async throws {
        // Browse once, then 199,999 events a minute apart: one in 25 a mail (7,999
        // lived touchpoints for the charter to judge), the others ad hoc, each of its own name.
        var csv = Array((Shop.header + "\n").utf8)
        csv.reserveCapacity(Self.manyEvents * 80)
        csv += Array((Self.row("BIG", 0, "Browsed") + "\n").utf8)
        for index in 1..<Self.manyEvents {
            let activity = index % 25 == 0 ? "Mail sent" : "Extra \(index)"
            csv += Array((Self.row("BIG", index, activity, values: "vous,30,,") + "\n").utf8)
        }
        let (counts, journeys, _) = try await Self.replay(csv)
        #expect(counts.events == 200_000)
        #expect(counts.skipped == 0)
        let journey = try #require(journeys.first)
        #expect(journey.cases == 1)
        #expect(journey.adHocEvents == 192_000)
        #expect(journey.adHoc.count == JourneyConformance.adHocKept)
        #expect(journey.adHoc.map(\.activity).first == "Extra 1")
        #expect(journey.touchpoints.map(\.touchpoint) == ["browse", "mail", "store", "call"])
        // The mails break the pressure marker (at most 2 digital contacts in 7 days): mail is failing.
        #expect(journey.touchpoints.map(\.completed) == [1, 0, 0, 0])
        #expect(journey.touchpoints.map(\.failing) == [0, 1, 0, 0])
        #expect(journey.markers.first { $0.marker == "calm" }?.casesMet == 0)
        #expect(journey.flows.count <= 2)
        #expect(journey.markers.allSatisfy { $0.examples.count <= 1 })
    }

    @Test("200,000 cases of one event each: every case counted, examples and owners bounded")
    func manyOneEventCases() async throws {
        var csv = Array((Shop.header + "\n").utf8)
        csv.reserveCapacity(Self.manyEvents * 90)
        for index in 0..<Self.manyEvents {
            // Every tenth case is seen first in the store: browse and mail, on every way there, are missing.
            let activity = index % 10 == 0 ? "Store visit" : "Browsed"
            csv += Array((Self.row("C\(index)", index % 1_000, activity, owner: "owner-\(index % 5_000)") + "\n").utf8)
        }
        let (counts, journeys, tally) = try await Self.replay(csv, budget: GroupingBudget(bytes: 4 << 20, partitions: 64))
        #expect(counts.events == 200_000)
        #expect(tally.cases == 200_000)
        let visit = try #require(journeys.first { $0.journey == "visit" })
        #expect(visit.cases == 200_000)
        let browse = try #require(visit.touchpoints.first)
        #expect(browse.completed == 180_000)
        #expect(browse.missing == 20_000)
        #expect(browse.examples.allSatisfy { $0.cases.count <= 3 })
        #expect(browse.examples.first { $0.departure == .missing }?.cases == ["C0", "C10", "C100"])
        #expect(visit.owners.count == JourneyConformance.ownersKept)
        // 5,000 owners of 40 cases each, the first ones kept.
        #expect(visit.owners.map(\.cases).reduce(0, +) == JourneyConformance.ownersKept * 40)
    }

    @Test("Every row written twice: each duplicate counted once, the cases as if written once")
    func everyRowDuplicated() async throws {
        let rows = (0..<500).flatMap { index -> [String] in
            let id = "C\(index % 50)"
            let row = Self.row(id, index, ["Browsed", "Mail sent", "Store visit", "Call"][index % 4], values: "vous,30,,")
            return [row, row]
        }
        let (counts, journeys, tally) = try await Self.replay(Shop.csv(rows))
        let (onceCounts, onceJourneys, once) = try await Self.replay(Shop.csv(stride(from: 0, to: rows.count, by: 2).map { rows[$0] }))
        #expect(counts.events == 1_000)
        #expect(onceCounts.events == 500)
        #expect(tally.duplicates == 500)
        #expect(once.duplicates == 0)
        #expect(tally.cases == 50)
        #expect(journeys.map(\.asPlanned) == onceJourneys.map(\.asPlanned))
        #expect(journeys.map { $0.touchpoints.map(\.completed) } == onceJourneys.map { $0.touchpoints.map(\.completed) })
        #expect(journeys.map(\.adHocEvents) == onceJourneys.map(\.adHocEvents))
    }

    @Test("Wrong field counts, bad times, unknown segment words and values that do not convert: located, counted by kind, the rest replayed")
    func badRows() async throws {
        var rows: [String] = []
        for index in 0..<200 {
            switch index % 5 {
            case 0: rows.append("C\(index),\(EventInstantText.iso(seconds: 1_772_442_000)),Browsed,,Silver")
            case 1: rows.append(Self.row("C\(index)", 0, "Browsed").replacingOccurrences(of: "2026-03-02T", with: "2026-02-30T"))
            case 2: rows.append(Self.row("C\(index)", 0, "Browsed", tier: "Diamond\u{202E}"))
            case 3: rows.append(Self.row("C\(index)", 0, "Browsed", values: ",,maybe,"))
            default: rows.append(Self.row("C\(index)", 0, "Browsed"))
            }
        }
        let (counts, journeys, _) = try await Self.replay(Shop.csv(rows))
        #expect(counts.rows == 200)
        #expect(counts.events == 40)
        #expect(counts.skipped == 160)
        #expect(counts.skippedByKind == [.unreadable: 40, .badTime: 40, .unknownSegment: 40, .badValue: 40])
        #expect(counts.issues.count == RowCounts.issuesKept)
        let described = counts.issues.prefix(4).map(\.description)
        #expect(described[0] == "Observations/shop/visits.csv: row 2: expected 10 fields, found 5; the row is skipped")
        #expect(described[1].hasPrefix("Observations/shop/visits.csv: row 3, field 2 'time': '2026-02-30T09:00:00Z'"))
        // The bidirectional override is escaped, not shown raw.
        #expect(described[2].hasPrefix("Observations/shop/visits.csv: row 4, field 5 'tier': unknown segment word 'Diamond"))
        #expect(!described[2].unicodeScalars.contains("\u{202E}"))
        #expect(described[3].hasPrefix("Observations/shop/visits.csv: row 5, field 9 'history': 'maybe' does not convert to contextCarried"))
        #expect(journeys.map(\.cases).reduce(0, +) == 40)
    }
}
