"""`kemnaker-tui figures [PATH...] [--unit WORD] [--min N] [--person NAME]`: counts,
targets and amounts, with their sentence and who claimed them."""
from __future__ import annotations

import argparse

from kemnaker_tui.commands.common import add_json, add_paths, add_why, exit_code, fail, load_corpus
from kemnaker_tui.commands.filters import match_entities, names_of


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)
    add_why(parser)
    parser.add_argument("--unit", metavar="WORD", help="only figures whose unit contains WORD (peserta, persen, Rp)")
    parser.add_argument("--min", type=float, metavar="N", help="only figures of at least N")
    parser.add_argument("--person", metavar="NAME", help="only figures this person (or organisation) claimed (fuzzy)")


def select(corpus, args) -> list | str:
    figures = list(corpus.figures)
    if getattr(args, "unit", None):
        word = args.unit.casefold()
        figures = [f for f in figures if f.unit and word in f.unit.casefold()]
    if getattr(args, "min", None) is not None:
        figures = [f for f in figures if f.value >= args.min]
    if getattr(args, "person", None):
        ids = match_entities(corpus, args.person, ("person", "organisation"))
        if not ids:
            return f"no person or organisation matches {args.person!r}"
        names = names_of(corpus, ids)
        figures = [f for f in figures if (f.claimed_by_id and f.claimed_by_id in ids) or f.claimed_by in names]
    return figures


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.analysis.crossref import group_figures
    from kemnaker_tui.commands.tables import print_json, print_table, safe, title_of, why_text
    from kemnaker_tui.export import figure_dict

    corpus = load_corpus(args)
    figures = select(corpus, args)
    if isinstance(figures, str):
        return fail(figures)
    published = {a.key: a.published for a in corpus.articles}
    groups = group_figures(figures, published)
    same = {f.id: g for g in groups for f in g.items}
    if args.json:
        print_json([figure_dict(f) | {"sentence_text": corpus.article(f.article).slice(f.sentence),
                                      "same_claim_as": [x for x in same[f.id].ids if x != f.id]}
                    for f in figures])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(figures)} figures, {len(groups)} claim{'s' if len(groups) != 1 else ''}",
                  expand=False)
    # numbers and ids never wrap (a number broken across lines is a different number)
    table.add_column("value", no_wrap=True, justify="right",
                     min_width=max((len(f.display_value) for f in figures), default=5))
    table.add_column("unit", overflow="fold", max_width=12)
    table.add_column("as printed", overflow="fold", max_width=22)
    table.add_column("claimed by", overflow="fold", max_width=14)
    table.add_column("sentence", overflow="fold", ratio=1)
    table.add_column("article", overflow="ellipsis", no_wrap=True, max_width=24)
    table.add_column("sources", no_wrap=True, justify="right")
    table.add_column("id", no_wrap=True, min_width=max((len(f.id) for f in figures), default=2))
    if args.why:
        table.add_column("why", overflow="fold", max_width=50)
    for g in groups:          # the same claim in several articles: one row, "3 sources"
        f = g.first
        sentence = " ".join(corpus.article(f.article).slice(f.sentence).split())
        why = (Text(why_text(f)),) if args.why else ()
        table.add_row(f.display_value, Text(safe(f.unit or "")), Text(safe(f.text)),
                      Text(safe(f.claimed_by or "—")), Text(safe(sentence)),
                      Text(safe(title_of(corpus, f.article))),
                      f"{g.sources} sources" if g.sources > 1 else "1", f.id, *why)
    print_table(table, ["why", "article", "as printed", "sources", "claimed by", "unit"])
    return exit_code(corpus)
