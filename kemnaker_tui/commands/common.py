"""What every subcommand shares: loading a corpus with clear errors, exit codes."""
from __future__ import annotations

import argparse
import contextlib
import sys

from kemnaker_tui.model import Corpus


def add_paths(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument("paths", nargs="+" if required else "*", metavar="PATH",
                        help="folders (read recursively) or files: .txt .md .jsonl .csv .json .html .pdf"
                             + ("" if required else " (default: the bundled corpus)"))
    parser.add_argument("--aliases", metavar="FILE", default=None,
                        help="a TOML alias file (default: the one in the user config dir, if any)")
    add_corrections(parser)
    add_store_options(parser)


def add_store_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-store", dest="no_store", action="store_true",
                        help="analyse afresh, without reading or writing the store (the cache folder)")
    parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                        help="worker processes for analysing new or changed articles (default: all cores)")


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--jobs takes a whole number, not {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError("--jobs must be 1 or more")
    return n


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


@contextlib.contextmanager
def allocation_only():
    """Loading a corpus or an index only allocates (millions of objects at 100,000
    articles, no cycles worth finding): the cyclic collector waits meanwhile, and
    what was loaded is then kept out of its passes for the rest of the command
    (``gc.freeze``) — else each full pass walks all of it again (seconds apiece)."""
    import gc
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()


def load_corpus(args: argparse.Namespace, report=True) -> Corpus:
    """Load the corpus for a command through the library (or afresh with
    ``--no-store``), corrected, reporting skipped files on stderr.

    Raises LoadError (one clear line, non-zero exit) when it is unusable.
    """
    return load(args, report).corpus


def load_finished(args: argparse.Namespace, report=True):
    """``load_corpus``, returning the corrections' outcome too (``corrections.Finished``:
    the corrected corpus, orphaned corrections, marks, meetings merged by the user)."""
    return load(args, report).finished


def load(args: argparse.Namespace, report=True):
    """Like :func:`load_corpus`, returning the library's ``Loaded`` (the finished
    corpus, corrections.Finished as ``.finished``, what the search index needs)."""
    from kemnaker_tui import library
    from kemnaker_tui.commands.progress import terminal_progress
    from kemnaker_tui.corpus.reader import bundled_corpus_path
    from kemnaker_tui.cli import EXIT_ERROR, EXIT_NOTHING_READABLE

    paths = list(getattr(args, "paths", None) or []) or [str(bundled_corpus_path())]
    use_store = not getattr(args, "no_store", False)
    store_problem = None
    files = {"alias_file": getattr(args, "aliases", None), "corrections_file": getattr(args, "corrections", None)}
    with terminal_progress() as progress, allocation_only():
        try:
            try:
                loaded = library.load_corpus(paths, jobs=getattr(args, "jobs", None), use_store=use_store,
                                             progress=progress, **files)
            except library.StoreError as exc:
                # the cache is only a cache: say why, and analyse without it
                store_problem = str(exc)
                loaded = library.load_corpus(paths, use_store=False, progress=progress, **files)
        except FileNotFoundError as exc:
            raise LoadError(str(exc), EXIT_ERROR) from None
        except ValueError as exc:          # a broken alias or corrections file the user named
            raise LoadError(str(exc), EXIT_ERROR) from None
    corpus = loaded.corpus
    if report:   # paths and reasons may hold control characters (a hostile file name): shown, never sent
        from kemnaker_tui.commands.tables import safe
        for note in loaded.notes:
            print(f"kemnaker-tui: {safe(note)}", file=sys.stderr)
        if store_problem:
            print(f"kemnaker-tui: warning: {safe(store_problem)}", file=sys.stderr)
        for warning in corpus.warnings:
            print(f"kemnaker-tui: warning: {safe(warning)}", file=sys.stderr)
        for skipped in corpus.skipped:
            print(f"kemnaker-tui: skipped {safe(skipped.path)}: {safe(skipped.reason)}", file=sys.stderr)
    if not corpus.articles:
        raise LoadError("nothing readable in " + ", ".join(paths), EXIT_NOTHING_READABLE)
    return loaded


def search_index(loaded):
    """The search index of a loaded corpus (the kept one when the store has it)."""
    from kemnaker_tui import library
    from kemnaker_tui.commands.progress import terminal_progress
    with terminal_progress() as progress, allocation_only():
        try:
            return library.search_index(loaded, progress=(lambda d, t: progress("index", d, t)) if progress else None)
        except library.StoreError as exc:
            print(f"kemnaker-tui: warning: {exc}", file=sys.stderr)
            from kemnaker_tui.search import SearchIndex
            return SearchIndex.build(loaded.corpus)


def exit_code(corpus: Corpus) -> int:
    from kemnaker_tui.cli import EXIT_OK, EXIT_SOME_SKIPPED
    return EXIT_SOME_SKIPPED if corpus.skipped else EXIT_OK
