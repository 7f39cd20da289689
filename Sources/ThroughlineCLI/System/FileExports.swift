import Foundation
import JourneyLoader
import JourneyModel
import LivedCases

/// Exports read from the file system, each confined to the workspace of
/// the sources that name it (see ``DataPath``): a path that leads out of
/// that folder (through `..` or a symbolic link) is refused, whichever
/// folder the run starts in. Partitions that do not fit in memory go to a
/// folder of their own under the system's temporary folder, never next to
/// the exports, and are removed when the replay closes the store (on an
/// interruption, with the other temporary files, then the folder).
struct FileExports: ExportAccess {
    let workingDirectory: String
    /// Each data path's workspace folders, as the sources naming it find
    /// them: the file must be inside every one.
    let workspaces: [String: Set<String>]

    init(workingDirectory: String, sources: [ObservationSource] = []) {
        self.workingDirectory = workingDirectory
        var workspaces: [String: Set<String>] = [:]
        for source in sources { workspaces[source.dataPath, default: []].insert(DataPath.workspaceFolder(of: source.file)) }
        self.workspaces = workspaces
    }

    func read(_ path: String, chunkSize: Int, _ body: ([UInt8]) -> Bool) throws(ExportAccessError) {
        // A path no source names is confined to its own folder.
        let folders = workspaces[path] ?? [(path as NSString).deletingLastPathComponent]
        guard let resolved = Self.canonical(absolute(path)) else { throw ExportAccessError(.unreadable, FileReader.systemReason()) }
        for folder in folders {
            guard let root = Self.canonical(absolute(folder.isEmpty ? "." : folder)) else {
                throw ExportAccessError(.unreadable, "its workspace folder \(folder) cannot be resolved")
            }
            guard resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") else {
                throw ExportAccessError(.outsideWorkspace, "it leads outside the workspace, to \(resolved)")
            }
        }
        let descriptor = open(resolved, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { throw ExportAccessError(.unreadable, FileReader.systemReason()) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw ExportAccessError(.unreadable, FileReader.systemReason()) }
        guard (status.st_mode & S_IFMT) == S_IFREG else {
            throw ExportAccessError(.unreadable, (status.st_mode & S_IFMT) == S_IFDIR ? "it is a folder, not a file" : "it is not a regular file")
        }
        var chunk = [UInt8](repeating: 0, count: max(1, chunkSize))
        while true {
            let count = chunk.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ExportAccessError(.unreadable, FileReader.systemReason())
            }
            if count == 0 { return }
            guard body(count == chunk.count ? chunk : Array(chunk[..<count])) else { return }
        }
    }

    /// A path from the folder the run starts in, as the exports' paths are.
    private func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    func makeSpill() throws(ExportAccessError) -> any SpillStore {
        let base = (ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp")
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("throughline-spill-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) } }
        guard let folder = made else {
            throw ExportAccessError(.spill, "cannot make a temporary folder: \(FileReader.systemReason())")
        }
        return FileSpill(folder: folder)
    }

    private static func canonical(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}

/// Partition files in one temporary folder.
final class FileSpill: SpillStore, @unchecked Sendable {
    private let folder: String
    private let lock = NSLock()
    private var written: Set<Int> = []
    private var closed = false

    private let names: TemporaryNames

    init(folder: String, names: TemporaryNames = .shared) {
        self.folder = folder
        self.names = names
        names.recordFolder(folder)
    }

    /// The folder the partitions are in.
    var folderPath: String? { folder }

    private func path(_ partition: Int) -> String { "\(folder)/partition-\(partition)" }

    func append(_ bytes: [UInt8], toPartition partition: Int) throws(ExportAccessError) {
        try append(contentsOf: [bytes], toPartition: partition)
    }

    /// Writes the pieces with `writev`, a few dozen at a time: one call
    /// for many parts' records, none of them copied into one buffer first.
    func append(contentsOf pieces: [[UInt8]], toPartition partition: Int) throws(ExportAccessError) {
        let path = path(partition)
        lock.lock()
        let isNew = written.insert(partition).inserted
        lock.unlock()
        if isNew { _ = try? names.withLock { $0.insert(path) } }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ExportAccessError(.spill, "cannot write \(path): \(FileReader.systemReason())") }
        defer { Foundation.close(descriptor) }
        var start = pieces.startIndex
        while start < pieces.endIndex {
            let end = min(pieces.endIndex, start + Self.piecesPerWrite)
            var vectors: [iovec] = []
            vectors.reserveCapacity(end - start)
            let failed = Self.withVectors(pieces[start..<end], &vectors) { vectors in Self.writeAll(descriptor, &vectors) }
            if failed { throw ExportAccessError(.spill, "cannot write \(path): \(FileReader.systemReason())") }
            start = end
        }
    }

    /// How many pieces one `writev` takes at most: well under `IOV_MAX`,
    /// and the depth of ``withVectors(_:_:_:)``'s nesting.
    private static let piecesPerWrite = 64

    /// Calls `body` with a vector for each piece, each valid while `body` runs:
    /// the pieces' storage is lent one inside the other, so that no pointer
    /// outlives its array's lending.
    private static func withVectors(_ pieces: ArraySlice<[UInt8]>, _ vectors: inout [iovec], _ body: (inout [iovec]) -> Bool) -> Bool {
        guard let first = pieces.first else { return body(&vectors) }
        return first.withUnsafeBytes { raw in
            if let base = raw.baseAddress, raw.count > 0 {
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: raw.count))
            }
            return withVectors(pieces.dropFirst(), &vectors, body)
        }
    }

    /// Writes everything the vectors point to, resuming after short writes;
    /// true when the writing fails.
    private static func writeAll(_ descriptor: Int32, _ vectors: inout [iovec]) -> Bool {
        var first = 0
        while first < vectors.count {
            let count = vectors.withUnsafeBufferPointer { buffer in
                writev(descriptor, buffer.baseAddress.map { $0 + first }, Int32(buffer.count - first))
            }
            if count < 0 {
                if errno == EINTR { continue }
                return true
            }
            if count == 0 {
                // Nothing written with bytes left: trying again could loop forever.
                errno = EIO
                return true
            }
            var left = count
            while first < vectors.count, left >= vectors[first].iov_len {
                left -= vectors[first].iov_len
                first += 1
            }
            if left > 0, first < vectors.count {
                vectors[first].iov_base = vectors[first].iov_base.map { $0 + left }
                vectors[first].iov_len -= left
            }
        }
        return false
    }

    func contents(ofPartition partition: Int, reservingCapacity extra: Int) throws(ExportAccessError) -> [UInt8] {
        lock.lock()
        let exists = written.contains(partition)
        lock.unlock()
        guard exists else { return [] }
        do throws(FileReader.Failure) {
            return try FileReader.read(path(partition), reservingCapacity: extra)
        } catch {
            throw ExportAccessError(.spill, "cannot read back \(path(partition)): \(error.reason)")
        }
    }

    func close() {
        lock.lock()
        defer { lock.unlock() }
        guard !closed else { return }
        closed = true
        for partition in written {
            let path = path(partition)
            unlink(path)
            _ = try? names.withLock { $0.remove(path) }
        }
        rmdir(folder)
        names.forgetFolder(folder)
    }
}
