#!/usr/bin/env python3
"""Times Python's orjson and json parsing the JSON of a generated workspace.

The bytes are those `throughline-bench run` gives Foundation: every *.jsonc
file under the folder with comments and trailing commas removed beforehand
(outside the timing). Each parser reads every file once per run, on one
thread; the best of --repeat runs is reported, as Markdown.

    throughline-bench generate --journeys 460 --output /tmp/ws
    python3 Benchmarks/orjson_parse.py /tmp/ws --repeat 5
"""

import argparse
import json
import os
import platform
import re
import sys
import time

try:
    import orjson
except ImportError:  # the json figure is still worth printing
    orjson = None

# A string (kept as is), or a comment (dropped).
_COMMENT = re.compile(rb'("(?:\\.|[^"\\])*")|//[^\n]*|/\*[\s\S]*?\*/')
# A string (kept as is), or a comma followed by only whitespace and a closing bracket (dropped).
_TRAILING_COMMA = re.compile(rb'("(?:\\.|[^"\\])*")|,(?=\s*[}\]])')


def strict_json(data: bytes) -> bytes:
    """JSONC to strict JSON: comments and trailing commas removed, strings untouched."""
    keep_strings = lambda match: match.group(1) or b""
    return _TRAILING_COMMA.sub(keep_strings, _COMMENT.sub(keep_strings, data))


def read_folder(folder: str) -> tuple[list[bytes], int]:
    """The stripped documents, and the size of the JSONC files they came from."""
    paths = []
    for root, _dirs, names in os.walk(folder):
        paths += [os.path.join(root, name) for name in names if name.endswith(".jsonc")]
    if not paths:
        sys.exit(f"no *.jsonc file under {folder}")
    documents = []
    original = 0
    for path in sorted(paths):
        with open(path, "rb") as handle:
            data = handle.read()
        original += len(data)
        documents.append(strict_json(data))
    return documents, original


def best_of(repeat: int, parse, documents: list[bytes]) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        parsed = [parse(document) for document in documents]
        elapsed = time.perf_counter() - start
        del parsed  # freed after the clock stops, like the Swift bench
        best = min(best, elapsed)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", help="a folder written by `throughline-bench generate --output`")
    parser.add_argument("--repeat", type=int, default=5, help="runs per parser; the best is reported (default 5)")
    arguments = parser.parse_args()

    documents, original = read_folder(arguments.folder)
    stripped = sum(len(document) for document in documents) / 1_048_576
    # MB/s counts the JSONC input, as `throughline-bench run` does for every step.
    megabytes = original / 1_048_576
    for document in documents:  # the stripped bytes must be valid JSON
        json.loads(document)

    parsers = [("json (stdlib)", json.loads)]
    if orjson is not None:
        parsers.insert(0, (f"orjson {orjson.__version__}", orjson.loads))
    print(f"Python {platform.python_version()}, {len(documents)} files: {megabytes:.1f} MB of JSONC, "
          f"{stripped:.1f} MB once comments and trailing commas are stripped (beforehand, untimed); "
          f"one thread, best of {arguments.repeat}. MB/s counts the JSONC input, like `throughline-bench run`.\n")
    print("| parser | MB | time (ms) | MB/s |")
    print("| :--- | ---: | ---: | ---: |")
    for name, parse in parsers:
        seconds = best_of(arguments.repeat, parse, documents)
        print(f"| {name} | {megabytes:.1f} | {seconds * 1000:.0f} | {megabytes / seconds:.1f} |")
    if orjson is None:
        print("\n(orjson is not installed: pip install orjson)")


if __name__ == "__main__":
    main()
