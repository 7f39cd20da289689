import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Report order of gaps")
struct GapOrderTests {
    /// A small seeded generator, so the shuffles are the same on every run.
    struct Seeded: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("Sorting in place by index gives the order the plain comparison gives", arguments: [0, 1, 2, 17, 500])
    func inPlaceMatchesComparison(count: Int) {
        var random = Seeded(state: UInt64(count))
        let gaps = (0..<count).map { index in
            Gap(
                marker: ["m1", "m2", "m3"].randomElement(using: &random) ?? "m1", kind: .expectation, severity: .warning,
                brand: "b", journey: "j", touchpoint: "t\(index % 7)", segment: ["a", "b", nil].randomElement(using: &random) ?? nil,
                channel: nil, stage: nil, attribute: ["x", "y"].randomElement(using: &random),
                location: SourceLocation(
                    file: ["a.journey.jsonc", "b.journey.jsonc"].randomElement(using: &random) ?? "a",
                    line: Int.random(in: 1...5, using: &random), column: Int.random(in: 1...3, using: &random)
                ),
                expected: "e", planned: "p", message: "message \(Int.random(in: 0...3, using: &random))"
            )
        }
        let expected = gaps.sorted(by: Gap.reportOrder)
        #expect(Gap.sortedForReport(gaps) == expected)
        var inPlace = gaps.shuffled(using: &random)
        Gap.sortForReport(&inPlace)
        #expect(inPlace == expected)
    }
}
