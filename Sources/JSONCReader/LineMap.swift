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
/// A column is found by counting the characters between the line's start
/// and the offset. For a file with a line longer than ``longLine`` bytes
/// (a minified file, a huge string), the map also counts, once, the
/// characters before every block of ``blockSize`` bytes, so that a position
/// anywhere costs at most a block's worth of counting: asking for one
/// position per value of a 10 MB single-line file stays linear in any order.
public struct LineMap: Sendable {
    private let bytes: [UInt8]
    private let lineStarts: [UInt32]
    /// Empty when every line is short; otherwise entry `k` is the number of
    /// characters that start before byte `k × blockSize`.
    private let charactersBeforeBlock: [UInt32]

    /// The length of line beyond which the map counts characters by block.
    static let longLine = 4096
    static let blockSize = 1024

    init(bytes: [UInt8], lineStarts: [UInt32]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
        self.charactersBeforeBlock = Self.hasLongLine(lineStarts, count: bytes.count) ? Self.countCharactersByBlock(bytes) : []
    }

    private static func hasLongLine(_ lineStarts: [UInt32], count: Int) -> Bool {
        var previous = 0
        for start in lineStarts.dropFirst() {
            if Int(start) - previous > longLine { return true }
            previous = Int(start)
        }
        return count - previous > longLine
    }

    private static func countCharactersByBlock(_ bytes: [UInt8]) -> [UInt32] {
        var table: [UInt32] = []
        table.reserveCapacity(bytes.count / blockSize + 1)
        var characters: UInt32 = 0
        bytes.withUnsafeBufferPointer { buffer in
            var blockStart = 0
            while blockStart < buffer.count {
                table.append(characters)
                characters += UInt32(countCharacters(in: buffer, from: blockStart, to: min(blockStart + blockSize, buffer.count)))
                blockStart += blockSize
            }
        }
        table.append(characters)  // for an offset at the very end
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

    /// The number of lines the parser has seen.
    public var lineCount: Int { lineStarts.count }

    /// The line and column of the byte at `offset`.
    public func position(of offset: Int) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { buffer in
            Self.position(of: offset, in: buffer, lineStarts: lineStarts, charactersBeforeBlock: charactersBeforeBlock)
        }
    }

    static func position(
        of offset: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        lineStarts: [UInt32],
        charactersBeforeBlock: [UInt32] = []
    ) -> (line: Int, column: Int) {
        let line = lineIndex(of: offset, lineStarts: lineStarts)
        var lineStart = Int(lineStarts[line])
        if line == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, offset >= 3 {
            lineStart = 3
        }
        return (line + 1, column(from: lineStart, to: offset, in: bytes, charactersBeforeBlock: charactersBeforeBlock))
    }

    /// The 0-based index of the last line starting at or before `offset`.
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

    /// 1 + the number of scalars between `start` and `offset`: every byte that
    /// is not a UTF-8 continuation byte starts a scalar. With a table of
    /// characters by block, a long span costs two partial blocks at most.
    private static func column(
        from start: Int,
        to offset: Int,
        in bytes: UnsafeBufferPointer<UInt8>,
        charactersBeforeBlock: [UInt32]
    ) -> Int {
        let end = min(offset, bytes.count)
        guard end - start > blockSize, !charactersBeforeBlock.isEmpty else {
            return 1 + countCharacters(in: bytes, from: start, to: end)
        }
        func charactersBefore(_ offset: Int) -> Int {
            let block = offset / blockSize
            return Int(charactersBeforeBlock[block]) + countCharacters(in: bytes, from: block * blockSize, to: offset)
        }
        return 1 + charactersBefore(end) - charactersBefore(start)
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
    /// question costs only the bytes between it and the previous one; asking
    /// out of order is still correct, just not free. This keeps a 10 MB
    /// single-line file linear instead of quadratic.
    public struct Cursor {
        private let map: LineMap
        private var line = 0
        private var offset = 0
        private var column = 1

        public init(_ map: LineMap) {
            self.map = map
            if map.bytes.count >= 3, map.bytes[0] == 0xEF, map.bytes[1] == 0xBB, map.bytes[2] == 0xBF {
                offset = 3
            }
        }

        /// The line and column of the byte at `target`.
        public mutating func position(of target: Int) -> (line: Int, column: Int) {
            let starts = map.lineStarts
            var nextLineStart = line + 1 < starts.count ? Int(starts[line + 1]) : Int.max
            if target >= nextLineStart, target >= offset {
                // A few lines further down, as in a file read top to bottom:
                // step to the target's line rather than search for it.
                var steps = 0
                while line + 1 < starts.count, Int(starts[line + 1]) <= target, steps < 8 {
                    line += 1
                    steps += 1
                }
                nextLineStart = line + 1 < starts.count ? Int(starts[line + 1]) : Int.max
                if target < nextLineStart {
                    offset = Int(starts[line])
                    column = 1
                }
            }
            guard target >= offset, target < nextLineStart else {
                let position = map.position(of: target)
                (line, offset, column) = (position.line - 1, target, position.column)
                return position
            }
            column += map.bytes.withUnsafeBufferPointer { buffer in
                LineMap.column(from: offset, to: target, in: buffer, charactersBeforeBlock: map.charactersBeforeBlock) - 1
            }
            offset = target
            return (line + 1, column)
        }
    }
}
