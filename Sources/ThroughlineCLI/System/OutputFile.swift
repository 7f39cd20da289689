import Foundation
import JSONWriter
import JourneyLoader

/// Writes a report, a baseline or a journey file to a path given on the
/// command line so that no reader ever sees half of it, and nothing but a
/// regular file is ever replaced:
///
/// - a regular file, or none yet, is written to a temporary file in the same
///   folder, flushed to disk and renamed over the target in one step (see
///   ``TemporaryFile``); a replaced file keeps its permission bits and, where
///   allowed, its owner; a run that fails or is interrupted leaves the
///   previous file, or none, never a partial one;
/// - a character device (`/dev/null`, a terminal) or a named pipe, directly
///   or through a symbolic link, is written through: opened and written,
///   never replaced; a pipe that nothing reads is an error rather than a wait;
/// - `/dev/stdout` and `/dev/stderr` are the command's own output streams,
///   wherever the shell sent them;
/// - anything else is refused: a folder, a socket, a block device, and a
///   symbolic link to a regular file (a link checked into a repository
///   would otherwise aim the report at any file the CI user can write).
enum OutputFile {
    struct Failure: Error, Sendable {
        let message: String
    }

    /// Where a path leads, found before anything is written.
    enum Destination: Equatable, Sendable {
        case standardOutput
        case standardError
        /// A character device or a named pipe: written through.
        case device
        /// Nothing there yet: a new file, mode 0644 less the umask.
        case newFile
        /// A regular file, replaced with these kept.
        case existingFile(permissions: mode_t, owner: uid_t, group: gid_t)
    }

    static func write(_ text: String, to path: String, shownAs name: String, io: CommandIO) throws(Failure) {
        try write(to: path, shownAs: name, io: io) { $0.write(text) }
    }

    /// Runs `render` with a stream to `path` (absolute), by the means its
    /// ``Destination`` calls for. `name` is the path as the user gave it.
    static func write(
        to path: String, shownAs name: String, io: CommandIO,
        temporary: TemporaryFile.Kind = .unnamedWherePossible,
        _ render: (inout ReportOutput) -> Void
    ) throws(Failure) {
        switch try destination(of: path, shownAs: name) {
        case .standardOutput:
            var stream = ReportOutput(sink: io.writeOutputBytes)
            render(&stream)
            stream.flush()
        case .standardError:
            var stream = ReportOutput { chunk in io.writeError(String(decoding: chunk, as: UTF8.self)) }
            render(&stream)
            stream.flush()
        case .device:
            try writeThrough(path, shownAs: name, render)
        case .newFile:
            try TemporaryFile.replace(path, shownAs: name, keeping: nil, kind: temporary, render)
        case .existingFile(let permissions, let owner, let group):
            let kept = TemporaryFile.Kept(permissions: permissions, owner: owner, group: group)
            try TemporaryFile.replace(path, shownAs: name, keeping: kept, kind: temporary, render)
        }
    }

    /// What is at `path` (absolute), or why nothing may be written there.
    static func destination(of path: String, shownAs name: String) throws(Failure) -> Destination {
        // The names a shell gives the process's own streams: written to the
        // stream as it is (a pipe, a terminal, a file opened with `>>`),
        // rather than opened anew at offset 0.
        switch path {
        case "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1": return .standardOutput
        case "/dev/stderr", "/dev/fd/2", "/proc/self/fd/2": return .standardError
        default: break
        }
        var status = stat()
        guard lstat(path, &status) == 0 else {
            let reason = errno
            let shownFolder = (name as NSString).deletingLastPathComponent
            if reason == ENOENT || reason == ENOTDIR {
                var folderStatus = stat()
                let folder = (path as NSString).deletingLastPathComponent
                if stat(folder, &folderStatus) != 0 {
                    let why = errno == ENOENT ? "does not exist" : "cannot be reached (\(FileReader.systemReason()))"
                    throw Failure(message: "cannot write \(name): the folder \(shownFolder) \(why)")
                }
                guard folderStatus.st_mode & S_IFMT == S_IFDIR else {
                    throw Failure(message: "cannot write \(name): \(shownFolder) is not a folder")
                }
                if reason == ENOENT { return .newFile }
            }
            throw Failure(message: "cannot write \(name): \(String(cString: strerror(reason)))")
        }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return .existingFile(permissions: status.st_mode & 0o777, owner: status.st_uid, group: status.st_gid)
        case S_IFCHR, S_IFIFO:
            return .device
        case S_IFLNK:
            let linked = linkText(path)
            var target = stat()
            guard stat(path, &target) == 0 else {
                throw Failure(message: "cannot write \(name): it is a symbolic link to \(linked), which leads to no file (\(FileReader.systemReason()))")
            }
            switch target.st_mode & S_IFMT {
            case S_IFCHR, S_IFIFO:
                return .device
            case S_IFREG:
                throw Failure(message: "cannot write \(name): it is a symbolic link to \(linked); links are not followed to files nor replaced: name the file itself")
            default:
                throw Failure(message: "cannot write \(name): it is a symbolic link to \(linked), and \(kindName(target.st_mode))")
            }
        default:
            throw Failure(message: "cannot write \(name): \(kindName(status.st_mode))")
        }
    }

    /// Why a file of this type is not written to.
    private static func kindName(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "it is a folder"
        case S_IFSOCK: "it is a socket"
        case S_IFBLK: "it is a block device, which is never written"
        default: "it is not a regular file"
        }
    }

    /// What a symbolic link says, as written in it.
    private static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Adds what `render` writes at the end of the regular file at `path`
    /// (absolute), created if absent: how GitHub Actions wants its step
    /// summary file written. A link is not followed, and nothing but a
    /// regular file is written to.
    static func append(to path: String, shownAs name: String, _ render: (inout ReportOutput) -> Void) throws(Failure) {
        let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(message: "cannot write \(name): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw Failure(message: "cannot write \(name): it is not a regular file")
        }
        let file = DescriptorWriter(descriptor)
        var stream = ReportOutput { chunk in chunk.withUnsafeBufferPointer { file.write($0) } }
        render(&stream)
        stream.flush()
        if let failure = file.failure { throw Failure(message: "cannot write \(name): \(failure)") }
    }

    /// Opens a device or named pipe without waiting and writes to it; there
    /// is no temporary file, so a failure may leave part of the text behind.
    private static func writeThrough(_ path: String, shownAs name: String, _ render: (inout ReportOutput) -> Void) throws(Failure) {
        // O_NONBLOCK: opening a named pipe for writing fails at once (ENXIO)
        // when nothing has it open for reading, instead of waiting forever.
        let descriptor = open(path, O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let reason = errno
            var status = stat()
            if reason == ENXIO, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFIFO {
                throw Failure(message: "cannot write \(name): it is a named pipe that nothing is reading; start the reader first")
            }
            throw Failure(message: "cannot write \(name): \(String(cString: strerror(reason)))")
        }
        defer { close(descriptor) }
        // What was opened is what was looked at: a file put there meanwhile
        // is neither written nor truncated.
        var status = stat()
        guard fstat(descriptor, &status) == 0, [S_IFCHR, S_IFIFO].contains(status.st_mode & S_IFMT) else {
            throw Failure(message: "cannot write \(name): it changed while it was being opened")
        }
        // Once open, writes wait for a slow reader like any pipe.
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
        let file = DescriptorWriter(descriptor)
        var stream = ReportOutput { chunk in chunk.withUnsafeBufferPointer { file.write($0) } }
        render(&stream)
        stream.flush()
        if let failure = file.failure {
            throw Failure(message: "cannot write \(name): \(failure)")
        }
    }

    /// A file a command reads besides the workspace's files and the
    /// baseline, by its absolute path: an output may not replace it either.
    struct OtherInput: Equatable, Sendable {
        enum Role: Equatable, Sendable {
            /// The data file a source names.
            case export
            /// The key `--redact` reads.
            case keyFile
        }

        let path: String
        let role: Role

        /// What the refusal calls it.
        var description: String {
            switch role {
            case .export: "an export being read"
            case .keyFile: "the key file being read"
            }
        }
    }

    /// Refuses an output path that would overwrite an input: one of the
    /// files read (by its path or, for another name of the same file, its
    /// device and inode), the baseline read, an export or the key file
    /// read, or any file named like a brand, charter or journey file.
    static func refusal(
        for path: String, shownAs name: String, inputs: [String], baseline: String? = nil, others: [OtherInput] = []
    ) -> String? {
        if FileKind(path: path) != nil {
            return "refusing to write a report to \(name): it is named like a brand, charter or journey file"
        }
        let place = Place(path)
        if let baseline, place.isSame(as: Place(baseline)) {
            return "refusing to write a report to \(name): it is the baseline being read"
        }
        if inputs.contains(where: { place.isSame(as: Place($0)) }) {
            return "refusing to write a report to \(name): it is one of the files being checked"
        }
        if let other = others.first(where: { place.isSame(as: Place($0.path)) }) {
            return "refusing to write a report to \(name): it is \(other.description)"
        }
        return nil
    }

    /// Whether two paths name one file: the same path once links in its
    /// folders are resolved, or the same existing file.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        Place(first).isSame(as: Place(second))
    }

    /// A path as compared with others: resolved, and its file's identity
    /// when it exists.
    private struct Place {
        let canonical: String
        let identity: (device: UInt64, inode: UInt64)?

        init(_ path: String) {
            canonical = Self.canonical(path)
            var status = stat()
            identity = stat(path, &status) == 0 ? (UInt64(status.st_dev), UInt64(status.st_ino)) : nil
        }

        func isSame(as other: Place) -> Bool {
            if canonical == other.canonical { return true }
            guard let identity, let otherIdentity = other.identity else { return false }
            return identity == otherIdentity
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
            if count == 0 {
                // Nothing written with bytes left: trying again could loop forever.
                failure = "the system wrote nothing"
                return
            }
            written += count
        }
    }
}
