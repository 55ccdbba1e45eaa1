"""The analysis version: a hash of everything that decides what the analysis
of a document is — the code of the reader and the analysis, their data files,
the model, and the Python minor version (pickles of its objects). A change to
any of them and the store analyses again; nothing else invalidates it."""
from __future__ import annotations

import functools
import hashlib
import sys
from pathlib import Path

# Bump when the store's own layout of an analysis changes (what a row holds).
FORMAT = 3

_PACKAGE = Path(__file__).resolve().parent.parent
# What the per-document and corpus stages read: folders (code and data files, recursively) and files.
_SOURCES = ("analysis", "corpus", "model.py")
_SUFFIXES = {".py", ".toml", ".txt", ".json", ".csv"}


@functools.lru_cache(maxsize=1)
def analysis_version() -> str:
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version_info[:2]}".encode())
    for name in _SOURCES:
        root = _PACKAGE / name
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*")
                                                     if p.is_file() and p.suffix in _SUFFIXES
                                                     and "__pycache__" not in p.parts)
        for path in files:
            digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:24]
