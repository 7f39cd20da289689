#!/bin/sh
# The review beside conform on a generated 10,000,000-event export:
# Benchmarks/review/run.sh [FOLDER]  (after swift build -c release).
# Copies Maison Aurèle into FOLDER, gives care-and-repair's KPIs measures,
# generates the export and times both commands with /usr/bin/time.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
folder=${1:-/tmp/bws}
bin=$root/.build/release
rm -rf "$folder"
mkdir -p "$folder/Observations/maison-aurele" "$folder/Journeys" "$folder/Brands"
cp "$root/Brands/aurele-group.charter.jsonc" "$root/Brands/maison-aurele.brand.jsonc" "$folder/Brands/"
cp -r "$root/Journeys/maison-aurele" "$folder/Journeys/"
cp "$root/Benchmarks/review/events.source.jsonc" "$folder/Observations/maison-aurele/"
python3 - "$folder/Journeys/maison-aurele/care-and-repair.journey.jsonc" <<'PY'
import sys
path = sys.argv[1]
text = open(path).read()
text = text.replace('"target": "80%" },', '''"target": "80%",
        "measure": { "count": "cases", "per": "P1W", "by": "owner" }, "objective": { "atLeast": 900 } },
      { "name": "Touchpoints lived", "kind": "quantitative", "measure": { "count": "touchpoints", "per": "P1M", "by": "owner" } },
      { "name": "Reaching loyalty", "kind": "quantitative", "measure": { "rate": "conversion", "to": "loyalty", "by": "owner" } },
      { "name": "Formal address", "kind": "qualitative", "measure": { "rate": "marker", "marker": "formal-address" } },''', 1)
text = text.replace('"target": 3 },', '"target": 3, "measure": { "duration": "p90" } },', 1)
open(path, "w").write(text)
PY
"$bin/throughline-bench" generate-export --events 10000000 --output "$folder/Observations/maison-aurele/events.csv"
cd "$folder"
"$bin/throughline" review --period 2026-Q2 Brands Journeys Observations > /dev/null   # warm-up
/usr/bin/time -f "conform: %e s wall, %U s user, %M KB peak" "$bin/throughline" conform Brands Journeys Observations > /dev/null
/usr/bin/time -f "review: %e s wall, %U s user, %M KB peak" "$bin/throughline" review --period 2026-Q2 Brands Journeys Observations > /dev/null
