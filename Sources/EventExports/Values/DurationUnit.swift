/// The unit a duration column counts in, for columns such as
/// `first_reply_minutes` that hold a bare number.
///
/// ```swift
/// DurationUnit.minutes.milliseconds(45)          // 2_700_000 (2,700 s)
/// DurationUnit(columnName: "first_reply_minutes") // .minutes
/// ```
public enum DurationUnit: String, Sendable, CaseIterable {
    case milliseconds, seconds, minutes, hours, days, weeks

    /// Seconds in one unit.
    public var seconds: Double {
        switch self {
        case .milliseconds: 0.001
        case .seconds: 1
        case .minutes: 60
        case .hours: 3600
        case .days: 86_400
        case .weeks: 604_800
        }
    }

    /// `amount` units in whole milliseconds (rounded to the nearest); nil
    /// when it is not finite or beyond ±292 million years.
    public func milliseconds(_ amount: Double) -> Int64? {
        let value = (amount * seconds * 1000).rounded()
        guard value.isFinite, abs(value) < 9.2e18 else { return nil }
        return Int64(value)
    }

    /// The unit a column's name ends with (`_ms`, `_seconds`, `_secs`,
    /// `_s`, `_minutes`, `_mins`, `_min`, `_hours`, `_h`, `_days`, `_weeks`,
    /// after `_`, `-` or a space); nil when it ends with none.
    public init?(columnName: String) {
        let name = columnName.lowercased()
        let suffixes: [(String, DurationUnit)] = [
            ("ms", .milliseconds), ("milliseconds", .milliseconds), ("seconds", .seconds), ("secs", .seconds), ("sec", .seconds),
            ("s", .seconds), ("minutes", .minutes), ("mins", .minutes), ("min", .minutes), ("hours", .hours), ("hrs", .hours),
            ("h", .hours), ("days", .days), ("d", .days), ("weeks", .weeks),
        ]
        for (suffix, unit) in suffixes {
            for joiner in ["_", "-", " "] where name.hasSuffix(joiner + suffix) {
                self = unit
                return
            }
        }
        return nil
    }
}
