import JourneyModel
import OrderedTasks

/// Reads one source's export and hands out its cases: rows decoded and
/// grouped by case within a memory budget (spilling partitions when the
/// export does not fit), then each partition's cases, whole and in lived
/// order, to `visit`, partitions in parallel, each with its own partial
/// result. Callers merge the partials in a way that does not depend on
/// their order, so nothing depends on the row order, the budget or the
/// number of cores.
///
/// ```swift
/// let replay = try CaseReplay.run(compiled, access: exports, makePartial: { 0 }) { count, _ in count += 1 }
/// replay.partials.reduce(0, +)   // the number of cases
/// ```
public enum CaseReplay {
    /// What reading gave, besides the cases.
    public struct Reading: Sendable {
        public let counts: RowCounts
        /// Problems of the source file found by reading its export (a
        /// missing column); the export's cases are not replayed then.
        public let diagnostics: [Diagnostic]
        /// Bytes of events that went to the spill store (0 when the export fit in the budget).
        public let spilledBytes: Int
    }

    public static func run<Partial: Sendable>(
        _ compiled: CompiledSource,
        access: any ExportAccess,
        budget: GroupingBudget = .standard,
        maxSkipped: Int? = nil,
        makePartial: @Sendable () -> Partial,
        visit: @Sendable (inout Partial, ObservedCase) -> Void
    ) throws(ExportAccessError) -> (reading: Reading, partials: [Partial]) {
        try run(compiled, access: access, budget: budget, maxSkipped: maxSkipped, partSize: ExportReader.chunkSize, makePartial: makePartial, visit: visit)
    }

    /// The same, reading a CSV export in parts of `partSize` bytes (tests
    /// use tiny parts, so that records straddle them).
    static func run<Partial: Sendable>(
        _ compiled: CompiledSource,
        access: any ExportAccess,
        budget: GroupingBudget,
        maxSkipped: Int?,
        partSize: Int,
        makePartial: @Sendable () -> Partial,
        visit: @Sendable (inout Partial, ObservedCase) -> Void
    ) throws(ExportAccessError) -> (reading: Reading, partials: [Partial]) {
        let reading = try ExportReader.read(compiled, access: access, budget: budget, maxSkipped: maxSkipped, partSize: partSize)
        let partitions = reading.partitions
        defer { partitions.close() }
        let summary = Reading(counts: reading.counts, diagnostics: reading.diagnostics, spilledBytes: partitions.spilledBytes)
        guard reading.diagnostics.isEmpty, !reading.counts.tooManySkipped else { return (summary, []) }
        let names = compiled.source.activities.map { Array($0.name.utf8) }
        let outcomes = OrderedTasks.mapBlocking(Array(0..<partitions.count)) { index -> Result<Partial, ExportAccessError> in
            var partial = makePartial()
            let bytes: [UInt8]
            do throws(ExportAccessError) {
                bytes = try partitions.bytes(of: index)
            } catch {
                return .failure(error)
            }
            PartitionGrouping.forEachCase(in: consume bytes, activityNames: names) { visit(&partial, $0) }
            return .success(partial)
        }
        var partials: [Partial] = []
        partials.reserveCapacity(outcomes.count)
        for outcome in outcomes {
            switch outcome {
            case .success(let partial): partials.append(partial)
            case .failure(let error): throw error
            }
        }
        return (summary, partials)
    }
}
