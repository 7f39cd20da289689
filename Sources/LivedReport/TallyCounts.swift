import LivedCases

/// Cases that stepped from one planned touchpoint straight to another,
/// by pair. A journey of a few touchpoints counts in a table indexed by
/// the pair, no hashing per lived step; a larger one counts only the
/// pairs lived, so memory grows with what the cases did, never with the
/// square of the journey.
struct FlowCounts: Sendable {
    /// Journeys of at most this many touchpoints count in the table.
    static let tableLimit = 32
    /// The journey's touchpoint count when counting in the table, else 0.
    private let width: Int
    /// `table[from * width + to]`.
    private var table: [CaseCount]
    /// `from << 32 | to` → cases, for larger journeys.
    private var pairs: [Int: CaseCount] = [:]

    init(touchpointCount: Int) {
        width = touchpointCount <= Self.tableLimit ? touchpointCount : 0
        table = Array(repeating: CaseCount(), count: width * width)
    }

    /// Counts case `number` (as ``CaseCount/count(case:)`` numbers it) as
    /// having stepped from `from` to `to`, touchpoint positions.
    mutating func count(from: Int, to: Int, case number: Int) {
        if width > 0 {
            table[from * width + to].count(case: number)
        } else {
            pairs[from << 32 | to, default: CaseCount()].count(case: number)
        }
    }

    /// Counts case `number` as having stepped between each two lived steps
    /// in a row that live different touchpoints. A journey counted in the
    /// table is counted over its buffer: checked for sharing once per
    /// case, not once per step.
    mutating func count(_ steps: [LivedStep], case number: Int) {
        guard steps.count > 1 else { return }
        guard width > 0 else {
            for index in 1..<steps.count where steps[index].touchpoint != steps[index - 1].touchpoint {
                count(from: steps[index - 1].touchpoint, to: steps[index].touchpoint, case: number)
            }
            return
        }
        let width = width
        table.withUnsafeMutableBufferPointer { table in
            for index in 1..<steps.count {
                let from = steps[index - 1].touchpoint, to = steps[index].touchpoint
                guard from != to else { continue }
                precondition(from >= 0 && from < width && to >= 0 && to < width, "a lived step's touchpoint is not its journey's")
                table[from * width + to].count(case: number)
            }
        }
    }

    /// Adds another tally's flows over the same journey.
    mutating func merge(_ other: FlowCounts) {
        if width > 0 {
            for index in table.indices where index < other.table.count { table[index] = table[index].merged(other.table[index]) }
        } else {
            pairs.merge(other.pairs) { $0.merged($1) }
        }
    }

    /// Every pair lived by at least one case, in no particular order.
    var lived: [(from: Int, to: Int, cases: Int)] {
        if width > 0 {
            return table.indices.compactMap { index in
                table[index].cases > 0 ? (index / width, index % width, table[index].cases) : nil
            }
        }
        return pairs.map { ($0.key >> 32, $0.key & 0xFFFF_FFFF, $0.value.cases) }
    }
}

/// How many times each lived duration (milliseconds) was seen, exactly.
/// Durations repeat (an export rounds them to minutes), so a small table
/// probed a few slots from a cheap hash takes most of them; a value that
/// finds no slot there is counted in a dictionary, so crafted values cost
/// a bounded probe and one ordinary lookup, never a long search.
struct DurationCounts: Sendable {
    private struct Entry: Sendable {
        var value: Int64 = 0
        /// 0 for an empty slot.
        var times = 0
    }

    private static let slotCount = 256
    private static let probes = 4
    /// Empty until the first value, so markers without lived durations cost nothing.
    private var slots: [Entry] = []
    private var overflow: [Int64: Int] = [:]

    init() {}

    var isEmpty: Bool { slots.isEmpty && overflow.isEmpty }

    /// Counts `value` seen `times` more times.
    mutating func add(_ value: Int64, times: Int = 1) {
        if slots.isEmpty { slots = Array(repeating: Entry(), count: Self.slotCount) }
        var slot = Int(truncatingIfNeeded: (UInt64(bitPattern: value) &* 0x9E37_79B9_7F4A_7C15) >> 56)
        for _ in 0..<Self.probes {
            if slots[slot].times == 0 {
                slots[slot] = Entry(value: value, times: times)
                return
            }
            if slots[slot].value == value {
                slots[slot].times += times
                return
            }
            slot = (slot + 1) & (Self.slotCount - 1)
        }
        overflow[value, default: 0] += times
    }

    /// Adds another tally's durations.
    mutating func merge(_ other: DurationCounts) {
        for entry in other.slots where entry.times > 0 { add(entry.value, times: entry.times) }
        for (value, times) in other.overflow { add(value, times: times) }
    }

    /// Every value seen with how many times, smallest value first.
    var ascending: [(value: Int64, times: Int)] {
        var all = overflow
        for entry in slots where entry.times > 0 { all[entry.value, default: 0] += entry.times }
        return all.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
