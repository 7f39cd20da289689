import JSONWriter
import CharterAudit
import CharterChecker
import JourneyModel

/// `audit --format csv`: one row per gap (the default, ``Part/gaps``), or
/// the audit's scores in long form (``Part/scores``, `--csv-part scores`),
/// for spreadsheets and pivot tables.
///
/// **Gaps.** One row per distinct gap of each brand, open ones worst first
/// as the brand's top actions, then accepted ones: a gap several segments
/// live is one row naming them all, as it is one fix. The header row is fixed:
///
/// ```text
/// brand,severity,status,segments,journey,touchpoint,channel,stage,owner,marker,expected,planned,action,reason,file,line,column
/// maison-aurele,warning,open,"premium, regulars",care-and-repair,care-chat,chat,support,Customer care,one-signature,…
/// ```
///
/// `status` is `open` or `accepted`; `reason` is why a gap is accepted.
///
/// **Scores.** Segments come in the audit's order (priority segments first); inside a
/// segment, the `overall` row, then `channel`, `marker` and `journey` rows in
/// the report's order, then one `matrix` row per marker × channel cell where
/// at least one check applied (row by row; a missing cell is the `·` of the
/// other formats). The header row is fixed:
///
/// ```text
/// brand,segment,priority,section,key,name,owner,score,met,applicable,weighted_met,weighted_applicable,status
/// maison-aurele,premium,true,overall,,Maison Aurèle · Loyal premium customers,,97.6,194,199,412,422,broken
/// maison-aurele,premium,true,channel,chat,Chat,Customer care,88.9,19,21,40,45,broken
/// maison-aurele,premium,true,marker,named-advisor,Premium customers always deal with their named advisor,,90,9,10,27,30,broken
/// maison-aurele,premium,true,journey,care-and-repair,Care and repair,,95.8,84,88,182,190,broken
/// maison-aurele,premium,true,matrix,named-advisor×chat,Premium customers always deal with their named advisor × Chat,Customer care,50,1,2,1,2,broken
/// ```
///
/// - `key` is the channel, marker or journey id; `marker×channel` (U+00D7)
///   for matrix cells, with `(journey)` as the channel of checks about no
///   single channel; empty for `overall`.
/// - `name` is the human label; `owner` is the channel's owner, for
///   `channel` and `matrix` rows.
/// - `score` is the weighted percentage with one decimal and no `%` sign
///   (`97.5`, `100`), empty when no check applied;
///   `score = 100 × weighted_met / weighted_applicable`. Matrix cells hold
///   one marker each, so they are unweighted (weight 1).
/// - `priority` is `true` or `false`.
/// - `status` is the row's ``AuditStatus`` (`broken`, `at-risk`, `watch`,
///   `kept`): from the severity of its open gaps first, its score second,
///   so a row scoring 97% with an open error-level gap still reads `broken`.
///
/// Same encoding as ``CheckCSV``: RFC 4180 with CRLF, UTF-8 without a byte
/// order mark, and every field guarded against formula injection by
/// ``CSVField`` (a value starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return is written with a `'` in front).
public struct AuditCSV: Reporter {
    /// Which table one CSV file holds.
    public enum Part: String, CaseIterable, Sendable {
        case gaps, scores
    }

    public var part: Part
    /// The separator, and whether a byte order mark comes first (``CSVDialect``).
    public var dialect: CSVDialect

    public init(part: Part = .gaps, dialect: CSVDialect = .standard) {
        self.part = part
        self.dialect = dialect
    }

    public static let gapHeader = [
        "brand", "severity", "status", "segments", "journey", "touchpoint", "channel", "stage", "owner", "marker",
        "expected", "planned", "action", "reason", "file", "line", "column",
    ]

    public static let header = [
        "brand", "segment", "priority", "section", "key", "name", "owner",
        "score", "met", "applicable", "weighted_met", "weighted_applicable", "status",
    ]

    /// The name of the matrix column ``ScoreMatrix/noChannel``, as the action plan names its group.
    static let noChannelName = "Journeys as a whole"

    /// Record by record into `output`, one segment's records at a time.
    public func write(_ audit: AuditReport, to output: inout ReportOutput) {
        switch part {
        case .gaps:
            output.write(dialect.start + dialect.record(Self.gapHeader))
            for headline in audit.brands {
                for action in headline.actions { output.write(Self.gapRow(action, brand: headline.brand, status: "open", dialect: dialect)) }
                for action in headline.accepted { output.write(Self.gapRow(action, brand: headline.brand, status: "accepted", dialect: dialect)) }
            }
        case .scores:
            writeScores(audit, to: &output)
        }
    }

    static func gapRow(_ action: SharedAction, brand: String, status: String, dialect: CSVDialect = .standard) -> String {
        let gap = action.item.gap
        // Only the words the row shows: no message, no related places.
        return dialect.record([
            brand, gap.severity.rawValue, status, action.segments.joined(separator: ", "), gap.journey, gap.touchpoint ?? "",
            gap.channel ?? "", gap.stage ?? "", action.owner ?? "", gap.marker, gap.expected, gap.planned,
            action.item.action, gap.suppression?.reason ?? "", gap.location.file, String(gap.location.line), String(gap.location.column),
        ])
    }

    /// The scores table, record by record.
    func writeScores(_ audit: AuditReport, to output: inout ReportOutput) {
        output.write(dialect.start + dialect.record(Self.header))
        for report in audit.segments {
            for row in Self.rows(report, dialect: dialect) { output.write(row) }
        }
    }

    static func rows(_ report: SegmentReport, dialect: CSVDialect = .standard) -> [String] {
        func record(_ section: String, _ key: String, _ name: String, _ owner: String?, _ score: Score, _ status: AuditStatus?) -> String {
            dialect.record([
                report.brand, report.segment, report.priority ? "true" : "false", section, key, name, owner ?? "",
                percent(score), String(score.met), String(score.applicable),
                String(score.weightedMet), String(score.weightedApplicable), status?.rawValue ?? "",
            ])
        }
        var records = [record("overall", "", "\(report.brandName) · \(report.segmentName)", nil, report.score, report.status)]
        for entry in report.byChannel {
            records.append(record("channel", entry.channel, entry.name, entry.owner, entry.score, entry.status))
        }
        for entry in report.byMarker {
            records.append(record("marker", entry.marker, entry.title, nil, entry.score, entry.status))
        }
        let journeyNames = ReportWording.journeyNames(report)
        for entry in report.byJourney {
            records.append(record("journey", entry.journey, (journeyNames[entry.journey] ?? nil) ?? "", nil, entry.score, entry.status))
        }
        let channels = Dictionary(report.byChannel.map { ($0.channel, $0) }, uniquingKeysWith: { first, _ in first })
        let titles = Dictionary(report.byMarker.map { ($0.marker, $0.title) }, uniquingKeysWith: { first, _ in first })
        for (row, (marker, cells)) in zip(report.matrix.rows, report.matrix.cells).enumerated() {
            for (columnIndex, (column, score)) in zip(report.matrix.columns, cells).enumerated() where score.applicable > 0 {
                let channel = channels[column]
                let channelName = column == ScoreMatrix.noChannel ? noChannelName : channel?.name ?? column
                records.append(record(
                    "matrix", "\(marker)×\(column)", "\(titles[marker] ?? marker) × \(channelName)", channel?.owner, score,
                    report.matrix.status(row: row, column: columnIndex)
                ))
            }
        }
        return records
    }

    /// `97.5`, `100`; empty when no check applied.
    static func percent(_ score: Score) -> String {
        guard let percent = score.percent else { return "" }
        return percent == percent.rounded() ? String(Int(percent)) : String(percent)
    }
}
