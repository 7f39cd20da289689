/// What the CSV reader hands back, in the order of the input.
public enum CSVEvent: Sendable {
    /// The column names, once, before the first record (when the options
    /// say the file has a header).
    case header(CSVHeader)
    case record(CSVRecord)
    /// A problem; when ``CSVProblem/skipsRecord`` the row is not delivered.
    case issue(CSVIssue)
}

/// What ``CSVReader/readInPlace(_:_:)`` hands back: ``CSVEvent``'s, with
/// each row lent in place for the callback's length.
public enum CSVRowEvent {
    case header(CSVHeader)
    case row(CSVRecordBytes)
    case issue(CSVIssue)
}

/// An incremental reader of CSV as spreadsheets, CRMs and help desks
/// export it.
///
/// - RFC 4180 quoting: a field that starts with `"` runs to the next lone
///   `"`, `""` inside it is one quote, separators and line breaks inside it
///   are text. A quote inside an unquoted field is kept as text, as
///   spreadsheets do.
/// - Records end at LF, CRLF or a lone CR. A line with nothing on it is
///   counted as a row but not delivered.
/// - A UTF-8 byte order mark at the start is skipped; a UTF-16 one is
///   reported and nothing is read.
/// - The separator is any one ASCII byte (``CSVSeparator``), given or
///   detected: the one of `,` `;` tab `|` that occurs most often outside
///   quotes on the first line; ties go to the earlier in that list, and a
///   first line with none of them is read with `,` (a single column).
/// - Every record is checked: field and record length, field count, NUL
///   bytes and UTF-8. A bad record is reported as a ``CSVIssue`` and not
///   delivered; reading goes on with the next one.
/// - A quoted field still open at the end of the input, or past the field
///   or row limit, is reported at its opening quote (line and column), and
///   nothing after it is read: the rest of the input would be its text.
///
/// Feed it chunks of any size: a record may span chunks, and is handed to
/// the callback once complete. Memory stays within the record limit plus
/// the chunk being read, whatever the input.
///
/// ```swift
/// var reader = CSVReader(CSVOptions(separator: .semicolon))
/// reader.read(Array("id;channel\n1;email\n".utf8)) { event in
///     if case .record(let record) = event { print(record[1].string) }   // "email"
/// }
/// reader.finish { _ in }
/// ```
public struct CSVReader: Sendable {
    public let options: CSVOptions
    /// The separator in use, once known (at once when given).
    public private(set) var separator: CSVSeparator?
    /// The column names, once the header is read.
    public private(set) var header: CSVHeader?
    /// Records started so far, header and blank lines included.
    public private(set) var rowCount = 0

    private enum Phase: Sendable {
        /// Collecting the first bytes: a byte order mark, and the first
        /// line when the separator is to be detected.
        case prelude
        case reading
        /// The input cannot be read as CSV (UTF-16): the rest is ignored.
        case stopped
    }

    /// Where the scanner is between two bytes.
    private enum ScanState: UInt8, Sendable {
        case recordStart
        /// After a CR that ended a record: an LF right after belongs to it.
        case afterCarriageReturn
        case fieldStart
        case unquoted
        case quoted
        /// After a quote inside a quoted field: the closing one, or the
        /// first of `""`.
        case quoteInQuoted
    }

    /// Byte classes for the scan tables.
    private enum ByteClass {
        static let ordinary: UInt8 = 0
        static let separator: UInt8 = 1
        static let quote: UInt8 = 2
        static let lineFeed: UInt8 = 3
        static let carriageReturn: UInt8 = 4
        static let nul: UInt8 = 5
    }

    private var phase = Phase.prelude
    private var prelude: [UInt8] = []
    /// How far the search for the first line's end has gone in `prelude`.
    private var preludeScanned = 0
    private var preludeInQuotes = false

    /// Classes of bytes outside and inside quoted fields.
    private var unquotedClasses: [UInt8] = []
    private var quotedClasses: [UInt8] = []

    private var state = ScanState.recordStart
    /// The current record's bytes so far, when it spans chunks (or once
    /// complete, when `""` had to be unescaped).
    private var carry: [UInt8] = []
    private var isCarrying = false
    /// Start and end of each field of the current record, record offsets;
    /// the first `fieldCount` pairs are in use, the rest is room.
    private var bounds: [UInt32] = []
    private var fieldCount = 0
    /// Fields of the current record holding `""`, to unescape.
    private var escapedFields: [Int] = []
    /// A record read by ``readSimpleRecords`` whose `""` are unescaped.
    private var unescaped: [UInt8] = []
    private var fieldStart = 0
    private var fieldIsEscaped = false
    /// Set once the current record is known to be bad: it is then only
    /// scanned to its end, nothing kept.
    private var problem: (problem: CSVProblem, field: Int?)?
    /// The line the next byte is on.
    private var line = 1
    private var recordLine = 1
    private var expectedFieldCount: Int?
    /// Whether the current record holds a byte outside ASCII, and so needs
    /// its UTF-8 checked.
    private var recordHasNonASCII = false
    /// The input's offset (bytes from the reader's first) of the chunk
    /// being read, of the current record's first byte, and of the first
    /// byte of the line being read (a record's, or the one after a line
    /// break in quotes): what measures a quoted field whatever the chunks.
    private var chunkStart = 0
    private var recordStart = 0
    private var lineStart = 0
    /// The column of the byte at input offset `columnCursor`, on the line
    /// being read: a quote's column is counted on from the last one, never
    /// from the line's start again, so a line of many quotes stays linear.
    private var columnCursor = 0
    private var columnAtCursor = 1
    /// The quoted field open last, from its opening quote.
    private var openQuote = OpenQuote()

    /// Where a quoted field opened: to measure it against the limits, and
    /// to locate it if it is never closed.
    private struct OpenQuote: Sendable {
        /// Input offset of its first byte, past the quote.
        var textStart = 0
        var recordStart = 0
        var line = 1
        var column = 1
        /// Nil when a fault found earlier in the row stopped the count of its fields.
        var field: Int?
    }

    /// True until the first row ends, when the options say it is the
    /// header. A header row that is bad is reported and not replaced: the
    /// rows after it are read without names.
    private var isAwaitingHeader: Bool

    public init(_ options: CSVOptions = CSVOptions()) {
        self.options = options
        self.separator = options.separator
        self.isAwaitingHeader = options.hasHeader
    }

    // MARK: - Resuming

    /// Whether the bytes read so far end exactly where a record ends (past
    /// its line break): the next byte starts a new record, as it would for
    /// ``resumedAtRecordStart()``'s reader.
    public var isAtRecordStart: Bool {
        guard case .reading = phase else { return false }
        return state == .recordStart
    }

    /// Line breaks passed so far, inside quoted fields too.
    public var linesEnded: Int { line - 1 }

    /// A reader for a later part of the same input that begins a record:
    /// the same dialect, header and field count, rows and lines counted from
    /// the part's start (add the rows and lines before it). Parts read this
    /// way in parallel give what one reader gives, as long as each part
    /// turns out to begin where a record does (``isAtRecordStart`` of the
    /// reader that read up to it). Nil until the header, separator and field
    /// count are known, or once the input is found unreadable.
    public func resumedAtRecordStart() -> CSVReader? {
        guard case .reading = phase, !isAwaitingHeader, let expectedFieldCount, separator != nil else { return nil }
        if options.hasHeader, header == nil { return nil }
        var reader = CSVReader(options)
        reader.separator = separator
        reader.header = header
        reader.isAwaitingHeader = false
        reader.expectedFieldCount = expectedFieldCount
        reader.unquotedClasses = unquotedClasses
        reader.quotedClasses = quotedClasses
        reader.phase = .reading
        return reader
    }

    // MARK: - Feeding

    /// Reads the next chunk, calling `handle` for each header, record and
    /// problem it completes. Records that lie wholly in `chunk` share its
    /// storage.
    public mutating func read(_ chunk: [UInt8], _ handle: (CSVEvent) -> Void) {
        chunk.withUnsafeBufferPointer { whole in
            readInPlace(chunk) { handle(CSVEvent($0, sharing: (chunk, whole.baseAddress))) }
        }
    }

    /// Reads the next chunk as ``read(_:_:)`` does, lending each row in
    /// place instead: nothing is retained or copied per row, and a row is
    /// valid only during its call of `handle`.
    public mutating func readInPlace(_ chunk: [UInt8], _ handle: (CSVRowEvent) -> Void) {
        switch phase {
        case .stopped:
            return
        case .reading:
            scan(chunk, from: 0, handle)
        case .prelude:
            if prelude.isEmpty, let skip = preludeEnd(of: chunk, isFinal: false) {
                begin(skipping: skip, in: chunk, handle)
            } else {
                prelude.append(contentsOf: chunk)
                if let skip = preludeEnd(of: prelude, isFinal: false) {
                    let buffered = prelude
                    prelude = []
                    begin(skipping: skip, in: buffered, handle)
                }
            }
        }
    }

    /// Reads bytes given any other way (a `Data`, a slice), copying them once.
    public mutating func read<Bytes: Sequence<UInt8>>(_ bytes: Bytes, _ handle: (CSVEvent) -> Void) {
        read(Array(bytes), handle)
    }

    /// Ends the input: delivers a last record without a final line break,
    /// or reports the quoted field still open, at its opening quote.
    public mutating func finish(_ handle: (CSVEvent) -> Void) {
        finishInPlace { handle(CSVEvent($0, sharing: nil)) }
    }

    /// Ends the input as ``finish(_:)`` does, lending the last row in place.
    public mutating func finishInPlace(_ handle: (CSVRowEvent) -> Void) {
        if case .prelude = phase {
            let buffered = prelude
            prelude = []
            begin(skipping: preludeEnd(of: buffered, isFinal: true) ?? 0, in: buffered, handle)
        }
        guard case .reading = phase else { return }
        let end = carry.count
        switch state {
        case .recordStart, .afterCarriageReturn:
            break
        case .fieldStart, .unquoted:
            if state == .fieldStart { fieldStart = end }
            closeField(end: end)
            closeRecord(end: end, chunkBytes: UnsafeBufferPointer(start: nil, count: 0), base: -end, handle)
        case .quoteInQuoted:
            // The last chunk's end measured the field already, its last quote closing it.
            closeField(end: end - 1)
            closeRecord(end: end, chunkBytes: UnsafeBufferPointer(start: nil, count: 0), base: -end, handle)
        case .quoted:
            stopAtOpenQuote(.unterminatedQuote, handle)
            return
        }
        state = .recordStart
    }

    // MARK: - Prelude

    /// Nil while more bytes are needed to decide the byte order mark and
    /// the separator; otherwise how many bytes of byte order mark to skip
    /// (`Int.max` for UTF-16), having chosen the separator.
    private mutating func preludeEnd(of bytes: [UInt8], isFinal: Bool) -> Int? {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return Int.max
        }
        guard bytes.count >= 3 || isFinal else { return nil }
        let bomLength = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard separator == nil else { return bomLength }
        // The first line's end, outside quotes; the search resumes where
        // the previous chunk left it, so tiny chunks stay linear.
        var index = max(preludeScanned, bomLength)
        var inQuotes = preludeInQuotes
        var lineEnd: Int?
        while index < bytes.count {
            let byte = bytes[index]
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if !inQuotes, byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                lineEnd = index
                break
            }
            index += 1
        }
        preludeScanned = index
        preludeInQuotes = inQuotes
        if lineEnd == nil, !isFinal, bytes.count - bomLength <= options.maximumRecordLength {
            return nil
        }
        separator = Self.detectSeparator(in: bytes[bomLength..<(lineEnd ?? bytes.count)])
        return bomLength
    }

    /// The most frequent of `,` `;` tab `|` outside quotes, ties to the
    /// earlier; `,` when there is none.
    static func detectSeparator(in line: ArraySlice<UInt8>) -> CSVSeparator {
        var counts = [Int](repeating: 0, count: CSVSeparator.detectable.count)
        var inQuotes = false
        for byte in line {
            if byte == ASCII.quote {
                inQuotes.toggle()
            } else if !inQuotes, let position = CSVSeparator.detectable.firstIndex(where: { $0.byte == byte }) {
                counts[position] += 1
            }
        }
        var best = 0
        for position in counts.indices where counts[position] > counts[best] {
            best = position
        }
        return CSVSeparator.detectable[best]
    }

    private mutating func begin(skipping skip: Int, in bytes: [UInt8], _ handle: (CSVRowEvent) -> Void) {
        guard skip != Int.max else {
            phase = .stopped
            rowCount = 1
            handle(.issue(CSVIssue(.utf16, at: ExportLocation(row: 1, line: 1))))
            return
        }
        let separator = separator ?? .comma
        self.separator = separator
        var unquoted = [UInt8](repeating: ByteClass.ordinary, count: 256)
        unquoted[Int(separator.byte)] = ByteClass.separator
        unquoted[Int(ASCII.quote)] = ByteClass.quote
        unquoted[Int(ASCII.lineFeed)] = ByteClass.lineFeed
        unquoted[Int(ASCII.carriageReturn)] = ByteClass.carriageReturn
        unquoted[Int(ASCII.nul)] = ByteClass.nul
        var quoted = [UInt8](repeating: ByteClass.ordinary, count: 256)
        quoted[Int(ASCII.quote)] = ByteClass.quote
        quoted[Int(ASCII.lineFeed)] = ByteClass.lineFeed
        quoted[Int(ASCII.nul)] = ByteClass.nul
        unquotedClasses = unquoted
        quotedClasses = quoted
        phase = .reading
        scan(bytes, from: min(skip, bytes.count), handle)
    }

    // MARK: - Scanning

    private mutating func scan(_ chunk: [UInt8], from start: Int, _ handle: (CSVRowEvent) -> Void) {
        let unquoted = unquotedClasses
        let quoted = quotedClasses
        unquoted.withUnsafeBufferPointer { unquotedClass in
            quoted.withUnsafeBufferPointer { quotedClass in
                chunk.withUnsafeBufferPointer { bytes in
                    scan(bytes, from: start, unquotedClass: unquotedClass, quotedClass: quotedClass, handle)
                }
            }
        }
        chunkStart += chunk.count
    }

    /// One pass over a chunk. Offsets kept for a record are relative to
    /// its first byte: chunk index `i` is record offset `i - base`, where
    /// `base` is negative when the record began in an earlier chunk.
    private mutating func scan(
        _ bytes: UnsafeBufferPointer<UInt8>,
        from start: Int,
        unquotedClass: UnsafeBufferPointer<UInt8>,
        quotedClass: UnsafeBufferPointer<UInt8>,
        _ handle: (CSVRowEvent) -> Void
    ) {
        let end = bytes.count
        var index = start
        var base = isCarrying ? -carry.count : 0
        scanning: while index < end {
            switch state {
            case .afterCarriageReturn:
                state = .recordStart
                if bytes[index] == ASCII.lineFeed { index += 1 }
            case .recordStart:
                index = readSimpleRecords(bytes, from: index, handle)
                // The record at `index`, if any, is left to what follows.
                guard index < end, state == .recordStart else { continue scanning }
                rowCount += 1
                let byte = bytes[index]
                if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                    // A blank line: a row with nothing in it.
                    line += 1
                    index += 1
                    if byte == ASCII.carriageReturn { state = .afterCarriageReturn }
                    continue scanning
                }
                recordLine = line
                base = index
                isCarrying = false
                recordStart = chunkStart + index
                lineStart = recordStart
                if let recordEnd = readSimpleRecord(bytes, from: index) {
                    closeRecord(end: recordEnd - index, chunkBytes: bytes, base: base, handle)
                    line += 1
                    state = bytes[recordEnd] == ASCII.carriageReturn ? .afterCarriageReturn : .recordStart
                    index = recordEnd + 1
                    continue scanning
                }
                state = .fieldStart
            case .fieldStart:
                if bytes[index] == ASCII.quote {
                    fieldStart = index + 1 - base
                    fieldIsEscaped = false
                    openQuote = OpenQuote(
                        textStart: chunkStart + index + 1, recordStart: recordStart, line: line,
                        column: column(at: chunkStart + index, in: bytes), field: problem == nil ? fieldCount : nil
                    )
                    state = .quoted
                    index += 1
                } else {
                    fieldStart = index - base
                    state = .unquoted
                }
            case .unquoted:
                index = skipText(bytes, from: index, classes: unquotedClass, inQuotes: false)
                guard index < end else { break scanning }
                switch unquotedClass[Int(bytes[index])] {
                case ByteClass.separator:
                    closeField(end: index - base)
                    state = .fieldStart
                case ByteClass.lineFeed, ByteClass.carriageReturn:
                    closeField(end: index - base)
                    closeRecord(end: index - base, chunkBytes: bytes, base: base, handle)
                    line += 1
                    state = bytes[index] == ASCII.carriageReturn ? .afterCarriageReturn : .recordStart
                case ByteClass.nul:
                    flag(.nulByte, field: fieldCount, fieldLength: index - base - fieldStart, recordLength: index - base)
                default:
                    break  // a quote inside an unquoted field is text
                }
                index += 1
            case .quoted:
                while index < end {
                    index = skipText(bytes, from: index, classes: quotedClass, inQuotes: true)
                    guard index < end else { break }
                    let byteClass = quotedClass[Int(bytes[index])]
                    if byteClass == ByteClass.quote {
                        break
                    } else {
                        if byteClass == ByteClass.lineFeed {
                            line += 1
                            lineStart = chunkStart + index + 1
                        } else {
                            flag(.nulByte, field: fieldCount, fieldLength: index - base - fieldStart, recordLength: index - base)
                        }
                        index += 1
                    }
                }
                guard index < end else { break scanning }
                state = .quoteInQuoted
                index += 1
            case .quoteInQuoted:
                let byte = bytes[index]
                if byte == ASCII.quote {
                    fieldIsEscaped = true
                    state = .quoted
                    index += 1
                    continue scanning
                }
                // The quote before this byte closed the field.
                if let fault = quoteFault(textEnd: chunkStart + index - 1) {
                    stopAtOpenQuote(fault, handle)
                    return
                }
                if byte == separator?.byte {
                    closeField(end: index - base - 1)
                    state = .fieldStart
                } else if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                    closeField(end: index - base - 1)
                    closeRecord(end: index - base, chunkBytes: bytes, base: base, handle)
                    line += 1
                    state = byte == ASCII.carriageReturn ? .afterCarriageReturn : .recordStart
                } else {
                    flag(
                        .textAfterClosingQuote(byte), field: fieldCount,
                        fieldLength: index - base - 1 - fieldStart, recordLength: index - base
                    )
                    // Read on as unquoted text, to find where the row ends.
                    state = .unquoted
                    continue scanning
                }
                index += 1
            }
        }
        switch state {
        case .recordStart, .afterCarriageReturn:
            break
        case .quoted, .quoteInQuoted:
            // A last quote may be the closing one: it is not counted.
            if let fault = quoteFault(textEnd: chunkStart + end - (state == .quoteInQuoted ? 1 : 0)) {
                stopAtOpenQuote(fault, handle)
                return
            }
            fallthrough
        case .fieldStart, .unquoted:
            // The count moves on to the chunk's end, whose bytes are gone after it.
            _ = column(at: chunkStart + end, in: bytes)
        }
        keepPartialRecord(bytes, base: base)
    }

    // MARK: - Quotes never closed

    /// The limit that the open quoted field, its text ending at input
    /// offset `end`, breaks while open: the field's, or the row's when the
    /// row passes its limit inside the quotes; the first broken in the
    /// file. Such a field is taken for a quote never closed, not a long
    /// field: past a limit, the rest of the input would be read as its
    /// text. The field's length decides, not where the chunks end.
    private func quoteFault(textEnd end: Int) -> CSVProblem? {
        let fieldBreak = openQuote.textStart + options.maximumFieldLength
        let rowBreak = openQuote.recordStart + options.maximumRecordLength
        if rowBreak >= openQuote.textStart, rowBreak < fieldBreak {
            return end > rowBreak ? .quoteOpenPastLimit(limit: options.maximumRecordLength, ofRow: true) : nil
        }
        return end > fieldBreak ? .quoteOpenPastLimit(limit: options.maximumFieldLength, ofRow: false) : nil
    }

    /// Reports the open quoted field at its opening quote, and reads no
    /// more: whatever follows would be read as its text, so no row after
    /// it can be told apart. The row's own faults are not reported.
    private mutating func stopAtOpenQuote(_ found: CSVProblem, _ handle: (CSVRowEvent) -> Void) {
        let name = openQuote.field.flatMap { field in header.flatMap { $0.names.indices.contains(field) ? $0.names[field] : nil } }
        let location = ExportLocation(row: rowCount, line: openQuote.line, column: openQuote.column, field: openQuote.field, fieldName: name)
        phase = .stopped
        state = .recordStart
        problem = nil
        carry = []
        isCarrying = false
        handle(.issue(CSVIssue(found, at: location)))
    }

    /// The column, in Unicode scalars, of the byte at input offset
    /// `offset` of the chunk `bytes`, counted on from the last count on
    /// the same line (which the end of each chunk inside a record moves to
    /// that end).
    private mutating func column(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if columnCursor < lineStart {
            columnCursor = lineStart
            columnAtCursor = 1
        }
        let from = max(columnCursor - chunkStart, 0)
        let to = min(offset - chunkStart, bytes.count)
        if from < to { columnAtCursor += Self.scalarCount(UnsafeBufferPointer(rebasing: bytes[from..<to])) }
        columnCursor = max(columnCursor, offset)
        return columnAtCursor
    }

    /// The bytes that start a scalar (all but UTF-8's continuation bytes,
    /// `10xxxxxx`), eight at a time.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let pointer = bytes.baseAddress else { return 0 }
        var count = 0
        var index = 0
        while index + 8 <= bytes.count {
            let word = ByteMask.load(pointer, at: index)
            // High bit set, the next bit clear: a continuation byte.
            let continuations = word & ~(word << 1) & ByteMask.high
            count += 8 - continuations.nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// Reads a record that lies wholly in the chunk and needs nothing but
    /// splitting: fields unquoted, or quoted without `""` or line breaks,
    /// within the limits. Returns the index of its line break, having set
    /// its fields; nil (having set nothing that counts) leaves the record to
    /// the state machine, which reads it from its start.
    private mutating func readSimpleRecord(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let pointer = bytes.baseAddress else { return nil }
        let limits = simpleLimits()
        let found = bounds.withUnsafeMutableBufferPointer { out in
            Self.splitSimpleRecord(pointer, from: start, end: bytes.count, into: out, limits)
        }
        // A record holding `""` is left to the state machine, which
        // unescapes it in `carry`.
        guard let found, !found.isEscaped else { return nil }
        fieldCount = found.fields
        if found.seen & ByteMask.high != 0 { recordHasNonASCII = true }
        return found.recordEnd
    }

    /// Delivers, one after the other, the records from `start` on that need
    /// nothing but splitting and are good as they are: the expected number
    /// of fields, within the limits, valid UTF-8. Each is handed over
    /// exactly as the state machine would hand it over, with nothing kept
    /// or reset per record; a record holding `""` is unescaped into a copy
    /// of its own. Returns the index of the first record left to the state
    /// machine (a blank line, a problem to report), or the chunk's end.
    private mutating func readSimpleRecords(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ handle: (CSVRowEvent) -> Void
    ) -> Int {
        guard let pointer = bytes.baseAddress, !isAwaitingHeader, let expected = expectedFieldCount, problem == nil else {
            return start
        }
        let limits = simpleLimits()
        let end = bytes.count
        var index = start
        // Out of `self` while in use, so that the fields are written
        // through one pointer for the whole run.
        var kept = bounds
        bounds = []
        kept.withUnsafeMutableBufferPointer { out in
            let fields = UnsafeBufferPointer(out)
            while index < end {
                let first = pointer[index]
                guard first != ASCII.lineFeed, first != ASCII.carriageReturn,
                      let found = Self.splitSimpleRecord(pointer, from: index, end: end, into: out, limits),
                      found.fields == expected
                else { break }
                if found.seen & ByteMask.high != 0,
                   UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(start: pointer + index, count: found.recordEnd - index)) != nil {
                    break
                }
                rowCount += 1
                recordLine = line
                if found.isEscaped {
                    Self.unescape(pointer + index, length: found.recordEnd - index, bounds: out, fields: expected, into: &unescaped)
                    unescaped.withUnsafeBufferPointer { copy in
                        handle(.row(CSVRecordBytes(bytes: copy, base: 0, bounds: fields, count: expected, row: rowCount, line: line)))
                    }
                } else {
                    handle(.row(CSVRecordBytes(bytes: bytes, base: index, bounds: fields, count: expected, row: rowCount, line: line)))
                }
                line += 1
                let terminator = pointer[found.recordEnd]
                index = found.recordEnd + 1
                if terminator == ASCII.carriageReturn {
                    guard index < end else {
                        state = .afterCarriageReturn
                        break
                    }
                    if pointer[index] == ASCII.lineFeed { index += 1 }
                }
            }
        }
        bounds = kept
        return index
    }

    /// Copies a split record into `copy`, turning `""` into `"` in its
    /// quoted fields and moving their ends back. A quoted field is one
    /// whose first byte follows a quote; every quote in it is the first of
    /// a pair, the split having ended the field at the first lone one.
    private static func unescape(
        _ record: UnsafePointer<UInt8>, length: Int, bounds: UnsafeMutableBufferPointer<UInt32>, fields: Int, into copy: inout [UInt8]
    ) {
        copy.removeAll(keepingCapacity: true)
        copy.append(contentsOf: UnsafeBufferPointer(start: record, count: length))
        copy.withUnsafeMutableBufferPointer { bytes in
            for field in 0..<fields {
                let start = Int(bounds[2 * field])
                let end = Int(bounds[2 * field + 1])
                guard start > 0, bytes[start - 1] == ASCII.quote else { continue }
                bounds[2 * field + 1] = UInt32(truncatingIfNeeded: collapseDoubledQuotes(in: bytes, from: start, to: end))
            }
        }
    }

    /// What ``splitSimpleRecord`` needs to know, with room made in `bounds`
    /// for the fields it may write.
    private mutating func simpleLimits() -> SimpleLimits {
        let wanted = 2 * min((expectedFieldCount ?? 32) + 1, options.maximumFieldCount)
        let room = wanted + SimpleLimits.slack
        if bounds.count < room { bounds.append(contentsOf: repeatElement(0, count: room - bounds.count)) }
        let separatorByte = separator?.byte ?? ASCII.comma
        return SimpleLimits(
            separator: separatorByte, separatorPattern: ByteMask.spread(separatorByte),
            maximumField: options.maximumFieldLength, maximumRecord: options.maximumRecordLength,
            maximumFields: min(wanted / 2, options.maximumFieldCount)
        )
    }

    struct SimpleLimits {
        let separator: UInt8
        let separatorPattern: UInt64
        let maximumField: Int
        let maximumRecord: Int
        /// At most as many fields as `bounds` has room for, besides the
        /// slack.
        let maximumFields: Int
        /// Bounds past the fields' that a split may write and that mean
        /// nothing: a word's separators are written two at a time.
        static let slack = 6
    }

    /// A record ``splitSimpleRecord`` split: the index of its line break,
    /// its field count, the or of its bytes, and whether a quoted field
    /// holds `""` (its bounds are then those of the text as written).
    struct SimpleRecord {
        let recordEnd: Int
        let fields: Int
        let seen: UInt64
        let isEscaped: Bool
    }

    /// Splits the record at `start` when it needs nothing else, writing its
    /// fields' bounds (record offsets) into `out`. Unquoted text is read a
    /// word of eight bytes at a time; the chunk's last bytes are read as a
    /// word padded with plain text. A word whose only special bytes are
    /// separators, the most common kind, has them written without a branch
    /// per separator: the first two unconditionally (`out` has room past
    /// the fields for the extra writes, which later ones overwrite), any
    /// more one by one. Every other special byte (quote, line break,
    /// control byte) is taken one at a time. The limits on field and record
    /// length are checked once the record's end is known. A quoted field
    /// may hold `""`: its bounds are then those of the text as written, for
    /// the caller to unescape. Nil when the record needs the state machine:
    /// a quote inside an unquoted field, a quoted line break, a control
    /// byte other than the line break, more fields than `out` holds, a
    /// field or record over the limit, or no line break before the chunk's
    /// end. `seen` is the or of the record's bytes, to notice bytes outside
    /// ASCII.
    @inline(__always)
    static func splitSimpleRecord(
        _ pointer: UnsafePointer<UInt8>, from start: Int, end: Int, into out: UnsafeMutableBufferPointer<UInt32>, _ limits: SimpleLimits
    ) -> SimpleRecord? {
        guard let bounds = out.baseAddress, out.count >= 2 * limits.maximumFields + SimpleLimits.slack else { return nil }
        let quotePattern = ByteMask.spread(ASCII.quote)
        var index = start
        var fields = 0
        var seen: UInt64 = 0
        var escaped = false
        bounds[0] = 0
        words: while index < end {
            let word = index + 8 <= end ? ByteMask.load(pointer, at: index) : ByteMask.loadPadded(pointer, at: index, end: end)
            let separators = ByteMask.bytes(of: word, equalTo: limits.separatorPattern)
            // A separator below 0x0E (a tab) is a separator only.
            let others = (ByteMask.bytes(of: word, below: 0x0E) | ByteMask.bytes(of: word, equalTo: quotePattern)) & ~separators
            if others == 0 {
                if separators != 0 {
                    // Each separator ends field `fields` and starts the next.
                    let count = Int(truncatingIfNeeded: ((separators >> 7) &* 0x0101_0101_0101_0101) >> 56)
                    guard fields + count <= limits.maximumFields else { return nil }
                    let relative = UInt32(truncatingIfNeeded: index - start)
                    var slot = bounds + (2 &* fields &+ 1)
                    var bits = separators
                    let first = relative &+ UInt32(truncatingIfNeeded: bits.trailingZeroBitCount >> 3)
                    slot[0] = first
                    slot[1] = first &+ 1
                    bits &= bits &- 1
                    let second = relative &+ UInt32(truncatingIfNeeded: bits.trailingZeroBitCount >> 3)
                    slot[2] = second
                    slot[3] = second &+ 1
                    bits &= bits &- 1
                    while bits != 0 {
                        slot += 2
                        let position = relative &+ UInt32(truncatingIfNeeded: bits.trailingZeroBitCount >> 3)
                        slot[2] = position
                        slot[3] = position &+ 1
                        bits &= bits &- 1
                    }
                    fields &+= count
                }
                seen |= word
                index += 8
                continue words
            }
            var special = separators | others
            while special != 0 {
                let offset = special.trailingZeroBitCount >> 3
                let position = index + offset
                let byte = UInt8(truncatingIfNeeded: word &>> UInt64(truncatingIfNeeded: offset &* 8))
                guard fields < limits.maximumFields else { return nil }
                if byte == limits.separator {
                    bounds[2 &* fields &+ 1] = UInt32(truncatingIfNeeded: position - start)
                    bounds[2 &* fields &+ 2] = UInt32(truncatingIfNeeded: position + 1 - start)
                    fields &+= 1
                    special &= special &- 1
                    continue
                }
                if byte == ASCII.lineFeed || byte == ASCII.carriageReturn {
                    bounds[2 &* fields &+ 1] = UInt32(truncatingIfNeeded: position - start)
                    return Self.checkedSimpleRecord(
                        start: start, recordEnd: position, fields: fields + 1, seen: seen | word & ByteMask.below(offset), escaped: escaped,
                        bounds, limits
                    )
                }
                // Only a quote that opens a field is simple.
                guard byte == ASCII.quote, position == start + Int(bounds[2 &* fields]) else { return nil }
                seen |= word & ByteMask.below(offset)
                var closing = position + 1
                var terminator: UInt8
                while true {
                    guard Self.skipWords(pointer, &closing, end: end, inQuotes: true, separatorPattern: limits.separatorPattern, seen: &seen),
                          pointer[closing] == ASCII.quote, closing + 1 < end
                    else { return nil }
                    terminator = pointer[closing + 1]
                    guard terminator == ASCII.quote else { break }
                    // `""`: a quote in the text, which goes on.
                    escaped = true
                    closing += 2
                }
                guard terminator == limits.separator || terminator == ASCII.lineFeed || terminator == ASCII.carriageReturn else { return nil }
                bounds[2 &* fields] = UInt32(truncatingIfNeeded: position + 1 - start)
                bounds[2 &* fields &+ 1] = UInt32(truncatingIfNeeded: closing - start)
                fields &+= 1
                if terminator != limits.separator {
                    return Self.checkedSimpleRecord(start: start, recordEnd: closing + 1, fields: fields, seen: seen, escaped: escaped, bounds, limits)
                }
                index = closing + 2
                bounds[2 &* fields] = UInt32(truncatingIfNeeded: index - start)
                continue words
            }
            seen |= word
            index += 8
        }
        return nil
    }

    /// A split record within the limits on field and record length, or
    /// nil. Every field is within the field limit when the whole record
    /// is, so the fields are only gone through for a longer record.
    @inline(__always)
    private static func checkedSimpleRecord(
        start: Int, recordEnd: Int, fields: Int, seen: UInt64, escaped: Bool, _ bounds: UnsafeMutablePointer<UInt32>, _ limits: SimpleLimits
    ) -> SimpleRecord? {
        let length = recordEnd - start
        guard length <= limits.maximumRecord else { return nil }
        if length > limits.maximumField {
            for field in 0..<fields where Int(bounds[2 * field + 1]) - Int(bounds[2 * field]) > limits.maximumField {
                return nil
            }
        }
        return SimpleRecord(recordEnd: recordEnd, fields: fields, seen: seen, isEscaped: escaped)
    }

    /// The index of the first byte that ends a run of plain text at or
    /// after `start` (or the end), eight bytes at a time: outside quotes a
    /// separator, quote, LF, CR or NUL; inside quotes a quote, LF or NUL.
    /// Notes bytes outside ASCII on the way, so that only rows holding some
    /// are checked for UTF-8.
    @inline(__always)
    private mutating func skipText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, classes: UnsafeBufferPointer<UInt8>, inQuotes: Bool) -> Int {
        guard let pointer = bytes.baseAddress else { return start }
        let end = bytes.count
        let separatorPattern = ByteMask.spread(separator?.byte ?? ASCII.comma)
        var index = start
        var seen: UInt64 = 0
        while true {
            // A byte the words stop at may still be text (a tab; a CR in
            // quotes): the class table decides.
            _ = Self.skipWords(pointer, &index, end: end, inQuotes: inQuotes, separatorPattern: separatorPattern, seen: &seen)
            guard index < end else { break }
            let byte = bytes[index]
            guard classes[Int(byte)] == ByteClass.ordinary else { break }
            seen |= UInt64(byte)
            index += 1
        }
        if seen & ByteMask.high != 0 || seen & 0x80 != 0 { recordHasNonASCII = true }
        return index
    }

    /// Moves `index` over plain text eight bytes at a time, to the first
    /// byte that may end it: bytes below 0x0E hold LF, CR and NUL (and a
    /// tab), a separator or a quote; inside quotes only LF and NUL matter,
    /// below 0x0B, and a quote. Returns false, short of the end, when fewer
    /// than eight bytes are left before such a byte. The bytes passed are
    /// or-ed into `seen`, to notice bytes outside ASCII.
    @inline(__always)
    private static func skipWords(
        _ pointer: UnsafePointer<UInt8>, _ index: inout Int, end: Int, inQuotes: Bool, separatorPattern: UInt64, seen: inout UInt64
    ) -> Bool {
        let quotePattern = ByteMask.spread(ASCII.quote)
        while index + 8 <= end {
            let word = ByteMask.load(pointer, at: index)
            let special = inQuotes
                ? ByteMask.bytes(of: word, below: 0x0B) | ByteMask.bytes(of: word, equalTo: quotePattern)
                : ByteMask.bytes(of: word, below: 0x0E) | ByteMask.bytes(of: word, equalTo: separatorPattern)
                    | ByteMask.bytes(of: word, equalTo: quotePattern)
            if special != 0 {
                let skipped = special.trailingZeroBitCount >> 3
                seen |= word & ((1 << UInt64(skipped * 8)) &- 1)
                index += skipped
                return true
            }
            seen |= word
            index += 8
        }
        return false
    }

    /// At the end of a chunk inside a record: keeps its bytes for the next
    /// chunk, within the limits.
    private mutating func keepPartialRecord(_ bytes: UnsafeBufferPointer<UInt8>, base: Int) {
        switch state {
        case .recordStart, .afterCarriageReturn:
            return
        case .fieldStart, .unquoted, .quoted, .quoteInQuoted:
            break
        }
        guard problem == nil else { return }
        let recordLength = bytes.count - base
        // After a quote in a quoted field, that quote may be the closing
        // one: it is not counted, as the field's end would not count it.
        let closingQuote = state == .quoteInQuoted ? 1 : 0
        let fieldLength = state == .fieldStart ? nil : recordLength - fieldStart - closingQuote
        if let fault = lengthFault(fieldLength: fieldLength, recordLength: recordLength) {
            flag(fault.problem, field: fault.field)
            return
        }
        if isCarrying {
            carry.append(contentsOf: bytes)
        } else {
            carry.removeAll(keepingCapacity: true)
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[base...]))
            isCarrying = true
        }
    }

    /// Marks the current record bad for `found`, met after `recordLength`
    /// bytes of the record, `fieldLength` of them in the open field; or for
    /// the length limit those bytes broke already, which comes first in the
    /// row. A record's faults are thus named in row order, whatever chunks
    /// brought it: the end of a chunk checks the limits before the rest of
    /// the record is seen.
    private mutating func flag(_ found: CSVProblem, field: Int?, fieldLength: Int, recordLength: Int) {
        if let fault = lengthFault(fieldLength: fieldLength, recordLength: recordLength) {
            flag(fault.problem, field: fault.field)
        } else {
            flag(found, field: field)
        }
    }

    /// The length limit broken first by a record's first `recordLength`
    /// bytes, `fieldLength` of them in its open field (nil when none is
    /// open), if any. A limit is broken at the first byte past it: the
    /// field's at `fieldStart + maximumFieldLength`, the record's at
    /// `maximumRecordLength`.
    @inline(__always)
    private func lengthFault(fieldLength: Int?, recordLength: Int) -> (problem: CSVProblem, field: Int?)? {
        let fieldLimit = options.maximumFieldLength
        let recordLimit = options.maximumRecordLength
        let fieldBroken = fieldLength.map { $0 > fieldLimit } ?? false
        if fieldBroken, recordLength <= recordLimit || fieldStart + fieldLimit <= recordLimit {
            return (.fieldTooLong(limit: fieldLimit), fieldCount)
        }
        return recordLength > recordLimit ? (.recordTooLong(limit: recordLimit), nil) : nil
    }

    /// Marks the current record bad; the first problem is the one reported.
    private mutating func flag(_ found: CSVProblem, field: Int?) {
        guard problem == nil else { return }
        problem = (found, field)
        if isCarrying {
            // Let a large partial record go at once.
            carry = []
            isCarrying = false
        }
    }

    /// Records the field that ends at record offset `end`.
    @inline(__always)
    private mutating func closeField(end: Int) {
        guard problem == nil else { return }
        if let fault = lengthFault(fieldLength: end - fieldStart, recordLength: end) {
            flag(fault.problem, field: fault.field)
        } else if fieldCount >= options.maximumFieldCount {
            flag(.tooManyFields(limit: options.maximumFieldCount), field: nil)
        } else {
            if bounds.count < 2 * fieldCount + 2 { bounds.append(contentsOf: repeatElement(0, count: max(32, bounds.count))) }
            bounds[2 * fieldCount] = UInt32(truncatingIfNeeded: fieldStart)
            bounds[2 * fieldCount + 1] = UInt32(truncatingIfNeeded: end)
            if fieldIsEscaped {
                escapedFields.append(fieldCount)
                fieldIsEscaped = false
            }
            fieldCount += 1
        }
    }

    /// Ends the record whose line break is at record offset `end`: checks
    /// it, delivers it or its problem, and gets ready for the next one.
    private mutating func closeRecord(
        end: Int,
        chunkBytes: UnsafeBufferPointer<UInt8>,
        base: Int,
        _ handle: (CSVRowEvent) -> Void
    ) {
        deliverRecord(end: end, chunkBytes: chunkBytes, base: base, handle)
        // The record was lent for the callback only, so the buffers are
        // reused in place.
        fieldCount = 0
        escapedFields.removeAll(keepingCapacity: true)
        fieldIsEscaped = false
        recordHasNonASCII = false
        problem = nil
        if isCarrying || !carry.isEmpty { carry.removeAll(keepingCapacity: carry.capacity <= 1 << 16) }
        isCarrying = false
        isAwaitingHeader = false
    }

    private mutating func deliverRecord(
        end: Int,
        chunkBytes: UnsafeBufferPointer<UInt8>,
        base: Int,
        _ handle: (CSVRowEvent) -> Void
    ) {
        if problem == nil, end > options.maximumRecordLength {
            problem = (.recordTooLong(limit: options.maximumRecordLength), nil)
        }
        if let problem {
            report(problem.problem, field: problem.field, handle)
            return
        }
        if isCarrying {
            carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunkBytes[0..<(base + end)]))
        }
        // Every byte is checked once, where the record lies.
        let invalid: Int? =
            if !recordHasNonASCII {
                nil
            } else if isCarrying {
                carry.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
            } else {
                UTF8Validation.firstInvalidOffset(in: UnsafeBufferPointer(rebasing: chunkBytes[base..<(base + end)]))
            }
        if let invalid {
            report(.invalidUTF8, field: fieldContaining(offset: invalid), handle)
            return
        }
        if !escapedFields.isEmpty {
            if !isCarrying {
                carry.removeAll(keepingCapacity: true)
                carry.append(contentsOf: UnsafeBufferPointer(rebasing: chunkBytes[base..<(base + end)]))
                isCarrying = true
            }
            unescapeQuotes()
        }
        if isAwaitingHeader {
            readHeader(withFields(in: chunkBytes, base: base, \.strings), handle)
            return
        }
        let expected = expectedFieldCount ?? fieldCount
        expectedFieldCount = expected
        guard fieldCount == expected else {
            report(.wrongFieldCount(expected: expected, found: fieldCount), field: nil, handle)
            return
        }
        withFields(in: chunkBytes, base: base) { handle(.row($0)) }
    }

    /// Calls `body` with the current record's fields where they lie: in
    /// `carry` when it spans chunks or was unescaped, else in the chunk at
    /// `base`.
    @inline(__always)
    private func withFields<Result>(
        in chunkBytes: UnsafeBufferPointer<UInt8>, base: Int, _ body: (CSVRecordBytes) -> Result
    ) -> Result {
        bounds.withUnsafeBufferPointer { bounds in
            if isCarrying {
                carry.withUnsafeBufferPointer { carried in
                    body(CSVRecordBytes(bytes: carried, base: 0, bounds: bounds, count: fieldCount, row: rowCount, line: recordLine))
                }
            } else {
                body(CSVRecordBytes(bytes: chunkBytes, base: base, bounds: bounds, count: fieldCount, row: rowCount, line: recordLine))
            }
        }
    }

    private mutating func readHeader(_ names: [String], _ handle: (CSVRowEvent) -> Void) {
        let header = CSVHeader(names: names)
        self.header = header
        expectedFieldCount = header.count
        handle(.header(header))
        for (field, problem) in header.problems() { report(problem, field: field, handle) }
    }

    private func report(_ problem: CSVProblem, field: Int?, _ handle: (CSVRowEvent) -> Void) {
        let name = field.flatMap { field in header.flatMap { $0.names.indices.contains(field) ? $0.names[field] : nil } }
        handle(.issue(CSVIssue(problem, at: ExportLocation(row: rowCount, line: recordLine, field: field, fieldName: name))))
    }

    /// The field whose bytes hold record offset `offset`.
    private func fieldContaining(offset: Int) -> Int {
        var field = 0
        while field < fieldCount - 1, Int(bounds[2 * field + 1]) < offset { field += 1 }
        return field
    }

    /// Turns `""` into `"` in the fields that hold it, in `carry`, moving
    /// each such field's end back.
    private mutating func unescapeQuotes() {
        for field in escapedFields {
            let start = Int(bounds[2 * field])
            let end = Int(bounds[2 * field + 1])
            let write = carry.withUnsafeMutableBufferPointer { Self.collapseDoubledQuotes(in: $0, from: start, to: end) }
            bounds[2 * field + 1] = UInt32(truncatingIfNeeded: write)
        }
    }

    /// Moves the bytes of a quoted field's inside, `start..<end`, over each
    /// `""` it holds, keeping one quote of the pair; returns its new end.
    /// Every quote there is one of a pair: the split ended the field at the
    /// first lone one.
    private static func collapseDoubledQuotes(in bytes: UnsafeMutableBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var read = start
        var write = start
        while read < end {
            let byte = bytes[read]
            bytes[write] = byte
            write += 1
            read += byte == ASCII.quote ? 2 : 1
        }
        return write
    }
}

extension CSVEvent {
    /// The event to hand on with rows as values, sharing `chunk` when a row
    /// lies in it (at `chunk.start`), else a copy.
    init(_ event: CSVRowEvent, sharing chunk: (bytes: [UInt8], start: UnsafePointer<UInt8>?)?) {
        switch event {
        case .header(let header): self = .header(header)
        case .row(let fields): self = .record(fields.record(sharing: chunk))
        case .issue(let issue): self = .issue(issue)
        }
    }
}
