/// One step of a compiled pattern, in the style of Thompson's construction.
///
/// Only `scalar` and `scalarClass` consume text; the others are followed while
/// a thread is added, so they cost nothing per scalar beyond a visited mark.
enum PatternInstruction: Sendable, Equatable {
    /// Consumes this scalar (already case-folded under `(?i)`).
    case scalar(Unicode.Scalar)
    /// Consumes one scalar the class admits.
    case scalarClass(PatternScalarClass)
    /// Continues at both targets.
    case split(Int, Int)
    case jump(Int)
    /// Continues at the next instruction only if the position passes the test.
    case assertion(PatternAssertion)
    case match
}

/// A pattern flattened into instructions for ``PatternMatcher``.
struct PatternProgram: Sendable {
    var instructions: [PatternInstruction]
    var isCaseInsensitive: Bool
    /// True when every match must begin at the start of the text (the pattern begins with `^`),
    /// so the matcher can stop as soon as its first threads die.
    var isAnchoredAtStart: Bool

    init(_ parsed: ParsedPattern) {
        var compiler = PatternCompiler(isCaseInsensitive: parsed.isCaseInsensitive)
        compiler.emit(parsed.root)
        compiler.append(.match)
        assert(compiler.instructions.count == parsed.size + 1, "the parser's size limit must see the real program size")
        instructions = compiler.instructions
        isCaseInsensitive = parsed.isCaseInsensitive
        isAnchoredAtStart = instructions.first == .assertion(.textStart)
    }
}

/// Lays a ``PatternNode`` out as instructions.
///
/// Sizes here must agree with ``SizedPatternNode/repeatedSize(_:minimum:maximum:)``, which the
/// parser uses to refuse oversized patterns before compilation starts.
struct PatternCompiler {
    private(set) var instructions: [PatternInstruction] = []
    let isCaseInsensitive: Bool

    init(isCaseInsensitive: Bool) {
        self.isCaseInsensitive = isCaseInsensitive
    }

    /// Appends an instruction and returns its address, for later patching.
    @discardableResult
    mutating func append(_ instruction: PatternInstruction) -> Int {
        instructions.append(instruction)
        return instructions.count - 1
    }

    mutating func emit(_ node: PatternNode) {
        switch node {
        case .empty:
            break
        case .scalar(let scalar):
            append(.scalar(isCaseInsensitive ? PatternCaseFolding.folded(scalar) : scalar))
        case .scalarClass(let scalarClass):
            append(.scalarClass(scalarClass))
        case .assertion(let assertion):
            append(.assertion(assertion))
        case .concatenation(let nodes):
            for item in nodes {
                emit(item)
            }
        case .alternation(let alternatives):
            emitAlternation(alternatives)
        case .repetition(let body, let minimum, let maximum):
            emitRepetition(body, minimum: minimum, maximum: maximum)
        }
    }

    /// `split L1, next; L1: a; jump end; next: split L2, next'; … ; last; end:`
    private mutating func emitAlternation(_ alternatives: [PatternNode]) {
        var exits: [Int] = []
        for (position, alternative) in alternatives.enumerated() {
            if position == alternatives.count - 1 {
                emit(alternative)
            } else {
                let split = append(.split(0, 0))
                emit(alternative)
                exits.append(append(.jump(0)))
                instructions[split] = .split(split + 1, instructions.count)
            }
        }
        for exit in exits {
            instructions[exit] = .jump(instructions.count)
        }
    }

    private mutating func emitRepetition(_ body: PatternNode, minimum: Int, maximum: Int?) {
        switch maximum {
        case nil where minimum == 0:
            // loop: split body, end; body; jump loop; end:
            let loop = append(.split(0, 0))
            emit(body)
            append(.jump(loop))
            instructions[loop] = .split(loop + 1, instructions.count)
        case nil:
            // n − 1 copies, then body+ as: start: body; split start, end
            for _ in 0..<(minimum - 1) {
                emit(body)
            }
            let start = instructions.count
            emit(body)
            let split = append(.split(start, 0))
            instructions[split] = .split(start, split + 1)
        case let maximum?:
            for _ in 0..<minimum {
                emit(body)
            }
            // Each optional copy: split body, skip; body; skip:
            for _ in minimum..<maximum {
                let split = append(.split(0, 0))
                emit(body)
                instructions[split] = .split(split + 1, instructions.count)
            }
        }
    }
}
