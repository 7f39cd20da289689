import JSONCReader
import JourneyModel

/// Reads a journey's touchpoints one by one, then links their `next`
/// entries once every id is known (a touchpoint may hand over to one
/// written further down).
struct TouchpointReader {
    let lookups: BrandLookups
    let journeySegments: MemberSet
    private(set) var touchpoints: [Touchpoint] = []
    /// Every id written, kept or not, so a link to a touchpoint dropped for
    /// another error is not reported a second time as dangling.
    private(set) var declaredIDs: [String: SourceLocation] = [:]
    /// Kept ids by their folded form, for ids that only differ by case.
    private var lookalikes = LookalikeIndex()
    private var pendingLinks: [[PendingLink]] = []
    /// The links of touchpoints dropped for another error: still checked, never kept.
    private var droppedLinks: [PendingLink] = []

    private struct PendingLink {
        let name: String
        let location: SourceLocation
    }

    init(lookups: BrandLookups, journeySegments: MemberSet) {
        self.lookups = lookups
        self.journeySegments = journeySegments
    }

    mutating func read(_ value: JSONCValue, context: inout DecodingContext) {
        guard let object = context.object(value, for: "a touchpoint") else { return }
        let brand = lookups.brand
        let position = context.position(of: object)
        var id: String?, name: String?, stage: Int?, channel: Int?, segments: MemberSet?
        var experience = Experience(), overlays: [SegmentOverlay] = [], links: [PendingLink] = []
        var suppressions: [Suppression] = []
        var initiator = Initiator.brand, after: ISODuration?
        var usable = true

        for member in object.members {
            let entry = member.value
            switch member.key {
            case "id":
                id = context.identifier(entry, for: "id")
                if let id {
                    let location = context.location(of: entry)
                    if let first = declaredIDs[id] {
                        context.report(
                            .duplicateID, at: entry, "touchpoint id '\(id)' is used twice in this journey",
                            related: [RelatedLocation(first, "first used here")]
                        )
                        usable = false
                    } else {
                        declaredIDs[id] = location
                        if let warning = lookalikes.check(id, what: "touchpoint", at: location) { context.append(warning) }
                    }
                }
            case "name", "description":
                let text = context.string(entry, for: member.key)
                if member.key == "name" { name = text }
            case "stage":
                stage = context.resolve(entry, in: brand.stages, code: .unknownStage, what: "stage", field: "stage")
                usable = usable && stage != nil
            case "channel":
                channel = context.resolve(entry, in: brand.channels, code: .unknownChannel, what: "channel", field: "channel")
                usable = usable && channel != nil
            case "segments":
                segments = readSegments(entry, context: &context)
            case "experience":
                experience = context.experience(entry, field: "experience", lookups: lookups)
            case "bySegment":
                overlays = readOverlays(entry, context: &context)
            case "next":
                for (target, element) in context.strings(entry, for: "next") ?? [] {
                    links.append(PendingLink(name: target, location: context.location(of: element)))
                }
            case "initiator":
                if let word = context.string(entry, for: "initiator") {
                    if let known = Initiator(rawValue: word) {
                        initiator = known
                    } else {
                        context.reportUnknown(.invalidValue, at: entry, name: word, what: "initiator", known: Initiator.allCases.map(\.rawValue))
                    }
                }
            case "after":
                if let text = context.string(entry, for: "after") {
                    after = context.duration(text)
                    if after == nil {
                        context.report(.invalidValue, at: entry, "'\(text)' is not an ISO 8601 duration for 'after'; write for example PT2H, P1D or P7D")
                    }
                }
            case "suppress":
                suppressions = JourneyDecoder.decodeSuppressions(entry, lookups: lookups, context: &context)
            default:
                context.reportUnknownField(member, in: "a touchpoint", known: JourneyDecoder.touchpointKeys)
            }
        }
        for (key, found) in [("id", id != nil), ("stage", stage != nil), ("channel", channel != nil)]
        where !found && object[key] == nil {
            context.reportMissing(key, in: object, what: "a touchpoint")
        }
        guard usable, let id, let stage, let channel else {
            droppedLinks += links
            return
        }
        touchpoints.append(Touchpoint(
            id: id, name: name, stage: stage, channel: channel, segments: segments,
            experience: experience, bySegment: overlays, initiator: initiator, after: after, suppressions: suppressions, position: position
        ))
        pendingLinks.append(links)
    }

    /// The touchpoints with their `next` links resolved, in place.
    mutating func finish(context: inout DecodingContext) -> Catalog<Touchpoint> {
        var kept: [String: Int] = [:]
        kept.reserveCapacity(touchpoints.count)
        for (index, touchpoint) in touchpoints.enumerated() { kept[touchpoint.id] = index }
        for (index, links) in pendingLinks.enumerated() {
            for link in links {
                if let target = kept[link.name] {
                    touchpoints[index].next.append(TouchpointLink(target: target, position: link.location.position))
                } else if declaredIDs[link.name] == nil {
                    reportDangling(link, context: &context)
                }
            }
        }
        for link in droppedLinks where declaredIDs[link.name] == nil {
            reportDangling(link, context: &context)
        }
        return Catalog(touchpoints)
    }

    private func reportDangling(_ link: PendingLink, context: inout DecodingContext) {
        let (suggestion, _) = context.closest(to: link.name, in: .names(.danglingNext), known: { declaredIDs.keys.sorted() })
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        context.append(Diagnostic(
            .danglingNext, at: link.location,
            "'next' names '\(link.name)', which is not a touchpoint of this journey\(hint)",
            suggestion: suggestion
        ))
    }

    private func readSegments(_ value: JSONCValue, context: inout DecodingContext) -> MemberSet? {
        guard let named = context.resolveEach(value, in: lookups.brand.segments, code: .unknownSegment, what: "segment", field: "segments") else {
            return nil
        }
        for (index, element) in named where !journeySegments.contains(index) {
            context.report(
                .invalidValue, at: element,
                "segment '\(lookups.brand.segments[index].id)' does not go through this journey; add it to the journey's 'segments'"
            )
        }
        return MemberSet(named.map(\.index))
    }

    private func readOverlays(_ value: JSONCValue, context: inout DecodingContext) -> [SegmentOverlay] {
        guard let object = context.object(value, for: "bySegment") else { return [] }
        let segments = lookups.brand.segments
        var overlays: [SegmentOverlay] = []
        for member in object.members {
            guard let segment = segments.index(of: member.key) else {
                context.reportUnknown(.unknownSegment, atOffset: member.keyOffset, name: member.key, what: "segment", known: segments.ids)
                continue
            }
            if !journeySegments.contains(segment) {
                context.report(
                    .invalidValue, atOffset: member.keyOffset,
                    "segment '\(member.key)' does not go through this journey; add it to the journey's 'segments'"
                )
            }
            let experience = context.experience(member.value, field: "bySegment.\(member.key)", lookups: lookups)
            overlays.append(SegmentOverlay(segment: segment, experience: experience))
        }
        return overlays
    }
}
