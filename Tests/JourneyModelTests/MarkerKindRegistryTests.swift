import Foundation
import JourneyModel
import MarkerKindGenerator
import Testing

/// The lists of marker kinds are generated from the rule files; these tests
/// fail while the committed lists are out of date (run
/// `swift run generate-marker-kinds`), or when a rule file is malformed.
@Suite("Generated marker kinds")
struct MarkerKindRegistryTests {
    /// The package folder, from this file's place in it.
    static let packageFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func ruleFiles() throws -> [String: String] {
        let folder = packageFolder.appendingPathComponent("Sources/JourneyModel/Charter/Rules")
        var files: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        return files
    }

    @Test("the committed MarkerKind and MarkerRule are what the rule files give")
    func modelListIsUpToDate() throws {
        let kinds = try MarkerKindGenerator.kinds(in: Self.ruleFiles())
        let committed = try String(
            contentsOf: Self.packageFolder.appendingPathComponent("Sources/JourneyModel/Charter/MarkerKinds+Generated.swift"), encoding: .utf8
        )
        #expect(MarkerKindGenerator.modelSource(for: kinds) == committed, "run `swift run generate-marker-kinds`")
    }

    @Test("the committed MarkerFinding and the checker's dispatch are what the rule files give")
    func checkerListIsUpToDate() throws {
        let kinds = try MarkerKindGenerator.kinds(in: Self.ruleFiles())
        let committed = try String(
            contentsOf: Self.packageFolder.appendingPathComponent("Sources/CharterChecker/Markers/MarkerFinding+Generated.swift"), encoding: .utf8
        )
        #expect(MarkerKindGenerator.checkerSource(for: kinds) == committed, "run `swift run generate-marker-kinds`")
    }

    @Test("every kind the rule files declare is a MarkerKind, with its rule type's name")
    func everyRuleIsAKind() throws {
        let kinds = try MarkerKindGenerator.kinds(in: Self.ruleFiles())
        #expect(kinds.map(\.name) == MarkerKind.allCases.map(\.rawValue))
        #expect(MarkerKind.allCases.map { $0.definition.name } == MarkerKind.allCases.map(\.rawValue))
    }

    @Test("a rule type is read with its case name, and files that declare none are skipped")
    func readingRuleFiles() throws {
        let kinds = try MarkerKindGenerator.kinds(in: [
            "StageKPIRule.swift": "public struct StageKPIRule: MarkerRuleDefinition {\n    public static let name = \"stage-kpis\"\n}\n",
            "AlphaRule.swift": "public struct AlphaRule: MarkerRuleDefinition {\n    public static let name = \"alpha\"\n}\n",
            "Notes.swift": "// no rule here\nstruct Helper {}\n",
        ])
        #expect(kinds.map(\.name) == ["alpha", "stage-kpis"])
        #expect(kinds.map(\.caseName) == ["alpha", "stageKPI"])
        #expect(kinds.map(\.typeName) == ["AlphaRule", "StageKPIRule"])
    }

    @Test("a rule without a name, a type not named …Rule, or two rules of one name are refused")
    func malformedRuleFiles() {
        #expect(throws: MarkerKindGenerator.Failure.self) {
            try MarkerKindGenerator.kinds(in: ["A.swift": "public struct AlphaRule: MarkerRuleDefinition {}\n"])
        }
        #expect(throws: MarkerKindGenerator.Failure.self) {
            try MarkerKindGenerator.kinds(in: ["A.swift": "public struct Alpha: MarkerRuleDefinition {\n    public static let name = \"a\"\n}\n"])
        }
        #expect(throws: MarkerKindGenerator.Failure.self) {
            try MarkerKindGenerator.kinds(in: [
                "A.swift": "public struct ARule: MarkerRuleDefinition {\n    public static let name = \"same\"\n}\n",
                "B.swift": "public struct BRule: MarkerRuleDefinition {\n    public static let name = \"same\"\n}\n",
            ])
        }
    }
}
