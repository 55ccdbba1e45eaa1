"""`export --format sqlite FILE`: a documented schema that opens in sqlite3,
with foreign keys and indexes, holding the same analysis as the JSON export."""
from __future__ import annotations

import sqlite3

from kemnaker_tui import library
from kemnaker_tui.cli import main
from kemnaker_tui.corpus.reader import bundled_corpus_path

TABLES = {"articles", "entities", "aliases", "mentions", "meetings", "participants", "quotes", "figures", "meta"}


def test_sqlite_export_of_the_seeds(tmp_path, capsys):
    target = tmp_path / "out" / "korpus.db"
    assert main(["export", str(bundled_corpus_path()), "--format", "sqlite", str(target)]) == 0
    corpus = library.load_corpus([str(bundled_corpus_path())]).corpus
    conn = sqlite3.connect(target)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert TABLES <= tables
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        fks = {(t, r[2]) for t in TABLES for r in conn.execute(f"PRAGMA foreign_key_list({t})")}
        assert ("mentions", "entities") in fks and ("quotes", "articles") in fks and ("participants", "meetings") in fks
        indexed = {r[2] for r in conn.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE type='index'")}
        assert {"mentions", "quotes", "figures", "meetings", "participants"} <= indexed
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len(corpus.articles)
        assert conn.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(corpus.quotes)
        assert conn.execute("SELECT count(*) FROM figures").fetchone()[0] == len(corpus.figures)
        assert conn.execute("SELECT count(*) FROM meetings").fetchone()[0] == len(corpus.meetings)
        assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == sum(len(e.mentions) for e in corpus.entities)
        # a quote's offsets point into its article's text, and its speaker joins to an entity
        q = next(q for q in corpus.quotes if q.speaker_id)
        text, start, end, name = conn.execute(
            "SELECT a.text, q.start, q.\"end\", e.name FROM quotes q JOIN articles a ON a.key = q.article_key "
            "JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?", (q.id,)).fetchone()
        assert text[start:end] == q.text and name == corpus.entity(q.speaker_id).name
        # participants keep the meeting's order
        m = next(m for m in corpus.meetings if m.participants)
        names = [r[0] for r in conn.execute("SELECT name FROM participants WHERE meeting_id = ? AND kind = "
                                            "'participant' ORDER BY position", (m.id,))]
        assert names == list(m.participants)
    finally:
        conn.close()
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".tmp")]


def test_sqlite_export_needs_a_file(capsys, tmp_path):
    assert main(["export", str(bundled_corpus_path()), "--format", "sqlite"]) == 2
    assert "needs a FILE" in capsys.readouterr().err
    assert main(["export", str(bundled_corpus_path()), "--format", "xml"]) == 2
    out = tmp_path / "via-o.sqlite"
    assert main(["export", str(bundled_corpus_path()), "--format", "sqlite", "-o", str(out)]) == 0
    assert out.exists()
