"""Find article files under the user's paths and read them — read-only, never
written. Every unusable file is reported with its reason and skipped; the rest
still load."""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kemnaker_tui.corpus.encoding import NotText, decode
from kemnaker_tui.corpus.formats import ARTICLE_FILE_LIMIT, BYTE_READERS, READERS, SIZE_LIMITS, FormatError, choose
from kemnaker_tui.corpus.formats.origin import is_sidecar, read_origin
from kemnaker_tui.model import RawDocument, SkippedFile

# Refuse files larger than this outright (per format: see formats.SIZE_LIMITS).
MAX_FILE_BYTES = ARTICLE_FILE_LIMIT


@dataclass
class ReadResult:
    documents: list[RawDocument] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    files_seen: int = 0


def bundled_corpus_path() -> Path:
    """The seed articles: inside the wheel as package data, or the checkout's corpus/."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_corpus", here.parent / "corpus"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the bundled corpus is missing from this installation")


def _walk(root: Path, skipped: list[SkippedFile]) -> Iterable[Path]:
    """Files below root, following links once: a symlink loop is reported, not followed."""
    seen_dirs: set[str] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            real = os.path.realpath(folder)
        except OSError as exc:
            skipped.append(SkippedFile(str(folder), f"cannot resolve ({exc.strerror or exc})"))
            continue
        if real in seen_dirs:
            skipped.append(SkippedFile(str(folder), "symlink loop (folder already read)"))
            continue
        seen_dirs.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(SkippedFile(str(folder), f"cannot list folder ({exc.strerror or exc})"))
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
            except OSError as exc:
                skipped.append(SkippedFile(entry.path, f"cannot stat ({exc.strerror or exc})"))
                continue
            if is_dir:
                subdirs.append(Path(entry.path))
            else:   # files, links, and pipes/devices (reported as such, never opened)
                yield Path(entry.path)
        stack.extend(reversed(subdirs))


def list_files(paths: Iterable[str | os.PathLike], walk_skipped: list[SkippedFile]) -> list[tuple[Path, str]]:
    """Every file under ``paths`` with its article key (its path below the folder
    given, or its name for a file given), keys made unique ("a.txt~2" for the same
    name under a second root). What the walk cannot enter goes to ``walk_skipped``.
    FileNotFoundError for a path that does not exist."""
    todo: list[tuple[Path, str]] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists() and not path.is_symlink():
            raise FileNotFoundError(f"no such file or folder: {raw}")
        if path.is_dir():
            head = str(path).rstrip(os.sep) + os.sep
            for file in _walk(path, walk_skipped):
                name = str(file)
                # file.relative_to(path).as_posix(), without pathlib's cost on 100,000 files
                if name.startswith(head) and os.sep == "/":
                    todo.append((file, name[len(head):]))
                else:
                    todo.append((file, file.relative_to(path).as_posix()))
        else:
            todo.append((path, path.name))
    used: set[str] = set()
    out = []
    for file, key in todo:
        if key in used:     # the same name under two roots: keep both, tell them apart
            n = 2
            while f"{key}~{n}" in used:
                n += 1
            key = f"{key}~{n}"
        used.add(key)
        out.append((file, key))
    return out


def read_paths(paths: Iterable[str | os.PathLike], progress: Callable[[int, str], None] | None = None) -> ReadResult:
    """Read every supported file under ``paths``.

    Raises FileNotFoundError only when a given path does not exist at all;
    everything else (unreadable, binary, broken lines) goes to ``skipped``.
    """
    result = ReadResult()
    for file, key in list_files(paths, result.skipped):
        result.files_seen += 1
        if progress:
            progress(result.files_seen, str(file))
        try:
            _read_file(file, key, result)
        except Exception as exc:  # noqa: BLE001 - a bug on one file must not lose the others
            result.skipped.append(SkippedFile(str(file), f"cannot read ({type(exc).__name__}: {exc})"))
    return result


def _read_file(file: Path, key: str, result: ReadResult) -> None:
    suffix = file.suffix.lower()
    if is_sidecar(file):          # a fetched page's record of where it came from, read with the page
        result.files_seen -= 1
        return
    try:
        info = file.stat()
        if not stat.S_ISREG(info.st_mode):   # a FIFO or device (maybe behind a link) would block or never end
            if suffix in READERS:
                result.skipped.append(SkippedFile(str(file), "not a regular file (pipe, socket or device)"))
            else:
                result.skipped.append(SkippedFile(str(file), f"not a supported format ({suffix or 'no extension'})"))
            return
        with open(file, "rb") as handle:     # read-only: the user's files are never written
            head = handle.read(2048)
            kind, note = choose(suffix, head)
            if kind is None:
                result.skipped.append(SkippedFile(str(file), f"not a supported format ({suffix or 'no extension'})"))
                return
            size = info.st_size
            limit = SIZE_LIMITS.get(kind, MAX_FILE_BYTES)
            if size > limit:
                result.skipped.append(SkippedFile(str(file), f"too large ({size // 2**20} MB; a {kind} file is "
                                                             f"read up to {limit // 2**20} MB)"))
                return
            data = head + handle.read(limit + 1 - len(head))
        if len(data) > limit:                # it grew while we looked
            result.skipped.append(SkippedFile(str(file), f"too large (over {limit // 2**20} MB)"))
            return
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        if "loop" in str(reason).lower() or getattr(exc, "errno", None) == 40:
            reason = "symlink loop"
        result.skipped.append(SkippedFile(str(file), f"cannot read ({reason})"))
        return
    if note:
        result.warnings.append(f"{file}: {note}")
    reader = READERS[kind]
    try:
        if reader in BYTE_READERS:
            out = reader(str(file), key, data, read_origin(file))
        else:
            try:
                text, encoding, warning = decode(data)
            except NotText as exc:
                result.skipped.append(SkippedFile(str(file), str(exc)))
                return
            if warning:
                result.warnings.append(f"{file}: {warning}")
            out = reader(str(file), key, text, encoding)
    except FormatError as exc:
        result.skipped.append(SkippedFile(str(file), str(exc)))
        return
    if isinstance(out, tuple):      # readers of multi-article files also report bad lines (and warnings)
        docs, problems = out[0], out[1]
        for problem in problems:
            result.skipped.append(SkippedFile(f"{file}", problem))
        for warning in out[2] if len(out) > 2 else ():
            result.warnings.append(f"{file}: {warning}")
    else:
        docs = out
    result.documents.extend(docs)
