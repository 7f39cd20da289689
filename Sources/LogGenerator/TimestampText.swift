import Foundation

/// ISO 8601 text of instants, the date part worked out once per day.
public struct TimestampText {
    public init() {}

    private var day: Int64 = .min
    private var dateBytes: [UInt8] = []

    public mutating func append(_ milliseconds: Int64, offset: (text: String, seconds: Int64), to buffer: inout [UInt8]) {
        let local = milliseconds + offset.seconds * 1000
        let seconds = local / 1000
        let localDay = seconds / 86_400
        if localDay != day {
            day = localDay
            // The date of day `localDay` after 1970-01-01 (after 1970 only).
            var year: Int64 = 1970
            var rest = localDay
            while true {
                let length: Int64 = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 366 : 365
                if rest < length { break }
                rest -= length
                year += 1
            }
            var month: Int64 = 1
            while true {
                let length: Int64 = switch month {
                case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
                case 4, 6, 9, 11: 30
                default: 31
                }
                if rest < length { break }
                rest -= length
                month += 1
            }
            dateBytes = Array(String(format: "%04lld-%02lld-%02lldT", year, month, rest + 1).utf8)
        }
        buffer.append(contentsOf: dateBytes)
        let secondOfDay = seconds % 86_400
        func two(_ value: Int64) {
            buffer.append(UInt8(ascii: "0") + UInt8(value / 10))
            buffer.append(UInt8(ascii: "0") + UInt8(value % 10))
        }
        two(secondOfDay / 3600)
        buffer.append(UInt8(ascii: ":"))
        two(secondOfDay / 60 % 60)
        buffer.append(UInt8(ascii: ":"))
        two(secondOfDay % 60)
        buffer.append(UInt8(ascii: "."))
        let millis = local % 1000
        buffer.append(UInt8(ascii: "0") + UInt8(millis / 100))
        two(millis % 100)
        buffer.append(contentsOf: offset.text.utf8)
    }
}
