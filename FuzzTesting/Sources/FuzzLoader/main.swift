// Fuzzes the loader, the checker, the audit and the reports with arbitrary
// bytes read as each kind of file next to the bundled, valid ones:
// - as a journey (`Journeys/fuzz.journey.jsonc`) with the bundled brands;
// - as a brand (`Brands/fuzz.brand.jsonc`) with the bundled charter and journeys;
// - as a charter (`Brands/fuzz.charter.jsonc`) with the bundled Maison Aurèle
//   brand and journeys, when the bytes mention "charter";
// - alone, named neither way (`fuzz.jsonc`), so its kind is sniffed;
// - as a baseline file (`check --baseline`);
// - as a CSV inventory for `throughline import`, in Maison Aurèle's vocabulary.
// Whatever loads is checked, audited, explained and rendered in every format,
// and each brand's journey schema is written.
//
// Beyond "no crash, no hang" it checks on every input:
// - every diagnostic, related location and gap has line ≥ 1 and column ≥ 1,
//   and points inside the file it names (an existing line, a column at most
//   one past its end);
// - diagnostics come sorted and each once;
// - loading and checking are deterministic (twice → same result);
// - a check that keeps few gaps and makes them again as reports walk them
//   writes the same reports as one that keeps them all;
// - the JSON reports (check, audit, explain, SARIF, baseline, schema) are valid JSON
//   without duplicate keys; a baseline written reads back the same gaps;
// - the GitHub annotations are one line per finding, whatever the text;
// - the JUnit report holds no character XML forbids;
// - an inventory imported without diagnostics gives journey files that read
//   without syntax errors and load in the brand's vocabulary.
import CharterAudit
import CharterChecker
import FuzzSupport
import JSONCReader
import JourneyAuthoring
import JourneyLoader
import JourneyModel
import JourneyReporters
import ThroughlineKit

let bundledBrands = [
    "Brands/aurele-group.charter.jsonc",
    "Brands/maison-aurele.brand.jsonc",
    "Brands/zignature.brand.jsonc",
].map { SourceFile(path: $0, bytes: Fuzz.repositoryFile($0)) }

let bundledJourneys = [
    "Journeys/maison-aurele/care-and-repair.journey.jsonc",
    "Journeys/maison-aurele/first-purchase.journey.jsonc",
    "Journeys/zignature/new-business.journey.jsonc",
].map { SourceFile(path: $0, bytes: Fuzz.repositoryFile($0)) }

let bundledOracles = Dictionary(uniqueKeysWithValues: (bundledBrands + bundledJourneys).map { ($0.path, PositionOracle($0.bytes)) })

/// Maison Aurèle as loaded from the bundled files, for the CSV import.
let maisonAurele: Brand = {
    let load = Fuzz.wait { await LoadedWorkspace.load(bundledBrands) }
    guard let brand = load.workspace.brand(id: "maison-aurele") else {
        Fuzz.require(false, "the bundled brand does not load: \(load.diagnostics)")
        fatalError()
    }
    return brand
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let oracle = PositionOracle(bytes)

    // Every report format and `explain` in the first run only: they cost
    // more than loading and checking.
    func run(_ path: String, with others: [SourceFile], twice: Bool, allReports: Bool = false) {
        var oracles = bundledOracles
        oracles[path] = oracle
        let files = others + [SourceFile(path: path, bytes: bytes)]
        let outcome = Fuzz.wait { await Outcome.compute(files, allReports: allReports) }
        outcome.check(oracles: oracles)
        if twice {
            let again = Fuzz.wait { await Outcome.compute(files, allReports: allReports) }
            Fuzz.require(outcome.run.diagnostics == again.run.diagnostics, "loading twice gave different diagnostics")
            Fuzz.require(outcome.gaps == again.gaps, "checking twice gave different gaps")
            Fuzz.require(outcome.checkJSON == again.checkJSON && outcome.auditJSON == again.auditJSON, "reporting twice gave different reports")
        }
    }

    run("Journeys/fuzz.journey.jsonc", with: bundledBrands, twice: true, allReports: true)
    run("Brands/fuzz.brand.jsonc", with: [bundledBrands[0]] + bundledJourneys, twice: false)
    if bytes.count >= 9, bytes.indices.dropLast(8).contains(where: { bytes[$0..<($0 + 9)].elementsEqual("\"charter\"".utf8) }) {
        run("Brands/fuzz.charter.jsonc", with: [bundledBrands[1]] + bundledJourneys.prefix(2), twice: false)
    }
    run("fuzz.jsonc", with: [], twice: false)
    checkBaseline(bytes, oracle: oracle)
    // Inventories only for what does not start like a JSONC file.
    if let first = bytes.first, first != UInt8(ascii: "{"), first != UInt8(ascii: "/"), first != 0xEF {
        checkImport(bytes)
    }
    return 0
}

/// The bytes as a baseline file: diagnostics inside the file.
func checkBaseline(_ bytes: [UInt8], oracle: PositionOracle) {
    let (_, diagnostics) = BaselineFile.read(bytes, path: "baseline.json")
    for diagnostic in diagnostics {
        Fuzz.require(oracle.contains(line: diagnostic.location.line, column: diagnostic.location.column), "baseline diagnostic at \(diagnostic.location) outside the file")
    }
}

/// The bytes as a CSV inventory: diagnostics inside the text; when there are
/// none, journey files that read back and load.
func checkImport(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let oracle = PositionOracle(Array(text.utf8))
    let output = TouchpointInventory.convert(csv: text, path: "inventory.csv", brand: maisonAurele)
    for diagnostic in output.diagnostics {
        Fuzz.require(diagnostic.location.line >= 1 && diagnostic.location.column >= 1, "import diagnostic at \(diagnostic.location)")
        Fuzz.require(oracle.contains(line: diagnostic.location.line, column: diagnostic.location.column), "import diagnostic at \(diagnostic.location) outside the CSV: \(diagnostic.message)")
    }
    guard output.diagnostics.isEmpty, !output.files.isEmpty else { return }
    var files = bundledBrands
    for file in output.files {
        do {
            let document = try JSONCDocument.parse(file.text)
            Fuzz.require(document.duplicateKeys.isEmpty, "imported \(file.name) repeats a key: \(document.duplicateKeys[0])")
        } catch {
            Fuzz.require(false, "imported \(file.name) is not JSONC: \(error)\n\(file.text)")
        }
        files.append(SourceFile(path: "Journeys/imported/" + file.name.replacingOccurrences(of: "/", with: "_"), text: file.text))
    }
    let imported = files
    let load = Fuzz.wait { await LoadedWorkspace.load(imported) }
    let problems = load.diagnostics.filter { $0.location.file.hasPrefix("Journeys/imported/") && $0.severity == .error }
    Fuzz.require(problems.isEmpty, "an inventory imported without diagnostics does not load: \(problems.map { "\($0.location): \($0.message)" })")
}

struct Outcome: Sendable {
    let run: CheckRun
    /// Every gap, worded.
    let gaps: [DescribedGap]
    let audit: AuditReport
    let checkJSON: String
    let checkText: String
    let auditJSON: String
    let auditText: String
    let findings: Int
    let sarif: String
    let github: String
    let junit: String
    let baseline: String
    let explainJSON: [String]

    static func compute(_ files: [SourceFile], allReports: Bool) async -> Outcome {
        let loaded = await LoadedWorkspace.load(files)
        let run = await CheckRun.check(loaded)
        let gaps = run.report.gaps.map(run.wording.describe)
        let audit = run.audit()
        let result = checkResult(of: run)
        // Explain a few markers of each brand (all of them cost too much).
        var explainJSON: [String] = []
        if allReports {
            let workspace = run.judgement.workspace
            for id in Set(workspace.brands.flatMap { $0.charter.markers.prefix(3).map(\.id) }).sorted() {
                let explanations = MarkerExplanation.explain(id, in: workspace, report: run.report, audit: audit)
                explainJSON.append(ExplainJSON().render(explanations))
                _ = ExplainText().render(explanations)
            }
            _ = CheckHTML().render(result)
            _ = CheckMarkdown().render(result)
            _ = CheckCSV().render(result)
            _ = AuditHTML().render(audit)
            _ = AuditMarkdown().render(audit)
            _ = AuditCSV().render(audit)
            // JSON Schemas tailored to each brand's vocabulary (names from the file).
            for brand in workspace.brands {
                explainJSON.append(FileSchema.schema(for: .journey, brand: brand).rendered())
            }
            // Two gaps kept, the rest made again at each walk: the same reports.
            let regenerated = checkResult(of: await CheckRun.check(loaded, keeping: .upTo(2)))
            Fuzz.require(CheckJSON().render(regenerated) == CheckJSON().render(result), "regenerated gaps give another JSON report")
            Fuzz.require(CheckText().render(regenerated) == CheckText().render(result), "regenerated gaps give another text report")
        }
        return Outcome(
            run: run, gaps: gaps, audit: audit,
            checkJSON: CheckJSON().render(result), checkText: CheckText().render(result),
            auditJSON: AuditJSON().render(audit), auditText: AuditText().render(audit),
            findings: result.diagnostics.count + result.gapCounts.open,
            sarif: allReports ? CheckSARIF().render(result) : "{}", github: CheckGitHub().render(result),
            junit: allReports ? CheckJUnit().render(result) : "",
            baseline: BaselineJSON().render(gaps), explainJSON: explainJSON
        )
    }

    /// What `check` reports of a run.
    static func checkResult(of run: CheckRun) -> CheckResult {
        CheckResult(
            workspace: run.loaded.workspace, diagnostics: run.diagnostics, gaps: run.gaps, counts: run.counts,
            wording: run.wording, fileCount: run.loaded.fileCount
        )
    }

    func check(oracles: [String: PositionOracle]) {
        func checkLocation(_ location: SourceLocation, _ what: @autoclosure () -> String) {
            Fuzz.require(location.line >= 1 && location.column >= 1, "\(what()) at \(location)")
            if let oracle = oracles[location.file] {
                Fuzz.require(oracle.contains(line: location.line, column: location.column), "\(what()) at \(location), outside the file")
            }
        }
        for diagnostic in run.diagnostics {
            checkLocation(diagnostic.location, "diagnostic '\(diagnostic.message)'")
            Fuzz.require(!diagnostic.message.isEmpty, "a diagnostic without a message at \(diagnostic.location)")
            for related in diagnostic.related {
                checkLocation(related.location, "related location '\(related.message)' of '\(diagnostic.message)'")
            }
        }
        for gap in gaps {
            checkLocation(gap.location, "gap '\(gap.message)'")
            for related in gap.related {
                checkLocation(related.location, "related location '\(related.message)' of gap '\(gap.message)'")
            }
        }
        for journey in run.loaded.workspace.journeys {
            checkLocation(journey.location, "journey '\(journey.id)'")
            for touchpoint in journey.touchpoints {
                checkLocation(journey.location(touchpoint.position), "touchpoint '\(touchpoint.id)'")
            }
        }
        Fuzz.require(run.diagnostics == run.diagnostics.sorted(by: Diagnostic.reportOrder), "diagnostics out of report order")
        Fuzz.require(Set(run.diagnostics).count == run.diagnostics.count, "a diagnostic reported twice")
        Fuzz.require(gaps == gaps.sorted(by: GapOrder.precedes), "gaps out of report order")

        let jsonReports = [("check", checkJSON), ("audit", auditJSON), ("SARIF", sarif), ("baseline", baseline)]
            + explainJSON.map { ("explain", $0) }
        for (name, json) in jsonReports {
            do {
                let document = try JSONCDocument.parse(json)
                Fuzz.require(document.duplicateKeys.isEmpty, "the \(name) JSON report repeats a key: \(document.duplicateKeys.first!)")
            } catch {
                Fuzz.require(false, "the \(name) JSON report is not valid JSON: \(error)")
            }
        }
        Fuzz.require(!checkText.isEmpty, "empty check text report")
        _ = auditText

        // GitHub: a workflow command per finding, the same gap of several
        // segments being one, then the summary line.
        let githubLines = github.split(separator: "\n", omittingEmptySubsequences: false)
        let commands = githubLines.count - 2
        Fuzz.require(
            githubLines.last == "" && commands <= findings && (commands > 0) == (findings > 0),
            "GitHub report has \(githubLines.count) lines for \(findings) findings"
        )
        for line in githubLines.dropLast(2) {
            Fuzz.require(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), "GitHub report line is not a command: \(line)")
        }
        // JUnit: XML 1.0 allows no control character but tab, line feed and carriage return.
        if let bad = junit.unicodeScalars.first(where: { ($0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r") || $0.value == 0xFFFE || $0.value == 0xFFFF }) {
            Fuzz.require(false, "the JUnit report holds U+\(String(bad.value, radix: 16)), which XML forbids")
        }
        // A baseline written from these gaps reads back their fingerprints.
        let (contents, problems) = BaselineFile.read(Array(baseline.utf8), path: "baseline.json")
        Fuzz.require(problems.isEmpty, "the baseline written does not read back: \(problems.map(\.message))")
        Fuzz.require(
            contents.entries.map(\.fingerprint) == gaps.filter(\.isOpen).map(\.fingerprint).sorted(),
            "the baseline does not read back the open gaps, one entry each, sorted by fingerprint"
        )
    }
}
