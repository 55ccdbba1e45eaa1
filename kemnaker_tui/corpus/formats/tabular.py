""".csv with a header row, and .json holding an array of objects: the exports
of news-monitoring tools. Columns are found by name (see fields.py); a file
with no text column is reported with the columns it has."""
from __future__ import annotations

import csv
import io
import json

from kemnaker_tui.corpus.formats.base import FormatError
from kemnaker_tui.corpus.formats.fields import FIELD_NAMES, column_for, document_from_record
from kemnaker_tui.model import RawDocument

# A monitoring export's text cell may hold a whole article (tens of kB); the csv
# module's default cap is 128 kB a field — raised, but kept finite.
_FIELD_LIMIT = 8 * 1024 * 1024


def _sniff_dialect(sample: str):
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        return csv.excel


def read_csv(path: str, key: str, text: str, encoding: str) -> tuple[list[RawDocument], list[str]]:
    if not text.strip():
        raise FormatError("empty file")
    csv.field_size_limit(_FIELD_LIMIT)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), _sniff_dialect(first_line))
    try:
        header = next(reader)
    except csv.Error as exc:
        raise FormatError(f"not CSV ({exc})") from None
    header = [h.strip() for h in header]
    text_col = column_for("text", header)
    if text_col is None:
        shown = ", ".join(h for h in header if h)[:300] or "(none)"
        raise FormatError(f"no text column (looked for {', '.join(FIELD_NAMES['text'][:5])}…); "
                          f"columns found: {shown}")
    docs: list[RawDocument] = []
    problems: list[str] = []
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            problems.append(f"row {row_no + 1}: not CSV ({exc})")
            break
        row_no += 1
        if not any(cell.strip() for cell in row):
            continue
        record = {h: row[i] for i, h in enumerate(header) if i < len(row) and h}
        doc = document_from_record(record, key=f"{key}#{row_no}", path=path, encoding=encoding)
        if doc is None:
            problems.append(f"row {row_no}: empty \"{text_col}\" cell")
            continue
        docs.append(doc)
    if not docs:
        raise FormatError(f"no article in it: {problems[0]}" if problems else "no rows under the header")
    return docs, problems


def read_json_array(path: str, key: str, text: str, encoding: str) -> tuple[list[RawDocument], list[str]]:
    if not text.strip():
        raise FormatError("empty file")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            from kemnaker_tui.corpus.formats.jsonl import read_jsonl
            return read_jsonl(path, key, text, encoding)       # JSON lines under a .json name
        raise FormatError(f"not JSON ({exc.msg}, line {exc.lineno})") from None
    except (ValueError, RecursionError) as exc:
        raise FormatError(f"not usable JSON ({type(exc).__name__})") from None
    if isinstance(data, dict):
        # {"articles": [...]} / {"data": [...]}: the one list of objects inside
        lists = [v for v in data.values() if isinstance(v, list) and v and all(isinstance(x, dict) for x in v)]
        if len(lists) == 1:
            data = lists[0]
        elif document_from_record(data, key=key, path=path, encoding=encoding) is not None:
            data = [data]
    if not isinstance(data, list):
        raise FormatError("not an array of articles (a JSON array of objects with a text field)")
    docs: list[RawDocument] = []
    problems: list[str] = []
    columns: set[str] = set()
    for n, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            problems.append(f"item {n}: not an object")
            continue
        columns.update(map(str, item))
        doc = document_from_record(item, key=f"{key}#{n}", path=path, encoding=encoding)
        if doc is None:
            problems.append(f"item {n}: no text field")
            continue
        docs.append(doc)
    if not docs:
        if columns:
            raise FormatError(f"no text field (looked for {', '.join(FIELD_NAMES['text'][:5])}…); "
                              f"fields found: {', '.join(sorted(columns))[:300]}")
        raise FormatError("no article in it" + (f": {problems[0]}" if problems else " (empty array)"))
    return docs, problems
