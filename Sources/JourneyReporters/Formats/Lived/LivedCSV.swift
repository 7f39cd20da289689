import JSONWriter
import JourneyModel
import LivedReport

/// `conform --format csv`: the lived report in long form for spreadsheets
/// and pivot tables, one table per file, picked by `--csv-part`.
///
/// **Touchpoints** (the default): one row per brand, segment, journey and
/// planned touchpoint, in the report's journey order and the planned
/// order, with the journey's cases and each class's count and rate:
///
/// ```text
/// brand,segment,priority,journey,position,touchpoint,channel,stage,cases,completed,completed_rate,failing,failing_rate,…
/// maison-aurele,premium,true,care-and-repair,4,home-diagnosis,home,support,14,12,0.8571,0,0,2,0.1429,…
/// ```
///
/// The classes completed, failing, missing, out of sequence and not
/// reached hold every case once; other channel and late count cases among
/// those that lived it. A rate is a fraction of the journey's cases with at
/// most four decimals (`0.8571`), empty when the journey has no case.
///
/// **Markers** (`--csv-part markers`): per journey, each marker's planned
/// verdict beside its lived conformance, in the charter's order; for a
/// promise on a duration, the lived median and 90th percentile in seconds
/// (empty otherwise).
///
/// **Ad hoc** (`ad-hoc`), **channels** and **owners**: the lists of the
/// other formats, one row per entry, as bounded as they are there.
///
/// Written with ``CSVField``, as `check` and `audit` write theirs: RFC 4180
/// with CRLF, UTF-8, every field guarded against formula injection (an
/// activity name `=HYPERLINK(…)` from an export is written `'=HYPERLINK(…)`),
/// in the ``CSVDialect`` of `--csv-separator` and `--csv-bom`.
/// Case ids and owners are the report's labels: keyed hashes with `--redact`.
public struct LivedCSV: Reporter {
    /// Which table one CSV file holds.
    public enum Part: String, CaseIterable, Sendable {
        case touchpoints, markers
        case adHoc = "ad-hoc"
        case channels, owners
    }

    public var part: Part
    /// The separator, and whether a byte order mark comes first.
    public var dialect: CSVDialect

    public init(part: Part = .touchpoints, dialect: CSVDialect = .standard) {
        self.part = part
        self.dialect = dialect
    }

    /// The columns every table starts with: where the row belongs.
    static let journeyColumns = ["brand", "segment", "priority", "journey"]

    static func header(_ part: Part) -> [String] {
        switch part {
        case .touchpoints:
            journeyColumns + ["position", "touchpoint", "channel", "stage", "cases"]
                + classes.flatMap { [$0, "\($0)_rate"] }
        case .markers:
            journeyColumns + [
                "marker", "kind", "severity", "planned", "cases_applicable", "cases_met", "lived_rate",
                "duration_attribute", "promise_seconds", "lived_values", "median_seconds", "p90_seconds",
            ]
        case .adHoc: journeyColumns + ["activity", "events", "cases"]
        case .channels: journeyColumns + ["channel", "owner", "events", "checks", "met", "rate"]
        case .owners: journeyColumns + ["owner", "cases", "as_planned", "as_planned_rate"]
        }
    }

    /// The class columns of the touchpoints table, each followed by its rate.
    static let classes = ["completed", "failing", "missing", "out_of_sequence", "not_reached", "other_channel", "late"]

    /// Record by record into `output`, one journey's records at a time.
    public func write(_ report: LivedReport, to output: inout ReportOutput) {
        output.write(dialect.start + dialect.record(Self.header(part)))
        for journey in report.journeys {
            for row in Self.rows(journey, part: part) { output.write(dialect.record(Self.place(journey) + row)) }
        }
    }

    static func place(_ journey: JourneyConformance) -> [String] {
        [journey.brand, journey.segment, journey.priority ? "true" : "false", journey.journey]
    }

    /// The fields after ``place(_:)`` of each row of `part` for one journey.
    static func rows(_ journey: JourneyConformance, part: Part) -> [[String]] {
        switch part {
        case .touchpoints:
            return journey.touchpoints.enumerated().map { index, touchpoint in
                let counts = [
                    touchpoint.completed, touchpoint.failing, touchpoint.missing, touchpoint.outOfSequence, touchpoint.notReached,
                    touchpoint.otherChannel, touchpoint.late,
                ]
                return [String(index + 1), touchpoint.touchpoint, touchpoint.channel, touchpoint.stage, String(journey.cases)]
                    + counts.flatMap { [String($0), LivedWording.fraction($0, of: journey.cases)] }
            }
        case .markers:
            return journey.markers.map { marker in
                let durations = marker.durations
                return [
                    marker.marker, marker.kind, marker.severity.rawValue, marker.planned.rawValue, String(marker.casesApplicable),
                    String(marker.casesMet), LivedWording.fraction(marker.casesMet, of: marker.casesApplicable),
                    durations?.attribute ?? "", durations.map { LivedWording.seconds($0.promiseSeconds) } ?? "",
                    durations.map { String($0.count) } ?? "", durations.map { LivedWording.seconds($0.medianSeconds) } ?? "",
                    durations.map { LivedWording.seconds($0.p90Seconds) } ?? "",
                ]
            }
        case .adHoc:
            return journey.adHoc.map { [$0.activity, String($0.events), String($0.cases)] }
        case .channels:
            return journey.channels.map { channel in
                [channel.channel, channel.owner ?? "", String(channel.events), String(channel.checks), String(channel.met),
                 LivedWording.fraction(channel.met, of: channel.checks)]
            }
        case .owners:
            return journey.owners.map { owner in
                [owner.owner, String(owner.cases), String(owner.asPlanned), LivedWording.fraction(owner.asPlanned, of: owner.cases)]
            }
        }
    }
}
