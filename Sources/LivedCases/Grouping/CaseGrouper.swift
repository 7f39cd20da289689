/// How much memory grouping events by case may hold, and in how many
/// partitions it splits cases (by a hash of the case id).
///
/// Events are held in memory, partition by partition, up to `bytes`; past
/// it, every partition goes to the spill store and is emptied (a buffer of
/// more than twice its share is given back, so that one case of most of
/// the rows cannot keep that much memory while the others refill). Once the export is read, each partition is grouped on its own:
/// a case's events are all in one partition, so a partition's cases are
/// whole, and the partitions are judged in parallel. Nothing a report says
/// depends on the budget, the partitions or the row order.
public struct GroupingBudget: Sendable, Equatable {
    /// Bytes of serialized events held before spilling.
    public var bytes: Int
    public var partitions: Int

    public init(bytes: Int = 192 << 20, partitions: Int = 64) {
        self.bytes = max(1, bytes)
        self.partitions = max(1, min(partitions, 4096))
    }

    /// The default: 192 MiB in 64 partitions, so a spilled 10-million-event
    /// export comes back a few dozen megabytes at a time.
    public static let standard = GroupingBudget()

    /// The partition of a case whose id hashes to `hash`, from its high
    /// 32 bits (the low ones pick the slot within the partition).
    func partition(ofHash hash: UInt64) -> Int {
        Int((hash >> 32) % UInt64(partitions))
    }
}

/// Gathers serialized events into partitions by case, spilling them all
/// when the budget is reached.
struct CaseGrouper {
    let budget: GroupingBudget
    private let access: any ExportAccess
    private var buffers: [[UInt8]]
    private var held = 0
    private(set) var spill: (any SpillStore)?
    /// Bytes sent to the spill store.
    private(set) var spilled = 0
    private(set) var eventCount = 0

    /// A partition's share of the budget, and an eighth more for unevenly filled partitions.
    private var share: Int { budget.bytes / budget.partitions + budget.bytes / budget.partitions / 8 }

    init(budget: GroupingBudget, access: any ExportAccess) {
        self.budget = budget
        self.access = access
        buffers = Array(repeating: [], count: budget.partitions)
    }

    /// Adds a part's decoded rows, partition by partition, with `rowsBefore`
    /// added to each record's row (the rows ahead of the part, counted once
    /// the parts before it are read).
    mutating func add(_ rows: DecodedRows, rowsBefore: Int) throws(ExportAccessError) {
        for index in rows.buffers.indices where !rows.buffers[index].isEmpty {
            // A partition holds about its share of the budget before all
            // spill: given it at once, its buffer is not grown by copies.
            if buffers[index].capacity == 0 { buffers[index].reserveCapacity(max(rows.buffers[index].count, share)) }
            let start = buffers[index].count
            buffers[index].append(contentsOf: rows.buffers[index])
            if rowsBefore != 0 { Self.addRows(rowsBefore, at: rows.rowFields[index], from: start, in: &buffers[index]) }
        }
        held += rows.bytes
        eventCount += rows.counts.events
        if held > budget.bytes { try spillAll() }
    }

    /// Adds `count` to the little-endian u32 rows at `offsets` (past `start`).
    private static func addRows(_ count: Int, at offsets: [UInt32], from start: Int, in buffer: inout [UInt8]) {
        buffer.withUnsafeMutableBytes { bytes in
            for offset in offsets {
                let at = start + Int(offset)
                let row = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                bytes.storeBytes(of: UInt32(clamping: row + count).littleEndian, toByteOffset: at, as: UInt32.self)
            }
        }
    }

    private mutating func spillAll() throws(ExportAccessError) {
        let store: any SpillStore
        if let spill {
            store = spill
        } else {
            store = try access.makeSpill()
            spill = store
        }
        for index in buffers.indices where !buffers[index].isEmpty {
            try store.append(buffers[index], toPartition: index)
            spilled += buffers[index].count
            // Kept for what comes next, memory touched once rather than fresh
            // pages; unless it grew past twice its share.
            buffers[index].removeAll(keepingCapacity: buffers[index].capacity <= 2 * share)
        }
        held = 0
    }

    /// The partitions, to be grouped one at a time.
    consuming func finish() -> CasePartitions {
        CasePartitions(buffers: buffers, spill: spill, eventCount: eventCount, spilledBytes: spilled)
    }

    /// Closes the spill store, if any, when reading fails part way.
    func abandon() {
        spill?.close()
    }
}

/// An export's events in partitions by case: in memory, and in the spill
/// store when they did not fit.
struct CasePartitions: Sendable {
    let buffers: [[UInt8]]
    let spill: (any SpillStore)?
    let eventCount: Int
    let spilledBytes: Int

    var count: Int { buffers.count }

    /// Partition `index`'s bytes: what was spilled, then what stayed in memory.
    func bytes(of index: Int) throws(ExportAccessError) -> [UInt8] {
        guard let spill else { return buffers[index] }
        var bytes = try spill.contents(ofPartition: index, reservingCapacity: buffers[index].count)
        bytes += buffers[index]
        return bytes
    }

    func close() {
        spill?.close()
    }
}
