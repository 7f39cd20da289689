/// A Pike VM: runs every live thread of a ``PatternProgram`` in lock step over the text.
///
/// Each instruction holds at most one thread per text position (a sparse set marks the
/// visited ones), so the work is O(instructions × scalars) whatever the pattern, and
/// `(a+)+$` costs no more than `a+$`. Epsilon moves use an explicit stack, never
/// recursion, so long texts and large programs cannot exhaust the call stack.
enum PatternMatcher {
    /// Search semantics: true when a match starts at any position of `text`.
    static func matches(_ program: PatternProgram, in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let instructions = program.instructions
        let isCaseInsensitive = program.isCaseInsensitive
        // Case variants are worked out once per scalar, not once per thread.
        let folded = isCaseInsensitive ? scalars.map(PatternCaseFolding.folded) : []
        let uppercased = isCaseInsensitive ? scalars.map(PatternCaseFolding.uppercased) : []

        var current = PatternThreadSet(capacity: instructions.count)
        var next = PatternThreadSet(capacity: instructions.count)
        // Only addresses not yet in the list push successors, at most two each, so this never overflows.
        var pending = Array(repeating: 0, count: 2 * instructions.count + 1)

        /// Adds the thread at `start` and everything reachable from it without consuming text;
        /// returns true as soon as `match` is reached.
        func addThread(_ start: Int, at position: Int, to list: inout PatternThreadSet) -> Bool {
            pending[0] = start
            var top = 1
            while top > 0 {
                top -= 1
                let address = pending[top]
                if list.contains(address) {
                    continue
                }
                list.insert(address)
                switch instructions[address] {
                case .scalar, .scalarClass:
                    break
                case .match:
                    return true
                case .jump(let target):
                    pending[top] = target
                    top += 1
                case .split(let preferred, let other):
                    pending[top] = other
                    pending[top + 1] = preferred
                    top += 2
                case .assertion(let assertion):
                    if holds(assertion, at: position, in: scalars) {
                        pending[top] = address + 1
                        top += 1
                    }
                }
            }
            return false
        }

        for position in 0...scalars.count {
            if position == 0 || !program.isAnchoredAtStart {
                if addThread(0, at: position, to: &current) {
                    return true
                }
            }
            if position == scalars.count {
                break
            }
            if current.isEmpty {
                if program.isAnchoredAtStart {
                    return false
                }
                continue
            }
            let scalar = scalars[position]
            next.removeAll()
            for address in current.members {
                let consumed: Bool
                switch instructions[address] {
                case .scalar(let expected):
                    consumed = (isCaseInsensitive ? folded[position] : scalar) == expected
                case .scalarClass(let scalarClass):
                    consumed = isCaseInsensitive
                        ? scalarClass.matches(scalar, folded: folded[position], uppercased: uppercased[position])
                        : scalarClass.matches(scalar)
                case .split, .jump, .assertion, .match:
                    consumed = false
                }
                if consumed, addThread(address + 1, at: position + 1, to: &next) {
                    return true
                }
            }
            swap(&current, &next)
        }
        return false
    }

    private static func holds(_ assertion: PatternAssertion, at position: Int, in scalars: [Unicode.Scalar]) -> Bool {
        switch assertion {
        case .textStart:
            return position == 0
        case .textEnd:
            return position == scalars.count
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && PatternScalarSet.wordCharacters.contains(scalars[position - 1])
            let after = position < scalars.count && PatternScalarSet.wordCharacters.contains(scalars[position])
            return (before != after) == (assertion == .wordBoundary)
        }
    }
}
