import Foundation

/// Reads whole files as bytes with POSIX calls: no `String`, no `Data`
/// copy, one allocation of the file's size.
enum FileReader {
    struct Failure: Error, Sendable {
        let reason: String
    }

    static func read(_ path: String) throws(Failure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(reason: systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw Failure(reason: systemReason()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw Failure(reason: (status.st_mode & S_IFMT) == S_IFDIR ? "it is a folder, not a file" : "it is not a regular file")
        }
        let size = Int(status.st_size)
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
