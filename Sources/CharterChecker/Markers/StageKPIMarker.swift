import JourneyModel

/// Stage KPI markers: each stage of a journey (each stage its touchpoints
/// in scope cover, and each stage it declares KPIs for) declares at least
/// so many quantitative and qualitative KPIs. KPIs belong to the journey,
/// not to a segment, so gaps carry no segment.
extension StageKPIRule: MarkerEvaluation {
    func evaluate(_ marker: ActiveMarker, in context: SegmentContext, into recorder: inout GapRecorder) {
        let brand = context.brand
        for view in context.journeys {
            let journey = view.journey, layout = view.layout
            let inScope = journey.touchpoints.indices.filter {
                marker.scope.includes(channel: layout.channels[$0]) && marker.scope.includes(stage: layout.stages[$0])
            }
            var stages = Set(inScope.map { layout.stages[$0] })
            stages.formUnion(journey.kpis.map(\.stage).filter { marker.scope.includes(stage: $0) })
            for stage in stages.sorted() {
                let declared = journey.kpis.filter { $0.stage == stage }
                let kpis = declared.flatMap(\.kpis)
                let quantitative = kpis.filter { $0.kind == .quantitative }.count
                let qualitative = kpis.filter { $0.kind == .qualitative }.count
                let met = quantitative >= minimumQuantitative && qualitative >= minimumQualitative
                let stageID = brand.stages[stage].id
                let anchor = declared.first?.position
                    ?? journey.touchpoints.indices.first { layout.stages[$0] == stage }.map { journey.touchpoints[$0].position }
                recorder.record(
                    marker, in: view, touchpoint: nil, channel: nil, stage: stage, met: met,
                    drafts: [GapDraft(
                        position: anchor,
                        expected: "at least \(minimumQuantitative) quantitative and \(minimumQualitative) qualitative KPI",
                        planned: "\(quantitative) quantitative, \(qualitative) qualitative",
                        message: "stage '\(stageID)' of journey '\(journey.id)' declares \(quantitative) quantitative and "
                            + "\(qualitative) qualitative KPI; '\(marker.marker.title)' expects at least "
                            + "\(minimumQuantitative) quantitative and \(minimumQualitative) qualitative",
                        action: "Declare "
                            + [
                                quantitative < minimumQuantitative ? "\(minimumQuantitative - quantitative) quantitative" : nil,
                                qualitative < minimumQualitative ? "\(minimumQualitative - qualitative) qualitative" : nil,
                            ].compactMap { $0 }.joined(separator: " and ")
                            + " KPI for stage '\(stageID)' in the 'kpis' of journey '\(journey.id)'."
                    )]
                )
            }
        }
    }
}
