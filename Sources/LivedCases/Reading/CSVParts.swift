import EventExports
import OrderedTasks

/// A CSV export past its header, read in parts on all cores.
///
/// Chunks are cut after their last line feed into parts; a batch of parts
/// is read at once, each by a reader that assumes its part begins a
/// record, into rows of its own. The guess is then checked in file order:
/// a part begins a record exactly when the reader of the bytes before it
/// ends at a record's start. A line feed inside a quoted field breaks the
/// guess; that part is then read again by the reader before it, carrying
/// the open record over, as one reader would. A part that would take the
/// skipped rows past the limit is read again the same way, so as to stop
/// at the very row one reader stops at. Rows and lines are counted per
/// reader and added up in file order, so every row number, count and the
/// first skipped rows are those of one reader, whatever the part size.
struct CSVParts {
    /// How many parts are read at once: a few per core, so that a part
    /// slower than the others leaves no core idle for long.
    static let batch = 8

    /// The reader a part read on its own starts with.
    private let template: CSVReader
    private let indices: [Int]
    private let partSize: Int
    /// The reader of everything read so far, as it ended.
    private var reader: CSVReader
    /// Rows and lines before the first byte `reader` read.
    private var rowsBefore = 0
    private var linesBefore = 0
    /// Bytes after the last line feed, for the next part.
    private var tail: [UInt8] = []
    private var pending: [[UInt8]] = []

    init(template: CSVReader, reader: CSVReader, indices: [Int], partSize: Int) {
        self.template = template
        self.reader = reader
        self.indices = indices
        self.partSize = partSize
    }

    mutating func add(_ chunk: [UInt8], state: inout ReadState) {
        if let lastLineFeed = chunk.lastIndex(of: UInt8(ascii: "\n")) {
            var part = tail
            part.append(contentsOf: chunk[...lastLineFeed])
            tail = Array(chunk[(lastLineFeed + 1)...])
            pending.append(part)
        } else {
            // No line feed: a part all the same past the part size, so
            // that memory stays bounded; the check above reads it right.
            tail.append(contentsOf: chunk)
            if tail.count >= partSize {
                pending.append(tail)
                tail = []
            }
        }
        if pending.count >= Self.batch { readPending(state: &state) }
    }

    /// Reads what is left, and ends the last record.
    mutating func finish(state: inout ReadState) {
        if !tail.isEmpty {
            pending.append(tail)
            tail = []
        }
        readPending(state: &state)
        guard state.isReading else { return }
        var part = state.makePart()
        let indices = indices
        reader.finish { part.take($0, indices: indices) }
        state.merge(part.rows, rowsBefore: rowsBefore, linesBefore: linesBefore)
    }

    private mutating func readPending(state: inout ReadState) {
        let parts = pending
        pending = []
        guard !parts.isEmpty else { return }
        let template = template
        let indices = indices
        let compiled = state.compiled
        let budget = state.grouper.budget
        let guesses = OrderedTasks.mapBlocking(parts) { bytes -> (reader: CSVReader, rows: DecodedRows) in
            var reader = template
            var part = PartDecoder(compiled, budget: budget, allowance: nil)
            reader.read(bytes) { part.take($0, indices: indices) }
            return (reader, part.rows)
        }
        for (bytes, guess) in zip(parts, guesses) {
            guard state.isReading else { return }
            if reader.isAtRecordStart {
                rowsBefore += reader.rowCount
                linesBefore += reader.linesEnded
                reader = template
                if state.allows(skipped: guess.rows.counts.skipped) {
                    reader = guess.reader
                    state.merge(guess.rows, rowsBefore: rowsBefore, linesBefore: linesBefore)
                    continue
                }
            }
            var part = state.makePart()
            reader.read(bytes) { part.take($0, indices: indices) }
            state.merge(part.rows, rowsBefore: rowsBefore, linesBefore: linesBefore)
        }
    }
}
