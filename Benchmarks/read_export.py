#!/usr/bin/env python3
"""Times Throughline's CSV reader and DuckDB on the same export, side by side.

The export is one that `throughline-bench generate-export` writes. The
figures, each the best of --repeat runs in a process of its own, with that
process's peak resident memory:

- Throughline: `throughline-bench read-export FILE`, one thread, the file
  read in 1 MiB chunks, every row counted (reader alone), then again with
  every timestamp parsed to an instant; the peak memory covers both;
- DuckDB: `SELECT count(*) FROM read_csv(FILE)`;
- DuckDB: `SELECT case_id, count(*), min(timestamp), max(timestamp)
  FROM read_csv(FILE) GROUP BY case_id`.

DuckDB runs with one thread and with every core (--threads). DuckDB is
installed with pip when missing.

    swift build -c release
    .build/release/throughline-bench generate-export --events 10000000 --output /tmp/events.csv
    python3 Benchmarks/read_export.py /tmp/events.csv
"""

import argparse
import importlib.util
import os
import platform
import re
import subprocess
import sys
import time

QUERIES = {
    "count": "SELECT count(*) FROM read_csv('{path}')",
    "group": 'SELECT case_id, count(*), min("timestamp"), max("timestamp") FROM read_csv(\'{path}\') GROUP BY case_id',
}


def ensure_duckdb() -> None:
    if importlib.util.find_spec("duckdb") is None:
        print("installing duckdb with pip…", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "duckdb"], check=True)


def run_query(path: str, query: str, threads: int, repeat: int) -> None:
    """In a child process: prints the best time and the rows of one query."""
    import duckdb

    connection = duckdb.connect()
    connection.execute(f"SET threads = {threads}")
    sql = QUERIES[query].format(path=path.replace("'", "''"))
    best = float("inf")
    rows = 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = connection.execute(sql).fetchall()
        best = min(best, time.perf_counter() - start)
        rows = result[0][0] if query == "count" else len(result)
    print(f"{best:.6f} {rows}")


def measured(command: list[str]) -> tuple[str, int]:
    """Runs a command; its standard output and peak resident memory in bytes."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(command)} failed")
    return output, usage.ru_maxrss * 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("file")
    parser.add_argument("--bench", default=".build/release/throughline-bench")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--threads", default=f"1,{os.cpu_count()}")
    parser.add_argument("--query", help=argparse.SUPPRESS)
    parser.add_argument("--thread-count", type=int, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.query:
        run_query(arguments.file, arguments.query, arguments.thread_count, arguments.repeat)
        return
    ensure_duckdb()
    import duckdb

    size = os.path.getsize(arguments.file)
    megabytes = size / 1_000_000
    print(f"{arguments.file}: {size / 1_048_576:.1f} MiB; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} cores; DuckDB {duckdb.__version__}; best of {arguments.repeat}\n")
    print("| reader | threads | rows | time | M rows/s | MB/s | peak memory |")
    print("| :--- | ---: | ---: | ---: | ---: | ---: | ---: |")

    output, peak = measured([arguments.bench, "read-export", arguments.file, "--repeat", str(arguments.repeat)])
    rows = int(re.search(r"(\d+) rows", output).group(1))
    walls = [float(value) for value in re.findall(r"best wall ([\d.]+) s", output)]
    for label, wall in zip(("Throughline CSV reader alone", "Throughline CSV reader + every timestamp"), walls):
        print(f"| {label} | 1 | {rows:,} | {wall:.3f} s | {rows / wall / 1e6:.2f} | "
              f"{megabytes / wall:.0f} | {peak / 1_048_576:.0f} MiB |")

    for query in QUERIES:
        for threads in (int(value) for value in arguments.threads.split(",")):
            output, peak = measured([sys.executable, __file__, arguments.file, "--query", query,
                                     "--thread-count", str(threads), "--repeat", str(arguments.repeat)])
            seconds, result_rows = output.split()
            seconds = float(seconds)
            label = "DuckDB count(*)" if query == "count" else f"DuckDB GROUP BY case_id ({int(result_rows):,} cases)"
            print(f"| {label} | {threads} | {rows:,} | {seconds:.3f} s | {rows / seconds / 1e6:.2f} | "
                  f"{megabytes / seconds:.0f} | {peak / 1_048_576:.0f} MiB |")


if __name__ == "__main__":
    main()
