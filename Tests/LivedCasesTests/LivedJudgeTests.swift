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

    /// Each case's checks by marker id, judged for the regulars.
    static func judge(_ rows: [String]) async throws -> [String: [String: CheckCount]] {
        let (compiled, _) = try await Shop.load()
        let (cases, _) = try Shop.cases(rows, compiled: compiled)
        let matcher = CaseMatcher(compiled)
        var session = LivedJudge(brand: compiled.brand, segment: 0, journeyCount: compiled.journeys.count).makeSession()
        let markers = compiled.brand.charter.markers
        var result: [String: [String: CheckCount]] = [:]
        var lived = LivedJourney()
        for observed in cases {
            guard case .matched(let matched) = matcher.match(observed) else {
                Issue.record("a case is not matched")
                continue
            }
            let path = try #require(matcher.paths[matched.journey][matched.segment])
            lived.fill(matched, observed: observed, path: path)
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
}
