import EventExports
import Foundation

/// Times the CSV reader on an export file: the file read in chunks into
/// one reused buffer, every row counted and its timestamp parsed to an
/// instant, as a replay would. Nothing is kept, so memory does not depend
/// on the file's size.
enum ExportReading {
    struct Result: Sendable {
        var rows = 0
        var issues = 0
        var badTimestamps = 0
        var bytes = 0
        /// The sum of every instant, so that the work cannot be skipped.
        var checksum: Int64 = 0
        var firstIssue: String?
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads the export at `path`; with `parsesTimestamps`, also parses
    /// the column named `timestampColumn` of every row.
    static func read(path: String, chunkSize: Int, timestampColumn: String, parsesTimestamps: Bool) throws(Failure) -> Result {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var result = Result()
        var reader = CSVReader(CSVOptions(separator: nil))
        var timestampField = -1
        let format = TimestampFormat.iso8601()
        // A closure written at the call is not escaping: the counters it
        // updates stay plain locals.
        func feed(_ chunk: [UInt8]) {
            // Rows lent in place, as conform reads them: no copy per row.
            reader.readInPlace(chunk) { event in
                switch event {
                case .row(let fields):
                    result.rows += 1
                    guard parsesTimestamps, timestampField >= 0, timestampField < fields.count else { return }
                    do {
                        result.checksum &+= try format.instant(fields[timestampField]).millisecondsSince1970
                    } catch {
                        result.badTimestamps += 1
                    }
                case .header(let header):
                    timestampField = header.index(of: timestampColumn) ?? -1
                case .issue(let issue):
                    result.issues += 1
                    if result.firstIssue == nil { result.firstIssue = issue.description }
                }
            }
        }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in Foundation.read(descriptor, buffer.baseAddress, chunkSize) }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            result.bytes += count
            feed(count == chunkSize ? chunk : Array(chunk[0..<count]))
        }
        reader.finishInPlace { event in
            if case .row = event { result.rows += 1 }
            if case .issue = event { result.issues += 1 }
        }
        if parsesTimestamps, timestampField < 0 { result.badTimestamps = -1 }
        return result
    }
}
