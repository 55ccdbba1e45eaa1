"""One reader per file format. Each turns a file's text into RawDocuments.

To support a new format, write a function ``(path, key, text, encoding) ->
list[RawDocument]`` and register it in ``READERS`` under its suffixes.
"""
from __future__ import annotations

import json
from collections.abc import Callable

from kemnaker_tui.model import RawDocument


class FormatError(ValueError):
    """The file's content does not follow its format; the message says where."""


def read_plain(path: str, key: str, text: str, encoding: str) -> list[RawDocument]:
    """.txt / .md: one article per file."""
    if not text.strip():
        raise FormatError("empty file")
    return [RawDocument(key=key, path=path, text=text, encoding=encoding)]


def read_jsonl(path: str, key: str, text: str, encoding: str) -> tuple[list[RawDocument], list[str]]:
    """.jsonl: one article per line; a broken line is reported, the rest load."""
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
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            problems.append(f"line {lineno}: no \"text\" field")
            continue

        def opt(name: str) -> str | None:
            value = obj.get(name)
            return value if isinstance(value, str) and value.strip() else None

        docs.append(RawDocument(
            key=f"{key}#{lineno}", path=path, text=obj["text"], encoding=encoding,
            title=opt("title"), url=opt("url"), published=opt("published"), outlet=opt("outlet"),
        ))
    if not docs and not problems:
        raise FormatError("empty file")
    if not docs:   # nothing usable: one report for the file, naming the first bad line
        more = f" (and {len(problems) - 1} more bad line{'s' if len(problems) > 2 else ''})" if len(problems) > 1 else ""
        raise FormatError(f"no article in it: {problems[0]}{more}")
    return docs, problems


Reader = Callable[..., object]
READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".md": read_plain,
    ".markdown": read_plain,
    ".jsonl": read_jsonl,
}

# The largest file each format reads, in bytes. One article in a file is never
# this big (a bigger .txt is a dump, not an article); a collection format holds
# a whole corpus (100,000 articles in JSON lines are ~300 MB), so its limit is
# what memory allows rather than what an article is.
ARTICLE_FILE_LIMIT = 256 * 1024 * 1024
SIZE_LIMITS: dict[str, int] = {".jsonl": 4 * 1024 * 1024 * 1024}
