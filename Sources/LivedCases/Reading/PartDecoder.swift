import EventExports

/// Rows of one part of an export, decoded into event records in
/// partitions of the part's own, with rows and lines counted from where
/// the part's reader started: parts are decoded in parallel before the
/// rows ahead of them are known, and added up in file order after.
struct DecodedRows: Sendable {
    var buffers: [[UInt8]]
    /// Where each record's row lies in its partition's buffer.
    var rowFields: [[UInt32]]
    var counts = RowCounts()
    /// Bytes of records in all partitions.
    var bytes = 0
    /// Slots some row had a value for (JSON Lines has no header).
    var seen: [Bool]
    /// Why the part's reader read nothing after some place, if it did not.
    var stop: ReadingStop?

    init(partitions: Int, slots: Int) {
        buffers = Array(repeating: [], count: partitions)
        rowFields = Array(repeating: [], count: partitions)
        seen = Array(repeating: false, count: slots)
    }
}

/// Decodes rows into ``DecodedRows``, or skips them with their place,
/// stopping once more rows are skipped than allowed.
struct PartDecoder {
    let compiled: CompiledSource
    private let decoder: RowDecoder
    /// The export's column name of each slot, for a skipped row's place:
    /// handed to the place closure only when a row is skipped, so that no
    /// row retains and releases it.
    private let columnNames: [String?]
    private let partitions: PartitionChooser
    /// Skipped rows allowed before reading stops; nil for no limit.
    private let allowance: Int?
    private var writer = EventRecordWriter()
    private(set) var rows: DecodedRows
    /// Stored, not computed: the readers ask it on every row from a
    /// closure holding the decoder in place.
    private(set) var isReading = true

    /// - Parameter expectedBytes: the size of the text to decode, if known:
    ///   records take about five eighths of the bytes of the rows they come
    ///   from (51 against 82 a row in the generated exports), so each
    ///   partition's buffer is given 7/10 of its share of the text at once
    ///   rather than grown by copies. More would be room the grouper, which
    ///   holds the buffers, copies away (``CaseGrouper/add(_:rowsBefore:)``).
    init(_ compiled: CompiledSource, budget: GroupingBudget, allowance: Int?, expectedBytes: Int = 0) {
        self.compiled = compiled
        decoder = RowDecoder(compiled)
        columnNames = (0..<compiled.slotCount).map(compiled.columnName)
        partitions = PartitionChooser(budget)
        self.allowance = allowance
        rows = DecodedRows(partitions: budget.partitions, slots: compiled.slotCount)
        let share = expectedBytes / budget.partitions
        if share > 0 {
            for index in rows.buffers.indices { rows.buffers[index].reserveCapacity(share * 7 / 10) }
        }
    }

    var file: String { compiled.source.dataPath }

    /// The rows decoded, the decoder's last use: handed over, not shared,
    /// so that whoever keeps the buffers can change them in place.
    consuming func takeRows() -> DecodedRows { rows }

    mutating func stop() { isReading = false }

    /// Reads no more rows: the export cannot be read past `stop`.
    mutating func stop(_ stop: ReadingStop) {
        if rows.stop == nil { rows.stop = stop }
        isReading = false
    }

    mutating func see(_ slot: Int) { rows.seen[slot] = true }

    /// - Parameter location: the place of the row, and of the slot at fault
    ///   when one is, given the column names by slot.
    @inline(__always)
    mutating func decode(row: Int, location: (Int?, [String?]) -> ExportLocation, cell: (Int) -> UnsafeBufferPointer<UInt8>?) {
        if let (problem, slot) = decoder.decode(row: row, cell: cell, into: &writer) {
            skip(RowIssue(file: file, location: location(slot, columnNames), problem: problem))
            return
        }
        rows.counts.rows += 1
        rows.counts.events += 1
        let partition = partitions.partition(ofHash: writer.caseHash)
        let record = writer.record
        rows.rowFields[partition].append(UInt32(truncatingIfNeeded: rows.buffers[partition].count + writer.rowOffset))
        rows.buffers[partition].append(contentsOf: record)
        rows.bytes += record.count
    }

    mutating func skip(_ issue: RowIssue) {
        rows.counts.skip(issue)
        if let allowance, rows.counts.skipped > allowance {
            rows.counts.tooManySkipped = true
            isReading = false
        }
    }

    /// A CSV record or problem, its columns at `indices` by slot (-1 for
    /// none); the header is the caller's.
    mutating func take(_ event: CSVRowEvent, indices: UnsafeBufferPointer<Int>) {
        guard isReading else { return }
        switch event {
        case .header:
            return
        case .row(let fields):
            decode(row: fields.row, location: { slot, names in
                let field = slot.flatMap { indices.indices.contains($0) && indices[$0] >= 0 ? indices[$0] : nil }
                let name = slot.flatMap { names.indices.contains($0) ? names[$0] : nil }
                return ExportLocation(row: fields.row, line: fields.line, field: field, fieldName: field.flatMap { _ in name })
            }) { slot in fields.field(at: indices[slot]) }
        case .issue(let issue):
            // The header's name for a field is export text: quoted and cut.
            var location = issue.location
            location.fieldName = location.fieldName.map { Quoted.word($0) }
            if issue.problem.stopsReading { return stop(ReadingStop(location: location, reason: .csv(issue.problem))) }
            guard issue.problem.skipsRecord else { return }
            skip(RowIssue(file: file, location: location, problem: .unreadable(issue.problem.message)))
        }
    }
}

/// Where an export stops being readable, and why: a quote never closed
/// (the rest of a CSV export would be its text), malformed XES. The
/// export is then an error located there, as a header that cannot be read
/// is, and none of its cases is replayed: the rows before it would pass
/// for the whole export.
struct ReadingStop: Sendable, Hashable {
    enum Reason: Sendable, Hashable {
        /// A CSV problem that ``CSVProblem/stopsReading``.
        case csv(CSVProblem)
        /// A fatal XES issue's message.
        case xes(String)
    }

    var location: ExportLocation
    let reason: Reason

    /// What the error says of the export `file`.
    func message(file: String) -> String {
        let rest = "the rest of the export, from line \(location.line), cannot be read"
        switch reason {
        case .csv(.unterminatedQuote):
            return "a quoted field of the export \(file) opened at \(location) is never closed: \(rest)"
        case .csv(.quoteOpenPastLimit(let limit, let ofRow)):
            let past = ofRow ? "where its row passes \(limit) bytes, the most a row holds" : "after \(limit) bytes, the most a field holds"
            return "a quoted field of the export \(file) opened at \(location) is still open \(past), so its quote is taken for one never closed: \(rest)"
        case .csv(let problem):
            return "the export \(file) cannot be read at \(location) (\(problem.reason)): \(rest)"
        case .xes(let message):
            return "the export \(file) cannot be read at \(location) (\(message)): \(rest)"
        }
    }
}

extension RowCounts {
    /// Adds the counts of a part read after those counted, whose rows and
    /// lines are numbered from its start; keeps the first skipped rows.
    mutating func add(_ part: RowCounts, rowsBefore: Int, linesBefore: Int) {
        rows += part.rows
        events += part.events
        skipped += part.skipped
        for (kind, count) in part.skippedByKind { skippedByKind[kind, default: 0] += count }
        for issue in part.issues.prefix(max(0, Self.issuesKept - issues.count)) {
            var location = issue.location
            location.row = location.row.map { $0 + rowsBefore }
            location.line += linesBefore
            issues.append(RowIssue(file: issue.file, location: location, problem: issue.problem))
        }
        tooManySkipped = tooManySkipped || part.tooManySkipped
    }
}
