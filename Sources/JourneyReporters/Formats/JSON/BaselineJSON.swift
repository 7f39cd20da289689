import JSONWriter
import CharterChecker
import JourneyModel

/// The baseline file `check --write-baseline` writes: one entry per open
/// gap, with its fingerprint and enough context for a reviewer to see what
/// is being accepted (two gaps with one fingerprint are two entries, each
/// accepting one). Sorted by fingerprint, so a rewritten baseline diffs
/// cleanly.
public struct BaselineJSON: Reporter {
    public init() {}

    public func write(_ gaps: [DescribedGap], to output: inout ReportOutput) {
        // Each fingerprint made once; equal ones keep report order.
        let entries = gaps.filter(\.isOpen).map { (fingerprint: $0.fingerprint, gap: $0) }.enumerated()
            .sorted { ($0.element.fingerprint, $0.offset) < ($1.element.fingerprint, $1.offset) }.map(\.element)
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.write("baseline", .integer(Baseline.currentVersion))
        writer.beginArray("gaps")
        for (fingerprint, gap) in entries {
            writer.write(.object([
                ("fingerprint", .string(fingerprint)),
                ("marker", .string(gap.marker)),
                ("severity", .string(gap.severity.rawValue)),
                ("journey", .string(gap.journey)),
                ("touchpoint", .optional(gap.touchpoint)),
                ("segment", .optional(gap.segment)),
                ("message", .string(gap.message)),
            ]))
        }
        output = writer.finish()
    }
}
