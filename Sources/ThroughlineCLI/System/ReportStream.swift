/// Where a report goes while a reporter writes it: standard output, or the
/// temporary file of an `--output` that is renamed into place at the end.
/// Reporters of large reports hand it chunks of about 64 KiB, so a report
/// is never held whole in memory on its way out.
struct ReportStream: TextOutputStream {
    private let sink: (String) -> Void

    init(_ sink: @escaping (String) -> Void) {
        self.sink = sink
    }

    mutating func write(_ string: String) {
        guard !string.isEmpty else { return }
        sink(string)
    }
}
