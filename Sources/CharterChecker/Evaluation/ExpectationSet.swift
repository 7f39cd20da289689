import JourneyModel
import TextPattern

/// A marker's expectations compiled for the inner loop, where each one is
/// judged for every touchpoint of every segment, by one evaluator that says
/// which of them failed.
///
/// Most expectations compare a word, a number or a duration: those become
/// plain integers and doubles (a set of words becomes a bit mask), so
/// judging them copies nothing that is reference counted. Text and
/// patterns, and word sets beyond 64 choices, are judged on the value itself.
struct ExpectationSet: Sendable {
    let expectations: [Expectation]
    private let tests: [CompiledTest]
    /// The tests judged on the value itself, by `Operation.general`'s index:
    /// kept apart so that a compiled test holds no reference, and reading
    /// one in the inner loop counts none.
    private let generals: [(test: AttributeTest, definition: AttributeDefinition)]

    private struct CompiledTest: Sendable {
        let attribute: Int
        let operation: Operation
    }

    private enum Operation: Sendable {
        case choiceIn(UInt64)
        case choiceNotIn(UInt64)
        case number(equal: Double)
        case atLeast(Double)
        case atMost(Double)
        case boolean(Bool)
        case present
        case absent
        /// Judged on the planned value (text, patterns, long word lists):
        /// the position of the test in `generals`.
        case general(Int)
    }

    init(_ expectations: [Expectation], brand: Brand) {
        self.expectations = expectations
        var generals: [(test: AttributeTest, definition: AttributeDefinition)] = []
        tests = expectations.map { expectation in
            let operation = Self.compile(expectation) ?? .general(generals.count)
            if case .general = operation { generals.append((expectation.test, brand.attributes[expectation.attribute])) }
            return CompiledTest(attribute: expectation.attribute, operation: operation)
        }
        self.generals = generals
    }

    /// The plain comparison `expectation` compiles to; nil when it is judged on the value itself.
    private static func compile(_ expectation: Expectation) -> Operation? {
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
            return mask([value]).map(Operation.choiceIn)
        case .oneOf(let values):
            return mask(values).map(Operation.choiceIn)
        case .noneOf(let values):
            return mask(values).map(Operation.choiceNotIn)
        case .atLeast(let bound):
            return magnitude(bound).map(Operation.atLeast)
        case .atMost(let bound):
            return magnitude(bound).map(Operation.atMost)
        case .present:
            return .present
        case .absent:
            return .absent
        case .matches:
            return nil
        }
    }

    /// The expectations the touchpoint at `position` of `view` fails, in the
    /// order written; none when it meets them all, the common case, which
    /// allocates nothing.
    func failures(in view: JourneyView, at position: Int, matches cache: inout PatternResults) -> ExpectationFailures {
        let start = Int(view.slotStarts[position]), end = Int(view.slotStarts[position + 1])
        var failures = ExpectationFailures()
        view.slots.withUnsafeBufferPointer { slots in
            for index in tests.indices {
                switch judge(tests[index], slots: slots, range: start..<end, view: view, position: position, cache: &cache) {
                case .met: break
                case .unmet: failures.insert(index)
                case .tooCostly: failures.insert(index, tooCostly: true)
                }
            }
        }
        return failures
    }

    /// Whether the touchpoint at `position` meets every expectation: what
    /// coverage counts, stopping at the first one it fails.
    func isMet(in view: JourneyView, at position: Int, matches cache: inout PatternResults) -> Bool {
        let start = Int(view.slotStarts[position]), end = Int(view.slotStarts[position + 1])
        return view.slots.withUnsafeBufferPointer { slots in
            tests.allSatisfy { judge($0, slots: slots, range: start..<end, view: view, position: position, cache: &cache) == .met }
        }
    }

    /// A `matches` pattern runs on a value only while the pattern's size
    /// times the value's length stays within this many steps (about a
    /// tenth of a second): beyond it, the expectation fails with a message
    /// saying the value is too long for the pattern.
    static let patternCostLimit = 10_000_000

    private enum Verdict {
        case met, unmet, tooCostly
    }

    @inline(__always)
    private func judge(
        _ test: CompiledTest, slots: UnsafeBufferPointer<PlannedSlot>, range: Range<Int>,
        view: JourneyView, position: Int, cache: inout PatternResults
    ) -> Verdict {
        var found: PlannedSlot?
        for index in range {
            let attribute = Int(slots[index].attribute)
            if attribute == test.attribute { found = slots[index]; break }
            if attribute > test.attribute { break }
        }
        guard let slot = found else {
            if case .absent = test.operation { return .met }
            return .unmet
        }
        let met: Bool
        switch test.operation {
        case .present: met = true
        case .absent: met = false
        case .general(let index):
            guard let planned = view.experiences[position][test.attribute]?.value else { return .unmet }
            return Self.judge(generals[index].test, planned: planned, definition: generals[index].definition, cache: &cache)
        case .choiceIn(let bits), .choiceNotIn(let bits):
            guard slot.kind == .choice else { return .unmet }
            let choice = Int(slot.scalar)
            let inside = choice < 64 && bits & (1 << UInt64(choice)) != 0
            if case .choiceIn = test.operation { met = inside } else { met = !inside }
        case .boolean(let expected):
            met = slot.kind == .boolean && (slot.scalar != 0) == expected
        case .number(let expected):
            met = slot.kind == .number && slot.scalar == expected
        case .atLeast(let bound):
            met = slot.kind != .text && slot.kind != .boolean && slot.scalar >= bound
        case .atMost(let bound):
            met = slot.kind != .text && slot.kind != .boolean && slot.scalar <= bound
        }
        return met ? .met : .unmet
    }

    /// The general path, on the value itself.
    private static func judge(
        _ test: AttributeTest, planned: AttributeValue, definition: AttributeDefinition, cache: inout PatternResults
    ) -> Verdict {
        let met: Bool
        switch test {
        case .equals(let expected): met = planned == expected
        case .oneOf(let allowed): met = allowed.contains(planned)
        case .noneOf(let forbidden): met = !forbidden.contains(planned)
        case .atLeast(let bound): met = definition.compare(planned, bound).map { $0 >= 0 } ?? false
        case .atMost(let bound): met = definition.compare(planned, bound).map { $0 <= 0 } ?? false
        case .present: met = true
        case .absent: met = false
        case .matches(let pattern):
            guard case .text(let text) = planned else { return .unmet }
            guard let matched = cache.result(of: pattern, on: text, costLimit: patternCostLimit) else { return .tooCostly }
            met = matched
        }
        return met ? .met : .unmet
    }
}

/// Which expectations of a set a touchpoint fails, by position; those too
/// long to match against their pattern are told apart.
struct ExpectationFailures: Sequence {
    private var failed: [(index: Int, tooCostly: Bool)] = []

    var isEmpty: Bool { failed.isEmpty }

    mutating func insert(_ index: Int, tooCostly: Bool = false) {
        failed.append((index, tooCostly))
    }

    func makeIterator() -> some IteratorProtocol<(index: Int, tooCostly: Bool)> { failed.makeIterator() }
}

/// What each pattern gave on each text, so that a text written on a
/// thousand touchpoints is matched once. Texts are told apart by their
/// scalars, not by canonical equivalence: a pattern sees scalars, so `é`
/// and `e` + U+0301 may match differently.
struct PatternResults {
    private var results: [Key: Bool?] = [:]
    /// How many matches were run rather than remembered.
    private(set) var matchesRun = 0

    private struct Key: Hashable {
        let pattern: TextPattern
        let text: String

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.pattern == rhs.pattern && lhs.text.unicodeScalars.elementsEqual(rhs.text.unicodeScalars)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(pattern)
            for scalar in text.unicodeScalars { hasher.combine(scalar.value) }
        }
    }

    /// Whether `pattern` is found in `text`; nil when the match would cost
    /// more than `costLimit` steps.
    mutating func result(of pattern: TextPattern, on text: String, costLimit: Int) -> Bool? {
        let key = Key(pattern: pattern, text: text)
        if let known = results[key] { return known }
        let found = pattern.matches(text, costLimit: costLimit)
        matchesRun += 1
        results[key] = found
        return found
    }
}
