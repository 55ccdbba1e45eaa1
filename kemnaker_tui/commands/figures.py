"""`kemnaker-tui figures [PATH...]`: counts, targets and amounts, with their sentence."""
from __future__ import annotations

import argparse

from kemnaker_tui.commands.common import add_json, add_paths, add_why, exit_code, load_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)
    add_why(parser)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.analysis.crossref import group_figures
    from kemnaker_tui.commands.tables import console, print_json, safe, title_of, why_text
    from kemnaker_tui.export import figure_dict

    corpus = load_corpus(args)
    published = {a.key: a.published for a in corpus.articles}
    groups = group_figures(corpus.figures, published)
    same = {f.id: g for g in groups for f in g.items}
    if args.json:
        print_json([figure_dict(f) | {"sentence_text": corpus.article(f.article).slice(f.sentence),
                                      "same_claim_as": [x for x in same[f.id].ids if x != f.id]}
                    for f in corpus.figures])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(corpus.figures)} figures, {len(groups)} claim{'s' if len(groups) != 1 else ''}",
                  expand=False)
    table.add_column("value", no_wrap=True, justify="right")
    table.add_column("unit", no_wrap=True)
    table.add_column("as printed", no_wrap=True)
    table.add_column("claimed by", overflow="fold", max_width=22)
    table.add_column("sentence", overflow="fold", ratio=1)
    table.add_column("article", overflow="ellipsis", no_wrap=True, max_width=24)
    table.add_column("sources", no_wrap=True, justify="right")
    table.add_column("id", no_wrap=True)
    if args.why:
        table.add_column("why", overflow="fold", max_width=50)
    for g in groups:          # the same claim in several articles: one row, "3 sources"
        f = g.first
        sentence = " ".join(corpus.article(f.article).slice(f.sentence).split())
        why = (Text(why_text(f)),) if args.why else ()
        table.add_row(f.display_value, f.unit or "", Text(safe(f.text)), Text(safe(f.claimed_by or "")),
                      Text(safe(sentence)), Text(safe(title_of(corpus, f.article))),
                      f"{g.sources} sources" if g.sources > 1 else "1", f.id, *why)
    console().print(table)
    return exit_code(corpus)
