import Foundation
import JourneyLoader

/// Writing a generated workspace to disk and reading one back, outside
/// every timing.
enum FolderIO {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static func write(_ files: [SourceFile], to folder: String) throws(Failure) {
        let manager = FileManager.default
        for file in files {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            } catch {
                throw Failure(description: "cannot write \(url.path): \(error.localizedDescription)")
            }
        }
    }

    /// Every `*.jsonc` file under `folder`, with paths relative to it, in path order.
    static func read(_ folder: String) throws(Failure) -> [SourceFile] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else {
            throw Failure(description: "cannot list \(folder)")
        }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "jsonc" {
            let path = url.standardizedFileURL.path
            paths.append(path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path)
        }
        guard !paths.isEmpty else { throw Failure(description: "no *.jsonc file under \(folder)") }
        return try read(paths, in: folder)
    }

    /// The files at `paths`, relative to `folder`, in path order.
    static func read(_ paths: [String], in folder: String) throws(Failure) -> [SourceFile] {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        var files: [SourceFile] = []
        for relative in paths.sorted() {
            let path = root.appendingPathComponent(relative).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "cannot read \(path)")
            }
            files.append(SourceFile(path: relative, bytes: [UInt8](data)))
        }
        return files
    }

    /// A file written a chunk at a time, for a journey too long to hold.
    struct StreamedFile {
        private let handle: FileHandle
        private let path: String

        /// Creates (or empties) the file at `relative` under `folder`, and its folders.
        init(_ relative: String, in folder: String) throws(Failure) {
            let url = URL(fileURLWithPath: folder).appendingPathComponent(relative)
            path = url.path
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw Failure(description: "cannot create \(url.deletingLastPathComponent().path): \(error.localizedDescription)")
            }
            guard FileManager.default.createFile(atPath: path, contents: nil),
                  let handle = FileHandle(forWritingAtPath: path) else {
                throw Failure(description: "cannot write \(path)")
            }
            self.handle = handle
        }

        func write(_ text: String) throws(Failure) {
            do {
                try handle.write(contentsOf: Data(text.utf8))
            } catch {
                throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
            }
        }

        func close() throws(Failure) {
            do {
                try handle.close()
            } catch {
                throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
            }
        }
    }
}
