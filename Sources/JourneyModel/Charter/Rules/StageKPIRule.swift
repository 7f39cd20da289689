/// Every stage of a journey declares at least so many quantitative and
/// qualitative KPIs: results are measured, and so are the means to them.
///
/// With `"counts": "computable"`, only KPIs that say how they are measured
/// on lived cases (a `measure`) count, so that `throughline review` can
/// compute each stage's results and means.
///
/// ```jsonc
/// { "id": "kpis-per-stage", "kind": "stage-kpis", "quantitative": 1, "qualitative": 1, "counts": "computable" }
/// ```
public struct StageKPIRule: MarkerRuleDefinition {
    public var minimumQuantitative: Int
    public var minimumQualitative: Int
    public var counting: KPICounting

    public init(minimumQuantitative: Int = 1, minimumQualitative: Int = 1, counting: KPICounting = .declared) {
        self.minimumQuantitative = minimumQuantitative
        self.minimumQualitative = minimumQualitative
        self.counting = counting
    }

    /// Which KPIs a stage-kpis marker counts.
    public enum KPICounting: String, Sendable, CaseIterable {
        /// Every KPI the journey declares.
        case declared
        /// Only KPIs with a `measure`.
        case computable
    }

    /// Whether the marker counts `kpi`.
    public func counts(_ kpi: KPI) -> Bool {
        switch counting {
        case .declared: true
        case .computable: kpi.isComputable
        }
    }

    /// "" or " computable", for the words of a gap.
    public var qualifier: String { counting == .computable ? " computable" : "" }

    public static let name = "stage-kpis"
    public static let summary = "Every stage of a journey declares quantitative and qualitative KPIs."
    static let quantitative = RuleField<Int>.count("quantitative", default: "1", summary: "How many quantitative KPIs each stage declares at least.")
    static let qualitative = RuleField<Int>.count("qualitative", default: "1", summary: "How many qualitative KPIs each stage declares at least.")
    static let countsField = RuleField<KPICounting>.word(
        "counts", KPICounting.self, noun: "KPI counting", default: .declared,
        summary: "Which KPIs count: every one declared, or only those with a measure (computable)."
    )
    public static let fields = [quantitative.description, qualitative.description, countsField.description]
    public static let judgesEachSegment = false

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        self.init(
            minimumQuantitative: values[Self.quantitative] ?? 1, minimumQualitative: values[Self.qualitative] ?? 1,
            counting: values[Self.countsField] ?? .declared
        )
    }

    public func expectation(in brand: Brand) -> String {
        "each stage of each journey declares at least \(minimumQuantitative)\(qualifier) quantitative and \(minimumQualitative)\(qualifier) qualitative KPI"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no touchpoint is in its scope; check its 'where'"
    }
}
