import JourneyModel

/// A marker's scope resolved against one brand once: channel kinds turned
/// into channels, so each touchpoint costs two bit tests.
struct ScopeFilter: Sendable {
    let channels: MemberSet?
    let stages: MemberSet?
    let segments: MemberSet?

    init(_ scope: Scope, brand: Brand) {
        channels = scope.channels == nil && scope.channelKinds == nil ? nil : scope.channelSet(in: brand)
        stages = scope.stages
        segments = scope.segments
    }

    func includes(stage: Int) -> Bool { stages?.contains(stage) ?? true }

    func includes(channel: Int) -> Bool { channels?.contains(channel) ?? true }

    func includes(segment: Int) -> Bool { segments?.contains(segment) ?? true }
}
