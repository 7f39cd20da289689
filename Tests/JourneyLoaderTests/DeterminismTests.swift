import JourneyLoader
import JourneyModel
import Testing

/// The same files in any order give the same workspace and diagnostics.
@Suite struct DeterminismTests {
    /// Every fixture, and a few files with problems of their own, so that
    /// diagnostics from every stage of loading are compared too.
    static func files() throws -> [SourceFile] {
        [
            try Fixtures.file("DesignExample/maison-aurele.brand.jsonc", as: "Brands/maison-aurele.brand.jsonc"),
            try Fixtures.file("DesignExample/first-purchase.journey.jsonc", as: "Journeys/maison-aurele/first-purchase.journey.jsonc"),
            try Fixtures.file("Inheritance/luxury-federation.charter.jsonc", as: "Charters/luxury-federation.charter.jsonc"),
            try Fixtures.file("Inheritance/aurele-group.charter.jsonc", as: "Charters/aurele-group.charter.jsonc"),
            try Fixtures.file("Inheritance/maison-aurele.brand.jsonc", as: "Brands/group/maison-aurele.brand.jsonc"),
            SourceFile(path: Acme.brandPath, text: Acme.brand(
                markers: #"{ "id": "formal", "expect": { "adress": "formal" } }, { "id": "kpis", "kind": "stage-kpis" }"#,
                extra: #"\#n  "extends": "aurele-group","#
            )),
            SourceFile(path: "Brands/zz/acme.brand.jsonc", text: Acme.brand()),
            SourceFile(path: "Journeys/acme/empty.journey.jsonc", text: Acme.journey("", id: "empty")),
            SourceFile(path: Acme.journeyPath, text: Acme.journey(
                #"{ "id": "a", "stage": "buy", "channel": "emial", "next": ["b"] }, { "id": "b", "stage": "buy", "channel": "email", "next": ["c"] }"#
            )),
            SourceFile(path: "Journeys/acme/second.journey.jsonc", text: Acme.journey(id: "second")),
            SourceFile(path: "Journeys/acme/same-id.journey.jsonc", text: Acme.journey(id: "second")),
            SourceFile(path: "Journeys/acme/broken.journey.jsonc", text: #"{ "journey": "broken", "#),
            SourceFile(path: "Journeys/nobody/x.journey.jsonc", text: #"{ "journey": "x", "brand": "nobody", "touchpoints": [] }"#),
            SourceFile(path: "Journeys/acme/sniffed.jsonc", text: Acme.journey(id: "sniffed")),
        ]
    }

    /// A fixed-seed generator, so the orders tried are the same on every run.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func orders(of files: [SourceFile]) -> [[SourceFile]] {
        var orders = [files.reversed(), Array(files[5...] + files[..<5])]
        for seed in 1...6 {
            var generator = SplitMix64(state: UInt64(seed))
            orders.append(files.shuffled(using: &generator))
        }
        return orders
    }

    @Test func shuffledFilesGiveIdenticalResults() async throws {
        let files = try Self.files()
        let reference = await WorkspaceLoader.load(files)
        // The reference itself covers the cases worth comparing.
        #expect(reference.workspace.brands.map(\.id) == ["acme", "maison-aurele"])
        #expect(reference.workspace.journeys.map(\.id) == ["empty", "first", "second", "sniffed", "first-purchase"])
        #expect(reference.workspace.journey(id: "second")?.file == "Journeys/acme/same-id.journey.jsonc")
        #expect(Set(reference.diagnostics.map(\.code)).isSuperset(of: [
            .syntax, .duplicateID, .unknownAttribute, .unknownChannel, .unknownBrand, .danglingNext, .emptyJourney,
        ]), "\(reference.listing)")
        #expect(reference.diagnostics == reference.diagnostics.sorted(by: Diagnostic.reportOrder))
        #expect(Set(reference.diagnostics).count == reference.diagnostics.count)

        let expected = Canonical.lines(reference.workspace)
        for order in Self.orders(of: files) {
            let result = await WorkspaceLoader.load(order)
            #expect(result.diagnostics == reference.diagnostics)
            #expect(result.fileCount == reference.fileCount)
            #expect(Canonical.lines(result.workspace) == expected)
        }
    }

    @Test func loadingTwiceGivesIdenticalResults() async throws {
        let files = try Self.files()
        let first = await WorkspaceLoader.load(files)
        let second = await WorkspaceLoader.load(files)
        #expect(first.diagnostics == second.diagnostics)
        #expect(Canonical.lines(first.workspace) == Canonical.lines(second.workspace))
    }

    @Test func whichOfTwoDuplicatesIsKeptDependsOnPathsNotOrder() async throws {
        let first = SourceFile(path: "Journeys/acme/a.journey.jsonc", text: Acme.journey(extra: #" "name": "A","#, id: "same"))
        let second = SourceFile(path: "Journeys/acme/b.journey.jsonc", text: Acme.journey(extra: #" "name": "B","#, id: "same"))
        let brand = SourceFile(path: Acme.brandPath, text: Acme.brand())
        for files in [[brand, first, second], [second, first, brand]] {
            let result = await WorkspaceLoader.load(files)
            #expect(result.workspace.journeys.map(\.name) == ["A"])
            #expect(result.diagnostics.map(\.location.file) == ["Journeys/acme/b.journey.jsonc"])
        }
    }
}

/// A plain-text rendering of everything a workspace holds, for comparing
/// two of them (the model types are not `Equatable`).
enum Canonical {
    static func lines(_ workspace: Workspace) -> [String] {
        var lines: [String] = []
        for brand in workspace.brands {
            lines.append("brand \(brand.id) \(brand.name) \(brand.promise ?? "-") \(brand.values) \(brand.location)")
            for channel in brand.channels {
                lines.append("  channel \(channel.id) \(channel.name) \(channel.kind) \(channel.live) \(channel.owner ?? "-") \(channel.location)")
            }
            for segment in brand.segments {
                lines.append("  segment \(segment.id) \(segment.name) \(segment.priority) \(segment.location)")
            }
            for stage in brand.stages { lines.append("  stage \(stage.id) \(stage.location)") }
            for attribute in brand.attributes {
                lines.append("  attribute \(attribute.id) \(attribute.type) \(attribute.description ?? "-") \(attribute.location)")
            }
            lines.append("  lineage \(brand.charter.lineage.map { "\($0.id)@\($0.location)" })")
            for marker in brand.charter.markers { lines += describe(marker, in: brand).map { "  " + $0 } }
        }
        for journey in workspace.journeys {
            let brand = workspace.brand(id: journey.brand)
            lines.append("journey \(journey.id) \(journey.name ?? "-") \(journey.brand) \(journey.segments) \(journey.location)")
            for touchpoint in journey.touchpoints {
                lines.append(
                    "  touchpoint \(touchpoint.id) \(touchpoint.name ?? "-") \(touchpoint.stage) \(touchpoint.channel) "
                        + "\(list(touchpoint.segments)) \(touchpoint.position) next \(touchpoint.next)"
                )
                lines.append("    experience \(describe(touchpoint.experience, in: brand))")
                for overlay in touchpoint.bySegment {
                    lines.append("    bySegment \(overlay.segment) \(describe(overlay.experience, in: brand))")
                }
                for suppression in touchpoint.suppressions { lines.append("    \(describe(suppression))") }
            }
            for stage in journey.kpis {
                lines.append("  kpis \(stage.stage) \(stage.position) \(stage.kpis.map { "\($0.name)/\($0.kind)/\($0.target ?? "-")@\($0.position)" })")
            }
            for suppression in journey.suppressions { lines.append("  \(describe(suppression))") }
        }
        return lines
    }

    static func describe(_ marker: Marker, in brand: Brand) -> [String] {
        let scope = marker.scope
        var lines = [
            "marker \(marker.id) \(marker.name ?? "-") \(marker.rationale ?? "-") \(marker.severity)/\(marker.declaredSeverity) "
                + "enabled:\(marker.isEnabled) origin:\(marker.origin) \(marker.location)",
            "  override \(marker.override.map { "\($0.severity?.rawValue ?? "off") \($0.reason) \($0.by) \($0.location)" } ?? "-")",
            "  where channels:\(list(scope.channels)) kinds:\(scope.channelKinds.map { "\($0.sorted())" } ?? "-") "
                + "stages:\(list(scope.stages)) segments:\(list(scope.segments))",
        ]
        let expectations = marker.expectations?.map { "\($0.describe(in: brand))@\($0.location)" } ?? []
        // Every field of the rule, whatever its kind, with its expectations located.
        lines.append("  \(marker.kind) \(marker.rule) \(expectations)")
        return lines
    }

    static func describe(_ experience: Experience, in brand: Brand?) -> String {
        experience.values.map { value in
            let rendered = brand.map { $0.attributes[value.attribute].render(value.value) } ?? "\(value.value)"
            return "\(value.attribute)=\(rendered)@\(value.position)"
        }.joined(separator: " ")
    }

    /// The members in order, or `-` for no filter at all.
    static func list(_ members: MemberSet?) -> String {
        members.map { "\(Array($0))" } ?? "-"
    }

    static func describe(_ suppression: Suppression) -> String {
        "suppress \(suppression.marker) \(list(suppression.segments)) \(suppression.reason) \(suppression.position)"
    }
}
