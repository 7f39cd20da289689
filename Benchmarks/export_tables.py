"""How conform_sql.py (DuckDB) and spark_conform.py (Spark) read an export
into the table the emitted script expects: the export's columns as text and
_row, a number that orders the rows as the export did. One reading for both
engines, so they skip the same rows conform skips.
"""
import json


def is_json_lines(path):
    """A source's JSON Lines export, as the scripts' --export names it."""
    return path.endswith(".jsonl")


def separator_character(word):
    """A source's separator as a character: the word tab, or the character itself (default ,)."""
    if word is None:
        return ","
    return "\t" if word == "tab" else word


def json_text(value):
    """A JSON value as text: strings decoded, other values as JSON writes them, null as no value."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


def json_lines(path):
    """The columns (every key of the file's objects, first seen first) and the rows, each its
    values as text and its line's number last; a line that is not one JSON object is left
    out, as conform skips it."""
    records, keys = [], {}
    with open(path, encoding="utf-8") as export:
        for number, line in enumerate(export, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if not isinstance(record, dict):
                continue
            keys.update(dict.fromkeys(record))
            records.append((record, number))
    columns = list(keys)
    return columns, [[json_text(record.get(key)) for key in columns] + [number] for record, number in records]
