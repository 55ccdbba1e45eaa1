"""PATHs in, a Corpus out, analysing only what changed.

    scan       walk the paths; stat every file; read the new and changed ones
    analyse    the per-document stage of the documents the store lacks, in
               worker processes, committed to the store in batches
    load       the corpus snapshot of exactly this set of documents, if one
               was saved (a pickle file keyed by the analysis key and the
               ordered document ids) — else:
    merge      the corpus stage (entities merged across articles, then
               quotes, meetings, figures) over every document's stored
               analysis, and the snapshot saved for next time
    finish     ``finish_corpus``: the one place a loaded Corpus is completed
               (reading's skipped files and warnings; the user's corrections
               plug in here)

The search index is kept beside the snapshot (``search_index``).
"""
from __future__ import annotations

import contextlib
import hashlib
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kemnaker_tui.library import snapshots
from kemnaker_tui.library.scan import Scan, scan
from kemnaker_tui.library.store import Store, StoreError, unpack
from kemnaker_tui.library.version import analysis_version
from kemnaker_tui.model import Corpus, SkippedFile

Progress = Callable[[str, int, int], None]
COMMIT_EVERY_SECONDS = 0.5      # kill -9 loses at most this much analysis


@dataclass
class IndexStats:
    """What bringing the store up to date did (``kemnaker-tui index --json``)."""
    articles: int = 0
    analysed: int = 0
    reused: int = 0
    removed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)    # store messages for the user (not in --json)

    def as_dict(self) -> dict:
        return {"articles": self.articles, "analysed": self.analysed, "reused": self.reused,
                "removed": self.removed, "skipped": self.skipped, "seconds": round(self.seconds, 3)}


@dataclass
class Loaded:
    corpus: Corpus                         # finished: what the commands and the explorer show
    stats: IndexStats
    snapshot_key: str | None = None        # the analysed corpus kept on disk (None: --no-store)
    notes: list[str] = field(default_factory=list)   # store messages (a file moved aside)
    finished: object | None = None         # corrections.Finished (base corpus, orphans, marks)
    merged: dict | None = None             # merged just now: its per-article fingerprints
    pending: object | None = None          # the snapshot being written (workers.Pending)
    side: Callable[[], None] | None = None   # writes the merge's side files (traces), still to do

    def settle(self) -> None:
        """Until what was merged just now is on disk (``load(defer_write=True)``)."""
        side, self.side = self.side, None
        if side is not None:
            side()
        if self.pending is not None:
            self.pending.wait()
            self.pending = None

    @property
    def index_key(self) -> str | None:
        """Names the search index kept for the finished corpus: the snapshot, and
        the corrections and aliases applied on top of it (the index holds entity
        names and ids)."""
        if self.snapshot_key is None:
            return None
        f = self.finished
        applied = (getattr(f, "alias_corrections", None) or []) + \
            (list(getattr(getattr(f, "file", None), "corrections", None) or []))
        if not applied:
            return self.snapshot_key
        return self.snapshot_key + "-" + hashlib.sha256(repr(applied).encode()).hexdigest()[:12]


def cache_folder() -> Path:
    from kemnaker_tui.userdata import cache_dir
    return cache_dir() / "library"


def clear() -> list[Path]:
    """Remove the store, its snapshots and search indexes. Returns what was removed."""
    import shutil
    folder = cache_folder()
    if not folder.exists():
        return []
    removed = sorted(folder.iterdir())
    shutil.rmtree(folder)
    return removed


def finish_corpus(corpus: Corpus, skipped: list[SkippedFile], warnings: list[str],
                  corrections_file=None, alias_file=None):
    """The single place a loaded Corpus is completed, from the store or not:
    reading's skipped files and warnings join the analysis's, then the user's
    alias file and corrections apply (``corrections.finish``: after the cached
    analysis, never inside it). Returns ``corrections.Finished``; raises
    ValueError for a named alias or corrections file that cannot be used."""
    from kemnaker_tui.corrections import finish
    analysed = Corpus(articles=corpus.articles, entities=corpus.entities, meetings=corpus.meetings,
                      quotes=corpus.quotes, figures=corpus.figures,
                      skipped=tuple(skipped) + tuple(corpus.skipped), warnings=tuple(warnings))
    return finish(analysed, corrections_file=corrections_file, alias_file=alias_file)


@contextlib.contextmanager
def _indexing_lock(folder: Path):
    """One process analyses for a store at a time; the other waits, then finds
    the work done. Released by the kernel if the holder is killed."""
    try:
        import fcntl
    except ImportError:          # not POSIX: both analyse, both commit the same rows
        yield
        return
    with open(folder / "indexing.lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def load(paths: Iterable[str | os.PathLike], jobs: int | None = None, progress: Progress | None = None,
         need_corpus: bool = True, corrections_file=None, alias_file=None, defer_write: bool = False) -> Loaded:
    """Bring the store up to date for ``paths`` and return their Corpus.

    ``need_corpus=False`` (``index``): stop once the store and the snapshot
    are up to date, without loading a snapshot that already exists.
    ``defer_write``: a snapshot just merged may still be being written on return,
    and its side files not yet (``Loaded.settle`` writes them and waits for it).
    Raises FileNotFoundError (no such path), ValueError (a bad alias or
    corrections file given explicitly), StoreError (the store cannot be written).
    """
    from kemnaker_tui.library.workers import default_jobs, fork_call

    started = time.perf_counter()
    paths = [str(p) for p in paths]
    jobs = jobs or default_jobs()
    report = progress or (lambda _s, _d, _t: None)
    user = None             # the analysis's own (empty) aliases: the user's apply in finish_corpus
    akey = analysis_version()
    folder = cache_folder()
    store = Store.open(folder)
    try:
        report("scan", 0, 0)
        found = _no_gc(scan)(paths, store.files(), store.analysed(akey), analysis_version(),
                     progress=lambda n, t: report("scan", n, t))
        roots = "\n".join(sorted(os.path.abspath(p) for p in paths))
        before = store.roots_docs(roots)
        now = {doc: found.keys.get(doc, "") for doc in found.order}
        # removed: articles (by key) found last time and gone now; a changed one is not removed
        removed = len(set(before.values()) - set(now.values())) if before is not None else 0
        if before != now:       # recorded before analysing: another process's prune keeps these
            store.put_roots(roots, now)
        snap_key = hashlib.sha256(("\n".join([akey, *found.order])).encode()).hexdigest()[:32]
        snap = snapshots.corpus_path(folder, snap_key)
        # a merge will follow: the fresh analyses are unpacked as they arrive (this process
        # waits on its workers meanwhile) instead of read back from the store afterwards
        arrived: dict | None = None if snap.exists() else {}
        fresh = _no_gc(_analyse_missing)(store, found, akey, user, jobs, report, arrived)
        stats = IndexStats(analysed=len(fresh), reused=len(found.order) - len(fresh), removed=removed)
        corpus = None
        merged = pending = side = None
        if snap.exists() and (need_corpus or not snapshots.index_ready(folder, snap_key)):
            report("load", 0, 1)
            corpus = snapshots.read_corpus(snap)
            report("load", 1, 1)
        if corpus is None and not snap.exists():
            corpus, prints, traces, skipped_ids, tags = _no_gc(_merge)(store, found, akey, user, report, folder,
                                                                       jobs, arrived or {})
            merged = prints

            def write_side(prints=prints, traces=traces, skipped_ids=skipped_ids, tags=tags):
                snapshots.write_merge(folder, snap_key, akey, prints, traces, skipped_ids, tags)
            del traces
            if defer_write:
                # the snapshot written by a child process while this one goes on (builds the
                # search index, then writes the merge's side files)
                pending = fork_call(lambda corpus=corpus: snapshots.write_corpus(folder, snap_key, corpus))
                side = write_side
            else:
                snapshots.write_corpus(folder, snap_key, corpus)
                write_side()
        if fresh or removed:
            with _indexing_lock(folder):        # never while another process is analysing
                store.prune(akey, analysis_version())
    finally:
        notes = store.notes
        store.close()
    skipped = found.skipped
    finished = None
    if corpus is not None:
        finished = finish_corpus(corpus, skipped, found.warnings, corrections_file, alias_file)
        corpus = finished.corpus
        stats.articles = len(corpus.articles)
        stats.skipped = len(corpus.skipped)
    else:   # an up-to-date snapshot not loaded: count from the scan
        stats.skipped = len(skipped) + snapshots.failed_count(folder, snap_key)
        stats.articles = len(found.order) - snapshots.failed_count(folder, snap_key)
    stats.seconds = time.perf_counter() - started
    stats.notes = list(notes)
    return Loaded(corpus, stats, snap_key, notes, finished, merged, pending, side)


def _no_gc(fn):
    """``fn`` run with the cyclic collector paused (it only allocates: tens of thousands of
    small objects, no cycles, and each collection pass would walk them all again)."""
    def run(*args, **kwargs):
        import gc
        was_on = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_on:
                gc.enable()
    return run


def _user(user):
    if user is None:
        from kemnaker_tui.analysis.useraliases import UserAliases
        return UserAliases()
    return user


def _analyse_missing(store: Store, found: Scan, akey: str, user, jobs: int, report: Progress,
                     arrived: dict | None = None) -> set[str]:
    """Analyse the documents read now that the store has no analysis of; record
    the files read. Returns the ids analysed (their analyses are in the store).
    ``arrived``: filled with each analysis unpacked (doc id -> findings), for a
    merge that follows."""
    from kemnaker_tui.library.workers import analyse_documents
    user = _user(user)
    fresh: set[str] = set()
    if found.read:
        have = store.analysed(akey)
        todo = [(i, d) for i, d in found.read.items() if i not in have]
        if todo:
            with _indexing_lock(store.path.parent):
                have = store.analysed(akey)       # another process may have done them meanwhile
                todo = [(i, d) for i, d in todo if i not in have]
                report("analyse", 0, len(todo))
                pending: list[tuple[str, bytes]] = []
                last = time.monotonic()
                for batch in analyse_documents(todo, user, jobs, progress=lambda n, t: report("analyse", n, t)):
                    pending.extend(batch)
                    fresh.update(doc for doc, _data in batch)
                    if arrived is not None:
                        for doc, data in batch:
                            arrived[doc] = unpack(data)
                    if time.monotonic() - last >= COMMIT_EVERY_SECONDS:
                        store.put_analyses(akey, pending)
                        pending, last = [], time.monotonic()
                if pending:
                    store.put_analyses(akey, pending)
    found.read.clear()          # the texts live on in the analyses
    if found.file_rows:
        store.put_files(found.file_rows)
    return fresh


def _merge(store: Store, found: Scan, akey: str, user, report: Progress,
           folder: Path, jobs: int = 1, arrived: dict | None = None,
           replay_traces: bool = True) -> tuple[Corpus, dict[str, bytes], object, dict, list[str]]:
    """The corpus stage over every document's analysis, in reading order, reusing
    the last merge under the same analysis key: the resolver replays its traces
    where they hold (``resolve_trace``), so a document it traced is read from the
    store only if it must be placed afresh; an article whose per-article inputs
    are unchanged keeps its quotes, meetings and figures (``extract.MergeReuse``).
    Returns the corpus, this merge's per-article fingerprints, its traces, the
    documents the analysis skipped (by id) and the document id of each article."""
    from kemnaker_tui.analysis.extract import DocumentFindings, MergeReuse
    from kemnaker_tui.analysis.pipeline import corpus_stage, extractors_for_user
    from kemnaker_tui.analysis.resolve_trace import Replay, ReplayMismatch
    from kemnaker_tui.library.workers import fork_map
    user = _user(user)
    previous = snapshots.previous_merge(folder, akey)
    traces = previous.traces.traces if previous.traces is not None and replay_traces else {}

    def kept(doc: str) -> bool:         # known from the last merge: not read from the store
        return doc in previous.skipped or (doc in traces and doc in previous.articles)

    unpacked: dict = dict(arrived or {})     # analysed just now, already unpacked
    if arrived:
        arrived.clear()
    total = len(found.order)
    need = [d for d in dict.fromkeys(found.order) if d not in unpacked and not kept(d)]
    ready = total - len(need)               # arrived just now, or known from the last merge
    report("load", ready, total)
    for n, (doc, data) in enumerate(store.analyses(akey, need), start=1):
        unpacked[doc] = unpack(data)         # compressed bytes dropped as we go
        if n % 500 == 0:
            report("load", ready + n, total)
    report("load", total, total)
    lost = [d for d in need if d not in unpacked]
    if lost:        # pruned by another process between our scan and now: rare; say so
        raise StoreError(f"{len(lost)} analyses vanished from the store while loading; run the command again")
    outcomes = []
    tags = []
    skipped = []
    skipped_ids = {}
    for doc in found.order:
        item = unpacked.pop(doc, None)
        if item is None:
            item = previous.skipped.get(doc) or \
                DocumentFindings(previous.articles[doc], None, None)   # replayed
        if isinstance(item, SkippedFile):
            skipped.append(item)
            skipped_ids[doc] = item
        else:
            outcomes.append(item)
            tags.append(doc)

    def fetch(n: int):
        for _doc, data in store.analyses(akey, [tags[n]]):
            return unpack(data)
        raise StoreError("an analysis vanished from the store while merging; run the command again")

    ex = extractors_for_user(user)
    reuse = MergeReuse(tags, previous.results)
    replay = Replay(tags, previous.traces if replay_traces else None, fetch)
    try:
        corpus = corpus_stage(outcomes, skipped, [], ex, user, report, reuse=reuse, article_map=fork_map(jobs),
                              replay=replay)
    except ReplayMismatch:      # a trace that does not replay (a bug): merged afresh
        return _merge(store, found, akey, user, report, folder, jobs, None, replay_traces=False)
    return corpus, reuse.after, replay.saved(), skipped_ids, tags


def analyse_without_store(paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                          corrections_file=None, alias_file=None):
    """``--no-store``: the same two stages in this process, nothing read or written
    in the cache. Returns ``corrections.Finished``."""
    from kemnaker_tui.analysis.pipeline import analyse
    from kemnaker_tui.corpus.reader import read_paths
    result = read_paths(paths, progress=(lambda n, _p: progress("read", n, 0)) if progress else None)
    corpus = analyse(result, progress=progress)
    n_read = len(result.skipped)
    # analyse() put reading's skipped and warnings first; finish_corpus is where they join
    return finish_corpus(Corpus(corpus.articles, corpus.entities, corpus.meetings, corpus.quotes,
                                corpus.figures, skipped=corpus.skipped[n_read:]),
                         list(result.skipped), list(corpus.warnings), corrections_file, alias_file)
