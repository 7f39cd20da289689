import JSONCReader
import JourneyModel

/// Reads a `*.journey.jsonc` file in the vocabulary of the brand it names.
enum JourneyDecoder {
    static let keys = ["$schema", "journey", "name", "description", "brand", "segments", "touchpoints", "kpis", "suppress"]
    static let touchpointKeys = [
        "id", "name", "description", "stage", "channel", "segments", "experience", "bySegment", "next", "initiator", "after",
        "suppress",
    ]
    static let kpiKeys = ["name", "kind", "target", "description", "measure", "objective"]
    static let suppressionKeys = ["marker", "reason", "segments"]

    /// The brand's id as the journey names it, read before anything else
    /// because every other field is read in that brand's vocabulary.
    static func brandID(of document: JSONCDocument) -> String? {
        document.root["brand"]?.string
    }

    static func decode(
        _ document: JSONCDocument,
        file: String,
        brands: [String: BrandLookups]
    ) -> (Journey?, [Diagnostic]) {
        var context = DecodingContext(file: file, document: document)
        let root = document.root
        guard var reading = JourneyReading(root: root, brands: brands, context: &context) else {
            return (nil, context.diagnostics)
        }
        for member in root.members { reading.read(member, context: &context) }
        let journey = reading.finish(root: root, context: &context)
        return (journey, context.diagnostics)
    }

    static func decodeKPIs(
        _ value: JSONCValue, brand: Brand, touchpoints: Catalog<Touchpoint>, context: inout DecodingContext
    ) -> [StageKPIs] {
        guard let object = context.object(value, for: "kpis") else { return [] }
        var result: [StageKPIs] = []
        for member in object.members {
            guard let stage = brand.stages.index(of: member.key) else {
                context.reportUnknown(.unknownStage, atOffset: member.keyOffset, name: member.key, what: "stage", known: brand.stages.ids)
                continue
            }
            guard let elements = context.array(member.value, for: "KPIs of '\(member.key)'") else { continue }
            var kpis: [KPI] = []
            for element in elements {
                if let kpi = decodeKPI(element, stage: stage, brand: brand, touchpoints: touchpoints, context: &context) { kpis.append(kpi) }
            }
            result.append(StageKPIs(stage: stage, kpis: kpis, position: context.position(of: member.keyOffset)))
        }
        return result
    }

    private static func decodeKPI(
        _ value: JSONCValue, stage: Int, brand: Brand, touchpoints: Catalog<Touchpoint>, context: inout DecodingContext
    ) -> KPI? {
        guard let object = context.object(value, for: "a KPI") else { return nil }
        var name: String?, kind: KPIKind?, target: String?, measure: KPIMeasure?, objective: KPIObjective?
        for member in object.members {
            let entry = member.value
            switch member.key {
            case "name": name = context.label(entry, for: "name")
            case "description": _ = context.string(entry, for: "description")
            case "target":
                target = entry.kind == .number ? entry.number?.text : context.string(entry, for: "target")
            case "measure":
                measure = KPIMeasureDecoder.measure(entry, stage: stage, brand: brand, touchpoints: touchpoints, context: &context)
            case "objective":
                objective = KPIMeasureDecoder.objective(entry, context: &context)
            case "kind":
                guard let word = context.string(entry, for: "kind") else { continue }
                kind = KPIKind(rawValue: word)
                if kind == nil {
                    context.reportUnknown(.invalidValue, at: entry, name: word, what: "KPI kind", known: KPIKind.allCases.map(\.rawValue))
                }
            default:
                context.reportUnknownField(member, in: "a KPI", known: kpiKeys)
            }
        }
        guard let name, let kind else {
            if object["name"] == nil { context.reportMissing("name", in: object, what: "a KPI") }
            if object["kind"] == nil { context.reportMissing("kind", in: object, what: "a KPI (quantitative or qualitative)") }
            return nil
        }
        if objective != nil, object["measure"] == nil, let entry = object["objective"] {
            context.report(.invalidValue, at: entry, "an objective needs a 'measure' to be compared with")
        }
        return KPI(name: name, kind: kind, target: target, measure: measure, objective: objective, position: context.position(of: object))
    }

    static func decodeSuppressions(_ value: JSONCValue, lookups: BrandLookups, context: inout DecodingContext) -> [Suppression] {
        guard let elements = context.array(value, for: "suppress") else { return [] }
        var result: [Suppression] = []
        for element in elements {
            guard let object = context.object(element, for: "a suppression") else { continue }
            var marker: String?, reason: String?, segments: MemberSet?
            for member in object.members {
                let entry = member.value
                switch member.key {
                case "marker":
                    guard let id = context.string(entry, for: "marker") else { continue }
                    if lookups.markerIDs.contains(id) {
                        marker = id
                    } else {
                        context.reportUnknown(
                            .unknownMarker, at: entry, name: id, what: "marker", known: lookups.brand.charter.markers.map(\.id),
                            context: " in the charter of '\(lookups.brand.id)'"
                        )
                    }
                case "reason":
                    reason = context.string(entry, for: "reason")
                case "segments":
                    segments = context.resolveAll(entry, in: lookups.brand.segments, code: .unknownSegment, what: "segment", field: "segments")
                        .map(MemberSet.init)
                default:
                    context.reportUnknownField(member, in: "a suppression", known: suppressionKeys)
                }
            }
            if object["marker"] == nil { context.reportMissing("marker", in: object, what: "a suppression") }
            if reason?.trimmingSpaces.isEmpty ?? true {
                context.report(.missingField, at: object, "a suppression needs a 'reason': say why the gap is accepted")
                continue
            }
            if let marker, let reason {
                result.append(Suppression(marker: marker, segments: segments, reason: reason, position: context.position(of: object)))
            }
        }
        return result
    }
}

/// A journey file read member by member, in document order: the brand and
/// segments first, because every other field is read in their vocabulary,
/// then each top-level member, then what needs every touchpoint known.
///
/// Reading a whole document and reading one whose touchpoints are handed
/// out as they are parsed go through the same steps on the same values, so
/// both give the same journey and the same diagnostics.
struct JourneyReading {
    let brandID: String
    let lookups: BrandLookups
    let segments: [Int]
    private var reader: TouchpointReader
    /// Read once every touchpoint is known, since measures name them.
    private var kpisValue: JSONCValue?
    private var id: String?, name: String?, suppressions: [Suppression] = []
    private var sawTouchpoints = false
    /// How many touchpoints the file writes, valid or not; nil when 'touchpoints' is not a list.
    private var writtenTouchpoints: Int?
    private let location: SourceLocation

    /// Reads the root's brand and segments; nil, after a diagnostic, when
    /// the journey cannot be read in a brand's vocabulary.
    init?(root: JSONCValue, brands: [String: BrandLookups], context: inout DecodingContext) {
        guard context.expectKind(.object, root, for: "the journey file") else { return nil }
        guard let (brandID, lookups) = context.namedBrand(of: root, in: brands, what: "a journey file") else { return nil }
        let brand = lookups.brand
        var segments = Array(brand.segments.indices)
        if let value = root["segments"] {
            segments = context.resolveAll(value, in: brand.segments, code: .unknownSegment, what: "segment", field: "segments") ?? segments
            if segments.isEmpty, value.kind == .array, value.elements.isEmpty {
                context.report(.invalidValue, at: value, "a journey needs at least one segment; remove 'segments' for all of the brand's")
            }
        }
        self.brandID = brandID
        self.lookups = lookups
        self.segments = segments
        reader = TouchpointReader(lookups: lookups, journeySegments: MemberSet(segments))
        location = context.location(of: root)
    }

    /// One top-level member of the journey file.
    mutating func read(_ member: JSONCMember, context: inout DecodingContext) {
        let value = member.value
        switch member.key {
        case "$schema", "description": _ = context.string(value, for: member.key)
        case "brand", "segments": break
        case "journey": id = context.identifier(value, for: "journey")
        case "name": name = context.string(value, for: "name")
        case "touchpoints":
            sawTouchpoints = true
            if let elements = context.array(value, for: "touchpoints") {
                for element in elements { reader.read(element, context: &context) }
                writtenTouchpoints = elements.count
            }
        case "kpis": kpisValue = value
        case "suppress": suppressions = JourneyDecoder.decodeSuppressions(value, lookups: lookups, context: &context)
        default: context.reportUnknownField(member, in: "a journey", known: JourneyDecoder.keys)
        }
    }

    /// The start of the 'touchpoints' list when its elements are handed
    /// out one by one instead of read with ``read(_:context:)``.
    mutating func beginTouchpoints() {
        sawTouchpoints = true
        writtenTouchpoints = 0
    }

    /// One element of the 'touchpoints' list, handed out on its own.
    mutating func readTouchpoint(_ element: JSONCValue, context: inout DecodingContext) {
        reader.read(element, context: &context)
        writtenTouchpoints = (writtenTouchpoints ?? 0) + 1
    }

    /// The journey, once every member is read; nil when it has no id.
    mutating func finish(root: JSONCValue, context: inout DecodingContext) -> Journey? {
        guard let id else {
            if root["journey"] == nil { context.reportMissing("journey", in: root, what: "a journey file") }
            return nil
        }
        if !sawTouchpoints {
            context.reportMissing("touchpoints", in: root, what: "journey '\(id)'")
        } else if writtenTouchpoints == 0 {
            context.report(.emptyJourney, at: root["touchpoints"] ?? root, "journey '\(id)' has no touchpoints")
        }
        let touchpoints = reader.finish(context: &context)
        var kpis: [StageKPIs] = []
        if let kpisValue {
            // A 'kpis' written before a streamed 'touchpoints' is in the document read so far.
            let current = context.document
            context.reading(kpisValue.document)
            kpis = JourneyDecoder.decodeKPIs(kpisValue, brand: lookups.brand, touchpoints: touchpoints, context: &context)
            context.reading(current)
        }
        return Journey(
            id: id, name: name, brand: brandID, segments: segments, touchpoints: touchpoints,
            kpis: kpis, suppressions: suppressions, location: location
        )
    }
}
