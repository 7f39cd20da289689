/// A brand's expectation and handoff markers turned into per-place
/// constraints, so the planner can ask "which values of this attribute
/// pass every marker for this channel, stage and segment?" in one lookup.
struct ConstraintTable: Sendable {
    let brand: BrandShape
    /// Inherited markers first, then the brand's own: the charter's order.
    let markers: [MarkerSpec]
    private let channelCount: Int
    private let stageCount: Int
    private let segmentCount: Int
    /// `operations[attribute][place]`, see ``place(channel:stage:segment:handoff:)``.
    private let operations: [[[ExpectOp]]]
    /// The candidate values (and nil) that pass, for `.free` attributes.
    private let allowedFree: [[[PlanValue?]]]

    init(brand: BrandShape, inherited: [MarkerSpec]) {
        self.brand = brand
        markers = inherited + CharterTemplates.markers(for: brand)
        channelCount = brand.channels.count
        stageCount = brand.stages.count
        segmentCount = brand.segments.count
        let placeCount = channelCount * stageCount * segmentCount * 2
        var operations = [[[ExpectOp]]](repeating: [[ExpectOp]](repeating: [], count: placeCount), count: brand.attributes.count)
        for marker in markers {
            let expects: [Expect]
            let handoffOnly: Bool
            switch marker.rule {
            case .expectation(let list): (expects, handoffOnly) = (list, false)
            case .handoff(let list): (expects, handoffOnly) = (list, true)
            default: continue
            }
            for channel in 0..<channelCount {
                for stage in 0..<stageCount {
                    for segment in 0..<segmentCount
                    where marker.scope.includes(channel: brand.channels[channel], stage: brand.stages[stage].id, segment: brand.segments[segment].id) {
                        for expect in expects {
                            guard let attribute = brand.attribute(expect.attribute) else { continue }
                            for handoff in handoffOnly ? [true] : [false, true] {
                                let place = Self.place(channel, stage, segment, handoff, stageCount, segmentCount)
                                operations[attribute][place].append(expect.op)
                            }
                        }
                    }
                }
            }
        }
        self.operations = operations
        allowedFree = brand.attributes.indices.map { attribute in
            let shape = brand.attributes[attribute]
            let domain: [PlanValue?] = [nil] + shape.candidates.map { $0 }
            return operations[attribute].map { list in
                domain.filter { value in list.allSatisfy { ExpectationJudge.passes(value, $0, kind: shape.kind) } }
            }
        }
    }

    private static func place(_ channel: Int, _ stage: Int, _ segment: Int, _ handoff: Bool, _ stageCount: Int, _ segmentCount: Int) -> Int {
        ((channel * stageCount + stage) * segmentCount + segment) * 2 + (handoff ? 1 : 0)
    }

    func operations(_ attribute: Int, channel: Int, stage: Int, segment: Int, handoff: Bool) -> [ExpectOp] {
        operations[attribute][Self.place(channel, stage, segment, handoff, stageCount, segmentCount)]
    }

    /// Values of `domain` (and nil) that pass every constraint at this place.
    func allowed(_ attribute: Int, channel: Int, stage: Int, segment: Int, handoff: Bool, domain: [PlanValue]) -> [PlanValue?] {
        let shape = brand.attributes[attribute]
        let place = Self.place(channel, stage, segment, handoff, stageCount, segmentCount)
        if shape.role == .free { return allowedFree[attribute][place] }
        let list = operations[attribute][place]
        return ([nil] + domain.map { $0 }).filter { value in list.allSatisfy { ExpectationJudge.passes(value, $0, kind: shape.kind) } }
    }

    /// Values every constraint on the attribute accepts, wherever it
    /// applies: the choices for a value held constant over a journey.
    func universallyAllowed(_ attribute: Int) -> [PlanValue] {
        let shape = brand.attributes[attribute]
        let lists = operations[attribute].filter { !$0.isEmpty }
        let passing = shape.candidates.filter { value in
            lists.allSatisfy { list in
                list.allSatisfy { op in
                    if case .absent = op { return true }
                    return ExpectationJudge.passes(value, op, kind: shape.kind)
                }
            }
        }
        return passing.isEmpty ? shape.candidates : passing
    }

    /// Whether any segment has a constraint on the attribute at this place.
    func isConstrained(_ attribute: Int, channel: Int, stage: Int, segments: [Int], handoff: Bool) -> Bool {
        segments.contains { !operations(attribute, channel: channel, stage: stage, segment: $0, handoff: handoff).isEmpty }
    }
}
