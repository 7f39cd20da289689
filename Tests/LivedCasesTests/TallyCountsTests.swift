import Testing

@testable import LivedCases
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

    /// Steps living touchpoints `touchpoints`, in that order.
    static func steps(_ touchpoints: [Int]) -> [LivedStep] {
        touchpoints.enumerated().map { LivedStep(event: $0, touchpoint: $1, channel: 0, isFirst: true, otherChannel: false) }
    }

    @Test("a case's steps count the flows between touchpoints in a row, repeats of one touchpoint left out, as pair by pair")
    func flowsOfSteps() {
        for (count, far) in [(3, 2), (FlowCounts.tableLimit + 8, FlowCounts.tableLimit + 7)] {
            var flows = FlowCounts(touchpointCount: count)
            flows.count(Self.steps([0, 1, 1, far, 0, 1]), case: 1)
            flows.count(Self.steps([far, far, 0]), case: 2)
            flows.count(Self.steps([1]), case: 3)
            flows.count(Self.steps([]), case: 4)
            var pairwise = FlowCounts(touchpointCount: count)
            for (from, to, number) in [(0, 1, 1), (1, far, 1), (far, 0, 1), (0, 1, 1), (far, 0, 2)] {
                pairwise.count(from: from, to: to, case: number)
            }
            #expect(Self.sorted(flows) == [[0, 1, 1], [1, far, 1], [far, 0, 2]])
            #expect(Self.sorted(flows) == Self.sorted(pairwise))
        }
    }

    @Test("examples keep the smallest keys by bytes, a key that is a prefix of another first")
    func examplesOrder() {
        var examples = CaseExamples()
        for id in ["C9", "C10", "C2", "C1", "C", "C10", "B99", "C0"] { examples.insert(Array(id.utf8)) }
        #expect(examples.keys.map { String(decoding: $0, as: UTF8.self) } == ["B99", "C", "C0"])
        let keys: [[UInt8]] = [[], [0], [0, 0], [1], [0, 255], [255], [1, 0], [0, 1]]
        for key in keys {
            for other in keys { #expect(CaseExamples.precedes(key, other) == key.lexicographicallyPrecedes(other)) }
        }
    }

    @Test("byte keys are equal and hash alike exactly when their bytes are the same")
    func byteKeys() {
        var counts: [ByteKey: Int] = [:]
        for owner in ["Léa Roux", "Léa Roux", "Lea Roux", "", "Léa Roux "] { counts[ByteKey(Array(owner.utf8)), default: 0] += 1 }
        #expect(counts.count == 4)
        #expect(counts[ByteKey(Array("Léa Roux".utf8))] == 2)
        #expect(counts[ByteKey([])] == 1)
        #expect(ByteKey([1, 2]) != ByteKey([1, 2, 0]))
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
