#!/usr/bin/env python3
"""Runs a script of `throughline conform --emit-sql` on DuckDB (or Spark,
see spark_conform.py) over the raw exports, and checks that every figure
it computes equals `throughline conform --format json`'s.

    python3 Benchmarks/conform_sql.py --sql conformance.sql --json conform.json \
        --export care-tickets=Observations/maison-aurele/care-tickets.csv --separator 'care-tickets=;' \
        --export crm-meetings=Observations/zignature/crm-meetings.csv

Each --export names a source (the table the script reads) and its CSV
file, or its JSON Lines file (a name ending in .jsonl); the table gets the
file's columns (a JSON object's keys) as text and _row, the row's number.
A CSV row with another number of fields than the header and a JSON line
that is not one object are left out, as conform skips them. Exit 0 when
every figure is equal, 1 when one differs (each difference printed), 2 on
a usage problem. With --time, prints how long loading and the figures
took.
"""
import argparse
import json
import sys
import time

from export_tables import is_json_lines, json_lines, separator_character

FIGURE_VIEWS = [
    "throughline_source_figures", "throughline_journey_figures", "throughline_touchpoint_figures", "throughline_flow_figures",
    "throughline_ad_hoc_figures", "throughline_channel_figures", "throughline_owner_figures",
]


def statements(script):
    """The script's statements: each ends with ';' at the end of a line (no literal holds a line break)."""
    current = []
    for line in script.splitlines():
        if line.startswith("--") and not current:
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            text = "\n".join(current).strip().rstrip(";")
            current = []
            if text and not all(part.strip().startswith("--") or not part.strip() for part in text.splitlines()):
                yield text


def byte_key(text):
    return text.encode("utf-8")


def compare(figures, report):
    """Every figure of the SQL beside conform's JSON; returns the differences and how many were equal."""
    problems = []
    equal = 0

    def check(what, sql_value, json_value):
        nonlocal equal
        if sql_value == json_value:
            equal += 1
        else:
            problems.append(f"{what}: SQL {sql_value!r}, conform {json_value!r}")

    sources = {row["source"]: row for row in figures["throughline_source_figures"]}
    for source in report["sources"]:
        row = sources.pop(source["source"], None)
        if row is None:
            problems.append(f"source {source['source']}: no SQL figures")
            continue
        check(f"{source['source']} events", row["events"], source["events"])
        check(f"{source['source']} duplicates", row["duplicates"], source["duplicates"])
        check(f"{source['source']} cases", row["cases"], source["cases"])
        unmatched = {reason: row[column] for reason, column in
                     [("no-segment", "no_segment"), ("no-journey", "no_journey"), ("journey-not-for-segment", "journey_not_for_segment")]
                     if row[column]}
        check(f"{source['source']} unmatched", unmatched, source["unmatched"])
    for name in sources:
        problems.append(f"source {name}: in the SQL figures only")

    def keyed(view):
        result = {}
        for row in figures[view]:
            result.setdefault((row["brand"], row["segment"], row["journey"]), []).append(row)
        return result

    journeys = {key: rows[0] for key, rows in keyed("throughline_journey_figures").items()}
    touchpoints, flows, ad_hoc = keyed("throughline_touchpoint_figures"), keyed("throughline_flow_figures"), keyed("throughline_ad_hoc_figures")
    channels, owners = keyed("throughline_channel_figures"), keyed("throughline_owner_figures")
    seen = set()
    for journey in report["journeys"]:
        key = (journey["brand"], journey["segment"], journey["journey"])
        label = "/".join(key)
        seen.add(key)
        row = journeys.get(key)
        if row is None:
            problems.append(f"{label}: no SQL figures")
            continue
        check(f"{label} cases", row["cases"], journey["cases"])
        check(f"{label} adHocEvents", row["ad_hoc_events"], journey["adHocEvents"])
        by_touchpoint = {row["touchpoint"]: row for row in touchpoints.get(key, [])}
        check(f"{label} touchpoints", sorted(by_touchpoint), sorted(t["touchpoint"] for t in journey["touchpoints"]))
        for touchpoint in journey["touchpoints"]:
            row = by_touchpoint.get(touchpoint["touchpoint"])
            if row is None:
                continue
            where = f"{label} {touchpoint['touchpoint']}"
            check(f"{where} completed+failing", row["lived_in_sequence"], touchpoint["completed"] + touchpoint["failing"])
            for column, name in [("missing", "missing"), ("out_of_sequence", "outOfSequence"), ("not_reached", "notReached"),
                                 ("other_channel", "otherChannel"), ("late", "late")]:
                check(f"{where} {name}", row[column], touchpoint[name])
        sql_flows = sorted((f["from_touchpoint"], f["to_touchpoint"], f["cases"], bool(f["planned"])) for f in flows.get(key, []))
        json_flows = sorted((f["from"], f["to"], f["cases"], f["planned"]) for f in journey["flows"])
        check(f"{label} flows", sql_flows, json_flows)
        sql_ad_hoc = sorted(((a["activity"], a["events"], a["cases"]) for a in ad_hoc.get(key, [])), key=lambda a: (-a[1], byte_key(a[0])))[:10]
        check(f"{label} adHoc", sql_ad_hoc, [(a["activity"], a["events"], a["cases"]) for a in journey["adHoc"]])
        sql_channels = sorted((c["channel"], c["events"]) for c in channels.get(key, []))
        check(f"{label} channel events", sql_channels, sorted((c["channel"], c["events"]) for c in journey["channels"] if c["events"] > 0))
        if not report.get("redacted"):
            sql_owners = sorted(((o["owner"], o["cases"]) for o in owners.get(key, [])), key=lambda o: (-o[1], byte_key(o[0])))[:20]
            check(f"{label} owners", sql_owners, [(o["owner"], o["cases"]) for o in journey["owners"]])
    for key in journeys:
        if key not in seen:
            problems.append(f"{'/'.join(key)}: in the SQL figures only")
    return problems, equal


def load_json_lines(connection, table, path):
    """One text column per key of the file's objects, and _row, the line's number."""
    columns, rows = json_lines(path)
    quoted = ", ".join('"' + key.replace('"', '""') + '" VARCHAR' for key in columns)
    connection.execute(f"CREATE TABLE {table} ({quoted}{', ' if columns else ''}_row BIGINT)")
    places = ", ".join("?" for _ in range(len(columns) + 1))
    connection.executemany(f"INSERT INTO {table} VALUES ({places})", rows)


def run_duckdb(script, exports, separators):
    import duckdb
    connection = duckdb.connect()
    started = time.perf_counter()
    for name, path in exports.items():
        table = '"' + name.replace('"', '""') + '"'
        if is_json_lines(path):
            load_json_lines(connection, table, path)
            continue
        connection.execute(
            f"CREATE TABLE {table} AS SELECT *, row_number() OVER () AS _row FROM read_csv(?, delim = ?, header = true, all_varchar = true, quote = '\"', escape = '\"', ignore_errors = true)",
            [path, separator_character(separators.get(name))],
        )
    loaded = time.perf_counter()
    for statement in statements(script):
        connection.execute(statement)
    figures = {}
    for view in FIGURE_VIEWS:
        cursor = connection.execute(f"SELECT * FROM {view}")
        columns = [column[0] for column in cursor.description]
        figures[view] = [dict(zip(columns, row)) for row in cursor.fetchall()]
    done = time.perf_counter()
    return figures, loaded - started, done - loaded


def arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sql", required=True, help="the script conform --emit-sql wrote")
    parser.add_argument("--json", required=True, help="conform --format json's report of the same workspace")
    parser.add_argument("--export", action="append", default=[], metavar="SOURCE=FILE", help="a source's CSV or JSON Lines (.jsonl) export")
    parser.add_argument("--separator", action="append", default=[], metavar="SOURCE=CHAR", help="its separator, or tab (default ,)")
    parser.add_argument("--time", action="store_true", help="print how long loading and the figures took")
    parsed = parser.parse_args(argv)
    try:
        exports = dict(item.split("=", 1) for item in parsed.export)
        separators = dict(item.split("=", 1) for item in parsed.separator)
    except ValueError:
        parser.error("--export and --separator take SOURCE=VALUE")
    return parsed, exports, separators


def report_result(problems, equal, engine):
    for problem in problems[:50]:
        print("differs: " + problem)
    if len(problems) > 50:
        print(f"… and {len(problems) - 50} more differences")
    print(f"{engine}: {equal} figures equal to conform's, {len(problems)} different")
    return 1 if problems else 0


def main(argv):
    parsed, exports, separators = arguments(argv)
    script = open(parsed.sql, encoding="utf-8").read()
    report = json.load(open(parsed.json, encoding="utf-8"))
    figures, load_seconds, query_seconds = run_duckdb(script, exports, separators)
    if parsed.time:
        print(f"duckdb: load {load_seconds:.2f} s, figures {query_seconds:.2f} s")
    problems, equal = compare(figures, report)
    return report_result(problems, equal, "duckdb")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
