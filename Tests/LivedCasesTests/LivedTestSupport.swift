import EventExports
import JourneyLoader
import JourneyModel
import Testing

@testable import LivedCases

/// A small brand, `shop`, with journeys written inline, and sources of
/// exports held in memory: every test reads rows it writes itself.
enum Shop {
    static let brandPath = "Brands/shop.brand.jsonc"
    static let sourcePath = "Observations/shop/visits.source.jsonc"
    static let dataPath = "Observations/shop/visits.csv"

    static let brand = #"""
    {
      "brand": "shop", "name": "Shop",
      "channels": {
        "web": { "kind": "digital", "owner": "E-commerce" }, "email": { "kind": "digital", "owner": "CRM" },
        "store": { "kind": "physical", "owner": "Retail" }, "phone": { "kind": "voice", "owner": "Care" }
      },
      "segments": { "regulars": {}, "premium": { "priority": true } },
      "stages": ["discover", "buy", "after"],
      "attributes": {
        "address": { "type": "enum", "values": ["formal", "informal"] },
        "responseTime": { "type": "duration" },
        "contextCarried": { "type": "boolean" },
        "odds": { "type": "number" }
      },
      "markers": [
        { "id": "formal", "severity": "error", "expect": { "address": "formal" } },
        { "id": "fast", "where": { "channels": ["email"] }, "expect": { "responseTime": { "atMost": "PT2H" } } },
        { "id": "context", "kind": "handoff", "expect": { "contextCarried": true } },
        { "id": "rising", "kind": "progression", "attribute": "odds" },
        { "id": "calm", "kind": "pressure", "atMost": 2, "within": "P7D", "where": { "channelKinds": ["digital"] } }
      ]
    }
    """#

    /// `visit`: browse (web) → mail (email) → store (store) → call (phone),
    /// one stage each but the last two, which share `after`.
    static let visit = #"""
    { "journey": "visit", "brand": "shop", "touchpoints": [
      { "id": "browse", "stage": "discover", "channel": "web", "initiator": "customer",
        "experience": { "address": "formal", "contextCarried": true, "odds": 10 }, "next": ["mail"] },
      { "id": "mail", "stage": "discover", "channel": "email", "after": "PT1H",
        "experience": { "address": "formal", "responseTime": "PT1H", "contextCarried": true, "odds": 20 }, "next": ["store"] },
      { "id": "store", "stage": "buy", "channel": "store", "after": "P2D",
        "experience": { "address": "formal", "contextCarried": true, "odds": 50 }, "next": ["call"] },
      { "id": "call", "stage": "after", "channel": "phone", "after": "P1D",
        "experience": { "address": "formal", "contextCarried": true, "odds": 90 } }
    ] }
    """#

    /// `repair`: a second journey sharing the touchpoint id `call`.
    static let repair = #"""
    { "journey": "repair", "brand": "shop", "touchpoints": [
      { "id": "ticket", "stage": "after", "channel": "web", "next": ["call"], "experience": { "address": "formal" } },
      { "id": "call", "stage": "after", "channel": "phone", "experience": { "address": "formal" } }
    ] }
    """#

    static let standardSource = #"""
    {
      "source": "visits", "brand": "shop", "data": "visits.csv",
      "columns": { "case": "case", "time": "time", "activity": "activity", "channel": "channel", "segment": "tier", "owner": "owner" },
      "activities": {
        "Browsed": "browse", "Mail sent": "mail", "Store visit": "store", "Call": "call", "Ticket": "ticket", "Status": null
      },
      "segments": { "Gold": "premium", "Silver": "regulars" },
      "attributes": {
        "address": { "column": "greeting", "values": { "vous": "formal", "tu": "informal" } },
        "responseTime": { "column": "reply_minutes" },
        "contextCarried": { "column": "history" },
        "odds": { "column": "odds" }
      }
    }
    """#

    static let header = "case,time,activity,channel,tier,owner,greeting,reply_minutes,history,odds"

    /// Loads the brand, both journeys and `source`; the test fails on any diagnostic.
    static func load(source: String = standardSource, journeys: [String] = [visit, repair]) async throws -> (CompiledSource, LoadResult) {
        var files = [SourceFile(path: brandPath, text: brand), SourceFile(path: sourcePath, text: source)]
        for (index, journey) in journeys.enumerated() { files.append(SourceFile(path: "Journeys/shop/j\(index).journey.jsonc", text: journey)) }
        let result = await WorkspaceLoader.load(files)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map { "\($0.location) \($0.message)" })")
        let loadedSource = try #require(result.sources.first)
        let brand = try #require(result.workspace.brands.first)
        let compiled = CompiledSource(loadedSource, brand: brand, journeys: result.workspace.journeys(of: "shop"))
        return (compiled, result)
    }

    /// Rows after the header, one string each.
    static func csv(_ rows: [String]) -> [UInt8] {
        Array(([header] + rows).joined(separator: "\n").utf8) + [10]
    }

    /// Every case of `rows`, with the reading's counts, sorted by case id.
    static func cases(
        _ rows: [String], compiled: CompiledSource, budget: GroupingBudget = .standard, exports: InMemoryExports? = nil
    ) throws -> (cases: [ObservedCase], reading: CaseReplay.Reading) {
        let access = exports ?? InMemoryExports([dataPath: csv(rows)])
        let (reading, partials) = try CaseReplay.run(compiled, access: access, budget: budget, makePartial: { [ObservedCase]() }) { $0.append($1) }
        let cases = partials.joined().sorted { $0.key.lexicographicallyPrecedes($1.key) }
        return (cases, reading)
    }

    /// The one case of `rows`, matched.
    static func matched(_ rows: [String], compiled: CompiledSource) throws -> (MatchedCase, ObservedCase) {
        let (cases, _) = try cases(rows, compiled: compiled)
        let observed = try #require(cases.first)
        guard case .matched(let matched) = CaseMatcher(compiled).match(observed) else {
            Issue.record("the case is not matched")
            throw MatchFailure()
        }
        return (matched, observed)
    }

    struct MatchFailure: Error {}
}

extension MatchedCase {
    /// Statuses by touchpoint id, for the touchpoints the segment goes through.
    func statuses(in journey: Journey) -> [String: TouchpointStatus] {
        var result: [String: TouchpointStatus] = [:]
        for (position, status) in status.enumerated() where status != .notPlanned { result[journey.touchpoints[position].id] = status }
        return result
    }
}
