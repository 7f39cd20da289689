import JourneyLoader
import JourneyModel
import Testing

@testable import CharterChecker

/// Past its budget, a check keeps no gap and makes them again journey by
/// journey as a report walks them: the walk must give exactly the gaps a
/// check that keeps them gives, in the same order, accepted alike.
@Suite("Gaps made again")
struct GapRegenerationTests {
    static func load() async -> Workspace {
        await WorkspaceLoader.load(CheckerTests.files).workspace
    }

    @Test("a check over budget keeps nothing, and each walk gives the kept check's gaps in report order")
    func regeneratedEqualsKept() async throws {
        let workspace = await Self.load()
        let kept = await Checker.check(workspace)
        let spent = await Checker.check(workspace, gapBudget: 0)
        #expect(kept.regeneration == nil && !kept.gaps.isEmpty)
        #expect(spent.gaps.isEmpty && spent.regeneration != nil, "regenerated")
        let tight = await Checker.check(workspace, gapBudget: 19)
        #expect(tight.regeneration != nil, "regenerated")
        let wording = GapWording(workspace)
        let walked = Array(CheckedGaps(spent, wording: wording))
        #expect(walked == kept.gaps)
        // A second walk gives the same again.
        #expect(Array(CheckedGaps(spent, wording: wording)) == walked)
        // The rest of the report does not depend on the budget.
        #expect(spent.diagnostics == kept.diagnostics)
        #expect(spent.tallies.map { "\($0.brand)/\($0.segment) \($0.matrix) \($0.byJourney)" }
            == kept.tallies.map { "\($0.brand)/\($0.segment) \($0.matrix) \($0.byJourney)" })
    }

    /// The budget counts the gaps the segments hold before those judged per
    /// journey are made one: here 20 for 18 gaps reported.
    @Test("a budget no smaller than the gaps the segments hold keeps them all")
    func budgetNotSpent() async throws {
        let workspace = await Self.load()
        let kept = await Checker.check(workspace)
        #expect(kept.gaps.count == 18)
        let budgeted = await Checker.check(workspace, gapBudget: 20)
        #expect(budgeted.regeneration == nil, "kept")
        #expect(budgeted.gaps == kept.gaps)
    }

    @Test("a baseline marks the gaps made again as it marks kept ones, and finds the same stale entries")
    func baselineOnRegeneratedGaps() async throws {
        let workspace = await Self.load()
        let wording = GapWording(workspace, baselineFile: "b.json")
        var kept = await Checker.check(workspace)
        let open = kept.openGaps
        // Every other open gap recorded, and one entry that matches nothing.
        var entries = open.enumerated().filter { $0.offset % 2 == 0 }.map {
            Baseline.Entry(fingerprint: wording.fingerprint(of: $0.element), position: SourcePosition(line: $0.offset + 3, column: 5))
        }
        entries.append(Baseline.Entry(fingerprint: "v2/gone", position: SourcePosition(line: 99, column: 5)))
        let baseline = Baseline(entries: entries, file: "b.json")
        let stale = baseline.apply(to: &kept.gaps, wording: wording)
        #expect(stale.map(\.location.line) == [99])

        let spent = await Checker.check(workspace, gapBudget: 0)
        var iterator = CheckedGaps(spent, wording: wording, baseline: baseline).makeIterator()
        var walked: [Gap] = []
        while let gap = iterator.next() { walked.append(gap) }
        #expect(walked == kept.gaps)
        #expect(walked.filter { $0.acceptance == .baseline }.count == entries.count - 1)
        #expect(iterator.baselineDiagnostics == stale)
    }
}
