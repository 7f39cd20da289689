import Foundation
import JSONWriter

/// The next version of a regular file, written where no reader looks, then
/// flushed to disk and renamed over the target in one step.
///
/// On Linux it is an unnamed file (`O_TMPFILE`) in the target's folder: it
/// gets a name only once complete (`linkat` through `/proc/self/fd`, then
/// `rename`), so a run that fails, or is ended by any signal, even SIGKILL,
/// leaves nothing. Where that is not possible (another system, a file
/// system without `O_TMPFILE`, no `/proc`), it is a hidden
/// `.throughline-<16 hex digits>.tmp` that a failing run removes and that
/// ``Interruption`` removes on SIGINT, SIGTERM and SIGHUP. Either name has
/// a fixed length, so a target name of up to 255 bytes works.
struct TemporaryFile {
    enum Kind: Sendable {
        /// Unnamed where the system and the file system allow, else named.
        case unnamedWherePossible
        /// Always a named temporary file.
        case named
    }

    /// What a replaced file passes on to its next version.
    struct Kept: Sendable {
        let permissions: mode_t
        let owner: uid_t
        let group: gid_t
    }

    private let descriptor: Int32
    private let folder: String
    /// The temporary name; nil while the file has none.
    private let path: String?

    /// Writes what `render` produces in place of `target` (absolute).
    static func replace(
        _ target: String, shownAs name: String, keeping kept: Kept?, kind: Kind,
        _ render: (inout ReportOutput) -> Void
    ) throws(OutputFile.Failure) {
        let folder = (target as NSString).deletingLastPathComponent
        let file = try create(in: folder, kind: kind, shownAs: name)
        var failure = kept.flatMap(file.pass)
        if failure == nil {
            let writer = DescriptorWriter(file.descriptor)
            var stream = ReportOutput { chunk in chunk.withUnsafeBufferPointer { writer.write($0) } }
            render(&stream)
            stream.flush()
            failure = writer.failure
        }
        if failure == nil, fsync(file.descriptor) != 0 { failure = FileReader.systemReason() }
        if failure == nil { failure = file.putInPlace(at: target) }
        file.close(removing: failure != nil)
        if let failure {
            throw OutputFile.Failure(message: "cannot write \(name): \(failure)")
        }
        file.flushFolder()
    }

    private static func create(in folder: String, kind: Kind, shownAs name: String) throws(OutputFile.Failure) -> TemporaryFile {
        #if os(Linux)
        if kind == .unnamedWherePossible, let descriptor = try openUnnamed(in: folder, shownAs: name) {
            return TemporaryFile(descriptor: descriptor, folder: folder, path: nil)
        }
        #endif
        // Named and recorded under the lock the signal clean-up takes: a
        // signal never comes between creating the file and recording it.
        return try TemporaryNames.shared.withLock { recorded throws(OutputFile.Failure) in
            for _ in 0..<8 {
                let candidate = folder + "/" + randomName()
                let descriptor = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                if descriptor >= 0 {
                    recorded.insert(candidate)
                    return TemporaryFile(descriptor: descriptor, folder: folder, path: candidate)
                }
                if errno != EEXIST { throw OutputFile.Failure(message: "cannot write \(name): \(FileReader.systemReason())") }
            }
            throw OutputFile.Failure(message: "cannot write \(name): no free temporary name in its folder")
        }
    }

    #if os(Linux)
    /// An unnamed file in `folder`, or nil where the system cannot make
    /// one or could not name it later.
    private static func openUnnamed(in folder: String, shownAs name: String) throws(OutputFile.Failure) -> Int32? {
        // glibc spells O_TMPFILE as __O_TMPFILE | O_DIRECTORY; Swift sees only the parts.
        let descriptor = open(folder, __O_TMPFILE | O_DIRECTORY | O_WRONLY | O_CLOEXEC, 0o644)
        if descriptor >= 0 {
            // The name is given through the descriptor's entry in /proc;
            // without one (no /proc, or a masked one) it could never be named.
            if access(descriptorPath(descriptor), F_OK) == 0 { return descriptor }
            Foundation.close(descriptor)
            return nil
        }
        switch errno {
        // The file system (EOPNOTSUPP), or a kernel older than O_TMPFILE
        // (EISDIR, EINVAL), cannot: a named file will do.
        case EOPNOTSUPP, EISDIR, EINVAL: return nil
        default: throw OutputFile.Failure(message: "cannot write \(name): \(FileReader.systemReason())")
        }
    }

    /// The descriptor's entry in /proc, a link to the file even without a name.
    private static func descriptorPath(_ descriptor: Int32) -> String {
        "/proc/self/fd/\(descriptor)"
    }
    #endif

    /// `.throughline-` and 16 hexadecimal digits: 33 bytes whatever the target's name.
    private static func randomName() -> String {
        let digits = String(UInt64.random(in: 0...UInt64.max), radix: 16)
        return ".throughline-" + String(repeating: "0", count: 16 - digits.count) + digits + ".tmp"
    }

    /// Gives the file the replaced file's owner (where allowed: root, or a
    /// group of the user's) and permission bits; the reason it failed, if so.
    private func pass(_ kept: Kept) -> String? {
        if kept.owner != geteuid() || kept.group != getegid() {
            _ = fchown(descriptor, kept.owner, kept.group)
        }
        return fchmod(descriptor, kept.permissions) == 0 ? nil : FileReader.systemReason()
    }

    /// Names the file if it has no name, then renames it over `target`; the
    /// reason it failed, if so. Both steps happen under the lock the signal
    /// clean-up takes, so an interruption comes before or after them, never
    /// between: the temporary name is gone either way.
    private func putInPlace(at target: String) -> String? {
        do {
            try TemporaryNames.shared.withLock { recorded throws(OutputFile.Failure) in
                let named: String
                if let path { named = path } else { named = try giveName(recorded: &recorded) }
                defer { recorded.remove(named) }
                if rename(named, target) != 0 {
                    let reason = FileReader.systemReason()
                    unlink(named)
                    throw OutputFile.Failure(message: reason)
                }
            }
            return nil
        } catch {
            return error.message
        }
    }

    /// Links the unnamed file into its folder under a temporary name.
    private func giveName(recorded: inout Set<String>) throws(OutputFile.Failure) -> String {
        #if os(Linux)
        for _ in 0..<8 {
            let candidate = folder + "/" + Self.randomName()
            if linkat(AT_FDCWD, Self.descriptorPath(descriptor), AT_FDCWD, candidate, AT_SYMLINK_FOLLOW) == 0 {
                recorded.insert(candidate)
                return candidate
            }
            if errno != EEXIST { throw OutputFile.Failure(message: FileReader.systemReason()) }
        }
        #endif
        throw OutputFile.Failure(message: "no free temporary name in its folder")
    }

    /// Closes the file; a named one that did not become the target is removed.
    private func close(removing: Bool) {
        Foundation.close(descriptor)
        guard removing, let path else { return }
        _ = try? TemporaryNames.shared.withLock { recorded throws(OutputFile.Failure) in
            unlink(path)
            recorded.remove(path)
        }
    }

    /// Makes the rename itself durable; a folder that cannot be flushed
    /// still holds the complete file.
    private func flushFolder() {
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folderDescriptor >= 0 else { return }
        fsync(folderDescriptor)
        Foundation.close(folderDescriptor)
    }
}

/// The named temporary files in existence, under the lock that both the
/// writer and the signal clean-up (``Interruption``) take: naming a file
/// and recording it, or renaming it and forgetting it, is one step for the
/// other side.
final class TemporaryNames: @unchecked Sendable {
    static let shared = TemporaryNames()

    private let lock = NSLock()
    private var paths: Set<String> = []
    /// Folders made for temporary files (a replay's spill), removed after
    /// the files in them, so an interruption leaves no empty folder behind.
    private var folders: Set<String> = []

    /// Runs `body` under the lock with the set of recorded paths.
    func withLock<Result>(_ body: (inout Set<String>) throws(OutputFile.Failure) -> Result) throws(OutputFile.Failure) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&paths)
    }

    /// Removes every recorded file and ends the process; the lock is never
    /// given back, so no writer renames a file afterwards.
    func removeAllThenExit(status: Int32) -> Never {
        lock.lock()
        removeRecorded()
        _exit(status)
    }

    /// Records a folder to remove on an interruption, or forgets it once removed.
    func recordFolder(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.insert(folder)
    }

    func forgetFolder(_ folder: String) {
        lock.lock()
        defer { lock.unlock() }
        folders.remove(folder)
    }

    /// Whether `folder` is recorded.
    func records(folder: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return folders.contains(folder)
    }

    /// What an interruption does, without ending the process: every
    /// recorded file and folder removed and forgotten.
    func removeAll() {
        lock.lock()
        defer { lock.unlock() }
        removeRecorded()
        paths = []
        folders = []
    }

    /// The files first, then their folders (`rmdir` removes only empty ones). The lock is held.
    private func removeRecorded() {
        for path in paths { unlink(path) }
        for folder in folders { rmdir(folder) }
    }
}
