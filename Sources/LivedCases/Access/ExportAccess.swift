import Synchronization

/// How the replay reaches the bytes of an export and a place to spill
/// what does not fit in memory. The replay is a function of values: only
/// this protocol touches files, and the command line implements it over
/// the file system (confined to the workspace, temporary files removed at
/// the end); ``InMemoryExports`` implements it over bytes held in memory.
///
/// ```swift
/// let exports = InMemoryExports(["Observations/acme/tickets.csv": Array(csv.utf8)])
/// try exports.read("Observations/acme/tickets.csv", chunkSize: 1 << 20) { chunk in print(chunk.count); return true }
/// ```
public protocol ExportAccess: Sendable {
    /// Calls `body` with the export's bytes in order, in chunks of about
    /// `chunkSize` bytes, until the file ends or `body` returns false.
    func read(_ path: String, chunkSize: Int, _ body: ([UInt8]) -> Bool) throws(ExportAccessError)

    /// A new, empty place for partitions that do not fit in memory; the
    /// replay closes it when done, which removes what it holds.
    func makeSpill() throws(ExportAccessError) -> any SpillStore
}

/// Partitions of serialized events written while an export is read and
/// read back one at a time once it is read: how grouping by case keeps to
/// a memory budget whatever the order of the rows.
public protocol SpillStore: AnyObject, Sendable {
    /// Adds `bytes` at the end of partition `partition`.
    func append(_ bytes: [UInt8], toPartition partition: Int) throws(ExportAccessError)
    /// Adds `pieces`, one after the other, at the end of partition `partition`.
    func append(contentsOf pieces: [[UInt8]], toPartition partition: Int) throws(ExportAccessError)
    /// Everything appended to partition `partition`, in order, in an array
    /// with room for `extra` more bytes, so that the partition's part still in
    /// memory joins it without another allocation and copy.
    func contents(ofPartition partition: Int, reservingCapacity extra: Int) throws(ExportAccessError) -> [UInt8]
    /// Removes what the store holds; it is not used afterwards.
    func close()
}

extension SpillStore {
    /// One piece after the other; a store that can write them at once does.
    public func append(contentsOf pieces: [[UInt8]], toPartition partition: Int) throws(ExportAccessError) {
        for piece in pieces where !piece.isEmpty { try append(piece, toPartition: partition) }
    }
}

/// Why an export could not be read.
public struct ExportAccessError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file is missing, unreadable, a folder, not a regular file.
        case unreadable
        /// The path, or a symbolic link on it, leads outside the workspace.
        case outsideWorkspace
        /// Spilling to temporary files failed (a full disk).
        case spill
    }

    public let kind: Kind
    /// Why, in words: "no such file", "it is a folder".
    public let reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }
}

/// Exports held in memory, by path, with a spill store in memory too: for
/// tests, and for callers that have the bytes already.
public struct InMemoryExports: ExportAccess {
    public let files: [String: [UInt8]]
    /// How many spill stores were made, and how many are still open.
    public let spills = SpillCount()

    public init(_ files: [String: [UInt8]]) {
        self.files = files
    }

    public func read(_ path: String, chunkSize: Int, _ body: ([UInt8]) -> Bool) throws(ExportAccessError) {
        guard let bytes = files[path] else { throw ExportAccessError(.unreadable, "no such file") }
        var start = 0
        let size = max(1, chunkSize)
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            guard body(Array(bytes[start..<end])) else { return }
            start = end
        }
    }

    public func makeSpill() throws(ExportAccessError) -> any SpillStore {
        spills.opened()
        return MemorySpill(count: spills)
    }

    /// Counts spill stores made and closed, so tests can tell that a
    /// replay spilled, and that it closed what it opened.
    public final class SpillCount: Sendable {
        private let state = Mutex((made: 0, open: 0))

        func opened() { state.withLock { $0.made += 1; $0.open += 1 } }
        func closed() { state.withLock { $0.open -= 1 } }

        public var made: Int { state.withLock { $0.made } }
        public var open: Int { state.withLock { $0.open } }
    }

    private final class MemorySpill: SpillStore {
        private let partitions = Mutex<[Int: [UInt8]]>([:])
        private let count: SpillCount
        private let isClosed = Atomic(false)

        init(count: SpillCount) {
            self.count = count
        }

        func append(_ bytes: [UInt8], toPartition partition: Int) throws(ExportAccessError) {
            partitions.withLock { $0[partition, default: []] += bytes }
        }

        func contents(ofPartition partition: Int, reservingCapacity extra: Int) throws(ExportAccessError) -> [UInt8] {
            let stored = partitions.withLock { $0[partition] ?? [] }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(stored.count + extra)
            bytes += stored
            return bytes
        }

        func close() {
            guard !isClosed.exchange(true, ordering: .relaxed) else { return }
            partitions.withLock { $0 = [:] }
            count.closed()
        }
    }
}
