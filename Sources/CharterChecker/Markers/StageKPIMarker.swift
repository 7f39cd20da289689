import JourneyModel

/// Stage KPI markers: each stage of a journey (each stage its touchpoints
/// in scope cover, and each stage it declares KPIs for) declares at least
/// so many quantitative and qualitative KPIs. KPIs belong to the journey,
/// not to a segment, so gaps carry no segment.
extension StageKPIRule: MarkerEvaluation {
    /// The stage and the KPIs it declares.
    public struct Finding: Hashable, Sendable {
        private let storedStage: Int32
        private let storedQuantitative: Int32
        private let storedQualitative: Int32

        init(stage: Int, quantitative: Int, qualitative: Int) {
            storedStage = Int32(clamping: stage)
            storedQuantitative = Int32(clamping: quantitative)
            storedQualitative = Int32(clamping: qualitative)
        }

        public var stage: Int { Int(storedStage) }
        public var quantitative: Int { Int(storedQuantitative) }
        public var qualitative: Int { Int(storedQualitative) }
    }

    func evaluate(_ marker: ActiveMarker, in view: JourneyView, into recorder: inout GapRecorder) {
        let journey = view.journey, trace = view.trace, layout = trace.layout
        let inScope = (0..<trace.count).filter {
            marker.scope.includes(channel: layout.channels[$0]) && marker.scope.includes(stage: layout.stages[$0])
        }
        var stages = Set(inScope.map { layout.stages[$0] })
        stages.formUnion(journey.kpis.map(\.stage).filter { marker.scope.includes(stage: $0) })
        for stage in stages.sorted() {
            let declared = journey.kpis.filter { $0.stage == stage }
            let kpis = declared.flatMap(\.kpis).filter(counts)
            let quantitative = kpis.filter { $0.kind == .quantitative }.count
            let qualitative = kpis.filter { $0.kind == .qualitative }.count
            let anchor = declared.first?.position
                ?? (0..<trace.count).first { layout.stages[$0] == stage }.map { trace.sourcePosition($0) }
            recorder.record(
                marker, in: view.trace, touchpoint: nil, channel: nil,
                met: quantitative >= minimumQuantitative && qualitative >= minimumQualitative,
                findings: [(.stageKPI(Finding(stage: stage, quantitative: quantitative, qualitative: qualitative)), anchor)]
            )
        }
    }

    func attribute(of finding: Finding) -> Int? { nil }

    func channel(of finding: Finding, in context: GapContext) -> Int? { nil }

    func stage(of finding: Finding, in context: GapContext) -> Int? { finding.stage }

    func expected(_ finding: Finding, in context: GapContext) -> String {
        "at least \(minimumQuantitative)\(qualifier) quantitative and \(minimumQualitative)\(qualifier) qualitative KPI"
    }

    func planned(_ finding: Finding, in context: GapContext) -> String {
        "\(finding.quantitative)\(qualifier) quantitative, \(finding.qualitative)\(qualifier) qualitative"
    }

    func message(_ finding: Finding, in context: GapContext) -> String {
        "stage '\(context.brand.stages[finding.stage].id)' of journey '\(context.journey.id)' declares \(finding.quantitative)\(qualifier) "
            + "quantitative and \(finding.qualitative)\(qualifier) qualitative KPI; '\(context.marker.title)' expects at least "
            + "\(minimumQuantitative)\(qualifier) quantitative and \(minimumQualitative)\(qualifier) qualitative"
    }

    func action(_ finding: Finding, in context: GapContext) -> String {
        let missing = [
            finding.quantitative < minimumQuantitative ? "\(minimumQuantitative - finding.quantitative)\(qualifier) quantitative" : nil,
            finding.qualitative < minimumQualitative ? "\(minimumQualitative - finding.qualitative)\(qualifier) qualitative" : nil,
        ]
        return "Declare " + missing.compactMap { $0 }.joined(separator: " and ")
            + " KPI for stage '\(context.brand.stages[finding.stage].id)' in the 'kpis' of journey '\(context.journey.id)'."
    }
}
