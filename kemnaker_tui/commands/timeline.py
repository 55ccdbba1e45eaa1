"""`kemnaker-tui timeline [PATH...]`: meetings in date order."""
from __future__ import annotations

import argparse
import datetime as dt

from kemnaker_tui.commands.common import add_json, add_paths, add_why, exit_code, load_finished


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)
    add_why(parser)


def timeline_order(corpus):
    """Meetings by event date; undated ones placed by their article's publication date."""
    def when(m):
        if m.date:
            return (m.date, 0)
        published = corpus.article(m.article).published
        return (published or dt.date.max, 1)
    return sorted(corpus.meetings, key=when)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.analysis.crossref import group_meetings
    from kemnaker_tui.commands.tables import console, print_json, safe, title_of, why_text
    from kemnaker_tui.export import meeting_dict

    finished = load_finished(args)
    corpus = finished.corpus
    meetings = timeline_order(corpus)
    groups = group_meetings(meetings, finished.meeting_links, {a.key: a.published for a in corpus.articles})
    same = {m.id: g for g in groups for m in g.items}
    if args.json:
        print_json([meeting_dict(m) | {"same_event_as": [x for x in same[m.id].ids if x != m.id]}
                    for m in meetings])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(groups)} meetings ({len(meetings)} tellings)", expand=False)
    table.add_column("date", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("place", overflow="fold", min_width=10, max_width=24)
    table.add_column("participants", overflow="fold", min_width=18, ratio=1)
    table.add_column("source", overflow="ellipsis", no_wrap=True, min_width=12, max_width=28)
    table.add_column("id", no_wrap=True)
    if args.why:
        table.add_column("why", overflow="fold", max_width=50)
    for g in groups:          # one event told by several articles: listed once, "3 sources"
        m = g.first
        if m.date:
            date = m.date.isoformat() + (" ~year" if m.year_inferred else "")
        else:
            published = corpus.article(m.article).published
            date = f"{published.isoformat()} pub." if published else "undated"
        article = corpus.article(m.article)
        source = " · ".join(x for x in (article.outlet, article.title) if x)
        if g.sources > 1:
            source = f"{g.sources} sources: " + source
        why = (Text(why_text(m)),) if args.why else ()
        table.add_row(date, m.kind, Text(safe(m.place)), Text(safe(", ".join(m.participants))),
                      Text(safe(source)), m.id, *why)
    console().print(table)
    return exit_code(corpus)
