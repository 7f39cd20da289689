import CharterChecker
import JourneyModel
import Testing

@testable import LivedCases
@testable import LivedReport

/// The lived journey a case is judged as, filled again for each case, and
/// what the tallies count once per case.
@Suite("Lived journeys, case after case")
struct LivedJourneyTests {
    @Test("the lived steps are the planned touchpoints in lived order, lived values over the planned ones, from the first one's time")
    func stepsOverThePlan() async throws {
        let (compiled, _) = try await Shop.load()
        let (matched, observed) = try Shop.matched([
            LivedJudgeTests.row("C1", 0, "Browsed"), LivedJudgeTests.row("C1", 30, "Mail sent", values: "tu,180,,"),
            LivedJudgeTests.row("C1", 90, "Store visit"),
        ], compiled: compiled)
        let path = try #require(CaseMatcher(compiled).paths[matched.journey][matched.segment])
        var lived = LivedJourney()
        // A longer case first: its steps must not linger in the next one.
        let (longer, longerObserved) = try Shop.matched([
            LivedJudgeTests.row("C0", 0, "Browsed"), LivedJudgeTests.row("C0", 1, "Mail sent"), LivedJudgeTests.row("C0", 2, "Store visit"),
            LivedJudgeTests.row("C0", 3, "Call"), LivedJudgeTests.row("C0", 4, "Call"),
        ], compiled: compiled)
        lived.fill(longer, observed: longerObserved, path: path)
        #expect(lived.steps.count == 5)
        lived.fill(matched, observed: observed, path: path)
        // browse, mail, store are planned positions 0, 1, 2; web, email, store are channels 0, 1, 2.
        #expect(lived.steps.touchpoints == [0, 1, 2])
        #expect(lived.steps.channels == [0, 1, 2])
        #expect(lived.steps.seconds == [0, 1800, 5400])
        let address = try #require(compiled.brand.attributes.index(of: "address"))
        let responseTime = try #require(compiled.brand.attributes.index(of: "responseTime"))
        let odds = try #require(compiled.brand.attributes.index(of: "odds"))
        // The mail lived "tu" and 180 minutes; what it does not say (odds 20) stays planned.
        let mail = lived.steps.experience(at: 1)
        #expect(mail[address]?.value == .choice(1))
        #expect(mail[responseTime]?.value == .duration(try #require(ISODuration("PT3H"))))
        #expect(mail[odds]?.value == .number(20))
        #expect(lived.steps.experience(at: 0)[address]?.value == .choice(0))
    }

    @Test("a lived duration is the one the milliseconds make, whether cached or in a slot another one took")
    func durationsCached() throws {
        var lived = LivedJourney()
        // More durations than slots: some share a slot, and each is still its own.
        for round in 0..<2 {
            for milliseconds in stride(from: Int64(0), to: Int64(2 * LivedJourney.durationsCached) * 60_000, by: 60_000) {
                let duration = lived.duration(milliseconds: milliseconds)
                #expect(duration.seconds == Double(milliseconds / 1000), "round \(round)")
            }
        }
        #expect(lived.duration(milliseconds: 90_000).text == "PT1M30S")
        #expect(lived.duration(milliseconds: 91_024).text == "PT1M31.024S")
    }

    @Test("a case counts once however often it lives a thing; merged tallies go on counting new cases")
    func caseCounts() {
        var count = CaseCount()
        count.count(case: 1)
        count.count(case: 1)
        count.count(case: 2)
        #expect(count.cases == 2)
        var other = CaseCount()
        other.count(case: 1)
        var merged = count.merged(other)
        #expect(merged.cases == 3)
        // The merged tally numbers its next case 4 (2 + 1 + 1).
        merged.count(case: 4)
        merged.count(case: 4)
        #expect(merged.cases == 4)
    }

    @Test("a handoff is judged along the lived order, on the receiving channel, at the lived position")
    func livedHandoff() async throws {
        let (compiled, _) = try await Shop.load()
        // Browsed (web), then straight to the store, where the history was not carried.
        let (matched, observed) = try Shop.matched([
            LivedJudgeTests.row("C5", 0, "Browsed"), LivedJudgeTests.row("C5", 60, "Store visit", values: ",,no,"),
        ], compiled: compiled)
        let path = try #require(CaseMatcher(compiled).paths[matched.journey][matched.segment])
        var lived = LivedJourney()
        lived.fill(matched, observed: observed, path: path)
        let markers = compiled.brand.charter.markers
        let context = try #require(markers.firstIndex { $0.id == "context" })
        let formal = try #require(markers.firstIndex { $0.id == "formal" })
        var session = LivedJudge(brand: compiled.brand, segment: 0, journeyCount: compiled.journeys.count).makeSession()
        let judgement = session.judge(lived.steps, of: compiled.journeys[matched.journey], plannedJourney: matched.journey)
        #expect(judgement.checks[context] == CheckCount(applicable: 1, met: 0))
        #expect(judgement.checks[formal] == CheckCount(applicable: 2, met: 2))
        let gaps = judgement.gaps.filter { $0.place.marker == context }
        #expect(gaps.map(\.place.touchpoint) == [1])
        // The same case again counts the same, nothing left of the first time.
        let again = session.judge(lived.steps, of: compiled.journeys[matched.journey], plannedJourney: matched.journey)
        #expect(again.checks == judgement.checks)
        #expect(again.byChannel == judgement.byChannel)
    }
}
