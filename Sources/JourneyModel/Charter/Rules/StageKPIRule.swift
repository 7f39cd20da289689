/// Every stage of a journey declares at least so many quantitative and
/// qualitative KPIs: results are measured, and so are the means to them.
///
/// ```jsonc
/// { "id": "kpis-per-stage", "kind": "stage-kpis", "quantitative": 1, "qualitative": 1 }
/// ```
public struct StageKPIRule: Sendable {
    public var minimumQuantitative: Int
    public var minimumQualitative: Int

    public init(minimumQuantitative: Int = 1, minimumQualitative: Int = 1) {
        self.minimumQuantitative = minimumQuantitative
        self.minimumQualitative = minimumQualitative
    }
}
