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

    /// `0.8571`: a share as a fraction with at most four decimals, for
    /// data files; empty when there is no share.
    static func fraction(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "" }
        let tenThousandths = (part * 10_000 + whole / 2) / whole
        let whole = tenThousandths / 10_000, decimals = tenThousandths % 10_000
        guard decimals > 0 else { return String(whole) }
        var digits = String(decimals)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(whole).\(digits)"
    }

    /// Seconds as a number for data files: `7200`, `4200.5`.
    static func seconds(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// `journey.markers` worst first: the lowest lived conformance first,
    /// then the more severe, then charter order; markers no case met the
    /// scope of come last.
    static func markersWorstFirst(_ journey: JourneyConformance) -> [MarkerConformance] {
        journey.markers.enumerated().sorted { left, right in
            switch (left.element.rate, right.element.rate) {
            case (nil, nil): break
            case (nil, _): return false
            case (_, nil): return true
            case (let a?, let b?) where a != b: return a < b
            default: break
            }
            if left.element.severity != right.element.severity { return left.element.severity > right.element.severity }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// Cases that departed at a touchpoint: failing, missing, out of
    /// sequence, on another channel or late (a case may count in two).
    static func departures(_ touchpoint: TouchpointConformance) -> Int {
        touchpoint.failing + touchpoint.missing + touchpoint.outOfSequence + touchpoint.otherChannel + touchpoint.late
    }

    /// The touchpoints some case departed at, most departures first, then in planned order.
    static func worstTouchpoints(_ journey: JourneyConformance) -> [TouchpointConformance] {
        journey.touchpoints.enumerated()
            .filter { departures($0.element) > 0 }
            .sorted { departures($0.element) != departures($1.element) ? departures($0.element) > departures($1.element) : $0.offset < $1.offset }
            .map(\.element)
    }

    /// `✕ 2 missing`, `⇄ 3 out of seq.`, `↪ 1 other channel`, `» 5 late`:
    /// a touchpoint's departures with a mark each, so none is told by colour alone.
    static func marks(_ touchpoint: TouchpointConformance) -> [String] {
        [
            (touchpoint.missing, "✕", "missing"), (touchpoint.outOfSequence, "⇄", "out of seq."),
            (touchpoint.otherChannel, "↪", "other channel"), (touchpoint.late, "»", "late"),
        ].compactMap { number, mark, word in number > 0 ? "\(mark) \(count(number)) \(word)" : nil }
    }
}
