/// What each marker kind's rule says about itself, in the rule's own file:
/// its name, its fields, how it is built from them and how it is put in
/// words. The loader, the JSON Schema, `explain` and the checker's
/// diagnostics read it from here; ``MarkerRule`` and ``MarkerKind`` list the
/// kinds and are generated from the rule files (`swift run
/// generate-marker-kinds`).
public protocol MarkerRuleDefinition: Sendable {
    /// The kind's name in files: `"kind": "coverage"`.
    static var name: String { get }
    /// What markers of the kind check, in one line.
    static var summary: String { get }
    /// The fields the kind takes besides those of every marker, in the
    /// order files usually write them.
    static var fields: [RuleFieldDescription] { get }
    /// Whether the kind judges each segment separately. KPIs belong to the
    /// journey, so stage KPIs are judged once for all its segments.
    static var judgesEachSegment: Bool { get }

    /// The rule from the fields a marker gives, each already read and
    /// checked against its description.
    init(_ values: RuleFieldValues) throws(RuleFieldProblem)

    /// What a marker of the kind expects, as `explain` says it: "at least
    /// one touchpoint with ritual planned in each stage of each journey".
    func expectation(in brand: Brand) -> String
    /// Why such a marker checked nothing, said after "marker 'x' checked
    /// nothing in the journeys of brand 'b': ".
    func reasonForCheckingNothing(in brand: Brand) -> String
    /// What touchpoints are judged against, for the kinds that judge them.
    var expectations: [Expectation] { get }
    /// Whether the marker compares journeys with each other, and so needs
    /// them all at once; every other marker judges one journey at a time.
    var comparesJourneys: Bool { get }
}

extension MarkerRuleDefinition {
    public static var judgesEachSegment: Bool { true }
    public var expectations: [Expectation] { [] }
    public var comparesJourneys: Bool { false }
}

extension Expectation {
    /// Several expectations in words: `address = formal and tone = warm`.
    public static func describe(_ expectations: [Expectation], in brand: Brand) -> String {
        expectations.map { $0.describe(in: brand) }.joined(separator: " and ")
    }
}

extension MarkerKind {
    /// Whether markers of the kind judge each customer segment separately.
    public var isPerSegment: Bool { definition.judgesEachSegment }
}
