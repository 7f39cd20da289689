/// Every stage of a journey declares at least so many quantitative and
/// qualitative KPIs: results are measured, and so are the means to them.
///
/// ```jsonc
/// { "id": "kpis-per-stage", "kind": "stage-kpis", "quantitative": 1, "qualitative": 1 }
/// ```
public struct StageKPIRule: MarkerRuleDefinition {
    public var minimumQuantitative: Int
    public var minimumQualitative: Int

    public init(minimumQuantitative: Int = 1, minimumQualitative: Int = 1) {
        self.minimumQuantitative = minimumQuantitative
        self.minimumQualitative = minimumQualitative
    }

    public static let name = "stage-kpis"
    public static let summary = "Every stage of a journey declares quantitative and qualitative KPIs."
    static let quantitative = RuleField<Int>.count("quantitative", default: "1", summary: "How many quantitative KPIs each stage declares at least.")
    static let qualitative = RuleField<Int>.count("qualitative", default: "1", summary: "How many qualitative KPIs each stage declares at least.")
    public static let fields = [quantitative.description, qualitative.description]
    public static let judgesEachSegment = false

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        self.init(minimumQuantitative: values[Self.quantitative] ?? 1, minimumQualitative: values[Self.qualitative] ?? 1)
    }

    public func expectation(in brand: Brand) -> String {
        "each stage of each journey declares at least \(minimumQuantitative) quantitative and \(minimumQualitative) qualitative KPI"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no touchpoint is in its scope; check its 'where'"
    }
}
