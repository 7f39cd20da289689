#!/usr/bin/env python3
"""Renders the bundled examples' audit report in headless Chromium and checks
what a director would see: one swimlane per journey of each segment with one
box per touchpoint the segment goes through, each segment's status (those with
open error-level gaps never shown as fine), the heat map cells, the top
actions, the comparison section with --compare, and the printed pages: A4, at
most eight, the headlines first and each segment opening a page of its own.

Usage: check-report.py THROUGHLINE CHROMIUM OUTPUT_FOLDER
Writes report.html, report-compare.html, screenshot.png, phone.png and
report.pdf into OUTPUT_FOLDER, for people to look at. Exits 1 on a failed check.
"""
import html.parser
import json
import os
import subprocess
import sys

MAX_PAGES = 8
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


def run(command, **kwargs):
    return subprocess.run(command, check=True, capture_output=True, text=True, timeout=180, **kwargs)


class Page(html.parser.HTMLParser):
    """The parts of the rendered DOM the checks read, by data attributes."""

    def __init__(self):
        super().__init__()
        self.segments = []          # {label, status, swimlanes: [{journey, boxes: [...]}]}
        self.standings = []         # (segment, status) in the brand headlines
        self.cells = []             # heat map cells' statuses
        self.top_actions = 0
        self.comparison = False
        self.changes = []
        self.inside_actions = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "section" and "segment" in classes:
            self.segments.append({"label": attrs.get("data-segment"), "status": attrs.get("data-status"), "swimlanes": []})
        elif tag == "section" and "comparison" in classes:
            self.comparison = True
        elif tag == "tr" and "data-status" in attrs and "data-segment" in attrs:
            self.standings.append((attrs["data-segment"], attrs["data-status"]))
        elif tag == "tr" and self.comparison and "data-segment" in attrs:
            self.changes.append(attrs["data-segment"])
        elif tag == "figure" and "journey" in classes and self.segments:
            self.segments[-1]["swimlanes"].append({"journey": attrs.get("data-journey"), "svg": 0, "boxes": []})
        elif tag == "svg" and "swimlane" in classes and self.segments:
            self.segments[-1]["swimlanes"][-1]["svg"] += 1
            self.segments[-1]["swimlanes"][-1]["declared"] = int(attrs.get("data-touchpoints", "-1"))
        elif tag == "g" and "touchpoint" in classes and self.segments:
            self.segments[-1]["swimlanes"][-1]["boxes"].append(attrs.get("data-touchpoint"))
        elif tag == "td" and "cell" in classes and "data-status" in attrs:
            self.cells.append(attrs["data-status"])
        elif tag == "ol" and "top-actions" in classes:
            self.inside_actions = True
        elif tag == "li" and self.inside_actions:
            self.top_actions += 1

    def handle_endtag(self, tag):
        if tag == "ol":
            self.inside_actions = False


def dump_dom(chromium, path):
    result = run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://" + path])
    page = Page()
    page.feed(result.stdout)
    return page, result.stdout


def main():
    throughline, chromium, out = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    os.makedirs(out, exist_ok=True)
    report, compared, previous = (os.path.join(out, name) for name in ("report.html", "report-compare.html", "previous.json"))
    date = ["--date", "2026-09-30"]
    run([throughline, "audit", "--format", "html", "--output", report] + date)
    audit = json.loads(run([throughline, "audit", "--format", "json"] + date).stdout)
    # The previous audit: the premium segment alone, so the others show as new.
    run([throughline, "audit", "--format", "json", "--segment", "premium", "--date", "2026-06-30", "--output", previous])
    run([throughline, "audit", "--format", "html", "--compare", previous, "--output", compared] + date)

    page, dom = dump_dom(chromium, report)
    check("<script" not in dom, "the rendered page holds a script element")
    expected = {f"{s['brand']}/{s['segment']}": s for s in audit["segments"]}
    check([s["label"] for s in page.segments] == list(expected), f"segments in the page: {[s['label'] for s in page.segments]}")
    for segment in page.segments:
        truth = expected.get(segment["label"])
        if truth is None:
            continue
        journeys = truth["journeys"]
        check(len(segment["swimlanes"]) == len(journeys), f"{segment['label']}: {len(segment['swimlanes'])} swimlanes for {len(journeys)} journeys")
        for lane, journey in zip(segment["swimlanes"], journeys):
            check(lane["svg"] == 1, f"{segment['label']}/{journey['journey']}: {lane['svg']} swimlane drawings")
            check(lane["boxes"] == journey["touchpoints"],
                  f"{segment['label']}/{journey['journey']}: boxes {lane['boxes']} for touchpoints {journey['touchpoints']}")
        has_errors = any(gap["severity"] == "error" for gap in truth["gaps"])
        check(segment["status"] == truth["status"], f"{segment['label']}: status {segment['status']}, the audit says {truth['status']}")
        if has_errors:
            check(segment["status"] == "broken", f"{segment['label']} has open error-level gaps but shows as {segment['status']}")
    broken = sorted(s["label"] for s in page.segments if s["status"] == "broken")
    check(broken == ["maison-aurele/premium", "maison-aurele/regulars", "zignature/mid-market"], f"broken segments: {broken}")
    check(all(status != "kept" for label, status in page.standings if label in ("premium", "regulars", "mid-market")),
          f"a segment with error gaps reads as fine in a headline: {page.standings}")
    cells = sum(1 for s in audit["segments"] for row in s["matrix"]["rows"] for score in row["scores"] if score is not None)
    check(len(page.cells) == cells, f"{len(page.cells)} heat map cells shown, {cells} in the audit")
    check(page.top_actions == sum(min(len(b["topActions"]), 5) for b in audit["brands"]), f"{page.top_actions} top actions")
    check(not page.comparison, "a comparison section without --compare")

    compare_page, _ = dump_dom(chromium, compared)
    check(compare_page.comparison, "no comparison section with --compare")
    check(len(compare_page.changes) == len(audit["segments"]), f"comparison rows: {compare_page.changes}")

    shot = os.path.join(out, "screenshot.png")
    run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,2400",
         "--screenshot=" + shot, "file://" + report])
    phone = os.path.join(out, "phone.png")
    run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=390,1800",
         "--screenshot=" + phone, "file://" + report])
    check(os.path.getsize(shot) > 10_000 and os.path.getsize(phone) > 10_000, "screenshots are empty")

    pdf = os.path.join(out, "report.pdf")
    run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + report])
    info = run(["pdfinfo", pdf]).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    check(0 < pages <= MAX_PAGES, f"the bundled examples print on {pages} A4 pages, more than {MAX_PAGES}")
    check("(A4)" in info, "the PDF's pages are not A4")
    # The brands' headlines on the first page; each segment opens a page of its own.
    texts = [run(["pdftotext", "-layout", "-f", str(n), "-l", str(n), pdf, "-"]).stdout for n in range(1, pages + 1)]
    brand_names = {b["brand"]: b["name"] for b in audit["brands"]}
    check(all(b["name"] in texts[0] for b in audit["brands"]) and "TOP ACTIONS ACROSS SEGMENTS" in texts[0].upper(),
          "the first printed page does not hold every brand's headline")
    opened = []
    for s in audit["segments"]:
        title = f"{brand_names.get(s['brand'], s['brand'])} · {s['name']}"
        first = next((n for n, text in enumerate(texts) if text.lstrip().startswith(title)), None)
        check(first is not None, f"no printed page opens with {title}")
        opened.append(first)
    check(len(set(opened)) == len(opened), f"segments share a printed page: {opened}")

    if failures:
        for failure in failures:
            print(f"browser check failed: {failure}", file=sys.stderr)
        return 1
    print(f"browser: {len(page.segments)} segments, {sum(len(s['swimlanes']) for s in page.segments)} swimlanes, "
          f"{len(page.cells)} heat map cells, {page.top_actions} top actions, comparison shown, {pages} printed pages; files in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
