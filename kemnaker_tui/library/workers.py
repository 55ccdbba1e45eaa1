"""The per-document stage in worker processes (all cores by default).

Each worker builds the extractors once (the base lexicon plus the user's
aliases) and turns batches of documents into packed analyses (bytes ready
for the store). Few documents, or ``jobs == 1``, run in this process: a
worker pool costs more to start than a handful of documents.
"""
from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator

from kemnaker_tui.library.store import pack
from kemnaker_tui.model import RawDocument

BATCH = 24                 # documents a worker takes at once (fewer round trips, still even shares)
MIN_FOR_POOL = 48          # below this, analysing here is quicker than starting workers

_EX = None                 # the worker's extractors
_FORKED_WORK = None        # fork_map's work, inherited by its forked workers


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _extractors(user):
    from kemnaker_tui.analysis.pipeline import extractors_for_user
    return extractors_for_user(user)


def _init(user) -> None:
    global _EX
    _EX = _extractors(user)


def _analyse_batch(batch: list[tuple[str, RawDocument]]) -> list[tuple[str, bytes]]:
    from kemnaker_tui.analysis.pipeline import analyse_document
    return [(doc_id, pack(analyse_document(doc, _EX))) for doc_id, doc in batch]


def _context():
    """fork when this process has a single thread (fast: workers inherit the
    loaded modules); forkserver otherwise (forking a threaded process — the
    explorer — can copy a lock held by another thread)."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["kemnaker_tui.analysis.pipeline", "kemnaker_tui.analysis.extract"])
        return ctx
    return multiprocessing.get_context("spawn")


def prepare_for_threads() -> None:
    """Call from the main thread before an app takes over the terminal: starts
    multiprocessing's resource tracker now, while ``sys.stderr`` is the real
    one. (Started later from a worker thread of a Textual app it would hand
    the child ``sys.stderr.fileno()`` of Textual's capture, -1, and fail with
    "bad value(s) in fds_to_keep".)"""
    try:
        from multiprocessing import resource_tracker
        resource_tracker.ensure_running()
    except Exception:  # noqa: BLE001 - without it the pool fails later and we analyse in-process
        pass


def analyse_documents(docs: list[tuple[str, RawDocument]], user, jobs: int,
                      progress: Callable[[int, int], None] | None = None) -> Iterator[list[tuple[str, bytes]]]:
    """Yield batches of (doc id, packed analysis) as they are done (any order)."""
    total = len(docs)
    done = 0
    if jobs <= 1 or total < MIN_FOR_POOL:
        ex = _extractors(user)
        from kemnaker_tui.analysis.pipeline import analyse_document
        for i in range(0, total, BATCH):
            out = [(doc_id, pack(analyse_document(doc, ex))) for doc_id, doc in docs[i:i + BATCH]]
            done += len(out)
            if progress:
                progress(done, total)
            yield out
        return
    from concurrent.futures.process import BrokenProcessPool
    ctx = _context()
    try:
        yield from _in_pool(docs, user, jobs, progress, ctx)
    except (BrokenProcessPool, OSError, ValueError) as exc:
        # no worker processes here (a sandbox, a closed stderr): analyse in this process
        import warnings
        warnings.warn(f"worker processes unavailable ({exc}); analysing in one process", RuntimeWarning)
        yield from analyse_documents(docs, user, 1, progress)


def _in_pool(docs, user, jobs, progress, ctx):
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    total = len(docs)
    done = 0
    if ctx.get_start_method() == "fork":
        _extractors(user)            # built once here, inherited by every worker
    batches = [docs[i:i + BATCH] for i in range(0, total, BATCH)]
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=ctx,
                             initializer=_init, initargs=(user,)) as pool:
        # a bounded number of batches in flight: memory stays flat however many documents
        pending = set()
        it = iter(batches)
        try:
            for batch in it:
                pending.add(pool.submit(_analyse_batch, batch))
                if len(pending) >= jobs * 3:
                    break
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for fut in finished:
                    out = fut.result()
                    done += len(out)
                    if progress:
                        progress(done, total)
                    yield out
                    nxt = next(it, None)
                    if nxt is not None:
                        pending.add(pool.submit(_analyse_batch, nxt))
        finally:
            for fut in pending:
                fut.cancel()


def fork_map(jobs: int):
    """An ``extract.ArticleMap`` that runs the parts in ``jobs`` forked worker
    processes, or None (run here) when forking is not safe or not worth it:
    one job, no fork on this system, or other threads in this process (the
    explorer). Forked workers see the parent's memory as it was — the merged
    entities and every article — so nothing is sent to them but two numbers,
    and only the parts' results come back."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return None

    def run(work, n: int):
        if n < MIN_FOR_POOL:
            yield work(0, n)
            return
        size = max(25, min(400, n // (jobs * 6) or 1))     # small parts: even shares, steady progress
        parts = [(lo, min(n, lo + size)) for lo in range(0, n, size)]
        global _FORKED_WORK
        _FORKED_WORK = work
        done = 0
        try:
            from concurrent.futures import ProcessPoolExecutor
            from concurrent.futures.process import BrokenProcessPool
            try:
                with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"),
                                         initializer=_forked_init) as pool:
                    futures = [pool.submit(_forked_part, lo, hi) for lo, hi in parts]
                    for fut in futures:
                        got = pickle.loads(fut.result())
                        done += 1
                        yield got
            except (BrokenProcessPool, OSError) as exc:
                import warnings
                warnings.warn(f"worker processes failed ({exc}); merging in one process", RuntimeWarning)
                for lo, hi in parts[done:]:
                    yield work(lo, hi)
        finally:
            _FORKED_WORK = None
    return run


def _forked_init() -> None:
    import gc
    gc.disable()        # short-lived, allocation only: a collection would walk (and copy) the parent's objects


def _forked_part(lo: int, hi: int) -> bytes:
    # our pickler (model objects rebuilt by one constructor call; the default one is ~10x slower)
    from kemnaker_tui.library.pickling import dumps
    return dumps(_FORKED_WORK(lo, hi))
