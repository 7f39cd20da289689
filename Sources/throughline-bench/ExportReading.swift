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

    static func read(path: String, chunkSize: Int, timestampColumn: String) throws(Failure) -> Result {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: "cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var result = Result()
        var reader = CSVReader(CSVOptions(separator: nil))
        var timestampField: Int?
        let format = TimestampFormat.iso8601()
        let handle: (CSVEvent) -> Void = { event in
            switch event {
            case .record(let record):
                result.rows += 1
                if let field = timestampField {
                    do {
                        result.checksum &+= try format.instant(record[field]).millisecondsSince1970
                    } catch {
                        result.badTimestamps += 1
                    }
                }
            case .header(let header):
                timestampField = header.index(of: timestampColumn)
            case .issue(let issue):
                result.issues += 1
                if result.firstIssue == nil { result.firstIssue = issue.description }
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
            if count == chunkSize {
                reader.read(chunk, handle)
            } else {
                reader.read(Array(chunk[0..<count]), handle)
            }
        }
        reader.finish(handle)
        if timestampField == nil { result.badTimestamps = -1 }
        return result
    }
}
