#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzers (Python 3 standard library only).

    FuzzTesting/Seeds/jsonc/    every input the JSONC reader tests hand the reader,
                                plus the bundled brand, charter and journey files
    FuzzTesting/Seeds/loader/   the bundled brand, charter and journey files, and
                                small variants of them (minified, with a BOM,
                                CRLF line ends)
    FuzzTesting/Seeds/exports/  the bundled exports (CSV, TSV, JSON Lines), their
                                first rows, the same with a BOM and CRLF line
                                ends, and a small XES log

The reader tests write their inputs as Swift string literals ("...", #"..."#,
multi-line \"\"\"...\"\"\"), as `bytes: [0x5B, ...]` arrays, and as
`bytes("...\\u{FFFD}...", raw: [0xFF])` where raw bytes replace U+FFFD, and
as tables of raw UTF-8 sequences (`raw: [0xC0, 0x80]`), tried in a string, a
key and a comment. This script reads them all out of
Tests/JSONCReaderTests/*.swift; a literal that is not an input (a test name,
a message) costs nothing: libFuzzer keeps only inputs that reach new code.

Usage: python3 FuzzTesting/make-seeds.py   (from anywhere; rewrites Seeds/)
"""
import hashlib
import os
import re
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEEDS = os.path.join(HERE, "Seeds")


def unescape(body, raw):
    """The text of a Swift string literal body; None when it interpolates."""
    out = []
    i = 0
    escape = "\\" + "#" * raw
    while i < len(body):
        if body.startswith(escape, i):
            i += len(escape)
            c = body[i] if i < len(body) else ""
            if c == "(":
                return None  # interpolation: not a fixed input
            simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}
            if c in simple:
                out.append(simple[c])
                i += 1
            elif c == "u" and i + 1 < len(body) and body[i + 1] == "{":
                end = body.index("}", i)
                out.append(chr(int(body[i + 2:end], 16)))
                i = end + 1
            elif c == "\n":  # line continuation in a multi-line literal
                i += 1
            else:
                out.append(c)
                i += 1
        else:
            out.append(body[i])
            i += 1
    return "".join(out)


def dedent_multiline(body):
    """A multi-line literal's body: the indentation of its closing line removed."""
    lines = body.split("\n")
    indent = lines[-1] if lines[-1].strip() == "" else ""
    lines = lines[1:-1]
    return "\n".join(line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines)


LITERAL = re.compile(r'(?P<hashes>#*)(?P<quotes>"""|")')


def string_literals(source):
    """(start, end, text) of each string literal in Swift `source`."""
    i = 0
    while True:
        match = LITERAL.search(source, i)
        if not match:
            return
        hashes = len(match.group("hashes"))
        quotes = match.group("quotes")
        start = match.start()
        body_start = match.end()
        terminator = quotes + "#" * hashes
        j = body_start
        while True:
            k = source.find(terminator, j)
            if k < 0:
                return
            # An escaped quote (\" in a plain literal) does not end it.
            backslashes = 0
            while k - 1 - backslashes >= body_start and source[k - 1 - backslashes] == "\\":
                backslashes += 1
            if hashes == 0 and backslashes % 2 == 1:
                j = k + 1
                continue
            break
        body = source[body_start:k]
        end = k + len(terminator)
        if quotes == '"""':
            body = dedent_multiline(body)
        text = unescape(body, hashes)
        if text is not None:
            yield start, end, text
        i = end


BYTE_ARRAY = re.compile(r"bytes:\s*\[((?:\s*0x[0-9A-Fa-f]{1,2}\s*,?)+)\]")
RAW_ARRAY = re.compile(r"raw:\s*\[((?:\s*0x[0-9A-Fa-f]{1,2}\s*,?)+)\]")
SPLICE = re.compile(r"\s*,\s*raw:\s*\[((?:\s*0x[0-9A-Fa-f]{1,2}\s*,?)+)\]")


def parse_bytes(listing):
    return bytes(int(x, 16) for x in re.findall(r"0x[0-9A-Fa-f]{1,2}", listing))


def reader_test_inputs():
    folder = os.path.join(ROOT, "Tests", "JSONCReaderTests")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".swift"):
            continue
        source = open(os.path.join(folder, name), encoding="utf-8").read()
        for start, end, text in string_literals(source):
            data = text.encode("utf-8", "surrogatepass")
            # bytes("...\u{FFFD}...", raw: [0xFF]): splice the raw bytes in.
            splice = SPLICE.match(source, end)
            if splice and "\ufffd" in text:
                raw = parse_bytes(splice.group(1))
                data = b"".join(part.encode("utf-8") + (raw if k < text.count("\ufffd") else b"")
                                for k, part in enumerate(text.split("\ufffd")))
            yield data
        for match in BYTE_ARRAY.finditer(source):
            yield parse_bytes(match.group(1))
        # Tables of raw sequences (`raw: [0xC0, 0x80]`): in a string, a key and a comment.
        for match in RAW_ARRAY.finditer(source):
            raw = parse_bytes(match.group(1))
            yield b'"' + raw + b'"'
            yield b'{"' + raw + b'": 1}'
            yield b"// " + raw + b"\n2"


def bundled_files():
    for folder in ("Brands", "Journeys"):
        for base, _, names in sorted(os.walk(os.path.join(ROOT, folder))):
            for name in sorted(names):
                if name.endswith(".jsonc"):
                    yield open(os.path.join(base, name), "rb").read()


def minified(data):
    """The file without comments and white space outside strings."""
    out = bytearray()
    i = 0
    in_string = False
    while i < len(data):
        c = data[i:i + 1]
        if in_string:
            out += c
            if c == b"\\":
                out += data[i + 1:i + 2]
                i += 1
            elif c == b'"':
                in_string = False
        elif c == b'"':
            in_string = True
            out += c
        elif data.startswith(b"//", i):
            i = data.find(b"\n", i)
            if i < 0:
                break
            continue
        elif data.startswith(b"/*", i):
            i = data.find(b"*/", i) + 1
        elif c not in b" \t\r\n":
            out += c
        i += 1
    return bytes(out)


# `throughline import` inventories in Maison Aurèle's vocabulary, and
# baselines: the loader fuzzer also reads its bytes as these.
INVENTORIES = [
    b"journey,touchpoint,name,stage,channel,segment,next,address,tone,personalisation,responseTime,signature,contextCarried,ritual,discount\n"
    b"first-visit,welcome,Welcome mail,discover,email,,visit,formal,warm,named,PT1H,The Aur\xc3\xa8le team,true,,\n"
    b"first-visit,welcome,,,,premium,,,,advisor,,,,welcome-tea,\n"
    b"first-visit,visit,\"Store visit, with \"\"tea\"\"\",choose,store,,welcome;call,formal,expert,named,,,true,,10\n"
    b"first-visit,call,,support,phone,,,formal,warm,named,PT2M,,true,care-call,\n",
    b"journey,touchpoint,stage,channel,tone\r\ncare,a,use,app,expert\r\ncare,b,support,chat,warm\r\n",
]
BASELINES = [
    b'{ "baseline": 1, "gaps": [ { "fingerprint": "0123456789abcdef", "marker": "formal-address" }, { "fingerprint": 7 }, {} ] }\n',
]


# Nesting at and around the reader's limit of 512 (the depth tests build
# theirs with String(repeating:), which the literal extraction cannot see).
DEEP = [
    b"[" * 512 + b"]" * 512,
    b"[" * 513 + b"]" * 513,
    b'{"a":' * 511 + b"1" + b"}" * 511,
    b'[{"k":' * 257 + b"null" + b"}]" * 257,
    b"[" * 600,
]

# `matches` patterns for the brand's text attributes: the loader compiles
# them, the checker runs them against the journeys' signatures.
PATTERNS = [r"^The Aur\u00e8le team$", r"(a+)+$", r"(?i)AUR[E\u00c8]LE", r"^[A-Z][a-z]+( [A-Z][a-z]+)*$",
            r"team|advisor|atelier", r"\\d{2,4}", r"[^x]*?", r"(", r"a{99999}", r"\\1", r"(?<=a)b", r"[z-a]"]


def pattern_variants(files):
    out = []
    for data in files:
        if b'"matches": "Aur\xc3\xa8le"' in data:
            for pattern in PATTERNS:
                out.append(data.replace(b'"matches": "Aur\xc3\xa8le"', b'"matches": "' + pattern.encode() + b'"'))
    return out


XES = b"""<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <trace><string key="concept:name" value="T-1"/>
    <event><string key="concept:name" value="Chat SAV"/><date key="time:timestamp" value="2026-03-02T09:00:00Z"/><int key="delai" value="12"/></event>
    <event><string key="concept:name" value="Devis envoy&#233;"/><date key="time:timestamp" value="2026-03-02T10:00:00+01:00"/></event>
  </trace>
</log>
"""


def bundled_exports():
    """The bytes of every export under Observations/ (not the source files)."""
    folder = os.path.join(ROOT, "Observations")
    for brand in sorted(os.listdir(folder)):
        for name in sorted(os.listdir(os.path.join(folder, brand))):
            if not name.endswith(".jsonc"):
                with open(os.path.join(folder, brand, name), "rb") as handle:
                    yield handle.read()


def export_variants():
    out = [XES]
    for data in bundled_exports():
        head = b"\n".join(data.split(b"\n")[:6]) + b"\n"
        out += [data, head, b"\xef\xbb\xbf" + head, head.replace(b"\n", b"\r\n")]
    return out


def write(folder, inputs):
    path = os.path.join(SEEDS, folder)
    os.makedirs(path, exist_ok=True)
    count = 0
    for data in inputs:
        name = hashlib.sha1(data).hexdigest()
        target = os.path.join(path, name)
        if not os.path.exists(target):
            with open(target, "wb") as handle:
                handle.write(data)
            count += 1
    return count


def main():
    shutil.rmtree(SEEDS, ignore_errors=True)
    files = list(bundled_files())
    variants = []
    for data in files:
        variants += [data, minified(data), b"\xef\xbb\xbf" + data, data.replace(b"\n", b"\r\n")]
    jsonc = write("jsonc", list(reader_test_inputs()) + files + [minified(d) for d in files] + DEEP)
    loader = write("loader", variants + INVENTORIES + BASELINES + pattern_variants(files) + DEEP[:2])
    exports = write("exports", export_variants())
    write_dictionary(files)
    print(f"Seeds/jsonc: {jsonc} inputs, Seeds/loader: {loader} inputs, Seeds/exports: {exports} inputs, Seeds/throughline.dict")


def write_dictionary(files):
    """A libFuzzer dictionary: JSONC punctuation and the words of the file
    formats (keys, kinds, rule names) as they appear in the bundled files."""
    words = set()
    for data in files:
        for match in re.finditer(rb'"([A-Za-z$][A-Za-z0-9_.$-]{0,30})"', data):
            words.add(match.group(0))
    tokens = [b"{", b"}", b"[", b"]", b":", b",", b'"', b"//", b"/*", b"*/", b"\\u", b"true", b"false", b"null",
              b"-0", b"1e999999", b"12345678901234567890", b"\xef\xbb\xbf",
              # `matches` patterns
              b'"matches"', b"(a+)+$", b"^", b"$", b"(?i)", b"[a-z]", b"{2,5}", b"|", b"\\\\d", b"(?:", b".*",
              # exports: CSV quoting, JSON Lines, XES, ISO 8601 times
              b"\r\n", b'""', b";", b"\t", b"<trace>", b"</trace>", b"<event>", b"</event>", b'key="concept:name"',
              b'key="time:timestamp"', b"<date ", b"<string ", b"&amp;", b"&#", b"2026-03-02T09:00:00Z", b"+01:00", b".123Z"]
    with open(os.path.join(SEEDS, "throughline.dict"), "w") as handle:
        for token in tokens + sorted(words):
            # Backslash and quote escaped; other bytes outside printable ASCII as \xNN.
            text = "".join(
                "\\" + chr(byte) if byte in b'\\"' else chr(byte) if 0x20 <= byte < 0x7F else f"\\x{byte:02X}"
                for byte in token
            )
            handle.write(f'"{text}"\n')


if __name__ == "__main__":
    sys.exit(main())
