/// Where a marker applies (its `where`): by channel, channel kind, stage and
/// segment. A missing filter means everywhere; filters combine with "and".
public struct Scope: Sendable {
    public var channels: MemberSet?
    public var channelKinds: Set<ChannelKind>?
    public var stages: MemberSet?
    public var segments: MemberSet?

    public init(channels: MemberSet? = nil, channelKinds: Set<ChannelKind>? = nil, stages: MemberSet? = nil, segments: MemberSet? = nil) {
        self.channels = channels
        self.channelKinds = channelKinds
        self.stages = stages
        self.segments = segments
    }

    public static let everywhere = Scope()

    /// The filters a `where` object takes.
    public static let keys = ["channels", "channelKinds", "stages", "segments"]

    public var isEverywhere: Bool { channels == nil && channelKinds == nil && stages == nil && segments == nil }

    public func includes(segment: Int) -> Bool { segments?.contains(segment) ?? true }

    public func includes(stage: Int) -> Bool { stages?.contains(stage) ?? true }

    public func includes(channel: Int, of brand: Brand) -> Bool {
        if let channels, !channels.contains(channel) { return false }
        if let channelKinds, !channelKinds.contains(brand.channels[channel].kind) { return false }
        return true
    }

    /// The brand's channels this scope lets through, computed once per brand.
    public func channelSet(in brand: Brand) -> MemberSet {
        MemberSet(brand.channels.indices.filter { includes(channel: $0, of: brand) })
    }
}
