import Foundation
import Testing
import CharterChecker
import JourneyLoader
import JourneyModel
@testable import JourneyReporters

@Suite("SARIF")
struct CheckSARIFTests {
    typealias Object = [String: Any]

    func parse(_ result: CheckResult, version: String? = "1.2.3") throws -> Object {
        let text = CheckSARIF(toolVersion: version).render(result)
        return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? Object)
    }

    func run(_ log: Object) throws -> Object {
        let runs = try #require(log["runs"] as? [Object])
        try #require(runs.count == 1)
        return runs[0]
    }

    func rules(_ run: Object) throws -> [Object] {
        let driver = try #require((run["tool"] as? Object)?["driver"] as? Object)
        return try #require(driver["rules"] as? [Object])
    }

    func results(_ run: Object) throws -> [Object] {
        try #require(run["results"] as? [Object])
    }

    @Test func headerAndRun() throws {
        let log = try parse(ReporterFixtures.mixed)
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json")
        let run = try run(log)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((run["tool"] as? Object)?["driver"] as? Object)
        #expect(driver["name"] as? String == "throughline")
        #expect(driver["version"] as? String == "1.2.3")
        #expect((run["originalUriBaseIds"] as? Object)?["%SRCROOT%"] != nil)
        let summary = try #require((run["properties"] as? Object)?["summary"] as? Object)
        #expect(summary["errors"] as? Int == 2)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["infos"] as? Int == 1)
        #expect(summary["suppressed"] as? Int == 1)
    }

    @Test func versionIsOmittedWhenUnknown() throws {
        let run = try run(parse(ReporterFixtures.mixed, version: nil))
        let driver = try #require((run["tool"] as? Object)?["driver"] as? Object)
        #expect(driver["version"] == nil)
    }

    @Test func everyResultPointsAtItsRule() throws {
        let run = try run(parse(ReporterFixtures.mixed))
        let rules = try rules(run)
        let results = try results(run)
        #expect(results.count == 5)
        #expect(rules.map { $0["id"] as? String } == ["unknown-channel", "formal-address", "named-advisor", "one-signature", "warm-tone"])
        #expect(Set(rules.compactMap { $0["id"] as? String }).count == rules.count)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            try #require(rules.indices.contains(index))
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results.map { $0["ruleId"] as? String } == ["unknown-channel", "formal-address", "one-signature", "warm-tone", "named-advisor"])
    }

    @Test func levelsFollowSeverity() throws {
        let run = try run(parse(ReporterFixtures.mixed))
        #expect(try results(run).map { $0["level"] as? String } == ["error", "error", "warning", "note", "error"])
        let levels = try rules(run).map { ($0["defaultConfiguration"] as? Object)?["level"] as? String }
        #expect(levels == ["error", "error", "error", "warning", "note"])
        #expect(CheckSARIF.level(.info) == "note")
    }

    @Test func locationsAreRelativeToTheSourceRoot() throws {
        let run = try run(parse(ReporterFixtures.mixed))
        let result = try results(run)[1]
        let locations = try #require(result["locations"] as? [Object])
        let physical = try #require(locations.first?["physicalLocation"] as? Object)
        let artifact = try #require(physical["artifactLocation"] as? Object)
        #expect(artifact["uri"] as? String == ReporterFixtures.journeyFile)
        #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        let region = try #require(physical["region"] as? Object)
        #expect(region["startLine"] as? Int == 12)
        #expect(region["startColumn"] as? Int == 20)
    }

    @Test func absoluteAndUnusualPaths() throws {
        let result = ReporterFixtures.result(diagnostics: [
            ReporterFixtures.diagnostic(file: "/srv/brand files/a.brand.jsonc"),
            ReporterFixtures.diagnostic(file: "Journeys/été 1.journey.jsonc", line: 0, column: 0),
        ])
        let results = try results(run(parse(result)))
        let first = try #require(((results[0]["locations"] as? [Object])?.first?["physicalLocation"] as? Object))
        let firstArtifact = try #require(first["artifactLocation"] as? Object)
        #expect(firstArtifact["uri"] as? String == "file:///srv/brand%20files/a.brand.jsonc")
        #expect(firstArtifact["uriBaseId"] == nil)
        let second = try #require(((results[1]["locations"] as? [Object])?.first?["physicalLocation"] as? Object))
        #expect((second["artifactLocation"] as? Object)?["uri"] as? String == "Journeys/%C3%A9t%C3%A9%201.journey.jsonc")
        // SARIF lines and columns start at 1.
        #expect((second["region"] as? Object)?["startLine"] as? Int == 1)
        #expect((second["region"] as? Object)?["startColumn"] as? Int == 1)
    }

    @Test func gapsCarryTheirContextAndFingerprint() throws {
        let gap = ReporterFixtures.gap()
        let result = try results(run(parse(ReporterFixtures.result(gaps: [gap]))))[0]
        let properties = try #require(result["properties"] as? Object)
        #expect(properties["brand"] as? String == "aurele")
        #expect(properties["journey"] as? String == "first-purchase")
        #expect(properties["touchpoint"] as? String == "welcome-mail")
        #expect(properties["segment"] as? String == "newcomers")
        #expect(properties["channel"] as? String == "email")
        #expect(properties["stage"] as? String == "discover")
        #expect(properties["expected"] as? String == "address = formal")
        #expect(properties["planned"] as? String == "informal")
        #expect((result["partialFingerprints"] as? Object)?["throughlineGap/v2"] as? String == gap.fingerprint)
        #expect((result["message"] as? Object)?["text"] as? String == gap.message + " (segment 'newcomers')")
        #expect(result["suppressions"] == nil)
        #expect(properties["action"] == nil)
    }

    @Test func actionsAreProperties() throws {
        let results = try results(run(parse(ReporterFixtures.mixed)))
        #expect((results[1]["properties"] as? Object)?["action"] as? String == "Set address to formal at welcome-mail.")
    }

    @Test func journeyWideGapsLeaveOutWhatTheyDoNotHave() throws {
        let gap = ReporterFixtures.gap(marker: "stage-kpis", kind: .stageKPI, touchpoint: nil, segment: nil, channel: nil, attribute: nil)
        let result = try results(run(parse(ReporterFixtures.result(gaps: [gap]))))[0]
        let properties = try #require(result["properties"] as? Object)
        #expect(properties["touchpoint"] == nil)
        #expect(properties["segment"] == nil)
        #expect(properties["stage"] as? String == "discover")
    }

    @Test func acceptedGapsAreSuppressedResults() throws {
        let results = try results(run(parse(ReporterFixtures.mixed)))
        let accepted = results[4]
        let suppressions = try #require(accepted["suppressions"] as? [Object])
        #expect(suppressions.count == 1)
        #expect(suppressions[0]["kind"] as? String == "inSource")
        #expect(suppressions[0]["status"] as? String == "accepted")
        #expect(suppressions[0]["justification"] as? String == "Advisors join in 2026")
        let region = (suppressions[0]["location"] as? Object)?["physicalLocation"] as? Object
        #expect((region?["region"] as? Object)?["startLine"] as? Int == 16)
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
    }

    @Test func acceptanceKeptElsewhereIsExternal() throws {
        let gap = ReporterFixtures.gap(suppression: SuppressionNote(
            reason: "known when the baseline was written",
            location: SourceLocation(file: "throughline-baseline.json", line: 1, column: 1), origin: .baseline
        ))
        let result = try results(run(parse(ReporterFixtures.result(gaps: [gap]))))[0]
        #expect((result["suppressions"] as? [Object])?.first?["kind"] as? String == "external")
    }

    @Test func suggestionsReachTheMessage() throws {
        let result = ReporterFixtures.result(diagnostics: [
            ReporterFixtures.diagnostic(),
            ReporterFixtures.diagnostic(.unknownSegment, line: 7, message: "unknown segment 'premum'", suggestion: "premium"),
        ])
        let results = try results(run(parse(result)))
        #expect((results[0]["message"] as? Object)?["text"] as? String == "unknown channel 'emial'; did you mean 'email'?")
        #expect((results[0]["properties"] as? Object)?["suggestion"] as? String == "email")
        #expect((results[1]["message"] as? Object)?["text"] as? String == "unknown segment 'premum' (did you mean 'premium'?)")
    }

    @Test func relatedLocationsAreNumbered() throws {
        let results = try results(run(parse(ReporterFixtures.mixed)))
        let related = try #require(results[2]["relatedLocations"] as? [Object])
        #expect(related.map { $0["id"] as? Int } == [1, 2])
        #expect((related[0]["message"] as? Object)?["text"] as? String == "the value most used")
        let region = (related[0]["physicalLocation"] as? Object)?["region"] as? Object
        #expect(region?["startLine"] as? Int == 9)
        #expect(region?["startColumn"] as? Int == 60)
    }

    @Test func diagnosticRulesDescribeTheCode() throws {
        let rules = try rules(run(parse(ReporterFixtures.mixed)))
        #expect((rules[0]["shortDescription"] as? Object)?["text"] as? String == DiagnosticCode.unknownChannel.summary)
    }

    @Test func markerRulesComeFromTheCharter() async throws {
        let result = await ReporterFixtures.loaded()
        let run = try run(parse(result))
        let rules = try rules(run)
        let formal = try #require(rules.first { $0["id"] as? String == "formal-address" })
        #expect((formal["shortDescription"] as? Object)?["text"] as? String == "We always address customers formally")
        #expect((formal["fullDescription"] as? Object)?["text"] as? String == "Formality is how we show respect")
        #expect(((formal["help"] as? Object)?["text"] as? String)?.contains("Formality is how we show respect") == true)
        #expect((formal["defaultConfiguration"] as? Object)?["level"] as? String == "error")
        let warm = try #require(rules.first { $0["id"] as? String == "warm-tone" })
        #expect((warm["defaultConfiguration"] as? Object)?["level"] as? String == "note")
        // Without a `why`, the full description still says what the rule is.
        #expect((warm["fullDescription"] as? Object)?["text"] as? String == "Charter marker 'warm-tone' (expectation). Brand 'aurele', marker kind expectation.")
        let results = try results(run)
        #expect(results.count == Array(result.gaps).count + result.diagnostics.count)
        #expect(results.filter { $0["suppressions"] != nil }.count == 1)
    }

    @Test func markerNamedLikeADiagnosticCodeGetsItsOwnRule() throws {
        let result = ReporterFixtures.result(
            diagnostics: [ReporterFixtures.diagnostic(.syntax, message: "expected ','", suggestion: nil)],
            gaps: [ReporterFixtures.gap(marker: "syntax")]
        )
        let run = try run(parse(result))
        #expect(try rules(run).map { $0["id"] as? String } == ["syntax", "marker/syntax"])
        #expect(try results(run).map { $0["ruleIndex"] as? Int } == [0, 1])
    }

    @Test("every rule has a short and a full description")
    func everyRuleIsDescribed() async throws {
        for result in [ReporterFixtures.mixed, await ReporterFixtures.loaded(), await Self.twoBrands()] {
            for rule in try rules(run(parse(result))) {
                #expect(((rule["shortDescription"] as? Object)?["text"] as? String)?.isEmpty == false, "\(rule)")
                #expect(((rule["fullDescription"] as? Object)?["text"] as? String)?.isEmpty == false, "\(rule)")
            }
        }
    }

    /// The fixture brand, and a second brand `zig` defining `formal-address`
    /// under another name, rationale and severity, each with its journey.
    static func twoBrands() async -> CheckResult {
        let zigBrand = ReporterFixtures.brandText
            .replacingOccurrences(of: #""brand": "aurele""#, with: #""brand": "zig""#)
            .replacingOccurrences(of: "We always address customers formally", with: "Zig says vous")
            .replacingOccurrences(of: "Formality is how we show respect", with: "Zig is formal too")
            .replacingOccurrences(of: #""why": "Zig is formal too", "severity": "error""#, with: #""why": "Zig is formal too", "severity": "warning""#)
        let zigJourney = ReporterFixtures.journeyText
            .replacingOccurrences(of: #""brand": "aurele""#, with: #""brand": "zig""#)
        let load = await WorkspaceLoader.load([
            SourceFile(path: ReporterFixtures.brandFile, text: ReporterFixtures.brandText),
            SourceFile(path: ReporterFixtures.journeyFile, text: ReporterFixtures.journeyText),
            SourceFile(path: "Brands/zig.brand.jsonc", text: zigBrand),
            SourceFile(path: "Journeys/zig/first-purchase.journey.jsonc", text: zigJourney),
        ])
        let report = await Checker.check(load.workspace)
        return CheckResult(
            workspace: load.workspace, diagnostics: load.diagnostics + report.diagnostics,
            gaps: report.gaps, wording: GapWording(load.workspace), fileCount: 4
        )
    }

    @Test("two brands defining one marker get a rule each, with each brand's text and level")
    func oneRulePerMarkerPerBrand() async throws {
        let result = await Self.twoBrands()
        #expect(result.diagnostics.isEmpty)
        let run = try run(parse(result))
        let rules = try rules(run)
        let ids = rules.compactMap { $0["id"] as? String }
        #expect(ids == ["aurele/formal-address", "aurele/named-advisor", "aurele/warm-tone", "zig/formal-address", "zig/named-advisor", "zig/warm-tone"])
        let aurele = rules[0], zig = rules[3]
        #expect((aurele["shortDescription"] as? Object)?["text"] as? String == "We always address customers formally")
        #expect((aurele["fullDescription"] as? Object)?["text"] as? String == "Formality is how we show respect")
        #expect((aurele["defaultConfiguration"] as? Object)?["level"] as? String == "error")
        #expect((zig["shortDescription"] as? Object)?["text"] as? String == "Zig says vous")
        #expect((zig["fullDescription"] as? Object)?["text"] as? String == "Zig is formal too")
        #expect((zig["defaultConfiguration"] as? Object)?["level"] as? String == "warning")
        // Each result points at its own brand's rule.
        for found in try results(run) {
            let brand = try #require((found["properties"] as? Object)?["brand"] as? String)
            let index = try #require(found["ruleIndex"] as? Int)
            #expect((found["ruleId"] as? String)?.hasPrefix(brand + "/") == true)
            #expect(rules[index]["id"] as? String == found["ruleId"] as? String)
        }
    }

    @Test("results of one place for several segments differ in message and fingerprint")
    func segmentsOfOnePlaceAreToldApart() throws {
        let result = ReporterFixtures.result(gaps: [
            ReporterFixtures.gap(segment: "newcomers"),
            ReporterFixtures.gap(segment: "premium"),
        ])
        let results = try results(run(parse(result)))
        let messages = results.compactMap { ($0["message"] as? Object)?["text"] as? String }
        #expect(messages == [
            ReporterFixtures.gap().message + " (segment 'newcomers')",
            ReporterFixtures.gap().message + " (segment 'premium')",
        ])
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? Object)?["throughlineGap/v2"] as? String }
        #expect(fingerprints.count == 2)
        #expect(Set(fingerprints).count == 2)
    }

    @Test("diagnostics have a fingerprint that names code, file and message, not the line")
    func diagnosticsHaveFingerprints() throws {
        func fingerprint(line: Int, message: String = "unknown channel 'emial'") throws -> String? {
            let result = ReporterFixtures.result(diagnostics: [ReporterFixtures.diagnostic(line: line, message: message)])
            let found = try #require(try results(run(parse(result))).first)
            return (found["partialFingerprints"] as? Object)?["throughlineDiagnostic/v1"] as? String
        }
        #expect(try fingerprint(line: 5) == "unknown-channel/Journeys%2Faurele%2Ffirst-purchase.journey.jsonc/unknown channel 'emial'")
        #expect(try fingerprint(line: 50) == fingerprint(line: 5))
        #expect(try fingerprint(line: 5, message: "unknown channel 'mail'") != fingerprint(line: 5))
    }

    @Test func emptyResult() throws {
        let run = try run(parse(ReporterFixtures.empty))
        #expect(try results(run).isEmpty)
        #expect(try rules(run).isEmpty)
    }

    @Test func deterministic() async {
        let loaded = await ReporterFixtures.loaded()
        #expect(CheckSARIF(toolVersion: "1").render(loaded) == CheckSARIF(toolVersion: "1").render(loaded))
        #expect(CheckSARIF().render(ReporterFixtures.mixed) == CheckSARIF().render(ReporterFixtures.mixed))
    }
}
