import JSONCReader
import JourneyModel

/// Reads a baseline written by `throughline check --write-baseline`:
/// `{ "baseline": 2, "gaps": [ { "fingerprint": "…", … } ] }`. Only the
/// fingerprints and the version matter; the other fields are there for
/// people reviewing it.
public enum BaselineFile {
    /// What a baseline file records: its version, and each entry's
    /// fingerprint with where the entry is written.
    public struct Contents: Sendable, Equatable {
        public var version: Int
        public var entries: [(fingerprint: String, position: SourcePosition)]

        public init(version: Int = 1, entries: [(fingerprint: String, position: SourcePosition)] = []) {
            self.version = version
            self.entries = entries
        }

        public static func == (lhs: Contents, rhs: Contents) -> Bool {
            lhs.version == rhs.version && lhs.entries.map(\.fingerprint) == rhs.entries.map(\.fingerprint)
                && lhs.entries.map(\.position) == rhs.entries.map(\.position)
        }
    }

    public static func read(_ bytes: [UInt8], path: String) -> (contents: Contents, diagnostics: [Diagnostic]) {
        let parsed = WorkspaceLoader.parse(SourceFile(path: path, bytes: bytes))
        guard let document = parsed.document else { return (Contents(), parsed.diagnostics) }
        var context = DecodingContext(file: path, document: document)
        guard context.expectKind(.object, document.root, for: "the baseline"),
              let gaps = document.root["gaps"] else {
            if document.root.kind == .object { context.reportMissing("gaps", in: document.root, what: "a baseline") }
            return (Contents(), parsed.diagnostics + context.diagnostics)
        }
        var version = 1
        if let value = document.root["baseline"], let number = context.count(value, for: "baseline", minimum: 1) {
            version = number
        }
        var entries: [(fingerprint: String, position: SourcePosition)] = []
        if let elements = context.array(gaps, for: "gaps") {
            for element in elements {
                guard let object = context.object(element, for: "a baseline entry") else { continue }
                guard let value = object["fingerprint"] else {
                    context.reportMissing("fingerprint", in: object, what: "a baseline entry")
                    continue
                }
                if let fingerprint = context.string(value, for: "fingerprint") {
                    entries.append((fingerprint, context.position(of: object)))
                }
            }
        }
        return (Contents(version: version, entries: entries), parsed.diagnostics + context.diagnostics)
    }
}
