// Rewrites the generated lists of marker kinds from the rule files:
//
//     swift run generate-marker-kinds
//
// Run from the package folder after adding or renaming a rule file; a test
// fails while the generated files are out of date.

import Foundation
import MarkerKindGenerator

let rules = "Sources/JourneyModel/Charter/Rules"
let modelOutput = "Sources/JourneyModel/Charter/MarkerKinds+Generated.swift"
let checkerOutput = "Sources/CharterChecker/Markers/MarkerFinding+Generated.swift"

do {
    let manager = FileManager.default
    var files: [String: String] = [:]
    for name in try manager.contentsOfDirectory(atPath: rules) where name.hasSuffix(".swift") {
        files[name] = try String(contentsOfFile: rules + "/" + name, encoding: .utf8)
    }
    let kinds = try MarkerKindGenerator.kinds(in: files)
    try MarkerKindGenerator.modelSource(for: kinds).write(toFile: modelOutput, atomically: true, encoding: .utf8)
    try MarkerKindGenerator.checkerSource(for: kinds).write(toFile: checkerOutput, atomically: true, encoding: .utf8)
    print("wrote \(modelOutput) and \(checkerOutput): \(kinds.map(\.name).joined(separator: ", "))")
} catch {
    FileHandle.standardError.write(Data("generate-marker-kinds: \(error)\n".utf8))
    exit(1)
}
