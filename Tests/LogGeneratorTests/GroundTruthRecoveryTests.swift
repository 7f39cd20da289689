import JourneyLoader
import JourneyModel
import LivedCases
import LivedReport
import LogGenerator
import Testing
import ThroughlineKit

/// A generated log replayed by the library as `conform` replays it: the
/// report must hold exactly the departures the generator injected.
@Suite("Generated logs and their ground truth")
struct GroundTruthRecoveryTests {
    /// The generated workspace and export, loaded, checked and replayed.
    static func replay(
        _ generator: LivedLogGenerator, budget: GroupingBudget = .standard
    ) async throws -> (truth: LivedLogTruth, run: ConformRun, csv: [UInt8]) {
        var csv: [UInt8] = []
        let truth = generator.generate { csv += $0 }
        let files = [
            SourceFile(path: LivedLogPlan.brandPath, text: LivedLogPlan.brandText),
            SourceFile(path: LivedLogPlan.journeyPath, text: LivedLogPlan.journeyText),
            SourceFile(path: LivedLogPlan.sourcePath, text: LivedLogPlan.sourceText),
        ]
        let loaded = await LoadedWorkspace.load(files)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map { "\($0.location) \($0.message)" })")
        let check = await CheckRun.check(loaded)
        let run = ConformRun.conform(check, access: InMemoryExports([LivedLogPlan.dataPath: csv]), budget: budget)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics.map(\.message))")
        return (truth, run, csv)
    }

    /// Every count the report gives for the journey, the way the truth gives them.
    static func recovered(_ report: LivedReport) -> [LivedLogTruth.Journey] {
        report.journeys.map { journey in
            LivedLogTruth.Journey(
                segment: journey.segment, cases: journey.cases, asPlanned: journey.asPlanned, adHocEvents: journey.adHocEvents,
                touchpoints: journey.touchpoints.map { touchpoint in
                    LivedLogTruth.Touchpoint(
                        touchpoint: touchpoint.touchpoint, completed: touchpoint.completed, failing: touchpoint.failing,
                        missing: touchpoint.missing, outOfSequence: touchpoint.outOfSequence, notReached: touchpoint.notReached,
                        otherChannel: touchpoint.otherChannel, late: touchpoint.late
                    )
                },
                markers: journey.markers.map { LivedLogTruth.Marker(marker: $0.marker, casesApplicable: $0.casesApplicable, casesMet: $0.casesMet) }
            )
        }
    }

    @Test("conform recovers exactly the injected departures, per segment, touchpoint and marker, in every row order", arguments: LivedLogGenerator.RowOrder.allCases)
    func exactRecovery(order: LivedLogGenerator.RowOrder) async throws {
        let (truth, run, _) = try await Self.replay(LivedLogGenerator(events: 30_000, seed: 7, order: order))
        let source = try #require(run.report.sources.first)
        #expect(source.rows == truth.rows)
        #expect(source.events == truth.rows)
        #expect(source.skipped == 0)
        #expect(source.duplicates == truth.duplicates)
        #expect(source.cases == truth.cases)
        #expect(source.unmatched.isEmpty)
        #expect(Self.recovered(run.report) == truth.journeys)
        // Planned, every marker is met: the lived departures are the generator's alone.
        for journey in run.report.journeys {
            #expect(journey.markers.allSatisfy { $0.planned == .met })
        }
    }

    @Test("Every class of departure is injected, so the recovery test tests each one")
    func everyClassOccurs() {
        let truth = LivedLogGenerator(events: 30_000, seed: 7).generate { _ in }
        let touchpoints = truth.journeys.flatMap(\.touchpoints)
        let totals: [String: Int] = [
            "completed": touchpoints.map(\.completed).reduce(0, +), "failing": touchpoints.map(\.failing).reduce(0, +),
            "missing": touchpoints.map(\.missing).reduce(0, +), "outOfSequence": touchpoints.map(\.outOfSequence).reduce(0, +),
            "notReached": touchpoints.map(\.notReached).reduce(0, +), "otherChannel": touchpoints.map(\.otherChannel).reduce(0, +),
            "late": touchpoints.map(\.late).reduce(0, +), "adHoc": truth.journeys.map(\.adHocEvents).reduce(0, +),
            "duplicates": truth.duplicates,
            "markerBroken": truth.journeys.flatMap(\.markers).map { $0.casesApplicable - $0.casesMet }.reduce(0, +),
        ]
        for (name, total) in totals { #expect(total > 10, "\(name): \(total)") }
        // Each segment has cases, and some live the plan exactly.
        #expect(truth.journeys.allSatisfy { $0.cases > 100 && $0.asPlanned > 0 && $0.asPlanned < $0.cases })
        // The rates are the generator's: about 8 % of cases miss a touchpoint.
        let missingShare = Double(totals["missing"] ?? 0) / Double(truth.cases)
        #expect(missingShare > 0.06 && missingShare < 0.10)
    }

    @Test("A spilled replay finds the same as one held in memory")
    func spilledReplay() async throws {
        let generator = LivedLogGenerator(events: 12_000, seed: 11, order: .shuffled)
        let (truth, run, _) = try await Self.replay(generator, budget: GroupingBudget(bytes: 64 << 10, partitions: 8))
        #expect(run.report.sources.first?.spilled == true)
        #expect(Self.recovered(run.report) == truth.journeys)
    }

    @Test("The same seed gives the same bytes and truth; another seed or order gives other bytes")
    func determinism() {
        var first: [UInt8] = [], second: [UInt8] = [], other: [UInt8] = [], byTime: [UInt8] = []
        let truth = LivedLogGenerator(events: 5_000, seed: 3).generate { first += $0 }
        let again = LivedLogGenerator(events: 5_000, seed: 3).generate { second += $0 }
        _ = LivedLogGenerator(events: 5_000, seed: 4).generate { other += $0 }
        let timed = LivedLogGenerator(events: 5_000, seed: 3, order: .byTime).generate { byTime += $0 }
        #expect(first == second)
        #expect(truth == again)
        #expect(first != other)
        #expect(first != byTime)
        #expect(first.count == byTime.count)
        #expect(timed.journeys == truth.journeys)
        #expect(truth.rows >= 5_000)
        let lines = first.split(separator: 10)
        #expect(lines.count == truth.rows + 1)
        #expect(String(decoding: lines[0], as: UTF8.self) == LivedLogPlan.header)
    }
}
