import CharterAudit
import CharterChecker
import JourneyLoader
import JourneyModel
import Testing

@Suite("Explaining markers")
struct MarkerExplanationTests {
    @Test("A marker in words: what it expects, where, and what fails it per segment")
    func explanation() async throws {
        let (workspace, report, audit) = await AuditFixture.audit()
        let explanations = MarkerExplanation.explain("warm", in: workspace, report: report, audit: audit)
        let warm = try #require(explanations.first)
        #expect(explanations.count == 1)
        #expect(warm.expects == "every touchpoint in scope plans tone = warm")
        #expect(warm.appliesTo == "channels store")
        #expect(warm.inheritance == ["defined in brand 'shop' (shop.brand.jsonc:10:5)"])
        #expect(warm.segments.map(\.segment) == ["a", "b"])
        #expect(warm.segments.map { $0.gaps.map(\.touchpoint) } == [["t3"], ["t2", "t3"]])
        #expect(warm.segments.map { $0.score.percent } == [50, 0])
        #expect(warm.journeyGaps.isEmpty)
    }

    @Test("Markers judged per journey list their gaps once")
    func journeyLevel() async throws {
        let (workspace, report, audit) = await AuditFixture.audit()
        let kpis = try #require(MarkerExplanation.explain("kpis", in: workspace, report: report, audit: audit).first)
        #expect(kpis.segments.allSatisfy { $0.gaps.isEmpty })
        #expect(kpis.journeyGaps.map(\.stage) == ["s2"])
        #expect(kpis.expects == "each stage of each journey declares at least 1 quantitative and 1 qualitative KPI")
    }

    @Test("An unknown marker explains nothing")
    func unknown() async {
        let (workspace, report, audit) = await AuditFixture.audit()
        #expect(MarkerExplanation.explain("nope", in: workspace, report: report, audit: audit).isEmpty)
    }

    @Test("Every kind and scope in words", arguments: [
        (#"{ "id": "x", "kind": "coverage", "per": "stage", "atLeast": 2, "expect": { "tone": "warm" } }"#,
         "at least 2 touchpoints with tone = warm in each stage of each journey"),
        (#"{ "id": "x", "kind": "consistent", "attribute": "tone", "across": "journeys" }"#,
         "one value of tone across all journeys"),
        (#"{ "id": "x", "kind": "sequence", "attribute": "tone", "first": "warm", "then": "cold", "atMost": 2 }"#,
         "at most 2 touchpoint(s) with tone = warm before the first with tone = cold, in journey order"),
        (#"{ "id": "x", "kind": "handoff", "expect": { "address": "formal" } }"#,
         "wherever `next` changes channel, the receiving touchpoint plans address = formal"),
        (#"{ "id": "x", "kind": "progression", "attribute": "score" }"#,
         "score never decreases from one touchpoint to the next, in journey order"),
        (#"{ "id": "x", "expect": { "score": { "atLeast": 3, "atMost": 5 } } }"#,
         "every touchpoint in scope plans score ≥ 3 and score ≤ 5"),
    ])
    func describe(marker: String, expected: String) async throws {
        let brand = """
        { "brand": "k", "channels": { "web": { "kind": "digital" }, "shop": { "kind": "physical" } },
          "segments": { "s": {} }, "stages": ["one", "two"],
          "attributes": { "tone": { "type": "enum", "values": ["warm", "cold"] }, "score": { "type": "number" },
                          "address": { "type": "enum", "values": ["formal"] } },
          "markers": [ \(marker) ] }
        """
        let load = await WorkspaceLoader.load([SourceFile(path: "k.brand.jsonc", text: brand)])
        #expect(load.diagnostics.isEmpty)
        let brandModel = try #require(load.workspace.brands.first)
        let parsed = try #require(brandModel.charter.markers.first)
        #expect(RuleDescription.expectation(of: parsed, in: brandModel) == expected)
        #expect(RuleDescription.scope(of: parsed, in: brandModel) == "everywhere")
    }

    @Test("Scopes in words")
    func scopes() async throws {
        let brand = """
        { "brand": "k", "channels": { "web": { "kind": "digital" }, "shop": { "kind": "physical" } },
          "segments": { "s": {}, "t": {} }, "stages": ["one", "two"],
          "attributes": { "tone": { "type": "enum", "values": ["warm"] } },
          "markers": [ { "id": "x", "where": { "channels": ["shop"], "channelKinds": ["physical", "digital"],
                                              "stages": ["two"], "segments": ["t"] },
                         "expect": { "tone": "warm" } } ] }
        """
        let load = await WorkspaceLoader.load([SourceFile(path: "k.brand.jsonc", text: brand)])
        let brandModel = try #require(load.workspace.brands.first)
        let marker = try #require(brandModel.charter.markers.first)
        #expect(RuleDescription.scope(of: marker, in: brandModel) == "channels shop · channel kinds physical, digital · stages two · segments t")
    }
}
