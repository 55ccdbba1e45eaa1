"""`kemnaker-tui entities [PATH...]`: people, organisations, programs, places."""
from __future__ import annotations

import argparse

from kemnaker_tui.commands.common import add_json, add_paths, add_why, exit_code, load_corpus
from kemnaker_tui.model import ENTITY_TYPES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    add_json(parser)
    add_why(parser)
    parser.add_argument("--type", choices=ENTITY_TYPES, help="only this type")


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.commands.tables import print_json, print_table, safe, why_text
    from kemnaker_tui.export import entity_dict

    corpus = load_corpus(args)
    entities = [e for e in corpus.entities if not args.type or e.type == args.type]
    if args.json:
        print_json([entity_dict(e) for e in entities])
        return exit_code(corpus)
    from rich.table import Table
    from rich.text import Text

    table = Table(title=f"{len(entities)} entities in {len(corpus.articles)} articles", expand=False)
    # ids, counts and acronyms never wrap; names and roles do
    table.add_column("type", no_wrap=True)
    table.add_column("name", overflow="fold")
    table.add_column("acronym", no_wrap=True)
    table.add_column("role / aliases", overflow="fold", ratio=1)
    table.add_column("mentions", no_wrap=True, justify="right")
    table.add_column("articles", no_wrap=True, justify="right")
    table.add_column("id", no_wrap=True, min_width=max((len(e.id) for e in entities), default=2))
    if args.why:
        table.add_column("why", overflow="fold")
    for e in entities:
        extra = "; ".join(e.roles[:2]) if e.type == "person" else ", ".join(e.aliases[:4])
        why = (Text(why_text(e)),) if args.why else ()
        table.add_row(e.type, Text(safe(e.name)), Text(safe(e.acronym)), Text(safe(extra)),
                      str(len(e.mentions)), str(len(e.articles)), e.id, *why)
    print_table(table, ["why", "articles", "role / aliases", "acronym", "type"])
    return exit_code(corpus)
