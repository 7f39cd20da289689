import CharterChecker
import JourneyModel

/// A journey as one segment goes through it, ready to be drawn: its stages
/// and channels in the brand's order, each touchpoint with its handoffs and
/// the worst of its gaps, and the KPIs declared per stage.
enum JourneyMap {
    /// `position` is the journey's place in the workspace, which gaps name;
    /// `order` its touchpoints in journey order; `gapPositions` the
    /// positions in the check's gaps of the segment's gaps in this journey.
    static func passage(
        of journey: Journey, order: [Int], segment: Int, brand: Brand, gaps: [Gap], gapPositions: [Int32]
    ) -> JourneyPassage {
        let touchpoints = journey.touchpoints
        let taken = order.filter { touchpoints[$0].isTaken(by: segment) }
        // Each touchpoint's step, for the gaps to find it.
        var stepOf = [Int32](repeating: -1, count: touchpoints.count)
        for (step, index) in taken.enumerated() { stepOf[index] = Int32(step) }

        // The worst open gap of each step, and of each handoff by the
        // touchpoint that hands over and the one that receives.
        var marks = JourneySteps.Marks(count: taken.count)
        for gapPosition in gapPositions {
            let gap = gaps[Int(gapPosition)]
            guard let touchpoint = gap.place.touchpoint, touchpoint < touchpoints.count else { continue }
            let step = Int(stepOf[touchpoint])
            if !gap.isOpen {
                if step >= 0 { marks.accepted[step] += 1 }
                continue
            }
            if case .handoff(let finding) = gap.finding {
                let key = JourneySteps.HandoffKey(from: finding.from, to: touchpoint)
                marks.handoffs[key] = max(marks.handoffs[key] ?? gap.severity, gap.severity)
            } else if step >= 0 {
                marks.worst[step] = max(marks.worst[step] ?? gap.severity, gap.severity)
            }
            if step >= 0 { marks.open[step] += 1 }
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
            stages: usedStages.sorted().map { brand.stages[$0].id },
            channels: usedChannels.sorted().map { brand.channels[$0].id },
            steps: JourneySteps(journey: journey, brand: brand, segment: segment, taken: taken.map { Int32($0) }, marks: marks),
            kpis: kpis
        )
    }
}

/// The touchpoints of a journey one segment goes through, in journey order,
/// each made when read from the journey and the segment's marks: a segment
/// keeps a few bytes a touchpoint, not a step with its own `next` list.
public struct JourneySteps: RandomAccessCollection, Sendable, Equatable {
    /// What the segment meets at each step.
    struct Marks: Sendable, Equatable {
        var worst: [Severity?]
        var open: [Int32]
        var accepted: [Int32]
        /// The worst open gap of each flagged handoff: a few, not one a step.
        var handoffs: [HandoffKey: Severity] = [:]

        init(count: Int) {
            worst = [Severity?](repeating: nil, count: count)
            open = [Int32](repeating: 0, count: count)
            accepted = [Int32](repeating: 0, count: count)
        }
    }

    struct HandoffKey: Hashable, Sendable {
        let from: Int
        let to: Int
    }

    private enum Storage: Sendable {
        case mapped(Journey, Brand, segment: Int, taken: [Int32], marks: Marks)
        case written([JourneyStep])
    }

    private let storage: Storage

    init(journey: Journey, brand: Brand, segment: Int, taken: [Int32], marks: Marks) {
        storage = .mapped(journey, brand, segment: segment, taken: taken, marks: marks)
    }

    public init(_ steps: [JourneyStep]) {
        storage = .written(steps)
    }

    public var startIndex: Int { 0 }

    public var endIndex: Int {
        switch storage {
        case .mapped(_, _, _, let taken, _): taken.count
        case .written(let steps): steps.count
        }
    }

    public subscript(position: Int) -> JourneyStep {
        switch storage {
        case .written(let steps):
            return steps[position]
        case .mapped(let journey, let brand, let segment, let taken, let marks):
            let index = Int(taken[position])
            let touchpoints = journey.touchpoints
            let touchpoint = touchpoints[index]
            var seen = Set<Int>()
            let next = touchpoint.next.filter { touchpoints[$0.target].isTaken(by: segment) && seen.insert($0.target).inserted }.map { link in
                JourneyStep.Handoff(touchpoint: touchpoints[link.target].id, worstOpen: marks.handoffs[HandoffKey(from: index, to: link.target)])
            }
            return JourneyStep(
                touchpoint: touchpoint.id, name: touchpoint.name, stage: brand.stages[touchpoint.stage].id,
                channel: brand.channels[touchpoint.channel].id, next: next, worstOpen: marks.worst[position],
                openGaps: Int(marks.open[position]), acceptedGaps: Int(marks.accepted[position])
            )
        }
    }

    /// The touchpoint ids, in order, without making the steps.
    var touchpoints: [String] {
        switch storage {
        case .mapped(let journey, _, _, let taken, _): taken.map { journey.touchpoints[Int($0)].id }
        case .written(let steps): steps.map(\.touchpoint)
        }
    }

    public static func == (lhs: JourneySteps, rhs: JourneySteps) -> Bool { lhs.elementsEqual(rhs) }
}
