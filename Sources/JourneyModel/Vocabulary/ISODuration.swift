/// An ISO 8601 duration (`PT2H`, `P1D`, `PT15M`, `P1W`, `PT0.5S`), as
/// written, with a length in seconds for comparing two of them.
///
/// Calendar units have no fixed length, so comparison uses nominal ones: a
/// year is 365 days, a month 30 days, a week 7 days, a day 24 hours. Only the
/// smallest unit written may have a fraction (`PT1.5H`), as the standard says.
///
/// ```swift
/// ISODuration("PT90M")!.seconds == ISODuration("PT1H30M")!.seconds   // true
/// ```
public struct ISODuration: Hashable, Sendable, CustomStringConvertible {
    /// The text and length live in one shared object, so that a planned
    /// value holding a duration is no larger than one holding a word or a
    /// text; the loader hands out one object per distinct duration of a
    /// file, and a workspace plans millions of values.
    private let storage: Storage

    private final class Storage: Sendable {
        let text: String
        let seconds: Double

        init(text: String, seconds: Double) {
            self.text = text
            self.seconds = seconds
        }
    }

    /// The duration exactly as written.
    public var text: String { storage.text }
    /// The nominal length in seconds.
    public var seconds: Double { storage.seconds }

    public var description: String { text }

    /// The same duration in an object of its own: a task that copies a
    /// shared value for every lived case counts references to it, and
    /// counting on an object other cores also count on makes them wait.
    public func unshared() -> ISODuration { ISODuration(storage: Storage(text: storage.text, seconds: storage.seconds)) }

    private init(storage: Storage) {
        self.storage = storage
    }

    /// Equal when they last as long: `PT60M` is `PT1H`.
    public static func == (lhs: ISODuration, rhs: ISODuration) -> Bool { lhs.seconds == rhs.seconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(seconds) }

    /// Designators in the order they may appear, with their nominal length.
    private static let dateUnits: [(designator: UInt8, seconds: Double)] = [
        (UInt8(ascii: "Y"), 365 * 86_400), (UInt8(ascii: "M"), 30 * 86_400), (UInt8(ascii: "W"), 7 * 86_400), (UInt8(ascii: "D"), 86_400),
    ]
    private static let timeUnits: [(designator: UInt8, seconds: Double)] = [
        (UInt8(ascii: "H"), 3_600), (UInt8(ascii: "M"), 60), (UInt8(ascii: "S"), 1),
    ]

    /// Reads `text`, or returns nil when it is not an ISO 8601 duration.
    /// Works on the UTF-8 bytes: journeys plan thousands of durations.
    public init?(_ text: String) {
        guard let seconds = Self.seconds(in: Array(text.utf8)) else { return nil }
        storage = Storage(text: text, seconds: seconds)
    }

    private static func seconds(in bytes: [UInt8]) -> Double? {
        guard bytes.first == UInt8(ascii: "P") else { return nil }
        var index = 1
        var total = 0.0
        var sawComponent = false, sawFraction = false, inTime = false
        var units = dateUnits[...]
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "T") {
                guard !inTime, index + 1 < bytes.count else { return nil }
                inTime = true
                units = timeUnits[...]
                index += 1
                continue
            }
            // Only the last component may have a fraction.
            guard !sawFraction else { return nil }
            var whole = 0.0, fraction = 0.0, scale = 1.0
            var digits = 0, inFraction = false
            while index < bytes.count {
                let byte = bytes[index]
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                    let digit = Double(byte - UInt8(ascii: "0"))
                    if inFraction {
                        scale /= 10
                        fraction += digit * scale
                    } else {
                        whole = whole * 10 + digit
                    }
                    digits += 1
                } else if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && !inFraction && digits > 0 {
                    inFraction = true
                    digits = 0
                } else {
                    break
                }
                index += 1
            }
            guard digits > 0, index < bytes.count,
                  let unit = units.firstIndex(where: { $0.designator == bytes[index] }) else { return nil }
            total += (whole + fraction) * units[unit].seconds
            units = units[(unit + 1)...]
            sawFraction = inFraction
            sawComponent = true
            index += 1
        }
        // Longer is refused: its milliseconds would not fit in 64 bits.
        guard sawComponent, total.isFinite, total <= longestSeconds else { return nil }
        return total
    }

    /// The longest duration read, about 290 million years: in milliseconds,
    /// as lived values and reports hold durations, it fits in an `Int64`.
    public static let longestSeconds = 9.2e15
}
