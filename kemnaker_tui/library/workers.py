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
    """An ``extract.ArticleMap`` that shares the parts between this process and
    ``jobs - 1`` forked children, or None (all run here) when forking is not
    safe or not worth it: one job, no fork on this system, or other threads in
    this process (the explorer). A forked child sees the parent's memory as it
    was — the merged entities and every article — so nothing is sent to it; it
    sends back only its parts' results (our pickler, through a pipe). This
    process takes a share itself: it would otherwise sit waiting, and its
    share needs no pickling at all. A child that fails has its parts done here."""
    if jobs <= 1 or not hasattr(os, "fork") or threading.active_count() > 1:
        return None

    def run(work, n: int):
        if n < MIN_FOR_POOL:
            yield 0, work(0, n)
            return
        size = max(25, min(400, n // (jobs * 6) or 1))     # small parts, dealt round: even shares
        parts = [(lo, min(n, lo + size)) for lo in range(0, n, size)]
        children = []
        counters = multiprocessing.RawArray("q", jobs)   # articles done by each child: progress
        for w in range(1, jobs):
            mine = parts[w::jobs]
            read_end, write_end = os.pipe()
            try:
                pid = os.fork()
            except OSError:
                os.close(read_end)
                os.close(write_end)
                break
            if pid == 0:
                os.close(read_end)
                _child(work, mine, write_end, counters, w)       # never returns
            os.close(write_end)
            children.append((pid, read_end, mine))
        given = {lo for _pid, _fd, mine in children for lo, _hi in mine}
        told = [0] * jobs           # the children's progress told so far (articles; results come later)
        for lo, hi in parts:
            if lo in given:
                continue
            yield lo, work(lo, hi)
            for w in range(1, len(children) + 1):
                now = counters[w]
                if now > told[w]:
                    yield None, now - told[w]
                    told[w] = now
        for w, (pid, fd, mine) in enumerate(children, start=1):
            got = _collect(pid, fd)
            if told[w]:
                yield None, -told[w]            # counted now with their results
            for k, (lo, hi) in enumerate(mine):
                yield lo, (got[k] if got is not None else work(lo, hi))
    return run


def _child(work, parts, fd: int, counters, slot: int) -> None:
    """A forked child: do ``parts``, write their results to ``fd``, leave (never returns)."""
    code = 1
    try:
        import gc
        gc.disable()        # short-lived, allocation only: a collection would walk (and copy) the parent's objects
        from kemnaker_tui.library.pickling import dumps
        out = []
        for lo, hi in parts:
            out.append(work(lo, hi))
            counters[slot] += hi - lo
        data = dumps(out)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        code = 0
    finally:
        os._exit(code)


def _collect(pid: int, fd: int):
    """A child's results, or None when it failed (its parts are then done here)."""
    chunks = []
    with os.fdopen(fd, "rb") as fh:
        while True:
            chunk = fh.read(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    try:
        _pid, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        return pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - a child that died or wrote garbage: its work is redone here
        return None


class Pending:
    """``fn`` running in a forked child (``fork_call``), or still to run here."""

    def __init__(self, fn: Callable[[], None], pid: int | None) -> None:
        self._fn, self._pid = fn, pid

    def wait(self) -> None:
        """Until it is done: the child waited for, or ``fn`` run here now. A child that
        failed has ``fn`` run here again, so what it raises (a full disk: StoreError)
        reaches the caller."""
        fn, self._fn = self._fn, None
        pid, self._pid = self._pid, None
        if fn is None:
            return
        if pid is not None:
            try:
                _pid, status = os.waitpid(pid, 0)
                if os.waitstatus_to_exitcode(status) == 0:
                    return
            except ChildProcessError:
                pass
        fn()


def fork_call(fn: Callable[[], None]) -> Pending:
    """``fn`` (writing files from memory this process will only read meanwhile) run in
    a forked child while this process goes on; where forking is not safe (other
    threads: the explorer) or not possible, run here when the caller waits for it
    (``Pending.wait``: the caller decides when, e.g. once the user has the result)."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return Pending(fn, None)
    try:
        pid = os.fork()
    except OSError:
        return Pending(fn, None)
    if pid == 0:
        code = 1
        try:
            import gc
            gc.disable()        # short-lived: a collection would walk (and copy) the parent's objects
            fn()
            code = 0
        finally:
            os._exit(code)
    return Pending(fn, pid)
