"""`kemnaker-tui export PATH... --format json|csv`: the whole analysis;
`--format sqlite FILE`: a SQLite file (schema in kemnaker_tui/library/sqlite_export.py)."""
from __future__ import annotations

import argparse
import sys

from kemnaker_tui.commands.common import add_paths, exit_code, load_corpus


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)
    parser.add_argument("--format", nargs="+", default=["json"], metavar=("FORMAT", "FILE"),
                        help="json (default), csv, or sqlite FILE (a SQLite file with foreign keys and indexes)")
    parser.add_argument("-o", "--output", metavar="PATH",
                        help="json: a file (default: stdout); csv: a folder (default: ./kemnaker-export); "
                             "sqlite: the file (or give it after --format sqlite)")


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import export

    fmt, *rest = args.format
    if fmt not in ("json", "csv", "sqlite") or len(rest) > (1 if fmt == "sqlite" else 0):
        from kemnaker_tui.cli import EXIT_USAGE
        from kemnaker_tui.commands.common import fail
        fail("--format takes json, csv, or sqlite FILE (paths go before --format)")
        return EXIT_USAGE
    if fmt == "sqlite":
        target = rest[0] if rest else args.output
        if not target:
            from kemnaker_tui.cli import EXIT_USAGE
            from kemnaker_tui.commands.common import fail
            fail("--format sqlite needs a FILE: --format sqlite corpus.db")
            return EXIT_USAGE
        corpus = load_corpus(args)
        from kemnaker_tui.library.sqlite_export import write_sqlite
        try:
            written = write_sqlite(corpus, target)
        except OSError as exc:
            from kemnaker_tui.commands.common import fail
            return fail(f"cannot write {target}: {exc.strerror or exc}")
        print(written, file=sys.stderr)
        return exit_code(corpus)
    corpus = load_corpus(args)
    if fmt == "json":
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
