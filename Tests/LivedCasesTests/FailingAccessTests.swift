import Synchronization
import Testing

@testable import LivedCases

/// An export whose reading, or whose spilling, fails while parts are being
/// read on other cores: the replay throws that very error, ends, and
/// closes the spill store it made.
@Suite("Reading that fails part way")
struct FailingAccessTests {
    /// Partitions in memory whose appends fail when told to, counting the
    /// stores made, the appends tried and the closes.
    final class Spill: SpillStore {
        struct State {
            var made = 0
            var appends = 0
            var closes = 0
            var partitions: [Int: [UInt8]] = [:]
        }

        let appendFails: Bool
        let state = Mutex(State())

        init(appendFails: Bool) {
            self.appendFails = appendFails
        }

        static let full = ExportAccessError(.spill, "no space left on the device")

        func append(_ bytes: [UInt8], toPartition partition: Int) throws(ExportAccessError) {
            let fails = appendFails
            state.withLock { state in
                state.appends += 1
                if !fails { state.partitions[partition, default: []] += bytes }
            }
            if fails { throw Self.full }
        }

        func contents(ofPartition partition: Int, reservingCapacity extra: Int) throws(ExportAccessError) -> [UInt8] {
            state.withLock { $0.partitions[partition] ?? [] }
        }

        func close() {
            state.withLock { state in
                state.closes += 1
                state.partitions = [:]
            }
        }
    }

    /// One export in memory, read in chunks; past `chunksBeforeFailure`
    /// chunks, the read throws. Every spill store it makes is `spill`.
    struct Exports: ExportAccess {
        let bytes: [UInt8]
        let chunksBeforeFailure: Int?
        let spill: Spill

        static let gone = ExportAccessError(.unreadable, "the device was removed")

        func read(_ path: String, chunkSize: Int, _ body: ([UInt8]) -> Bool) throws(ExportAccessError) {
            guard path == Shop.dataPath else { throw ExportAccessError(.unreadable, "no such file") }
            var start = 0, chunks = 0
            while start < bytes.count {
                if let chunksBeforeFailure, chunks == chunksBeforeFailure { throw Self.gone }
                let end = min(bytes.count, start + max(1, chunkSize))
                guard body(Array(bytes[start..<end])) else { return }
                chunks += 1
                start = end
            }
        }

        func makeSpill() throws(ExportAccessError) -> any SpillStore {
            spill.state.withLock { $0.made += 1 }
            return spill
        }
    }

    /// Runs the replay of `access` in parts of `partSize` bytes; the error it threw, if any.
    static func failure(of access: Exports, budget: GroupingBudget, partSize: Int) async throws -> ExportAccessError? {
        let (compiled, _) = try await Shop.load()
        do throws(ExportAccessError) {
            _ = try CaseReplay.run(
                compiled, access: access, budget: budget, maxSkipped: nil, partSize: partSize, makePartial: { 0 }
            ) { count, _ in count += 1 }
            return nil
        } catch {
            return error
        }
    }

    @Test("A read that fails after some chunks, with parts in flight and partitions spilled, throws its error and closes the spill", .timeLimit(.minutes(2)))
    func readFailsWithPartsInFlight() async throws {
        let bytes = CSVPartsTests.manyRows()
        // 64-byte parts: the header in the first two chunks, then far more
        // parts than are read at once (16) by the time the read fails.
        for chunks in [3, 20, 40, 100] {
            let spill = Spill(appendFails: false)
            let access = Exports(bytes: bytes, chunksBeforeFailure: chunks, spill: spill)
            let error = try await Self.failure(of: access, budget: GroupingBudget(bytes: 1, partitions: 3), partSize: 64)
            #expect(error == Exports.gone, "after \(chunks) chunks")
            let state = spill.state.withLock { $0 }
            #expect(state.closes == state.made, "after \(chunks) chunks")
            #expect(state.partitions.isEmpty, "after \(chunks) chunks")
            if chunks >= 20 {
                // Past the window, parts were added, each one spilled.
                #expect(state.made == 1, "after \(chunks) chunks")
                #expect(state.appends > 0, "after \(chunks) chunks")
            }
        }
    }

    @Test("A read that fails before its first chunk throws its error and makes no spill", .timeLimit(.minutes(2)))
    func readFailsAtOnce() async throws {
        let spill = Spill(appendFails: false)
        let access = Exports(bytes: CSVPartsTests.manyRows(), chunksBeforeFailure: 0, spill: spill)
        let error = try await Self.failure(of: access, budget: GroupingBudget(bytes: 1, partitions: 3), partSize: 64)
        #expect(error == Exports.gone)
        #expect(spill.state.withLock { $0.made } == 0)
    }

    @Test("A spill whose append fails while parts are in flight: the replay throws its error, stops, and closes the spill", .timeLimit(.minutes(2)))
    func spillAppendFails() async throws {
        let bytes = CSVPartsTests.manyRows()
        for partSize in [1, 64, 1000, bytes.count + 1] {
            let spill = Spill(appendFails: true)
            let access = Exports(bytes: bytes, chunksBeforeFailure: nil, spill: spill)
            let error = try await Self.failure(of: access, budget: GroupingBudget(bytes: 2_000, partitions: 7), partSize: partSize)
            #expect(error == Spill.full, "part size \(partSize)")
            let state = spill.state.withLock { $0 }
            #expect(state.made == 1, "part size \(partSize)")
            #expect(state.closes == 1, "part size \(partSize)")
            // Spilling stopped at the first append that failed.
            #expect(state.appends == 1, "part size \(partSize)")
        }
    }
}
