"""Filters the listing commands share: --from/--to dates, --person/--org names.

A name matches an entity through any of its names (exact, else a word that
begins with it, else a close fuzzy match), so ``--person anwar`` and
``--person "Anwar Sanusy"`` find Anwar Sanusi.
"""
from __future__ import annotations

import argparse
import datetime as dt
import re

from kemnaker_tui.model import Corpus


def date_bound(text: str, end: bool) -> dt.date:
    """``2024``, ``2024-03`` or ``2024-03-05`` as the first (or last, ``end``) day it covers."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", text.strip())
    if not m:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use 2024, 2024-03 or 2024-03-05)")
    year, month, day = int(m.group(1)), m.group(2), m.group(3)
    try:
        if day:
            return dt.date(year, int(month), int(day))
        if month:
            first = dt.date(year, int(month), 1)
            if not end:
                return first
            return dt.date(year + (first.month == 12), first.month % 12 + 1, 1) - dt.timedelta(days=1)
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} ({exc})") from None


def add_date_range(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--from", dest="date_from", metavar="DATE", type=lambda t: date_bound(t, False),
                        help=f"only {what} on or after DATE (2024, 2024-03, 2024-03-05)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", type=lambda t: date_bound(t, True),
                        help=f"only {what} on or before DATE (2024 means to the end of 2024)")


def in_range(date: dt.date | None, args: argparse.Namespace) -> bool:
    """Whether ``date`` passes --from/--to; an undated item passes only when neither is given."""
    start, end = getattr(args, "date_from", None), getattr(args, "date_to", None)
    if start is None and end is None:
        return True
    if date is None:
        return False
    return (start is None or date >= start) and (end is None or date <= end)


def match_entities(corpus: Corpus, name: str, types: tuple[str, ...]) -> set[str]:
    """Ids of the entities of ``types`` that ``name`` names."""
    folded = " ".join(name.casefold().split())
    candidates = [e for e in corpus.entities if e.type in types]
    exact = {e.id for e in candidates if any(n.casefold() == folded for n in e.all_names)}
    if exact:
        return exact
    begins = {e.id for e in candidates
              if any(n.casefold().startswith(folded) or any(w.startswith(folded) for w in n.casefold().split())
                     for n in e.all_names)}
    if begins:
        return begins
    from rapidfuzz import fuzz, process, utils
    choices = {(e.id, n): n for e in candidates for n in e.all_names}
    found = process.extract(name, choices, scorer=fuzz.WRatio, processor=utils.default_process,
                            score_cutoff=85, limit=None)
    return {key[0] for _n, _s, key in found}


def names_of(corpus: Corpus, ids: set[str]) -> set[str]:
    out = set()
    for i in ids:
        e = corpus.entity(i)
        if e is not None:
            out.update(e.all_names)
    return out
