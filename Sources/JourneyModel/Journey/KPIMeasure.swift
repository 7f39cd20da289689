/// How a KPI is measured on lived cases, next to its name and free-text
/// target: what is counted, summed, compared or timed at the KPI's stage,
/// over which period, for each owner or for the team.
///
/// ```jsonc
/// { "name": "Discovery meetings per rep", "kind": "quantitative", "target": "6 per week",
///   "measure": { "count": "touchpoints", "touchpoints": ["discovery-visit"], "per": "P1W", "by": "owner" },
///   "objective": { "atLeast": 6 } }
/// ```
public struct KPIMeasure: Sendable, Equatable {
    public var quantity: KPIQuantity
    /// Positions in the journey's touchpoints that count as reaching the
    /// stage; empty for every touchpoint of the KPI's stage.
    public var touchpoints: [Int]
    /// For counts and sums: the value is the mean per period of this
    /// length within the reviewed period; nil for the whole period.
    public var per: KPIPeriodLength?
    public var by: KPIGrouping

    public init(_ quantity: KPIQuantity, touchpoints: [Int] = [], per: KPIPeriodLength? = nil, by: KPIGrouping = .team) {
        self.quantity = quantity
        self.touchpoints = touchpoints
        self.per = per
        self.by = by
    }
}

/// What a computable KPI computes. A case **reaches** the KPI's stage
/// when it first lives one of its touchpoints; it is counted in the
/// period where that event falls.
public enum KPIQuantity: Sendable, Equatable {
    /// Lived touchpoints of the stage (every event), or cases reaching it.
    case count(KPICountUnit)
    /// Of the cases reaching the KPI's stage in the period, the share that
    /// reach stage `to` (position in the brand's stages), whenever they do.
    case conversion(to: Int)
    /// Of the cases reaching the KPI's stage in the period that the marker
    /// (by id) applies to, the share that meet it in every check.
    case markerShare(marker: String)
    /// Of the cases reaching the stage, the last lived value of a number
    /// attribute up to that event, each times `weight ÷ scale` when
    /// weighted (pipeline value × forecast probability in percent: scale 100).
    case sum(attribute: Int, weightedBy: Int?, scale: Double)
    /// Time from a case's first event in the stage to its first event in a
    /// later stage, counted where it leaves; the median or the 90th
    /// percentile (nearest rank), in days.
    case duration(KPIStatistic)
}

public enum KPICountUnit: String, Sendable, CaseIterable {
    case touchpoints, cases
}

public enum KPIStatistic: String, Sendable, CaseIterable {
    case median, p90
}

/// Periods a count is normalised to, as ISO 8601 durations; weeks are ISO
/// weeks, months and quarters calendar months, in the brand's time zone.
public enum KPIPeriodLength: String, Sendable, CaseIterable, Comparable {
    case week = "P1W"
    case month = "P1M"
    case quarter = "P3M"

    var order: Int {
        switch self {
        case .week: 0
        case .month: 1
        case .quarter: 2
        }
    }

    public static func < (left: Self, right: Self) -> Bool { left.order < right.order }
}

/// Whether a KPI is computed for each owner (the case's sales rep) or for the team as a whole.
public enum KPIGrouping: String, Sendable, CaseIterable {
    case team, owner
}

/// What a KPI should reach, with its history: each step is valid from its
/// date (the first may have none: valid since always) until the next.
///
/// ```jsonc
/// "objective": [ { "atLeast": 100000 }, { "validFrom": "2026-07-01", "atLeast": 120000 } ]
/// ```
public struct KPIObjective: Sendable, Equatable {
    public var steps: [ObjectiveStep]

    public init(steps: [ObjectiveStep]) {
        self.steps = steps.sorted { ($0.validFrom ?? .distantPast) < ($1.validFrom ?? .distantPast) }
    }

    /// The step in force on `day`: the latest valid from it or before.
    public func step(on day: CalendarDay) -> ObjectiveStep? {
        steps.last { ($0.validFrom ?? .distantPast) <= day }
    }
}

public struct ObjectiveStep: Sendable, Equatable {
    public var validFrom: CalendarDay?
    public var atLeast: Double?
    public var atMost: Double?
    public var position: SourcePosition

    public init(validFrom: CalendarDay? = nil, atLeast: Double? = nil, atMost: Double? = nil, position: SourcePosition) {
        self.validFrom = validFrom
        self.atLeast = atLeast
        self.atMost = atMost
        self.position = position
    }

    /// `≥ 6`, `≤ 5`, `4–8`.
    public var described: String {
        switch (atLeast, atMost) {
        case (let low?, let high?): "\(AttributeDefinition.render(low))–\(AttributeDefinition.render(high))"
        case (let low?, nil): "≥ \(AttributeDefinition.render(low))"
        case (nil, let high?): "≤ \(AttributeDefinition.render(high))"
        case (nil, nil): "none"
        }
    }
}

/// A day of the proleptic Gregorian calendar, as `2026-07-01`.
public struct CalendarDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.length(ofMonth: month, in: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    static let distantPast = CalendarDay(uncheckedYear: -9999, month: 1, day: 1)

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `yyyy-MM-dd`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSince1970: Int {
        // Howard Hinnant's days-from-civil, in integers.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day `days` days after 1970-01-01.
    public init(daysSince1970 days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// 1 for Monday … 7 for Sunday.
    public var isoWeekday: Int {
        let days = daysSince1970
        // 1970-01-01 was a Thursday (4).
        return ((days % 7 + 7) % 7 + 3) % 7 + 1
    }

    public var description: String {
        let pad = { (value: Int, width: Int) in String(repeating: "0", count: max(0, width - String(value).count)) + String(value) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (left: Self, right: Self) -> Bool {
        (left.year, left.month, left.day) < (right.year, right.month, right.day)
    }
}

/// The fields of a KPI's `measure`, described once: the loader reads and
/// checks them from here and the JSON Schema is made from it.
public enum KPIMeasureFormat {
    public struct Field: Sendable {
        public let key: String
        public let type: FieldType
        public let summary: String
    }

    public enum FieldType: Sendable {
        /// One of these words.
        case word([String])
        /// Touchpoint ids of the journey.
        case touchpoints
        /// A stage id of the brand.
        case stage
        /// A marker id of the brand's charter.
        case marker
        /// A number attribute of the brand.
        case numberAttribute
        /// A number above zero.
        case positiveNumber
    }

    /// Keys that say what is measured; a measure gives exactly one.
    public static let quantityKeys = ["count", "rate", "sum", "duration"]

    public static let fields: [Field] = [
        Field(key: "count", type: .word(KPICountUnit.allCases.map(\.rawValue)), summary: "Count lived touchpoints of the stage, or cases reaching it."),
        Field(key: "rate", type: .word(["conversion", "marker"]), summary: "A share: cases reaching the stage that go on to `to`, or that meet `marker`."),
        Field(key: "sum", type: .numberAttribute, summary: "Sum this lived number over the cases reaching the stage."),
        Field(key: "duration", type: .word(KPIStatistic.allCases.map(\.rawValue)), summary: "Days spent in the stage: median or 90th percentile."),
        Field(key: "to", type: .stage, summary: "For a conversion rate: the stage reached next."),
        Field(key: "marker", type: .marker, summary: "For a marker rate: the marker cases should meet."),
        Field(key: "weightedBy", type: .numberAttribute, summary: "For a sum: weigh each value by this lived number (a forecast probability)."),
        Field(key: "weightScale", type: .positiveNumber, summary: "For a weighted sum: the weight's scale (100 for a percentage). Default: 1."),
        Field(key: "touchpoints", type: .touchpoints, summary: "The touchpoints that count; default every touchpoint of the stage."),
        Field(key: "per", type: .word(KPIPeriodLength.allCases.map(\.rawValue)), summary: "For counts and sums: the mean per week, month or quarter."),
        Field(key: "by", type: .word(KPIGrouping.allCases.map(\.rawValue)), summary: "For each owner, or for the team. Default: team."),
    ]

    public static let objectiveKeys = ["atLeast", "atMost", "validFrom"]
}

extension KPI {
    /// Whether the KPI says how it is measured on lived cases.
    public var isComputable: Bool { measure != nil }
}
