"""The command line: ``kemnaker-tui [PATH...]`` opens the explorer; subcommands
(export, entities, timeline, quotes, figures, search, paths) print or write the
same analysis.

Each subcommand lives in ``kemnaker_tui/commands/<name>.py`` with two
functions: ``add_arguments(parser)`` and ``run(args) -> int``. Modules are
imported only when their command runs, so ``--help`` and start-up stay fast.
"""
from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys

# name -> one-line help. The module kemnaker_tui.commands.<name> implements it.
COMMANDS = {
    "tui": "open the explorer (the default)",
    "export": "write the whole analysis (json, or csv files)",
    "entities": "list people, organisations, programs and places",
    "timeline": "list meetings in date order",
    "quotes": "list quotes with their speakers; copy one with its citation",
    "figures": "list figures (counts, targets, amounts)",
    "search": "search the corpus (typo-tolerant, with a query language)",
    "correct": "correct a fact (merge, split, rename, speaker, date…); list or undo corrections",
    "paths": "print where settings, aliases, corrections and user data live",
    "fetch": "download articles (web pages, PDFs) from URLs or a feed into a folder",
    "index": "bring the store up to date (analyse new and changed articles once)",
    "store": "manage the store: `store clear` removes it",
}

# Exit codes (documented in the README).
EXIT_OK = 0             # every file read
EXIT_ERROR = 1          # no such path, bad alias file, or another error (one line on stderr)
EXIT_USAGE = 2          # bad command-line arguments (argparse)
EXIT_SOME_SKIPPED = 3   # the command ran, but some files were skipped, or URLs failed (each on stderr)
EXIT_NOTHING_READABLE = 4  # paths exist, but no file in them could be read


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kemnaker-tui",
        description="Explore news about Kemnaker and Indonesia–Japan labour cooperation.",
        epilog="With no command, opens the explorer on PATH... (default: the bundled corpus).",
    )
    from kemnaker_tui import __version__
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        if importlib.util.find_spec(f"kemnaker_tui.commands.{name}") is None:
            continue                       # a command whose module is not installed
        module = importlib.import_module(f"kemnaker_tui.commands.{name}")
        module.add_arguments(sub.add_parser(name, help=help_text, description=help_text))
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # `kemnaker-tui corpus/` and `kemnaker-tui` open the explorer.
    if not argv or (argv[0] not in COMMANDS and not argv[0].startswith("-")):
        argv = ["tui", *argv]
    args = build_parser().parse_args(argv)
    if args.command is None:
        args = build_parser().parse_args(["tui"])
    module = importlib.import_module(f"kemnaker_tui.commands.{args.command}")
    from kemnaker_tui.commands.common import LoadError
    try:
        return int(module.run(args) or 0)
    except LoadError as exc:
        print(f"kemnaker-tui: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
