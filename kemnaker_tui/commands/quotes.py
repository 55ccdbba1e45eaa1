"""`kemnaker-tui quotes [PATH...]`: list quotes; print or copy them with their citation.

    kemnaker-tui quotes                       a table: id, date, outlet, speaker, text, article
    kemnaker-tui quotes --from 2024 --to 2024-06   by the date their citation gives
    kemnaker-tui quotes --speaker anwar       only this speaker (fuzzy; any alias)
    kemnaker-tui quotes --format md           citations instead of the table (plain|md|csl|bibtex)
    kemnaker-tui quotes --copy q3 --format md copy one: prints the citation, then what happened
    kemnaker-tui quotes --json                machine-readable

``--format`` and ``--lang`` default to the settings (userdata.load_settings()).
"""
from __future__ import annotations

import argparse
import json
import sys

from kemnaker_tui.commands.common import add_json, add_paths, add_why, exit_code, fail, load_corpus
from kemnaker_tui.commands.filters import add_date_range, in_range
from kemnaker_tui.model import Corpus, Quote

FORMATS = ("plain", "md", "csl", "bibtex")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)
    add_why(parser)
    parser.add_argument("--speaker", metavar="NAME",
                        help="only quotes by this speaker (fuzzy; any known alias or acronym)")
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="print citations in this format (default for --copy: the settings)")
    parser.add_argument("--lang", choices=("id", "en"), default=None,
                        help="language of dates and labels in citations (default: the settings)")
    parser.add_argument("--copy", metavar="ID",
                        help="copy the quote with this id, with its citation, to the clipboard")
    add_date_range(parser, "quotes (by the date their citation gives: publication, else the event)")


def match_speakers(corpus: Corpus, name: str, cutoff: float = 80) -> tuple[set[str], set[str]]:
    """Entity ids and speaker names that match ``name`` (exact alias first, else fuzzy)."""
    from rapidfuzz import fuzz, process, utils

    speakers = {q.speaker_id: q.speaker for q in corpus.quotes if q.speaker_id or q.speaker}
    entity = corpus.entity_by_name(name)
    if entity is not None:
        return {entity.id}, {entity.name}
    choices: dict[tuple[str | None, str], str] = {}
    for sid, sname in speakers.items():
        e = corpus.entity(sid) if sid else None
        for alias in (e.all_names if e else ()) + ((sname,) if sname else ()):
            choices[(sid, alias)] = alias
    ids, names = set(), set()
    for _alias, score, (sid, _a) in process.extract(name, choices, scorer=fuzz.WRatio,
                                                      processor=utils.default_process, limit=None,
                                                      score_cutoff=cutoff):
        if sid:
            ids.add(sid)
        else:
            names.add(_alias)
    for sid in ids:
        if speakers.get(sid):
            names.add(speakers[sid])
    return ids, names


def _select(corpus: Corpus, speaker: str | None) -> list[Quote] | None:
    quotes = list(corpus.quotes)
    if not speaker:
        return quotes
    ids, names = match_speakers(corpus, speaker)
    if not ids and not names:
        return None
    return [q for q in quotes if (q.speaker_id and q.speaker_id in ids) or (q.speaker in names)]


def _row(corpus: Corpus, q: Quote) -> dict:
    from kemnaker_tui.cite import quote_citation
    c = quote_citation(corpus, q)
    return {"id": q.id, "speaker": q.speaker, "speaker_id": q.speaker_id, "role": c.role,
            "text": q.text, "article": q.article, "outlet": c.outlet, "title": c.title,
            "url": c.url, "date": c.date.isoformat() if c.date else None, "date_kind": c.date_kind,
            "year_inferred": c.year_inferred, "start": q.start, "end": q.end,
            "evidence": {"rule": q.why, "unsure": q.unsure}}


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import cite, userdata

    settings = userdata.load_settings()
    for warning in settings.warnings:
        print(f"kemnaker-tui: warning: {warning}", file=sys.stderr)
    fmt = args.format or settings.citation_format
    lang = args.lang or settings.language

    corpus = load_corpus(args)

    if args.copy:
        quote = next((q for q in corpus.quotes if q.id == args.copy), None)
        if quote is None:
            known = ", ".join(q.id for q in corpus.quotes[:8]) or "none found"
            return fail(f"no quote with id {args.copy!r} (ids: {known}{', …' if len(corpus.quotes) > 8 else ''})")
        from kemnaker_tui import clipboard
        text = cite.cite_quote(corpus, quote, fmt, lang)
        result = clipboard.copy(text, use_osc52=settings.osc52, use_native=settings.native_clipboard)
        print(text)
        print(f"kemnaker-tui: {result.message}", file=sys.stderr)
        return exit_code(corpus) if result.ok else 1

    quotes = _select(corpus, args.speaker)
    if quotes is None:
        return fail(f"no speaker matches {args.speaker!r}")
    if getattr(args, "date_from", None) or getattr(args, "date_to", None):
        quotes = [q for q in quotes if in_range(cite.source_date(corpus, q.article, q.start)[0], args)]

    if args.json:
        from kemnaker_tui.export import inert_json
        print(inert_json(json.dumps([_row(corpus, q) for q in quotes], ensure_ascii=False, indent=2)))
    elif args.format:
        citations = [cite.quote_citation(corpus, q) for q in quotes]
        if citations:
            print(cite.render_many(citations, fmt, lang))
    elif quotes:
        _print_table(corpus, quotes, why=getattr(args, "why", False))
    if not quotes:
        print("kemnaker-tui: no quotes" + (f" by {args.speaker!r}" if args.speaker else ""), file=sys.stderr)
    return exit_code(corpus)


def _print_table(corpus: Corpus, quotes: list[Quote], why: bool = False) -> None:
    from rich.table import Table
    from rich.text import Text

    from kemnaker_tui.cite import CUT, source_date
    from kemnaker_tui.commands.tables import print_table, safe, why_text
    table = Table(show_lines=False, expand=False)
    # ids and dates never wrap; long text does
    table.add_column("id", no_wrap=True, min_width=max((len(q.id) for q in quotes), default=2))
    table.add_column("date", no_wrap=True, min_width=10)
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=18)
    table.add_column("speaker", overflow="fold", max_width=24)
    table.add_column("text", ratio=1, overflow="fold")
    table.add_column("article", no_wrap=True, overflow="ellipsis", max_width=24)
    if why:
        table.add_column("why", ratio=1, overflow="fold")
    for q in quotes:
        text = q.text if len(q.text) <= 160 else q.text[:157].rstrip() + "…"
        if q.unterminated:
            text += " " + CUT
        # the date the quote's citation uses (publication, else the event: marked °)
        date, kind, _inferred = source_date(corpus, q.article, q.start)
        when = (date.isoformat() + ("°" if kind == "event" else "")) if date else "undated"
        outlet = corpus.article(q.article).outlet
        # Text objects, never markup: corpus text may contain "[".
        extra = (Text(why_text(q)),) if why else ()
        table.add_row(Text(q.id), when, Text(safe(outlet) or "—"), Text(safe(q.speaker) or "—"),
                      Text(f"“{safe(text)}”"), Text(safe(q.article)), *extra)
    print_table(table, ["why", "article", "outlet"])
