import EventExports
import JSONCReader
import JourneyModel

/// A brand file read up to its vocabulary. Its markers are decoded later,
/// once the charters it extends are known, because inherited markers are
/// read in the brand's own vocabulary.
struct DecodedBrand {
    var brand: Brand
    var charterSource: CharterSource
}

/// The markers, overrides and parent of one charter, brand or group, still
/// as JSONC: each brand that inherits them reads them in its vocabulary.
struct CharterSource: Sendable {
    let id: String
    let file: String
    let document: JSONCDocument
    let markers: JSONCValue?
    let overrides: JSONCValue?
    let extends: (id: String, offset: Int)?
    let location: SourceLocation
}

enum BrandDecoder {
    static let keys = [
        "$schema", "brand", "name", "promise", "values", "description", "extends", "timeZone",
        "channels", "segments", "stages", "attributes", "markers", "overrides",
    ]
    static let channelKeys = ["name", "kind", "live", "owner", "description"]
    static let segmentKeys = ["name", "priority", "description"]
    static let attributeKeys = ["type", "values", "description"]

    static func decode(_ document: JSONCDocument, file: String) -> (DecodedBrand?, [Diagnostic]) {
        var context = DecodingContext(file: file, document: document)
        let brand = decode(document.root, context: &context)
        return (brand, context.diagnostics)
    }

    private static func decode(_ root: JSONCValue, context: inout DecodingContext) -> DecodedBrand? {
        guard context.expectKind(.object, root, for: "the brand file") else { return nil }
        var id: String?, name: String?, promise: String?, values: [String] = []
        var channels: [Channel] = [], segments: [Segment] = [], stages: [Stage] = []
        var attributes: [AttributeDefinition] = []
        var markers: JSONCValue?, overrides: JSONCValue?, extends: (String, Int)?
        var sawChannels = false, sawSegments = false, sawStages = false
        var timeZone = LocalTimeZone.utc
        let location = context.location(of: root)

        for member in root.members {
            let value = member.value
            switch member.key {
            case "$schema", "description":
                _ = context.string(value, for: member.key)
            case "brand":
                id = context.identifier(value, for: "brand")
            case "name":
                name = context.string(value, for: "name")
            case "promise":
                promise = context.string(value, for: "promise")
            case "values":
                values = context.strings(value, for: "values")?.map(\.0) ?? []
            case "extends":
                if let parent = context.identifier(value, for: "extends") { extends = (parent, value.offset) }
            case "channels":
                sawChannels = true
                channels = decodeEntries(value, field: "channels", what: "channel", context: &context, decodeChannel)
            case "segments":
                sawSegments = true
                segments = decodeEntries(value, field: "segments", what: "segment", context: &context, decodeSegment)
            case "stages":
                sawStages = true
                stages = decodeStages(value, context: &context)
            case "attributes":
                attributes = decodeEntries(value, field: "attributes", what: "attribute", context: &context, decodeAttribute)
            case "timeZone":
                guard let identifier = context.string(value, for: "timeZone") else { continue }
                if let zone = LocalTimeZone(identifier: identifier) {
                    timeZone = zone
                } else {
                    context.report(.invalidValue, at: value, "unknown time zone '\(IdentifierRules.visible(identifier))'; write an IANA name such as Europe/Paris")
                }
            case "markers":
                markers = value
            case "overrides":
                overrides = value
            default:
                context.reportUnknownField(member, in: "a brand", known: keys)
            }
        }

        guard let id else {
            if root["brand"] == nil { context.reportMissing("brand", in: root, what: "a brand file") }
            return nil
        }
        for (required, seen) in [("channels", sawChannels), ("segments", sawSegments), ("stages", sawStages)] where !seen {
            context.reportMissing(required, in: root, what: "brand '\(id)'")
        }
        let brand = Brand(
            id: id, name: name ?? id, promise: promise, values: values,
            channels: Catalog(channels), segments: Catalog(segments), stages: Catalog(stages),
            attributes: Catalog(attributes), charter: Charter(markers: []), timeZone: timeZone, location: location
        )
        let source = CharterSource(
            id: id, file: context.file, document: context.document, markers: markers,
            overrides: overrides, extends: extends, location: location
        )
        return DecodedBrand(brand: brand, charterSource: source)
    }

    /// An object of named entries (`"channels": { "store": {…} }`), with
    /// each entry decoded by `decodeEntry` (the reader has already reported
    /// any name written twice).
    private static func decodeEntries<Entry: Identified>(
        _ value: JSONCValue,
        field: String,
        what: String,
        context: inout DecodingContext,
        _ decodeEntry: (String, JSONCValue, SourceLocation, inout DecodingContext) -> Entry?
    ) -> [Entry] {
        guard let object = context.object(value, for: field) else { return [] }
        var entries: [Entry] = []
        var lookalikes = LookalikeIndex()
        for member in object.members {
            guard let name = context.identifier(member, what: what) else { continue }
            let location = context.location(of: member.keyOffset)
            if let warning = lookalikes.check(name, what: what, at: location) { context.append(warning) }
            if let entry = decodeEntry(name, member.value, location, &context) { entries.append(entry) }
        }
        if entries.isEmpty, object.members.isEmpty {
            context.report(.invalidValue, at: value, "'\(field)' needs at least one \(what)")
        }
        return entries
    }

    private static func decodeChannel(
        _ id: String, _ value: JSONCValue, _ location: SourceLocation, _ context: inout DecodingContext
    ) -> Channel? {
        guard let object = context.object(value, for: "channel '\(id)'") else { return nil }
        var name: String?, kind: ChannelKind?, live = false, owner: String?
        var kindIsValid = true
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "name": name = context.string(entry, for: "name")
            case "description": _ = context.string(entry, for: "description")
            case "live": live = context.bool(entry, for: "live") ?? false
            case "owner": owner = context.string(entry, for: "owner")
            case "kind":
                guard let word = context.string(entry, for: "kind") else { kindIsValid = false; continue }
                kind = ChannelKind(rawValue: word)
                if kind == nil {
                    kindIsValid = false
                    let known = ChannelKind.allCases.map(\.rawValue)
                    let suggestion = DidYouMean.closest(to: word, in: known)
                    context.report(
                        .invalidValue, at: entry,
                        "'\(word)' is not a channel kind\(suggestion.map { "; did you mean '\($0)'?" } ?? DecodingContext.listing(known))",
                        suggestion: suggestion
                    )
                }
            default:
                context.reportUnknownField(member, in: "channel '\(id)'", known: channelKeys)
            }
        }
        guard let kind else {
            if kindIsValid { context.reportMissing("kind", in: object, what: "channel '\(id)'") }
            return nil
        }
        return Channel(id: id, name: name ?? id, kind: kind, live: live, owner: owner, location: location)
    }

    private static func decodeSegment(
        _ id: String, _ value: JSONCValue, _ location: SourceLocation, _ context: inout DecodingContext
    ) -> Segment? {
        guard let object = context.object(value, for: "segment '\(id)'") else { return nil }
        var name: String?, priority = false
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "name": name = context.string(entry, for: "name")
            case "description": _ = context.string(entry, for: "description")
            case "priority": priority = context.bool(entry, for: "priority") ?? false
            default: context.reportUnknownField(member, in: "segment '\(id)'", known: segmentKeys)
            }
        }
        return Segment(id: id, name: name ?? id, priority: priority, location: location)
    }

    private static func decodeStages(_ value: JSONCValue, context: inout DecodingContext) -> [Stage] {
        guard let elements = context.array(value, for: "stages") else { return [] }
        var stages: [Stage] = []
        var firstLocation: [String: SourceLocation] = [:]
        var lookalikes = LookalikeIndex()
        for element in elements {
            guard let id = context.identifier(element, for: "stages") else { continue }
            let location = context.location(of: element)
            if let first = firstLocation[id] {
                context.report(.duplicateID, at: element, "stage '\(id)' is listed twice", related: [RelatedLocation(first, "first listed here")])
                continue
            }
            firstLocation[id] = location
            if let warning = lookalikes.check(id, what: "stage", at: location) { context.append(warning) }
            stages.append(Stage(id: id, location: location))
        }
        if elements.isEmpty {
            context.report(.invalidValue, at: value, "'stages' needs at least one stage, in the order customers go through them")
        }
        return stages
    }

    private static func decodeAttribute(
        _ id: String, _ value: JSONCValue, _ location: SourceLocation, _ context: inout DecodingContext
    ) -> AttributeDefinition? {
        guard let object = context.object(value, for: "attribute '\(id)'") else { return nil }
        var typeName: String?, typeValue: JSONCValue?, words: [String]?, wordsValue: JSONCValue?, description: String?
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "type":
                typeName = context.string(entry, for: "type")
                typeValue = entry
            case "values":
                wordsValue = entry
                words = context.strings(entry, for: "values")?.map(\.0)
            case "description":
                description = context.string(entry, for: "description")
            default:
                context.reportUnknownField(member, in: "attribute '\(id)'", known: attributeKeys)
            }
        }
        guard let typeName, let typeValue else {
            if object["type"] == nil { context.reportMissing("type", in: object, what: "attribute '\(id)'") }
            return nil
        }
        let type: AttributeType
        switch typeName {
        case "enum", "scale":
            guard let words, let wordsValue else {
                context.reportMissing("values", in: object, what: "\(typeName) attribute '\(id)'")
                return nil
            }
            guard !words.isEmpty else {
                context.report(.invalidValue, at: wordsValue, "'values' of '\(id)' needs at least one value")
                return nil
            }
            if let repeated = firstRepeated(words) {
                context.report(.duplicateID, at: wordsValue, "'\(repeated)' is listed twice in the values of '\(id)'")
                return nil
            }
            type = typeName == "enum" ? .enumeration(words) : .scale(words)
        case "duration": type = .duration
        case "number": type = .number
        case "text": type = .text
        case "boolean": type = .boolean
        default:
            let suggestion = DidYouMean.closest(to: typeName, in: AttributeType.names)
            context.report(
                .invalidValue, at: typeValue,
                "'\(typeName)' is not an attribute type\(suggestion.map { "; did you mean '\($0)'?" } ?? DecodingContext.listing(AttributeType.names))",
                suggestion: suggestion
            )
            return nil
        }
        if let wordsValue, !type.isChoice {
            context.report(.invalidValue, at: wordsValue, "'values' applies to enum and scale attributes, not to \(typeName)")
        }
        return AttributeDefinition(id: id, type: type, description: description, location: location)
    }

    private static func firstRepeated(_ words: [String]) -> String? {
        var seen = Set<String>()
        return words.first { !seen.insert($0).inserted }
    }
}

extension AttributeType {
    var isChoice: Bool { !choices.isEmpty }
}
