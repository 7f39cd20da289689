import CharterChecker
import JourneyModel
import LivedCases
import LivedReport
import PeriodReview

/// One end-of-period review: every source's export read once, its cases
/// matched and judged as `conform` does them, and counted per KPI, owner
/// and period into a ``ReviewReport``.
///
/// ```swift
/// let run = ReviewRun.review(check, access: exports, period: ReviewPeriod("2026-Q3")!)
/// run.report.brands.first?.kpis.map(\.team.value)
/// ```
public struct ReviewRun: Sendable {
    public let report: ReviewReport
    /// Problems of source files that reading their exports revealed, located in the source file.
    public let diagnostics: [Diagnostic]
    public let tooManyBadRows: Bool

    public static func review(
        _ check: CheckRun, access: any ExportAccess, period: ReviewPeriod, previous: ReviewPeriod? = nil, maxBadRows: Int? = nil,
        redaction: KeyedHash? = nil, budget: GroupingBudget = .standard
    ) -> ReviewRun {
        let compared = previous ?? period.previous
        var diagnostics: [Diagnostic] = []
        var brands: [BrandReview] = []
        var tooMany = false
        let builder = LivedReportBuilder(redaction: redaction)
        for group in BrandSources.of(check) {
            let brand = group.brand
            let context = ReviewContext(brand: brand, journeys: group.journeys, period: period, previous: compared)
            var total = ReviewTally(context: context)
            for source in group.sources {
                let compiled = CompiledSource(source, brand: brand, journeys: context.journeys)
                let matcher = CaseMatcher(compiled)
                do throws(ExportAccessError) {
                    let replay = try CaseReplay.run(
                        compiled, access: access, budget: budget, maxSkipped: maxBadRows, makePartial: { ReviewTally(context: context) }
                    ) { tally, observed in tally.add(observed, matcher: matcher, context: context) }
                    diagnostics += replay.reading.diagnostics
                    if replay.reading.counts.tooManySkipped { tooMany = true }
                    for partial in replay.partials { total.merge(partial) }
                } catch {
                    diagnostics.append(BrandSources.unreadable(source, error))
                }
            }
            brands.append(ReviewBuilder.brand(context, tally: total) { builder.label($0) })
        }
        let report = ReviewReport(period: period, previous: compared, brands: brands, redacted: redaction != nil)
        return ReviewRun(report: report, diagnostics: diagnostics.sorted(by: Diagnostic.reportOrder), tooManyBadRows: tooMany)
    }
}
