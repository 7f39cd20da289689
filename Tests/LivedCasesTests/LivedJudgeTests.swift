import CharterChecker
import JourneyModel
import Testing

@testable import LivedCases

/// The charter judged on lived journeys by the checker's own evaluations:
/// lived values laid over the planned ones, lived order, lived times.
@Suite("The charter on lived journeys")
struct LivedJudgeTests {
    static func row(_ id: String, _ minutes: Int, _ activity: String, values: String = ",,,") -> String {
        "\(id),\(EventInstantText.iso(seconds: 1_772_442_000 + minutes * 60)),\(activity),,Silver,,\(values)"
    }

    static let day = 24 * 60

    /// Each case matched and laid out as its lived journey, in turn, in
    /// one `LivedJourney` filled again for each.
    static func forEachMatched(
        _ cases: [ObservedCase], matcher: CaseMatcher, _ body: (ObservedCase, MatchedCase, inout LivedJourney) throws -> Void
    ) throws {
        var lived = LivedJourney()
        for observed in cases {
            guard case .matched(let matched) = matcher.match(observed) else {
                Issue.record("a case is not matched")
                continue
            }
            let path = try #require(matcher.paths[matched.journey][matched.segment])
            lived.fill(matched, observed: observed, path: path)
            try body(observed, matched, &lived)
        }
    }

    /// Each case's checks by marker id, judged for the regulars.
    static func judge(_ rows: [String]) async throws -> [String: [String: CheckCount]] {
        let (compiled, _) = try await Shop.load()
        let (cases, _) = try Shop.cases(rows, compiled: compiled)
        let matcher = CaseMatcher(compiled)
        var session = LivedJudge(brand: compiled.brand, segment: 0, journeyCount: compiled.journeys.count).makeSession()
        let markers = compiled.brand.charter.markers
        var result: [String: [String: CheckCount]] = [:]
        try Self.forEachMatched(cases, matcher: matcher) { observed, matched, lived in
            let judgement = session.judge(lived.steps, of: compiled.journeys[matched.journey], plannedJourney: matched.journey)
            var checks: [String: CheckCount] = [:]
            for (index, marker) in markers.enumerated() { checks[marker.id] = judgement.checks[index] }
            result[String(decoding: observed.key, as: UTF8.self)] = checks
        }
        return result
    }

    @Test("Lived values break expectations and progression that the plan meets; a case lived as planned meets them all")
    func livedValues() async throws {
        let checks = try await Self.judge([
            // C1: the reply took 3 hours (the plan says 1), the store said "tu", the odds fell at the call.
            Self.row("C1", 0, "Browsed"), Self.row("C1", 30, "Mail sent", values: ",180,,"),
            Self.row("C1", 30 + Self.day, "Store visit", values: "tu,,,"), Self.row("C1", 30 + 2 * Self.day, "Call", values: ",,,30"),
            // C2: as planned.
            Self.row("C2", 0, "Browsed"), Self.row("C2", 30, "Mail sent"),
            Self.row("C2", 30 + Self.day, "Store visit"), Self.row("C2", 30 + 2 * Self.day, "Call"),
        ])
        let first = try #require(checks["C1"]), second = try #require(checks["C2"])
        // `formal` applies at the four lived touchpoints; only the store broke it.
        #expect(first["formal"] == CheckCount(applicable: 4, met: 3))
        #expect(second["formal"] == CheckCount(applicable: 4, met: 4))
        // `fast` applies to the one e-mail touchpoint.
        #expect(first["fast"] == CheckCount(applicable: 1, met: 0))
        #expect(second["fast"] == CheckCount(applicable: 1, met: 1))
        #expect(try #require(first["rising"]).failed > 0)
        #expect(try #require(second["rising"]).failed == 0)
        #expect(second.values.allSatisfy { $0.failed == 0 })
    }

    @Test("Pressure counts the contacts lived within the window, by their lived times")
    func livedPressure() async throws {
        // Three e-mails within an hour, then a fourth case whose e-mails are a week apart.
        let checks = try await Self.judge([
            Self.row("C3", 0, "Browsed"), Self.row("C3", 10, "Mail sent"), Self.row("C3", 20, "Mail sent"), Self.row("C3", 30, "Mail sent"),
            Self.row("C4", 0, "Browsed"), Self.row("C4", 10, "Mail sent"), Self.row("C4", 10 + 8 * Self.day, "Mail sent"),
            Self.row("C4", 10 + 16 * Self.day, "Mail sent"),
        ])
        #expect(try #require(checks["C3"]?["calm"]).failed == 1)
        #expect(try #require(checks["C4"]?["calm"]).failed == 0)
        #expect(try #require(checks["C4"]?["calm"]).applicable == 3)
    }

    @Test("One session judges case after case over a view it keeps, each as a session of its own would, and gives the steps back")
    func keptView() async throws {
        let (compiled, _) = try await Shop.load()
        let (cases, _) = try Shop.cases([
            // C1: four steps of `visit`, the store said "tu".
            Self.row("C1", 0, "Browsed"), Self.row("C1", 30, "Mail sent"),
            Self.row("C1", 30 + Self.day, "Store visit", values: "tu,,,"), Self.row("C1", 30 + 2 * Self.day, "Call"),
            // C2: two steps of `visit`, the reply took 3 hours.
            Self.row("C2", 0, "Browsed"), Self.row("C2", 30, "Mail sent", values: ",180,,"),
            // R1: two steps of `repair`, the call said "tu".
            Self.row("R1", 0, "Ticket"), Self.row("R1", 60, "Call", values: "tu,,,"),
        ], compiled: compiled)
        let matcher = CaseMatcher(compiled)
        let judge = LivedJudge(brand: compiled.brand, segment: 0, journeyCount: compiled.journeys.count)
        let shared = compiled.journeys.map(SharedJourney.init)
        var session = judge.makeSession()
        var formal: [String: CheckCount] = [:], fast: [String: CheckCount] = [:], touchpoints: [String: [Int]] = [:]
        try Self.forEachMatched(cases, matcher: matcher) { observed, matched, lived in
            let before = (lived.steps.touchpoints, lived.steps.channels, lived.steps.seconds)
            let judgement = lived.judge(in: &session, of: shared[matched.journey], plannedJourney: matched.journey)
            // Given back as lent.
            #expect(lived.steps.touchpoints == before.0 && lived.steps.channels == before.1 && lived.steps.seconds == before.2)
            var alone = judge.makeSession()
            let fresh = alone.judge(lived.steps, of: shared[matched.journey], plannedJourney: matched.journey)
            #expect(judgement.checks == fresh.checks)
            #expect(judgement.byChannel == fresh.byChannel)
            #expect(judgement.gaps.count == fresh.gaps.count)
            let id = String(decoding: observed.key, as: UTF8.self)
            formal[id] = judgement.checks[0]
            fast[id] = judgement.checks[1]
            touchpoints[id] = lived.steps.touchpoints
        }
        #expect(formal == ["C1": CheckCount(applicable: 4, met: 3), "C2": CheckCount(applicable: 2, met: 2), "R1": CheckCount(applicable: 2, met: 1)])
        #expect(fast == ["C1": CheckCount(applicable: 1, met: 1), "C2": CheckCount(applicable: 1, met: 0), "R1": CheckCount()])
        #expect(touchpoints == ["C1": [0, 1, 2, 3], "C2": [0, 1], "R1": [0, 1]])
    }
}
