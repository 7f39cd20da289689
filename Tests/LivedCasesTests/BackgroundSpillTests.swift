import Foundation
import Synchronization
import Testing

@testable import LivedCases

/// Spills are written on another core while reading goes on: the grouper
/// hands a spill over and returns, waits for it before the next and at
/// the end, throws its failure, and on abandoning drops one not started
/// and closes the store only once one under way has ended.
@Suite("Spills written while reading goes on")
struct BackgroundSpillTests {
    typealias Spill = FailingAccessTests.Spill
    typealias Job = @Sendable () -> Void

    /// Jobs launched, held until the test runs them.
    final class Jobs: Sendable {
        private let list = Mutex<[Job]>([])

        func launch(_ job: @escaping Job) { list.withLock { $0.append(job) } }

        var all: [Job] { list.withLock { $0 } }
    }

    /// A grouper over one partition with a 100-byte budget, whose spill
    /// jobs are held in `jobs` until the test runs them.
    static func grouper(spill: some SpillStore, jobs: Jobs) -> CaseGrouper {
        CaseGrouper(budget: GroupingBudget(bytes: 100, partitions: 1), access: Access(spill: spill), launcher: { jobs.launch($0) })
    }

    struct Access: ExportAccess {
        let spill: any SpillStore

        func read(_ path: String, chunkSize: Int, _ body: ([UInt8]) -> Bool) throws(ExportAccessError) {
            throw ExportAccessError(.unreadable, "nothing to read")
        }

        func makeSpill() throws(ExportAccessError) -> any SpillStore { spill }
    }

    /// A grouper with 60 bytes of records added, past half its budget:
    /// one spill handed over, its job held in `jobs`.
    static func pastHalfTheBudget(spill: Spill, jobs: Jobs) throws -> CaseGrouper {
        var grouper = Self.grouper(spill: spill, jobs: jobs)
        try grouper.add(Self.rows(60, of: 1), rowsBefore: 0)
        return grouper
    }

    /// One event's worth of records: `count` bytes, each `byte`.
    static func rows(_ count: Int, of byte: UInt8) -> DecodedRows {
        var rows = DecodedRows(partitions: 1, slots: 0)
        rows.buffers[0] = Array(repeating: byte, count: count)
        rows.bytes = count
        rows.counts.events = 1
        return rows
    }

    @Test("Past half the budget a spill is handed over, not written; the end writes one no worker started")
    func handedOverThenWrittenAtTheEnd() throws {
        let spill = Spill(appendFails: false), jobs = Jobs()
        var grouper = try Self.pastHalfTheBudget(spill: spill, jobs: jobs)
        #expect(jobs.all.count == 1)
        #expect(spill.state.withLock { $0.appends } == 0, "the spill is not written by the thread adding rows")
        try grouper.add(Self.rows(10, of: 2), rowsBefore: 0)
        let partitions = try grouper.finish()
        #expect(spill.state.withLock { $0.appends } == 1, "finishing wrote the spill no worker had started")
        #expect(partitions.spilledBytes == 60)
        #expect(try partitions.bytes(of: 0) == Array(repeating: 1, count: 60) + Array(repeating: 2, count: 10))
        // The job, run late, finds its spill written already.
        for job in jobs.all { job() }
        #expect(spill.state.withLock { $0.appends } == 1)
    }

    @Test("A spill written by a worker is waited for before the next, in order")
    func oneSpillAtATime() throws {
        let spill = Spill(appendFails: false), jobs = Jobs()
        var grouper = try Self.pastHalfTheBudget(spill: spill, jobs: jobs)
        let first = jobs.all
        #expect(first.count == 1)
        first[0]()
        #expect(spill.state.withLock { $0.appends } == 1)
        try grouper.add(Self.rows(60, of: 2), rowsBefore: 0)
        let partitions = try grouper.finish()
        #expect(spill.state.withLock { $0.appends } == 2)
        #expect(partitions.spilledBytes == 120)
        #expect(try partitions.bytes(of: 0) == Array(repeating: 1, count: 60) + Array(repeating: 2, count: 60))
    }

    @Test("A spill that failed on a worker is thrown by the next rows added, before any other spill")
    func failureThrownAtOnce() throws {
        let spill = Spill(appendFails: true), jobs = Jobs()
        var grouper = try Self.pastHalfTheBudget(spill: spill, jobs: jobs)
        for job in jobs.all { job() }
        #expect(throws: Spill.full) { try grouper.add(Self.rows(1, of: 2), rowsBefore: 0) }
        #expect(spill.state.withLock { $0.appends } == 1)
        grouper.abandon()
        #expect(spill.state.withLock { $0.closes } == 1)
    }

    @Test("Abandoning drops a spill no worker started, and closes the store")
    func abandonDropsUnstarted() throws {
        let spill = Spill(appendFails: false), jobs = Jobs()
        let grouper = try Self.pastHalfTheBudget(spill: spill, jobs: jobs)
        grouper.abandon()
        #expect(spill.state.withLock { $0 }.closes == 1)
        for job in jobs.all { job() }
        #expect(spill.state.withLock { $0.appends } == 0, "nothing is written only to be removed")
    }

    /// A store whose appends wait for `release`, recording what happened in order.
    final class GatedSpill: SpillStore {
        let events = Mutex<[String]>([])
        let release = Atomic(false)

        func append(_ bytes: [UInt8], toPartition partition: Int) throws(ExportAccessError) {
            events.withLock { $0.append("write starts") }
            let deadline = ContinuousClock.now + .seconds(10)
            while !release.load(ordering: .sequentiallyConsistent), ContinuousClock.now < deadline {}
            events.withLock { $0.append("write ends") }
        }

        func contents(ofPartition partition: Int, reservingCapacity extra: Int) throws(ExportAccessError) -> [UInt8] { [] }

        func close() {
            events.withLock { $0.append("closed") }
        }
    }

    @Test("Abandoning while a worker writes a spill closes the store once the write has ended")
    func abandonWaitsForTheWrite() throws {
        let spill = GatedSpill()
        let jobs = Jobs()
        var grouper = Self.grouper(spill: spill, jobs: jobs)
        try grouper.add(Self.rows(60, of: 1), rowsBefore: 0)
        let job = jobs.all[0]
        Thread { job() }.start()
        let deadline = ContinuousClock.now + .seconds(10)
        while spill.events.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {}
        Thread {
            Thread.sleep(forTimeInterval: 0.05)
            spill.release.store(true, ordering: .sequentiallyConsistent)
        }.start()
        grouper.abandon()
        #expect(spill.events.withLock { $0 } == ["write starts", "write ends", "closed"])
    }
}
