"""Readable Rich tables for the listing commands (entities, timeline, figures)."""
from __future__ import annotations

import json
import sys

from kemnaker_tui.model import Corpus


def console():
    from rich.console import Console
    return Console(soft_wrap=False, highlight=False)


def print_json(data) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def safe(text: str | None) -> str:
    """Corpus text as inert table content: control characters shown, never sent."""
    if not text:
        return ""
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)


def title_of(corpus: Corpus, key: str) -> str:
    try:
        return corpus.article(key).title
    except KeyError:
        return key
