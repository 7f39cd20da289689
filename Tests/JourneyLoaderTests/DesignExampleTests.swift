import Foundation
import JourneyLoader
import JourneyModel
import Testing

/// The two example files of DESIGN.md, copied unchanged into `Fixtures/DesignExample/`.
@Suite struct DesignExampleTests {
    static let brandPath = "Brands/maison-aurele.brand.jsonc"
    static let journeyPath = "Journeys/maison-aurele/first-purchase.journey.jsonc"

    static func files() throws -> [SourceFile] {
        [
            try Fixtures.file("DesignExample/maison-aurele.brand.jsonc", as: brandPath),
            try Fixtures.file("DesignExample/first-purchase.journey.jsonc", as: journeyPath),
        ]
    }

    @Test func brandAloneLoadsWithoutDiagnostics() async throws {
        let result = await WorkspaceLoader.load([try Fixtures.file("DesignExample/maison-aurele.brand.jsonc", as: Self.brandPath)])
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.fileCount == 1)
        #expect(result.workspace.brands.map(\.id) == ["maison-aurele"])
        #expect(result.workspace.journeys.isEmpty)
    }

    @Test func brandIsReadExactlyAsWritten() async throws {
        let result = await WorkspaceLoader.load(try Self.files())
        let brand = try #require(result.workspace.brand(id: "maison-aurele"))
        #expect(brand.name == "Maison Aurèle")
        #expect(brand.promise == "Expert care, as if at home.")
        #expect(brand.values.isEmpty)
        #expect(brand.location == SourceLocation(file: Self.brandPath, line: 2, column: 1))

        #expect(brand.channels.ids == ["store", "email", "chat"])
        #expect(brand.channels.map(\.name) == ["Boutique", "E-mail", "Chat"])
        #expect(brand.channels.map(\.kind) == [.physical, .digital, .digital])
        #expect(brand.channels.map(\.live) == [true, false, true])
        #expect(brand.channels.map(\.owner) == ["Retail", "CRM team", "Customer care"])
        #expect(brand.channels[0].location == SourceLocation(file: Self.brandPath, line: 7, column: 5))

        #expect(brand.segments.ids == ["newcomers", "premium"])
        #expect(brand.segments.map(\.name) == ["First-time customers", "Loyal premium customers"])
        #expect(brand.segments.map(\.priority) == [false, true])
        #expect(brand.segmentsInReportOrder == [1, 0])

        #expect(brand.stages.ids == ["discover", "choose", "buy", "receive", "use", "support", "loyalty"])
        #expect(brand.stages[1].location == SourceLocation(file: Self.brandPath, line: 15, column: 26))

        #expect(brand.attributes.ids == ["address", "tone", "personalisation", "responseTime", "signature", "contextCarried"])
        #expect(brand.attributes.map(\.type) == [
            .enumeration(["formal", "informal"]),
            .enumeration(["warm", "expert", "neutral", "pushy"]),
            .scale(["none", "segment", "named", "advisor"]),
            .duration, .text, .boolean,
        ])
    }

    @Test func brandHasItsFourMarkers() async throws {
        let result = await WorkspaceLoader.load(try Self.files())
        let brand = try #require(result.workspace.brand(id: "maison-aurele"))
        let charter = brand.charter
        #expect(charter.lineage.isEmpty)
        #expect(charter.markers.map(\.id) == ["formal-address", "named-advisor", "fast-reply", "one-signature"])
        #expect(charter.markers.map(\.kind) == [.expectation, .expectation, .expectation, .consistency])
        #expect(charter.markers.map(\.severity) == [.error, .error, .warning, .warning])
        #expect(charter.markers.allSatisfy { $0.isEnabled && $0.override == nil && $0.origin == "maison-aurele" })
        #expect(charter.markers.map(\.line) == [25, 27, 30, 32])
        #expect(charter.enabledMarkers.count == 4)

        let formal = try #require(charter.marker(id: "formal-address"))
        #expect(formal.name == "We always address customers formally")
        #expect(formal.scope.isEverywhere)
        let formalTests = try #require(formal.expectations)
        #expect(formalTests.count == 1)
        #expect(formalTests[0].describe(in: brand) == "address = formal")
        #expect(formalTests[0].location == SourceLocation(file: Self.brandPath, line: 26, column: 53))

        let advisor = try #require(charter.marker(id: "named-advisor"))
        #expect(advisor.name == nil)
        #expect(advisor.title == "named-advisor")
        #expect(advisor.scope.segments == MemberSet([1]))
        #expect(advisor.scope.channels == MemberSet([0, 2]))
        #expect(advisor.scope.stages == nil)
        #expect(advisor.scope.channelKinds == nil)
        #expect(advisor.expectations?.map { $0.describe(in: brand) } == ["personalisation ≥ advisor"])

        let reply = try #require(charter.marker(id: "fast-reply"))
        #expect(reply.scope.channels == MemberSet([1, 2]))
        #expect(reply.scope.segments == nil)
        #expect(reply.expectations?.map { $0.describe(in: brand) } == ["responseTime ≤ PT2H"])
        guard case .atMost(.duration(let bound))? = reply.expectations?.first?.test else {
            Issue.record("fast-reply should expect responseTime atMost a duration")
            return
        }
        #expect(bound.seconds == 7_200)

        let signature = try #require(charter.marker(id: "one-signature"))
        #expect(signature.scope.isEverywhere)
        guard case .consistency(let rule) = signature.rule else {
            Issue.record("one-signature should be a consistency rule")
            return
        }
        #expect(rule.attribute == 4)
        #expect(rule.across == .channels)
    }

    @Test func journeyHasOneDanglingNext() async throws {
        let result = await WorkspaceLoader.load(try Self.files())
        #expect(result.fileCount == 2)
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let dangling = try #require(result.diagnostics.first)
        #expect(dangling.code == .danglingNext)
        #expect(dangling.severity == .error)
        #expect(dangling.location == SourceLocation(file: Self.journeyPath, line: 11, column: 16))
        #expect(dangling.message.contains("'store-visit'"))
        #expect(dangling.suggestion == nil)

        // The journey is still loaded, without the link.
        let journey = try #require(result.workspace.journeys.first)
        #expect(journey.id == "first-purchase")
        #expect(journey.brand == "maison-aurele")
        #expect(journey.segments == [0, 1])
        #expect(journey.touchpoints.ids == ["welcome-mail"])
        #expect(journey.touchpoints[0].next.isEmpty)
    }

    @Test func journeyIsReadInTheBrandsVocabulary() async throws {
        let result = await WorkspaceLoader.load(try Self.files())
        let brand = try #require(result.workspace.brands.first)
        let journey = try #require(result.workspace.journeys.first)
        let welcome = journey.touchpoints[0]
        #expect(welcome.position == SourcePosition(line: 7, column: 5))
        #expect(welcome.stage == 0)
        #expect(welcome.channel == 1)
        #expect(welcome.segments == nil)
        #expect(welcome.isTaken(by: 0) && welcome.isTaken(by: 1))

        func rendered(_ experience: Experience) -> [String] {
            experience.values.map { "\(brand.attributes[$0.attribute].id)=\(brand.attributes[$0.attribute].render($0.value))" }
        }
        #expect(rendered(welcome.experience) == [
            "address=formal", "tone=warm", "personalisation=named", "responseTime=PT1H", "signature=The Aurèle team",
        ])
        #expect(welcome.experience[0]?.position == SourcePosition(line: 8, column: 34))
        #expect(welcome.experience[4]?.position == SourcePosition(line: 9, column: 60))
        #expect(welcome.bySegment.map(\.segment) == [1])
        #expect(rendered(welcome.experience(for: 1)) == [
            "address=formal", "tone=warm", "personalisation=advisor", "responseTime=PT1H", "signature=The Aurèle team",
        ])
        #expect(rendered(welcome.experience(for: 0)) == rendered(welcome.experience))

        #expect(journey.kpis.count == 1)
        let kpis = try #require(journey.kpis.first)
        #expect(kpis.stage == 0)
        #expect(kpis.position == SourcePosition(line: 13, column: 13))
        #expect(kpis.kpis.map(\.name) == ["Qualified leads"])
        #expect(kpis.kpis.map(\.kind) == [.quantitative])
        #expect(kpis.kpis.first?.target == nil)
    }

    @Test func noDiagnosticOnceTheStoreVisitExists() async throws {
        let original = try Fixtures.text("DesignExample/first-purchase.journey.jsonc")
        let storeVisit = #"""
            ,
                { "id": "store-visit", "stage": "choose", "channel": "store",
                  "experience": { "address": "formal", "personalisation": "advisor" } }
              ],
            """#
        let fixed = original.replacingOccurrences(of: "\n  ],", with: storeVisit)
        #expect(fixed != original)
        let result = await WorkspaceLoader.load([
            try Fixtures.file("DesignExample/maison-aurele.brand.jsonc", as: Self.brandPath),
            SourceFile(path: Self.journeyPath, text: fixed),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let journey = try #require(result.workspace.journeys.first)
        #expect(journey.touchpoints.ids == ["welcome-mail", "store-visit"])
        #expect(journey.touchpoints[0].next.map(\.target) == [1])
        #expect(journey.touchpoints[0].next.first?.position == SourcePosition(line: 11, column: 16))
        #expect(journey.touchpoints[1].stage == 1)
        #expect(journey.touchpoints[1].channel == 0)
    }
}

extension Marker {
    var line: Int { location.line }

    /// The expectations of a marker of a kind that has them (expectation, coverage, handoff).
    var expectations: [Expectation]? {
        let expectations = rule.definition.expectations
        return expectations.isEmpty ? nil : expectations
    }
}
