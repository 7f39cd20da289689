import Foundation
import JSONCReader

/// What both fuzzers share: a failed invariant is a crash libFuzzer records,
/// an independent oracle for positions, and a way to wait for async code.
public enum Fuzz {
    /// Stops the run with `message` when `condition` is false, so libFuzzer
    /// saves the input as a crash.
    public static func require(
        _ condition: @autoclosure () -> Bool,
        _ message: @autoclosure () -> String,
        file: StaticString = #fileID,
        line: UInt = #line
    ) {
        if !condition() {
            FileHandle.standardError.write(Data("\n*** invariant failed at \(file):\(line): \(message())\n".utf8))
            abort()
        }
    }

    /// Runs async `work` to completion from libFuzzer's synchronous callback.
    public static func wait<Result: Sendable>(_ work: @escaping @Sendable () async -> Result) -> Result {
        let box = Box<Result>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }

    private final class Box<Value>: @unchecked Sendable {
        var value: Value?
    }

    /// A folder of the main package (Brands, Journeys), found from this
    /// source file's location or `THROUGHLINE_ROOT`.
    public static func repositoryFile(_ relativePath: String) -> [UInt8] {
        let root = ProcessInfo.processInfo.environment["THROUGHLINE_ROOT"]
            ?? URL(fileURLWithPath: #filePath)
                .deletingLastPathComponent()  // FuzzSupport
                .deletingLastPathComponent()  // Sources
                .deletingLastPathComponent()  // FuzzTesting
                .deletingLastPathComponent()  // the main package
                .path
        let path = root + "/" + relativePath
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path); set THROUGHLINE_ROOT to the main package\n".utf8))
            exit(1)
        }
        return Array(data)
    }
}

/// Line and column of every offset of a byte array, computed the slow,
/// obvious way (one pass, no binary search, no cursor), to check the fast
/// `LineMap` and `LineMap.Cursor` against.
public struct PositionOracle {
    public let lines: [Int32]
    public let columns: [Int32]
    /// Number of lines: line feeds + 1.
    public let lineCount: Int
    /// For each line (0-based), the column just past its last character.
    public let lineEndColumns: [Int]

    public init(_ bytes: [UInt8]) {
        var lines = [Int32](repeating: 0, count: bytes.count + 1)
        var columns = [Int32](repeating: 0, count: bytes.count + 1)
        var line: Int32 = 1
        var column: Int32 = 1
        var lineEnds: [Int] = []
        let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        for offset in 0...bytes.count {
            lines[offset] = line
            columns[offset] = column
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            if byte == 0x0A {
                lineEnds.append(Int(column))
                line += 1
                column = 1
            } else if hasBOM && offset < 3 {
                // The byte order mark takes no column: offsets 1 and 2 are
                // inside it (column 2, as LineMap says), offset 3 is column 1.
                column = offset == 2 ? 1 : 2
            } else if byte & 0xC0 != 0x80 {
                // Every byte that is not a continuation byte starts a character.
                column += 1
            }
        }
        lineEnds.append(Int(column))
        self.lines = lines
        self.columns = columns
        self.lineCount = Int(line)
        self.lineEndColumns = lineEnds
    }

    public func position(of offset: Int) -> (line: Int, column: Int) {
        (Int(lines[offset]), Int(columns[offset]))
    }

    /// Whether `line`:`column` names a place in the file: a line that
    /// exists, and a column at most one past its last character.
    public func contains(line: Int, column: Int) -> Bool {
        line >= 1 && line <= lineCount && column >= 1 && column <= lineEndColumns[line - 1]
    }
}

/// A canonical JSON text for a value: objects with their members as
/// iteration yields them, numbers as written, strings re-escaped. Two
/// documents read the same exactly when their canonical texts are equal.
public enum Canonical {
    public static func text(_ value: JSONCValue) -> String {
        var output = ""
        write(value, into: &output)
        return output
    }

    static func write(_ value: JSONCValue, into output: inout String) {
        switch value.kind {
        case .null: output += "null"
        case .true: output += "true"
        case .false: output += "false"
        case .number: output += value.number!.text
        case .string: writeString(value.string!, into: &output)
        case .array:
            output += "["
            var first = true
            for element in value.elements {
                if !first { output += "," }
                first = false
                write(element, into: &output)
            }
            output += "]"
        case .object:
            output += "{"
            var first = true
            for member in value.members {
                if !first { output += "," }
                first = false
                writeString(member.key, into: &output)
                output += ":"
                write(member.value, into: &output)
            }
            output += "}"
        }
    }

    public static func writeString(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
