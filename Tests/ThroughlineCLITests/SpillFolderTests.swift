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

    /// More pieces than one `writev` takes (64), every third empty: the
    /// partition holds them joined in order, and a second append follows on.
    @Test("Appending more pieces than one write takes, some empty, keeps every byte in order")
    func manyPiecesAppendInOrder() throws {
        let names = TemporaryNames()
        let folder = NSTemporaryDirectory() + "throughline-spill-test-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        let spill = FileSpill(folder: folder, names: names)
        defer { spill.close() }
        // 130 pieces: three writes of 64, 64 and 2; pieces 0, 3, …, 129 (44 of them) empty, the others two bytes each.
        let pieces: [[UInt8]] = (0..<130).map { $0 % 3 == 0 ? [] : [UInt8($0), UInt8($0)] }
        try spill.append(contentsOf: pieces, toPartition: 2)
        let back = try spill.contents(ofPartition: 2, reservingCapacity: 0)
        #expect(back.count == 172)
        #expect(Array(back.prefix(8)) == [1, 1, 2, 2, 4, 4, 5, 5])
        // The first write ends with pieces 62 and 63 (empty), the second starts with 64.
        #expect(Array(back[82..<86]) == [62, 62, 64, 64])
        // The third write starts with piece 128; 129 is empty.
        #expect(Array(back.suffix(4)) == [127, 127, 128, 128])
        #expect(back == pieces.flatMap { $0 })
        // A second append goes after the first, one piece or many.
        try spill.append(Array("xyz".utf8), toPartition: 2)
        try spill.append(contentsOf: [[], Array("ab".utf8), [], Array("c".utf8)], toPartition: 2)
        let again = try spill.contents(ofPartition: 2, reservingCapacity: 0)
        #expect(again.count == 178)
        #expect(again == pieces.flatMap { $0 } + Array("xyzabc".utf8))
        // Only empty pieces, more than one write takes: nothing is written.
        try spill.append(contentsOf: Array(repeating: [], count: 70), toPartition: 5)
        #expect(try spill.contents(ofPartition: 5, reservingCapacity: 0) == [])
        #expect(try spill.contents(ofPartition: 2, reservingCapacity: 0) == again)
    }
}
