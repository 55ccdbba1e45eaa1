"""`kemnaker-tui timeline [PATH...]`: meetings in date order."""
from __future__ import annotations

import argparse
import datetime as dt

from kemnaker_tui.commands.common import add_json, add_paths, exit_code, load_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)


def timeline_order(corpus):
    """Meetings by event date; undated ones placed by their article's publication date."""
    def when(m):
        if m.date:
            return (m.date, 0)
        published = corpus.article(m.article).published
        return (published or dt.date.max, 1)
    return sorted(corpus.meetings, key=when)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.commands.tables import console, print_json, safe, title_of
    from kemnaker_tui.export import meeting_dict

    corpus = load_corpus(args)
    meetings = timeline_order(corpus)
    if args.json:
        print_json([meeting_dict(m) for m in meetings])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(meetings)} meetings", expand=False)
    for col in ("date", "kind", "place", "participants", "article", "id"):
        table.add_column(col, overflow="fold")
    for m in meetings:
        if m.date:
            date = m.date.isoformat() + (" (year inferred)" if m.year_inferred else "")
        else:
            published = corpus.article(m.article).published
            date = f"~{published.isoformat()} (published)" if published else "undated"
        table.add_row(date, m.kind, Text(safe(m.place)), Text(safe(", ".join(m.participants))),
                      Text(safe(title_of(corpus, m.article))), m.id)
    console().print(table)
    return exit_code(corpus)
