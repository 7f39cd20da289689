import LogGenerator

/// A value drawn uniformly from everything an attribute's type accepts, as
/// the gap-heavy profile plans them: valid input that ignores the charter.
enum RandomValue {
    static func draw(_ shape: AttributeShape, random: inout SplitMix64) -> PlanValue {
        switch shape.kind {
        case .enumeration(let words), .scale(let words):
            return .word(random.pick(words) ?? "")
        case .number:
            let range = numberRange(shape)
            return .number(Double(random.between(range.lowerBound, range.upperBound)))
        case .duration:
            return duration(random: &random)
        case .text:
            return text(shape, random: &random)
        case .boolean:
            return .flag(random.chance(0.5))
        }
    }

    /// Numbers a team might write for the attribute: a percentage, an
    /// amount of money, or up to twice the largest realistic value.
    static func numberRange(_ shape: AttributeShape) -> ClosedRange<Int> {
        switch shape.id {
        case "engagement", "winProbability", "satisfactionTarget": return 0...100
        case "discount": return 0...60
        case "dealSize": return 1_000...500_000
        default:
            let largest = shape.candidates.compactMap { value -> Double? in
                if case .number(let number) = value { return number } else { return nil }
            }.max() ?? 50
            return 0...max(1, Int(2 * largest))
        }
    }

    /// `PT35M`, `PT7H`, `PT1H20M`, `P12D` or `P3W`.
    static func duration(random: inout SplitMix64) -> PlanValue {
        let text = switch random.below(5) {
        case 0: "PT\(random.between(1, 59))M"
        case 1: "PT\(random.between(1, 23))H"
        case 2: "PT\(random.between(1, 9))H\(random.between(1, 59))M"
        case 3: "P\(random.between(1, 30))D"
        default: "P\(random.between(1, 8))W"
        }
        return AttributeCatalogue.duration(text)
    }

    /// One of the attribute's realistic or outlying texts, mostly with a
    /// numbered suffix: texts that mostly differ, as when every team writes
    /// its own, so a loader cannot share them.
    static func text(_ shape: AttributeShape, random: inout SplitMix64) -> PlanValue {
        let pool = (shape.candidates + shape.outliers).compactMap { value -> String? in
            if case .text(let text) = value { return text } else { return nil }
        }
        let base = random.pick(pool) ?? shape.id
        return .text(random.chance(0.9) ? "\(base) (\(random.between(1, 999_999)))" : base)
    }
}
