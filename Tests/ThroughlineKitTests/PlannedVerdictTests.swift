import JourneyLoader
import JourneyModel
import LivedCases
import LivedReport
import Testing
import ThroughlineKit

/// The planned verdict `conform` shows beside each marker's lived
/// conformance: read from the check's counts for the segment's journey,
/// accepted checks apart.
@Suite("Planned verdicts beside lived conformance")
struct PlannedVerdictTests {
    /// Brand `b`: segments newcomers, regulars, premium (priority). `advisor`
    /// applies to premium only, `formal` to every segment.
    static let brand = """
    {
      "brand": "b", "name": "B",
      "channels": { "email": { "kind": "digital", "owner": "CRM" }, "chat": { "kind": "digital", "owner": "Care" },
                    "phone": { "kind": "voice", "owner": "Care" } },
      "segments": { "newcomers": {}, "regulars": {}, "premium": { "priority": true } },
      "stages": ["discover", "buy", "after"],
      "attributes": { "address": { "type": "enum", "values": ["formal", "informal"] } },
      "markers": [
        { "id": "advisor", "severity": "error", "where": { "segments": ["premium"] }, "expect": { "address": "formal" } },
        { "id": "formal", "severity": "warning", "expect": { "address": "formal" } }
      ]
    }
    """

    /// `care`, for regulars and premium: the chat and the letter are
    /// informal. The journey accepts every gap of `advisor`, and regulars'
    /// gaps of `formal`; the letter accepts its gap of `formal` for all.
    static let care = """
    {
      "journey": "care", "brand": "b", "name": "Care", "segments": ["regulars", "premium"],
      "touchpoints": [
        { "id": "mail", "stage": "discover", "channel": "email", "experience": { "address": "formal" }, "next": ["talk"] },
        { "id": "talk", "stage": "buy", "channel": "chat", "experience": { "address": "informal" }, "next": ["call"] },
        { "id": "call", "stage": "buy", "channel": "phone", "experience": { "address": "formal" }, "next": ["letter"] },
        { "id": "letter", "stage": "after", "channel": "email", "experience": { "address": "informal" },
          "suppress": [{ "marker": "formal", "reason": "Signed by the craftsperson" }] }
      ],
      "suppress": [
        { "marker": "advisor", "reason": "The duty agent answers" },
        { "marker": "formal", "segments": ["regulars"], "reason": "Regulars are on first-name terms" }
      ]
    }
    """

    /// `buy`, for newcomers and premium: formal throughout.
    static let buy = """
    {
      "journey": "buy", "brand": "b", "name": "Buy", "segments": ["newcomers", "premium"],
      "touchpoints": [
        { "id": "page", "stage": "discover", "channel": "email", "experience": { "address": "formal" }, "next": ["order"] },
        { "id": "order", "stage": "buy", "channel": "phone", "experience": { "address": "formal" } }
      ]
    }
    """

    static func source(_ journey: String, activities: [String]) -> String {
        let names = activities.map { "\"\($0)\": \"\($0)\"" }.joined(separator: ", ")
        return """
        {
          "source": "\(journey)-events", "brand": "b", "data": "\(journey).csv", "format": { "type": "csv", "separator": "," },
          "journey": "\(journey)",
          "columns": { "case": "case", "time": "time", "activity": "activity", "segment": "segment" },
          "activities": { \(names) }
        }
        """
    }

    /// One case per segment going through each journey, living every touchpoint in order.
    static func export(_ cases: [(id: String, segment: String)], activities: [String]) -> [UInt8] {
        var text = "case,time,activity,segment\n"
        for (id, segment) in cases {
            for (hour, activity) in activities.enumerated() { text += "\(id),2026-03-02T1\(hour):00:00Z,\(activity),\(segment)\n" }
        }
        return Array(text.utf8)
    }

    static let careSteps = ["mail", "talk", "call", "letter"], buySteps = ["page", "order"]

    static func conform(_ keeping: GapKeeping) async throws -> ConformRun {
        let loaded = await LoadedWorkspace.load([
            SourceFile(path: "Brands/b.brand.jsonc", text: brand),
            SourceFile(path: "Journeys/b/buy.journey.jsonc", text: buy),
            SourceFile(path: "Journeys/b/care.journey.jsonc", text: care),
            SourceFile(path: "Observations/b/buy.source.jsonc", text: source("buy", activities: buySteps)),
            SourceFile(path: "Observations/b/care.source.jsonc", text: source("care", activities: careSteps)),
        ])
        try #require(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.location) \($0.message)" })")
        let check = await CheckRun.check(loaded, keeping: keeping)
        try #require(check.diagnostics.isEmpty, "\(check.diagnostics.map { "\($0.location) \($0.message)" })")
        let run = ConformRun.conform(check, access: InMemoryExports([
            "Observations/b/care.csv": export([("c1", "premium"), ("c2", "regulars")], activities: careSteps),
            "Observations/b/buy.csv": export([("b1", "premium"), ("b2", "newcomers")], activities: buySteps),
        ]))
        try #require(run.diagnostics.isEmpty, "\(run.diagnostics.map(\.message))")
        return run
    }

    /// Each journey's markers as `marker: verdict`, by `segment · journey`.
    static func verdicts(_ report: LivedReport) -> [String: [String]] {
        Dictionary(uniqueKeysWithValues: report.journeys.map { journey in
            ("\(journey.segment) · \(journey.journey)", journey.markers.map { "\($0.marker): \($0.planned.rawValue)" })
        })
    }

    @Test("per journey and segment: accepted where only suppressed checks fail, and no verdict where the marker applies to no check",
          arguments: [GapKeeping.all, .upTo(0)])
    func perJourneyAndSegment(keeping: GapKeeping) async throws {
        let run = try await Self.conform(keeping)
        #expect(Self.verdicts(run.report) == [
            // advisor: mail and call met, talk and letter accepted by the journey; formal: talk open, letter accepted.
            "premium · care": ["advisor: accepted", "formal: broken"],
            // advisor is for premium only; formal: mail and call met, talk and letter accepted.
            "regulars · care": ["formal: accepted"],
            "premium · buy": ["advisor: met", "formal: met"],
            "newcomers · buy": ["formal: met"],
        ])
    }

    @Test("from counts: broken while one failure is open, accepted when every failure is, met when none, else not applicable")
    func fromCounts() {
        #expect(PlannedVerdict(applicable: 0, failed: 0, accepted: 0) == .notApplicable)
        #expect(PlannedVerdict(applicable: 0, failed: 0, accepted: 1) == .accepted)
        #expect(PlannedVerdict(applicable: 3, failed: 0, accepted: 1) == .accepted)
        #expect(PlannedVerdict(applicable: 3, failed: 0, accepted: 0) == .met)
        #expect(PlannedVerdict(applicable: 3, failed: 1, accepted: 0) == .broken)
        #expect(PlannedVerdict(applicable: 3, failed: 1, accepted: 2) == .broken)
        #expect(PlannedVerdict.accepted.rawValue == "accepted")
    }
}
