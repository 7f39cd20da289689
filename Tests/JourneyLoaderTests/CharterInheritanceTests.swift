import Foundation
import JourneyLoader
import JourneyModel
import Testing

/// A house brand extends its group's charter, which extends a federation's
/// (`Fixtures/Inheritance/`).
@Suite struct CharterInheritanceTests {
    static let federationPath = "Charters/luxury-federation.charter.jsonc"
    static let groupPath = "Charters/aurele-group.charter.jsonc"
    static let brandPath = "Brands/maison-aurele.brand.jsonc"

    static func charters() throws -> [SourceFile] {
        [
            try Fixtures.file("Inheritance/luxury-federation.charter.jsonc", as: federationPath),
            try Fixtures.file("Inheritance/aurele-group.charter.jsonc", as: groupPath),
        ]
    }

    static func brandText() throws -> String { try Fixtures.text("Inheritance/maison-aurele.brand.jsonc") }

    /// The fixtures, with the brand file changed by `edit`, plus `extra` files.
    static func load(editingBrand edit: (String) -> String = { $0 }, extra: [SourceFile] = []) async throws -> LoadResult {
        let brand = SourceFile(path: brandPath, text: edit(try brandText()))
        return await WorkspaceLoader.load(try charters() + [brand] + extra)
    }

    @Test func markersAreInheritedInLineageOrder() async throws {
        let result = try await Self.load()
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.fileCount == 3)
        let brand = try #require(result.workspace.brand(id: "maison-aurele"))
        let charter = brand.charter
        #expect(charter.markers.map(\.id) == ["federation-kpis", "federation-reply", "formal-address", "group-signature", "fast-reply"])
        #expect(charter.markers.map(\.origin) == ["luxury-federation", "luxury-federation", "aurele-group", "aurele-group", "maison-aurele"])
        #expect(charter.markers.map(\.kind) == [.stageKPI, .expectation, .expectation, .consistency, .expectation])
        #expect(charter.markers.map(\.location) == [
            SourceLocation(file: Self.federationPath, line: 6, column: 5),
            SourceLocation(file: Self.federationPath, line: 8, column: 5),
            SourceLocation(file: Self.groupPath, line: 6, column: 5),
            SourceLocation(file: Self.groupPath, line: 8, column: 5),
            SourceLocation(file: Self.brandPath, line: 19, column: 5),
        ])
        #expect(charter.lineage == [
            CharterReference(id: "aurele-group", location: SourceLocation(file: Self.groupPath, line: 2, column: 1)),
            CharterReference(id: "luxury-federation", location: SourceLocation(file: Self.federationPath, line: 2, column: 1)),
        ])
        #expect(charter.marker(id: "federation-kpis")?.rationale == "Results are measured, and so are the means to them.")
    }

    @Test func inheritedMarkersAreReadInTheBrandsVocabulary() async throws {
        let result = try await Self.load()
        let brand = try #require(result.brand)
        let signature = try #require(brand.charter.marker(id: "group-signature"))
        guard case .consistency(let rule) = signature.rule else {
            Issue.record("group-signature should be a consistency rule")
            return
        }
        #expect(brand.attributes[rule.attribute].id == "signature")
        #expect(rule.across == .channels)
        let formal = try #require(brand.charter.marker(id: "formal-address"))
        #expect(formal.expectations?.map { $0.describe(in: brand) } == ["address = formal"])
    }

    @Test func overridesChangeSeverityOrTurnMarkersOff() async throws {
        let result = try await Self.load()
        let charter = try #require(result.brand?.charter)

        // The group softens a federation marker.
        let kpis = try #require(charter.marker(id: "federation-kpis"))
        #expect(kpis.declaredSeverity == .error)
        #expect(kpis.severity == .warning)
        #expect(kpis.isEnabled)
        #expect(kpis.override == MarkerOverride(
            severity: .warning, reason: "Our houses report KPIs monthly", by: "aurele-group",
            location: SourceLocation(file: Self.groupPath, line: 11, column: 5)
        ))

        // The brand softens a group marker.
        let formal = try #require(charter.marker(id: "formal-address"))
        #expect(formal.declaredSeverity == .error)
        #expect(formal.severity == .warning)
        #expect(formal.override?.by == "maison-aurele")
        #expect(formal.override?.reason == "Our app speaks informally")
        #expect(formal.override?.location == SourceLocation(file: Self.brandPath, line: 23, column: 5))

        // The brand turns a federation marker off, and says why.
        let reply = try #require(charter.marker(id: "federation-reply"))
        #expect(!reply.isEnabled)
        #expect(reply.severity == .warning)
        #expect(reply.override?.severity == nil)
        #expect(reply.override?.reason == "fast-reply is stricter")
        #expect(reply.override?.location == SourceLocation(file: Self.brandPath, line: 24, column: 5))

        // Markers nobody overrides are as declared.
        #expect(charter.marker(id: "group-signature")?.override == nil)
        #expect(charter.marker(id: "fast-reply")?.override == nil)
        #expect(charter.enabledMarkers.map(\.id) == ["federation-kpis", "formal-address", "group-signature", "fast-reply"])
    }

    @Test func theNearestOverrideWins() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(
                of: #""overrides": {"#,
                with: #""overrides": { "federation-kpis": { "severity": "off", "reason": "No KPIs in boutiques" },"#
            )
        })
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        let kpis = try #require(result.brand?.charter.marker(id: "federation-kpis"))
        #expect(!kpis.isEnabled)
        #expect(kpis.declaredSeverity == .error)
        #expect(kpis.override?.by == "maison-aurele")
        #expect(kpis.override?.reason == "No KPIs in boutiques")
    }

    @Test(arguments: [
        #"{ "severity": "warning" }"#,
        #"{ "severity": "warning", "reason": "  " }"#,
    ])
    func anOverrideNeedsAReason(override: String) async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(of: #"{ "severity": "warning", "reason": "Our app speaks informally" }"#, with: override)
        })
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .missingField)
        #expect(diagnostic.location == SourceLocation(file: Self.brandPath, line: 23, column: 25))
        #expect(diagnostic.message.contains("'reason'"))
        #expect(diagnostic.message.contains("'formal-address'"))
        // Without a reason the override is not applied.
        let formal = try #require(result.brand?.charter.marker(id: "formal-address"))
        #expect(formal.severity == .error)
        #expect(formal.override == nil)
    }

    @Test func anOverrideNeedsASeverity() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(of: #"{ "severity": "warning", "reason": "#, with: #"{ "reason": "#)
        })
        #expect(result.diagnostics.map(\.code) == [.missingField], "\(result.listing)")
        #expect(result.diagnostics.first?.location == SourceLocation(file: Self.brandPath, line: 23, column: 25))
        #expect(result.diagnostics.first?.message.contains("'severity'") == true)
    }

    @Test func anOverrideSeverityIsChecked() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(of: #""severity": "off""#, with: #""severity": "of""#)
        })
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.location == SourceLocation(file: Self.brandPath, line: 24, column: 39))
        #expect(diagnostic.suggestion == "off")
        #expect(result.brand?.charter.marker(id: "federation-reply")?.isEnabled == true)
    }

    @Test func overridingAnOwnMarkerIsInvalid() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(
                of: #""overrides": {"#,
                with: #""overrides": { "fast-reply": { "severity": "error", "reason": "We changed our minds" },"#
            )
        })
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .invalidValue)
        #expect(diagnostic.location == SourceLocation(file: Self.brandPath, line: 22, column: 18))
        #expect(diagnostic.message.contains("'fast-reply' is defined in this charter"))
        #expect(result.brand?.charter.marker(id: "fast-reply")?.severity == .warning)
    }

    @Test func overridingAnUnknownMarkerSuggestsOne() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(of: #""formal-address":   {"#, with: #""formal-adress":   {"#)
        })
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownMarker)
        #expect(diagnostic.location == SourceLocation(file: Self.brandPath, line: 23, column: 5))
        #expect(diagnostic.message.contains("'formal-adress'"))
        #expect(diagnostic.suggestion == "formal-address")
    }

    @Test func redefiningAnInheritedMarkerIsADuplicate() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(of: #"{ "id": "fast-reply""#, with: #"{ "id": "formal-address""#)
        })
        let duplicates = result.diagnostics(.duplicateID)
        #expect(duplicates.count == 1, "\(result.listing)")
        let duplicate = try #require(duplicates.first)
        #expect(duplicate.location == SourceLocation(file: Self.brandPath, line: 19, column: 5))
        #expect(duplicate.message.contains("already defined by charter 'aurele-group'"))
        #expect(duplicate.related.map(\.location) == [SourceLocation(file: Self.groupPath, line: 6, column: 5)])
        // The inherited marker stays, overridden as the brand asked.
        let formal = try #require(result.brand?.charter.marker(id: "formal-address"))
        #expect(formal.origin == "aurele-group")
        #expect(formal.severity == .warning)
        #expect(result.brand?.charter.markers.count == 4)
    }

    @Test func aGroupMarkerNamingAnAttributeTheBrandLacksIsReportedInTheCharter() async throws {
        // A second house of the group, without a `signature` attribute.
        let otherHouse = SourceFile(path: "Brands/maison-brise.brand.jsonc", text: Acme.brand(
            extra: #"\#n  "extends": "aurele-group","#, id: "maison-brise"
        ).replacingOccurrences(of: #""signature": { "type": "text" },"#, with: ""))
        let result = try await Self.load(extra: [otherHouse])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownAttribute)
        #expect(diagnostic.location == SourceLocation(file: Self.groupPath, line: 8, column: 67))
        #expect(diagnostic.message.contains("'signature'"))
        #expect(diagnostic.message.contains("brand 'maison-brise'"))

        // Only the house without the attribute loses the marker.
        let brise = try #require(result.workspace.brand(id: "maison-brise"))
        #expect(brise.charter.marker(id: "group-signature") == nil)
        #expect(brise.charter.markers.map(\.id) == ["federation-kpis", "federation-reply", "formal-address"])
        let aurele = try #require(result.workspace.brand(id: "maison-aurele"))
        #expect(aurele.charter.marker(id: "group-signature") != nil)
    }

    @Test func anUnknownCharterIsReportedWhereItIsExtended() async throws {
        let result = try await Self.load(editingBrand: {
            $0.replacingOccurrences(of: #""extends": "aurele-group""#, with: #""extends": "aurele-grup""#)
        })
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .unknownCharter)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.location == SourceLocation(file: Self.brandPath, line: 6, column: 14))
        #expect(diagnostic.message.contains("'aurele-grup'"))
        #expect(diagnostic.suggestion == "aurele-group")
        // The brand keeps its own markers; its overrides of markers it would
        // inherit are not reported again as unknown markers.
        let brand = try #require(result.brand)
        #expect(brand.charter.lineage.isEmpty)
        #expect(brand.charter.markers.map(\.id) == ["fast-reply"])
    }

    @Test func anUnknownCharterFromAParentCharter() async throws {
        let group = try Fixtures.text("Inheritance/aurele-group.charter.jsonc")
            .replacingOccurrences(of: "luxury-federation", with: "luxe-federation")
        let result = await WorkspaceLoader.load([
            SourceFile(path: Self.groupPath, text: group),
            SourceFile(path: Self.brandPath, text: try Self.brandText()),
        ])
        let unknown = result.diagnostics(.unknownCharter)
        #expect(unknown.count == 1, "\(result.listing)")
        #expect(unknown.first?.location == SourceLocation(file: Self.groupPath, line: 4, column: 14))
        #expect(unknown.first?.message.contains("'luxe-federation'") == true)
    }

    @Test func duplicateCharterIDs() async throws {
        let copy = SourceFile(path: "Charters/zz-copy.charter.jsonc", text: try Fixtures.text("Inheritance/aurele-group.charter.jsonc"))
        let result = try await Self.load(extra: [copy])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .duplicateID)
        #expect(diagnostic.location == SourceLocation(file: "Charters/zz-copy.charter.jsonc", line: 2, column: 1))
        #expect(diagnostic.message.contains("charter 'aurele-group'"))
        #expect(diagnostic.related.map(\.location) == [SourceLocation(file: Self.groupPath, line: 2, column: 1)])
    }
}

/// Charters that extend each other in a circle.
@Suite struct ExtendsCycleTests {
    static func charter(_ id: String, extends parent: String, marker: String) -> SourceFile {
        SourceFile(path: "Charters/\(id).charter.jsonc", text: """
            {
              "charter": "\(id)",
              "extends": "\(parent)",
              "markers": [ { "id": "\(marker)", "expect": { "address": "formal" } } ]
            }
            """)
    }

    static func brand(extending parent: String) -> SourceFile {
        SourceFile(path: Acme.brandPath, text: Acme.brand(extra: #"\#n  "extends": "\#(parent)","#))
    }

    @Test func twoChartersExtendingEachOther() async throws {
        let result = await WorkspaceLoader.load([
            Self.charter("a", extends: "b", marker: "from-a"),
            Self.charter("b", extends: "a", marker: "from-b"),
            Self.brand(extending: "a"),
        ])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let cycle = try #require(result.diagnostics.first)
        #expect(cycle.code == .extendsCycle)
        #expect(cycle.severity == .error)
        #expect(cycle.location == SourceLocation(file: "Charters/b.charter.jsonc", line: 3, column: 14))
        #expect(cycle.message.contains("a → b → a"))
        // Each charter of the cycle is read once.
        let brand = try #require(result.brand)
        #expect(brand.charter.markers.map(\.id) == ["from-b", "from-a"])
        #expect(brand.charter.lineage.map(\.id) == ["a", "b"])
    }

    @Test func aCharterExtendingItself() async throws {
        let result = await WorkspaceLoader.load([
            Self.charter("narcissus", extends: "narcissus", marker: "mirror"),
            Self.brand(extending: "narcissus"),
        ])
        #expect(result.diagnostics.count == 1, "\(result.listing)")
        let cycle = try #require(result.diagnostics.first)
        #expect(cycle.code == .extendsCycle)
        #expect(cycle.location == SourceLocation(file: "Charters/narcissus.charter.jsonc", line: 3, column: 14))
        #expect(cycle.message.contains("narcissus → narcissus"))
        #expect(result.brand?.charter.markers.map(\.id) == ["mirror"])
    }

    @Test func aCycleIsReportedOnceForManyBrands() async throws {
        let second = SourceFile(path: "Brands/other.brand.jsonc", text: Acme.brand(extra: #"\#n  "extends": "a","#, id: "other"))
        let result = await WorkspaceLoader.load([
            Self.charter("a", extends: "b", marker: "from-a"),
            Self.charter("b", extends: "a", marker: "from-b"),
            Self.brand(extending: "a"),
            second,
        ])
        let cycles = result.diagnostics(.extendsCycle)
        #expect(cycles.count == 1, "\(result.listing)")
        #expect(cycles.first?.location == SourceLocation(file: "Charters/b.charter.jsonc", line: 3, column: 14))
        #expect(result.workspace.brands.map(\.id) == ["acme", "other"])
    }
}
