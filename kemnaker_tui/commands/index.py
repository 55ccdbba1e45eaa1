"""`kemnaker-tui index PATH... [--jobs N] [--json]`: bring the store up to date
(new and changed articles analysed, unchanged ones reused, removed ones
dropped; the corpus-wide merge and the search index kept for the next
command) and say what it did."""
from __future__ import annotations

import argparse
import json
import sys

from kemnaker_tui.commands.common import LoadError, add_json, allocation_only


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help="folders (read recursively) or files (default: the bundled corpus)")
    parser.add_argument("--aliases", metavar="FILE", default=None,
                        help="a TOML alias file (default: the one in the user config dir, if any)")
    from kemnaker_tui.commands.common import _jobs, add_corrections
    add_corrections(parser)
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes for analysing (default: all cores)")
    add_json(parser)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import library
    from kemnaker_tui.cli import EXIT_ERROR, EXIT_NOTHING_READABLE, EXIT_OK, EXIT_SOME_SKIPPED
    from kemnaker_tui.commands.progress import terminal_progress
    from kemnaker_tui.commands.tables import safe
    from kemnaker_tui.corpus.reader import bundled_corpus_path

    paths = list(args.paths) or [str(bundled_corpus_path())]
    with terminal_progress() as progress, allocation_only():
        try:
            stats = library.index(paths, alias_file=args.aliases, jobs=args.jobs, progress=progress,
                                  corrections_file=args.corrections)
        except FileNotFoundError as exc:
            raise LoadError(str(exc), EXIT_ERROR) from None
        except ValueError as exc:
            raise LoadError(str(exc), EXIT_ERROR) from None
        except library.StoreError as exc:
            raise LoadError(str(exc), EXIT_ERROR) from None
    for note in stats.notes:
        print(f"kemnaker-tui: {safe(note)}", file=sys.stderr)
    if args.json:
        print(json.dumps(stats.as_dict()))
    else:
        print(f"{stats.articles} articles: {stats.analysed} analysed, {stats.reused} reused, "
              f"{stats.removed} removed, {stats.skipped} skipped — {stats.seconds:.2f} s")
        print(f"store: {library.cache_folder()}", file=sys.stderr)
    if not stats.articles:
        print(f"kemnaker-tui: nothing readable in {', '.join(paths)}", file=sys.stderr)
        return EXIT_NOTHING_READABLE
    return EXIT_SOME_SKIPPED if stats.skipped else EXIT_OK
