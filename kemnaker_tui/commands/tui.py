"""`kemnaker-tui [PATH...]`: open the explorer."""
from __future__ import annotations

import argparse

from kemnaker_tui.commands.common import add_paths


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_paths(parser)


def run(args: argparse.Namespace) -> int:
    from kemnaker_tui.ui.app import run_app
    return run_app(list(args.paths), alias_file=args.aliases, corrections_file=args.corrections,
                   use_store=not args.no_store, jobs=args.jobs)
