"""`kemnaker-tui store clear`: remove the store (analyses, snapshots, search
indexes) from the cache folder; `kemnaker-tui store path`: print where it is."""
from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("clear", "path"),
                        help="clear: remove the store (it is made again on the next run); path: print where it is")


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui import library
    folder = library.cache_folder()
    if args.action == "path":
        print(folder)
        return 0
    try:
        removed = library.clear()
    except OSError as exc:
        from kemnaker_tui.commands.common import fail
        return fail(f"cannot remove {folder}: {exc.strerror or exc}")
    print(f"removed the store in {folder} ({len(removed)} files)" if removed else f"no store in {folder}")
    return 0
