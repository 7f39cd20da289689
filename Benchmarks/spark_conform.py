#!/usr/bin/env python3
"""Runs the Spark script of `throughline conform --emit-sql spark` on Spark's
local mode (pyspark from PyPI, Java 17) over the raw exports, and checks
that every figure equals `throughline conform --format json`'s; with --time,
prints how long Spark took to load and to compute the figures. Spark reads a
CSV export itself (any separator, tab, a byte order mark, CRLF); a JSON Lines
export is read as conform_sql.py reads it (export_tables.py), in the driver.

    throughline conform --emit-sql spark --output conformance-spark.sql
    throughline conform --format json --output conform.json
    python3 Benchmarks/spark_conform.py --sql conformance-spark.sql --json conform.json \
        --export care-tickets=Observations/maison-aurele/care-tickets.csv --separator 'care-tickets=;' \
        --export crm-meetings=Observations/zignature/crm-meetings.csv --time

Takes the arguments of conform_sql.py, plus --master (default local[*])
and --memory (the driver's, default 8g). Exit 0 when every figure is equal.
"""
import sys
import time

from conform_sql import FIGURE_VIEWS, arguments, compare, report_result, statements
from export_tables import is_json_lines, json_lines, separator_character


def export_frame(spark, path, separator):
    """An export as the table the script reads: its columns as text and _row."""
    from pyspark.sql.functions import monotonically_increasing_id
    from pyspark.sql.types import LongType, StringType, StructField, StructType

    if is_json_lines(path):
        # Read in the driver, as conform_sql.py reads it, so both skip the same lines.
        columns, rows = json_lines(path)
        schema = StructType([StructField(column, StringType()) for column in columns] + [StructField("_row", LongType())])
        return spark.createDataFrame(rows, schema)
    # DROPMALFORMED leaves out a row of another number of fields than the header, as conform does;
    # Spark counts a row's fields only when it parses every column, so column pruning is off.
    spark.conf.set("spark.sql.csv.parser.columnPruning.enabled", "false")
    frame = (spark.read.option("header", True).option("sep", separator_character(separator)).option("quote", '"')
             .option("escape", '"').option("multiLine", False).option("mode", "DROPMALFORMED").csv(path))
    # One file read in order: the id grows with the row, so it orders duplicates as the export does.
    return frame.withColumn("_row", monotonically_increasing_id())


def run_spark(script, exports, separators, master, memory):
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(master).appName("throughline-conformance")
             .config("spark.driver.memory", memory).config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "8").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    started = time.perf_counter()
    for index, (name, path) in enumerate(exports.items()):
        raw = f"throughline_raw_{index}"
        export_frame(spark, path, separators.get(name)).createOrReplaceTempView(raw)
        spark.sql(f"CREATE OR REPLACE TEMPORARY VIEW `{name.replace('`', '``')}` AS SELECT * FROM {raw}")
    for statement in statements(script):
        spark.sql(statement)
    loaded = time.perf_counter()
    figures = {}
    for view in FIGURE_VIEWS:
        rows = spark.sql(f"SELECT * FROM {view}").collect()
        figures[view] = [row.asDict() for row in rows]
    done = time.perf_counter()
    spark.stop()
    return figures, loaded - started, done - loaded


def main(argv):
    master, memory = "local[*]", "8g"
    rest = []
    iterator = iter(argv)
    for item in iterator:
        if item == "--master":
            master = next(iterator)
        elif item == "--memory":
            memory = next(iterator)
        else:
            rest.append(item)
    parsed, exports, separators = arguments(rest)
    import json
    script = open(parsed.sql, encoding="utf-8").read()
    report = json.load(open(parsed.json, encoding="utf-8"))
    figures, setup_seconds, query_seconds = run_spark(script, exports, separators, master, memory)
    if parsed.time:
        # Spark reads lazily: the files are read while the figures are computed.
        print(f"spark ({master}): views {setup_seconds:.2f} s, figures (reading included) {query_seconds:.2f} s")
    problems, equal = compare(figures, report)
    return report_result(problems, equal, "spark")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
