#!/usr/bin/env python3
"""Times `throughline conform` beside DuckDB and pm4py on the same export.

The workspace is one that `throughline-bench generate-log` writes: a brand,
its purchase journey, a source and its CSV export. Three figures:

- Throughline: the whole `throughline conform --format json` process, run
  in the workspace (read, group by case, match, judge, report), wall time
  and peak resident memory from `/usr/bin/time -v`;
- DuckDB, merely grouping the same file by case, in a process of its own:
  `SELECT case_id, count(*), min(time), max(time) FROM read_csv(FILE) GROUP BY case_id`;
- pm4py: token-based replay, then alignments, of the export (or of a sample
  of whole cases, the smallest case ids, about --sample and
  --alignment-sample events) against the planned journey as a Petri net
  (one transition per touchpoint, in a line, labelled with the export's
  activity names). Only the conformance checking is timed, not reading the
  file. Alignments are the computation closest to conform's matching rule
  (each lived event matched to the plan or not, each planned touchpoint
  lived or not); token-based replay is cheaper and tells less. A sampled
  figure is also scaled to the whole export (time × events ÷ sample
  events), which overstates pm4py: it checks each distinct trace once, and
  distinct traces grow more slowly than cases.

duckdb, pm4py and pandas are installed with pip into a virtual environment
(Benchmarks/.venv, or $TMPDIR/throughline-bench-venv when that cannot be
written) when the running Python lacks them.

    swift build -c release
    .build/release/throughline-bench generate-log --events 10000000 --order shuffled --output /tmp/lived
    python3 Benchmarks/conform.py /tmp/lived
"""

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = "Observations/atelier-lumen/purchases.csv"
JOURNEY = [
    "Site visit", "Welcome email", "Chat advice", "Appointment call", "Store fitting", "Order confirmation",
    "Pickup in store", "Care tips email", "Follow-up call", "Review request",
]


def venv_python() -> str:
    """A Python with duckdb, pm4py and pandas: this one, or a virtual environment made for them."""
    if all(importlib.util.find_spec(name) for name in ("duckdb", "pm4py", "pandas")):
        return sys.executable
    for folder in (os.path.join(HERE, ".venv"), os.path.join(tempfile.gettempdir(), "throughline-bench-venv")):
        python = os.path.join(folder, "bin", "python")
        try:
            if not os.path.exists(python):
                print(f"making {folder} with duckdb and pm4py…", file=sys.stderr)
                subprocess.run([sys.executable, "-m", "venv", folder], check=True)
                subprocess.run([python, "-m", "pip", "install", "-q", "duckdb", "pm4py", "pandas"], check=True)
            return python
        except (OSError, subprocess.CalledProcessError) as error:
            print(f"cannot use {folder}: {error}", file=sys.stderr)
    sys.exit("no Python with duckdb and pm4py")


def timed(command: list, cwd: str) -> tuple:
    """Wall seconds, CPU seconds (user + system), peak resident MiB and standard output of `command`, under /usr/bin/time -v."""
    start = time.monotonic()
    run = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if run.returncode not in (0, 1):
        sys.exit(f"{command[0]} failed ({run.returncode}): {run.stderr[-2000:]}")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr)
    cpu = sum(float(value) for value in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", run.stderr))
    return wall, cpu, (int(peak.group(1)) / 1024 if peak else float("nan")), run.stdout


DUCKDB = """
import duckdb, sys
duckdb.sql("SET enable_progress_bar = false")
rows = duckdb.sql("SELECT case_id, count(*), min(time), max(time) FROM read_csv('{path}') GROUP BY case_id").fetchall()
print(len(rows))
"""

PM4PY = """
import json, sys, time
import duckdb, pm4py
duckdb.sql("SET enable_progress_bar = false")
from pm4py.objects.petri_net.obj import PetriNet, Marking
from pm4py.objects.petri_net.utils import petri_utils

journey = {journey}
frame = duckdb.sql(
    "SELECT case_id, time, activity FROM read_csv('{path}') {where}"
).df()
frame = pm4py.format_dataframe(frame, case_id="case_id", activity_key="activity", timestamp_key="time")
net = PetriNet("planned")
places = [PetriNet.Place(f"p{{index}}") for index in range(len(journey) + 1)]
for place in places:
    net.places.add(place)
for index, name in enumerate(journey):
    transition = PetriNet.Transition(f"t{{index}}", name)
    net.transitions.add(transition)
    petri_utils.add_arc_from_to(places[index], transition, net)
    petri_utils.add_arc_from_to(transition, places[index + 1], net)
initial, final = Marking(), Marking()
initial[places[0]] = 1
final[places[-1]] = 1
start, start_cpu = time.monotonic(), time.process_time()
if "{method}" == "alignments":
    diagnosed = pm4py.conformance_diagnostics_alignments(frame, net, initial, final)
    fit = sum(1 for trace in diagnosed if trace["fitness"] == 1.0)
else:
    diagnosed = pm4py.conformance_diagnostics_token_based_replay(frame, net, initial, final)
    fit = sum(1 for trace in diagnosed if trace["trace_is_fit"])
seconds, cpu = time.monotonic() - start, time.process_time() - start_cpu
print(json.dumps({{"events": len(frame), "cases": len(diagnosed), "fit": fit, "seconds": seconds, "cpu": cpu}}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("workspace", help="a folder written by throughline-bench generate-log")
    parser.add_argument("--throughline", default=os.path.join(HERE, "..", ".build", "release", "throughline"))
    parser.add_argument("--sample", type=int, default=0, help="events of pm4py's token-based replay (whole cases; 0: the whole export)")
    parser.add_argument("--alignment-sample", type=int, default=100_000, help="events of pm4py's alignments (whole cases; 0: the whole export)")
    arguments = parser.parse_args()
    workspace = os.path.abspath(arguments.workspace)
    path = os.path.join(workspace, DATA)
    python = venv_python()
    with open(os.path.join(workspace, "lived-ground-truth.json")) as file:
        truth = json.load(file)
    events, cases = truth["rows"], truth["cases"]
    print(f"{path}: {events:,} rows, {cases:,} cases, ordered by {truth['order']}, {os.path.getsize(path) / 1e6:.0f} MB; {os.cpu_count()} cores")

    output = os.path.join(tempfile.gettempdir(), "throughline-conform-bench.json")
    wall, cpu, peak, _ = timed([os.path.abspath(arguments.throughline), "conform", "--format", "json", "--output", output], workspace)
    print(f"throughline conform         {wall:8.2f} s wall {cpu:8.2f} s CPU  {events / wall / 1e6:6.2f} M events/s  {peak:7.0f} MiB")
    with open(output) as file:
        report = json.load(file)
    found = sum(journey["cases"] for journey in report["journeys"])
    assert found == cases, f"conform found {found} cases, the ground truth {cases}"
    os.remove(output)

    wall_duck, cpu_duck, peak_duck, printed = timed([python, "-c", DUCKDB.format(path=path)], workspace)
    assert int(printed.strip()) == cases, f"DuckDB grouped {printed.strip()} cases"
    print(f"DuckDB GROUP BY case_id     {wall_duck:8.2f} s wall {cpu_duck:8.2f} s CPU  {events / wall_duck / 1e6:6.2f} M events/s  {peak_duck:7.0f} MiB")

    ratios = []
    for method, sample in (("token-based replay", arguments.sample), ("alignments", arguments.alignment_sample)):
        # The generator numbers cases P-00000000, P-00000001…: the smallest ids make a sample of whole cases.
        where = "" if sample <= 0 or sample >= events else f"WHERE case_id < 'P-{max(1, round(sample * cases / events)):08d}'"
        script = PM4PY.format(journey=JOURNEY, where=where, path=path, method="alignments" if method == "alignments" else "replay")
        _, _, peak_pm, printed = timed([python, "-c", script], workspace)
        result = json.loads(printed.strip().splitlines()[-1])
        whole = result["events"] == events
        scaled = result["seconds"] * events / result["events"]
        print(
            f"pm4py {method:<22}{result['seconds']:8.2f} s wall {result['cpu']:8.2f} s CPU on {result['events']:,} events of "
            f"{result['cases']:,} cases ({result['fit']:,} fit), {peak_pm:.0f} MiB"
            + ("" if whole else f"; scaled to {events:,} events: {scaled:.0f} s")
        )
        ratios.append(f"pm4py {method} ÷ conform: {scaled / wall:.0f} ×" + ("" if whole else " (scaled)"))
    print(f"conform ÷ DuckDB grouping: {wall / wall_duck:.2f} × by wall time, {cpu / cpu_duck:.2f} × by CPU; " + "; ".join(ratios))


if __name__ == "__main__":
    main()
