import Testing

@testable import LivedReport

/// The counts a journey's tally keeps per lived step and per lived
/// duration: the same totals whichever way they are stored.
@Suite("Tally counts")
struct TallyCountsTests {
    static func sorted(_ flows: FlowCounts) -> [[Int]] {
        flows.lived.map { [$0.from, $0.to, $0.cases] }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Cases 1 to 3 step 0→1 (case 1 twice), 1→2 and 2→0; the other tally
    /// numbers its cases from 1 too, and counts after the merge go on past both.
    static func countFlows(touchpointCount: Int, far: Int) -> FlowCounts {
        var flows = FlowCounts(touchpointCount: touchpointCount)
        flows.count(from: 0, to: 1, case: 1)
        flows.count(from: 0, to: 1, case: 1)
        flows.count(from: 1, to: far, case: 1)
        flows.count(from: 0, to: 1, case: 2)
        flows.count(from: far, to: 0, case: 3)
        var other = FlowCounts(touchpointCount: touchpointCount)
        other.count(from: 0, to: 1, case: 1)
        other.count(from: far, to: 1, case: 2)
        flows.merge(other)
        flows.count(from: far, to: 1, case: 6)
        flows.count(from: far, to: 1, case: 6)
        return flows
    }

    @Test("a small journey's flows count in the table: each case once per pair, merged, zero pairs left out")
    func flowsInTable() {
        let flows = Self.countFlows(touchpointCount: 3, far: 2)
        #expect(Self.sorted(flows) == [[0, 1, 3], [1, 2, 1], [2, 0, 1], [2, 1, 2]])
    }

    @Test("a journey past the table's limit counts the same flows by pair")
    func flowsByPair() {
        let far = FlowCounts.tableLimit + 7
        let flows = Self.countFlows(touchpointCount: far + 1, far: far)
        #expect(Self.sorted(flows) == [[0, 1, 3], [1, far, 1], [far, 0, 1], [far, 1, 2]])
    }

    @Test("durations count exactly, past the table's slots too, and merge to the same totals")
    func durations() {
        var counts = DurationCounts()
        #expect(counts.isEmpty)
        // 400 distinct values (more than the table holds), value v seen v % 3 + 1 times.
        for value in 0..<400 {
            for _ in 0...(value % 3) { counts.add(Int64(value) * 60_000) }
        }
        var other = DurationCounts()
        other.add(-5)
        other.add(60_000, times: 4)
        counts.merge(other)
        let ascending = counts.ascending
        #expect(!counts.isEmpty)
        #expect(ascending.count == 401)
        #expect(ascending[0].value == -5 && ascending[0].times == 1)
        #expect(ascending[1].value == 0 && ascending[1].times == 1)
        // 60 000 ms: twice here, four times in the other.
        #expect(ascending[2].value == 60_000 && ascending[2].times == 6)
        #expect(ascending[400].value == 399 * 60_000 && ascending[400].times == 1)
        // 400 values seen 1, 2, 3, 1, 2, 3, … times: 133 threes of 6 and one more, plus the other's 5.
        #expect(ascending.reduce(0) { $0 + $1.times } == 133 * 6 + 1 + 5)
        #expect(ascending.map(\.value) == ascending.map(\.value).sorted())
    }
}
