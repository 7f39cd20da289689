import CharterChecker
import JourneyLoader
import JourneyModel
import LivedCases
import LivedReport

/// One lived check: every source's export read through ``ExportAccess``,
/// its cases matched to their planned journeys and judged by the charter,
/// then counted into a ``LivedReport``. The planned verdict beside each
/// marker's lived conformance is the workspace's check.
///
/// ```swift
/// let check = await CheckRun.check(loaded)
/// let run = ConformRun.conform(check, access: exports)
/// run.report.journeys.map(\.cases)
/// ```
public struct ConformRun: Sendable {
    public let report: LivedReport
    /// Problems of source files that reading their exports revealed (a
    /// column the export lacks, an export that cannot be read), located in
    /// the source file.
    public let diagnostics: [Diagnostic]
    /// Whether some export had more bad rows than allowed.
    public let tooManyBadRows: Bool

    /// - Parameters:
    ///   - segments: only these segments (`premium` or `brand/premium`); all when nil.
    ///   - maxBadRows: past this many skipped rows in one export, that export is not replayed.
    ///   - redaction: the keyed hash that replaces case ids and owners, when redacting.
    public static func conform(
        _ check: CheckRun, access: any ExportAccess, segments: Set<String>? = nil, maxBadRows: Int? = nil, redaction: KeyedHash? = nil,
        budget: GroupingBudget = .standard
    ) -> ConformRun {
        let workspace = check.judgement.workspace
        var diagnostics: [Diagnostic] = []
        var summaries: [SourceSummary] = []
        var journeys: [JourneyConformance] = []
        var tooMany = false
        let builder = LivedReportBuilder(redaction: redaction)
        let talliesByBrand = Self.talliesBySegment(check.report)
        for group in BrandSources.of(check) {
            let brand = group.brand, brandID = brand.id
            let context = LivedContext(brand: brand, journeys: group.journeys)
            var total = LivedTally(context: context)
            for source in group.sources {
                let compiled = CompiledSource(source, brand: brand, journeys: group.journeys)
                let matcher = CaseMatcher(compiled)
                let replay: (reading: CaseReplay.Reading, partials: [LivedTally])
                do throws(ExportAccessError) {
                    replay = try CaseReplay.run(
                        compiled, access: access, budget: budget, maxSkipped: maxBadRows, makePartial: { LivedTally(context: context) }
                    ) { tally, observed in
                        guard segments.map({ Self.selects($0, brand: brand, segment: observed.segment ?? source.segment) }) ?? true else { return }
                        tally.add(observed, matcher: matcher, context: context)
                    }
                } catch {
                    diagnostics.append(BrandSources.unreadable(source, error))
                    continue
                }
                diagnostics += replay.reading.diagnostics
                if replay.reading.counts.tooManySkipped { tooMany = true }
                var tally = LivedTally(context: context)
                for partial in replay.partials { tally.merge(partial) }
                summaries.append(summary(of: source, reading: replay.reading, tally: tally))
                total.merge(tally)
            }
            let tallies = talliesByBrand[brandID] ?? [:]
            journeys += builder.journeys(of: context, tally: total) { segment, journey, marker in
                Self.plannedVerdict(tallies[segment], journey: journey, marker: marker)
            }
        }
        journeys.sort { left, right in left.priority != right.priority && left.priority }
        let report = LivedReport(
            sources: summaries, journeys: journeys, actions: LivedReportBuilder.actions(journeys, brands: workspace.brands),
            redacted: redaction != nil
        )
        return ConformRun(report: report, diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), tooManyBadRows: tooMany)
    }

    /// Whether a case of `segment` is among those selected.
    static func selects(_ selected: Set<String>, brand: Brand, segment: Int?) -> Bool {
        guard let segment else { return false }
        let id = brand.segments[segment].id
        return selected.contains(id) || selected.contains("\(brand.id)/\(id)")
    }

    /// The planned check of one marker for a journey, from the tally of
    /// the segment (nil when no journey of the brand goes through it).
    static func plannedVerdict(_ tally: SegmentTally?, journey: Int, marker: Int) -> PlannedVerdict {
        guard let tally, tally.byJourney.indices.contains(journey), tally.byJourney[journey].indices.contains(marker) else { return .notApplicable }
        let count = tally.byJourney[journey][marker]
        return PlannedVerdict(applicable: count.applicable, failed: count.failed, accepted: tally.acceptedByJourney[journey][marker])
    }

    /// The check's tallies by brand id, then segment position.
    static func talliesBySegment(_ report: CheckReport) -> [String: [Int: SegmentTally]] {
        var tallies: [String: [Int: SegmentTally]] = [:]
        for tally in report.tallies { tallies[tally.brand, default: [:]][tally.segment] = tally }
        return tallies
    }

    private static func summary(of source: ObservationSource, reading: CaseReplay.Reading, tally: LivedTally) -> SourceSummary {
        let counts = reading.counts
        return SourceSummary(
            source: source.id, brand: source.brand, data: source.dataPath, rows: counts.rows, events: counts.events, skipped: counts.skipped,
            skippedByKind: RowProblem.Kind.allCases.compactMap { kind in counts.skippedByKind[kind].map { (kind.rawValue, $0) } },
            issues: counts.issues.map(\.description), duplicates: tally.duplicates, cases: tally.cases,
            unmatched: UnmatchedReason.allCases.compactMap { reason in tally.unmatched[reason].map { (reason.rawValue, $0) } },
            spilled: reading.spilledBytes > 0
        )
    }
}
