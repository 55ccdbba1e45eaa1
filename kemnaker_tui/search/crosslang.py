"""Words of the field in the other language (``data/crosslang.txt``): a search
for "meeting" also finds "pertemuan", ranked below the word as typed.

The file holds one group a line, ``english words = indonesian words``; every
word of a line translates every word on the other side. No UI imports.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def parse(text: str) -> dict[str, frozenset[str]]:
    """word -> the words of the other language it translates to."""
    out: dict[str, set[str]] = {}
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if "=" not in line:
            continue
        left, _, right = line.partition("=")
        en, idn = left.split(), right.split()
        for a in en:
            out.setdefault(a, set()).update(w for w in idn if w != a)
        for b in idn:
            out.setdefault(b, set()).update(w for w in en if w != b)
    return {w: frozenset(ts) for w, ts in out.items() if ts}


@lru_cache(maxsize=1)
def translations() -> dict[str, frozenset[str]]:
    text = resources.files("kemnaker_tui.search").joinpath("data/crosslang.txt").read_text(encoding="utf-8")
    return parse(text)
