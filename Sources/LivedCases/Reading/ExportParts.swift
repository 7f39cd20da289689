import EventExports
import OrderedTasks

/// A format's reader as ``ExportParts`` drives it: bytes in, rows decoded
/// into a part, and whether it stands between two rows.
protocol PartReader: Sendable {
    /// Whether the bytes read so far end where a row does: the next byte
    /// starts a row, as it would for a reader made to resume there.
    var isAtRowStart: Bool { get }
    /// Rows and lines numbered so far, from the reader's start.
    var rowsNumbered: Int { get }
    var linesNumbered: Int { get }
    mutating func read(_ bytes: [UInt8], into part: inout PartDecoder)
    /// Ends the input: a last row without a line break.
    mutating func finish(into part: inout PartDecoder)
}

/// An export past its first chunk, read in parts on all cores.
///
/// Chunks are cut after their last line feed into parts; each part is
/// read, as soon as it is cut, on some core, by a reader that assumes its
/// part begins a row, into rows of its own, while this thread reads the
/// file on and adds the parts read to the grouper. The guess is then
/// checked in file order: a part begins a row exactly when the reader of
/// the bytes before it ends at a row's start. A CSV line feed inside a
/// quoted field breaks the guess; that part is then read again by the
/// reader before it, carrying the open row over, as one reader would. A
/// part that would take the skipped rows past the limit is read again the
/// same way, so as to stop at the very row one reader stops at. Rows and
/// lines are counted per reader and added up in file order, so every row
/// number, count and the first skipped rows are those of one reader,
/// whatever the part size.
struct ExportParts<Reader: PartReader> {
    /// How many parts are cut and not yet added at most: enough that the
    /// cores read on while this thread adds parts to the grouper, few
    /// enough that the parts and their rows hold little memory.
    static var window: Int { 16 }

    /// A part as read on its own: its bytes, handed back to be read again
    /// if the guess fails (and then reused), its reader as it ended, its rows.
    struct Guess: Sendable {
        var bytes: [UInt8]
        var reader: Reader
        var rows: DecodedRows
    }

    /// The reader a part read on its own starts with.
    private let template: Reader
    private let partSize: Int
    /// The reader of everything read so far, as it ended.
    private var reader: Reader
    /// Rows and lines before the first byte `reader` read.
    private var rowsBefore = 0
    private var linesBefore = 0
    /// Bytes after the last line feed, for the next part.
    private var tail: [UInt8] = []
    /// The buffers of parts added, emptied, for the next: their pages
    /// are in memory already, where fresh ones would be faulted in again.
    private var spare: [[UInt8]] = []
    /// Parts being read on their own, in file order.
    private let guesses: OrderedPipeline<[UInt8], Guess>

    init(template: Reader, reader: Reader, partSize: Int, compiled: CompiledSource, budget: GroupingBudget) {
        self.template = template
        self.reader = reader
        self.partSize = partSize
        guesses = OrderedPipeline { bytes in
            var reader = template
            var part = PartDecoder(compiled, budget: budget, allowance: nil, expectedBytes: bytes.count)
            reader.read(bytes, into: &part)
            return Guess(bytes: bytes, reader: reader, rows: part.takeRows())
        }
    }

    mutating func add(_ chunk: [UInt8], state: inout ReadState) {
        if let lastLineFeed = chunk.lastIndex(of: UInt8(ascii: "\n")) {
            var part = spare.popLast() ?? []
            part.reserveCapacity(tail.count + lastLineFeed + 1)
            part.append(contentsOf: tail)
            part.append(contentsOf: chunk[...lastLineFeed])
            tail.removeAll(keepingCapacity: true)
            tail.append(contentsOf: chunk[(lastLineFeed + 1)...])
            guesses.submit(part)
        } else {
            // No line feed: a part all the same past the part size, so
            // that memory stays bounded; the check reads it right.
            tail.append(contentsOf: chunk)
            if tail.count >= partSize {
                guesses.submit(tail)
                tail = []
            }
        }
        // The parts read already are added at once; past the window, this
        // thread waits for the oldest.
        while state.isReading, let guess = guesses.nextIfReady() { add(consume guess, state: &state) }
        while state.isReading, guesses.count >= Self.window, let guess = guesses.next() { add(consume guess, state: &state) }
    }

    /// Reads what is left, and ends the last row.
    mutating func finish(state: inout ReadState) {
        if !tail.isEmpty, state.isReading {
            guesses.submit(tail)
            tail = []
        }
        while state.isReading, let guess = guesses.next() { add(consume guess, state: &state) }
        guesses.finish()
        guard state.isReading else { return }
        var part = state.makePart()
        reader.finish(into: &part)
        state.merge(part.takeRows(), rowsBefore: rowsBefore, linesBefore: linesBefore)
    }

    /// Adds the next part in file order: its rows as read on their own
    /// when the guess holds, else read again by the reader before it.
    /// The guess is consumed, not copied: its buffers stay uniquely
    /// referenced, so that the grouper changes the rows' buffers in place
    /// and the part's buffer is reused rather than copied.
    private mutating func add(_ guess: consuming Guess, state: inout ReadState) {
        // Taken out of the guess, so that this is the buffer's one reference.
        var bytes: [UInt8] = []
        swap(&bytes, &guess.bytes)
        defer {
            // Nothing holds the bytes past their reading: the buffer is
            // emptied in place, keeping its pages.
            bytes.removeAll(keepingCapacity: true)
            if spare.count < Self.window { spare.append(bytes) }
        }
        if reader.isAtRowStart {
            rowsBefore += reader.rowsNumbered
            linesBefore += reader.linesNumbered
            reader = template
            if state.allows(skipped: guess.rows.counts.skipped) {
                reader = guess.reader
                // Taken out too: the grouper keeps the rows' buffers as they are.
                var rows = DecodedRows(partitions: 0, slots: 0)
                swap(&rows, &guess.rows)
                state.merge(consume rows, rowsBefore: rowsBefore, linesBefore: linesBefore)
                return
            }
        }
        var part = state.makePart()
        reader.read(bytes, into: &part)
        state.merge(part.takeRows(), rowsBefore: rowsBefore, linesBefore: linesBefore)
    }
}

/// A CSV reader with the export's columns, found in its header.
struct CSVPartReader: PartReader {
    private var reader: CSVReader
    private var columns = Columns()

    /// What the header gave: each slot's field, the slots it lacks, or why it cannot be read.
    private struct Columns {
        /// Each slot's field, -1 for none; empty until the header is read.
        var indices: [Int] = []
        var isHeaderRead = false
        var missing: (slots: [Int], known: [String])?
        var unreadableHeader: CSVIssue?
        /// The first repeat of each name the source reads that the header
        /// writes more than once (``CSVProblem/duplicateColumnName``).
        var duplicates: [CSVIssue] = []
    }

    /// Slots whose column the header lacks, with the header's names.
    var missing: (slots: [Int], known: [String])? { columns.missing }
    /// Names the source reads that the header gives more than one column.
    var duplicates: [CSVIssue] { columns.duplicates }
    /// Why the header row cannot be read: no row can be read then.
    var unreadableHeader: CSVIssue? { columns.unreadableHeader }

    init(separator: CSVSeparator?) {
        reader = CSVReader(CSVOptions(separator: separator))
    }

    private init(resuming reader: CSVReader, columns: Columns) {
        self.reader = reader
        self.columns = columns
    }

    /// The reader for parts past this one's, once the header is read.
    func resumed() -> CSVPartReader? {
        reader.resumedAtRecordStart().map { CSVPartReader(resuming: $0, columns: columns) }
    }

    var isAtRowStart: Bool { reader.isAtRecordStart }
    var rowsNumbered: Int { reader.rowCount }
    var linesNumbered: Int { reader.linesEnded }

    mutating func read(_ bytes: [UInt8], into part: inout PartDecoder) {
        // A copy of the part's own: parts read at once on other cores share
        // the template's, and every row reads it.
        var columns = columns
        columns.indices = columns.indices.map { $0 }
        reader.readInPlace(bytes) { Self.take($0, columns: &columns, into: &part) }
        self.columns = columns
    }

    mutating func finish(into part: inout PartDecoder) {
        var columns = columns
        reader.finishInPlace { Self.take($0, columns: &columns, into: &part) }
        self.columns = columns
    }

    private static func take(_ event: CSVRowEvent, columns: inout Columns, into part: inout PartDecoder) {
        switch event {
        case .header(let header):
            let compiled = part.compiled
            let indices = (0..<compiled.slotCount).map { slot in compiled.columnName(slot).flatMap { header.index(of: $0) } ?? -1 }
            columns.indices = indices
            columns.isHeaderRead = true
            let lacking = (0..<compiled.slotCount).filter { indices[$0] < 0 && compiled.columnName($0) != nil }
            if !lacking.isEmpty {
                columns.missing = (lacking, header.names)
                part.stop()
            }
        case .issue(let issue) where !columns.isHeaderRead:
            // The first record is the header: without it no field has a column.
            if columns.unreadableHeader == nil { columns.unreadableHeader = issue }
            part.stop()
        case .issue(let issue):
            if case .duplicateColumnName(_, let first) = issue.problem {
                // A name the source reads, written twice: which column it means
                // cannot be told. A name it does not read is not read twice either.
                guard columns.indices.contains(first), !columns.duplicates.contains(where: { Self.firstField(of: $0) == first }) else { return }
                columns.duplicates.append(issue)
                return part.stop()
            }
            columns.indices.withUnsafeBufferPointer { part.take(event, indices: $0) }
        case .row:
            guard columns.isHeaderRead else { return part.stop() }
            columns.indices.withUnsafeBufferPointer { part.take(event, indices: $0) }
        }
    }

    private static func firstField(of issue: CSVIssue) -> Int? {
        guard case .duplicateColumnName(_, let first) = issue.problem else { return nil }
        return first
    }
}

/// A JSON Lines reader with the keys the source reads.
struct JSONLinesPartReader: PartReader {
    private var reader: JSONLinesReader
    private let names: [String?]

    init(_ compiled: CompiledSource) {
        reader = JSONLinesReader()
        names = (0..<compiled.slotCount).map { compiled.columnName($0) }
    }

    private init(resuming reader: JSONLinesReader, names: [String?]) {
        self.reader = reader
        self.names = names
    }

    func resumed() -> JSONLinesPartReader {
        JSONLinesPartReader(resuming: reader.resumedAtLineStart(), names: names)
    }

    var isAtRowStart: Bool { reader.isAtLineStart }
    var rowsNumbered: Int { reader.lineCount }
    var linesNumbered: Int { reader.lineCount }

    mutating func read(_ bytes: [UInt8], into part: inout PartDecoder) {
        let names = names
        var cells = CellScratch(slots: names.count)
        reader.read(bytes) { Self.take($0, names: names, cells: &cells, into: &part) }
    }

    mutating func finish(into part: inout PartDecoder) {
        let names = names
        var cells = CellScratch(slots: names.count)
        reader.finish { Self.take($0, names: names, cells: &cells, into: &part) }
    }

    private static func take(_ event: JSONLinesEvent, names: [String?], cells: inout CellScratch, into part: inout PartDecoder) {
        guard part.isReading else { return }
        switch event {
        case .object(let object):
            cells.clear()
            for slot in 0..<names.count {
                guard let name = names[slot], let index = object.firstIndex(ofKey: name) else { continue }
                let value = object[index].value
                switch value.kind {
                case .null: continue
                case .string: cells.set(slot, value.string ?? "")
                case .number, .bool: cells.set(slot, value.rawText)
                case .nested:
                    // An object or an array is no value of a column: the row is skipped for it.
                    part.see(slot)
                    let location = ExportLocation(line: object.line, fieldName: name)
                    return part.skip(RowIssue(file: part.file, location: location, problem: .nested(array: value.bytes.first == UInt8(ascii: "["))))
                }
                part.see(slot)
            }
            cells.withCells { cell in
                part.decode(row: object.line, location: { slot, _ in
                    ExportLocation(line: object.line, fieldName: slot.flatMap { names.indices.contains($0) ? names[$0] : nil })
                }, cell: cell)
            }
        case .issue(let issue):
            part.skip(RowIssue(file: part.file, location: issue.location, problem: .unreadable(issue.message + "; the line is skipped")))
        }
    }
}
