"""Change detection: which files under the user's paths are new or changed.

The same walk and the same article keys as ``corpus.reader.read_paths`` (its
helpers are reused, so the store and ``--no-store`` see the same documents),
but a file whose stat fingerprint (size, mtime, ctime, inode) and reader
version match what the store recorded is not read again: its document ids,
skipped reasons and warnings come from the store. Files are only ever read.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kemnaker_tui.corpus.formats.origin import PAGE_SUFFIXES, sidecar_path
from kemnaker_tui.corpus.reader import ReadResult, _read_file, list_files
from kemnaker_tui.library.store import document_id, pack, unpack
from kemnaker_tui.model import RawDocument, SkippedFile


@dataclass
class FileOutcome:
    """What reading one file gave, as the store keeps it."""
    docs: list[str]                       # document ids, in the file's order
    skipped: list[SkippedFile]
    warnings: list[str]
    keys: list[str] = field(default_factory=list)   # each document's article key (same order)


@dataclass
class Scan:
    """Every document under the paths, in reading order, and what must be read."""
    order: list[str] = field(default_factory=list)            # document ids, reading order
    keys: dict[str, str] = field(default_factory=dict)        # document id -> article key
    walk_skipped: list[SkippedFile] = field(default_factory=list)
    # per file, in order: (outcome) — the skipped and warnings of reading
    outcomes: list[FileOutcome] = field(default_factory=list)
    read: dict[str, RawDocument] = field(default_factory=dict)  # id -> document, for files read now
    file_rows: list[tuple] = field(default_factory=list)       # rows to record once analysed
    files_seen: int = 0
    files_read: int = 0

    @property
    def skipped(self) -> list[SkippedFile]:
        """In the order ``read_paths`` reports them: the walk's first, then each file's."""
        return self.walk_skipped + [s for o in self.outcomes for s in o.skipped]

    @property
    def warnings(self) -> list[str]:
        return [w for o in self.outcomes for w in o.warnings]


def scan(paths: Iterable[str | os.PathLike], known_files: dict, analysed: set[str], reader_version: str,
         progress: Callable[[int, int], None] | None = None) -> Scan:
    """Walk ``paths``; read only the files the store cannot vouch for.

    ``known_files``: the store's files table; ``analysed``: ids of the
    documents the store has an analysis of (for this analysis key).
    """
    result = Scan()
    files = list_files(paths, result.walk_skipped)
    total = len(files)
    for n, (file, key) in enumerate(files, start=1):
        result.files_seen += 1
        if progress and (n % 200 == 0 or n == total):
            progress(n, total)
        try:
            fingerprint = _fingerprint(file)
        except OSError:
            fingerprint = None          # unreadable now: read_file says why
        known = known_files.get((str(file), key)) if fingerprint else None
        if known is not None and tuple(known[:4]) == fingerprint and known[4] == reader_version:
            outcome = _decode(known[5])
            if outcome is not None and all(d in analysed for d in outcome.docs):
                result.outcomes.append(outcome)
                result.order.extend(outcome.docs)
                result.keys.update(zip(outcome.docs, outcome.keys))
                continue
        one = ReadResult()
        try:
            _read_file(file, key, one)
        except Exception as exc:  # noqa: BLE001 - a bug on one file must not lose the others
            one.skipped.append(SkippedFile(str(file), f"cannot read ({type(exc).__name__}: {exc})"))
        result.files_read += 1
        ids = []
        for doc in one.documents:
            doc_id = document_id(doc)
            ids.append(doc_id)
            result.read[doc_id] = doc
            result.keys[doc_id] = doc.key
        outcome = FileOutcome(ids, one.skipped, one.warnings, [d.key for d in one.documents])
        result.outcomes.append(outcome)
        result.order.extend(ids)
        if fingerprint is not None:
            result.file_rows.append((str(file), key, *fingerprint, reader_version, _encode(outcome)))
    return result


def _fingerprint(file: Path) -> tuple[int, int, int, int]:
    """(size, mtime, ctime, inode) — and, folded into the last, what else the reader
    reads with this file: a fetched page's sidecar ``NAME.json``; for a .json,
    whether a page beside it makes it a sidecar (not an article)."""
    st = os.stat(file)
    suffix = file.suffix.lower()
    extra = None
    if suffix in PAGE_SUFFIXES:
        try:
            side = os.stat(sidecar_path(file))
            extra = (side.st_size, side.st_mtime_ns, side.st_ino)
        except OSError:
            extra = ()
    elif suffix == ".json":
        extra = tuple(file.with_suffix(s).exists() for s in PAGE_SUFFIXES)
    ino = st.st_ino if extra is None else hash((st.st_ino, extra)) & (2 ** 62 - 1)
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, ino)


def _encode(outcome: FileOutcome) -> bytes:
    """A file's outcome for the store: most files give one document and no
    problems, kept as plain ids (cheap to read back for every file at start)."""
    if not outcome.skipped and not outcome.warnings:
        # id \x01 key, \0 between documents (a file name holds neither \0 nor, before its key, \x01)
        return b"K" + "\0".join(f"{d}\x01{k}" for d, k in zip(outcome.docs, outcome.keys)).encode(
            "utf-8", "surrogatepass")
    return b"P" + pack(outcome)


def _decode(data: bytes) -> FileOutcome | None:
    """The outcome, or None when the row cannot be read (the file is read again)."""
    try:
        if data[:1] == b"K":
            text = data[1:].decode("utf-8", "surrogatepass")
            pairs = [item.split("\x01", 1) for item in text.split("\0")] if text else []
            return FileOutcome([d for d, _k in pairs], [], [], [k for _d, k in pairs])
        if data[:1] == b"P":
            got = unpack(data[1:])
            return got if isinstance(got, FileOutcome) and len(got.keys) == len(got.docs) else None
    except Exception:  # noqa: BLE001 - a damaged row costs one read, nothing else
        pass
    return None
