"""Readable Rich tables for the listing commands (entities, timeline, figures)."""
from __future__ import annotations

import json
import sys

from kemnaker_tui.model import Corpus


def console():
    """A Rich console; piped output gets a width wide enough for whole rows."""
    from rich.console import Console
    probe = Console()
    width = None if probe.is_terminal else 140
    return Console(soft_wrap=False, highlight=False, width=width)


def print_json(data) -> None:
    from kemnaker_tui.export import inert_json
    sys.stdout.write(inert_json(json.dumps(data, ensure_ascii=False, indent=1)) + "\n")


def safe(text: str | None) -> str:
    """Corpus text as inert table content: control characters shown, never sent."""
    if not text:
        return ""
    return "".join(ch if ch.isprintable() or ch == " " else f"\\x{ord(ch):02x}" for ch in text)


def inert(text: str | None) -> str:
    """Same length as ``text`` (highlight offsets stay valid): control characters as '\ufffd'."""
    if not text:
        return ""
    return "".join(ch if ch.isprintable() or ch == " " else "\ufffd" for ch in text)


def title_of(corpus: Corpus, key: str) -> str:
    try:
        return corpus.article(key).title
    except KeyError:
        return key


def drop_to_fit(console, table, droppable: list[str]) -> list[str]:
    """Remove columns (named in ``droppable``, first dropped first) until ``table``
    fits ``console`` without squeezing its no-wrap columns (ids, numbers, dates):
    a table drops a column before it breaks an id. Returns the headers dropped."""
    from rich.measure import Measurement
    dropped = []
    wide = console.options.update_width(10_000)     # measured unclamped: what the table needs
    for header in droppable:
        if Measurement.get(console, wide, table).minimum <= console.width:
            break
        for i, column in enumerate(table.columns):
            if str(column.header) == header:
                del table.columns[i]
                dropped.append(header)
                break
    return dropped


def print_table(table, droppable: list[str]) -> None:
    """Print ``table`` on the command's console, narrowed by ``drop_to_fit``."""
    out = console()
    dropped = drop_to_fit(out, table, droppable)
    if dropped:
        table.caption = f"(too narrow: {', '.join(dropped)} not shown)"
    out.print(table)


def why_text(fact) -> str:
    """A fact's evidence for ``--why``: '?' first when the rules are unsure, '✎' when
    you corrected it (both come in ``why``), the rule otherwise."""
    why = " ".join((getattr(fact, "why", "") or "").split())
    unsure = getattr(fact, "unsure", False)
    return ("? unsure — " if unsure else "") + (safe(why) or "(no reason recorded)")
