""".jsonl: one article per line, each a JSON object with a "text" field; a
broken line is reported and the rest load."""
from __future__ import annotations

import json

from kemnaker_tui.corpus.formats.base import FormatError
from kemnaker_tui.corpus.formats.fields import document_from_record
from kemnaker_tui.model import RawDocument


def read_jsonl(path: str, key: str, text: str, encoding: str) -> tuple[list[RawDocument], list[str]]:
    docs: list[RawDocument] = []
    problems: list[str] = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(f"line {lineno}: not JSON ({exc.msg})")
            continue
        except (ValueError, RecursionError) as exc:   # a 5,000-digit number, nesting 100,000 deep
            problems.append(f"line {lineno}: not usable JSON ({type(exc).__name__}: {str(exc)[:80]})")
            continue
        doc = document_from_record(obj, key=f"{key}#{lineno}", path=path, encoding=encoding) \
            if isinstance(obj, dict) else None
        if doc is None:
            problems.append(f"line {lineno}: no \"text\" field")
            continue
        docs.append(doc)
    if not docs and not problems:
        raise FormatError("empty file")
    if not docs:   # nothing usable: one report for the file, naming the first bad line
        more = f" (and {len(problems) - 1} more bad line{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        raise FormatError(f"no article in it: {problems[0]}{more}")
    return docs, problems
