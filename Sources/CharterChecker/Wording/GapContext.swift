import JourneyModel

/// What the words of one gap are made from: the brand, its marker, the
/// journey, the segment and the touchpoints the gap names, read in place
/// from the workspace.
///
/// Each marker kind says its gaps in its own file, from a context like this
/// one (``MarkerEvaluation``); what every kind says alike (how a touchpoint
/// is named, what an expectation expects) is here.
public struct GapContext {
    public let gap: Gap
    private let storage: GapWording.Storage

    init(gap: Gap, storage: GapWording.Storage) {
        self.gap = gap
        self.storage = storage
    }

    var workspace: Workspace {
        _read { yield storage.workspace }
    }

    var brandIndex: Int { storage.brandOfJourney[gap.place.journey] }

    public var brand: Brand {
        _read { yield workspace.brands[brandIndex] }
    }

    public var marker: Marker {
        _read { yield workspace.brands[brandIndex].charter.markers[gap.place.marker] }
    }

    public var journey: Journey {
        _read { yield workspace.journeys[gap.place.journey] }
    }

    /// The touchpoint at a position of the gap's journey.
    public func touchpoint(_ position: Int) -> Touchpoint { workspace.journeys[gap.place.journey].touchpoints[position] }

    public func touchpointID(_ position: Int) -> String { workspace.journeys[gap.place.journey].touchpoints[position].id }

    public func channelID(of position: Int) -> String {
        brand.channels[workspace.journeys[gap.place.journey].touchpoints[position].channel].id
    }

    /// How messages name a touchpoint: `welcome-mail (email, discover)`.
    public func subject(of position: Int) -> String {
        let touchpoint = workspace.journeys[gap.place.journey].touchpoints[position]
        return Self.subject(touchpoint: touchpoint.id, channel: brand.channels[touchpoint.channel].id, stage: brand.stages[touchpoint.stage].id)
    }

    /// `welcome-mail (email, discover)`, from the names.
    public static func subject(touchpoint: String, channel: String, stage: String) -> String {
        "\(touchpoint) (\(channel), \(stage))"
    }

    /// The value the gap's segment plans for `attribute` at a touchpoint:
    /// the touchpoint's experience with the segment's refinement laid over
    /// it (the common experience for gaps of no segment).
    public func planned(_ attribute: Int, at position: Int) -> PlannedValue? {
        let touchpoint = workspace.journeys[gap.place.journey].touchpoints[position]
        if let segment = gap.place.segment, let overlay = touchpoint.bySegment.first(where: { $0.segment == segment }),
           let value = overlay.experience[attribute] {
            return value
        }
        return touchpoint.experience[attribute]
    }

    /// A value in words, as files write it.
    public func render(_ value: AttributeValue, of attribute: Int) -> String {
        brand.attributes[attribute].render(value)
    }

    public func attributeID(_ attribute: Int) -> String { brand.attributes[attribute].id }

    /// A place in the gap's journey file.
    public func location(_ position: SourcePosition) -> SourceLocation {
        SourceLocation(file: workspace.journeys[gap.place.journey].file, position: position)
    }

    /// What one expectation of the gap's marker says in every gap it finds.
    func words(ofExpectation index: Int) -> ExpectationWords {
        storage.shared.expectations[brandIndex][gap.place.marker][index]
    }
}

/// Words every gap of one expectation shares, written once per brand when
/// a report is first worded rather than for each of a million gaps.
final class SharedWords: Sendable {
    /// `[brand][marker][expectation]`, positions in the workspace's brands,
    /// the brand's charter and the marker's expectations.
    let expectations: [[[ExpectationWords]]]

    init(_ workspace: Workspace) {
        expectations = workspace.brands.map { brand in
            brand.charter.markers.map { marker in
                marker.rule.definition.expectations.map { ExpectationWords($0, marker: marker, brand: brand) }
            }
        }
    }
}

/// What one expectation of one marker says in every gap it finds.
struct ExpectationWords: Sendable {
    /// `tone one of [warm, expert]`.
    let expected: String
    /// `; 'We speak warmly' expects tone one of [warm, expert]`.
    let messageTail: String
    let remedy: Remedy

    /// The change that closes the gap, around the place where it is.
    enum Remedy: Sendable {
        /// `before + place + after`: "Set tone to warm at " + "welcome-mail" + ".".
        case around(before: String, after: String)
        /// "Remove tone (casual) from welcome-mail.": names the planned value.
        case remove(attribute: String)
    }

    init(_ expectation: Expectation, marker: Marker, brand: Brand) {
        let definition = brand.attributes[expectation.attribute]
        let name = definition.id
        expected = expectation.describe(in: brand)
        messageTail = "; '\(marker.title)' expects \(expected)"
        func list(_ values: [AttributeValue]) -> String { values.map { definition.render($0) }.joined(separator: ", ") }
        switch expectation.test {
        case .equals(let value): remedy = .around(before: "Set \(name) to \(definition.render(value)) at ", after: ".")
        case .oneOf(let values): remedy = .around(before: "Set \(name) to one of \(list(values)) at ", after: ".")
        case .noneOf(let values): remedy = .around(before: "Change \(name) at ", after: " to a value other than \(list(values)).")
        case .atLeast(let value): remedy = .around(before: "Raise \(name) to at least \(definition.render(value)) at ", after: ".")
        case .atMost(let value): remedy = .around(before: "Bring \(name) down to at most \(definition.render(value)) at ", after: ".")
        case .present: remedy = .around(before: "Plan \(name) at ", after: ".")
        case .absent: remedy = .remove(attribute: name)
        case .matches(let pattern): remedy = .around(before: "Reword \(name) at ", after: " to match /\(pattern.source)/.")
        }
    }

    /// What to change at `place` ("welcome-mail", or "x, where y hands over").
    func action(at place: String, planned: String?) -> String {
        switch remedy {
        case .around(let before, let after): before + place + after
        case .remove(let attribute): "Remove \(attribute) (\(planned ?? "not planned")) from \(place)."
        }
    }
}
