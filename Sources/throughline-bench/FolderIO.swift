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
        var files: [SourceFile] = []
        for case let url as URL in enumerator where url.pathExtension == "jsonc" {
            let path = url.standardizedFileURL.path
            let relative = path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw Failure(description: "cannot read \(path)")
            }
            files.append(SourceFile(path: relative, bytes: [UInt8](data)))
        }
        guard !files.isEmpty else { throw Failure(description: "no *.jsonc file under \(folder)") }
        return files.sorted { $0.path < $1.path }
    }
}
