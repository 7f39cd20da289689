import CharterChecker
import Testing

@testable import JourneyReporters

@Suite("Gaps grouped by place")
struct SamePlaceGroupsTests {
    typealias Fixture = ReporterFixtures

    @Test("the same gap for several segments is one group naming them, in report order, wherever it falls in its place")
    func interleavedSegments() {
        let gaps = [
            Fixture.gap(marker: "a", segment: "newcomers", message: "one"),
            Fixture.gap(marker: "b", segment: "newcomers", message: "two"),
            Fixture.gap(marker: "a", segment: "regulars", message: "one"),
            // Same marker, another message: a group of its own.
            Fixture.gap(marker: "a", segment: "premium", message: "three"),
            Fixture.gap(marker: "b", segment: "premium", message: "two"),
            // Another place: new groups, even for the same marker and message.
            Fixture.gap(marker: "a", segment: "premium", line: 20, message: "one"),
            Fixture.gap(marker: "c", segment: nil, line: 20, message: "four"),
        ]
        var places: [[String]] = []
        SamePlaceGroups.forEachPlace(gaps) { groups in
            places.append(groups.map { "\($0.gap.location.line) \($0.gap.marker) \($0.message): \($0.segments.joined(separator: ","))" })
        }
        #expect(places == [
            ["12 a one: newcomers,regulars", "12 b two: newcomers,premium", "12 a three: premium"],
            ["20 a one: premium", "20 c four: "],
        ])
    }

    @Test("no gaps, no places")
    func empty() {
        var calls = 0
        SamePlaceGroups.forEachPlace([DescribedGap]()) { _ in calls += 1 }
        #expect(calls == 0)
    }
}
