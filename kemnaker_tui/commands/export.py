"""`kemnaker-tui export PATH... --format json|csv`: the whole analysis."""
from __future__ import annotations

import argparse
import sys

from kemnaker_tui.commands.common import add_paths, exit_code, load_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--format", choices=("json", "csv"), default="json")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="json: a file (default: stdout); csv: a folder (default: ./kemnaker-export)")


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import export

    corpus = load_corpus(args)
    if args.format == "json":
        text = export.to_json(corpus)
        if args.output:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        else:
            sys.stdout.write(text + "\n")
    else:
        written = export.write_csv(corpus, args.output or "kemnaker-export")
        for path in written:
            print(path, file=sys.stderr)
    return exit_code(corpus)
