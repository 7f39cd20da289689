import CharterAudit
import CharterChecker
import JourneyLoader
import JourneyModel

/// A workspace small enough to score by hand:
///
/// | touchpoint | stage | channel | address  | tone (b's overlay) |
/// | t1         | s1    | web     | formal   | cold               |
/// | t2         | s1    | store   | informal | warm (cold for b)  |
/// | t3         | s2    | store   | formal   | cold               |
///
/// Markers: `formal` (error, weight 3) address = formal everywhere; `warm`
/// (warning, weight 2) tone = warm in store; `kpis` (info, weight 1) stage
/// KPIs, met in s1 only. Segment `a` is the priority one.
enum AuditFixture {
    static let brand = """
    { "brand": "shop", "name": "Shop",
      "channels": { "web": { "name": "Website", "kind": "digital", "owner": "Web team" },
                    "store": { "name": "Store", "kind": "physical", "owner": "Retail" } },
      "segments": { "a": { "name": "Alpha", "priority": true }, "b": { "name": "Beta" } },
      "stages": ["s1", "s2"],
      "attributes": { "address": { "type": "enum", "values": ["formal", "informal"] },
                      "tone": { "type": "enum", "values": ["warm", "cold"] } },
      "markers": [
        { "id": "formal", "name": "Formal address", "severity": "error", "expect": { "address": "formal" } },
        { "id": "warm", "severity": "warning", "where": { "channels": ["store"] }, "expect": { "tone": "warm" } },
        { "id": "kpis", "kind": "stage-kpis", "severity": "info" } ] }
    """

    static let journey = """
    { "journey": "j", "brand": "shop", "touchpoints": [
        { "id": "t1", "stage": "s1", "channel": "web", "experience": { "address": "formal", "tone": "cold" } },
        { "id": "t2", "stage": "s1", "channel": "store", "experience": { "address": "informal", "tone": "warm" },
          "bySegment": { "b": { "tone": "cold" } } },
        { "id": "t3", "stage": "s2", "channel": "store", "experience": { "address": "formal", "tone": "cold" } } ],
      "kpis": { "s1": [ { "name": "Visits", "kind": "quantitative" }, { "name": "Fit", "kind": "qualitative" } ] } }
    """

    static func audit(weights: SeverityWeights = .standard, segments: Set<String>? = nil) async -> (Workspace, CheckReport, AuditReport) {
        let load = await WorkspaceLoader.load([
            SourceFile(path: "shop.brand.jsonc", text: brand),
            SourceFile(path: "j.journey.jsonc", text: journey),
        ])
        precondition(load.diagnostics.isEmpty, "the fixture loads cleanly: \(load.diagnostics)")
        let report = await Checker.check(load.workspace)
        return (load.workspace, report, Auditor.audit(load.workspace, report: report, weights: weights, segments: segments))
    }
}
