import JSONCReader
import JourneyModel

/// Reads a baseline written by `throughline check --write-baseline`:
/// `{ "baseline": 1, "gaps": [ { "fingerprint": "…", … } ] }`. Only the
/// fingerprints matter; the other fields are there for people reviewing it.
public enum BaselineFile {
    public static func fingerprints(in bytes: [UInt8], path: String) -> (fingerprints: Set<String>, diagnostics: [Diagnostic]) {
        let parsed = WorkspaceLoader.parse(SourceFile(path: path, bytes: bytes))
        guard let document = parsed.document else { return ([], parsed.diagnostics) }
        var context = DecodingContext(file: path, document: document)
        var fingerprints = Set<String>()
        guard context.expectKind(.object, document.root, for: "the baseline"),
              let gaps = document.root["gaps"] else {
            if document.root.kind == .object { context.reportMissing("gaps", in: document.root, what: "a baseline") }
            return ([], parsed.diagnostics + context.diagnostics)
        }
        guard let entries = context.array(gaps, for: "gaps") else { return ([], parsed.diagnostics + context.diagnostics) }
        for entry in entries {
            guard let object = context.object(entry, for: "a baseline entry") else { continue }
            guard let value = object["fingerprint"] else {
                context.reportMissing("fingerprint", in: object, what: "a baseline entry")
                continue
            }
            if let fingerprint = context.string(value, for: "fingerprint") { fingerprints.insert(fingerprint) }
        }
        return (fingerprints, parsed.diagnostics + context.diagnostics)
    }
}
