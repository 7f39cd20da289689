import Foundation

/// Reads whole files as bytes with POSIX calls: no `String`, no `Data`
/// copy, one allocation of the file's size.
enum FileReader {
    struct Failure: Error, Sendable {
        let reason: String
    }

    /// The largest file read: the JSONC reader keeps offsets in 32 bits and
    /// refuses anything larger, so reading it into memory first is waste.
    static let maximumSize = Int(UInt32.max) - 1

    /// The file's bytes, in an array with room for `extra` more (a spilled
    /// partition read back gets its part still in memory appended without a
    /// copy). The array is filled by `read(2)` alone, never zeroed first.
    static func read(_ path: String, reservingCapacity extra: Int = 0) throws(Failure) -> [UInt8] {
        // O_NONBLOCK: opening a named pipe (or a device) must not wait for a
        // writer; it is refused just below as not a regular file. Reading a
        // regular file is unaffected.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw Failure(reason: systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: systemReason()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(reason: (status.st_mode & S_IFMT) == S_IFDIR ? "it is a folder, not a file" : "it is not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= maximumSize else {
            throw Failure(reason: "it is larger than 4 GiB, the most the reader accepts")
        }
        var failure: String?
        // The file shrank while being read: keep what was there.
        let bytes = [UInt8](unsafeUninitializedCapacity: size + max(0, extra)) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let count = Foundation.read(descriptor, base + initialized, size - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = systemReason()
                    return
                }
                if count == 0 { break }
                initialized += count
            }
        }
        if let failure { throw Failure(reason: failure) }
        return bytes
    }

    static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}
