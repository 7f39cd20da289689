import JourneyModel

/// A marker ready to evaluate for one brand: its position in the charter,
/// its scope resolved against the brand's channels, and its expectations
/// compiled, once for all the journeys it judges.
struct ActiveMarker: Sendable {
    let index: Int
    let marker: Marker
    let scope: ScopeFilter
    /// Empty for kinds without expectations.
    let expectations: ExpectationSet

    init(index: Int, marker: Marker, brand: Brand) {
        self.index = index
        self.marker = marker
        scope = ScopeFilter(marker.scope, brand: brand)
        expectations = ExpectationSet(marker.rule.definition.expectations, marker: marker, brand: brand)
    }
}

/// What a marker kind says about one failed check, before the recorder
/// adds the names of brand, journey, segment, channel and stage.
struct GapDraft {
    var attribute: Int?
    /// Where the gap points; the touchpoint or the journey when nil.
    var position: SourcePosition?
    var wording: GapWording
    var related: [RelatedLocation] = []

    init(attribute: Int? = nil, position: SourcePosition?, wording: GapWording, related: [RelatedLocation] = []) {
        self.attribute = attribute
        self.position = position
        self.wording = wording
        self.related = related
    }

    /// Words written out at once. `action` says what to change, where:
    /// "Set address to formal at welcome-mail."
    init(
        attribute: Int? = nil, position: SourcePosition?, expected: String, planned: String, message: String, action: String,
        related: [RelatedLocation] = []
    ) {
        self.init(
            attribute: attribute, position: position,
            wording: .written(expected: expected, planned: planned, message: message, action: action), related: related
        )
    }
}

/// Collects the checks and gaps of one segment: counts every check for the
/// scores, turns drafts into located gaps, and applies the journey's
/// suppressions (a suppressed check is left out of the scores).
struct GapRecorder {
    let brand: Brand
    let segment: Int
    private(set) var tally: SegmentTally
    private(set) var gaps: [Gap] = []
    private(set) var usedSuppressions: Set<SuppressionUse> = []
    /// Charter positions of the markers with a suppressed check: they apply
    /// somewhere, though the tally leaves those checks out.
    private(set) var suppressedMarkers: Set<Int> = []

    init(brand: Brand, segment: Int, journeyCount: Int) {
        self.brand = brand
        self.segment = segment
        tally = SegmentTally(
            brand: brand.id, segment: segment, markerCount: brand.charter.markers.count,
            channelCount: brand.channels.count, journeyCount: journeyCount
        )
    }

    /// Records one check of `marker`. `touchpoint` is the one the check is
    /// about, if any; `channel` is where the score counts it (nil for
    /// checks about no single channel).
    ///
    /// Inlined so that a met check, nearly every check, only bumps a
    /// counter: the drafts, and whatever they capture, are built only for a
    /// failed one.
    @inline(__always)
    mutating func record(
        _ marker: ActiveMarker,
        in view: JourneyView,
        touchpoint: Int?,
        channel: Int?,
        stage: Int? = nil,
        met: Bool,
        drafts: @autoclosure () -> [GapDraft]
    ) {
        if met {
            tally.record(marker: marker.index, channel: channel, journey: view.index, met: true)
        } else {
            fail(marker, in: view, touchpoint: touchpoint, channel: channel, stage: stage, drafts: drafts())
        }
    }

    private mutating func fail(
        _ marker: ActiveMarker,
        in view: JourneyView,
        touchpoint: Int?,
        channel: Int?,
        stage: Int?,
        drafts: [GapDraft]
    ) {
        let suppression = suppression(of: marker.marker, in: view, touchpoint: touchpoint)
        if suppression == nil {
            tally.record(marker: marker.index, channel: channel, journey: view.index, met: false)
        } else {
            suppressedMarkers.insert(marker.index)
        }
        let journey = view.journey
        // The touchpoint's fields read in place: copying the touchpoint for
        // each failed check showed in profiles.
        let stageID = (touchpoint.map { view.stage($0) } ?? stage).map { brand.stages[$0].id }
        let channelID = (touchpoint.map { view.channel($0) } ?? channel).map { brand.channels[$0].id }
        let touchpointID = touchpoint.map { journey.touchpoints[$0].id }
        let touchpointPosition = touchpoint.map { journey.touchpoints[$0].position }
        for draft in drafts {
            let position = draft.position ?? touchpointPosition ?? journey.location.position
            gaps.append(Gap(
                marker: marker.marker.id, kind: marker.marker.kind, severity: marker.marker.severity,
                brand: brand.id, journey: journey.id, touchpoint: touchpointID,
                segment: marker.marker.kind.isPerSegment ? brand.segments[segment].id : nil,
                channel: channelID, stage: stageID,
                attribute: draft.attribute.map { brand.attributes[$0].id },
                location: journey.location(position), wording: draft.wording, related: draft.related, suppression: suppression
            ))
        }
    }

    /// The touchpoint's suppression of this marker, else the journey's.
    private mutating func suppression(of marker: Marker, in view: JourneyView, touchpoint: Int?) -> SuppressionNote? {
        let segmentFilter: Int? = marker.kind.isPerSegment ? segment : nil
        let journey = view.journey
        if let touchpoint {
            let suppressions = journey.touchpoints[touchpoint].suppressions
            if let index = suppressions.firstIndex(where: { $0.covers(marker: marker.id, segment: segmentFilter) }) {
                usedSuppressions.insert(SuppressionUse(journey: view.index, touchpoint: touchpoint, index: index))
                return SuppressionNote(reason: suppressions[index].reason, location: journey.location(suppressions[index].position))
            }
        }
        if let index = journey.suppressions.firstIndex(where: { $0.covers(marker: marker.id, segment: segmentFilter) }) {
            usedSuppressions.insert(SuppressionUse(journey: view.index, touchpoint: nil, index: index))
            return SuppressionNote(reason: journey.suppressions[index].reason, location: journey.location(journey.suppressions[index].position))
        }
        return nil
    }
}

/// A suppression that applied at least once, by place.
struct SuppressionUse: Hashable, Sendable {
    let journey: Int
    let touchpoint: Int?
    let index: Int
}
