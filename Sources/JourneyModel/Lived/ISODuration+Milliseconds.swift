extension ISODuration {
    /// A lived duration as ISO 8601, in days, hours, minutes and seconds
    /// (a lived delay has no calendar: no months or years).
    ///
    /// ```swift
    /// ISODuration(milliseconds: 2_700_000).text    // "PT45M"
    /// ISODuration(milliseconds: 93_600_000).text   // "P1DT2H"
    /// ISODuration(milliseconds: 1_500).text        // "PT1.5S"
    /// ```
    public init(milliseconds: Int64) {
        self = ISODuration(Self.text(milliseconds: milliseconds)) ?? ISODuration("PT0S")!
    }

    /// The ISO 8601 text of a number of milliseconds (negative ones count as 0).
    public static func text(milliseconds: Int64) -> String {
        let total = max(0, milliseconds)
        let days = total / 86_400_000
        let hours = total / 3_600_000 % 24
        let minutes = total / 60_000 % 60
        let seconds = total / 1000 % 60
        let fraction = total % 1000
        var text = "P"
        if days > 0 { text += "\(days)D" }
        guard hours > 0 || minutes > 0 || seconds > 0 || fraction > 0 else { return days > 0 ? text : "PT0S" }
        text += "T"
        if hours > 0 { text += "\(hours)H" }
        if minutes > 0 { text += "\(minutes)M" }
        if seconds > 0 || fraction > 0 {
            var digits = String(fraction)
            while digits.count < 3 { digits = "0" + digits }
            while digits.hasSuffix("0") { digits.removeLast() }
            text += fraction > 0 ? "\(seconds).\(digits)S" : "\(seconds)S"
        }
        return text
    }
}
