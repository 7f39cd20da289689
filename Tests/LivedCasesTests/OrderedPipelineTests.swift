import Foundation
import OrderedTasks
import Synchronization
import Testing

/// Work handed out one input at a time comes back in the order given,
/// whatever the order it ends in.
@Suite("Ordered pipeline")
struct OrderedPipelineTests {
    @Test("Results in submission order, taken as they come or waited for")
    func inOrder() {
        let pipeline = OrderedPipeline<Int, String> { value in
            // Later inputs end sooner: the order is the pipeline's doing.
            var spin = 0
            for step in 0..<((200 - value) * 500) { spin &+= step }
            return "\(value)/\(spin & 1 >= 0)"
        }
        #expect(pipeline.next() == nil)
        var taken: [String] = []
        for value in 0..<200 {
            pipeline.submit(value)
            if value % 3 == 0, let ready = pipeline.nextIfReady() { taken.append(ready) }
            if pipeline.count > 5, let oldest = pipeline.next() { taken.append(oldest) }
        }
        while let rest = pipeline.next() { taken.append(rest) }
        #expect(taken == (0..<200).map { "\($0)/true" })
        #expect(pipeline.count == 0)
    }

    @Test("Finishing early waits for the work still going, drops its results and the inputs not started")
    func finishEarly() {
        let ran = Atomic(0)
        let pipeline = OrderedPipeline<Int, Int> { value in
            ran.add(1, ordering: .relaxed)
            return value
        }
        for value in 0..<50 { pipeline.submit(value) }
        #expect(pipeline.next() == 0)
        pipeline.finish()
        let ranByTheEnd = ran.load(ordering: .relaxed)
        #expect(ranByTheEnd >= 1 && ranByTheEnd <= 50)
        // Nothing runs once finished: the jobs still queued find their inputs dropped.
        Thread.sleep(forTimeInterval: 0.1)
        #expect(ran.load(ordering: .relaxed) == ranByTheEnd)
        #expect(pipeline.count == 0)
        #expect(pipeline.next() == nil)
    }

    @Test("Finishing does not wait for jobs no thread has started, and their inputs are never worked on")
    func finishDropsUnstarted() {
        let jobs = Mutex<[@Sendable () -> Void]>([])
        let ran = Atomic(0)
        let pipeline = OrderedPipeline<Int, Int>(launchingOn: { job in jobs.withLock { $0.append(job) } }) { value in
            ran.add(1, ordering: .relaxed)
            return value
        }
        for value in 0..<5 { pipeline.submit(value) }
        // No job has run: an owner that waited for them would wait forever.
        pipeline.finish()
        #expect(pipeline.count == 0)
        // Run late, the jobs find their inputs dropped.
        for job in jobs.withLock({ $0 }) { job() }
        #expect(ran.load(ordering: .relaxed) == 0)
    }

    @Test("While a worker runs the oldest input, the owner runs the newest unstarted ones rather than wait")
    func ownerHelpsWhileWaiting() {
        let owner = pthread_self()
        let jobs = Mutex<[@Sendable () -> Void]>([])
        let workerStarted = Atomic(false)
        let ranOnOwner = Mutex<[Int]>([])
        let pipeline = OrderedPipeline<Int, Bool>(launchingOn: { job in jobs.withLock { $0.append(job) } }) { value in
            if pthread_equal(pthread_self(), owner) != 0 {
                ranOnOwner.withLock { $0.append(value) }
                return true
            }
            workerStarted.store(true, ordering: .sequentiallyConsistent)
            // The oldest ends once the owner has run another input, or
            // after ten seconds: an owner that only waited would end it late.
            let deadline = ContinuousClock.now + .seconds(10)
            while ranOnOwner.withLock({ $0.isEmpty }), ContinuousClock.now < deadline {}
            return !ranOnOwner.withLock { $0.isEmpty }
        }
        for value in 0..<8 { pipeline.submit(value) }
        // One worker, of the test's own, takes the oldest before the owner asks for it.
        let launched = jobs.withLock { $0 }
        #expect(launched.count == 8)
        Thread { launched[0]() }.start()
        let deadline = ContinuousClock.now + .seconds(10)
        while !workerStarted.load(ordering: .sequentiallyConsistent), ContinuousClock.now < deadline {}
        #expect(pipeline.next() == true, "the oldest saw the owner run a newer input while it waited")
        // Newest first, then older ones while the worker was still ending.
        let helped = ranOnOwner.withLock { $0 }
        #expect(helped.first == 7)
        #expect(helped == helped.sorted(by: >))
        // The other jobs find their inputs taken or run them here; then all have ended.
        for job in launched.dropFirst() { job() }
        var rest: [Bool] = []
        while let result = pipeline.next() { rest.append(result) }
        #expect(rest == Array(repeating: true, count: 7))
        pipeline.finish()
    }

    @Test("Each input's work runs once, on a worker or on the owner waiting for it")
    func eachInputRunsOnce() {
        let ran = Atomic(0)
        let pipeline = OrderedPipeline<Int, Int> { value in
            ran.add(1, ordering: .relaxed)
            return value * 2
        }
        var taken: [Int] = []
        for value in 0..<1_000 {
            pipeline.submit(value)
            // Asked at once, the work has often not started: the owner runs it.
            if let result = pipeline.next() { taken.append(result) }
        }
        pipeline.finish()
        #expect(taken == (0..<1_000).map { $0 * 2 })
        #expect(ran.load(ordering: .relaxed) == 1_000)
    }
}
