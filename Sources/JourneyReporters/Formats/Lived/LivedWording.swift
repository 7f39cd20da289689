import JourneyModel
import LivedCases
import LivedReport

/// Words and figures of the lived report, shared by its formats.
public enum LivedWording {
    /// `62.5%`, one decimal, rounded half up; `—` when there is no rate.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "—" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// `1,240`.
    static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result += "," }
            result.append(digit)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A number of seconds as ISO 8601: `PT1H30M`.
    static func duration(_ seconds: Double) -> String {
        ISODuration.text(milliseconds: Int64((seconds * 1000).rounded()))
    }

    /// `lived: 62.5% of 1,240 cases`.
    static func lived(_ marker: MarkerConformance) -> String {
        marker.casesApplicable == 0 ? "lived: no case" : "lived: \(percent(marker.rate)) of \(count(marker.casesApplicable)) cases"
    }

    /// `median PT1H10M, 90th percentile PT3H (promise PT2H, 412 values)`.
    static func durations(_ durations: LivedDurations) -> String {
        "median \(duration(durations.medianSeconds)), 90th percentile \(duration(durations.p90Seconds)) "
            + "(promise at most \(duration(durations.promiseSeconds)), \(count(durations.count)) lived values)"
    }

    static func departure(_ departure: Departure) -> String {
        switch departure {
        case .failing: "failing at"
        case .missing: "missing"
        case .outOfSequence: "out of sequence"
        case .otherChannel: "lived on another channel"
        case .late: "later than planned"
        case .adHoc: "ad hoc"
        case .brokenMarker: "breaking"
        }
    }
}
