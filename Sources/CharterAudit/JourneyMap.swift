import CharterChecker
import JourneyModel

/// A journey as one segment goes through it, ready to be drawn: its stages
/// and channels in the brand's order, each touchpoint with its handoffs and
/// the worst of its gaps, and the KPIs declared per stage.
enum JourneyMap {
    /// `position` is the journey's place in the workspace, which gaps name;
    /// `order` its touchpoints in journey order; `gapPositions` the
    /// positions in `gaps` of the segment's gaps in this journey.
    static func passage(
        of journey: Journey, at position: Int, order: [Int], segment: Int, brand: Brand,
        gaps: Auditor.GapSelection, gapPositions: [Int]
    ) -> JourneyPassage {
        let touchpoints = journey.touchpoints
        let taken = order.filter { touchpoints[$0].isTaken(by: segment) }
        var isTaken = [Bool](repeating: false, count: touchpoints.count)
        for index in taken { isTaken[index] = true }

        // The worst open gap of each touchpoint, and of each handoff by the
        // touchpoint that hands over and the one that receives.
        var worst = [Severity?](repeating: nil, count: touchpoints.count)
        var open = [Int](repeating: 0, count: touchpoints.count)
        var accepted = [Int](repeating: 0, count: touchpoints.count)
        var handoffs: [HandoffKey: Severity] = [:]
        for gapPosition in gapPositions {
            let gap = gaps.all[gapPosition]
            guard let touchpoint = gap.place.touchpoint, touchpoint < touchpoints.count else { continue }
            guard gap.isOpen else {
                accepted[touchpoint] += 1
                continue
            }
            if case .handoff(let finding) = gap.finding {
                let key = HandoffKey(from: finding.from, to: touchpoint)
                handoffs[key] = max(handoffs[key] ?? gap.severity, gap.severity)
            } else {
                worst[touchpoint] = max(worst[touchpoint] ?? gap.severity, gap.severity)
            }
            open[touchpoint] += 1
        }

        let steps = taken.map { index in
            let touchpoint = touchpoints[index]
            var seen = Set<Int>()
            let next = touchpoint.next.filter { isTaken[$0.target] && seen.insert($0.target).inserted }.map { link in
                JourneyStep.Handoff(
                    touchpoint: touchpoints[link.target].id, worstOpen: handoffs[HandoffKey(from: index, to: link.target)]
                )
            }
            return JourneyStep(
                touchpoint: touchpoint.id, name: touchpoint.name, stage: brand.stages[touchpoint.stage].id,
                channel: brand.channels[touchpoint.channel].id, next: next, worstOpen: worst[index],
                openGaps: open[index], acceptedGaps: accepted[index]
            )
        }

        var usedStages = Set(taken.map { touchpoints[$0].stage })
        for declared in journey.kpis { usedStages.insert(declared.stage) }
        let usedChannels = Set(taken.map { touchpoints[$0].channel })
        let kpis = journey.kpis.sorted { $0.stage < $1.stage }.map { declared in
            StageKPISummary(
                stage: brand.stages[declared.stage].id,
                kpis: declared.kpis.map { StageKPISummary.KPISummary(name: $0.name, kind: $0.kind, target: $0.target) }
            )
        }
        return JourneyPassage(
            journey: journey.id, name: journey.name, file: journey.file,
            touchpoints: taken.map { touchpoints[$0].id },
            stages: usedStages.sorted().map { brand.stages[$0].id },
            channels: usedChannels.sorted().map { brand.channels[$0].id },
            steps: steps, kpis: kpis
        )
    }

    private struct HandoffKey: Hashable {
        let from: Int
        let to: Int
    }
}
