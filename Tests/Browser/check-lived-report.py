#!/usr/bin/env python3
"""Renders the bundled exports' lived report (`conform --format html`) in
headless Chromium and checks what a director would see: one section per
journey of conform's JSON, in its order; one box per planned touchpoint; a
count on an arrow for every lived flow, planned ones told from unplanned ones,
each count the JSON's; the missing and out-of-sequence touchpoints marked; no
count covering a box or another count (from the rendered SVG's geometry); and
the printed pages: A4, each journey opening a page of its own.

Usage: check-lived-report.py THROUGHLINE CHROMIUM OUTPUT_FOLDER
Writes lived.html, lived.png and lived.pdf into OUTPUT_FOLDER, for people to
look at. Exits 1 on a failed check.
"""
import html.parser
import json
import os
import subprocess
import sys

# Each journey opens a page and takes at most two; one more for the overview and the action plan.
PAGES_PER_JOURNEY = 2
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(command):
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=180)


def rect(attrs):
    return tuple(float(attrs.get(k, "0")) for k in ("x", "y", "width", "height"))


def overlaps(a, b):
    return a[0] < b[0] + b[2] and b[0] < a[0] + a[2] and a[1] < b[1] + b[3] and b[1] < a[1] + a[3]


class Page(html.parser.HTMLParser):
    """Sections, boxes and flow counts of the rendered DOM, by class and data attributes."""

    def __init__(self):
        super().__init__()
        self.journeys = []
        self.group = None        # ("box", touchpoint) or ("count", flow) being read
        self.text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "section" and "journey" in classes:
            self.journeys.append({"label": attrs.get("data-journey"), "boxes": [], "counts": [], "rects": []})
        elif not self.journeys:
            return
        elif tag == "g" and ("touchpoint" in classes or "ad-hoc" in classes):
            box = {"touchpoint": attrs.get("data-touchpoint"), "classes": classes, "rect": None}
            if "touchpoint" in classes:
                self.journeys[-1]["boxes"].append(box)
            self.group = ("box", box)
        elif tag == "g" and "flow-count" in classes:
            count = {"from": attrs.get("data-from"), "to": attrs.get("data-to"), "cases": int(attrs.get("data-cases", "-1")),
                     "planned": "planned" in classes, "rect": None, "text": ""}
            self.journeys[-1]["counts"].append(count)
            self.group = ("count", count)
        elif tag == "rect" and self.group and self.group[1]["rect"] is None:
            self.group[1]["rect"] = rect(attrs)
            self.journeys[-1]["rects"].append((self.group[0], self.group[1]))
        elif tag == "text" and self.group and self.group[0] == "count":
            self.text = ""

    def handle_data(self, data):
        if self.group and self.group[0] == "count":
            self.group[1]["text"] += data

    def handle_endtag(self, tag):
        if tag == "g":
            self.group = None


def text_line(text, label):
    """The second non-empty line of a printed page when it names the journey `label`, else None."""
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[1] if len(lines) > 1 and lines[1].lstrip().startswith(label + " ·") else None


def main():
    throughline, chromium, out = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    page_path = os.path.join(out, "lived.html")
    run([throughline, "conform", "--format", "html", "--output", page_path])
    report = json.loads(run([throughline, "conform", "--format", "json"]).stdout)

    dom = run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + page_path]).stdout
    check("<script" not in dom, "the rendered page holds a script element")
    page = Page()
    page.feed(dom)
    expected = [f"{j['brand']}/{j['segment']}/{j['journey']}" for j in report["journeys"]]
    check([j["label"] for j in page.journeys] == expected, f"journeys in the page: {[j['label'] for j in page.journeys]}")
    counts_seen = 0
    for shown, truth in zip(page.journeys, report["journeys"]):
        label = shown["label"]
        check([b["touchpoint"] for b in shown["boxes"]] == truth["plannedPath"], f"{label}: boxes {[b['touchpoint'] for b in shown['boxes']]}")
        for box, touchpoint in zip(shown["boxes"], truth["touchpoints"]):
            check(("missing" in box["classes"]) == (touchpoint["missing"] > 0), f"{label}/{touchpoint['touchpoint']}: missing mark")
            check(("out-of-sequence" in box["classes"]) == (touchpoint["outOfSequence"] > 0), f"{label}/{touchpoint['touchpoint']}: out-of-sequence mark")
        counts = {(c["from"], c["to"]): c for c in shown["counts"]}
        for flow in truth["flows"]:
            drawn = counts.get((flow["from"], flow["to"]))
            check(drawn is not None, f"{label}: no count on {flow['from']} → {flow['to']}")
            if drawn:
                check(drawn["cases"] == flow["cases"] and drawn["text"].strip() == str(flow["cases"]),
                      f"{label}: {flow['from']} → {flow['to']} shows {drawn['text']!r}, the JSON says {flow['cases']}")
                check(drawn["planned"] == flow["planned"], f"{label}: {flow['from']} → {flow['to']} drawn as planned={drawn['planned']}")
        lived = {(f["from"], f["to"]) for f in truth["flows"]}
        for key, count in counts.items():
            check(key in lived or (count["planned"] and count["cases"] == 0), f"{label}: a count on {key} the JSON has no flow for")
        counts_seen += len(counts)
        # No count covers a box or another count.
        rects = shown["rects"]
        for i, (kind, item) in enumerate(rects):
            for other_kind, other in rects[i + 1:]:
                if "count" in (kind, other_kind) and overlaps(item["rect"], other["rect"]):
                    failures.append(f"{label}: {kind} {item.get('touchpoint') or (item.get('from'), item.get('to'))} overlaps "
                                    f"{other_kind} {other.get('touchpoint') or (other.get('from'), other.get('to'))}")
        boxes = [b["rect"] for b in shown["boxes"]]
        for i, a in enumerate(boxes):
            check(not any(overlaps(a, b) for b in boxes[i + 1:]), f"{label}: two boxes overlap")

    shot = os.path.join(out, "lived.png")
    run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2400",
         "--screenshot=" + shot, "file://" + page_path])
    check(os.path.getsize(shot) > 10_000, "the screenshot is empty")
    pdf = os.path.join(out, "lived.pdf")
    run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + page_path])
    info = run(["pdfinfo", pdf]).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    check("(A4)" in info, "the PDF's pages are not A4")
    most = PAGES_PER_JOURNEY * len(report["journeys"]) + 1
    check(0 < pages <= most, f"the bundled lived report prints on {pages} pages, more than {most}")
    texts = [run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"]).stdout for n in range(1, pages + 1)]
    opened = []
    for journey in report["journeys"]:
        label = f"{journey['brand']}/{journey['segment']}/{journey['journey']}"
        # A journey's section starts a page: its heading, then the line that names it.
        first = next((n for n, text in enumerate(texts) if n > 0 and text_line(text, label)), None)
        check(first is not None, f"no printed page opens with {label}")
        opened.append(first)
    check(len(set(opened)) == len(opened), f"journeys share a printed page: {opened}")

    if failures:
        for failure in failures:
            print(f"lived browser check failed: {failure}", file=sys.stderr)
        return 1
    print(f"lived browser: {len(page.journeys)} journeys, {sum(len(j['boxes']) for j in page.journeys)} boxes, "
          f"{counts_seen} flow counts, none covering a box or another count, {pages} printed pages; files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
