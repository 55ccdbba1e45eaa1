"""Bad, big and hostile files: each bad one reported once with its reason and
skipped, every good one loads, nothing is modified, the CLI's exit code says
which case it was (0 all read, 3 some skipped, 4 nothing readable)."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import SAMPLES, all_expected, make_app, settle, tree_state, wait_loaded
from make_samples import ARTICLE, JSONL_ARTICLES, JSONL_BAD_LINES

from kemnaker_tui.analysis.pipeline import analyse_paths
from kemnaker_tui.cli import EXIT_NOTHING_READABLE, EXIT_OK, EXIT_SOME_SKIPPED, main
from kemnaker_tui.corpus.reader import read_paths

CONTROL = {chr(c) for c in range(32) if c not in (9, 10)} | {chr(c) for c in range(0x7f, 0xa0)}


def _by_name(skipped) -> Counter:
    return Counter(os.path.basename(s.path) for s in skipped)


def test_samples_folder_is_small_and_complete():
    names = {p.name for p in SAMPLES.iterdir()}
    assert names == set(__import__("make_samples").EXPECTED)
    assert sum(p.stat().st_size for p in SAMPLES.iterdir()) < 100_000


def test_every_bad_file_reported_once_every_good_file_loads(hostile_tree):
    result = read_paths([hostile_tree])
    expected = all_expected()
    counts = _by_name(result.skipped)
    reasons = {os.path.basename(s.path): s.reason for s in result.skipped}
    loaded = Counter(d.key.split("#")[0] for d in result.documents)
    for name, reason in expected.items():
        if reason is None:
            assert loaded[name] == JSONL_ARTICLES.get(name, 1), (name, loaded)
            assert counts[name] == JSONL_BAD_LINES.get(name, 0), (name, counts[name])
        else:
            assert loaded[name] == 0, name
            assert counts[name] == 1, (name, counts[name], reasons.get(name))
            assert reason in reasons[name], (name, reasons[name])
    # nothing reported that we did not plant, nothing silently dropped
    assert set(counts) <= set(expected)
    assert set(loaded) == {n for n, r in expected.items() if r is None}


def test_encodings_line_endings_and_nul_bytes_decode(hostile_tree):
    docs = {d.key: d for d in read_paths([hostile_tree]).documents}
    assert docs["utf16le.txt"].text == ARTICLE and docs["utf16be.txt"].text == ARTICLE
    assert "Kafé" in docs["latin1.txt"].text and "«pelatihan»" in docs["latin1.txt"].text
    assert docs["cp1252.txt"].text.startswith("“Pelatihan” –") and "€" in docs["cp1252.txt"].text
    assert "\r\n" in docs["mixed_endings.txt"].text and "\r" in docs["mixed_endings.txt"].text.replace("\r\n", "")
    assert "\x00" in docs["nul_inside.txt"].text       # kept as read: offsets stay true
    corpus = analyse_paths([hostile_tree])
    for a in corpus.articles:                           # offsets always inside the text
        for span in (*a.sentences, *a.paragraphs, *a.boilerplate):
            assert 0 <= span.start <= span.end <= len(a.text)
    # the legacy and UTF-16 files are analysed like any other
    names = {e.name for e in corpus.entities}
    assert {"Ida Fauziyah", "Kanasugi Kenji"} <= names


def test_cli_exit_codes_and_stderr(hostile_tree, tmp_path, capsys):
    # some skipped: 3, each skipped file once on stderr, no control byte from a file name
    assert main(["export", str(hostile_tree), "-o", str(tmp_path / "out.json")]) == EXIT_SOME_SKIPPED
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("kemnaker-tui: skipped ")]
    corpus = analyse_paths([hostile_tree])
    assert len(lines) == len(corpus.skipped)
    for name, reason in all_expected().items():
        if reason is not None and name.isprintable():
            assert sum(f"/{name}: " in line for line in lines) == 1, name
    assert not CONTROL & set(err), "a control character reached stderr"
    assert "bad\\x1b[2J\\x1b]52;c;QQ==\\x07.png" in err          # shown, escaped
    # all read: 0
    good = tmp_path / "good"
    good.mkdir()
    (good / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["export", str(good), "-o", str(tmp_path / "g.json")]) == EXIT_OK
    assert "skipped" not in capsys.readouterr().err
    # nothing readable: 4
    bad = tmp_path / "bad"
    bad.mkdir()
    for name in ("binary.txt", "empty.txt", "zeros.txt", "all_broken.jsonl", "photo.png"):
        (bad / name).write_bytes((SAMPLES / name).read_bytes())
    assert main(["entities", str(bad)]) == EXIT_NOTHING_READABLE
    err = capsys.readouterr().err
    assert "nothing readable" in err and err.count("skipped ") == 5


def test_huge_file_and_one_huge_line(tmp_path):
    """A 50 MB article and one 5 MB line: read, analysed, indexed, fast."""
    folder = tmp_path / "big"
    folder.mkdir()
    chunk = ARTICLE * 40
    with open(folder / "huge.txt", "w", encoding="utf-8") as fh:
        while fh.tell() < 50 * 2**20:
            fh.write(chunk)
    line = ARTICLE.replace("\n", " ")
    (folder / "one_line.txt").write_text(line * (5 * 2**20 // len(line) + 1), encoding="utf-8")
    before = tree_state(folder)
    started = time.perf_counter()
    corpus = analyse_paths([folder])
    seconds = time.perf_counter() - started
    assert sorted(a.key for a in corpus.articles) == ["huge.txt", "one_line.txt"] and not corpus.skipped
    assert len(corpus.article("huge.txt").text.encode("utf-8")) >= 50 * 2**20    # all kept for the view
    assert seconds < 20, f"analysis of 55 MB took {seconds:.1f} s"
    for a in corpus.articles:
        assert all(0 <= s.start < s.end <= len(a.text) for s in a.sentences)
    for q in corpus.quotes:
        assert corpus.article(q.article).text[q.start:q.end] == q.text
    from kemnaker_tui.search import SearchIndex
    results = SearchIndex.build(corpus).search("Fauziyah magang", limit=5)
    assert results.articles
    assert tree_state(folder) == before


def test_ten_thousand_small_files(tmp_path):
    folder = tmp_path / "many"
    for i in range(10_000):
        sub = folder / f"d{i // 1000}"
        if i % 1000 == 0:
            sub.mkdir(parents=True)
        (sub / f"a{i:05d}.txt").write_text(
            f"Berita nomor {i}\nJakarta – Menteri Ketenagakerjaan Ida Fauziyah bertemu delegasi Jepang "
            f"pada Senin (3/6/2024) membahas {i + 1} peserta magang.\n", encoding="utf-8")
    (folder / "d3" / "junk.bin.txt").write_bytes(bytes(range(256)) * 4)
    started = time.perf_counter()
    corpus = analyse_paths([folder])
    seconds = time.perf_counter() - started
    assert len(corpus.articles) == 10_000
    assert [os.path.basename(s.path) for s in corpus.skipped] == ["junk.bin.txt"]
    assert seconds < 60, f"10,000 files took {seconds:.1f} s"


def test_a_path_given_directly_can_be_a_pipe_or_a_loop(tmp_path):
    os.mkfifo(tmp_path / "direct.txt")
    os.symlink("loop.txt", tmp_path / "loop.txt")
    result = read_paths([tmp_path / "direct.txt", tmp_path / "loop.txt"])
    assert not result.documents
    assert [s.reason for s in result.skipped] == ["not a regular file (pipe, socket or device)",
                                                  "cannot read (symlink loop)"]


async def test_files_never_modified_by_a_full_session(hostile_tree, tmp_path, monkeypatch):
    """Hash every file before; read, analyse, run every CLI command, open the app
    and walk through it; hash again: same bytes, modes, sizes and mtimes."""
    monkeypatch.chdir(tmp_path)
    before = tree_state(hostile_tree)
    analyse_paths([hostile_tree])
    for argv in (["export", str(hostile_tree), "-o", str(tmp_path / "x.json")],
                 ["export", str(hostile_tree), "--format", "csv", "-o", str(tmp_path / "csv")],
                 ["entities", str(hostile_tree), "--json"], ["timeline", str(hostile_tree)],
                 ["quotes", str(hostile_tree)], ["figures", str(hostile_tree)],
                 ["search", "magang", str(hostile_tree)]):
        assert main(argv) == EXIT_SOME_SKIPPED, argv
    app = make_app([hostile_tree])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(app, pilot)
        for key in ("s", "escape", "enter", "j", "j", "y", "a", "escape", "slash", *"magang", "tab",
                    "enter", "escape", "t", "enter", "escape", "e", "enter", "b", "escape"):
            await pilot.press(key)
            await settle(app, pilot)
    assert tree_state(hostile_tree) == before      # no file changed, none added or removed


def test_tui_exit_code_for_missing_path(capsys):
    assert main(["/no/such/folder/anywhere"]) == 1
    assert "no such file or folder" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["entities", "timeline", "figures", "quotes", "quotes --format md",
                                     "quotes --format csl", "quotes --json", "search magang", "export"])
def test_cli_subprocess_output_is_inert(hostile_tree, command, tmp_path):
    """The real process: stdout and stderr hold no control byte from the corpus."""
    argv = command.split()
    out = subprocess.run([sys.executable, "-m", "kemnaker_tui", *argv, str(hostile_tree)],
                         capture_output=True, cwd=tmp_path, timeout=120)
    assert out.returncode == EXIT_SOME_SKIPPED, out.stderr.decode(errors="replace")
    for stream in (out.stdout, out.stderr):
        text = stream.decode("utf-8")
        leaked = CONTROL & set(text)
        assert not leaked, sorted(hex(ord(c)) for c in leaked)


def test_jsonl_lines_json_cannot_hold(tmp_path):
    """A 5,000-digit number and 100,000-deep nesting made json raise ValueError
    and RecursionError, which lost the whole load; now each is a reported line."""
    good = '{"text": "Jakarta – Menteri Ida Fauziyah bertemu JICA."}'
    (tmp_path / "feed.jsonl").write_text("\n".join([good, "9" * 5000, "[" * 100_000, good]), encoding="utf-8")
    result = read_paths([tmp_path])
    assert [d.key for d in result.documents] == ["feed.jsonl#1", "feed.jsonl#4"]
    assert [s.reason[:27] for s in result.skipped] == ["line 2: not usable JSON (Va", "line 3: not usable JSON (Re"]


def test_an_unexpected_error_on_one_file_or_article_loses_only_that_one(tmp_path, monkeypatch):
    import kemnaker_tui.analysis.pipeline as pipeline
    import kemnaker_tui.corpus.formats as formats
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    real_plain = formats.read_plain

    def flaky_plain(path, key, text, encoding):
        if key == "b.txt":
            raise RuntimeError("reader bug")
        return real_plain(path, key, text, encoding)
    monkeypatch.setitem(formats.READERS, ".txt", flaky_plain)
    real_build = pipeline.build_article

    def flaky_build(doc):
        if doc.key == "c.md":
            raise IndexError("analysis bug")
        return real_build(doc)
    monkeypatch.setattr(pipeline, "build_article", flaky_build)
    corpus = analyse_paths([tmp_path])
    assert [a.key for a in corpus.articles] == ["a.txt"]
    assert sorted((os.path.basename(s.path), s.reason) for s in corpus.skipped) == [
        ("b.txt", "cannot read (RuntimeError: reader bug)"),
        ("c.md", "c.md: cannot analyse (IndexError: analysis bug)")]


async def test_app_counts_and_lists_skipped_files(hostile_tree):
    """The overview says how many files were skipped; ``s`` lists each once with its reason."""
    from textual.widgets import OptionList
    app = make_app([hostile_tree])
    async with app.run_test(size=(140, 50)) as pilot:
        await wait_loaded(app, pilot)
        corpus = app.explorer.corpus
        assert len(corpus.skipped) == sum(JSONL_BAD_LINES.values()) + sum(
            1 for r in all_expected().values() if r is not None)
        stats = str(app.screen.query_one("#overview-stats").render())
        assert f"{len(corpus.skipped)} files skipped (s shows why)" in stats
        await pilot.press("s")
        await settle(app, pilot)
        assert app.screen.__class__.__name__ == "SkippedScreen"
        options = app.screen.query_one(OptionList)
        prompts = [getattr(o.prompt, "plain", str(o.prompt)) for o in options.options]
        assert len(prompts) == len(corpus.skipped) + len(corpus.warnings), prompts[:3]
        for s in corpus.skipped:        # each entry once, with its reason (layout is the UI's business)
            if s.path.isprintable():
                name = os.path.basename(s.path)
                assert sum(name in p and s.reason in p for p in prompts) == 1, (name, s.reason)
        assert any(s.reason in p for s in corpus.skipped for p in prompts)


def test_size_limit_is_per_format_a_collection_may_be_a_whole_corpus(tmp_path, monkeypatch):
    """A .txt is one article: past the article limit it is a dump and is skipped
    with its size said. A .jsonl holds a corpus (100,000 articles are ~300 MB):
    the same size loads."""
    import json

    from kemnaker_tui.corpus import reader
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 4000)
    monkeypatch.setattr(reader, "SIZE_LIMITS", {".jsonl": 1_000_000})
    line = json.dumps({"title": "Kemnaker dan JICA", "text": ARTICLE}, ensure_ascii=False)
    (tmp_path / "corpus.jsonl").write_text("\n".join([line] * 20) + "\n", encoding="utf-8")
    (tmp_path / "dump.txt").write_text(ARTICLE * 10, encoding="utf-8")
    assert (tmp_path / "dump.txt").stat().st_size > 4000 < (tmp_path / "corpus.jsonl").stat().st_size
    result = read_paths([tmp_path])
    assert len(result.documents) == 20
    assert [(os.path.basename(s.path), s.reason.split(" (")[0]) for s in result.skipped] == [("dump.txt", "too large")]
    assert "MB" in result.skipped[0].reason
    monkeypatch.setattr(reader, "SIZE_LIMITS", {".jsonl": 4000})
    result = read_paths([tmp_path / "corpus.jsonl"])
    assert not result.documents and "too large" in result.skipped[0].reason
