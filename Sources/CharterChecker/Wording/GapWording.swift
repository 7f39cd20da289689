import JourneyModel

/// Says the gaps of a check in words, each part only when a report asks
/// for it: the names of the place (brand, journey, touchpoint, segment,
/// channel, stage, attribute), where it is, what is expected and planned,
/// the message, the action and the related places.
///
/// Each marker kind words its own findings in its own file
/// (``MarkerEvaluation``); this is the one place reports ask.
///
/// ```swift
/// let wording = GapWording(workspace)
/// for gap in report.gaps where gap.isOpen {
///     print("\(wording.location(of: gap)): \(wording.message(of: gap))")
/// }
/// ```
public struct GapWording: Sendable {
    /// One shared object, so that a described gap costs one reference more
    /// than the gap.
    private let storage: Storage

    final class Storage: Sendable {
        let workspace: Workspace
        let baselineFile: String?
        /// The brand of each journey, by position in the workspace.
        let brandOfJourney: [Int]
        let shared: SharedWords

        init(workspace: Workspace, baselineFile: String?) {
            self.workspace = workspace
            self.baselineFile = baselineFile
            let brands = Dictionary(workspace.brands.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
            brandOfJourney = workspace.journeys.map { brands[$0.brand] ?? 0 }
            shared = SharedWords(workspace)
        }
    }

    public init(_ workspace: Workspace, baselineFile: String? = nil) {
        storage = Storage(workspace: workspace, baselineFile: baselineFile)
    }

    public var workspace: Workspace { storage.workspace }
    /// The baseline whose gaps are accepted, named in their notes.
    public var baselineFile: String? { storage.baselineFile }

    func context(_ gap: Gap) -> GapContext {
        GapContext(gap: gap, storage: storage)
    }

    /// What a visitor makes of a gap's finding, as its kind's own types.
    private func ask<Visitor: FindingVisitor>(_ gap: Gap, _ visitor: Visitor) -> Visitor.Result? {
        storage.workspace.brands[storage.brandOfJourney[gap.place.journey]].charter.markers[gap.place.marker].rule.visit(gap.finding, visitor)
    }

    // MARK: Names

    public func brand(of gap: Gap) -> Brand { workspace.brands[storage.brandOfJourney[gap.place.journey]] }

    public func brandID(of gap: Gap) -> String { storage.workspace.brands[storage.brandOfJourney[gap.place.journey]].id }

    public func journey(of gap: Gap) -> Journey { workspace.journeys[gap.place.journey] }

    public func journeyID(of gap: Gap) -> String { storage.workspace.journeys[gap.place.journey].id }

    public func marker(of gap: Gap) -> Marker {
        workspace.brands[storage.brandOfJourney[gap.place.journey]].charter.markers[gap.place.marker]
    }

    public func markerID(of gap: Gap) -> String {
        storage.workspace.brands[storage.brandOfJourney[gap.place.journey]].charter.markers[gap.place.marker].id
    }

    public func touchpointID(of gap: Gap) -> String? {
        gap.place.touchpoint.map { storage.workspace.journeys[gap.place.journey].touchpoints[$0].id }
    }

    public func segmentID(of gap: Gap) -> String? {
        gap.place.segment.map { storage.workspace.brands[storage.brandOfJourney[gap.place.journey]].segments[$0].id }
    }

    /// The channel's position in the brand's catalog: the touchpoint's, or
    /// the unit's for gaps about a channel of a journey.
    public func channel(of gap: Gap) -> Int? {
        let context = context(gap)
        return ask(gap, ChannelVisitor(context: context)) ?? nil
    }

    public func channelID(of gap: Gap) -> String? {
        channel(of: gap).map { storage.workspace.brands[storage.brandOfJourney[gap.place.journey]].channels[$0].id }
    }

    public func stageID(of gap: Gap) -> String? {
        let context = context(gap)
        return (ask(gap, StageVisitor(context: context)) ?? nil).map { context.brand.stages[$0].id }
    }

    /// The attribute's position in the brand's vocabulary, when the gap is about one.
    public func attribute(of gap: Gap) -> Int? { ask(gap, AttributeVisitor(context: context(gap))) ?? nil }

    public func attributeID(of gap: Gap) -> String? {
        attribute(of: gap).map { storage.workspace.brands[storage.brandOfJourney[gap.place.journey]].attributes[$0].id }
    }

    /// Where the gap points: the offending value, or the touchpoint (or the
    /// stage's KPIs, or the journey) when the value is missing.
    public func location(of gap: Gap) -> SourceLocation {
        SourceLocation(file: storage.workspace.journeys[gap.place.journey].file, position: gap.place.position)
    }

    // MARK: Words

    public func expected(of gap: Gap) -> String { ask(gap, PartVisitor(context: context(gap), part: .expected)) ?? "" }

    public func planned(of gap: Gap) -> String { ask(gap, PartVisitor(context: context(gap), part: .planned)) ?? "" }

    public func message(of gap: Gap) -> String { ask(gap, PartVisitor(context: context(gap), part: .message)) ?? "" }

    public func action(of gap: Gap) -> String { ask(gap, PartVisitor(context: context(gap), part: .action)) ?? "" }

    public func related(of gap: Gap) -> [RelatedLocation] { ask(gap, RelatedVisitor(context: context(gap))) ?? [] }

    /// Every word at once, for reports that write them all: one look-up of
    /// the gap's kind rather than one per word.
    public func words(of gap: Gap) -> GapWords {
        ask(gap, WordsVisitor(context: context(gap))) ?? GapWords(expected: "", planned: "", message: "", action: "", related: [])
    }

    /// Why the gap is accepted, and where that is written; nil for an open gap.
    public func suppressionNote(of gap: Gap) -> SuppressionNote? {
        guard let acceptance = gap.acceptance else { return nil }
        let journey = workspace.journeys[gap.place.journey]
        switch acceptance {
        case .baseline:
            let file = baselineFile ?? "the baseline"
            return SuppressionNote(
                reason: "known when the baseline \(file) was written",
                location: SourceLocation(file: file, position: .startOfFile), origin: .baseline
            )
        case .suppression(let suppressor, let index):
            let suppressions: [Suppression]
            switch suppressor {
            case .touchpoint: suppressions = gap.place.touchpoint.map { journey.touchpoints[$0].suppressions } ?? []
            case .journey: suppressions = journey.suppressions
            }
            let position = Int(index)
            guard suppressions.indices.contains(position) else { return nil }
            return SuppressionNote(reason: suppressions[position].reason, location: journey.location(suppressions[position].position))
        }
    }

    /// What tells the gap from another of its marker at the same place.
    public func identity(of gap: Gap) -> String { ask(gap, IdentityVisitor(context: context(gap))) ?? "" }

    /// Identifies the gap across edits that move lines: what baselines store.
    public func fingerprint(of gap: Gap) -> String { describe(gap).fingerprint }

    /// The fingerprint baselines of version 1 stored, to read them.
    public func legacyFingerprint(of gap: Gap) -> String { describe(gap).legacyFingerprint }

    /// Every name and word of the gap at once, for reports that write them all.
    public func describe(_ gap: Gap) -> DescribedGap {
        DescribedGap(gap, wording: self)
    }
}

/// A gap's words, all made at once.
public struct GapWords: Sendable, Equatable {
    public let expected: String
    public let planned: String
    public let message: String
    /// Empty when the marker names no action.
    public let action: String
    public let related: [RelatedLocation]

    public init(expected: String, planned: String, message: String, action: String, related: [RelatedLocation]) {
        self.expected = expected
        self.planned = planned
        self.message = message
        self.action = action
        self.related = related
    }
}

/// Something done with a finding once its kind is known: the generated
/// `MarkerRule.visit(_:_:)` hands it the rule and the finding as that
/// kind's own types.
protocol FindingVisitor {
    associatedtype Result
    var context: GapContext { get }
    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> Result
}

private struct PartVisitor: FindingVisitor {
    typealias Result = String
    enum Part { case expected, planned, message, action }
    let context: GapContext
    let part: Part

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> String {
        switch part {
        case .expected: evaluation.expected(finding, in: context)
        case .planned: evaluation.planned(finding, in: context)
        case .message: evaluation.message(finding, in: context)
        case .action: evaluation.action(finding, in: context)
        }
    }
}

private struct WordsVisitor: FindingVisitor {
    typealias Result = GapWords
    let context: GapContext

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> GapWords {
        GapWords(
            expected: evaluation.expected(finding, in: context), planned: evaluation.planned(finding, in: context),
            message: evaluation.message(finding, in: context), action: evaluation.action(finding, in: context),
            related: evaluation.related(finding, in: context)
        )
    }
}

private struct IdentityVisitor: FindingVisitor {
    typealias Result = String
    let context: GapContext

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> String {
        evaluation.identity(of: finding, in: context)
    }
}

private struct RelatedVisitor: FindingVisitor {
    typealias Result = [RelatedLocation]
    let context: GapContext

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> [RelatedLocation] {
        evaluation.related(finding, in: context)
    }
}

private struct AttributeVisitor: FindingVisitor {
    typealias Result = Int?
    let context: GapContext

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> Int? {
        evaluation.attribute(of: finding)
    }
}

private struct ChannelVisitor: FindingVisitor {
    typealias Result = Int?
    let context: GapContext

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> Int? {
        evaluation.channel(of: finding, in: context)
    }
}

private struct StageVisitor: FindingVisitor {
    typealias Result = Int?
    let context: GapContext

    func visit<Evaluation: MarkerEvaluation>(_ evaluation: Evaluation, _ finding: Evaluation.Finding) -> Int? {
        evaluation.stage(of: finding, in: context)
    }
}
