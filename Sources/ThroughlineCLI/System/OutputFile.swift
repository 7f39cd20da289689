import Foundation
import JSONWriter
import JourneyLoader

/// Writes a report file so that no reader ever sees half of it: into a
/// temporary file in the same folder, flushed to disk, then renamed over
/// the target in one step. A run that fails or is interrupted leaves the
/// previous report, or none, never a partial one.
enum OutputFile {
    struct Failure: Error, Sendable {
        let message: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        try write(to: path) { $0.write(text) }
    }

    /// Runs `render` with a stream into the temporary file, then flushes and
    /// renames it; on any failure the temporary file is removed.
    static func write(to path: String, _ render: (inout ReportOutput) -> Void) throws(Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(message: "cannot write \(path): \(FileReader.systemReason())")
        }
        let file = DescriptorWriter(descriptor)
        var stream = ReportOutput { chunk in chunk.withUnsafeBufferPointer { file.write($0) } }
        render(&stream)
        stream.flush()
        var failure = file.failure
        if failure == nil, fsync(descriptor) != 0 { failure = FileReader.systemReason() }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = FileReader.systemReason() }
        if let failure {
            unlink(temporary)
            throw Failure(message: "cannot write \(path): \(failure)")
        }
    }

    /// Refuses a report path that would overwrite an input: one of the files
    /// read, or any file named like a brand, charter or journey file.
    static func refusal(for path: String, inputs: [String]) -> String? {
        if FileKind(path: path) != nil {
            return "refusing to write a report to \(path): it is named like a brand, charter or journey file"
        }
        let target = canonical(path)
        if inputs.contains(where: { canonical($0) == target }) {
            return "refusing to write a report to \(path): it is one of the files being checked"
        }
        return nil
    }

    /// The absolute path with links resolved, for a file that may not exist yet.
    private static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let folder = (absolute as NSString).deletingLastPathComponent
        let resolvedFolder = realpath(folder, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? folder
        return resolvedFolder + "/" + (absolute as NSString).lastPathComponent
    }
}

/// Writes text to a file descriptor in full, retrying interrupted writes,
/// and keeps the first failure; what follows a failure is dropped.
final class DescriptorWriter {
    private let descriptor: Int32
    private(set) var failure: String?

    init(_ descriptor: Int32) {
        self.descriptor = descriptor
    }

    func write(_ text: String) {
        var text = text
        text.withUTF8 { write($0) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard failure == nil else { return }
        var written = 0
        while written < bytes.count, let base = bytes.baseAddress {
            let count = Foundation.write(descriptor, base + written, bytes.count - written)
            if count < 0 {
                if errno == EINTR { continue }
                failure = FileReader.systemReason()
                return
            }
            written += count
        }
    }
}
