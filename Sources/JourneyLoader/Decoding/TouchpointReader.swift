import JSONCReader
import JourneyModel

/// Reads a journey's touchpoints one by one, linking their `next` entries
/// as soon as the touchpoint they name is written (a touchpoint may hand
/// over to one written further down).
///
/// What it keeps besides the touchpoints is what it must remember: each
/// id once with where it was written, the first id of each folded form,
/// and the links to ids not written yet, so a journey of a million
/// touchpoints does not hold a million of every table.
struct TouchpointReader {
    let lookups: BrandLookups
    let journeySegments: MemberSet
    private(set) var touchpoints: [Touchpoint] = []
    /// Every id written, kept or not, by its first writing, so a link to a
    /// touchpoint dropped for another error is not reported a second time
    /// as dangling. The file is the context's: only positions are kept.
    private var declared: [String: Declaration] = [:]
    /// For ids that only differ by case: the first id of each folded form
    /// that is not its own folded form ("Visit" for "visit"). An id that
    /// is (most are) is found in `declared` under its folded form.
    private var firstUnfoldedByFoldedID: [String: String] = [:]
    /// Links naming an id not written yet, by that id.
    private var waiting: [String: [PendingLink]] = [:]
    /// Touchpoints whose `next` holds a link still to resolve or to drop.
    private var unsettled: [Int] = []
    private var linksRead = 0

    private struct Declaration {
        let position: SourcePosition
        /// The touchpoint the id is kept as; nil when that touchpoint was dropped.
        var touchpoint: Int32?
    }

    private struct PendingLink {
        /// Reading order, for reporting dangling links as they were written.
        let order: Int
        /// The touchpoint holding the link and its place in `next`; nil for
        /// the link of a dropped touchpoint, which is only checked.
        let source: (touchpoint: Int, slot: Int)?
        let position: SourcePosition
    }

    /// A `next` target not known yet.
    private static let unresolved = -1

    init(lookups: BrandLookups, journeySegments: MemberSet) {
        self.lookups = lookups
        self.journeySegments = journeySegments
    }

    mutating func read(_ value: JSONCValue, context: inout DecodingContext) {
        guard let object = context.object(value, for: "a touchpoint") else { return }
        let brand = lookups.brand
        let position = context.position(of: object)
        var id: String?, name: String?, stage: Int?, channel: Int?, segments: MemberSet?
        var experience = Experience(), overlays: [SegmentOverlay] = [], links: [(name: String, position: SourcePosition)] = []
        var declares = false
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
                    if let first = declared[id] {
                        context.report(
                            .duplicateID, at: entry, "touchpoint id '\(id)' is used twice in this journey",
                            related: [RelatedLocation(SourceLocation(file: context.file, position: first.position), "first used here")]
                        )
                        usable = false
                    } else {
                        // The place it gets if kept; cleared below if it is not.
                        declared[id] = Declaration(position: location.position, touchpoint: Int32(touchpoints.count))
                        declares = true
                        checkLookalike(id, at: location, context: &context)
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
                    links.append((target, context.position(of: element)))
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
            if declares, let id {
                declared[id]?.touchpoint = nil
                settleWaiting(for: id)
            }
            for link in links { _ = addLink(link.name, at: link.position, from: nil) }
            return
        }
        let index = touchpoints.count
        touchpoints.append(Touchpoint(
            id: id, name: name, stage: stage, channel: channel, segments: segments,
            experience: experience, bySegment: overlays, initiator: initiator, after: after, suppressions: suppressions, position: position
        ))
        var waits = false
        for link in links where addLink(link.name, at: link.position, from: index) { waits = true }
        if waits { unsettled.append(index) }
        settleWaiting(for: id)
    }

    /// A `next` entry of touchpoint `source` (nil for a dropped one):
    /// linked now when its target is written, else left to wait for it
    /// (true).
    private mutating func addLink(_ name: String, at position: SourcePosition, from source: Int?) -> Bool {
        linksRead += 1
        if let target = declared[name] {
            if let source, let target = target.touchpoint {
                touchpoints[source].next.append(TouchpointLink(target: Int(target), position: position))
            }
            return false
        }
        var pending = PendingLink(order: linksRead, source: nil, position: position)
        if let source {
            pending = PendingLink(order: linksRead, source: (source, touchpoints[source].next.count), position: position)
            touchpoints[source].next.append(TouchpointLink(target: Self.unresolved, position: position))
        }
        waiting[name, default: []].append(pending)
        return true
    }

    /// Links the entries that waited for `id`, now written: to its
    /// touchpoint, or to nothing when it was dropped.
    private mutating func settleWaiting(for id: String) {
        // Links to a dropped touchpoint stay unresolved, and are dropped at the end.
        guard !waiting.isEmpty, let links = waiting.removeValue(forKey: id), let target = declared[id]?.touchpoint else { return }
        for link in links {
            if let (source, slot) = link.source { touchpoints[source].next[slot].target = Int(target) }
        }
    }

    /// A `confusable-id` warning when `id`, just declared, looks like the
    /// first id written with the same folded form.
    private mutating func checkLookalike(_ id: String, at location: SourceLocation, context: inout DecodingContext) {
        let key = IdentifierRules.lookalikeKey(id)
        // The common case: an id that is its own folded form, first of it.
        if firstUnfoldedByFoldedID.isEmpty, key == id { return }
        var first: (id: String, position: SourcePosition)?
        if let unfolded = firstUnfoldedByFoldedID[key], let declaration = declared[unfolded] {
            first = (unfolded, declaration.position)
        }
        // The id written as the folded form itself, if any (it may be `id`).
        if IdentifierRules.isOwnLookalikeKey(key), let index = declared.index(forKey: key) {
            let (folded, declaration) = declared[index]
            if first.map({ declaration.position < $0.position }) ?? true { first = (folded, declaration.position) }
        }
        guard let first else {
            firstUnfoldedByFoldedID[key] = id
            return
        }
        if first.id == id {
            // `id` is the first of its folded form; remember it if it is not that form.
            if key != id, firstUnfoldedByFoldedID[key] == nil { firstUnfoldedByFoldedID[key] = id }
            return
        }
        context.append(LookalikeIndex.warning(
            id, what: "touchpoint", at: location, first: first.id, firstLocation: SourceLocation(file: context.file, position: first.position)
        ))
    }

    /// The touchpoints with every `next` link resolved; the links to ids
    /// never written are reported as dangling, in the order they were
    /// written (those of kept touchpoints first).
    mutating func finish(context: inout DecodingContext) -> Catalog<Touchpoint> {
        var dangling: [(name: String, link: PendingLink)] = []
        for (name, links) in waiting {
            for link in links { dangling.append((name, link)) }
        }
        waiting = [:]
        dangling.sort { ($0.link.source == nil ? 1 : 0, $0.link.order) < ($1.link.source == nil ? 1 : 0, $1.link.order) }
        for (name, link) in dangling {
            reportDangling(name, at: SourceLocation(file: context.file, position: link.position), context: &context)
        }
        for source in unsettled {
            touchpoints[source].next.removeAll { $0.target == Self.unresolved }
        }
        // Let the ids go before the catalog indexes them again.
        (declared, firstUnfoldedByFoldedID, unsettled) = ([:], [:], [])
        return Catalog(touchpoints)
    }

    private func reportDangling(_ name: String, at location: SourceLocation, context: inout DecodingContext) {
        let (suggestion, _) = context.closest(to: name, in: .names(.danglingNext), known: { declared.keys.sorted() })
        let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
        context.append(Diagnostic(
            .danglingNext, at: location,
            "'next' names '\(name)', which is not a touchpoint of this journey\(hint)",
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
