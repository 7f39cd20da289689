import JourneyLoader
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

    /// Two journeys whose touchpoints plan random values, so that many gaps
    /// share a place (several markers, segments and attributes at one value
    /// or one touchpoint) and the tie-breaks are exercised.
    static func randomWorkspace(touchpoints count: Int, seed: UInt64) -> [SourceFile] {
        var random = Seeded(state: seed)
        let markers = [
            #"{ "id": "m3", "expect": { "address": "formal", "tone": "warm" } }"#,
            #"{ "id": "m1", "expect": { "address": { "oneOf": ["formal"] }, "tone": { "noneOf": ["pushy"] } } }"#,
            #"{ "id": "m2", "where": { "segments": ["premium"] }, "expect": { "signature": { "present": true } } }"#,
        ]
        let brand = SourceFile(path: Fixture.brandPath, text: Fixture.brand(markers: markers))
        func touchpoints(_ prefix: String) -> [String] {
            (0..<count).map { index in
                let address = ["formal", "informal"].randomElement(using: &random) ?? "formal"
                let tone = ["warm", "pushy", "neutral"].randomElement(using: &random) ?? "warm"
                let channel = ["store", "email", "chat", "phone"].randomElement(using: &random) ?? "store"
                return #"{ "id": "\#(prefix)\#(index)", "stage": "discover", "channel": "\#(channel)", "experience": { "address": "\#(address)", "tone": "\#(tone)" } }"#
            }
        }
        return [
            brand,
            Fixture.journey("b-second", segments: ["newcomers", "premium"], touchpoints("y")),
            Fixture.journey("a-first", segments: ["premium", "newcomers"], touchpoints("x")),
        ]
    }

    @Test("sorting in place by keys gives the order the plain comparison of what reports show gives", arguments: [0, 1, 2, 17, 200])
    func inPlaceMatchesComparison(count: Int) async throws {
        guard count > 0 else {
            var none: [Gap] = []
            GapOrder.sortForReport(&none, wording: GapWording(Workspace(brands: [], journeys: [])))
            #expect(none.isEmpty)
            return
        }
        let checked = try await check(files: Self.randomWorkspace(touchpoints: count, seed: UInt64(count)))
        let wording = checked.wording
        let expected = checked.report.gaps.map(wording.describe).sorted(by: GapOrder.precedes)
        #expect(checked.described == expected)
        var random = Seeded(state: UInt64(count) + 99)
        var shuffled = checked.report.gaps.shuffled(using: &random)
        GapOrder.sortForReport(&shuffled, wording: wording)
        #expect(shuffled.map(wording.describe) == expected)
        #expect(checked.report.gaps.count > count, "the fixture should give several gaps per touchpoint")
    }
}
