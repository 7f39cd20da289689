import JourneyModel
import Testing

@testable import CharterChecker

@Suite("Stage KPI markers")
struct StageKPIMarkerTests {
    @Test("one quantitative and one qualitative KPI per stage by default; gaps carry no segment and appear once")
    func defaults() async throws {
        let checked = try await check(
            markers: [#"{ "id": "kpis", "kind": "stage-kpis" }"#],
            journeys: [Fixture.journey(
                "j1", segments: ["newcomers", "premium"],
                [
                    #"{ "id": "d", "stage": "discover", "channel": "email" }"#,
                    #"{ "id": "c", "stage": "choose", "channel": "store" }"#,
                    #"{ "id": "s", "stage": "support", "channel": "phone" }"#,
                ],
                extra: [
                    #""kpis": {"#,
                    #"  "discover": [{ "name": "Leads", "kind": "quantitative" }, { "name": "Lead fit", "kind": "qualitative" }],"#,
                    #"  "choose": [{ "name": "Quotes", "kind": "quantitative", "target": "6 per week" }],"#,
                    // A stage without touchpoints is checked when the journey declares KPIs for it.
                    #"  "buy": []"#,
                    #"},"#,
                ]
            )]
        )
        func gap(_ stage: String, _ planned: String, _ line: Int) -> GapFacts {
            GapFacts(
                "kpis", segment: nil, journey: "j1", touchpoint: nil, channel: nil, stage: stage, attribute: nil,
                expected: "at least 1 quantitative and 1 qualitative KPI", planned: planned, at: at("j1", line, 5)
            )
        }
        #expect(checked.gaps == [
            // No KPIs declared: the stage's first touchpoint.
            gap("support", "0 quantitative, 0 qualitative", 5),
            // Otherwise the stage's entry in `kpis`.
            gap("choose", "1 quantitative, 0 qualitative", 9),
            gap("buy", "0 quantitative, 0 qualitative", 10),
        ])
        #expect(checked.described[1].message
            == "stage 'choose' of journey 'j1' declares 1 quantitative and 0 qualitative KPI; 'kpis' expects at least 1 quantitative and 1 qualitative")
        #expect(checked.described.allSatisfy { $0.kind == .stageKPI })
        // Every segment going through the journey counts the journey's four stages.
        for segment in ["newcomers", "premium"] {
            #expect(checked.row("kpis", segment) == channels(none: n(4, 1)), "\(segment)")
            #expect(checked.byJourney("j1", "kpis", segment) == n(4, 1), "\(segment)")
        }
    }

    @Test("custom minimums, and where limits the stages")
    func minimumsAndScope() async throws {
        let checked = try await check(
            markers: [#"{ "id": "kpis", "kind": "stage-kpis", "quantitative": 2, "qualitative": 0, "where": { "stages": ["discover", "choose"] } }"#],
            journeys: [Fixture.journey(
                "j1",
                [
                    #"{ "id": "d", "stage": "discover", "channel": "email" }"#,
                    #"{ "id": "c", "stage": "choose", "channel": "store" }"#,
                    #"{ "id": "s", "stage": "support", "channel": "phone" }"#,
                ],
                extra: [
                    #""kpis": {"#,
                    #"  "discover": [{ "name": "Leads", "kind": "quantitative" }, { "name": "Lead fit", "kind": "qualitative" }],"#,
                    #"  "choose": [{ "name": "Quotes", "kind": "quantitative" }, { "name": "Signed", "kind": "quantitative" }],"#,
                    #"  "support": []"#,
                    #"},"#,
                ]
            )]
        )
        #expect(checked.gaps == [
            GapFacts(
                "kpis", segment: nil, journey: "j1", touchpoint: nil, channel: nil, stage: "discover", attribute: nil,
                expected: "at least 2 quantitative and 0 qualitative KPI", planned: "1 quantitative, 1 qualitative", at: at("j1", 8, 5)
            ),
        ])
        #expect(checked.row("kpis", "newcomers") == channels(none: n(2, 1)))
    }

    @Test("a stage KPI gap of a journey is the same for every segment that goes through it")
    func oncePerJourney() async throws {
        let checked = try await check(
            markers: [#"{ "id": "kpis", "kind": "stage-kpis" }"#],
            journeys: [
                Fixture.journey("j1", segments: ["newcomers", "premium"], [#"{ "id": "d", "stage": "discover", "channel": "email" }"#]),
                Fixture.journey("j2", segments: ["premium"], [#"{ "id": "d", "stage": "discover", "channel": "email" }"#]),
            ]
        )
        #expect(checked.gaps == ["j1", "j2"].map { journey in
            GapFacts(
                "kpis", segment: nil, journey: journey, touchpoint: nil, channel: nil, stage: "discover", attribute: nil,
                expected: "at least 1 quantitative and 1 qualitative KPI", planned: "0 quantitative, 0 qualitative", at: at(journey, 3, 5)
            )
        })
        #expect(checked.row("kpis", "newcomers") == channels(none: n(1, 0)))
        #expect(checked.row("kpis", "premium") == channels(none: n(2, 0)))
    }

    @Test("with counts: computable, only KPIs with a measure count")
    func computableOnly() async throws {
        let checked = try await check(
            markers: [#"{ "id": "kpis", "kind": "stage-kpis", "counts": "computable" }"#],
            journeys: [Fixture.journey(
                "j1", segments: ["newcomers"],
                [#"{ "id": "d", "stage": "discover", "channel": "email" }"#],
                extra: [
                    #""kpis": { "discover": ["#,
                    #"  { "name": "Leads", "kind": "quantitative", "measure": { "count": "cases", "per": "P1M" } },"#,
                    #"  { "name": "Lead fit", "kind": "qualitative", "target": "8 in 10" }"#,
                    #"] },"#,
                ]
            )]
        )
        #expect(checked.gaps.map(\.planned) == ["1 computable quantitative, 0 computable qualitative"])
        #expect(checked.described.first?.action
            == "Declare 1 computable qualitative KPI for stage 'discover' in the 'kpis' of journey 'j1'.")
    }
}
