import Foundation

/// A time zone's rules, for exports that write local time: every change
/// of offset from 1900 to 2200, read once from Foundation's `TimeZone`
/// and kept as a sorted table, so converting millions of local times is a
/// binary search each, with no call into Foundation.
///
/// Local times that a change of offset skips or repeats follow one rule:
///
/// - a time that does not exist (the clock jumps from 02:00 to 03:00) is
///   moved forward by the length of the jump: 02:30 on 2026-03-29 in
///   Europe/Paris is 03:30 CEST, 01:30Z;
/// - a time that happens twice (the clock goes back from 03:00 to 02:00)
///   is the earlier one: 02:30 on 2026-10-25 in Europe/Paris is 02:30
///   CEST, 00:30Z.
///
/// Before 1900 and after 2200 the nearest offset of the table applies.
public struct LocalTimeZone: Sendable, Equatable {
    /// One change of offset.
    struct Transition: Sendable, Equatable {
        /// When it happens, in seconds since 1970 UTC.
        let instant: Int64
        let offsetBefore: Int32
        let offsetAfter: Int32
        /// The first local time (seconds since 1970 as if UTC) it touches:
        /// where a gap or an overlap starts.
        var localStart: Int64 { instant + Int64(min(offsetBefore, offsetAfter)) }
        /// The first local time after any gap or overlap.
        var localEnd: Int64 { instant + Int64(max(offsetBefore, offsetAfter)) }
    }

    /// The zone's identifier (`Europe/Paris`), or `UTC±hh:mm` for a fixed offset.
    public let identifier: String
    /// The offset before the first transition, in seconds east of UTC.
    let initialOffset: Int32
    let transitions: [Transition]

    public static let utc = LocalTimeZone(fixedOffsetSeconds: 0)

    /// A zone of fixed offset, east of UTC positive.
    public init(fixedOffsetSeconds: Int) {
        let clamped = Int32(clamping: fixedOffsetSeconds)
        initialOffset = clamped
        transitions = []
        let sign = clamped < 0 ? "-" : "+"
        let minutes = abs(Int(clamped)) / 60
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        identifier = clamped == 0 ? "UTC" : "UTC\(sign)\(two(minutes / 60)):\(two(minutes % 60))"
    }

    /// Nil when the system knows no zone of that identifier.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(zone)
    }

    public init(_ zone: TimeZone) {
        identifier = zone.identifier
        let first = Date(timeIntervalSince1970: -2_208_988_800)  // 1900-01-01
        let last = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
        var table: [Transition] = []
        var date = first
        while let next = zone.nextDaylightSavingTimeTransition(after: date), next < last, next > date {
            let before = zone.secondsFromGMT(for: next.addingTimeInterval(-1))
            let after = zone.secondsFromGMT(for: next)
            if before != after {
                table.append(Transition(
                    instant: Int64(next.timeIntervalSince1970.rounded(.down)),
                    offsetBefore: Int32(clamping: before), offsetAfter: Int32(clamping: after)
                ))
            }
            date = next
        }
        initialOffset = table.first?.offsetBefore ?? Int32(clamping: zone.secondsFromGMT(for: first))
        transitions = table
    }

    /// The offset in force at an instant, seconds east of UTC.
    public func offset(atSecondsSince1970 instant: Int64) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].instant <= instant { low = middle + 1 } else { high = middle }
        }
        return Int(low == 0 ? initialOffset : transitions[low - 1].offsetAfter)
    }

    /// The instant (seconds since 1970 UTC) of a local time given as
    /// seconds since 1970 as if it were UTC, by the rule above.
    public func secondsSince1970(local: Int64) -> Int64 {
        // The last transition whose gap or overlap starts at or before `local`.
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].localStart <= local { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return local - Int64(initialOffset) }
        let transition = transitions[low - 1]
        if local >= transition.localEnd {
            return local - Int64(transition.offsetAfter)
        }
        // In a gap, the offset before moves the time forward by the gap;
        // in an overlap, it gives the earlier of the two instants.
        return local - Int64(transition.offsetBefore)
    }
}
