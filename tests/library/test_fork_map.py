"""The merge's per-article parts shared with forked children (workers.fork_map)."""
from __future__ import annotations

import os
import threading

import pytest

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui.library import workers

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture
def one_thread(monkeypatch):
    """This process as a command has it: one thread. Tests run earlier in the same process
    leave idle threads behind (search pools), which would make fork_map decline to fork;
    the rule itself is tested on its own below, with a real second thread."""
    class _Threading:
        @staticmethod
        def active_count() -> int:
            return 1
    monkeypatch.setattr(workers, "threading", _Threading)


def _gather(run, work, n):
    """Results by position, and the progress told for work done elsewhere (must net to 0)."""
    out: dict[int, object] = {}
    elsewhere = 0
    for lo, part in run(work, n):
        if lo is None:
            elsewhere += part
            continue
        for k, got in enumerate(part):
            assert lo + k not in out, "a position came back twice"
            out[lo + k] = got
    return [out[i] for i in range(n)], elsewhere


def test_every_part_once_in_any_order_and_children_did_some(one_thread):
    parent = os.getpid()

    def work(lo, hi):
        return [(i * i, os.getpid() != parent) for i in range(lo, hi)]

    run = workers.fork_map(2)
    assert run is not None
    got, elsewhere = _gather(run, work, 1000)
    assert [v for v, _child in got] == [i * i for i in range(1000)]
    assert any(child for _v, child in got), "no part was done in a child"
    assert any(not child for _v, child in got), "this process did no part itself"
    assert elsewhere == 0


def test_a_failing_child_has_its_parts_done_here(one_thread):
    parent = os.getpid()

    def work(lo, hi):
        if os.getpid() != parent:
            raise RuntimeError("a child that breaks")
        return list(range(lo, hi))

    got, elsewhere = _gather(workers.fork_map(2), work, 500)
    assert got == list(range(500))
    assert elsewhere == 0


def test_no_fork_for_one_job_or_beside_other_threads():
    assert workers.fork_map(1) is None
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert workers.fork_map(2) is None       # forking beside threads (the explorer) is unsafe
    finally:
        stop.set()
        other.join()


def test_few_items_run_here(one_thread):
    run = workers.fork_map(2)
    pid = os.getpid()
    got, _ = _gather(run, lambda lo, hi: [os.getpid() for _ in range(lo, hi)], 5)
    assert got == [pid] * 5


def test_merge_in_children_equals_merge_here(synthetic, one_thread):
    """The corpus stage with the per-article finders in forked children gives what one
    process gives (120 articles: above the threshold for children)."""
    from kemnaker_tui.analysis.extract import merge_corpus
    from kemnaker_tui.analysis.pipeline import analyse_document, extractors_for_user
    from kemnaker_tui.analysis.useraliases import UserAliases
    from kemnaker_tui.corpus.reader import read_paths

    docs = read_paths([str(synthetic)]).documents
    assert len(docs) >= workers.MIN_FOR_POOL
    user = UserAliases()
    ex = extractors_for_user(user)
    here = merge_corpus([analyse_document(d, ex) for d in docs], ex, user)
    run = workers.fork_map(2)
    assert run is not None
    there = merge_corpus([analyse_document(d, ex) for d in docs], ex, user, article_map=run)
    assert here[0] == there[0]
    assert here[1:] == there[1:]
    assert there[2] and there[3]


# -- fork_call: the snapshot written by a child while this process builds the index

def test_fork_call_runs_in_a_child_and_waits(tmp_path, one_thread):
    parent = os.getpid()
    out = tmp_path / "written"

    def write():
        out.write_text(str(os.getpid()))
    pending = workers.fork_call(write)
    pending.wait()
    assert out.exists() and int(out.read_text()) != parent
    pending.wait()                    # twice: nothing more


def test_a_child_that_fails_has_its_work_done_here(tmp_path, one_thread):
    parent = os.getpid()
    out = tmp_path / "written"

    def write():
        if os.getpid() != parent:
            raise OSError("the child could not write")
        out.write_text("here")
    workers.fork_call(write).wait()
    assert out.read_text() == "here"


def test_what_the_work_raises_here_reaches_the_caller(tmp_path, one_thread):
    def write():
        raise OSError("No space left on device")
    pending = workers.fork_call(write)
    with pytest.raises(OSError, match="No space"):
        pending.wait()


def test_with_other_threads_it_runs_here_when_waited_for(tmp_path):
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        parent = os.getpid()
        seen = []
        pending = workers.fork_call(lambda: seen.append(os.getpid()))
        assert seen == []
        pending.wait()
        assert seen == [parent]
        pending.wait()
        assert seen == [parent]
    finally:
        stop.set()
        other.join()
