import CharterChecker
import JourneyModel

/// Groups a segment's open gaps into actions for each channel's owner.
///
/// Groups come worst first: the worst severity among their gaps, then the
/// heaviest sum of severity weights, then the lowest channel score, then the
/// brand's channel order. Inside a group, items come by severity, then by
/// place in the files. Gaps about no single channel (a journey's KPIs) form
/// a group of their own, ranked like the others: a missing error-level KPI
/// comes before a channel's info-level gaps.
enum ActionPlan {
    /// The name of the group of gaps about no single channel.
    static let noChannelName = "Journeys as a whole"

    /// `open` holds positions of `selection`, worst first.
    static func groups(
        for open: [Int32], of selection: Auditor.GapSelection, brand: Brand, channelScores: [Score], weights: SeverityWeights
    ) -> [ActionGroup] {
        // Grouping keeps the worst-first order inside each group.
        let byChannel = Dictionary(grouping: open) { selection.facts[Int($0)].channelIndex(brand) }
        var groups: [(group: ActionGroup, worst: Severity, weight: Int, order: Int)] = []
        for (index, members) in byChannel {
            let channel = index.map { brand.channels[$0] }
            let group = ActionGroup(
                channel: channel?.id, channelName: channel?.name ?? noChannelName, owner: channel?.owner,
                score: index.map { channelScores[$0] }, items: ActionItems(selection.gaps(members))
            )
            let weight = members.reduce(0) { $0 + weights[selection.facts[Int($1)].severity] }
            let worst = members.map { selection.facts[Int($0)].severity }.max() ?? .info
            groups.append((group, worst, weight, index ?? Int.max))
        }
        return groups.sorted { lhs, rhs in
            if lhs.worst != rhs.worst { return lhs.worst > rhs.worst }
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            let leftPercent = lhs.group.score?.percent ?? 100, rightPercent = rhs.group.score?.percent ?? 100
            if leftPercent != rightPercent { return leftPercent < rightPercent }
            return lhs.order < rhs.order
        }.map(\.group)
    }
}
