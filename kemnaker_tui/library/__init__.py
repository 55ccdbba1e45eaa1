"""The library: turns PATHs into a Corpus, analysing each document once.

A persistent store (SQLite, WAL) of every document's analysis keyed by its
content and the analysis version, the corpus-wide stage's result and the
search index kept on disk beside it, parallel analysis in worker processes,
folder watching for the explorer. Every command and the explorer load
through :func:`load_corpus`; ``--no-store`` bypasses the cache. No UI here.

    load_corpus(paths, alias_file=None, jobs=None, use_store=True, progress=None) -> Loaded
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
                progress=None) -> Loaded:
    """The Corpus of ``paths``: through the store, or analysed afresh (``use_store=False``)."""
    if not use_store:
        import time
        t0 = time.perf_counter()
        corpus = analyse_without_store(paths, alias_file=alias_file, progress=progress)
        stats = IndexStats(articles=len(corpus.articles), analysed=len(corpus.articles),
                           skipped=len(corpus.skipped), seconds=time.perf_counter() - t0)
        return Loaded(corpus, stats, None)
    return load(paths, alias_file=alias_file, jobs=jobs, progress=progress)


def search_index(loaded: Loaded, progress=None):
    """The search index of a loaded corpus: the kept one when there is one, else
    built (on disk, kept for next time; in memory for ``--no-store``)."""
    from kemnaker_tui.library import snapshots
    if loaded.snapshot_key is None:
        from kemnaker_tui.search import SearchIndex
        return SearchIndex.build(loaded.corpus, progress=progress)
    folder = cache_folder()
    got = snapshots.open_index(folder, loaded.snapshot_key, loaded.corpus)
    if got is None:
        got = snapshots.build_index(folder, loaded.snapshot_key, loaded.corpus, progress=progress)
    return got


def index(paths, alias_file=None, jobs: int | None = None, progress=None) -> IndexStats:
    """Bring the store, the corpus snapshot and the search index up to date."""
    import time
    from kemnaker_tui.library import snapshots
    t0 = time.perf_counter()
    loaded = load(paths, alias_file=alias_file, jobs=jobs, progress=progress, need_corpus=False)
    stats = loaded.stats
    stats.notes = list(loaded.notes)
    folder = cache_folder()
    if not snapshots.index_ready(folder, loaded.snapshot_key):
        corpus = loaded.corpus
        if corpus is None:      # the snapshot existed; its index did not
            corpus = load(paths, alias_file=alias_file, jobs=jobs, progress=progress).corpus
        snapshots.build_index(folder, loaded.snapshot_key, corpus,
                              progress=(lambda d, t: progress("index", d, t)) if progress else None)
    stats.seconds = time.perf_counter() - t0
    return stats
