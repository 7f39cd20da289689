/// At most so many touchpoints initiated by the brand within any window of
/// a given duration along a journey, for each segment: customers are not
/// bombarded. A touchpoint's planned time is the sum of the `after`
/// durations along the segment's journey order (a touchpoint without
/// `after` is planned with the one before it).
///
/// ```jsonc
/// { "id": "three-a-week", "kind": "pressure", "atMost": 3, "within": "P7D",
///   "where": { "channelKinds": ["digital", "voice"] } }
/// ```
public struct PressureRule: MarkerRuleDefinition {
    /// How many brand-initiated touchpoints a window may hold.
    public var maximum: Int
    /// The window's length.
    public var window: ISODuration

    public init(maximum: Int, window: ISODuration) {
        self.maximum = maximum
        self.window = window
    }

    public static let name = "pressure"
    public static let summary = "At most N touchpoints initiated by the brand within any window of a given duration."
    static let atMost = RuleField<Int>.requiredCount("atMost", minimum: 1, summary: "How many brand-initiated touchpoints a window may hold.")
    static let within = RuleField<ISODuration>.duration("within", summary: "The window's length (ISO 8601, e.g. P7D).")
    public static let fields = [atMost.description, within.description]

    public init(_ values: RuleFieldValues) throws(RuleFieldProblem) {
        maximum = try values.required(Self.atMost)
        window = try values.required(Self.within)
        guard window.seconds > 0 else { throw .invalid(Self.within, "'within' must be longer than zero, not \(window.text)") }
    }

    public func expectation(in brand: Brand) -> String {
        "at most \(maximum) touchpoint\(maximum == 1 ? "" : "s") initiated by the brand within any \(window.text) along each journey"
    }

    public func reasonForCheckingNothing(in brand: Brand) -> String {
        "no touchpoint in its scope is initiated by the brand"
    }
}
