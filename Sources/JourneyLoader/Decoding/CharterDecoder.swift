import JSONCReader
import JourneyModel

/// Reads a `*.charter.jsonc` file: a charter that brands extend, such as a
/// group's, with markers every brand of the group shares.
///
/// ```jsonc
/// { "charter": "aurele-group", "name": "Aurèle group charter",
///   "markers": [ { "id": "formal-address", "expect": { "address": "formal" } } ] }
/// ```
enum CharterDecoder {
    static let keys = ["$schema", "charter", "name", "description", "extends", "markers", "overrides"]

    static func decode(_ document: JSONCDocument, file: String) -> (CharterSource?, [Diagnostic]) {
        var context = DecodingContext(file: file, document: document)
        let root = document.root
        guard context.expectKind(.object, root, for: "the charter file") else { return (nil, context.diagnostics) }
        var id: String?, markers: JSONCValue?, overrides: JSONCValue?, extends: (String, Int)?
        for member in root.members {
            let value = member.value
            switch member.key {
            case "$schema", "name", "description": _ = context.string(value, for: member.key)
            case "charter": id = context.identifier(value, for: "charter")
            case "extends":
                if let parent = context.identifier(value, for: "extends") { extends = (parent, value.offset) }
            case "markers": markers = value
            case "overrides": overrides = value
            default: context.reportUnknownField(member, in: "a charter", known: keys)
            }
        }
        guard let id else {
            if root["charter"] == nil { context.reportMissing("charter", in: root, what: "a charter file") }
            return (nil, context.diagnostics)
        }
        let source = CharterSource(
            id: id, file: file, document: document, markers: markers, overrides: overrides,
            extends: extends, location: context.location(of: root)
        )
        return (source, context.diagnostics)
    }
}
