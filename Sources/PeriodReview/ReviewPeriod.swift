import JourneyModel

/// A reviewed period, calendar-exact: an ISO 8601 week (`2026-W27`), a
/// month (`2026-07`) or a quarter (`2026-Q3`), from local midnight of its
/// first day to local midnight after its last, in the brand's time zone.
///
/// ```swift
/// let q3 = ReviewPeriod("2026-Q3")!   // 2026-07-01 ..< 2026-10-01
/// q3.previous.label                   // "2026-Q2"
/// q3.count(of: .week)                 // 13: ISO weeks whose Thursday falls in it
/// ```
public struct ReviewPeriod: Sendable, Hashable, CustomStringConvertible {
    public let length: KPIPeriodLength
    public let year: Int
    /// The week (1…53), month (1…12) or quarter (1…4).
    public let number: Int
    public let start: CalendarDay
    /// The day after the last.
    public let end: CalendarDay

    public init?(_ text: String) {
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(parts[0]),
              year >= 1900, year <= 2200 else { return nil }
        let rest = parts[1]
        func digits(_ text: Substring) -> Int? {
            text.count == 2 && text.allSatisfy({ $0.isASCII && $0.isNumber }) ? Int(text) : nil
        }
        if rest.first == "Q", rest.count == 2, let quarter = Int(rest.dropFirst()), (1...4).contains(quarter) {
            self.init(length: .quarter, year: year, number: quarter)
        } else if rest.first == "W", let week = digits(rest.dropFirst()), week >= 1, week <= Self.weeks(in: year) {
            self.init(length: .week, year: year, number: week)
        } else if let month = digits(rest), (1...12).contains(month) {
            self.init(length: .month, year: year, number: month)
        } else {
            return nil
        }
    }

    init(length: KPIPeriodLength, year: Int, number: Int) {
        self.length = length
        self.year = year
        self.number = number
        switch length {
        case .week:
            let monday = Self.mondayOfWeekOne(year) + (number - 1) * 7
            start = CalendarDay(daysSince1970: monday)
            end = CalendarDay(daysSince1970: monday + 7)
        case .month:
            start = CalendarDay(year: year, month: number, day: 1)!
            end = number == 12 ? CalendarDay(year: year + 1, month: 1, day: 1)! : CalendarDay(year: year, month: number + 1, day: 1)!
        case .quarter:
            start = CalendarDay(year: year, month: number * 3 - 2, day: 1)!
            end = number == 4 ? CalendarDay(year: year + 1, month: 1, day: 1)! : CalendarDay(year: year, month: number * 3 + 1, day: 1)!
        }
    }

    /// The period of the same length just before.
    public var previous: ReviewPeriod {
        switch length {
        case .week: number > 1 ? Self(length: .week, year: year, number: number - 1) : Self(length: .week, year: year - 1, number: Self.weeks(in: year - 1))
        case .month: number > 1 ? Self(length: .month, year: year, number: number - 1) : Self(length: .month, year: year - 1, number: 12)
        case .quarter: number > 1 ? Self(length: .quarter, year: year, number: number - 1) : Self(length: .quarter, year: year - 1, number: 4)
        }
    }

    public var description: String {
        let two = number < 10 ? "0\(number)" : "\(number)"
        return switch length {
        case .week: "\(year)-W\(two)"
        case .month: "\(year)-\(two)"
        case .quarter: "\(year)-Q\(number)"
        }
    }

    /// Whether a local day (days since 1970) counts in the period, for a
    /// measure per `per`: a day counts with its ISO week when weeks are
    /// counted (the week belongs to the period holding its Thursday), else
    /// when it falls in the period.
    public func contains(day: Int, per: KPIPeriodLength?) -> Bool {
        let counted = per == .week ? day - (CalendarDay(daysSince1970: day).isoWeekday - 1) + 3 : day
        return counted >= start.daysSince1970 && counted < end.daysSince1970
    }

    /// How many periods of `per` the period holds: ISO weeks whose Thursday
    /// falls in it, calendar months, quarters; nil when `per` is longer.
    public func count(of per: KPIPeriodLength) -> Int? {
        guard per <= length else { return nil }
        switch per {
        case .week:
            var thursdays = 0
            for day in start.daysSince1970..<end.daysSince1970 where CalendarDay(daysSince1970: day).isoWeekday == 4 { thursdays += 1 }
            return thursdays
        case .month: return length == .quarter ? 3 : 1
        case .quarter: return 1
        }
    }

    /// Days since 1970 of the Monday of ISO week 1 (the week holding 4 January).
    static func mondayOfWeekOne(_ year: Int) -> Int {
        let fourth = CalendarDay(year: year, month: 1, day: 4)!
        return fourth.daysSince1970 - (fourth.isoWeekday - 1)
    }

    /// 52 or 53.
    static func weeks(in year: Int) -> Int {
        (mondayOfWeekOne(year + 1) - mondayOfWeekOne(year)) / 7
    }
}
