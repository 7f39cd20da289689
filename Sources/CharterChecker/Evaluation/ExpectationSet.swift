import JourneyModel

/// A marker's expectations compiled for the inner loop, where each one is
/// judged for every touchpoint of every segment.
///
/// Most expectations compare a word, a number or a duration: those become
/// plain integers and doubles (a set of words becomes a bit mask), so
/// judging them copies nothing that is reference counted. Text and patterns,
/// and word sets beyond 64 choices, keep the general path.
struct ExpectationSet: Sendable {
    let expectations: [Expectation]
    /// What each expectation says in the gaps it finds, by position.
    let words: [ExpectationWords]
    private let tests: [CompiledTest]

    private struct CompiledTest {
        let attribute: Int
        let operation: Operation
    }

    private enum Operation {
        case choiceIn(UInt64)
        case choiceNotIn(UInt64)
        case number(equal: Double)
        case atLeast(Double)
        case atMost(Double)
        case boolean(Bool)
        case present
        case absent
        /// Judged by ``Expectation/isMet(by:definition:)``.
        case general(Int)
    }

    init(_ expectations: [Expectation], marker: Marker, brand: Brand) {
        self.expectations = expectations
        words = expectations.map { ExpectationWords($0, marker: marker, brand: brand) }
        tests = expectations.enumerated().map { index, expectation in
            CompiledTest(attribute: expectation.attribute, operation: Self.compile(expectation, index: index))
        }
    }

    private static func compile(_ expectation: Expectation, index: Int) -> Operation {
        func mask(_ values: [AttributeValue]) -> UInt64? {
            var bits: UInt64 = 0
            for value in values {
                guard case .choice(let choice) = value, choice < 64 else { return nil }
                bits |= 1 << UInt64(choice)
            }
            return bits
        }
        func magnitude(_ value: AttributeValue) -> Double? {
            switch value {
            case .choice(let rank): Double(rank)
            case .number(let number): number
            case .duration(let duration): duration.seconds
            case .text, .boolean: nil
            }
        }
        switch expectation.test {
        case .equals(let value):
            if case .boolean(let flag) = value { return .boolean(flag) }
            if case .number(let number) = value { return .number(equal: number) }
            return mask([value]).map(Operation.choiceIn) ?? .general(index)
        case .oneOf(let values):
            return mask(values).map(Operation.choiceIn) ?? .general(index)
        case .noneOf(let values):
            return mask(values).map(Operation.choiceNotIn) ?? .general(index)
        case .atLeast(let bound):
            return magnitude(bound).map(Operation.atLeast) ?? .general(index)
        case .atMost(let bound):
            return magnitude(bound).map(Operation.atMost) ?? .general(index)
        case .present:
            return .present
        case .absent:
            return .absent
        case .matches:
            return .general(index)
        }
    }

    /// Whether the touchpoint at `position` of `view` meets every
    /// expectation, read from the view's plain slots.
    func isMet(in view: JourneyView, at position: Int, brand: Brand) -> Bool {
        guard !view.slotStarts.isEmpty else {
            // A view kept for comparison has no slots: the general path.
            let experience = view.experiences[position]
            return expectations.allSatisfy { expectation in
                expectation.isMet(by: experience[expectation.attribute]?.value, definition: brand.attributes[expectation.attribute])
            }
        }
        let start = Int(view.slotStarts[position]), end = Int(view.slotStarts[position + 1])
        return view.slots.withUnsafeBufferPointer { slots in
            tests.withUnsafeBufferPointer { tests in
                for test in tests where !isMet(test, slots: slots, range: start..<end, view: view, position: position, brand: brand) {
                    return false
                }
                return true
            }
        }
    }

    @inline(__always)
    private func isMet(
        _ test: CompiledTest, slots: UnsafeBufferPointer<PlannedSlot>, range: Range<Int>,
        view: JourneyView, position: Int, brand: Brand
    ) -> Bool {
        var found: PlannedSlot?
        for index in range {
            let attribute = Int(slots[index].attribute)
            if attribute == test.attribute { found = slots[index]; break }
            if attribute > test.attribute { break }
        }
        guard let slot = found else {
            if case .absent = test.operation { return true }
            return false
        }
        switch test.operation {
        case .present: return true
        case .absent: return false
        case .general(let index):
            return expectations[index].isMet(by: view.experiences[position][test.attribute]?.value, definition: brand.attributes[test.attribute])
        case .choiceIn(let bits), .choiceNotIn(let bits):
            guard slot.kind == .choice else { return false }
            let choice = Int(slot.scalar)
            let inside = choice < 64 && bits & (1 << UInt64(choice)) != 0
            if case .choiceIn = test.operation { return inside }
            return !inside
        case .boolean(let expected):
            return slot.kind == .boolean && (slot.scalar != 0) == expected
        case .number(let expected):
            return slot.kind == .number && slot.scalar == expected
        case .atLeast(let bound):
            return slot.kind != .text && slot.kind != .boolean && slot.scalar >= bound
        case .atMost(let bound):
            return slot.kind != .text && slot.kind != .boolean && slot.scalar <= bound
        }
    }

    /// The gaps of a touchpoint that failed: one per unmet expectation, in
    /// the order written, each with the planned value in words.
    /// `handoff` names the touchpoint that hands the customer over, if any.
    func drafts(for experience: Experience, brand: Brand, handoff: GapWording.Handoff? = nil) -> [GapDraft] {
        expectations.indices.compactMap { index in
            let expectation = expectations[index]
            let planned = experience[expectation.attribute]
            let definition = brand.attributes[expectation.attribute]
            guard !expectation.isMet(by: planned?.value, definition: definition) else { return nil }
            return GapDraft(
                attribute: expectation.attribute, position: planned?.position,
                wording: .unmet(words[index], planned: planned.map { definition.render($0.value) }, handoff: handoff)
            )
        }
    }
}
