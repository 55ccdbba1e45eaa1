"""The analysed corpus as a SQLite file people can open, query and share
(``sqlite3``, Datasette): ``kemnaker-tui export PATH... --format sqlite FILE``.

Schema (``SCHEMA_SQL``; every offset is a character offset into
``articles.text``, end exclusive; dates ISO ``YYYY-MM-DD``; booleans 0/1):

    articles      key (PK), path, title, outlet, published, published_text,
                  language, url, author, dateline, encoding, text
    entities      id (PK), type (person|organisation|program|place), name,
                  acronym, roles (JSON list), why, unsure
    aliases       entity_id → entities, alias            (PK entity_id, alias)
    mentions      id (PK), entity_id → entities, article_key → articles,
                  start, end, text
    meetings      id (PK), article_key → articles, kind, date, date_text,
                  year_inferred, place, summary, start, end, why, unsure
    participants  meeting_id → meetings, position, name, entity_id → entities
                  (NULL when not known), kind (participant|organisation)
                  (PK meeting_id, position)
    quotes        id (PK), article_key → articles, text, start, end, speaker,
                  speaker_id → entities, attribution_start, attribution_end,
                  unterminated, why, unsure
    figures       id (PK), article_key → articles, value, unit, text, start,
                  end, sentence_start, sentence_end, claimed_by,
                  claimed_by_id → entities, why, unsure
    meta          key, value (format version, tool version, created)

Foreign keys are declared (and checked while writing); indexes on every
foreign key and on dates, types and names. The file is written under a
temporary name and renamed into place when complete.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import tempfile
from pathlib import Path

from kemnaker_tui.model import Corpus

FORMAT_VERSION = 1

SCHEMA_SQL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    key TEXT PRIMARY KEY, path TEXT NOT NULL, title TEXT, outlet TEXT, published TEXT, published_text TEXT,
    language TEXT, url TEXT, author TEXT, dateline TEXT, encoding TEXT, text TEXT NOT NULL);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('person', 'organisation', 'program', 'place')),
    name TEXT NOT NULL, acronym TEXT, roles TEXT NOT NULL DEFAULT '[]', why TEXT, unsure INTEGER NOT NULL DEFAULT 0);
CREATE TABLE aliases (
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE, alias TEXT NOT NULL,
    PRIMARY KEY (entity_id, alias));
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY, entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL);
CREATE TABLE meetings (
    id TEXT PRIMARY KEY, article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    kind TEXT, date TEXT, date_text TEXT, year_inferred INTEGER NOT NULL DEFAULT 0, place TEXT, summary TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, why TEXT, unsure INTEGER NOT NULL DEFAULT 0);
CREATE TABLE participants (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE, position INTEGER NOT NULL,
    name TEXT NOT NULL, entity_id TEXT REFERENCES entities(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('participant', 'organisation')),
    PRIMARY KEY (meeting_id, position));
CREATE TABLE quotes (
    id TEXT PRIMARY KEY, article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, speaker TEXT,
    speaker_id TEXT REFERENCES entities(id) ON DELETE SET NULL, attribution_start INTEGER, attribution_end INTEGER,
    unterminated INTEGER NOT NULL DEFAULT 0, why TEXT, unsure INTEGER NOT NULL DEFAULT 0);
CREATE TABLE figures (
    id TEXT PRIMARY KEY, article_key TEXT NOT NULL REFERENCES articles(key) ON DELETE CASCADE,
    value REAL, unit TEXT, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    sentence_start INTEGER, sentence_end INTEGER, claimed_by TEXT,
    claimed_by_id TEXT REFERENCES entities(id) ON DELETE SET NULL, why TEXT, unsure INTEGER NOT NULL DEFAULT 0);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
CREATE INDEX entities_type_name ON entities(type, name);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX mentions_entity ON mentions(entity_id);
CREATE INDEX mentions_article ON mentions(article_key);
CREATE INDEX meetings_article ON meetings(article_key);
CREATE INDEX meetings_date ON meetings(date);
CREATE INDEX participants_entity ON participants(entity_id);
CREATE INDEX quotes_article ON quotes(article_key);
CREATE INDEX quotes_speaker ON quotes(speaker_id);
CREATE INDEX figures_article ON figures(article_key);
CREATE INDEX figures_claimed_by ON figures(claimed_by_id);
"""


def _date(d: dt.date | None) -> str | None:
    return d.isoformat() if d else None


def write_sqlite(corpus: Corpus, target: str | os.PathLike) -> Path:
    """Write ``corpus`` to the SQLite file ``target`` (replaced when complete)."""
    from kemnaker_tui import __version__
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    os.unlink(tmp)          # sqlite makes it
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA journal_mode = OFF")     # a new file, renamed when complete
            conn.execute("BEGIN")
            for statement in SCHEMA_SQL.split(";"):
                if statement.strip():
                    conn.execute(statement)
            _fill(conn, corpus, __version__)
            conn.execute("COMMIT")
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"export: {len(problems)} rows point at nothing (first: {problems[0]})")
        finally:
            conn.close()
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target


def _fill(conn: sqlite3.Connection, corpus: Corpus, version: str) -> None:
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("format", str(FORMAT_VERSION)), ("tool", f"kemnaker-tui {version}"),
        ("created", dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"))])
    conn.executemany("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (a.key, a.path, a.title, a.outlet, _date(a.published), a.published_text, a.language, a.url,
         getattr(a, "author", None), a.dateline, a.encoding, a.text) for a in corpus.articles))
    entity_ids = {e.id for e in corpus.entities}
    article_keys = {a.key for a in corpus.articles}

    def ent(eid):
        return eid if eid in entity_ids else None

    conn.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?, ?)", (
        (e.id, e.type, e.name, e.acronym, json.dumps(list(e.roles), ensure_ascii=False),
         getattr(e, "why", "") or None, int(bool(getattr(e, "unsure", False)))) for e in corpus.entities))
    conn.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?)",
                     ((e.id, alias) for e in corpus.entities for alias in e.aliases))
    conn.executemany("INSERT INTO mentions (entity_id, article_key, start, \"end\", text) VALUES (?, ?, ?, ?, ?)", (
        (e.id, m.article, m.start, m.end, m.text) for e in corpus.entities for m in e.mentions
        if m.article in article_keys))
    conn.executemany("INSERT INTO meetings VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (m.id, m.article, m.kind, _date(m.date), m.date_text, int(m.year_inferred), m.place, m.summary,
         m.start, m.end, getattr(m, "why", "") or None, int(bool(getattr(m, "unsure", False))))
        for m in corpus.meetings))
    rows = []
    for m in corpus.meetings:
        # names and ids are listed in the same order (people, then organisations)
        ids = list(m.participant_ids) if len(m.participant_ids) == len(m.participants) else [None] * len(m.participants)
        pos = 0
        for name, eid in zip(m.participants, ids):
            rows.append((m.id, pos, name, ent(eid), "participant"))
            pos += 1
        for name in m.organisations:
            if name not in m.participants:
                rows.append((m.id, pos, name, None, "organisation"))
                pos += 1
    conn.executemany("INSERT INTO participants VALUES (?, ?, ?, ?, ?)", rows)
    conn.executemany("INSERT INTO quotes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (q.id, q.article, q.text, q.start, q.end, q.speaker, ent(q.speaker_id),
         q.attribution.start if q.attribution else None, q.attribution.end if q.attribution else None,
         int(q.unterminated), getattr(q, "why", "") or None, int(bool(getattr(q, "unsure", False))))
        for q in corpus.quotes))
    conn.executemany("INSERT INTO figures VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", (
        (f.id, f.article, f.value, f.unit, f.text, f.start, f.end, f.sentence.start, f.sentence.end,
         getattr(f, "claimed_by", None), ent(getattr(f, "claimed_by_id", None)),
         getattr(f, "why", "") or None, int(bool(getattr(f, "unsure", False)))) for f in corpus.figures))
