import OrderedTasks
import Synchronization

/// How much memory grouping events by case may hold, and in how many
/// partitions it splits cases (by a hash of the case id).
///
/// Events are held in memory, partition by partition, up to half of
/// `bytes`; past it, every partition goes to the spill store, written on
/// another core while reading goes on, and its memory is given back once
/// written. One spill is written at a time, so the events held and those
/// being written stay within `bytes`, give or take the records of the two
/// parts that pass each half. Once the export is read, each partition is
/// grouped on its own:
/// a case's events are all in one partition, so a partition's cases are
/// whole, and the partitions are judged in parallel. Nothing a report says
/// depends on the budget, the partitions or the row order.
public struct GroupingBudget: Sendable, Equatable {
    /// Bytes of serialized events held, counting those being spilled.
    public var bytes: Int
    public var partitions: Int

    public init(bytes: Int = 256 << 20, partitions: Int = 64) {
        self.bytes = max(1, bytes)
        self.partitions = max(1, min(partitions, 4096))
    }

    /// The default: 256 MiB in 64 partitions, so a spilled 10-million-event
    /// export comes back a few dozen megabytes at a time.
    public static let standard = GroupingBudget()
}

/// The partition of a case whose id hashes to `hash`: its high 32 bits
/// modulo the budget's partitions (the low ones pick the slot within the
/// partition). Found by two multiplies rather than a division, as every
/// row asks it: Lemire's remainder by a precomputed reciprocal, exact for
/// every 32-bit dividend and divisor (at most 4,096 partitions).
struct PartitionChooser {
    private let partitions: UInt64
    /// `2^64 / partitions`, rounded up (0 for one partition, which every hash is in).
    private let reciprocal: UInt64

    init(_ budget: GroupingBudget) {
        partitions = UInt64(budget.partitions)
        reciprocal = UInt64.max / partitions &+ 1
    }

    @inline(__always)
    func partition(ofHash hash: UInt64) -> Int {
        // The fraction of the way through the divisor, scaled by it.
        let fraction = reciprocal &* (hash >> 32)
        return Int(truncatingIfNeeded: fraction.multipliedFullWidth(by: partitions).high)
    }
}

/// Gathers serialized events into partitions by case, spilling them all
/// when half the budget is reached.
///
/// A partition is held as the list of the parts' buffers of its records,
/// in file order, not copied into one growing buffer: the spill store
/// writes the list at once, and reading a partition back joins what was
/// spilled and the buffers still held in one allocation.
struct CaseGrouper {
    let budget: GroupingBudget
    private let access: any ExportAccess
    private var pieces: [[[UInt8]]]
    private var held = 0
    private(set) var spill: (any SpillStore)?
    /// The spill being written, if any: on a worker, or on this thread
    /// when no worker has started it by the time the next one is due.
    /// A copy of the grouper shares it: only one copy is used at a time.
    private let writing: SpillWriting
    /// Bytes sent to the spill store.
    private(set) var spilled = 0
    private(set) var eventCount = 0

    /// - Parameter launcher: where spills are written; dispatch's global
    ///   queue unless a test holds them.
    init(budget: GroupingBudget, access: any ExportAccess, launcher: SpillWriting.Launcher? = nil) {
        self.budget = budget
        self.access = access
        pieces = Array(repeating: [], count: budget.partitions)
        let write: @Sendable (SpillBatch) -> Result<Void, ExportAccessError> = { $0.write() }
        writing = launcher.map { OrderedPipeline(launchingOn: $0, write) } ?? OrderedPipeline(write)
    }

    /// Adds a part's decoded rows, partition by partition, with `rowsBefore`
    /// added to each record's row (the rows ahead of the part, counted once
    /// the parts before it are read). The part's buffers are taken over, not
    /// copied.
    mutating func add(_ rows: consuming DecodedRows, rowsBefore: Int) throws(ExportAccessError) {
        for index in rows.buffers.indices where !rows.buffers[index].isEmpty {
            var piece: [UInt8] = []
            swap(&piece, &rows.buffers[index])
            // A decoder's buffer is sized from a guess (PartDecoder), and
            // one that outgrew it has doubled: held as they are, a budget's
            // worth of records could take much more memory. One with more
            // than an eighth of it unused is copied into one of its size
            // (the copy the rows' fix-up would make anyway when the buffer
            // is shared); the rest are kept as they are.
            if piece.capacity - piece.count > piece.count / 8 { piece = Self.fitted(piece) }
            if rowsBefore != 0 { Self.addRows(rowsBefore, at: rows.rowFields[index], in: &piece) }
            pieces[index].append(piece)
        }
        held += rows.bytes
        eventCount += rows.counts.events
        // A spill that failed stops reading at once, not at the next spill.
        if case .failure(let error)? = writing.nextIfReady() { throw error }
        if held > budget.bytes / 2 { try spillAll() }
    }

    /// A copy of `bytes` in an array of their size (`Array(bytes)` would
    /// share the buffer, room and all).
    private static func fitted(_ bytes: [UInt8]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, initialized in
            initialized = bytes.withUnsafeBufferPointer { source in buffer.initialize(fromContentsOf: source) }
        }
    }

    /// Adds `count` to the little-endian u32 rows at `offsets`.
    private static func addRows(_ count: Int, at offsets: [UInt32], in buffer: inout [UInt8]) {
        buffer.withUnsafeMutableBytes { bytes in
            for offset in offsets {
                let at = Int(offset)
                let row = Int(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
                bytes.storeBytes(of: UInt32(clamping: row + count).littleEndian, toByteOffset: at, as: UInt32.self)
            }
        }
    }

    /// Hands every partition's pieces to a spill written on another core,
    /// once the one before has been written (its failure is thrown here).
    private mutating func spillAll() throws(ExportAccessError) {
        try endSpill()
        let store: any SpillStore
        if let spill {
            store = spill
        } else {
            store = try access.makeSpill()
            spill = store
        }
        var batch = Array(repeating: [[UInt8]](), count: pieces.count)
        swap(&batch, &pieces)
        spilled += batch.reduce(0) { total, partition in partition.reduce(total) { $0 + $1.count } }
        held = 0
        writing.submit(SpillBatch(store: store, pieces: batch))
    }

    /// Waits for the spill being written, if any; throws its failure.
    private func endSpill() throws(ExportAccessError) {
        if case .failure(let error)? = writing.next() { throw error }
    }

    /// The partitions, to be grouped one at a time, once the last spill is written.
    consuming func finish() throws(ExportAccessError) -> CasePartitions {
        try endSpill()
        return CasePartitions(pieces: pieces, spill: spill, eventCount: eventCount, spilledBytes: spilled)
    }

    /// Closes the spill store, if any, when reading fails part way: a
    /// spill no worker has started is dropped, one under way ends first.
    func abandon() {
        writing.finish()
        spill?.close()
    }
}

/// Spills written one at a time, each to a success or its failure.
typealias SpillWriting = OrderedPipeline<SpillBatch, Result<Void, ExportAccessError>>

/// Every partition's pieces, as the grouper gave them up, for one spill.
struct SpillBatch: Sendable {
    let store: any SpillStore
    let pieces: [[[UInt8]]]

    /// Writes the pieces partition by partition, stopping at the first failure.
    func write() -> Result<Void, ExportAccessError> {
        do throws(ExportAccessError) {
            for (index, partition) in pieces.enumerated() where !partition.isEmpty {
                try store.append(contentsOf: partition, toPartition: index)
            }
            return .success(())
        } catch {
            return .failure(error)
        }
    }
}

/// An export's events in partitions by case: in memory, and in the spill
/// store when they did not fit.
///
/// Each partition is taken once, by the task that groups it: the buffers
/// it held in memory are given up as it is taken, so memory goes back
/// partition by partition while the others are judged, not once the last
/// is done (a one-piece partition is handed over without a copy, and the
/// task that frees it frees its only copy).
struct CasePartitions: Sendable {
    /// Each partition's records still in memory, as the list of the parts'
    /// buffers; a partition's list is emptied once taken.
    private let held: Held
    let count: Int
    let spill: (any SpillStore)?
    let eventCount: Int
    let spilledBytes: Int

    init(pieces: consuming [[[UInt8]]], spill: (any SpillStore)?, eventCount: Int, spilledBytes: Int) {
        count = pieces.count
        held = Held(pieces)
        self.spill = spill
        self.eventCount = eventCount
        self.spilledBytes = spilledBytes
    }

    /// Takes partition `index`'s bytes: what was spilled, then what stayed
    /// in memory, in one array allocated once. A partition is taken once;
    /// taken again, it holds only what was spilled.
    func bytes(of index: Int) throws(ExportAccessError) -> [UInt8] {
        var pieces = held.take(index)
        let inMemory = pieces.reduce(0) { $0 + $1.count }
        var bytes: [UInt8]
        if let spill {
            bytes = try spill.contents(ofPartition: index, reservingCapacity: inMemory)
        } else if pieces.count == 1 {
            return pieces.removeLast()
        } else {
            bytes = []
            bytes.reserveCapacity(inMemory)
        }
        for piece in pieces { bytes += piece }
        return bytes
    }

    func close() {
        spill?.close()
    }

    /// The pieces, shared by the copies of the partitions the tasks hold.
    private final class Held: Sendable {
        private let pieces: Mutex<[[[UInt8]]]>

        init(_ pieces: consuming [[[UInt8]]]) {
            self.pieces = Mutex(pieces)
        }

        /// Partition `index`'s pieces, leaving its list empty.
        func take(_ index: Int) -> [[UInt8]] {
            var taken: [[UInt8]] = []
            pieces.withLock { swap(&taken, &$0[index]) }
            return taken
        }
    }
}
