import EventExports
import JourneyModel

/// What reading one export gave: its events in partitions by case, the
/// rows it skipped, and the mistakes of its source file that reading
/// revealed (a column the export does not have).
struct ExportReading: Sendable {
    var partitions: CasePartitions
    var counts: RowCounts
    /// Problems located in the source file; reading stopped at the first.
    var diagnostics: [Diagnostic]
}

/// How many rows an export held, and what became of them.
public struct RowCounts: Sendable, Equatable {
    /// Rows read, skipped ones included (a CSV header and blank lines are not rows).
    public var rows = 0
    /// Rows turned into events.
    public var events = 0
    /// Rows skipped, in all and by kind of problem.
    public var skipped = 0
    public var skippedByKind: [RowProblem.Kind: Int] = [:]
    /// The first skipped rows, in file order.
    public var issues: [RowIssue] = []
    /// Set when more rows were skipped than allowed: reading stopped there.
    public var tooManySkipped = false

    /// How many skipped rows are named one by one.
    public static let issuesKept = 20

    public init() {}

    mutating func skip(_ issue: RowIssue) {
        rows += 1
        skipped += 1
        skippedByKind[issue.problem.kind, default: 0] += 1
        if issues.count < Self.issuesKept { issues.append(issue) }
    }
}

/// Reads an export through ``ExportAccess``, chunk by chunk, with the
/// reader of its format; each row becomes an event record in the grouper,
/// or a skipped row with its place. CSV and JSON Lines are read in
/// parallel parts once the first chunk is read (``ExportParts``); XES on
/// one thread.
enum ExportReader {
    static let chunkSize = 1 << 20

    static func read(
        _ compiled: CompiledSource, access: any ExportAccess, budget: GroupingBudget, maxSkipped: Int?, partSize: Int = chunkSize
    ) throws(ExportAccessError) -> ExportReading {
        var state = ReadState(compiled: compiled, grouper: CaseGrouper(budget: budget, access: access), maxSkipped: maxSkipped)
        do throws(ExportAccessError) {
            switch compiled.source.format {
            case .csv(let separator): try readCSV(separator: separator, access: access, partSize: max(1, partSize), state: &state)
            case .jsonLines: try readJSONLines(access: access, partSize: max(1, partSize), state: &state)
            case .xes: try readXES(access: access, state: &state)
            }
            if let failure = state.failure { throw failure }
        } catch {
            state.grouper.abandon()
            throw error
        }
        state.reportColumnsNeverSeen()
        let counts = state.counts, diagnostics = state.diagnostics
        let grouper = state.grouper
        do throws(ExportAccessError) {
            return ExportReading(partitions: try grouper.finish(), counts: counts, diagnostics: diagnostics)
        } catch {
            grouper.abandon()
            throw error
        }
    }

    // MARK: CSV and JSON Lines

    private static func readCSV(separator: CSVSeparator?, access: any ExportAccess, partSize: Int, state: inout ReadState) throws(ExportAccessError) {
        try readInParts(CSVPartReader(separator: separator), access: access, partSize: partSize, state: &state) { reader, state in
            if let missing = reader.missing {
                for slot in missing.slots { state.reportMissingColumn(slot, known: missing.known) }
                return nil
            }
            if let issue = reader.unreadableHeader {
                state.reportUnreadableHeader(issue)
                return nil
            }
            if !reader.duplicates.isEmpty {
                for issue in reader.duplicates { state.reportDuplicateColumn(issue) }
                return nil
            }
            return reader.resumed()
        }
    }

    private static func readJSONLines(access: any ExportAccess, partSize: Int, state: inout ReadState) throws(ExportAccessError) {
        try readInParts(JSONLinesPartReader(state.compiled), access: access, partSize: partSize, state: &state) { reader, _ in reader.resumed() }
    }

    /// The first chunks on this thread, until `resumed` gives the reader
    /// for parts (once a CSV header is read); the rest in parallel parts.
    /// `resumed` also reports what the first chunks revealed (a column
    /// the header lacks).
    private static func readInParts<Reader: PartReader>(
        _ first: Reader, access: any ExportAccess, partSize: Int, state: inout ReadState,
        resumed: (Reader, inout ReadState) -> Reader?
    ) throws(ExportAccessError) {
        var reader = first
        var parts: ExportParts<Reader>?
        try access.read(state.file, chunkSize: partSize) { chunk in
            if parts != nil {
                parts?.add(chunk, state: &state)
                return state.isReading
            }
            var part = state.makePart()
            reader.read(chunk, into: &part)
            state.merge(part.takeRows(), rowsBefore: 0, linesBefore: 0)
            if let template = resumed(reader, &state), state.isReading {
                parts = ExportParts(template: template, reader: reader, partSize: partSize, compiled: state.compiled, budget: state.grouper.budget)
            }
            return state.isReading
        }
        if parts != nil {
            parts?.finish(state: &state)
        } else if state.isReading {
            var part = state.makePart()
            reader.finish(into: &part)
            state.merge(part.takeRows(), rowsBefore: 0, linesBefore: 0)
            _ = resumed(reader, &state)
        }
    }

    // MARK: XES

    private static func readXES(access: any ExportAccess, state: inout ReadState) throws(ExportAccessError) {
        var reader = XESReader()
        let slotCount = state.compiled.slotCount
        let names = (0..<slotCount).map { state.compiled.columnName($0) }
        var cells = CellScratch(slots: slotCount)
        var eventNumber = 0
        var part = state.makePart()
        func handle(_ output: XESOutput) {
            guard state.isReading, part.isReading else { return }
            switch output {
            case .event(let event):
                eventNumber += 1
                cells.clear()
                for slot in 0..<slotCount {
                    guard let name = names[slot] else { continue }
                    // The case is the trace's; anything else the event's own, else its trace's.
                    let attribute = slot == CompiledSource.caseSlot
                        ? (event.traceAttributes[name] ?? event.attributes[name])
                        : (event.attributes[name] ?? event.traceAttributes[name])
                    guard let attribute else { continue }
                    cells.set(slot, attribute.valueBytes)
                    state.seen[slot] = true
                }
                let number = eventNumber
                cells.withCells { cell in
                    part.decode(row: number, location: { slot, _ in
                        var location = event.location
                        location.fieldName = slot.flatMap { names.indices.contains($0) ? names[$0] : nil }
                        return location
                    }, cell: cell)
                }
            case .issue(let issue) where issue.isFatal:
                part.stop(ReadingStop(location: issue.location, reason: .xes(issue.message)))
            case .issue(let issue):
                part.skip(RowIssue(file: state.file, location: issue.location, problem: .unreadable(issue.message)))
            }
        }
        try access.read(state.file, chunkSize: chunkSize) { chunk in
            reader.read(chunk, handle)
            state.merge(part.takeRows(), rowsBefore: 0, linesBefore: 0, stopped: !part.isReading)
            part = state.makePart()
            return state.isReading
        }
        if state.isReading {
            reader.finish(handle)
            state.merge(part.takeRows(), rowsBefore: 0, linesBefore: 0, stopped: !part.isReading)
        }
    }
}

/// What reading keeps between parts: the grouper, the counts so far, and
/// whether to go on.
struct ReadState {
    let compiled: CompiledSource
    var grouper: CaseGrouper
    let maxSkipped: Int?
    var counts = RowCounts()
    var diagnostics: [Diagnostic] = [] { didSet { updateReading() } }
    /// Slots some row had a value for (JSON Lines and XES have no header).
    var seen: [Bool]
    var failure: ExportAccessError? { didSet { updateReading() } }
    private var stopped = false { didSet { updateReading() } }
    /// Whether rows are still read: not stopped, no failure, no diagnostic.
    /// Stored, not computed, because the readers ask it on every row from
    /// a closure holding the state in place, and a computed property there
    /// copied the whole state (a retain and a release of each of its
    /// buffers) per row.
    private(set) var isReading = true

    init(compiled: CompiledSource, grouper: CaseGrouper, maxSkipped: Int?) {
        self.compiled = compiled
        self.grouper = grouper
        self.maxSkipped = maxSkipped
        seen = Array(repeating: false, count: compiled.slotCount)
    }

    var file: String { compiled.source.dataPath }

    private mutating func updateReading() {
        isReading = !stopped && failure == nil && diagnostics.isEmpty
    }

    /// A decoder for the rows that come next, allowed the skips left.
    func makePart() -> PartDecoder {
        PartDecoder(compiled, budget: grouper.budget, allowance: maxSkipped.map { $0 - counts.skipped })
    }

    /// Whether a part with `skipped` skipped rows, read after those
    /// counted, stays within the skips allowed.
    func allows(skipped: Int) -> Bool {
        maxSkipped.map { counts.skipped + skipped <= $0 } ?? true
    }

    /// Adds the next part's rows, numbered from its start, to the grouper
    /// and the counts; `stopped` when the part's reader cannot go on.
    /// The rows are taken over: their buffers become the grouper's.
    mutating func merge(_ rows: consuming DecodedRows, rowsBefore: Int, linesBefore: Int, stopped partStopped: Bool = false) {
        if var stop = rows.stop {
            stop.location.row = stop.location.row.map { $0 + rowsBefore }
            stop.location.line += linesBefore
            reportStop(stop)
        }
        counts.add(rows.counts, rowsBefore: rowsBefore, linesBefore: linesBefore)
        for slot in rows.seen.indices where rows.seen[slot] { seen[slot] = true }
        if counts.tooManySkipped || partStopped { stopped = true }
        do throws(ExportAccessError) {
            try grouper.add(consume rows, rowsBefore: rowsBefore)
        } catch {
            failure = error
        }
    }

    /// A column the source names that the export's header lacks, located at
    /// the name in the source file.
    mutating func reportMissingColumn(_ slot: Int, known: [String]) {
        guard let column = slot < compiled.slotCount ? compiledColumn(slot) : nil else { return }
        let suggestion = DidYouMean.closest(to: column.name, in: known)
        let listing = known.prefix(12).map { "'\(Quoted.word($0))'" }.joined(separator: ", ") + (known.count > 12 ? ", …" : "")
        let hint = suggestion.map { "; did you mean '\(Quoted.word($0))'?" } ?? (known.isEmpty ? "" : "; its columns: \(listing)")
        diagnostics.append(Diagnostic(
            .missingColumn, at: compiled.source.location(column.position),
            "the export \(file) has no column '\(column.name)'\(hint)", suggestion: suggestion
        ))
    }

    /// A CSV header row that cannot be read, located in the export: no
    /// field of any row has a column then, so no row is read.
    mutating func reportUnreadableHeader(_ issue: CSVIssue) {
        diagnostics.append(Diagnostic(
            .unreadableFile, at: SourceLocation(file: file, line: issue.location.line, column: 1),
            "the header row of the export \(file) cannot be read (\(issue.location): \(issue.problem.reason)), so none of its rows can"
        ))
    }

    /// A name the source reads that the header gives two columns, located
    /// in the export at the header: as for a header that cannot be read,
    /// no row is read, since which column a row's value is in cannot be told.
    mutating func reportDuplicateColumn(_ issue: CSVIssue) {
        guard case .duplicateColumnName(let name, let first) = issue.problem, let repeated = issue.location.field else { return }
        let shown = Quoted.word(name)
        diagnostics.append(Diagnostic(
            .unreadableFile, at: SourceLocation(file: file, line: issue.location.line, column: 1),
            "the header row of the export \(file) names two columns '\(shown)', fields \(first + 1) and \(repeated + 1) (row \(issue.location.row ?? 1)), "
                + "and the source reads '\(shown)': which one it means cannot be told, so none of its rows can"
        ))
    }

    /// An export that cannot be read to its end, located in the export
    /// where it stops (the opening quote, the XES markup at fault).
    mutating func reportStop(_ stop: ReadingStop) {
        diagnostics.append(Diagnostic(
            .unreadableFile, at: SourceLocation(file: file, line: stop.location.line, column: stop.location.column ?? 1), stop.message(file: file)
        ))
    }

    /// For JSON Lines and XES: a column the source names (besides case,
    /// time and activity, which every row needs) that no row holds. Not
    /// after reading stopped: the rows left unread may hold it.
    mutating func reportColumnsNeverSeen() {
        guard diagnostics.isEmpty, counts.rows > 0, !stopped else { return }
        switch compiled.source.format {
        case .csv: return
        case .jsonLines, .xes: break
        }
        for slot in 0..<compiled.slotCount where !seen[slot] && compiled.columnName(slot) != nil {
            guard let column = compiledColumn(slot) else { continue }
            // XES's standard owner key is read when present, not required.
            if compiled.source.format == .xes, slot == CompiledSource.ownerSlot, column.name == "org:resource" { continue }
            let what = compiled.source.format == .xes ? "attribute" : "key"
            diagnostics.append(Diagnostic(
                .missingColumn, at: compiled.source.location(column.position),
                "no event of the export \(file) has the \(what) '\(column.name)'"
            ))
        }
    }

    private func compiledColumn(_ slot: Int) -> ExportColumn? {
        let map = compiled.source.columns
        switch slot {
        case CompiledSource.caseSlot: return map.caseID
        case CompiledSource.timeSlot: return map.time
        case CompiledSource.activitySlot: return map.activity
        case CompiledSource.channelSlot: return map.channel
        case CompiledSource.segmentSlot: return map.segment
        case CompiledSource.journeySlot: return map.journey
        case CompiledSource.ownerSlot: return map.owner
        default:
            let index = slot - CompiledSource.firstAttributeSlot
            return compiled.source.attributes.indices.contains(index) ? compiled.source.attributes[index].column : nil
        }
    }
}

/// One row's cells for formats without a header, copied into one buffer
/// reused from row to row, then handed out as bytes in place.
struct CellScratch {
    private var bytes: [UInt8] = []
    private var ranges: [Range<Int>?]

    init(slots: Int) {
        ranges = Array(repeating: nil, count: slots)
        bytes.reserveCapacity(1024)
    }

    mutating func clear() {
        bytes.removeAll(keepingCapacity: true)
        for index in ranges.indices { ranges[index] = nil }
    }

    mutating func set(_ slot: Int, _ text: String) {
        let start = bytes.count
        bytes.append(contentsOf: text.utf8)
        ranges[slot] = start..<bytes.count
    }

    mutating func set(_ slot: Int, _ value: ArraySlice<UInt8>) {
        let start = bytes.count
        bytes.append(contentsOf: value)
        ranges[slot] = start..<bytes.count
    }

    func withCells<Result>(_ body: ((Int) -> UnsafeBufferPointer<UInt8>?) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            body { slot in
                guard ranges.indices.contains(slot), let range = ranges[slot] else { return nil }
                return UnsafeBufferPointer(rebasing: buffer[range])
            }
        }
    }
}
