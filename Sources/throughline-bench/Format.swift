/// Number formatting for tables, without locale surprises.
enum Format {
    static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return "–" }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int(rounded)
        var text = (value < 0 && rounded > 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let fraction = Int(((rounded - Double(whole)) * scale).rounded())
            let digitsText = String(fraction)
            text += "." + String(repeating: "0", count: max(0, digits - digitsText.count)) + digitsText
        }
        return text
    }

    /// Milliseconds with sensible precision.
    static func milliseconds(_ seconds: Double) -> String {
        let ms = seconds * 1000
        return ms >= 100 ? fixed(ms, 0) : (ms >= 10 ? fixed(ms, 1) : fixed(ms, 2))
    }

    static func megabytes(_ bytes: Int) -> String { fixed(Double(bytes) / 1_048_576, 1) }

    static func ratio(_ value: Double) -> String { value >= 10 ? fixed(value, 1) : fixed(value, 2) }
}
