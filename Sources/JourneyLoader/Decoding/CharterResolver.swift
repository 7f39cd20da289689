import JSONCReader
import JourneyModel

/// Gives each brand its charter: the markers of every charter it extends,
/// nearest last, then its own, each read in the brand's vocabulary, with
/// the overrides of each level applied to what it inherits.
///
/// A group charter that says `"formal-address"` is error-level can be
/// softened by one brand with a reason:
///
/// ```jsonc
/// "overrides": { "formal-address": { "severity": "warning", "reason": "Our app speaks informally" } }
/// ```
enum CharterResolver {
    static let overrideKeys = ["severity", "reason"]

    static func resolve(_ decoded: DecodedBrand, charters: [String: CharterSource]) -> (Brand, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let chain = lineage(of: decoded.charterSource, charters: charters, diagnostics: &diagnostics)
        // Past an unknown charter, overrides name markers that cannot be known:
        // the unknown charter is the one problem to report.
        let isComplete = chain.last?.extends.map { charters[$0.id] != nil } ?? true
        var brand = decoded.brand
        let lookups = BrandLookups(brand)
        var markers: [Marker] = []
        var markerIndex: [String: Int] = [:]
        var lookalikes = LookalikeIndex()

        for source in chain.reversed() {
            var context = DecodingContext(file: source.file, document: source.document)
            if let value = source.markers {
                for marker in MarkerDecoder.decode(value, origin: source.id, lookups: lookups, context: &context) {
                    if let existing = markerIndex[marker.id] {
                        let first = markers[existing]
                        context.append(Diagnostic(
                            .duplicateID, at: marker.location,
                            "marker '\(marker.id)' is already defined by charter '\(first.origin)'; to change its severity, use 'overrides'",
                            related: [RelatedLocation(first.location, "first defined here")]
                        ))
                        continue
                    }
                    markerIndex[marker.id] = markers.count
                    if let warning = lookalikes.check(marker.id, what: "marker", at: marker.location) { context.append(warning) }
                    markers.append(marker)
                }
            }
            if let value = source.overrides {
                applyOverrides(value, by: source, to: &markers, index: markerIndex, reportsUnknown: isComplete, context: &context)
            }
            let isInherited = source.id != brand.id || source.file != brand.location.file
            diagnostics += isInherited
                ? context.diagnostics.map { noting(brand.id, in: $0) }
                : context.diagnostics
        }
        brand.charter = Charter(
            markers: markers,
            lineage: chain.dropFirst().map { CharterReference(id: $0.id, location: $0.location) }
        )
        return (brand, diagnostics)
    }

    /// The brand's source, then each charter it extends, nearest first;
    /// stops at an unknown charter or a cycle, with a diagnostic.
    private static func lineage(
        of start: CharterSource,
        charters: [String: CharterSource],
        diagnostics: inout [Diagnostic]
    ) -> [CharterSource] {
        var chain = [start]
        var current = start
        while let (parentID, offset) = current.extends {
            var context = DecodingContext(file: current.file, document: current.document)
            guard let parent = charters[parentID] else {
                context.reportUnknown(.unknownCharter, atOffset: offset, name: parentID, what: "charter", known: charters.keys.sorted())
                diagnostics += context.diagnostics
                break
            }
            if chain.dropFirst().contains(where: { $0.id == parentID }) {
                let cycle = (chain.dropFirst().map(\.id) + [parentID]).joined(separator: " → ")
                context.report(.extendsCycle, atOffset: offset, "charters extend each other in a cycle: \(cycle)")
                diagnostics += context.diagnostics
                break
            }
            chain.append(parent)
            current = parent
        }
        return chain
    }

    private static func applyOverrides(
        _ value: JSONCValue,
        by source: CharterSource,
        to markers: inout [Marker],
        index: [String: Int],
        reportsUnknown: Bool,
        context: inout DecodingContext
    ) {
        guard let object = context.object(value, for: "overrides") else { return }
        for member in object.members {
            let id = member.key
            guard let position = index[id] else {
                guard reportsUnknown else { continue }
                context.reportUnknown(.unknownMarker, atOffset: member.keyOffset, name: id, what: "marker", known: markers.map(\.id))
                continue
            }
            guard markers[position].origin != source.id else {
                context.report(
                    .invalidValue, atOffset: member.keyOffset,
                    "marker '\(id)' is defined in this charter; set its severity where it is defined"
                )
                continue
            }
            guard let entry = context.object(member.value, for: "override of '\(id)'") else { continue }
            var setting: MarkerDecoder.SeveritySetting?, reason: String?
            for field in entry.members {
                switch field.key {
                case "severity": setting = MarkerDecoder.decodeSeverity(field.value, allowOff: true, context: &context)
                case "reason": reason = context.string(field.value, for: "reason")
                default: context.reportUnknownField(field, in: "an override", known: overrideKeys)
                }
            }
            guard let reason, !reason.trimmingSpaces.isEmpty else {
                context.report(.missingField, at: entry, "the override of '\(id)' needs a 'reason': departing from a shared charter is explained")
                continue
            }
            guard let setting else {
                if entry["severity"] == nil { context.reportMissing("severity", in: entry, what: "the override of '\(id)'") }
                continue
            }
            let severity: Severity? = switch setting {
            case .level(let level): level
            case .off: nil
            }
            markers[position].apply(MarkerOverride(
                severity: severity, reason: reason, by: source.id, location: context.location(of: member.keyOffset)
            ))
        }
    }

    /// Says which brand's vocabulary an inherited marker was read in.
    private static func noting(_ brand: String, in diagnostic: Diagnostic) -> Diagnostic {
        var noted = diagnostic
        noted.message += " (reading this charter for brand '\(brand)')"
        return noted
    }
}
