import CharterChecker
import Foundation
import JourneyLoader
import JourneyModel
import JourneyReporters
import Testing
import ThroughlineKit

/// A check that keeps no gap makes them again as each report walks them:
/// every report must come out byte for byte as from a check that keeps them.
@Suite("Keeping gaps or making them again")
struct GapKeepingTests {
    /// The bundled examples, with their baseline-free gaps and suppressions.
    static func bundledFiles() throws -> [SourceFile] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var files: [SourceFile] = []
        for folder in ["Brands", "Journeys"] {
            let base = root.appendingPathComponent(folder)
            guard let walk = FileManager.default.enumerator(atPath: base.path) else { continue }
            for case let name as String in walk where name.hasSuffix(".jsonc") {
                let bytes = try Data(contentsOf: base.appendingPathComponent(name))
                files.append(SourceFile(path: "\(folder)/\(name)", bytes: Array(bytes)))
            }
        }
        return files.sorted { $0.path < $1.path }
    }

    static func result(_ run: CheckRun) -> CheckResult {
        CheckResult(
            workspace: run.loaded.workspace, diagnostics: run.diagnostics, gaps: run.gaps, counts: run.counts,
            wording: run.wording, fileCount: run.loaded.fileCount
        )
    }

    static let reporters: [(String, any Reporter<CheckResult>)] = [
        ("text", CheckText()), ("json", CheckJSON()), ("sarif", CheckSARIF(toolVersion: "test")), ("junit", CheckJUnit()),
        ("github", CheckGitHub()), ("markdown", CheckMarkdown()), ("html", CheckHTML()), ("csv", CheckCSV()),
    ]

    @Test("every check format is the same whether the gaps are kept or made again")
    func everyFormatAlike() async throws {
        let loaded = await LoadedWorkspace.load(try Self.bundledFiles())
        let kept = await CheckRun.check(loaded, keeping: .all)
        let made = await CheckRun.check(loaded, keeping: .upTo(0))
        #expect(kept.gaps.areKept && !made.gaps.areKept)
        #expect(kept.counts == made.counts && kept.counts.open == 16 && kept.counts.accepted == 2)
        for (name, reporter) in Self.reporters {
            let fromKept = reporter.render(Self.result(kept)), fromMade = reporter.render(Self.result(made))
            #expect(fromKept == fromMade, "\(name)")
            #expect(!fromKept.isEmpty)
        }
    }

    @Test("a baseline accepts the same gaps, and finds the same stale entries, either way")
    func baselineAlike() async throws {
        let loaded = await LoadedWorkspace.load(try Self.bundledFiles())
        let first = await CheckRun.check(loaded)
        var entries = Array(first.gaps).filter(\.isOpen).prefix(5).enumerated().map { index, gap in
            Baseline.Entry(fingerprint: first.wording.fingerprint(of: gap), position: SourcePosition(line: index + 3, column: 5))
        }
        entries.append(Baseline.Entry(fingerprint: "v2/nothing", position: SourcePosition(line: 40, column: 5)))
        let baseline = Baseline(entries: entries, file: "baseline.json")
        let kept = await CheckRun.check(loaded, baseline: baseline, keeping: .all)
        let made = await CheckRun.check(loaded, baseline: baseline, keeping: .upTo(0))
        #expect(kept.counts == made.counts && kept.counts.accepted == 2 + 5)
        #expect(kept.diagnostics == made.diagnostics)
        #expect(kept.diagnostics.map(\.code) == [.staleBaselineEntry])
        #expect(CheckJSON().render(Self.result(kept)) == CheckJSON().render(Self.result(made)))
    }
}
