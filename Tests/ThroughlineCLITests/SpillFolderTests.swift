import Foundation
import Testing

@testable import ThroughlineCLI

/// The folder a replay spills partitions to: under the temporary folder,
/// removed with its files when the replay closes it, and also when an
/// interruption removes every temporary file.
@Suite("Spill folders")
struct SpillFolderTests {
    static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }

    @Test("Closing a spill removes its files and its folder")
    func closeRemovesFolder() throws {
        let names = TemporaryNames()
        let folder = NSTemporaryDirectory() + "throughline-spill-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let spill = FileSpill(folder: folder, names: names)
        #expect(names.records(folder: folder))
        try spill.append(Array("abc".utf8), toPartition: 3)
        try spill.append(Array("def".utf8), toPartition: 3)
        let back = try spill.contents(ofPartition: 3, reservingCapacity: 10)
        #expect(back == Array("abcdef".utf8))
        // Room for the part still in memory: appending it does not reallocate.
        #expect(back.capacity >= 16)
        #expect(try spill.contents(ofPartition: 4, reservingCapacity: 0) == [])
        spill.close()
        #expect(!Self.exists(folder))
        #expect(!names.records(folder: folder))
    }

    @Test("An interruption removes the partition files, then the folder they were in")
    func interruptionRemovesFolder() throws {
        let names = TemporaryNames()
        let folder = NSTemporaryDirectory() + "throughline-spill-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let spill = FileSpill(folder: folder, names: names)
        try spill.append(Array(repeating: 7, count: 1_000), toPartition: 0)
        try spill.append(Array(repeating: 8, count: 1_000), toPartition: 63)
        #expect(Self.exists(folder + "/partition-63"))
        // What the signal handler does before it exits.
        names.removeAll()
        #expect(!Self.exists(folder + "/partition-0"))
        #expect(!Self.exists(folder + "/partition-63"))
        #expect(!Self.exists(folder))
    }

    @Test("FileExports makes its spill folder under TMPDIR and records it until closed")
    func exportsRecordFolder() throws {
        let spill = try #require(try FileExports(workingDirectory: NSTemporaryDirectory()).makeSpill() as? FileSpill)
        try spill.append([1, 2, 3], toPartition: 1)
        let folder = try #require(spill.folderPath)
        #expect(TemporaryNames.shared.records(folder: folder))
        #expect(Self.exists(folder))
        spill.close()
        #expect(!TemporaryNames.shared.records(folder: folder))
        #expect(!Self.exists(folder))
    }
}
