"""The library: turns PATHs into a Corpus, analysing each document once.

A persistent store (SQLite, WAL) of every document's analysis keyed by its
content and the analysis version, the corpus-wide stage's result and the
search index kept on disk beside it, parallel analysis in worker processes,
folder watching for the explorer. Every command and the explorer load
through :func:`load_corpus`; ``--no-store`` bypasses the cache. No UI here.

    load_corpus(paths, alias_file=None, jobs=None, use_store=True, progress=None,
                defer_write=False) -> Loaded          (deferred: Loaded.settle() writes what was merged)
    search_index(loaded, progress=None) -> SearchIndex      (opened, or built and kept;
                                                             progress(done, total))
    index(paths, ...) -> IndexStats                          (`kemnaker-tui index`)
    clear() -> removed paths                                 (`kemnaker-tui store clear`)
    finish_corpus(...)                                       the one place a Corpus is completed
"""
from __future__ import annotations

from kemnaker_tui.library.library import (IndexStats, Loaded, StoreError, analyse_without_store,
                                          cache_folder, clear, finish_corpus, load)

__all__ = ["IndexStats", "Loaded", "StoreError", "cache_folder", "clear", "finish_corpus", "index",
           "load_corpus", "search_index"]


def load_corpus(paths, alias_file=None, jobs: int | None = None, use_store: bool = True,
                progress=None, corrections_file=None, defer_write: bool = False) -> Loaded:
    """The finished Corpus of ``paths`` (the user's aliases and corrections applied):
    through the store, or analysed afresh (``use_store=False``). ``defer_write``: what
    a merge made may still be written on return (``Loaded.settle``)."""
    if not use_store:
        import time
        t0 = time.perf_counter()
        finished = analyse_without_store(paths, progress=progress, corrections_file=corrections_file,
                                         alias_file=alias_file)
        corpus = finished.corpus
        stats = IndexStats(articles=len(corpus.articles), analysed=len(corpus.articles),
                           skipped=len(corpus.skipped), seconds=time.perf_counter() - t0)
        return Loaded(corpus, stats, None, finished=finished)
    return load(paths, jobs=jobs, progress=progress, corrections_file=corrections_file, alias_file=alias_file,
                defer_write=defer_write)


def search_index(loaded: Loaded, progress=None):
    """The search index of a loaded corpus: the kept one when there is one, else
    built (on disk, kept for next time; in memory for ``--no-store``)."""
    from kemnaker_tui.library import snapshots
    if loaded.index_key is None:
        from kemnaker_tui.search import SearchIndex
        return SearchIndex.build(loaded.corpus, progress=progress)
    folder = cache_folder()
    got = snapshots.open_index(folder, loaded.index_key, loaded.corpus)
    if got is None:
        got = snapshots.build_index(folder, loaded.index_key, loaded.corpus, progress=progress,
                                    prints=_index_prints(folder, loaded))
    return got


def _index_prints(folder, loaded: Loaded) -> dict | None:
    """The merge fingerprints an index update may go by: only for the analysed corpus
    as merged (corrections and aliases change it afterwards in ways they do not see)."""
    from kemnaker_tui.library import snapshots
    from kemnaker_tui.library.version import analysis_version
    if loaded.snapshot_key is None or loaded.index_key != loaded.snapshot_key:
        return None
    # the analysis version too: the same document and entities under new analysis code may
    # still read differently (sentences, boilerplate)
    akey = analysis_version().encode()
    prints = loaded.merged if loaded.merged is not None else snapshots.merge_prints(folder, loaded.snapshot_key)
    return {k: akey + fp for k, fp in prints.items()} or None


def index(paths, alias_file=None, jobs: int | None = None, progress=None, corrections_file=None) -> IndexStats:
    """Bring the store, the corpus snapshot and the search index up to date."""
    import time
    from kemnaker_tui.library import snapshots
    t0 = time.perf_counter()
    files = {"corrections_file": corrections_file, "alias_file": alias_file}
    loaded = load(paths, jobs=jobs, progress=progress, need_corpus=False, defer_write=True, **files)
    stats = loaded.stats
    stats.notes = list(loaded.notes)
    folder = cache_folder()
    if loaded.corpus is None and _has_user_files(corrections_file, alias_file):
        # corrections name the index: know them (they need the corpus) before looking for it
        loaded.settle()
        loaded = load(paths, jobs=jobs, progress=progress, **files)
    key = loaded.index_key if loaded.corpus is not None else loaded.snapshot_key
    if not snapshots.index_ready(folder, key):
        if loaded.corpus is None:      # the snapshot existed; its index did not
            loaded = load(paths, jobs=jobs, progress=progress, **files)
        # while the snapshot just merged is written (another process)
        snapshots.build_index(folder, loaded.index_key, loaded.corpus,
                              progress=(lambda d, t: progress("index", d, t)) if progress else None,
                              prints=_index_prints(folder, loaded), reopen=False)
    loaded.settle()
    stats.seconds = time.perf_counter() - t0
    return stats


def _has_user_files(corrections_file, alias_file) -> bool:
    """Whether corrections or aliases apply on top of the analysis."""
    if corrections_file is not None or alias_file is not None:
        return True
    from kemnaker_tui import userdata
    return userdata.aliases_path().exists() or userdata.corrections_path().exists()
