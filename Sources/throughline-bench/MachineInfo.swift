import Foundation

/// Core count, for sizing task groups.
enum ProcessInfoCores {
    static var count: Int { ProcessInfo.processInfo.activeProcessorCount }
}

/// The machine a table was measured on, for the line above it.
struct MachineInfo: Sendable {
    let cpu: String
    let cores: Int
    let memoryGB: Double
    let swiftVersion: String
    let kernel: String

    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let meminfo = (try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) ?? ""
        let totalKB = meminfo.split(separator: "\n").first { $0.hasPrefix("MemTotal") }
            .flatMap { $0.split(separator: " ").dropFirst().first }.flatMap { Double($0) } ?? 0
        let kernel = ((try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8)) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return MachineInfo(
            cpu: model, cores: ProcessInfo.processInfo.activeProcessorCount, memoryGB: totalKB / 1_048_576,
            swiftVersion: swiftVersion(), kernel: kernel
        )
    }

    /// `swift --version` of the toolchain on PATH (or /opt/swift), else the
    /// compiler this binary was built with.
    private static func swiftVersion() -> String {
        for path in ["/opt/swift/usr/bin/swift", "/usr/bin/swift"] where FileManager.default.isExecutableFile(atPath: path) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = ["--version"]
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = Pipe()
            do {
                try process.run()
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                process.waitUntilExit()
                let text = String(decoding: data, as: UTF8.self)
                if let line = text.split(separator: "\n").first(where: { $0.contains("Swift version") }),
                   let range = line.range(of: "Swift version ") {
                    return String(line[range.upperBound...].prefix { $0 != " " })
                }
            } catch {
                continue
            }
        }
        #if compiler(>=6.3)
        return "6.3 or later"
        #else
        return "before 6.3"
        #endif
    }

    var summary: String {
        "\(cpu), \(cores) cores, \(String(format: "%.0f", memoryGB)) GB RAM, Linux \(kernel), Swift \(swiftVersion) (release build)"
    }
}
