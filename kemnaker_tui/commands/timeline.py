"""`kemnaker-tui timeline [PATH...] [--from DATE] [--to DATE] [--person NAME] [--org NAME]`:
meetings in date order. A meeting without a date of its own is placed (and
filtered) by its article's publication date; with --from/--to, meetings with
neither are left out and counted on stderr."""
from __future__ import annotations

import argparse
import datetime as dt

from kemnaker_tui.commands.common import add_json, add_paths, add_why, exit_code, fail, load_finished
from kemnaker_tui.commands.filters import add_date_range, in_range, match_entities, names_of


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)
    add_why(parser)
    add_date_range(parser, "meetings")
    parser.add_argument("--person", metavar="NAME", help="only meetings this person took part in (fuzzy)")
    parser.add_argument("--org", metavar="NAME",
                        help="only meetings this organisation (or a programme) was a party to (fuzzy)")


def _involves(meeting, ids: set[str], names: set[str]) -> bool:
    return bool(ids.intersection(meeting.participant_ids)
                or names.intersection(meeting.participants) or names.intersection(meeting.organisations))


def select(corpus, args) -> tuple[list, int] | str:
    """(meetings in order, how many undated ones the date range left out), or a problem."""
    meetings = timeline_order(corpus)
    for option, types in (("person", ("person",)), ("org", ("organisation", "program"))):
        value = getattr(args, option, None)
        if not value:
            continue
        ids = match_entities(corpus, value, types)
        if not ids:
            return f"no {'person' if option == 'person' else 'organisation'} matches {value!r}"
        names = names_of(corpus, ids)
        meetings = [m for m in meetings if _involves(m, ids, names)]
    undated = 0
    kept = []
    for m in meetings:
        date = m.date or corpus.article(m.article).published
        if in_range(date, args):
            kept.append(m)
        elif date is None:
            undated += 1
    return kept, undated


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
    from kemnaker_tui.commands.tables import print_json, print_table, safe, why_text
    from kemnaker_tui.export import meeting_dict

    finished = load_finished(args)
    corpus = finished.corpus
    chosen = select(corpus, args)
    if isinstance(chosen, str):
        return fail(chosen)
    meetings, undated = chosen
    if undated:
        import sys
        print(f"kemnaker-tui: {undated} undated meeting{'s' if undated != 1 else ''} left out by --from/--to",
              file=sys.stderr)
    shown = {m.id for m in meetings}          # the user's merges among the meetings kept by the filters
    links = [(a, b) for a, b in finished.meeting_links if a in shown and b in shown]
    groups = group_meetings(meetings, links, {a.key: a.published for a in corpus.articles})
    same = {m.id: g for g in groups for m in g.items}
    if args.json:
        print_json([meeting_dict(m) | {"same_event_as": [x for x in same[m.id].ids if x != m.id]}
                    for m in meetings])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(groups)} meetings ({len(meetings)} tellings)", expand=False)
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("kind", no_wrap=True)
    table.add_column("place", overflow="fold", min_width=10, max_width=24)
    table.add_column("participants", overflow="fold", min_width=18, ratio=1)
    table.add_column("source", overflow="ellipsis", no_wrap=True, min_width=12, max_width=28)
    table.add_column("id", no_wrap=True, min_width=max((len(m.id) for m in meetings), default=2))
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
    print_table(table, ["why", "source", "kind", "place"])
    return exit_code(corpus)
