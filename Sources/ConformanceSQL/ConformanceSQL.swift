import EventExports
import JourneyModel

/// Compiles the planned journeys and the sources of lived journeys into a
/// SQL script that a warehouse runs over its own events: the figures of
/// `throughline conform` that set-based SQL computes exactly, per segment,
/// journey and planned touchpoint. A pure function of the loaded files.
///
/// The script reads one table per source, named by the source's id, with
/// the export's columns (as the source names them) as text and `_row`,
/// the row's number in the export. It makes the normalised events view
/// (`--table`, default `events`), then one view per step of the matching
/// rule, each partitioned by case (window functions, no correlated
/// subquery), and ends with the figures:
///
/// ```swift
/// let script = try ConformanceSQL.script(brands: brands, journeys: journeys, sources: sources, dialect: .duckdb)
/// // … CREATE OR REPLACE TEMPORARY VIEW throughline_touchpoint_figures AS …
/// ```
///
/// Every id, word and name from a brand, journey or source file is a
/// quoted string literal or a quoted identifier: a touchpoint called
/// `x'; DROP TABLE events; --` is data.
public enum ConformanceSQL {
    /// The views holding the figures, in the order the script selects them.
    public static let figureViews = [
        "throughline_source_figures", "throughline_journey_figures", "throughline_touchpoint_figures", "throughline_flow_figures",
        "throughline_ad_hoc_figures", "throughline_channel_figures", "throughline_owner_figures",
    ]

    public static func script(
        brands: [Brand], journeys: [Journey], sources: [ObservationSource], dialect: SQLDialect, table: String = "events"
    ) throws(ConformanceSQLError) -> String {
        guard !sources.isEmpty else { throw ConformanceSQLError(message: "no source of lived journeys (Observations/<brand>/*.source.jsonc) to compile", location: nil) }
        guard let events = dialect.identifier(table) else {
            throw ConformanceSQLError(message: "the table name '\(table)' cannot be a quoted SQL identifier", location: nil)
        }
        // The sources' tables are named by their ids: the view cannot take one of those names.
        if let source = sources.first(where: { $0.id == table }) {
            throw ConformanceSQLError(message: "the table name '\(table)' is the name of the source's own table; choose another --table", location: source.location)
        }
        let tables = ConformanceTables(brands: brands, journeys: journeys, sources: sources)
        var script = ScriptWriter(dialect: dialect)
        script.header(sources: sources, brands: brands, table: table)
        for statement in dialect.preamble { script.line(statement) }
        script.lookups(tables)
        try script.eventsView(events, sources: sources, brands: brands)
        script.matching(events, tables: tables)
        script.figures()
        return script.text
    }
}

/// Why a script cannot be written: a name no quoted identifier carries, a
/// time format the dialect cannot read.
public struct ConformanceSQLError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let location: SourceLocation?

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

/// The text of a script, statement by statement.
struct ScriptWriter {
    let dialect: SQLDialect
    private(set) var text = ""

    init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    mutating func line(_ line: String = "") {
        text += line + "\n"
    }

    /// A view; statements end with `;` at the end of a line.
    /// A view; `kept` for a step several later steps read (see ``SQLDialect/createKept``).
    mutating func view(_ name: String, _ body: String, comment: String? = nil, kept: Bool = false) {
        line()
        if let comment { for part in comment.split(separator: "\n") { line("-- " + part) } }
        line("\(kept ? dialect.createKept : dialect.createView) \(name) AS")
        line(body + ";")
    }

    func s(_ text: String) -> String { dialect.string(text) }

    // MARK: Documentation

    mutating func header(sources: [ObservationSource], brands: [Brand], table: String) {
        line("-- Throughline conformance, compiled for \(dialect.rawValue) by `throughline conform --emit-sql \(dialect.rawValue)`.")
        line("--")
        line("-- Input: one table per source, named by the source id, with the export's columns as text")
        line("-- (NULL or '' for an empty cell) and _row, the row's number in the export (it orders duplicates):")
        for source in sources {
            let columns = Self.rawColumns(of: source).map(\.name)
            line("--   " + Comment.clean(source.id) + "(" + (columns.map(Comment.clean) + ["_row"]).joined(separator: ", ") + ")")
        }
        line("--")
        line("-- The view \(Comment.clean(table)) holds the normalised events, one row per usable row of every source:")
        line("--   source, case_id, event_ms (milliseconds since 1970 UTC), activity (the export's name),")
        line("--   channel, segment, journey (brand ids, NULL when the row names none), owner, _row,")
        line("--   then one text column per lived attribute, named by the attribute id.")
        line("-- A warehouse whose events are already normalised replaces that view by its own table.")
        line("--")
        line("-- The figures (views throughline_*_figures) equal `throughline conform --format json`:")
        line("--   per source: rows, events, duplicates, cases, unmatched cases by reason;")
        line("--   per segment and journey: cases, ad hoc events; per planned touchpoint: lived in sequence")
        line("--   (completed + failing), missing, out of sequence, not reached, other channel, late;")
        line("--   flows, ad hoc activities, events per channel, cases per owner.")
        line("-- Not computed here (conform is the reference): the charter on lived values, so every marker")
        line("--   kind (expectation, coverage, consistency, handoff, pressure, progression, sequence, stageKPI):")
        line("--   casesApplicable, casesMet, durations, and what depends on them: completed apart from failing,")
        line("--   asPlanned, per owner asPlanned, per channel checks and met.")
        line("-- Reading differs where an engine reads text otherwise than conform's export reader: times in")
        line("--   ISO 8601 spellings the engine's cast refuses (or a local-time pattern across a clock change),")
        line("--   numbers with digit groups or a percent sign, unmapped activity names over 200 bytes (conform cuts")
        line("--   them), and duplicates that differ in both lived values and channel (conform keeps the one whose")
        line("--   values sort first, the script the first row).")
    }

    /// The columns a source reads, in slot order: case, time, activity, the optional roles, the attributes.
    static func rawColumns(of source: ObservationSource) -> [ExportColumn] {
        let map = source.columns
        return [map.caseID, map.time, map.activity] + [map.channel, map.segment, map.journey, map.owner].compactMap { $0 } + source.attributes.map(\.column)
    }

    // MARK: Lookup tables

    mutating func lookups(_ tables: ConformanceTables) {
        let text = dialect.text, bigint = "BIGINT", double = dialect.double
        func opt(_ value: String?) -> String { dialect.string(orNull: value) }
        view("throughline_sources", dialect.values(
            tables.sources.map { [s($0.source), s($0.brand), opt($0.journey), opt($0.segment)] },
            columns: [("source", text), ("brand", text), ("fixed_journey", text), ("fixed_segment", text)]
        ), comment: "The plan and the sources' tables, as the files say them.")
        view("throughline_activities", dialect.values(
            tables.activities.map { [s($0.source), s($0.activity), s($0.journey), s($0.touchpoint)] },
            columns: [("source", text), ("activity", text), ("journey", text), ("touchpoint", text)]
        ))
        view("throughline_ignored", dialect.values(
            tables.ignored.map { [s($0.source), s($0.activity)] }, columns: [("source", text), ("activity", text)]
        ))
        view("throughline_words", dialect.values(
            tables.words.map { [s($0.source), s($0.role), s($0.word), opt($0.value)] },
            columns: [("source", text), ("role", text), ("word", text), ("value", text)]
        ))
        view("throughline_journey_segments", dialect.values(
            tables.journeySegments.map { [s($0.brand), s($0.journey), s($0.segment)] }, columns: [("brand", text), ("journey", text), ("segment", text)]
        ))
        view("throughline_paths", dialect.values(
            tables.paths.map {
                [s($0.brand), s($0.journey), s($0.segment), s($0.touchpoint), String($0.rank), s($0.channel),
                 $0.afterMilliseconds.map { Self.double($0) } ?? "CAST(NULL AS \(double))", String($0.order)]
            },
            columns: [("brand", text), ("journey", text), ("segment", text), ("touchpoint", text), ("rank_index", bigint), ("planned_channel", text),
                      ("after_ms", double), ("planned_order", bigint)]
        ), comment: "Each touchpoint a segment goes through: its rank among the journey's distinct planned ranks, its planned channel and after.")
        view("throughline_dominators", dialect.values(
            tables.dominators.map { [s($0.brand), s($0.journey), s($0.segment), s($0.touchpoint), s($0.dominator)] },
            columns: [("brand", text), ("journey", text), ("segment", text), ("touchpoint", text), ("dominator", text)]
        ), comment: "dominator lies on every planned path to touchpoint.")
        view("throughline_planned_flows", "SELECT DISTINCT brand, journey, segment, from_touchpoint, to_touchpoint FROM (" + dialect.values(
            tables.plannedFlows.map { [s($0.brand), s($0.journey), s($0.segment), s($0.from), s($0.to)] },
            columns: [("brand", text), ("journey", text), ("segment", text), ("from_touchpoint", text), ("to_touchpoint", text)]
        ) + ") AS flows")
        rankCount = tables.rankCount
        longestPath = tables.longestPath
    }

    private var rankCount = 0
    private var longestPath = 0

    /// A double as a literal engines read exactly.
    static func double(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) + ".0" : String(value)
    }

    // MARK: The normalised events

    mutating func eventsView(_ events: String, sources: [ObservationSource], brands: [Brand]) throws(ConformanceSQLError) {
        var attributeIDs: [String] = []
        for source in sources {
            guard let brand = brands.first(where: { $0.id == source.brand }) else { continue }
            for lived in source.attributes where !attributeIDs.contains(brand.attributes[lived.attribute].id) {
                attributeIDs.append(brand.attributes[lived.attribute].id)
            }
        }
        var selects: [String] = []
        for source in sources {
            guard let brand = brands.first(where: { $0.id == source.brand }) else { continue }
            selects.append(try eventsSelect(source, brand: brand, attributeIDs: attributeIDs))
        }
        for id in attributeIDs where dialect.identifier(id) == nil {
            throw ConformanceSQLError(message: "the attribute id '\(Comment.clean(id))' cannot be a quoted SQL identifier", location: nil)
        }
        view(events, selects.joined(separator: "\nUNION ALL\n"), comment: """
        The normalised events: the rows conform reads, every other row left out as conform skips it \
        (an empty case, time or activity, a time that does not read, an unknown channel, segment or journey word, \
        a lived value that does not convert, a case id or owner over 4096 bytes).
        """)
    }

    private func eventsSelect(_ source: ObservationSource, brand: Brand, attributeIDs: [String]) throws(ConformanceSQLError) -> String {
        func column(_ column: ExportColumn) throws(ConformanceSQLError) -> String {
            guard let name = dialect.identifier(column.name) else {
                throw ConformanceSQLError(message: "the column name '\(Comment.clean(column.name))' cannot be a quoted SQL identifier", location: source.location(column.position))
            }
            return "r." + name
        }
        guard let table = dialect.identifier(source.id) else {
            throw ConformanceSQLError(message: "the source id '\(source.id)' cannot be a quoted SQL identifier", location: source.location)
        }
        let id = s(source.id)
        let map = source.columns
        let caseID = "COALESCE(\(try column(map.caseID)), '')"
        let timeText = "COALESCE(\(try column(map.time)), '')"
        let time: String
        if let parts = source.time.patternParts {
            guard let parsed = dialect.patternTime(timeText, parts: parts, zone: source.time.zone.identifier) else {
                throw ConformanceSQLError(
                    message: "ANSI SQL has no function that reads times in a declared pattern; use --emit-sql duckdb or spark, or give the table ISO 8601 times",
                    location: source.location
                )
            }
            time = dialect.epochMilliseconds(parsed)
        } else {
            guard source.time.zone.identifier == "UTC" else {
                throw ConformanceSQLError(message: "ISO 8601 times without an offset in \(source.time.zone.identifier) are not compiled to SQL yet; give the export's offsets", location: source.location)
            }
            time = dialect.epochMilliseconds(dialect.isoTime(timeText))
        }
        var joins: [String] = []
        var checks = ["\(caseID) <> ''", "\(dialect.byteLength(caseID)) <= 4096", "event_ms IS NOT NULL", "COALESCE(\(try column(map.activity)), '') <> ''"]
        func blank(_ expression: String) -> String {
            "REPLACE(REPLACE(COALESCE(\(expression), ''), ' ', ''), \(dialect.tab), '') = ''"
        }
        // Words are looked up by an inner join: a blank cell has the key '' (whose value is NULL), an
        // unknown word no row, so the join itself leaves out the rows conform skips.
        func join(_ role: String, key: String, alias: String) {
            joins.append("JOIN throughline_words \(alias) ON \(alias).source = \(id) AND \(alias).role = \(s(role)) AND \(alias).word = \(key)")
        }
        func lookUp(_ role: String, _ exportColumn: ExportColumn?, alias: String) throws(ConformanceSQLError) -> String {
            guard let exportColumn else { return "CAST(NULL AS \(dialect.text))" }
            let cell = try column(exportColumn)
            join(role, key: "CASE WHEN \(blank(cell)) THEN '' ELSE \(cell) END", alias: alias)
            return "\(alias).value"
        }
        let channel = try lookUp("channel", map.channel, alias: "w_channel")
        let segment = try lookUp("segment", map.segment, alias: "w_segment")
        let journey = try lookUp("journey", map.journey, alias: "w_journey")
        var owner = "CAST(NULL AS \(dialect.text))"
        if let ownerColumn = map.owner {
            let cell = try column(ownerColumn)
            owner = "CASE WHEN COALESCE(\(cell), '') = '' THEN NULL ELSE \(cell) END"
            checks.append("\(dialect.byteLength("COALESCE(\(cell), '')")) <= 4096")
        }
        var values: [String: String] = [:]
        for (index, lived) in source.attributes.enumerated() {
            let attribute = brand.attributes[lived.attribute]
            let cell = try column(lived.column)
            values[attribute.id] = cell
            let present = "COALESCE(\(cell), '') <> ''"
            switch lived.conversion {
            case .words:
                join("attribute:" + attribute.id, key: "CASE WHEN \(present) THEN \(cell) ELSE '' END", alias: "w_value\(index)")
            case .boolean(let words):
                // With a word for empty, every cell converts or is refused by its words alone.
                if words.empty == nil {
                    join("attribute:" + attribute.id, key: "CASE WHEN \(present) THEN LOWER(TRIM(\(cell))) ELSE '' END", alias: "w_value\(index)")
                }
            case .number:
                checks.append("(NOT \(present) OR \(dialect.number(cell)) IS NOT NULL)")
            case .duration(let secondsPerUnit):
                if secondsPerUnit != nil { checks.append("(NOT \(present) OR \(dialect.number(cell)) >= 0)") }
            case .text:
                checks.append("\(dialect.byteLength("COALESCE(\(cell), '')")) <= 4096")
            }
        }
        var select = "SELECT source, case_id, event_ms, activity, channel, segment, journey, owner, _row"
        for attributeID in attributeIDs {
            guard let name = dialect.identifier(attributeID) else { continue }
            select += ", " + name
        }
        var inner = "SELECT \(id) AS source, \(caseID) AS case_id, \(time) AS event_ms, COALESCE(\(try column(map.activity)), '') AS activity,\n"
        inner += "    \(channel) AS channel, \(segment) AS segment, \(journey) AS journey, \(owner) AS owner, r._row AS _row"
        for attributeID in attributeIDs {
            guard let name = dialect.identifier(attributeID) else { continue }
            inner += ", " + (values[attributeID].map { "CASE WHEN COALESCE(\($0), '') = '' THEN NULL ELSE \($0) END" } ?? "CAST(NULL AS \(dialect.text))") + " AS " + name
        }
        inner += "\n    FROM \(table) r"
        for join in joins { inner += "\n    " + join }
        // The checks read event_ms, so they apply to the inner select's rows.
        let conditions = checks.map { $0.replacingOccurrences(of: "event_ms IS NOT NULL", with: "\(time) IS NOT NULL") }
        inner += "\n    WHERE " + conditions.joined(separator: "\n      AND ")
        return "\(select) FROM (\n    \(inner)\n) AS source_rows"
    }

    // MARK: Matching, case by case

    mutating func matching(_ events: String, tables: ConformanceTables) {
        let byCase = "PARTITION BY source, case_id"
        let running = "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"
        view("throughline_kept", """
        SELECT source, case_id, event_ms, activity, channel, segment AS row_segment, journey AS row_journey, owner, _row,
            ROW_NUMBER() OVER (PARTITION BY source, case_id, event_ms, activity ORDER BY _row) AS copy
        FROM \(events)
        """, comment: "Two events of a case with the same time and activity are one event; the others are duplicates.")
        view("throughline_lived", """
        SELECT source, case_id, event_ms, activity, channel, row_segment, row_journey, owner,
            ROW_NUMBER() OVER (\(byCase) ORDER BY event_ms, activity, _row) AS seq
        FROM throughline_kept WHERE copy = 1
        """, comment: "Lived order: time, then activity name (bytes).", kept: true)
        view("throughline_case_rows", """
        SELECT source, case_id, seq, row_segment, row_journey, owner,
            MIN(CASE WHEN row_segment IS NOT NULL THEN seq END) OVER (\(byCase)) AS segment_seq,
            MIN(CASE WHEN row_journey IS NOT NULL THEN seq END) OVER (\(byCase)) AS journey_seq,
            MIN(CASE WHEN owner IS NOT NULL THEN seq END) OVER (\(byCase)) AS owner_seq
        FROM throughline_lived
        """)
        view("throughline_cases", """
        SELECT c.source, c.case_id, s.brand,
            COALESCE(c.lived_segment, s.fixed_segment) AS segment,
            COALESCE(s.fixed_journey, c.lived_journey) AS named_journey,
            c.owner
        FROM (
            SELECT source, case_id,
                MAX(CASE WHEN seq = segment_seq THEN row_segment END) AS lived_segment,
                MAX(CASE WHEN seq = journey_seq THEN row_journey END) AS lived_journey,
                MAX(CASE WHEN seq = owner_seq THEN owner END) AS owner
            FROM throughline_case_rows GROUP BY source, case_id
        ) AS c JOIN throughline_sources s ON s.source = c.source
        """, comment: "1. Segment: the first event naming one, else the source's. 2. Journey: the source's, else the first event naming one.")
        view("throughline_journey_votes", """
        SELECT source, case_id, journey FROM (
            SELECT source, case_id, journey, ROW_NUMBER() OVER (\(byCase) ORDER BY events DESC, journey) AS place
            FROM (
                SELECT l.source, l.case_id, a.journey, COUNT(*) AS events
                FROM throughline_lived l
                JOIN throughline_cases c ON c.source = l.source AND c.case_id = l.case_id
                JOIN throughline_activities a ON a.source = l.source AND a.activity = l.activity
                JOIN throughline_paths p ON p.brand = c.brand AND p.journey = a.journey AND p.segment = c.segment AND p.touchpoint = a.touchpoint
                WHERE c.named_journey IS NULL
                GROUP BY l.source, l.case_id, a.journey
            ) AS votes
        ) AS ranked WHERE place = 1
        """, comment: "Else the journey of the segment whose touchpoints the case's events live most (ties to the smaller id).")
        view("throughline_matches", """
        SELECT c.source, c.case_id, c.brand, c.segment, c.owner, COALESCE(c.named_journey, v.journey) AS journey,
            CASE WHEN c.segment IS NULL THEN 'no-segment'
                 WHEN c.named_journey IS NULL AND v.journey IS NULL THEN 'no-journey'
                 WHEN js.journey IS NULL THEN 'journey-not-for-segment' END AS unmatched
        FROM throughline_cases c
        LEFT JOIN throughline_journey_votes v ON v.source = c.source AND v.case_id = c.case_id
        LEFT JOIN throughline_journey_segments js ON js.brand = c.brand AND js.journey = COALESCE(c.named_journey, v.journey) AND js.segment = c.segment
        """, kept: true)
        view("throughline_classified", """
        SELECT l.source, l.case_id, m.brand, m.journey, m.segment, l.seq, l.event_ms, l.activity, l.channel,
            p.touchpoint, p.rank_index, p.planned_channel, p.after_ms,
            CASE WHEN i.activity IS NOT NULL THEN 'ignored' WHEN p.touchpoint IS NOT NULL THEN 'step' ELSE 'ad-hoc' END AS role
        FROM throughline_lived l
        JOIN throughline_matches m ON m.source = l.source AND m.case_id = l.case_id AND m.unmatched IS NULL
        LEFT JOIN throughline_ignored i ON i.source = l.source AND i.activity = l.activity
        LEFT JOIN throughline_activities a ON a.source = l.source AND a.activity = l.activity AND a.journey = m.journey
        LEFT JOIN throughline_paths p ON p.brand = m.brand AND p.journey = m.journey AND p.segment = m.segment AND p.touchpoint = a.touchpoint
        """, comment: "3. Lived touchpoints: events whose activity is a touchpoint of the journey the segment goes through; the others are ad hoc.", kept: true)
        view("throughline_steps", """
        SELECT source, case_id, brand, journey, segment, touchpoint, rank_index, seq, event_ms,
            COALESCE(channel, planned_channel) AS lived_channel,
            CASE WHEN channel IS NOT NULL AND channel <> planned_channel THEN 1 ELSE 0 END AS other_channel,
            ROW_NUMBER() OVER (PARTITION BY source, case_id, touchpoint ORDER BY seq) AS occurrence,
            CASE WHEN after_ms IS NOT NULL AND event_ms - LAG(event_ms) OVER (\(byCase) ORDER BY seq) > after_ms THEN 1 ELSE 0 END AS late_after_previous,
            LEAD(touchpoint) OVER (\(byCase) ORDER BY seq) AS next_touchpoint
        FROM throughline_classified WHERE role = 'step'
        """, comment: "7. Another channel: lived on a channel the row names that is not the planned one. Late: more than after after the lived event before it.", kept: true)

        // 5. In sequence: the longest non-decreasing run of ranks over each touchpoint's first event.
        view("throughline_run_0", """
        SELECT source, case_id, touchpoint, rank_index, ROW_NUMBER() OVER (\(byCase) ORDER BY seq) AS position,
            0 AS best, 0 AS ending
        FROM throughline_steps WHERE occurrence = 1
        """, comment: """
        5. In sequence. For ranks 1..K, best is the longest non-decreasing run of ranks ≤ j among the first events up to here:
        best_j(p) = count_j(p) + max(0, max over q ≤ p of best_{j-1}(q) - count_j(q)), count_j counting rank j so far;
        ending, the longest run ending at an event, is best_j there for its own rank j. The run kept is patience sorting's:
        from the end, the last event ending a run of the full length, then the last one before it ending one of length one
        less, and so on.
        """)
        let ranks = max(1, rankCount)
        for rank in 1...ranks {
            view("throughline_run_\(rank)", """
            SELECT source, case_id, touchpoint, rank_index, position,
                counted + CASE WHEN gain > 0 THEN gain ELSE 0 END AS best,
                CASE WHEN rank_index = \(rank) THEN counted + CASE WHEN gain > 0 THEN gain ELSE 0 END ELSE ending END AS ending
            FROM (
                SELECT source, case_id, touchpoint, rank_index, position, ending, counted,
                    MAX(best - counted) OVER (\(byCase) ORDER BY position \(running)) AS gain
                FROM (
                    SELECT source, case_id, touchpoint, rank_index, position, best, ending,
                        SUM(CASE WHEN rank_index = \(rank) THEN 1 ELSE 0 END) OVER (\(byCase) ORDER BY position \(running)) AS counted
                    FROM throughline_run_\(rank - 1)
                ) AS counts
            ) AS gains
            """)
        }
        view("throughline_chain_0", """
        SELECT source, case_id, touchpoint, position, ending, top, pick,
            MAX(CASE WHEN position = pick THEN touchpoint END) OVER (\(byCase)) AS last_touchpoint,
            CASE WHEN position = pick THEN 1 ELSE 0 END AS in_sequence
        FROM (
            SELECT source, case_id, touchpoint, position, ending, top,
                MAX(CASE WHEN ending = top THEN position END) OVER (\(byCase)) AS pick
            FROM (SELECT source, case_id, touchpoint, position, ending, MAX(ending) OVER (\(byCase)) AS top FROM throughline_run_\(ranks)) AS tops
        ) AS picks
        """)
        let levels = max(1, longestPath)
        if levels > 1 {
            for level in 1..<levels {
                view("throughline_chain_\(level)", """
                SELECT source, case_id, touchpoint, position, ending, top, pick, last_touchpoint,
                    CASE WHEN position = pick THEN 1 ELSE in_sequence END AS in_sequence
                FROM (
                    SELECT source, case_id, touchpoint, position, ending, top, last_touchpoint, in_sequence,
                        MAX(CASE WHEN ending = top - \(level) AND position < pick THEN position END) OVER (\(byCase)) AS pick
                    FROM throughline_chain_\(level - 1)
                ) AS picks
                """)
            }
        }
        view("throughline_statuses", """
        SELECT m.source, m.case_id, m.brand, m.journey, m.segment, p.touchpoint,
            CASE WHEN f.touchpoint IS NOT NULL THEN CASE WHEN f.in_sequence = 1 THEN 'in-sequence' ELSE 'out-of-sequence' END
                 WHEN d.dominator IS NOT NULL THEN 'missing' ELSE 'not-reached' END AS status
        FROM throughline_matches m
        JOIN throughline_paths p ON p.brand = m.brand AND p.journey = m.journey AND p.segment = m.segment
        LEFT JOIN throughline_chain_\(levels - 1) f ON f.source = m.source AND f.case_id = m.case_id AND f.touchpoint = p.touchpoint
        LEFT JOIN (SELECT source, case_id, MAX(last_touchpoint) AS last_touchpoint FROM throughline_chain_\(levels - 1) GROUP BY source, case_id) AS l
            ON l.source = m.source AND l.case_id = m.case_id
        LEFT JOIN throughline_dominators d ON d.brand = m.brand AND d.journey = m.journey AND d.segment = m.segment
            AND d.touchpoint = l.last_touchpoint AND d.dominator = p.touchpoint
        WHERE m.unmatched IS NULL
        """, comment: "6. Missing: never lived, and on every planned path to the last touchpoint in sequence; else not reached.", kept: true)
    }

    // MARK: Figures

    mutating func figures() {
        view("throughline_source_figures", """
        SELECT s.source, COALESCE(e.events, 0) AS events, COALESCE(k.duplicates, 0) AS duplicates, COALESCE(m.cases, 0) AS cases,
            COALESCE(m.no_segment, 0) AS no_segment, COALESCE(m.no_journey, 0) AS no_journey,
            COALESCE(m.journey_not_for_segment, 0) AS journey_not_for_segment
        FROM throughline_sources s
        LEFT JOIN (SELECT source, COUNT(*) AS events FROM throughline_kept GROUP BY source) AS e ON e.source = s.source
        LEFT JOIN (SELECT source, SUM(CASE WHEN copy > 1 THEN 1 ELSE 0 END) AS duplicates FROM throughline_kept GROUP BY source) AS k ON k.source = s.source
        LEFT JOIN (
            SELECT source, COUNT(*) AS cases,
                SUM(CASE WHEN unmatched = 'no-segment' THEN 1 ELSE 0 END) AS no_segment,
                SUM(CASE WHEN unmatched = 'no-journey' THEN 1 ELSE 0 END) AS no_journey,
                SUM(CASE WHEN unmatched = 'journey-not-for-segment' THEN 1 ELSE 0 END) AS journey_not_for_segment
            FROM throughline_matches GROUP BY source
        ) AS m ON m.source = s.source
        """, comment: "Figures. Per source: usable rows (events), duplicates, cases read, and unmatched cases by reason.")
        view("throughline_journey_figures", """
        SELECT m.brand, m.segment, m.journey, COUNT(*) AS cases, SUM(COALESCE(a.events, 0)) AS ad_hoc_events
        FROM throughline_matches m
        LEFT JOIN (SELECT source, case_id, COUNT(*) AS events FROM throughline_classified WHERE role = 'ad-hoc' GROUP BY source, case_id) AS a
            ON a.source = m.source AND a.case_id = m.case_id
        WHERE m.unmatched IS NULL
        GROUP BY m.brand, m.segment, m.journey
        """)
        view("throughline_touchpoint_figures", """
        SELECT st.brand, st.segment, st.journey, st.touchpoint, p.planned_order,
            SUM(CASE WHEN st.status = 'in-sequence' THEN 1 ELSE 0 END) AS lived_in_sequence,
            SUM(CASE WHEN st.status = 'missing' THEN 1 ELSE 0 END) AS missing,
            SUM(CASE WHEN st.status = 'out-of-sequence' THEN 1 ELSE 0 END) AS out_of_sequence,
            SUM(CASE WHEN st.status = 'not-reached' THEN 1 ELSE 0 END) AS not_reached,
            COALESCE(MAX(d.other_channel), 0) AS other_channel, COALESCE(MAX(d.late), 0) AS late
        FROM throughline_statuses st
        JOIN throughline_paths p ON p.brand = st.brand AND p.journey = st.journey AND p.segment = st.segment AND p.touchpoint = st.touchpoint
        LEFT JOIN (
            SELECT brand, segment, journey, touchpoint, SUM(other_channel) AS other_channel, SUM(late_after_previous) AS late
            FROM throughline_steps WHERE occurrence = 1
            GROUP BY brand, segment, journey, touchpoint
        ) AS d ON d.brand = st.brand AND d.segment = st.segment AND d.journey = st.journey AND d.touchpoint = st.touchpoint
        GROUP BY st.brand, st.segment, st.journey, st.touchpoint, p.planned_order
        """, comment: "Per planned touchpoint: lived in sequence is conform's completed + failing (the charter tells them apart).")
        view("throughline_flow_figures", """
        SELECT f.brand, f.segment, f.journey, f.from_touchpoint, f.to_touchpoint, COUNT(*) AS cases,
            CASE WHEN MAX(pf.to_touchpoint) IS NULL THEN 0 ELSE 1 END AS planned
        FROM (
            SELECT DISTINCT source, case_id, brand, segment, journey, touchpoint AS from_touchpoint, next_touchpoint AS to_touchpoint
            FROM throughline_steps WHERE next_touchpoint IS NOT NULL AND next_touchpoint <> touchpoint
        ) AS f
        LEFT JOIN throughline_planned_flows pf ON pf.brand = f.brand AND pf.journey = f.journey AND pf.segment = f.segment
            AND pf.from_touchpoint = f.from_touchpoint AND pf.to_touchpoint = f.to_touchpoint
        GROUP BY f.brand, f.segment, f.journey, f.from_touchpoint, f.to_touchpoint
        """)
        view("throughline_ad_hoc_figures", """
        SELECT brand, segment, journey, activity, SUM(events) AS events, COUNT(*) AS cases
        FROM (
            SELECT brand, segment, journey, activity, source, case_id, COUNT(*) AS events
            FROM throughline_classified WHERE role = 'ad-hoc'
            GROUP BY brand, segment, journey, activity, source, case_id
        ) AS per_case
        GROUP BY brand, segment, journey, activity
        """)
        view("throughline_channel_figures", """
        SELECT brand, segment, journey, lived_channel AS channel, COUNT(*) AS events
        FROM throughline_steps GROUP BY brand, segment, journey, lived_channel
        """)
        view("throughline_owner_figures", """
        SELECT brand, segment, journey, owner, COUNT(*) AS cases
        FROM throughline_matches WHERE unmatched IS NULL AND owner IS NOT NULL
        GROUP BY brand, segment, journey, owner
        """)
        line()
        line("SELECT * FROM throughline_touchpoint_figures ORDER BY brand, segment, journey, planned_order;")
    }
}

/// Text from files shown in a script's comments: one line, no control or
/// bidirectional character.
enum Comment {
    static func clean(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars { result.unicodeScalars.append(SQLDialect.needsEscape(scalar) ? "?" : scalar) }
        return result
    }
}
