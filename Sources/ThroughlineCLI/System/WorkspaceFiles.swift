import Foundation
import JourneyLoader
import JourneyModel
import OrderedTasks

/// Finds and reads the files a run checks.
///
/// Folders are walked for `*.brand.jsonc`, `*.charter.jsonc` and
/// `*.journey.jsonc`, skipping hidden entries; a file that looks like one
/// but is named otherwise (`x.journey.json`, `x.JOURNEY.JSONC`) is reported
/// rather than skipped in silence. A file named on the command line is read
/// whatever its name. A symbolic link that leads outside the
/// given folders is reported and not followed: a pull request cannot make
/// the tool read `/etc/passwd` by adding a link.
struct WorkspaceFiles {
    let workingDirectory: String

    /// A file to read: the path to show, and the path to open.
    struct Entry: Hashable, Sendable {
        let displayPath: String
        let fileSystemPath: String
    }

    struct Discovery: Sendable {
        var entries: [Entry] = []
        var diagnostics: [Diagnostic] = []
    }

    /// The files under `paths`, each once, in path order.
    func discover(_ paths: [String]) -> Discovery {
        var discovery = Discovery()
        let roots = paths.compactMap { canonicalPath(absolute($0)) }
        // By bytes: two names that are the same letters encoded differently
        // are two folders or files, which the loader reports (`String` would
        // equate them, and skip the second in silence).
        var visitedFolders = Set<[UInt8]>()
        var seenFiles = Set<[UInt8]>()
        for path in paths {
            let location = SourceLocation(file: path, position: .startOfFile)
            var status = stat()
            guard stat(absolute(path), &status) == 0 else {
                discovery.diagnostics.append(Diagnostic(.unreadableFile, at: location, "cannot read \(path): \(FileReader.systemReason())"))
                continue
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                walk(folder: path, roots: roots, visited: &visitedFolders, seen: &seenFiles, into: &discovery)
            } else {
                add(Entry(displayPath: path, fileSystemPath: absolute(path)), seen: &seenFiles, into: &discovery)
            }
        }
        discovery.entries.sort { $0.displayPath < $1.displayPath }
        return discovery
    }

    /// Reads every entry in parallel; a file that cannot be read becomes a
    /// located diagnostic and the others are still read.
    private enum ReadOutcome: Sendable {
        case read(SourceFile)
        case failed(Diagnostic)
    }

    func read(_ entries: [Entry]) async -> (files: [SourceFile], diagnostics: [Diagnostic]) {
        let outcomes = await OrderedTasks.map(entries) { entry -> ReadOutcome in
            do throws(FileReader.Failure) {
                return .read(SourceFile(path: entry.displayPath, bytes: try FileReader.read(entry.fileSystemPath)))
            } catch {
                let location = SourceLocation(file: entry.displayPath, position: .startOfFile)
                return .failed(Diagnostic(.unreadableFile, at: location, "cannot read \(entry.displayPath): \(error.reason)"))
            }
        }
        var files: [SourceFile] = []
        var diagnostics: [Diagnostic] = []
        for outcome in outcomes {
            switch outcome {
            case .read(let file): files.append(file)
            case .failed(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        return (files, diagnostics)
    }

    // MARK: Walking

    /// Walks `folder` and the folders under it, with an explicit list of
    /// folders still to list rather than recursion (a pull request can nest
    /// folders as deep as paths go).
    ///
    /// Each folder's canonical path is its parent's plus its name, unless it
    /// is reached through a link: `realpath` is called for links only, which
    /// keeps deep trees linear (calling it at every level costs the depth
    /// each time, in system calls that themselves walk the whole path).
    private func walk(folder top: String, roots: [String], visited: inout Set<[UInt8]>, seen: inout Set<[UInt8]>, into discovery: inout Discovery) {
        guard let topReal = canonicalPath(absolute(top)) else { return }
        var pending = [(folder: top, real: topReal)]
        while let (folder, real) = pending.popLast() {
            guard visited.insert(Array(real.utf8)).inserted else { continue }
            let names: [[UInt8]]
            switch Self.list(absolute(folder)) {
            case .success(let listed): names = listed
            case .failure(let failure):
                let location = SourceLocation(file: folder, position: .startOfFile)
                discovery.diagnostics.append(Diagnostic(.unreadableFile, at: location, "cannot list the folder \(folder): \(failure.reason)"))
                continue
            }
            var folders: [(folder: String, real: String)] = []
            for rawName in names where rawName.first != UInt8(ascii: ".") {
                guard let name = String(validating: rawName, as: UTF8.self) else {
                    reportInvalidName(rawName, in: folder, into: &discovery)
                    continue
                }
                let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
                var status = stat()
                guard lstat(absolute(path), &status) == 0 else { continue }
                var kind = status.st_mode & S_IFMT
                var realPath = real.hasSuffix("/") ? real + name : real + "/" + name
                if kind == S_IFLNK {
                    guard let target = canonicalPath(absolute(path)), isInside(target, roots: roots) else {
                        if FileKind(path: path) != nil || isFolder(absolute(path)) {
                            discovery.diagnostics.append(Diagnostic(
                                .linkOutsideWorkspace, at: SourceLocation(file: path, position: .startOfFile),
                                "\(path) is a symbolic link that leads outside the folders being checked (or nowhere); it is not followed"
                            ))
                        }
                        continue
                    }
                    guard stat(absolute(path), &status) == 0 else { continue }
                    kind = status.st_mode & S_IFMT
                    realPath = target
                }
                if kind == S_IFDIR {
                    folders.append((path, realPath))
                } else if kind == S_IFREG, FileKind(path: name) != nil {
                    add(Entry(displayPath: path, fileSystemPath: absolute(path)), identity: realPath, seen: &seen, into: &discovery)
                } else if kind == S_IFREG, let (lookalike, rename) = Self.misnamed(name) {
                    discovery.diagnostics.append(Diagnostic(
                        .misnamedFile, at: SourceLocation(file: path, position: .startOfFile),
                        "\(name) looks like a \(lookalike.rawValue) file but is not read: name it *\(lookalike.suffix)\(rename.map { " (\($0))" } ?? "")"
                    ))
                }
            }
            // Listed in name order, so taken from the end in reverse.
            pending += folders.reversed()
        }
    }

    /// A name that is not UTF-8 cannot be shown or opened through a `String`
    /// path: say so, rather than skip the file in silence, when it is named
    /// like an input or is a folder that may hold some.
    private func reportInvalidName(_ rawName: [UInt8], in folder: String, into discovery: inout Discovery) {
        let shown = String(decoding: rawName, as: UTF8.self)
        let isInput = FileKind.allCases.contains { kind in
            let suffix = Array(kind.suffix.utf8)
            return rawName.count >= suffix.count && rawName.suffix(suffix.count).elementsEqual(suffix)
        }
        var status = stat()
        let fullPath = Array(absolute(folder).utf8) + [UInt8(ascii: "/")] + rawName + [0]
        let isFolder = fullPath.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { path in path.baseAddress.map { lstat($0, &status) == 0 } ?? false }
        } && (status.st_mode & S_IFMT) == S_IFDIR
        guard isInput || isFolder else { return }
        let path = folder.hasSuffix("/") ? folder + shown : folder + "/" + shown
        discovery.diagnostics.append(Diagnostic(
            .unreadableFile, at: SourceLocation(file: path, position: .startOfFile),
            "cannot read \(path): its name is not valid UTF-8 (shown here with U+FFFD); rename the \(isFolder ? "folder" : "file")"
        ))
    }

    /// The names in a folder, as bytes, in byte order.
    private static func list(_ path: String) -> Result<[[UInt8]], FileReader.Failure> {
        guard let directory = opendir(path) else { return .failure(FileReader.Failure(reason: FileReader.systemReason())) }
        defer { closedir(directory) }
        var names: [[UInt8]] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                if errno != 0 { return .failure(FileReader.Failure(reason: FileReader.systemReason())) }
                break
            }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { buffer in
                Array(buffer.prefix { $0 != 0 })
            }
            if name != [UInt8(ascii: ".")] && name != [UInt8(ascii: "."), UInt8(ascii: ".")] { names.append(name) }
        }
        return .success(names.sorted { $0.lexicographicallyPrecedes($1) })
    }

    private func add(_ entry: Entry, identity: String? = nil, seen: inout Set<[UInt8]>, into discovery: inout Discovery) {
        let identity = identity ?? canonicalPath(entry.fileSystemPath) ?? entry.fileSystemPath
        if seen.insert(Array(identity.utf8)).inserted { discovery.entries.append(entry) }
    }

    /// The kind a file name is close to without being named like it, and
    /// the name it should have: `x.journey.json`, `x.Journey.JSONC` and
    /// `x.journeys.jsonc` are all `x.journey.jsonc`; a bare `journey.json`
    /// gets no proposed name.
    static func misnamed(_ name: String) -> (FileKind, String?)? {
        guard FileKind(path: name) == nil else { return nil }
        // The ending is compared without regard to ASCII case; the stem is kept as written.
        let bytes = Array(name.utf8)
        let lowered = bytes.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        for fileExtension in [".jsonc", ".json"] {
            for kind in FileKind.allCases {
                for word in [kind.rawValue, kind.rawValue + "s"] {
                    let ending = Array((word + fileExtension).utf8)
                    guard lowered.count >= ending.count, lowered.suffix(ending.count).elementsEqual(ending) else { continue }
                    let stemEnd = bytes.count - ending.count
                    if stemEnd == 0 { return (kind, nil) }
                    guard stemEnd > 1, bytes[stemEnd - 1] == UInt8(ascii: ".") else { continue }
                    return (kind, String(decoding: bytes[..<(stemEnd - 1)], as: UTF8.self) + kind.suffix)
                }
            }
        }
        return nil
    }

    private func isInside(_ path: String, roots: [String]) -> Bool {
        roots.contains { path == $0 || path.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// Whether `path` (relative to the working folder, or absolute) is a folder, following links.
    func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(absolute(path), &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : workingDirectory + "/" + path
    }

    /// The absolute path with every link resolved, or nil when it leads nowhere.
    private func canonicalPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
