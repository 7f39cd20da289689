import JSONWriter
import CharterChecker
import JourneyModel

/// The baseline file `check --write-baseline` writes: the open gaps'
/// fingerprints, with enough context for a reviewer to see what is being
/// accepted. Sorted by fingerprint, so a rewritten baseline diffs cleanly.
public struct BaselineJSON: Reporter {
    public init() {}

    public func write(_ gaps: [DescribedGap], to output: inout ReportOutput) {
        var seen = Set<String>()
        let unique = gaps.filter { $0.suppression == nil && seen.insert($0.fingerprint).inserted }
            .sorted { $0.fingerprint < $1.fingerprint }
        var writer = JSONStreamWriter(into: consume output)
        writer.beginObject()
        writer.write("baseline", 1)
        writer.beginArray("gaps")
        for gap in unique {
            writer.write(.object([
                ("fingerprint", .string(gap.fingerprint)),
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
