"""What every subcommand shares: loading a corpus with clear errors, exit codes."""
from __future__ import annotations

import argparse
import sys

from kemnaker_tui.model import Corpus


def add_paths(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("paths", nargs="+" if required else "*", metavar="PATH",
                        help="folders (read recursively) or files: .txt .md .jsonl .csv .json .html .pdf"
                             + ("" if required else " (default: the bundled corpus)"))
    parser.add_argument("--aliases", metavar="FILE", default=None,
                        help="a TOML alias file (default: the one in the user config dir, if any)")
    add_corrections(parser)


def add_corrections(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--corrections", metavar="FILE", default=None,
                        help="the corrections file (default: corrections.toml in the config folder, "
                             "see `kemnaker-tui paths`)")


def add_why(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--why", action="store_true",
                        help="show each fact's evidence: the rule that decided it, '?' when unsure, "
                             "'✎' and what changed when you corrected it")


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")


def fail(message: str) -> int:
    print(f"kemnaker-tui: {message}", file=sys.stderr)
    return 1


class LoadError(Exception):
    """The corpus cannot be used; ``code`` is the exit code (see cli.py)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


def load_corpus(args: argparse.Namespace, report=True) -> Corpus:
    """Load the corpus for a command, corrected, reporting skipped files on stderr.

    Raises LoadError (one clear line, non-zero exit) when it is unusable.
    """
    return load_finished(args, report).corpus


def load_finished(args: argparse.Namespace, report=True):
    """``load_corpus``, returning the corrections' outcome too (``corrections.Finished``:
    the corrected corpus, orphaned corrections, marks, meetings merged by the user)."""
    from kemnaker_tui.cli import EXIT_ERROR, EXIT_NOTHING_READABLE
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.corpus.reader import bundled_corpus_path

    paths = list(getattr(args, "paths", None) or []) or [str(bundled_corpus_path())]
    from kemnaker_tui.corrections import finish
    try:
        analysed = analyse_paths(paths)
        # the one place the CLI's corpus is finished: alias file and corrections applied
        finished = finish(analysed, corrections_file=getattr(args, "corrections", None),
                          alias_file=getattr(args, "aliases", None))
    except FileNotFoundError as exc:
        raise LoadError(str(exc), EXIT_ERROR) from None
    except ValueError as exc:          # a broken alias or corrections file the user named
        raise LoadError(str(exc), EXIT_ERROR) from None
    corpus = finished.corpus
    if report:   # paths and reasons may hold control characters (a hostile file name): shown, never sent
        from kemnaker_tui.commands.tables import safe
        for warning in corpus.warnings:
            print(f"kemnaker-tui: warning: {safe(warning)}", file=sys.stderr)
        for skipped in corpus.skipped:
            print(f"kemnaker-tui: skipped {safe(skipped.path)}: {safe(skipped.reason)}", file=sys.stderr)
    if not corpus.articles:
        raise LoadError("nothing readable in " + ", ".join(paths), EXIT_NOTHING_READABLE)
    return finished


def exit_code(corpus: Corpus) -> int:
    from kemnaker_tui.cli import EXIT_OK, EXIT_SOME_SKIPPED
    return EXIT_SOME_SKIPPED if corpus.skipped else EXIT_OK
