import CharterChecker
import JourneyModel
import Testing

@testable import LivedCases
@testable import LivedReport

/// The report's counts, examples and labels.
@Suite("Lived report")
struct LivedReportTests {
    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    @Test("HMAC-SHA256 gives the RFC 4231 test vectors")
    func hmacVectors() {
        // RFC 4231, test case 2.
        #expect(Self.hex(KeyedHash(key: Array("Jefe".utf8)).mac(Array("what do ya want for nothing?".utf8)))
            == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        // Test case 6: a key longer than the block is hashed first.
        #expect(Self.hex(KeyedHash(key: Array(repeating: 0xAA, count: 131)).mac(Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)))
            == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
        #expect(Self.hex(SHA256.digest([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    /// The report of `rows` as a canonical text: every count a format shows.
    static func summary(_ rows: [String], budget: GroupingBudget) async throws -> [String] {
        let (compiled, _) = try await Shop.load()
        let context = LivedContext(brand: compiled.brand, journeys: compiled.journeys)
        let matcher = CaseMatcher(compiled)
        let access = InMemoryExports([Shop.dataPath: Shop.csv(rows)])
        let (_, partials) = try CaseReplay.run(compiled, access: access, budget: budget, makePartial: { LivedTally(context: context) }) {
            $0.add($1, matcher: matcher, context: context)
        }
        var tally = LivedTally(context: context)
        for partial in partials { tally.merge(partial) }
        let journeys = LivedReportBuilder(redaction: nil).journeys(of: context, tally: tally) { _, _, _ in .met }
        var lines: [String] = []
        for journey in journeys {
            lines.append("\(journey.label) \(journey.cases) \(journey.asPlanned) \(journey.adHocEvents)")
            for touchpoint in journey.touchpoints {
                let counts: [Int] = [
                    touchpoint.completed, touchpoint.failing, touchpoint.missing, touchpoint.outOfSequence, touchpoint.notReached,
                    touchpoint.otherChannel, touchpoint.late,
                ]
                let examples: [String] = touchpoint.examples.map { "\($0.departure.rawValue)=\($0.cases)" }
                lines.append("\(touchpoint.touchpoint) " + counts.map(String.init).joined(separator: " ") + " \(examples)")
            }
            for marker in journey.markers {
                let durations: String = marker.durations.map { "\($0.medianSeconds)/\($0.p90Seconds)/\($0.count)" } ?? "-"
                lines.append("\(marker.marker) \(marker.casesApplicable) \(marker.casesMet) \(marker.examples) \(durations)")
            }
            for flow in journey.flows { lines.append("\(flow.from)→\(flow.to) \(flow.cases) \(flow.planned)") }
            for item in journey.adHoc { lines.append("\(item.activity) \(item.events) \(item.cases)") }
        }
        return lines
    }

    @Test("Counts, examples and percentiles are the same whatever the row order and the partitions; examples are the smallest ids")
    func orderIndependence() async throws {
        var rows: [String] = []
        for index in 0..<60 {
            let id = "case-\(100 + index)"
            func row(_ minutes: Int, _ activity: String, _ values: String = ",,,") -> String {
                "\(id),\(EventInstantText.iso(seconds: 1_772_442_000 + minutes * 60)),\(activity),,Silver,,\(values)"
            }
            rows.append(row(0, "Browsed"))
            if index % 4 != 1 { rows.append(row(30, "Mail sent", ",\(30 + index * 7),,")) }
            rows.append(row(30 + 1440, "Store visit", index % 5 == 2 ? "tu,,," : ",,,"))
            if index % 3 == 0 { rows.append(row(40, "Complaint")) }
        }
        let reference = try await Self.summary(rows, budget: .standard)
        var generator = SeededGenerator(seed: 11)
        for budget in [GroupingBudget(bytes: 500, partitions: 5), GroupingBudget(bytes: 1, partitions: 3)] {
            #expect(try await Self.summary(rows.shuffled(using: &generator), budget: budget) == reference)
        }
        // Hand-counted: 15 cases skip the e-mail (index % 4 == 1), which dominates the store: missing. Of the 45 that
        // lived it, the reply took 30 + 7 × index minutes: within `fast`'s two hours up to index 12 (10 cases), late past it (35: failing).
        let mail = try #require(reference.first { $0.hasPrefix("mail ") })
        #expect(mail.hasPrefix("mail 10 35 15 0 0 0 0 "))
        #expect(mail.contains(#"missing=[\"case-101\", \"case-105\", \"case-109\"]"#))
        #expect(mail.contains(#"failing=[\"case-113\", \"case-114\", \"case-115\"]"#) == false)
        #expect(mail.contains(#"failing=[\"case-114\", \"case-115\", \"case-116\"]"#))
        // 12 cases said "tu" at the store (index % 5 == 2): `formal` is broken there.
        let formal = try #require(reference.first { $0.hasPrefix("formal ") })
        #expect(formal.hasPrefix("formal 60 48 "))
        #expect(reference.contains("Complaint 20 20"))
    }
}
