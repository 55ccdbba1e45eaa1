"""`kemnaker-tui figures [PATH...]`: counts, targets and amounts, with their sentence."""
from __future__ import annotations

import argparse

from kemnaker_tui.commands.common import add_json, add_paths, exit_code, load_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.commands.tables import console, print_json, safe, title_of
    from kemnaker_tui.export import figure_dict

    corpus = load_corpus(args)
    if args.json:
        print_json([figure_dict(f) | {"sentence_text": corpus.article(f.article).slice(f.sentence)}
                    for f in corpus.figures])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(corpus.figures)} figures", expand=False)
    table.add_column("value", no_wrap=True, justify="right")
    table.add_column("unit", no_wrap=True)
    table.add_column("as printed", no_wrap=True)
    table.add_column("claimed by", overflow="fold", max_width=22)
    table.add_column("sentence", overflow="fold", ratio=1)
    table.add_column("article", overflow="ellipsis", no_wrap=True, max_width=24)
    table.add_column("id", no_wrap=True)
    for f in corpus.figures:
        sentence = " ".join(corpus.article(f.article).slice(f.sentence).split())
        table.add_row(f.display_value, f.unit or "", Text(safe(f.text)), Text(safe(f.claimed_by or "")),
                      Text(safe(sentence)),
                      Text(safe(title_of(corpus, f.article))), f.id)
    console().print(table)
    return exit_code(corpus)
