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
    /// The duration exactly as written.
    public let text: String
    /// The nominal length in seconds.
    public let seconds: Double

    public var description: String { text }

    /// Equal when they last as long: `PT60M` is `PT1H`.
    public static func == (lhs: ISODuration, rhs: ISODuration) -> Bool { lhs.seconds == rhs.seconds }
    public func hash(into hasher: inout Hasher) { hasher.combine(seconds) }

    private static let dateUnits: [(designator: Character, seconds: Double)] = [
        ("Y", 365 * 86_400), ("M", 30 * 86_400), ("W", 7 * 86_400), ("D", 86_400),
    ]
    private static let timeUnits: [(designator: Character, seconds: Double)] = [
        ("H", 3_600), ("M", 60), ("S", 1),
    ]

    /// Reads `text`, or returns nil when it is not an ISO 8601 duration.
    public init?(_ text: String) {
        var characters = Substring(text)
        guard characters.first == "P" else { return nil }
        characters.removeFirst()
        var total = 0.0
        var sawComponent = false
        var sawFraction = false
        var inTime = false
        var units = Self.dateUnits[...]
        while let character = characters.first {
            if character == "T" {
                guard !inTime else { return nil }
                inTime = true
                units = Self.timeUnits[...]
                characters.removeFirst()
                guard !characters.isEmpty else { return nil }
                continue
            }
            guard !sawFraction else { return nil }
            let digits = characters.prefix { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
            guard !digits.isEmpty, digits.first?.isNumber == true, digits.last?.isNumber == true,
                  let amount = Double(String(digits.map { $0 == "," ? "." : $0 })) else { return nil }
            characters.removeFirst(digits.count)
            guard let designator = characters.first,
                  let unitIndex = units.firstIndex(where: { $0.designator == designator }) else { return nil }
            characters.removeFirst()
            total += amount * units[unitIndex].seconds
            units = units[(unitIndex + 1)...]
            sawFraction = digits.contains(".") || digits.contains(",")
            sawComponent = true
        }
        guard sawComponent else { return nil }
        self.text = text
        self.seconds = total
    }
}
