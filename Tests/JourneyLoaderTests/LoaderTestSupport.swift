import Foundation
import JourneyLoader
import JourneyModel
import Testing

// Swift Testing has types of the same names.
typealias SourceLocation = JourneyModel.SourceLocation
typealias Expectation = JourneyModel.Expectation

/// The files under `Fixtures/`, found beside this source file.
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Reads `Fixtures/<relative>` and names it `path` (by default, its path under `Fixtures/`).
    static func file(_ relative: String, as path: String? = nil) throws -> SourceFile {
        let text = try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
        return SourceFile(path: path ?? relative, text: text)
    }

    static func text(_ relative: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
    }
}

/// Loads files given as path → text.
func load(_ files: [(path: String, text: String)]) async -> LoadResult {
    await WorkspaceLoader.load(files.map { SourceFile(path: $0.path, text: $0.text) })
}

func load(_ files: (path: String, text: String)...) async -> LoadResult {
    await load(files)
}

/// Where `needle` first starts in `text` (after the start of `anchor`, when
/// given): 1-based line, and column in Unicode scalars, the way the loader
/// counts. `occurrence` picks a later one.
func location(of needle: String, in text: String, file: String, after anchor: String? = nil, occurrence: Int = 1) -> SourceLocation {
    let scalars = Array(text.unicodeScalars)
    let target = Array(needle.unicodeScalars)
    func occurs(_ pattern: [Unicode.Scalar], at index: Int) -> Bool {
        index + pattern.count <= scalars.count && Array(scalars[index..<(index + pattern.count)]) == pattern
    }
    var anchorPattern = anchor.map { Array($0.unicodeScalars) }
    var seen = 0
    var line = 1, column = 1
    var index = 0
    while index + target.count <= scalars.count {
        if let pattern = anchorPattern, occurs(pattern, at: index) { anchorPattern = nil }
        if anchorPattern == nil, occurs(target, at: index) {
            seen += 1
            if seen == occurrence { return SourceLocation(file: file, line: line, column: column) }
        }
        if scalars[index] == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }
    Issue.record("'\(needle)' does not occur \(occurrence) time(s) in \(file)\(anchor.map { " after '\($0)'" } ?? "")")
    return SourceLocation(file: file, line: 0, column: 0)
}

extension LoadResult {
    func diagnostics(_ code: DiagnosticCode) -> [Diagnostic] { diagnostics.filter { $0.code == code } }

    /// A readable listing for failure messages.
    var listing: String { diagnostics.map { "\($0.location) [\($0.code.rawValue)] \($0.message)" }.joined(separator: "\n") }

    var brand: Brand? { workspace.brands.first }
}

/// A small brand written inline, with every attribute type, for tests that
/// need one line of charter or journey to go wrong.
enum Acme {
    static let brandPath = "Brands/acme.brand.jsonc"
    static let journeyPath = "Journeys/acme/first.journey.jsonc"

    static func brand(markers: String = "", extra: String = "", id: String = "acme") -> String {
        """
        {
          "brand": "\(id)",
          "name": "Acme",\(extra)
          "channels": {
            "store": { "kind": "physical", "owner": "Retail" },
            "email": { "kind": "digital", "owner": "CRM" },
            "phone": { "kind": "voice" }
          },
          "segments": { "newcomers": {}, "premium": { "priority": true } },
          "stages": ["discover", "buy", "loyalty"],
          "attributes": {
            "address": { "type": "enum", "values": ["formal", "informal"] },
            "personalisation": { "type": "scale", "values": ["none", "named", "advisor"] },
            "responseTime": { "type": "duration" },
            "winProbability": { "type": "number" },
            "signature": { "type": "text" },
            "contextCarried": { "type": "boolean" },
            "activity": { "type": "enum", "values": ["call", "meeting", "proposal"] }
          },
          "markers": [
            \(markers)
          ]
        }
        """
    }

    /// A journey of `acme` with the given touchpoints (JSON array contents).
    static func journey(
        _ touchpoints: String = #"{ "id": "hello", "stage": "discover", "channel": "email" }"#,
        extra: String = "",
        id: String = "first"
    ) -> String {
        #"{ "journey": "\#(id)", "brand": "acme",\#(extra) "touchpoints": [ \#(touchpoints) ] }"#
    }

    /// Loads the Acme brand with `markers`, and the given journeys, if any.
    static func load(markers: String = "", journeys: [String] = []) async -> LoadResult {
        var files = [(path: brandPath, text: brand(markers: markers))]
        for (index, journey) in journeys.enumerated() {
            files.append((index == 0 ? journeyPath : "Journeys/acme/j\(index).journey.jsonc", journey))
        }
        return await JourneyLoaderTests.load(files)
    }

    /// Loads Acme with one marker and returns it, with every diagnostic.
    static func marker(_ marker: String) async -> (Marker?, LoadResult) {
        let result = await load(markers: marker)
        return (result.brand?.charter.markers.first, result)
    }
}

extension Workspace {
    func journey(id: String) -> Journey? { journeys.first { $0.id == id } }
}
