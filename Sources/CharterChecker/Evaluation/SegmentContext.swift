import JourneyModel

/// Everything markers need to judge one segment of one brand: the brand,
/// the segment, and each journey the segment goes through as it lives it.
struct SegmentContext: Sendable {
    let brand: Brand
    /// Position in the brand's segment catalog.
    let segment: Int
    let journeys: [JourneyView]

    /// The touchpoints of `view` inside `scope`, in journey order.
    func orderedTouchpoints(of view: JourneyView, in scope: ScopeFilter) -> [Int] {
        guard scope.channels != nil || scope.stages != nil else { return view.order }
        let layout = view.layout
        return view.order.filter { scope.includes(channel: layout.channels[$0]) && scope.includes(stage: layout.stages[$0]) }
    }

    /// The touchpoints of `view` inside `scope`, grouped by channel through
    /// the view's index, so a marker about two channels never visits the others.
    func touchpoints(of view: JourneyView, in scope: ScopeFilter) -> [Int] {
        guard let channels = scope.channels else { return orderedTouchpoints(of: view, in: scope) }
        let stages = view.layout.stages
        var result: [Int] = []
        for channel in channels where channel < view.byChannel.count {
            for position in view.byChannel[channel] where scope.includes(stage: stages[position]) {
                result.append(position)
            }
        }
        return result
    }
}

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
