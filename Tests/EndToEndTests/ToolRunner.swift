import Foundation

/// Runs the built `throughline` executable as a user would, from a given
/// folder, and collects what it prints and its exit code.
struct ToolRunner {
    struct Outcome {
        var status: Int32
        var output: String
        var error: String
    }

    /// The repository root, where the bundled Brands/ and Journeys/ are.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// SwiftPM puts the test bundle beside the products it built.
    static var executable: URL {
        var folder = Bundle.main.bundleURL
        if folder.pathExtension == "xctest" { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("throughline")
    }

    static func run(
        _ arguments: [String],
        in folder: URL = repositoryRoot,
        environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "NO_COLOR")
        // Run in GitHub Actions, each run would add its summary to the job's.
        variables.removeValue(forKey: "GITHUB_STEP_SUMMARY")
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, so a large report cannot fill the pipe and stall the run.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self)
        )
    }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("throughline-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A fresh temporary folder with the bundled brands and journeys and, in
    /// `Observations/<brand>`, the given files (repository paths), each under
    /// its own name; removed by the caller.
    static func planFolder(brand: String, files: [String]) throws -> URL {
        let folder = try temporaryFolder()
        for name in ["Brands", "Journeys"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let observations = folder.appendingPathComponent("Observations/\(brand)")
        try FileManager.default.createDirectory(at: observations, withIntermediateDirectories: true)
        for file in files {
            let source = repositoryRoot.appendingPathComponent(file)
            try FileManager.default.copyItem(at: source, to: observations.appendingPathComponent(source.lastPathComponent))
        }
        return folder
    }
}

/// Compares a report with its reviewed golden file in `Golden/`. Run with
/// `THROUGHLINE_UPDATE_GOLDEN=1` to rewrite the files after a deliberate
/// change, then review the diff before committing it.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func matches(_ text: String, file name: String) throws -> Bool {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["THROUGHLINE_UPDATE_GOLDEN"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return try String(contentsOf: url, encoding: .utf8) == text
    }
}
