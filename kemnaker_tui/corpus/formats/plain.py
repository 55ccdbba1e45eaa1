""".txt / .md: one article per file, the text as it is."""
from __future__ import annotations

from kemnaker_tui.corpus.formats.base import FormatError
from kemnaker_tui.model import RawDocument


def read_plain(path: str, key: str, text: str, encoding: str) -> list[RawDocument]:
    if not text.strip():
        raise FormatError("empty file")
    return [RawDocument(key=key, path=path, text=text, encoding=encoding)]
