/// An exact instant: milliseconds since 1970-01-01T00:00:00Z, whatever
/// the zone the export wrote it in.
///
/// ```swift
/// try TimestampFormat.iso8601().instant("2026-07-03T14:05:00+02:00").description
/// // "2026-07-03T12:05:00.000Z"
/// ```
public struct EventInstant: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let millisecondsSince1970: Int64

    public init(millisecondsSince1970: Int64) {
        self.millisecondsSince1970 = millisecondsSince1970
    }

    public static func < (lhs: EventInstant, rhs: EventInstant) -> Bool {
        lhs.millisecondsSince1970 < rhs.millisecondsSince1970
    }

    /// ISO 8601 in UTC with milliseconds.
    public var description: String {
        let milliseconds = millisecondsSince1970
        let seconds = milliseconds.floorDivided(by: 1000)
        let days = seconds.floorDivided(by: 86_400)
        let (year, month, day) = CivilCalendar.date(fromDaysSince1970: days)
        let secondOfDay = seconds - days * 86_400
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let fraction = milliseconds - seconds * 1000
        let millis = fraction < 10 ? "00\(fraction)" : fraction < 100 ? "0\(fraction)" : "\(fraction)"
        let yearText = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "\(yearText)-\(two(month))-\(two(day))T\(two(secondOfDay / 3600)):\(two(secondOfDay / 60 % 60)):\(two(secondOfDay % 60)).\(millis)Z"
    }
}

/// Dates of the proleptic Gregorian calendar as day numbers, and back.
enum CivilCalendar {
    @inline(__always)
    static func isLeapYear(_ year: Int64) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The days of `month` (1 to 12) of `year`. Looked up in a constant
    /// rather than chosen by a `switch`: months come in any order, and a
    /// branch on each would be mispredicted about every other row.
    @inline(__always)
    static func daysInMonth(_ month: Int64, of year: Int64) -> Int64 {
        // Two bits a month from bit 2, each month's days past 28:
        // 3 0 3 2 3 2 3 3 2 3 2 3 from January to December.
        let pastTwentyEight = Int64(truncatingIfNeeded: 0x3BB_EECC as UInt64 &>> UInt64(truncatingIfNeeded: month &* 2) & 3)
        let leapDay: Int64 = month == 2 && isLeapYear(year) ? 1 : 0
        return 28 + pastTwentyEight + leapDay
    }

    /// Days from 1970-01-01 to the date (negative before it). The year is
    /// counted from March, so that the leap day is the last day of a year
    /// and every month's start follows from one formula; 400 years are
    /// exactly 146,097 days.
    @inline(__always)
    static func daysSince1970(year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = marchYear.floorDivided(by: 400)
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        // 719,468 days from 0000-03-01 to 1970-01-01.
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of ``daysSince1970(year:month:day:)``.
    static func date(fromDaysSince1970 days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Int64 {
    /// Division rounding toward negative infinity.
    @inline(__always)
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
