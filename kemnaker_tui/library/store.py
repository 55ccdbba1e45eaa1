"""The store: one SQLite file (standard library ``sqlite3``, WAL) in the cache
folder that keeps each document's analysis, so a document is analysed once.

Tables (``SCHEMA`` below):

    meta      key -> value (the schema version, written at creation)
    analyses  (doc, version) -> data: one document's per-document analysis
              (zlib-compressed pickle of DocumentFindings, or of a SkippedFile
              when the analysis could not take it). ``doc`` is the hash of
              the document's content and names (see ``document_id``);
              ``version`` is the analysis version plus the user's alias file
              (see ``Library.analysis_key``).
    files     (path, key) -> the file's stat fingerprint, the reader version,
              and what reading it gave (document ids, skipped reasons,
              warnings): an unchanged file is not even read again.
    roots     the set of paths a run was asked for -> the document ids it
              found (to say how many were removed since).

Safety: every write is a short transaction, so ``kill -9`` loses at most the
batch in flight and the next run reuses everything committed before it. WAL
and a long busy timeout let two processes write at once (both succeed). A
file that is not our database (corrupt, foreign, or of another schema) is
moved aside with a message and a new store is made. A full disk or a
read-only folder raises :class:`StoreError` with a message, never a
traceback.
"""
from __future__ import annotations

import errno
import hashlib
import os
import pickle
import sqlite3
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kemnaker_tui.model import RawDocument

SCHEMA = 1
APPLICATION_ID = 0x4B4D4E4B        # "KMNK": tells our file from any other SQLite file
STORE_NAME = "library.sqlite"
BUSY_TIMEOUT_MS = 120_000          # another process indexing: wait for its transaction

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS analyses (
    doc TEXT NOT NULL, version TEXT NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY (doc, version));
CREATE TABLE IF NOT EXISTS files (
    path TEXT NOT NULL, key TEXT NOT NULL,
    size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL, ctime_ns INTEGER NOT NULL, ino INTEGER NOT NULL,
    version TEXT NOT NULL, outcome BLOB NOT NULL,
    PRIMARY KEY (path, key));
CREATE TABLE IF NOT EXISTS roots (roots TEXT PRIMARY KEY, docs BLOB NOT NULL);
"""


class StoreError(Exception):
    """The store cannot be used (full disk, no permission): one line for the user."""


def document_id(doc: RawDocument) -> str:
    """Hash of everything the analysis of ``doc`` reads from it (text and names)."""
    h = hashlib.blake2b(digest_size=16)
    for value in (doc.key, doc.path, doc.encoding, doc.title, doc.url, doc.published, doc.outlet,
                  doc.author, doc.meta_source, doc.fetched_at):
        h.update(b"\x01" if value is None else b"\x02" + value.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    h.update(doc.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def pack(obj) -> bytes:
    from kemnaker_tui.library.pickling import dumps
    return zlib.compress(dumps(obj), 1)


def unpack(data: bytes):
    return pickle.loads(zlib.decompress(data))


def storage_error(exc: BaseException, where: Path) -> StoreError:
    """A clear message for a storage failure (full disk, permissions, I/O)."""
    text = str(exc)
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC or "full" in text.lower():
        return StoreError(f"no space left for the store in {where} ({text}); free some space, "
                          f"or run with --no-store")
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) \
            or "readonly" in text.lower() or "read-only" in text.lower():
        return StoreError(f"cannot write the store in {where} ({text}); set KEMNAKER_TUI_HOME to a "
                          f"writable folder, or run with --no-store")
    return StoreError(f"the store in {where} cannot be used ({text}); run with --no-store, or "
                      f"`kemnaker-tui store clear`")


class Store:
    """The SQLite file. Open with :meth:`open` (creates, checks, moves aside)."""

    def __init__(self, path: Path, conn: sqlite3.Connection, notes: list[str]) -> None:
        self.path = path
        self.conn = conn
        self.notes = notes      # what opening it did that the user should hear (a file moved aside)

    # -- opening --------------------------------------------------------------
    @classmethod
    def open(cls, folder: Path) -> "Store":
        notes: list[str] = []
        path = folder / STORE_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise storage_error(exc, folder) from None
        for attempt in (1, 2):
            try:
                conn = cls._connect(path)
                problem = cls._check(conn)
            except sqlite3.DatabaseError as exc:
                if isinstance(exc, sqlite3.OperationalError) and _is_storage_problem(exc):
                    raise storage_error(exc, folder) from None
                problem = f"not a readable database ({exc})"
                conn = None
            if problem is None:
                return cls(path, conn, notes)
            if conn is not None:
                conn.close()
            if attempt == 2:
                raise StoreError(f"the store {path} cannot be made ({problem})")
            notes.append(cls._move_aside(path, problem))
        raise AssertionError("unreachable")

    @staticmethod
    def _connect(path: Path) -> sqlite3.Connection:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                               check_same_thread=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        return conn

    @staticmethod
    def _check(conn: sqlite3.Connection) -> str | None:
        """None when the file is our store (creating it when empty), else what is wrong."""
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if app_id == 0 and not tables:          # a new file: make it ours
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("BEGIN IMMEDIATE")
            try:
                tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
                if not tables:                  # another process may have made it meanwhile
                    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                    conn.execute(f"PRAGMA user_version = {SCHEMA}")
                    for statement in _TABLES.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute("INSERT OR REPLACE INTO meta VALUES ('schema', ?)", (str(SCHEMA),))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            return "not a kemnaker-tui store"
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA:
            return f"store schema {version}, this version uses {SCHEMA}"
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")     # WAL: durable at checkpoints, never corrupt
        conn.execute("SELECT count(*) FROM meta").fetchone()
        return None

    @staticmethod
    def _move_aside(path: Path, problem: str) -> str:
        from kemnaker_tui.userdata import move_aside
        try:
            moved = move_aside(path, "corrupt")
        except OSError as exc:
            raise storage_error(exc, path.parent) from None
        for suffix in ("-wal", "-shm"):        # the old file's journal belongs to it
            side = path.with_name(path.name + suffix)
            if side.exists():
                try:
                    os.replace(side, moved.with_name(moved.name + suffix))
                except OSError:
                    pass
        return f"the store {path} was unusable ({problem}): moved aside to {moved}; making a new one"

    def close(self) -> None:
        try:
            self.conn.close()
        except sqlite3.Error:
            pass

    # -- writing --------------------------------------------------------------
    def _write(self, sql: str, rows: Iterable[tuple]) -> None:
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany(sql, rows)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as exc:
            raise storage_error(exc, self.path.parent) from None

    def put_analyses(self, version: str, rows: Iterable[tuple[str, bytes]]) -> None:
        self._write("INSERT OR REPLACE INTO analyses (doc, version, data) VALUES (?, ?, ?)",
                    ((doc, version, data) for doc, data in rows))

    def put_files(self, rows: Iterable[tuple]) -> None:
        """rows: (path, key, size, mtime_ns, ctime_ns, ino, version, outcome bytes)."""
        self._write("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)

    def put_roots(self, roots: str, docs: dict[str, str]) -> None:
        """The documents (id -> article key) found under these roots."""
        self._write("INSERT OR REPLACE INTO roots VALUES (?, ?)", [(roots, pack(docs))])

    def prune(self, version: str, keep_files_version: str) -> int:
        """Drop analyses of other versions, and of documents no longer under any
        root this store has indexed; files read by another reader version."""
        try:
            known: set[str] = set()
            for (docs,) in self.conn.execute("SELECT docs FROM roots"):
                try:
                    known.update(unpack(docs))
                except Exception:  # noqa: BLE001 - an unreadable row keeps nothing alive
                    pass
            stale = [doc for (doc,) in self.conn.execute("SELECT doc FROM analyses WHERE version = ?", (version,))
                     if doc not in known]
            self._write("DELETE FROM analyses WHERE doc = ? AND version = ?", ((d, version) for d in stale))
            self._write("DELETE FROM analyses WHERE version != ?", [(version,)])
            self._write("DELETE FROM files WHERE version != ?", [(keep_files_version,)])
            return len(stale)
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path.parent) from None

    # -- reading --------------------------------------------------------------
    def _read(self, sql: str, args: tuple = ()) -> list[tuple]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise storage_error(exc, self.path.parent) from None

    def files(self) -> dict[tuple[str, str], tuple]:
        """(path, key) -> (size, mtime_ns, ctime_ns, ino, version, outcome bytes)."""
        return {(r[0], r[1]): r[2:] for r in self._read("SELECT * FROM files")}

    def analysed(self, version: str) -> set[str]:
        return {r[0] for r in self._read("SELECT doc FROM analyses WHERE version = ?", (version,))}

    def analyses(self, version: str, docs: list[str]) -> Iterator[tuple[str, bytes]]:
        """(doc, data) of these documents (in no particular order), in batches."""
        for i in range(0, len(docs), 500):
            chunk = docs[i:i + 500]
            marks = ",".join("?" * len(chunk))
            yield from self._read(f"SELECT doc, data FROM analyses WHERE version = ? AND doc IN ({marks})",
                                  (version, *chunk))

    def roots_docs(self, roots: str) -> dict[str, str] | None:
        """id -> article key of the documents last found under these roots."""
        got = self._read("SELECT docs FROM roots WHERE roots = ?", (roots,))
        if not got:
            return None
        try:
            docs = unpack(got[0][0])
        except Exception:  # noqa: BLE001 - unreadable: as if never indexed
            return None
        return docs if isinstance(docs, dict) else None


def _is_storage_problem(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(w in text for w in ("full", "readonly", "read-only", "unable to open", "disk i/o", "permission"))
