/// Where a report goes while a reporter writes it: standard output, or the
/// temporary file of an `--output` that is renamed into place at the end.
/// Writes are gathered into chunks of 64 KiB before they reach the sink, so
/// a report written line by line costs few system calls and is never held
/// whole in memory on its way out.
struct ReportStream: TextOutputStream {
    private let sink: (String) -> Void
    private var pending = ""
    private static var chunkSize: Int { 1 << 16 }

    init(_ sink: @escaping (String) -> Void) {
        self.sink = sink
    }

    mutating func write(_ string: String) {
        if pending.isEmpty, string.utf8.count >= Self.chunkSize {
            sink(string)
            return
        }
        pending += string
        if pending.utf8.count >= Self.chunkSize { flush() }
    }

    /// Hands over what is gathered; the report is complete only after this.
    mutating func flush() {
        guard !pending.isEmpty else { return }
        sink(pending)
        pending = ""
    }
}
