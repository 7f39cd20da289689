import Foundation
import LogGenerator

/// Writes a help-desk or CRM export as CSV, deterministically for a seed:
/// cases opened over time, each going through three to fourteen events on
/// several channels, interleaved as a real export interleaves them.
///
///     case_id,timestamp,activity,channel,segment,owner,priority,first_reply_minutes,satisfaction
///     CASE-0000017,2026-03-02T09:14:05.120+01:00,Ticket opened,email,premium,Camille Martin,high,,
///
/// Timestamps are ISO 8601 with milliseconds and an offset (`Z`, `+01:00`
/// or `+02:00`); some activities hold a separator or quotes and are
/// quoted; owners' names are not all ASCII; two columns are often empty.
struct ExportGenerator {
    static let header = "case_id,timestamp,activity,channel,segment,owner,priority,first_reply_minutes,satisfaction"

    static let activities = [
        "Ticket opened", "First reply sent", "\"Reply sent, awaiting customer\"", "Customer replied", "Call scheduled",
        "Call completed", "Escalated to advisor", "\"Note: customer said \"\"thanks\"\"\"", "Refund issued", "Appointment booked",
        "Store visit", "Survey sent", "Ticket solved", "Ticket closed",
    ]
    static let channels = ["email", "phone", "chat", "store", "app", "web", "sms"]
    static let segments = ["newcomers", "regulars", "premium"]
    static let owners = [
        "Camille Martin", "Zoë Durand", "Hugo Lefèvre", "Inès Moreau", "Lucas Bernard", "Chloé Petit", "Noah Garcia",
        "Léa Roux", "Adam Fournier", "Manon Girard",
    ]
    static let priorities = ["low", "normal", "high", "urgent"]
    static let offsets: [(text: String, seconds: Int64)] = [("Z", 0), ("+01:00", 3600), ("+02:00", 7200)]

    private struct OpenCase {
        let number: Int
        var remaining: Int
        var written = 0
        var clock: Int64  // milliseconds since 1970, UTC
        let segment: Int
        let owner: Int
        let priority: Int
    }

    /// Writes `events` rows after the header through `write`, in pieces of
    /// about 1 MiB; returns the number of cases written (with at least one
    /// event). A case's first event is always "Ticket opened".
    static func generate(events: Int, seed: UInt64, write: ([UInt8]) throws -> Void) rethrows -> Int {
        var random = SplitMix64(seed: seed)
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 21)
        buffer.append(contentsOf: (header + "\n").utf8)
        // About a thousand cases open at once; a new one replaces each that closes.
        var open: [OpenCase] = []
        var nextCase = 1
        var casesWritten = 0
        var now: Int64 = 1_772_323_200_000  // 2026-03-01T00:00:00Z
        func newCase() -> OpenCase {
            defer { nextCase += 1 }
            return OpenCase(
                number: nextCase, remaining: random.between(3, 14), clock: now, segment: random.below(segments.count),
                owner: random.below(owners.count), priority: random.below(priorities.count)
            )
        }
        for _ in 0..<min(1000, max(1, events / 4)) { open.append(newCase()) }
        var dateCache = TimestampText()
        for event in 0..<events {
            let slot = random.below(open.count)
            var current = open[slot]
            now += Int64(random.below(2_000))
            current.clock = max(current.clock + Int64(random.below(3_600_000)), now)
            let isFirst = current.written == 0
            if isFirst { casesWritten += 1 }
            current.written += 1
            appendCase(current.number, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            let offset = offsets[(current.number + event) % offsets.count]
            dateCache.append(current.clock, offset: offset, to: &buffer)
            buffer.append(UInt8(ascii: ","))
            let activity = isFirst ? 0 : random.below(activities.count)
            buffer.append(contentsOf: activities[activity].utf8)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: channels[random.below(channels.count)].utf8)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: segments[current.segment].utf8)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: owners[current.owner].utf8)
            buffer.append(UInt8(ascii: ","))
            buffer.append(contentsOf: priorities[current.priority].utf8)
            buffer.append(UInt8(ascii: ","))
            if activity == 1 { buffer.append(contentsOf: String(random.between(2, 600)).utf8) }
            buffer.append(UInt8(ascii: ","))
            if activity == 11 { buffer.append(UInt8(ascii: "1") + UInt8(random.below(5))) }
            buffer.append(UInt8(ascii: "\n"))
            current.remaining -= 1
            open[slot] = current.remaining <= 0 ? newCase() : current
            if buffer.count >= 1 << 20 {
                try write(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        if !buffer.isEmpty { try write(buffer) }
        return casesWritten
    }

    private static func appendCase(_ number: Int, to buffer: inout [UInt8]) {
        buffer.append(contentsOf: "CASE-".utf8)
        var digits: [UInt8] = Array(repeating: UInt8(ascii: "0"), count: 7)
        var value = number
        var index = 6
        while value > 0, index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
            index -= 1
        }
        buffer.append(contentsOf: digits)
    }
}
