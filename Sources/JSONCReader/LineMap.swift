/// Turns byte offsets into 1-based lines and columns.
///
/// Lines end at a line feed (so CRLF files work as expected). Columns count
/// Unicode scalar values, the way most editors count characters, so `é`
/// written in UTF-8 is one column even though it is two bytes; a byte order
/// mark at the start of the file takes no column.
///
/// The line starts come from the parser, which sees every line break while it
/// skips white space and comments, so building the map costs nothing extra.
///
/// A map covers the whole file, or, for an element handed out while a
/// document is read (see ``JSONCDocument/parse(_:maximumDepth:keys:streaming:shouldStream:element:)``),
/// the element's bytes: it then knows the line and column of the
/// element's start and the lines in it, so it costs what the element
/// costs, not what the file before it does. Offsets outside those bytes
/// are still answered right, by counting line feeds and characters (from
/// the file's start for those before).
///
/// A column is found by counting the characters between the line's start
/// and the offset. For a map with a line longer than ``longLine`` bytes
/// (a minified file, a huge string), the map also counts, once, the
/// characters before every block of ``blockSize`` bytes, so that a position
/// anywhere costs at most a block's worth of counting: asking for one
/// position per value of a 10 MB single-line file stays linear in any order.
public struct LineMap: Sendable {
    private let bytes: [UInt8]
    /// Entry 0 is the start of the map's first line (or, in an element's
    /// map, the element's start); entry `k > 0` starts line `firstLine + k`.
    private let lineStarts: [UInt32]
    /// The 0-based line of entry 0.
    private let firstLine: Int
    /// Where counting starts on the first line (past a byte order mark,
    /// or the element's start), and that byte's column.
    private let origin: Int
    private let originColumn: Int
    /// Empty when every line is short; otherwise entry `k` is the number of
    /// characters between the start of block `firstBlock` and that of block
    /// `firstBlock + k`, for the blocks up to `end`.
    private let charactersBeforeBlock: [UInt32]
    private let firstBlock: Int
    /// The end of the bytes the map was built for.
    private let end: Int

    /// The length of line beyond which the map counts characters by block.
    static let longLine = 4096
    static let blockSize = 1024

    /// The map of a whole file, from the parser's line starts.
    init(bytes: [UInt8], lineStarts: [UInt32]) {
        let origin = Self.hasByteOrderMark(bytes) ? 3 : 0
        self.init(bytes: bytes, lineStarts: lineStarts, firstLine: 0, origin: origin, originColumn: 1, end: bytes.count)
    }

    /// The map of the bytes from `origin` (on line `firstLine`, 0-based, at
    /// `originColumn`) to `end`; `laterLineStarts` are the lines that
    /// start in between.
    init(bytes: [UInt8], origin: Int, firstLine: Int, originColumn: Int, laterLineStarts: ArraySlice<UInt32>, end: Int) {
        var starts: [UInt32] = []
        starts.reserveCapacity(laterLineStarts.count + 1)
        starts.append(UInt32(truncatingIfNeeded: origin))
        starts += laterLineStarts
        self.init(bytes: bytes, lineStarts: starts, firstLine: firstLine, origin: origin, originColumn: originColumn, end: end)
    }

    private init(bytes: [UInt8], lineStarts: [UInt32], firstLine: Int, origin: Int, originColumn: Int, end: Int) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.firstLine = firstLine
        self.origin = origin
        self.originColumn = originColumn
        self.end = end
        if Self.hasLongLine(lineStarts, end: end) {
            firstBlock = Int(lineStarts[0]) / Self.blockSize
            charactersBeforeBlock = Self.countCharactersByBlock(bytes, firstBlock: firstBlock, end: end)
        } else {
            firstBlock = 0
            charactersBeforeBlock = []
        }
    }

    private static func hasByteOrderMark(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    }

    private static func hasLongLine(_ lineStarts: [UInt32], end: Int) -> Bool {
        var previous = Int(lineStarts[0])
        for start in lineStarts.dropFirst() {
            if Int(start) - previous > longLine { return true }
            previous = Int(start)
        }
        return end - previous > longLine
    }

    private static func countCharactersByBlock(_ bytes: [UInt8], firstBlock: Int, end: Int) -> [UInt32] {
        var table: [UInt32] = []
        table.reserveCapacity(end / blockSize - firstBlock + 1)
        var characters: UInt32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            for block in firstBlock...(end / blockSize) {
                table.append(characters)
                let blockStart = block * blockSize
                characters += UInt32(countCharacters(in: buffer, from: blockStart, to: min(blockStart + blockSize, end)))
            }
        }
        return table
    }

    /// Builds the map by scanning `bytes` for line feeds, for text the parser did not read.
    public init(scanning bytes: [UInt8]) {
        var starts: [UInt32] = [0]
        for (offset, byte) in bytes.enumerated() where byte == ASCII.lineFeed {
            starts.append(UInt32(truncatingIfNeeded: offset + 1))
        }
        self.init(bytes: bytes, lineStarts: starts)
    }

    /// The number of lines the parser has seen, up to the end of the map.
    public var lineCount: Int { firstLine + lineStarts.count }

    /// The line and column of the byte at `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            guard offset >= origin else {
                // Before the map's bytes (or inside a byte order mark): count from the file's start.
                let skipsMark = offset >= 3 && buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
                return Self.countedPosition(of: offset, from: skipsMark ? 3 : 0, line: 1, column: 1, in: buffer)
            }
            let line = Self.lineIndex(of: offset, lineStarts: lineStarts)
            let start = line == 0 ? origin : Int(lineStarts[line])
            let startColumn = line == 0 ? originColumn : 1
            guard covers(offset) else {
                // After the map's bytes: count on from its last line.
                return Self.countedPosition(of: offset, from: start, line: firstLine + line + 1, column: startColumn, in: buffer)
            }
            return (firstLine + line + 1, startColumn + characters(from: start, to: offset, in: buffer))
        }
    }

    /// Whether the map knows every line start before `offset`; a whole
    /// file's map knows them all.
    private func covers(_ offset: Int) -> Bool {
        offset <= end || end == bytes.count
    }

    /// The position of the byte at `offset` in a whole file, from the
    /// parser's line starts so far; for syntax errors.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [UInt32]) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset, lineStarts: lineStarts)
        var lineStart = Int(lineStarts[line])
        if line == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, offset >= 3 {
            lineStart = 3
        }
        return (line + 1, 1 + countCharacters(in: bytes, from: lineStart, to: min(offset, bytes.count)))
    }

    /// The position of `offset` found by counting line feeds and characters
    /// on from `start`, which is at `line` and `column`: for an offset the
    /// map's line starts do not cover.
    private static func countedPosition(
        of offset: Int,
        from start: Int,
        line: Int,
        column: Int,
        in bytes: UnsafeBufferPointer<UInt8>
    ) -> (line: Int, column: Int) {
        var (line, column) = (line, column)
        var index = start
        let end = min(max(offset, 0), bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == ASCII.lineFeed {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    /// The index in `lineStarts` of the last line starting at or before `offset`.
    private static func lineIndex(of offset: Int, lineStarts: [UInt32]) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lineStarts[middle]) <= offset {
                low = middle
            } else {
                high = middle - 1
            }
        }
        return low
    }

    /// The number of scalars between `start` and `offset`: every byte that
    /// is not a UTF-8 continuation byte starts one. With a table of
    /// characters by block, a long span costs two partial blocks at most.
    private func characters(from start: Int, to offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let stop = min(offset, bytes.count)
        guard stop - start > Self.blockSize, !charactersBeforeBlock.isEmpty,
              start >= firstBlock * Self.blockSize, stop <= end
        else {
            return Self.countCharacters(in: bytes, from: start, to: stop)
        }
        func charactersBefore(_ offset: Int) -> Int {
            let block = offset / Self.blockSize
            return Int(charactersBeforeBlock[block - firstBlock]) + Self.countCharacters(in: bytes, from: block * Self.blockSize, to: offset)
        }
        return charactersBefore(stop) - charactersBefore(start)
    }

    private static func countCharacters(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }
}

extension LineMap {
    /// A cursor for asking many positions in document order.
    ///
    /// A loader asks for the position of nearly every value it keeps, in the
    /// order they appear. The cursor remembers the last answer, so each
    /// question costs only the bytes between it and the previous one (a
    /// step back on the same line too); asking out of order is still
    /// correct, just not free. This keeps a 10 MB single-line file linear
    /// instead of quadratic.
    public struct Cursor {
        private let map: LineMap
        /// The index in the map's line starts of the line the cursor is on.
        private var line = 0
        private var offset: Int
        private var column: Int

        public init(_ map: LineMap) {
            self.map = map
            offset = map.origin
            column = map.originColumn
        }

        /// The line and column of the byte at `target`.
        public mutating func position(of target: Int) -> (line: Int, column: Int) {
            guard map.covers(target) else { return map.position(of: target) }
            let starts = map.lineStarts
            if target < offset {
                let lineStart = line == 0 ? map.origin : Int(starts[line])
                guard target >= lineStart else { return jump(to: target) }
                column -= map.bytes.withUnsafeBufferPointer { map.characters(from: target, to: offset, in: $0) }
                offset = target
                return (map.firstLine + line + 1, column)
            }
            var nextLineStart = line + 1 < starts.count ? Int(starts[line + 1]) : Int.max
            if target >= nextLineStart {
                // A few lines further down, as in a file read top to bottom:
                // step to the target's line rather than search for it.
                var steps = 0
                while line + 1 < starts.count, Int(starts[line + 1]) <= target, steps < 8 {
                    line += 1
                    steps += 1
                }
                nextLineStart = line + 1 < starts.count ? Int(starts[line + 1]) : Int.max
                guard target < nextLineStart else { return jump(to: target) }
                offset = Int(starts[line])
                column = 1
            }
            column += map.bytes.withUnsafeBufferPointer { map.characters(from: offset, to: target, in: $0) }
            offset = target
            return (map.firstLine + line + 1, column)
        }

        /// Asks the map, and moves there when the map covers `target`.
        private mutating func jump(to target: Int) -> (line: Int, column: Int) {
            let position = map.position(of: target)
            if target >= map.origin {
                (line, offset, column) = (position.line - 1 - map.firstLine, target, position.column)
            }
            return position
        }
    }
}
