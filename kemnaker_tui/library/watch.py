"""Folder watching (watchfiles): the explorer's live folders.

``watch_changes(paths, stop)`` blocks, yielding the set of changed article
files (paths) each time something under ``paths`` settles; hidden files,
editors' temporaries and unsupported formats are ignored. The caller then
loads through the library again, which analyses only what changed.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

DEBOUNCE_MS = 300     # changes grouped over this long (an editor's save is several events)
STEP_MS = 50


def _relevant(path: str) -> bool:
    from kemnaker_tui.corpus.formats import READERS
    name = os.path.basename(path)
    if name.startswith(".") or name.endswith("~"):
        return False
    return Path(name).suffix.lower() in READERS


def watch_changes(paths: Iterable[str | os.PathLike], stop: threading.Event) -> Iterator[set[str]]:
    """Yield sets of changed article files until ``stop`` is set."""
    import watchfiles
    roots = [str(p) for p in paths if os.path.exists(p)]
    if not roots:
        return
    for changes in watchfiles.watch(*roots, watch_filter=lambda _c, p: _relevant(p), debounce=DEBOUNCE_MS,
                                    step=STEP_MS, stop_event=stop, rust_timeout=500, raise_interrupt=False,
                                    ignore_permission_denied=True):
        if stop.is_set():
            return
        files = {p for _change, p in changes}
        if files:
            yield files


def describe_changes(old_keys: Iterable[str], new_keys: Iterable[str], changed_articles: int) -> str:
    """The toast: "2 articles added, 1 removed", from the article keys before and after."""
    old, new = set(old_keys), set(new_keys)
    parts = []
    added, removed = len(new - old), len(old - new)
    if added:
        parts.append(f"{added} article{'s' if added != 1 else ''} added")
    if changed_articles:
        parts.append(f"{changed_articles} changed")
    if removed:
        parts.append(f"{removed} removed")
    return ", ".join(parts)
