import TextPattern
import JSONCReader
import JourneyModel

/// Reads a charter's `markers` in one brand's vocabulary.
///
/// ```jsonc
/// { "id": "fast-reply", "severity": "error",
///   "where": { "channels": ["email", "chat"] },
///   "expect": { "responseTime": { "atMost": "PT2H" } } }
/// ```
enum MarkerDecoder {
    static let severityNames = Severity.allCases.map(\.rawValue).reversed() + ["off"]

    /// The keys a marker of `kind` accepts besides the common ones.
    static func kindKeys(_ kind: MarkerKind) -> [String] { kind.definition.fields.map(\.key) }

    static func decode(
        _ value: JSONCValue,
        origin: String,
        lookups: BrandLookups,
        context: inout DecodingContext
    ) -> [Marker] {
        guard let elements = context.array(value, for: "markers") else { return [] }
        var markers: [Marker] = []
        for element in elements {
            if let marker = decodeMarker(element, origin: origin, lookups: lookups, context: &context) {
                markers.append(marker)
            }
        }
        return markers
    }

    private static func decodeMarker(
        _ value: JSONCValue,
        origin: String,
        lookups: BrandLookups,
        context: inout DecodingContext
    ) -> Marker? {
        guard let object = context.object(value, for: "a marker") else { return nil }
        var kind = MarkerKind.expectation
        var kindIsValid = true
        if let kindValue = object["kind"] {
            let word = context.string(kindValue, for: "kind")
            if let word, let known = MarkerKind(rawValue: word) {
                kind = known
            } else {
                kindIsValid = false
                if let word {
                    context.reportUnknown(.invalidValue, at: kindValue, name: word, what: "marker kind", known: MarkerKind.allCases.map(\.rawValue))
                }
            }
        }
        let allowed = Marker.commonKeys + kindKeys(kind)
        var id: String?, name: String?, rationale: String?, severity = Severity.warning, scope = Scope.everywhere
        var fields: [String: JSONCValue] = [:]
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "id": id = context.identifier(entry, for: "id")
            case "name": name = context.string(entry, for: "name")
            case "why", "description": rationale = context.string(entry, for: member.key)
            case "kind": break
            case "severity":
                if case .level(let level) = decodeSeverity(entry, allowOff: false, context: &context) { severity = level }
            case "where": scope = decodeScope(entry, brand: lookups.brand, context: &context)
            default:
                if allowed.contains(member.key) {
                    fields[member.key] = entry
                } else if MarkerKind.allCases.contains(where: { kindKeys($0).contains(member.key) }) {
                    // Under an unknown kind, which keys apply cannot be told: the kind is the one problem.
                    guard kindIsValid else { continue }
                    context.report(
                        .unknownField, atOffset: member.keyOffset,
                        "'\(member.key)' does not apply to \(kind.rawValue) markers; they take \(kindKeys(kind).joined(separator: ", "))"
                    )
                } else {
                    context.reportUnknownField(member, in: "a marker", known: allowed)
                }
            }
        }
        guard let id else {
            if object["id"] == nil { context.reportMissing("id", in: object, what: "a marker") }
            return nil
        }
        guard kindIsValid else { return nil }
        let rules = RuleDecoder(object: object, markerID: id, fields: fields, lookups: lookups)
        guard let rule = rules.decode(kind, context: &context) else { return nil }
        return Marker(
            id: id, name: name, rationale: rationale, severity: severity, scope: scope, rule: rule,
            origin: origin, location: context.location(of: object)
        )
    }

    /// What a `severity` field sets.
    enum SeveritySetting: Equatable {
        case level(Severity)
        /// Only overrides may turn a marker off.
        case off
    }

    static func decodeSeverity(_ value: JSONCValue, allowOff: Bool, context: inout DecodingContext) -> SeveritySetting? {
        guard let word = context.string(value, for: "severity") else { return nil }
        if let severity = Severity(rawValue: word) { return .level(severity) }
        if allowOff, word == "off" { return .off }
        if word == "off" {
            context.report(
                .invalidValue, at: value,
                "a marker cannot be turned off where it is defined: remove it, or turn it off in the 'overrides' of a brand that inherits it"
            )
            return nil
        }
        let known = allowOff ? severityNames : Severity.allCases.map(\.rawValue).reversed()
        context.reportUnknown(.invalidValue, at: value, name: word, what: "severity", known: known)
        return nil
    }

    static func decodeScope(_ value: JSONCValue, brand: Brand, context: inout DecodingContext) -> Scope {
        guard let object = context.object(value, for: "where") else { return .everywhere }
        var scope = Scope.everywhere
        for member in object.members {
            let entry = member.value
            let indices: [Int]?
            switch member.key {
            case "channels":
                indices = context.resolveAll(entry, in: brand.channels, code: .unknownChannel, what: "channel", field: "channels")
                scope.channels = indices.map(MemberSet.init)
            case "stages":
                indices = context.resolveAll(entry, in: brand.stages, code: .unknownStage, what: "stage", field: "stages")
                scope.stages = indices.map(MemberSet.init)
            case "segments":
                indices = context.resolveAll(entry, in: brand.segments, code: .unknownSegment, what: "segment", field: "segments")
                scope.segments = indices.map(MemberSet.init)
            case "channelKinds":
                let known = ChannelKind.allCases.map(\.rawValue)
                var kinds = Set<ChannelKind>()
                for (word, element) in context.strings(entry, for: "channelKinds") ?? [] {
                    if let kind = ChannelKind(rawValue: word) {
                        kinds.insert(kind)
                    } else {
                        context.reportUnknown(.invalidValue, at: element, name: word, what: "channel kind", known: known)
                    }
                }
                scope.channelKinds = kinds
                indices = kinds.isEmpty ? [] : [0]
            default:
                context.reportUnknownField(member, in: "'where'", known: Scope.keys)
                continue
            }
            if let indices, indices.isEmpty, entry.kind == .array, entry.elements.isEmpty {
                context.report(.invalidValue, at: entry, "an empty '\(member.key)' list matches nothing; remove '\(member.key)' to apply everywhere")
            }
        }
        return scope
    }

    /// An `expect` object: attribute → operators, or attribute → value as
    /// a shorthand for `equals`.
    static func decodeExpectations(
        _ value: JSONCValue,
        lookups: BrandLookups,
        context: inout DecodingContext
    ) -> [Expectation]? {
        guard let object = context.object(value, for: "expect") else { return nil }
        let attributes = lookups.brand.attributes
        var expectations: [Expectation] = []
        var failed = false
        for member in object.members {
            guard let attribute = attributes.index(of: member.key) else {
                context.reportUnknown(.unknownAttribute, atOffset: member.keyOffset, name: member.key, what: "attribute", known: attributes.ids)
                failed = true
                continue
            }
            let definition = attributes[attribute]
            let entry = member.value
            guard entry.kind == .object else {
                // `"address": "formal"` is short for `"address": { "equals": "formal" }`.
                if let expected = context.attributeValue(entry, of: definition) {
                    expectations.append(Expectation(attribute: attribute, test: .equals(expected), location: context.location(of: entry)))
                } else {
                    failed = true
                }
                continue
            }
            if entry.members.isEmpty {
                context.report(.invalidValue, at: entry, "the expectation on '\(definition.id)' needs an operator: \(AttributeTest.names.joined(separator: ", "))")
                failed = true
            }
            for operation in entry.members {
                if let test = decodeTest(operation, definition: definition, context: &context) {
                    expectations.append(Expectation(attribute: attribute, test: test, location: context.location(of: operation.keyOffset)))
                } else {
                    failed = true
                }
            }
        }
        if object.members.isEmpty {
            context.report(.invalidValue, at: value, "'expect' needs at least one attribute")
            return nil
        }
        return failed ? nil : expectations
    }

    private static func decodeTest(
        _ member: JSONCMember,
        definition: AttributeDefinition,
        context: inout DecodingContext
    ) -> AttributeTest? {
        let value = member.value
        let name = member.key
        switch name {
        case "equals":
            return context.attributeValue(value, of: definition).map(AttributeTest.equals)
        case "oneOf", "noneOf":
            guard let elements = context.array(value, for: name) else { return nil }
            guard !elements.isEmpty else {
                context.report(.invalidValue, at: value, "'\(name)' needs at least one value")
                return nil
            }
            var values: [AttributeValue] = []
            for element in elements {
                guard let decoded = context.attributeValue(element, of: definition) else { return nil }
                values.append(decoded)
            }
            return name == "oneOf" ? .oneOf(values) : .noneOf(values)
        case "atLeast", "atMost":
            guard definition.type.isOrdered else {
                context.report(
                    .invalidValue, atOffset: member.keyOffset,
                    "'\(name)' needs an ordered attribute (scale, number or duration); '\(definition.id)' is \(definition.type.name)"
                )
                return nil
            }
            guard let bound = context.attributeValue(value, of: definition) else { return nil }
            return name == "atLeast" ? .atLeast(bound) : .atMost(bound)
        case "present", "absent":
            guard let flag = context.bool(value, for: name) else { return nil }
            guard flag else {
                let other = name == "present" ? "absent" : "present"
                context.report(.invalidValue, at: value, "write { \"\(other)\": true } rather than { \"\(name)\": false }", suggestion: other)
                return nil
            }
            return name == "present" ? .present : .absent
        case "matches":
            guard case .text = definition.type else {
                context.report(
                    .invalidValue, atOffset: member.keyOffset,
                    "'matches' applies to text attributes; '\(definition.id)' is \(definition.type.name), use 'equals' or 'oneOf'"
                )
                return nil
            }
            guard let source = context.string(value, for: name) else { return nil }
            do {
                return .matches(try TextPattern(source))
            } catch {
                // Point inside the string when it has no escapes, so the column is exact.
                let hasEscapes = value.sourceText.contains("\\")
                let prefixLength = source.unicodeScalars.prefix(error.offset).reduce(0) { $0 + UTF8.width($1) }
                let offset = hasEscapes ? value.offset : value.offset + 1 + prefixLength
                context.report(.invalidPattern, atOffset: offset, "the pattern /\(source)/ cannot be used: \(error.message)")
                return nil
            }
        default:
            context.reportUnknown(.unknownField, atOffset: member.keyOffset, name: name, what: "operator", known: AttributeTest.names)
            return nil
        }
    }
}
