"""The store survives kill -9, two writers, corrupt or foreign files, a new
analysis version and a full disk — and the user's files are only read."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.library.helpers import synthetic, synthetic_master  # noqa: F401 - fixtures
from kemnaker_tui import library
from kemnaker_tui.cli import main
from kemnaker_tui.library.store import STORE_NAME, Store
from tests.library.helpers import make_synthetic, run_cli


def _store_path():
    return library.cache_folder() / STORE_NAME


def _analysed_rows() -> int:
    try:
        conn = sqlite3.connect(f"file:{_store_path()}?mode=ro", uri=True, timeout=1)
        try:
            return conn.execute("SELECT count(*) FROM analyses").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def _fingerprints(folder):
    return {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in folder.rglob("*") if p.is_file()}


def test_kill_9_during_indexing_then_resume(tmp_path):
    corpus = make_synthetic(tmp_path / "big", 500, seed=3)
    before = _fingerprints(corpus)
    proc = subprocess.Popen([sys.executable, "-m", "kemnaker_tui", "index", str(corpus), "--jobs", "1", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 300
    while _analysed_rows() == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "indexing ended before it could be killed (make the corpus bigger)"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    kept = _analysed_rows()
    assert 0 < kept < 500

    done = run_cli("index", str(corpus), "--json")
    assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["articles"] == 500
    assert stats["reused"] >= kept and stats["analysed"] == 500 - stats["reused"]
    assert library.load_corpus([str(corpus)]).corpus == library.load_corpus([str(corpus)], use_store=False).corpus
    assert _fingerprints(corpus) == before          # read, never written


def test_two_index_runs_at_once(synthetic):
    procs = [subprocess.Popen([sys.executable, "-m", "kemnaker_tui", "index", str(synthetic), "--json",
                               "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert json.loads(out)["articles"] == 120
    # one analysed, the other waited and reused (or both analysed): never more than the corpus each
    assert sum(json.loads(o)["analysed"] for o, _e in outs) >= 120
    with sqlite3.connect(_store_path()) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert library.load_corpus([str(synthetic)]).corpus == library.load_corpus([str(synthetic)], use_store=False).corpus


@pytest.mark.parametrize("damage", ["garbage", "foreign", "truncated"])
def test_a_corrupt_or_foreign_store_is_moved_aside_and_rebuilt(capsys, synthetic, damage):
    assert main(["index", str(synthetic), "--json"]) == 0
    capsys.readouterr()
    path = _store_path()
    for side in ("-wal", "-shm"):
        path.with_name(path.name + side).unlink(missing_ok=True)
    if damage == "garbage":
        path.write_bytes(b"this is not a database at all " * 100)
    elif damage == "truncated":
        data = path.read_bytes()
        path.write_bytes(data[:100] + b"\0" * 50)
    else:
        path.unlink()
        with sqlite3.connect(path) as conn:
            conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
            conn.execute("INSERT INTO photos (name) VALUES ('kucing.jpg')")
        conn.close()
    assert main(["index", str(synthetic), "--json"]) == 0
    captured = capsys.readouterr()
    assert "moved aside" in captured.err
    assert "Traceback" not in captured.err
    assert json.loads(captured.out)["analysed"] == 120
    aside = [p for p in path.parent.iterdir() if p.name.startswith(STORE_NAME + ".corrupt-")]
    assert aside, "the damaged file is kept for the user"
    if damage == "foreign":
        with sqlite3.connect(aside[0]) as conn:     # moved, never edited
            assert conn.execute("SELECT name FROM photos").fetchall() == [("kucing.jpg",)]


def test_a_new_analysis_version_analyses_again(capsys, synthetic, monkeypatch):
    assert main(["index", str(synthetic), "--json"]) == 0
    capsys.readouterr()
    import kemnaker_tui.library.library as lib
    monkeypatch.setattr(lib, "analysis_version", lambda: "another-version")
    assert main(["index", str(synthetic), "--json"]) == 0
    got = json.loads(capsys.readouterr().out)
    assert got["analysed"] == 120 and got["reused"] == 0
    with sqlite3.connect(_store_path()) as conn:      # the old version's analyses are dropped
        versions = conn.execute("SELECT count(DISTINCT version) FROM analyses").fetchone()[0]
    assert versions == 1
    assert main(["index", str(synthetic), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["analysed"] == 0


def _full_disk(monkeypatch):
    """SQLite's own 'database or disk is full' (SQLITE_FULL), as on a full disk:
    the store may not grow past its current size."""
    real_open = Store.open.__func__

    def tiny_open(cls, folder):
        store = real_open(cls, folder)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        return store
    monkeypatch.setattr(Store, "open", classmethod(tiny_open))


def test_full_disk_is_a_message_not_a_traceback(capsys, synthetic, monkeypatch):
    _full_disk(monkeypatch)
    assert main(["index", str(synthetic), "--json"]) == 1
    err = capsys.readouterr().err
    assert "no space left" in err and "Traceback" not in err
    # the other commands still answer, analysing without the store, and say why
    assert main(["entities", str(synthetic), "--json"]) == 0
    captured = capsys.readouterr()
    assert "no space left" in captured.err
    assert json.loads(captured.out)


def test_read_only_cache_folder(capsys, synthetic, tmp_path, monkeypatch):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    home = tmp_path / "ro-home"
    (home / "cache").mkdir(parents=True)
    os.chmod(home / "cache", 0o500)
    monkeypatch.setenv("KEMNAKER_TUI_HOME", str(home))
    assert main(["index", str(synthetic)]) == 1
    assert "cannot write the store" in capsys.readouterr().err
