import JourneyModel
import Testing

@testable import JourneyLoader

/// Computable KPIs: each kind of measure read into its value, objectives
/// with their history, and every mistake located at the value at fault.
@Suite struct KPIMeasureTests {
    static let touchpoints = """
        { "id": "hello", "stage": "discover", "channel": "email" },
        { "id": "call", "stage": "discover", "channel": "phone" },
        { "id": "order", "stage": "buy", "channel": "store" }
        """
    static let marker = #"{ "id": "formal", "expect": { "address": "formal" } }"#

    static func load(_ kpis: String) async -> (Journey?, LoadResult) {
        let journey = Acme.journey(touchpoints, extra: #" "kpis": { "discover": [ \#(kpis) ] },"#)
        let result = await Acme.load(markers: marker, journeys: [journey])
        return (result.workspace.journey(id: "first"), result)
    }

    static func kpi(_ kpis: String) async -> KPI? {
        let (journey, result) = await load(kpis)
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        return journey?.kpis.first?.kpis.first
    }

    @Test func countOfTouchpointsPerWeekPerOwner() async {
        let kpi = await Self.kpi(#"{ "name": "Calls", "kind": "quantitative", "measure": { "count": "touchpoints", "touchpoints": ["call"], "per": "P1W", "by": "owner" }, "objective": { "atLeast": 6 } }"#)
        #expect(kpi?.measure == KPIMeasure(.count(.touchpoints), touchpoints: [1], per: .week, by: .owner))
        #expect(kpi?.objective?.steps.map(\.atLeast) == [6])
        #expect(kpi?.isComputable == true)
    }

    @Test func everyOtherKindOfMeasure() async {
        #expect(await Self.kpi(#"{ "name": "C", "kind": "quantitative", "measure": { "count": "cases", "per": "P3M" } }"#)?.measure
            == KPIMeasure(.count(.cases), per: .quarter))
        #expect(await Self.kpi(#"{ "name": "C", "kind": "quantitative", "measure": { "rate": "conversion", "to": "buy" } }"#)?.measure
            == KPIMeasure(.conversion(to: 1)))
        #expect(await Self.kpi(#"{ "name": "C", "kind": "qualitative", "measure": { "rate": "marker", "marker": "formal" } }"#)?.measure
            == KPIMeasure(.markerShare(marker: "formal")))
        #expect(await Self.kpi(#"{ "name": "C", "kind": "quantitative", "measure": { "sum": "winProbability", "weightedBy": "winProbability", "weightScale": 100, "by": "owner" } }"#)?.measure
            == KPIMeasure(.sum(attribute: 3, weightedBy: 3, scale: 100), by: .owner))
        #expect(await Self.kpi(#"{ "name": "C", "kind": "quantitative", "measure": { "duration": "p90" } }"#)?.measure
            == KPIMeasure(.duration(.p90)))
        let free = await Self.kpi(#"{ "name": "Free", "kind": "qualitative", "target": "9 in 10" }"#)
        #expect(free?.measure == nil && free?.isComputable == false)
    }

    @Test func objectiveHistoryIsSortedByDate() async {
        let kpi = await Self.kpi(#"{ "name": "R", "kind": "quantitative", "measure": { "count": "cases" }, "objective": [ { "validFrom": "2026-07-01", "atLeast": 120 }, { "atLeast": 100, "atMost": 200 } ] }"#)
        let steps = kpi?.objective?.steps ?? []
        #expect(steps.map(\.atLeast) == [100, 120])
        #expect(steps.map(\.atMost) == [200, nil])
        #expect(steps.map(\.described) == ["100–200", "≥ 120"])
        #expect(kpi?.objective?.step(on: CalendarDay(year: 2026, month: 6, day: 30)!)?.atLeast == 100)
        #expect(kpi?.objective?.step(on: CalendarDay(year: 2026, month: 7, day: 1)!)?.atLeast == 120)
    }

    @Test(arguments: [
        (#"{ "count": "meetings" }"#, DiagnosticCode.invalidValue, "\"meetings\"", "unknown 'count' value 'meetings'"),
        (#"{ "count": "cases", "rate": "conversion" }"#, .invalidValue, "{ \"count\"", "not 2"),
        (#"{ "per": "P1W" }"#, .missingField, "{ \"per\"", "needs one of 'count', 'rate', 'sum', 'duration'"),
        (#"{ "rate": "conversion" }"#, .missingField, "{ \"rate\"", "needs 'to'"),
        (#"{ "rate": "conversion", "to": "discover" }"#, .invalidValue, "\"discover\" }", "must be a stage after 'discover'"),
        (#"{ "rate": "conversion", "to": "buyy" }"#, .unknownStage, "\"buyy\"", "did you mean 'buy'?"),
        (#"{ "rate": "marker", "marker": "formall" }"#, .unknownMarker, "\"formall\"", "did you mean 'formal'?"),
        (#"{ "sum": "address" }"#, .invalidValue, "\"address\"", "needs a number attribute; 'address' is enum"),
        (#"{ "sum": "winProbability", "weightScale": 0, "weightedBy": "winProbability" }"#, .invalidValue, "0,", "must be above 0"),
        (#"{ "count": "cases", "touchpoints": ["order"] }"#, .invalidValue, "[\"order\"]", "is not at stage 'discover'"),
        (#"{ "count": "cases", "touchpoints": ["cal"] }"#, .unknownTouchpoint, "\"cal\"", "did you mean 'call'?"),
        (#"{ "duration": "median", "per": "P1W" }"#, .invalidValue, "\"P1W\"", "'per' does not apply to a duration"),
        (#"{ "count": "cases", "per": "P2W" }"#, .invalidValue, "\"P2W\"", "unknown 'per' value 'P2W'"),
        (#"{ "count": "cases", "weight": 1 }"#, .unknownField, "\"weight\"", "unknown key 'weight' in a KPI measure"),
    ])
    func badMeasureIsLocated(measure: String, code: DiagnosticCode, at needle: String, message: String) async {
        let kpis = #"{ "name": "K", "kind": "quantitative", "measure": \#(measure) }"#
        let (journey, result) = await Self.load(kpis)
        let text = Acme.journey(Self.touchpoints, extra: #" "kpis": { "discover": [ \#(kpis) ] },"#)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = result.diagnostics.first
        #expect(diagnostic?.code == code)
        #expect(diagnostic?.message.contains(message) == true, "\(diagnostic?.message ?? "")")
        #expect(diagnostic?.location == location(of: needle, in: text, file: Acme.journeyPath, after: "\"measure\""))
        #expect(journey?.kpis.first?.kpis.first?.measure == nil)
    }

    @Test(arguments: [
        (#"{ "atLeast": 5, "atMost": 4 }"#, "{ \"atLeast\": 5", "'atLeast' (5) is above 'atMost' (4)"),
        (#"{ "validFrom": "2026-02-30", "atLeast": 1 }"#, "\"2026-02-30\"", "must be a date as 2026-07-01"),
        (#"{ "target": 3 }"#, "\"target\"", "unknown key 'target' in an objective"),
        (#"[ { "atLeast": 1 }, { "atLeast": 2 } ]"#, "{ \"atLeast\": 2", "two objectives have no 'validFrom'"),
        ("[]", "[]", "needs at least one objective"),
    ])
    func badObjectiveIsLocated(objective: String, at needle: String, message: String) async {
        let kpis = #"{ "name": "K", "kind": "quantitative", "measure": { "count": "cases" }, "objective": \#(objective) }"#
        let (journey, result) = await Self.load(kpis)
        let text = Acme.journey(Self.touchpoints, extra: #" "kpis": { "discover": [ \#(kpis) ] },"#)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        #expect(result.diagnostics.first?.message.contains(message) == true, "\(result.listing)")
        #expect(result.diagnostics.first?.location == location(of: needle, in: text, file: Acme.journeyPath, after: "\"objective\""))
        #expect(journey?.kpis.first?.kpis.first?.objective == nil)
    }

    @Test func objectiveWithoutMeasureIsReported() async {
        let (_, result) = await Self.load(#"{ "name": "K", "kind": "quantitative", "objective": { "atLeast": 1 } }"#)
        #expect(result.diagnostics.map(\.message) == ["an objective needs a 'measure' to be compared with"])
    }
}
