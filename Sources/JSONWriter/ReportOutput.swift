/// Where a report's bytes go while it is written: writes are gathered into
/// chunks of about 64 KiB, and each full chunk is handed to `sink`, so a
/// report written line by line costs few system calls and is never held
/// whole on its way out (standard output, an `--output` file, or a string).
///
/// A chunk is handed over only between writes, so it always ends on a
/// whole character: every chunk is valid UTF-8 on its own. A chunk but
/// the last holds ``chunkSize`` bytes or more: at most that much before the
/// write that filled it, and that write whole.
///
/// ```swift
/// var text = ""
/// var output = ReportOutput { chunk in text += String(decoding: chunk, as: UTF8.self) }
/// output.writeLine("1 error")
/// output.flush()   // text == "1 error\n"
/// ```
///
/// Not `Sendable`: it is one report's way out, written by one task.
public struct ReportOutput {
    /// A chunk is handed to the sink once it holds this many bytes.
    public static var chunkSize: Int { 1 << 16 }

    /// The bytes gathered since the last chunk went out; the JSON writer
    /// writes into them directly.
    var pending: [UInt8] = []
    private let sink: ([UInt8]) -> Void

    /// - Parameter sink: receives each chunk; it may not hold on to it past
    ///   the call for free (the buffer is then copied on the next write).
    public init(sink: @escaping ([UInt8]) -> Void) {
        self.sink = sink
        pending.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Appends the text's UTF-8 bytes.
    public mutating func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        flushIfFull()
    }

    /// Appends the text and a line feed, without joining them first.
    public mutating func writeLine(_ text: String) {
        pending.append(contentsOf: text.utf8)
        pending.append(UInt8(ascii: "\n"))
        flushIfFull()
    }

    /// Appends each line and a line feed after it.
    public mutating func writeLines(_ lines: [String]) {
        for line in lines { writeLine(line) }
    }

    /// Hands what is gathered to the sink; the report is complete only after this.
    public mutating func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending.removeAll(keepingCapacity: true)
    }

    /// What `write` writes, gathered in memory: for a report wanted as a
    /// string, such as a small one or one a test reads.
    ///
    /// ```swift
    /// ReportOutput.text { $0.writeLine("1 error") }   // "1 error\n"
    /// ```
    public static func text(_ write: (inout ReportOutput) -> Void) -> String {
        var bytes: [UInt8] = []
        var output = ReportOutput { bytes += $0 }
        write(&output)
        output.flush()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Hands over a chunk once it is full; called after every write.
    mutating func flushIfFull() {
        if pending.count >= Self.chunkSize { flush() }
    }
}
