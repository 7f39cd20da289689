import EventExports
import JourneyLoader
import JourneyModel
import LivedCases
import Testing

@testable import PeriodReview

/// One brand, four deals and three owners, reviewed for 2026-Q3 in
/// Europe/Paris; every expected figure is computed by hand in the comments.
@Suite struct ReviewComputationTests {
    static let brand = #"""
    { "brand": "desk", "name": "Desk", "timeZone": "Europe/Paris",
      "channels": { "phone": { "kind": "voice" }, "field": { "kind": "physical" } },
      "segments": { "smb": {} },
      "stages": ["qualification", "meeting", "proposal", "closing"],
      "attributes": {
        "activity": { "type": "enum", "values": ["qualification", "discovery", "offer", "signature"] },
        "odds": { "type": "number" }, "amount": { "type": "number" }
      },
      "markers": [ { "id": "qualify-first", "kind": "sequence", "attribute": "activity", "first": "qualification", "then": "discovery" } ] }
    """#

    static let journey = #"""
    { "journey": "deal", "brand": "desk", "touchpoints": [
      { "id": "call", "stage": "qualification", "channel": "phone", "experience": { "activity": "qualification" } },
      { "id": "visit", "stage": "meeting", "channel": "field", "experience": { "activity": "discovery" } },
      { "id": "offer", "stage": "proposal", "channel": "field", "experience": { "activity": "offer" } },
      { "id": "signed", "stage": "closing", "channel": "field", "experience": { "activity": "signature" } } ],
      "kpis": {
        "qualification": [ { "name": "Qualified", "kind": "quantitative", "measure": { "count": "cases" }, "objective": { "atMost": 10 } } ],
        "meeting": [
          { "name": "Visits", "kind": "quantitative", "measure": { "count": "touchpoints", "per": "P1W", "by": "owner" }, "objective": { "atLeast": 1 } },
          { "name": "Won from meeting", "kind": "quantitative", "measure": { "rate": "conversion", "to": "closing" } },
          { "name": "Qualified first", "kind": "qualitative", "measure": { "rate": "marker", "marker": "qualify-first" }, "objective": { "atLeast": 0.9 } },
          { "name": "Days in meeting", "kind": "qualitative", "measure": { "duration": "median" } } ],
        "proposal": [ { "name": "Weighted pipeline", "kind": "quantitative",
          "measure": { "sum": "amount", "weightedBy": "odds", "weightScale": 100, "by": "owner" },
          "objective": [ { "atLeast": 1000 }, { "validFrom": "2026-07-01", "atLeast": 2000 } ] } ] } }
    """#

    static let source = #"""
    { "source": "crm", "brand": "desk", "data": "crm.csv", "journey": "deal", "segment": "smb",
      "columns": { "case": "deal", "time": "time", "activity": "activity", "owner": "owner" },
      "activities": { "Call": "call", "Visit": "visit", "Offer": "offer", "Signed": "signed", "Lost": null },
      "attributes": { "odds": { "column": "odds" }, "amount": { "column": "amount" } },
      "forecast": { "probability": "odds", "scale": 100, "amount": "amount", "won": ["Signed"], "lost": ["Lost"] } }
    """#

    static let rows = [
        "deal,time,activity,owner,odds,amount",
        // A1 (a): qualified, two visits in Q3, won on 3 August.
        "A1,2026-07-06T09:00:00Z,Call,a,,",
        "A1,2026-07-07T09:00:00Z,Visit,a,30,10000",
        "A1,2026-07-14T09:00:00Z,Visit,a,,",
        "A1,2026-07-20T09:00:00Z,Offer,a,60,10000",
        "A1,2026-08-03T09:00:00Z,Signed,a,100,",
        // A2 (a): no qualification call; the visit is 30 June in UTC but 1 July in Paris. Lost.
        "A2,2026-06-30T22:30:00Z,Visit,a,40,4000",
        "A2,2026-07-10T09:00:00Z,Offer,a,50,4000",
        "A2,2026-07-30T09:00:00Z,Lost,a,,",
        // B1 (b): the forecast falls from 50 to 30 at the proposal. Lost.
        "B1,2026-08-03T09:00:00Z,Call,b,,",
        "B1,2026-08-04T09:00:00Z,Visit,b,50,2000",
        "B1,2026-08-10T09:00:00Z,Offer,b,30,2000",
        "B1,2026-09-01T09:00:00Z,Lost,b,,",
        // C1 (c): qualified and met in Q2, proposal and win in Q3.
        "C1,2026-04-01T09:00:00Z,Call,c,,",
        "C1,2026-04-02T09:00:00Z,Visit,c,20,1000",
        "C1,2026-07-01T10:00:00Z,Offer,c,40,1000",
        "C1,2026-07-15T09:00:00Z,Signed,c,100,",
    ]

    static func review(rows: [String] = rows) async throws -> BrandReview {
        let result = await WorkspaceLoader.load([
            SourceFile(path: "Brands/desk.brand.jsonc", text: brand), SourceFile(path: "Journeys/desk/deal.journey.jsonc", text: journey),
            SourceFile(path: "Observations/desk/crm.source.jsonc", text: source),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
        let brand = try #require(result.workspace.brands.first)
        let journeys = result.workspace.journeys(of: "desk")
        let compiled = CompiledSource(try #require(result.sources.first), brand: brand, journeys: journeys)
        let context = ReviewContext(brand: brand, journeys: journeys, period: ReviewPeriod("2026-Q3")!, previous: ReviewPeriod("2026-Q2")!)
        let matcher = CaseMatcher(compiled)
        let access = InMemoryExports(["Observations/desk/crm.csv": Array((rows.joined(separator: "\n") + "\n").utf8)])
        let (_, partials) = try CaseReplay.run(compiled, access: access, makePartial: { ReviewTally(context: context) }) {
            $0.add($1, matcher: matcher, context: context)
        }
        var tally = ReviewTally(context: context)
        for partial in partials.reversed() { tally.merge(partial) }
        return ReviewBuilder.brand(context, tally: tally) { String(decoding: $0, as: UTF8.self) }
    }

    static func kpi(_ review: BrandReview, _ name: String) throws -> KPIReview {
        try #require(review.kpis.first { $0.name == name })
    }

    static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    @Test func countsOfCasesAndTouchpoints() async throws {
        let review = try await Self.review()
        // Calls of A1 (6 July) and B1 (3 August) in Q3; C1's (1 April) in Q2. At most 10: met, 20 %.
        let qualified = try Self.kpi(review, "Qualified")
        #expect(qualified.team.value == .value(2) && qualified.team.previous == .value(1))
        #expect(qualified.team.met == true && Self.close(qualified.team.reached, 20))
        // Visits: a 3 (A1 twice, A2 on 1 July in Paris), b 1, c 0, over the 13 ISO weeks of Q3.
        let visits = try Self.kpi(review, "Visits")
        #expect(visits.team.count == 4 && visits.team.periods == 13)
        #expect(Self.close(visits.team.value.number, 4.0 / 13))
        #expect(visits.owners.map(\.owner) == ["a", "b", "c"])
        #expect(visits.owners.map(\.count) == [3, 1, 0])
        #expect(Self.close(visits.median, 1.0 / 13))
        // At least twice the median (2/13) is high; at most half of it (0.5/13) is low.
        #expect(visits.owners.map(\.outlier) == [.high, nil, .low])
        #expect(visits.owners[0].examples == ["A1", "A2"])
        #expect(Self.close(visits.owners[0].reached, 300.0 / 13))
        // c's Q2 visit: 1 in the 13 weeks of Q2.
        #expect(Self.close(visits.owners[2].previous.number, 1.0 / 13))
    }

    @Test func ratesSumsAndDurations() async throws {
        let review = try await Self.review()
        // Reaching the meeting in Q3: A1, A2, B1 (C1 met in Q2); A1 reached closing.
        let won = try Self.kpi(review, "Won from meeting")
        #expect((won.team.count, won.team.base) == (1, 3))
        #expect(won.team.previous == .value(1))
        // Of those three, A2 held no call first.
        let first = try Self.kpi(review, "Qualified first")
        #expect((first.team.count, first.team.base) == (2, 3))
        #expect(first.team.met == false && Self.close(first.team.reached, 2.0 / 3 / 0.9 * 100))
        // Days from the first visit to the offer, counted where it leaves: 13, 9.4375, 6 and C1's 90 days 1 hour; median (rank 2) 9.4375.
        #expect(try Self.kpi(review, "Days in meeting").team.value == .value(9.4375))
        // Amount × odds ÷ 100 at the offer: a 6,000 + 2,000, b 600, c 400; the objective in force on 1 July is ≥ 2000.
        let pipeline = try Self.kpi(review, "Weighted pipeline")
        #expect(pipeline.team.value == .value(9000))
        #expect(pipeline.owners.map(\.value) == [.value(8000), .value(600), .value(400)])
        #expect(pipeline.objective?.atLeast == 2000 && pipeline.history.count == 2)
        #expect(pipeline.owners.map(\.reached) == [400, 30, 20])
        #expect(pipeline.owners.map(\.outlier) == [.high, nil, nil])
        // No case in Q2 reached the proposal: no figure, not zero.
        #expect(pipeline.team.previous == .absent("no case"))
    }

    @Test func forecastsDropsAndCalibration() async throws {
        let review = try await Self.review()
        #expect(review.dropCount == 1)
        #expect(review.drops == [DropLine(deal: "B1", owner: "b", fromStage: "meeting", toStage: "proposal", from: 50, to: 30)])
        let forecast = try #require(review.forecast)
        // Closed in Q3: A1 and C1 won, A2 and B1 lost.
        #expect((forecast.closed, forecast.won) == (4, 2))
        #expect(forecast.stages.map(\.stage) == ["meeting", "proposal", "closing"])
        let meeting = forecast.stages[0]
        // Forecasts 0.3, 0.4, 0.5, 0.2; outcomes 1, 0, 0, 1.
        #expect(Self.close(meeting.meanForecast.number, 0.35) && meeting.shareWon == .value(0.5))
        #expect(Self.close(meeting.brier.number, (0.49 + 0.16 + 0.25 + 0.64) / 4))
        #expect(meeting.forecastAmount == 5800 && meeting.wonAmount == 11000)
        // Proposal: 0.6, 0.5, 0.3, 0.4.
        #expect(Self.close(forecast.stages[1].brier.number, (0.16 + 0.25 + 0.09 + 0.36) / 4))
        #expect(forecast.stages[2].brier == .value(0) && forecast.stages[2].deals == 2)
        #expect(Self.close(forecast.brier.number, (1.54 + 0.86) / 10))
    }

    @Test func markersOnTheDealsAndTheActionPlan() async throws {
        let review = try await Self.review()
        let marker = try #require(review.markers.first)
        #expect((marker.marker, marker.applicable, marker.broken) == ("qualify-first", 4, 1))
        #expect(marker.byOwner.map(\.owner) == ["a"] && marker.examples == ["A2"])
        // A2, broken, was lost; of A1, B1 and C1, met, two were won.
        #expect((marker.closedBroken, marker.wonBroken, marker.closedMet, marker.wonMet) == (1, 0, 3, 2))
        #expect(review.actions.map(\.text) == [
            // Median owner: 1/13 of ≥ 1 is 8 %; the pipeline's median owner is at 30 %.
            "Review the objective of 'Visits' (≥ 1) or what holds it back: 8 % reached.",
            "Review the objective of 'Weighted pipeline' (≥ 2000) or what holds it back: 30 % reached.",
            "Follow 'Qualified first' closely: objective ≥ 0.9 missed.",
            // b and c miss both owner objectives; a is the best at both.
            "Pair b with a on 'Visits'.",
            "Pair c with a on 'Visits'.",
            "Pair b with a on 'Weighted pipeline'.",
            "Pair c with a on 'Weighted pipeline'.",
            "Rule 'qualify-first' broken on 1 of 4 deals.",
        ])
    }

    @Test func anEmptyPeriodGivesNoCaseNeverNaN() async throws {
        let review = try await Self.review(rows: [Self.rows[0]])
        for kpi in review.kpis {
            for value in [kpi.team.value] + kpi.owners.map(\.value) {
                if case .value(let number) = value { #expect(number.isFinite && number == 0, "\(kpi.name)") }
            }
        }
        #expect(try Self.kpi(review, "Won from meeting").team.value == .absent("no case"))
        #expect(try Self.kpi(review, "Days in meeting").team.value == .absent("no case"))
        #expect(try Self.kpi(review, "Visits").team.value == .value(0))
        #expect(review.forecast == nil && review.actions.isEmpty)
    }

    @Test("A share of a tiny objective is bounded when written, not a crash")
    func tinyObjective() {
        let tiny = ObjectiveStep(atLeast: 1e-300, position: SourcePosition(line: 1, column: 1))
        let (reached, met) = ReviewBuilder.judge(1e10, objective: tiny)
        #expect(met == true)
        #expect(reached == .infinity)
        #expect(ReviewBuilder.percent(reached ?? 0) == "1000000000000000 %")
        #expect(ReviewBuilder.wholePercent(138.4) == "138")
        #expect(ReviewBuilder.wholePercent(-Double.infinity) == "-1000000000000000")
        #expect(ReviewBuilder.wholePercent(Double.nan) == "—")
    }
}
