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
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("place", overflow="fold", min_width=10, max_width=24)
    table.add_column("participants", overflow="fold", min_width=18, ratio=1)
    table.add_column("source", overflow="ellipsis", no_wrap=True, min_width=12, max_width=28)
    table.add_column("id", no_wrap=True)
    for m in meetings:
        if m.date:
            date = m.date.isoformat() + (" ~year" if m.year_inferred else "")
        else:
            published = corpus.article(m.article).published
            date = f"{published.isoformat()} pub." if published else "undated"
        article = corpus.article(m.article)
        source = " · ".join(x for x in (article.outlet, article.title) if x)
        table.add_row(date, m.kind, Text(safe(m.place)), Text(safe(", ".join(m.participants))),
                      Text(safe(source)), m.id)
    console().print(table)
    return exit_code(corpus)
