import CharterChecker
import JourneyLoader
import JourneyModel

/// Loads and checks generated files the way `throughline check` does, to
/// prove they are clean input (no diagnostics) with a realistic share of
/// failed checks.
struct SelfCheck: Sendable {
    let files: Int
    let bytes: Int
    let touchpoints: Int
    let journeys: Int
    let loadDiagnostics: [Diagnostic]
    let checkDiagnostics: [Diagnostic]
    let checks: Int
    let failedChecks: Int
    let gaps: Int
    /// Brand id → number of markers in its resolved charter.
    let markersPerBrand: [(String, Int)]

    var diagnosticCount: Int { loadDiagnostics.count + checkDiagnostics.count }

    static func run(_ files: [SourceFile]) async -> SelfCheck {
        let load = await WorkspaceLoader.load(files)
        let report = await Checker.check(load.workspace)
        let checks = report.checkCount
        return SelfCheck(
            files: files.count, bytes: files.reduce(0) { $0 + $1.bytes.count },
            touchpoints: load.workspace.touchpointCount, journeys: load.workspace.journeys.count,
            loadDiagnostics: load.diagnostics, checkDiagnostics: report.diagnostics,
            checks: checks.applicable, failedChecks: checks.failed, gaps: report.gaps.count,
            markersPerBrand: load.workspace.brands.map { ($0.id, $0.charter.markers.count) }
        )
    }

    /// The one line `generate` prints.
    func summary(statistics: PlanStatistics) -> String {
        let megabytes = Double(bytes) / 1_048_576
        let failedShare = checks == 0 ? 0 : 100 * Double(failedChecks) / Double(checks)
        let markers = markersPerBrand.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
        return "self-check: \(files) files, \(bytes) bytes (\(Format.fixed(megabytes, 1)) MB), \(journeys) journeys, "
            + "\(touchpoints) touchpoints, \(diagnosticCount) diagnostics (load \(loadDiagnostics.count), check \(checkDiagnostics.count)); "
            + "\(checks) checks, \(failedChecks) failed (\(Format.fixed(failedShare, 2))%), \(gaps) gaps; "
            + "markers: \(markers); planned departures \(statistics.departures), contradictions \(statistics.contradictions)"
    }
}
