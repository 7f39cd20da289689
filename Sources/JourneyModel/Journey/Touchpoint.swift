/// One planned interaction on one channel at one stage, with its planned
/// experience, its refinements per segment and where the customer goes next.
public struct Touchpoint: Identified {
    public let id: String
    public var name: String?
    /// Position in the brand's stage catalog.
    public var stage: Int
    /// Position in the brand's channel catalog.
    public var channel: Int
    /// The segments that go through this touchpoint; nil for all of the journey's.
    public var segments: MemberSet?
    /// The experience every segment gets.
    public var experience: Experience
    /// Refinements laid over `experience` for some segments, by segment position.
    public var bySegment: [SegmentOverlay]
    public var next: [TouchpointLink]
    /// Who starts the interaction: the brand (a mailing, a call it places)
    /// or the customer (a visit, a question on the chat).
    public var initiator: Initiator
    /// When it is planned: this long after the previous touchpoint in
    /// journey order; nil when the journey does not say.
    public var after: ISODuration?
    /// Gaps the authors accept here, with their reasons.
    public var suppressions: [Suppression]
    /// The touchpoint's opening brace.
    public var position: SourcePosition

    public init(
        id: String,
        name: String? = nil,
        stage: Int,
        channel: Int,
        segments: MemberSet? = nil,
        experience: Experience = Experience(),
        bySegment: [SegmentOverlay] = [],
        next: [TouchpointLink] = [],
        initiator: Initiator = .brand,
        after: ISODuration? = nil,
        suppressions: [Suppression] = [],
        position: SourcePosition
    ) {
        self.id = id
        self.name = name
        self.stage = stage
        self.channel = channel
        self.segments = segments
        self.experience = experience
        self.bySegment = bySegment
        self.next = next
        self.initiator = initiator
        self.after = after
        self.suppressions = suppressions
        self.position = position
    }

    /// The experience the segment lives here: `experience` with the
    /// segment's `bySegment` entry laid over it.
    public func experience(for segment: Int) -> Experience {
        SegmentOverlay.experience(for: segment, base: experience, overlays: bySegment)
    }

    public func isTaken(by segment: Int) -> Bool { segments?.contains(segment) ?? true }
}

/// A segment's refinement of a touchpoint's experience.
public struct SegmentOverlay: Sendable {
    /// `base` with `segment`'s entry of `overlays` laid over it; callers
    /// that hold a touchpoint's stored properties use it without copying
    /// the touchpoint.
    public static func experience(for segment: Int, base: Experience, overlays: [SegmentOverlay]) -> Experience {
        guard let overlay = overlays.first(where: { $0.segment == segment }) else { return base }
        return base.overlaid(with: overlay.experience)
    }

    public var segment: Int
    public var experience: Experience

    public init(segment: Int, experience: Experience) {
        self.segment = segment
        self.experience = experience
    }
}

/// A `next` entry: the touchpoint the customer is handed to.
public struct TouchpointLink: Sendable, Hashable {
    /// Position in the journey's touchpoints.
    public var target: Int
    public var position: SourcePosition

    public init(target: Int, position: SourcePosition) {
        self.target = target
        self.position = position
    }
}

/// Who starts an interaction, as a touchpoint's `initiator` says.
public enum Initiator: String, Sendable, CaseIterable {
    /// The brand reaches out: a mailing, a call, a notification. The default.
    case brand
    /// The customer comes: a visit, a question, a booking.
    case customer
}
