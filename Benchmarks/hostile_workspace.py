#!/usr/bin/env python3
"""Writes a hostile workspace: a brand whose markers all fail everywhere.

One brand with --markers expectation markers (each asks for a warm tone,
under a name of its own, so that no two gaps share a message) and
--segments segments, and one journey of --touchpoints touchpoints that
all plan a neutral tone. Every marker fails at every touchpoint for every
segment: markers × touchpoints × segments gaps, from a few hundred KB of
files. With one touchpoint, every gap is at one place: what the text
format groups by place; with many, the millions of gaps that --max-gaps
cuts.

    python3 Benchmarks/hostile_workspace.py --markers 20000 --output /tmp/hostile-20k
    /usr/bin/time -v .build/release/throughline check /tmp/hostile-20k > /dev/null
    python3 Benchmarks/hostile_workspace.py --markers 1000 --segments 20 --touchpoints 200 --output /tmp/hostile-4m
    /usr/bin/time -v .build/release/throughline check /tmp/hostile-4m --format json --output /tmp/out.json

The files are written from the arguments alone, so the same arguments give
the same bytes.
"""

import argparse
import os


def brand(markers, segments):
    lines = [
        "{",
        '  "brand": "hostile",',
        '  "channels": { "web": { "kind": "digital" } },',
        '  "segments": {',
        ",\n".join(f'    "s{index:05d}": {{ "name": "Segment {index}" }}' for index in range(segments)),
        "  },",
        '  "stages": ["discover"],',
        '  "attributes": { "tone": { "type": "enum", "values": ["warm", "neutral"] } },',
        '  "markers": [',
        ",\n".join(
            f'    {{ "id": "m{index:06d}", "name": "Promise number {index}", "severity": "warning", "expect": {{ "tone": "warm" }} }}'
            for index in range(markers)
        ),
        "  ]",
        "}",
        "",
    ]
    return "\n".join(lines)


def journey(touchpoints):
    lines = [
        "{",
        '  "journey": "everywhere",',
        '  "brand": "hostile",',
        '  "touchpoints": [',
        ",\n".join(
            f'    {{ "id": "t{index:06d}", "stage": "discover", "channel": "web", "experience": {{ "tone": "neutral" }} }}'
            for index in range(touchpoints)
        ),
        "  ]",
        "}",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--markers", type=int, default=20000)
    parser.add_argument("--segments", type=int, default=1)
    parser.add_argument("--touchpoints", type=int, default=1)
    parser.add_argument("--output", required=True, help="the folder to write Brands/ and Journeys/ in")
    arguments = parser.parse_args()
    os.makedirs(os.path.join(arguments.output, "Brands"), exist_ok=True)
    os.makedirs(os.path.join(arguments.output, "Journeys"), exist_ok=True)
    with open(os.path.join(arguments.output, "Brands", "hostile.brand.jsonc"), "w", encoding="utf-8") as file:
        file.write(brand(arguments.markers, arguments.segments))
    with open(os.path.join(arguments.output, "Journeys", "everywhere.journey.jsonc"), "w", encoding="utf-8") as file:
        file.write(journey(arguments.touchpoints))
    gaps = arguments.markers * arguments.touchpoints * arguments.segments
    print(f"wrote {arguments.output}: {arguments.markers} markers, {arguments.segments} segments, "
          f"{arguments.touchpoints} touchpoints: {gaps} gaps")


if __name__ == "__main__":
    main()
