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

    static func read(_ path: String) throws(Failure) -> [UInt8] {
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
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        var failure: String?
        bytes.withUnsafeMutableBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            while filled < size {
                let count = Foundation.read(descriptor, base + filled, size - filled)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = systemReason()
                    return
                }
                if count == 0 { break }
                filled += count
            }
        }
        if let failure { throw Failure(reason: failure) }
        // The file shrank while being read: keep what was there.
        if filled < size { bytes.removeSubrange(filled...) }
        return bytes
    }

    static func systemReason() -> String {
        String(cString: strerror(errno))
    }
}
