import Foundation
import JourneyLoader
import JourneyModel

/// Finds and reads the files a run checks.
///
/// Folders are walked for `*.brand.jsonc`, `*.charter.jsonc` and
/// `*.journey.jsonc`, skipping hidden entries. A file named on the command
/// line is read whatever its name. A symbolic link that leads outside the
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
        var visitedFolders = Set<String>()
        var seenFiles = Set<String>()
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
        let outcomes = await withTaskGroup(of: (Int, ReadOutcome).self) { group in
            for (index, entry) in entries.enumerated() {
                group.addTask {
                    do throws(FileReader.Failure) {
                        return (index, .read(SourceFile(path: entry.displayPath, bytes: try FileReader.read(entry.fileSystemPath))))
                    } catch {
                        let location = SourceLocation(file: entry.displayPath, position: .startOfFile)
                        return (index, .failed(Diagnostic(.unreadableFile, at: location, "cannot read \(entry.displayPath): \(error.reason)")))
                    }
                }
            }
            var outcomes = [ReadOutcome?](repeating: nil, count: entries.count)
            for await (index, outcome) in group { outcomes[index] = outcome }
            return outcomes.compactMap { $0 }
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

    private func walk(folder: String, roots: [String], visited: inout Set<String>, seen: inout Set<String>, into discovery: inout Discovery) {
        guard let real = canonicalPath(absolute(folder)), visited.insert(real).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: absolute(folder)).sorted()
        } catch {
            let location = SourceLocation(file: folder, position: .startOfFile)
            discovery.diagnostics.append(Diagnostic(.unreadableFile, at: location, "cannot list the folder \(folder): \(FileReader.systemReason())"))
            return
        }
        for name in names where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            var status = stat()
            guard lstat(absolute(path), &status) == 0 else { continue }
            var kind = status.st_mode & S_IFMT
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
            }
            if kind == S_IFDIR {
                walk(folder: path, roots: roots, visited: &visited, seen: &seen, into: &discovery)
            } else if kind == S_IFREG, FileKind(path: name) != nil {
                add(Entry(displayPath: path, fileSystemPath: absolute(path)), seen: &seen, into: &discovery)
            }
        }
    }

    private func add(_ entry: Entry, seen: inout Set<String>, into discovery: inout Discovery) {
        let identity = canonicalPath(entry.fileSystemPath) ?? entry.fileSystemPath
        if seen.insert(identity).inserted { discovery.entries.append(entry) }
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
