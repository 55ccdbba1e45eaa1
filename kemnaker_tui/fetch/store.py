"""Where fetched pages live: ``DIR/<host>/<slug>.<ext>`` and a sidecar
``<slug>.json``. A name already taken by another URL gets ``-2``, ``-3``…;
nothing is overwritten except on an explicit refresh of the same URL."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from kemnaker_tui.userdata import atomic_write_bytes, atomic_write_text

MAX_SLUG = 80


def host_folder(url: str) -> str:
    host = (urlsplit(url).hostname or "unknown-host").lower()
    host = host[4:] if host.startswith("www.") else host
    return re.sub(r"[^a-z0-9.\-]", "_", host) or "unknown-host"


def slug_for(url: str) -> str:
    """A readable file name from the URL's path: its last meaningful segment,
    plus a short hash of the query when there is one (``?id=12`` pages)."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    name = ""
    for seg in reversed(segments):
        seg = re.sub(r"\.(?:html?|php|aspx?|jsp|shtml|pdf)$", "", seg, flags=re.IGNORECASE)
        seg = re.sub(r"[^a-z0-9]+", "-", seg.lower()).strip("-")
        if seg and not seg.isdigit() or (seg.isdigit() and len(segments) == 1):
            name = seg
            break
    if not name:
        name = "index" if not segments else re.sub(r"[^a-z0-9]+", "-", "-".join(segments).lower()).strip("-") or "page"
    name = name[:MAX_SLUG].strip("-")
    if parts.query:
        name += "-" + hashlib.sha1(parts.query.encode()).hexdigest()[:8]
    return name


class Store:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self._by_url: dict[str, Path] | None = None

    def known(self) -> dict[str, Path]:
        """url (asked and final) -> the page fetched for it, from the sidecars on disk."""
        if self._by_url is None:
            self._by_url = {}
            if self.root.is_dir():
                for side in sorted(self.root.glob("*/*.json")):
                    record = read_sidecar(side)
                    if record is None:
                        continue
                    page = next((side.with_suffix(s) for s in (".html", ".pdf") if side.with_suffix(s).exists()), None)
                    if page is None:
                        continue
                    for key in ("url", "final_url"):
                        if isinstance(record.get(key), str):
                            self._by_url.setdefault(record[key], page)
        return self._by_url

    def existing(self, url: str) -> Path | None:
        return self.known().get(url)

    def place(self, final_url: str, ext: str, asked_url: str) -> Path:
        """A path for a new page: the slug, or the slug with a number when the name is taken by another URL."""
        folder = self.root / host_folder(final_url)
        base = slug_for(final_url)
        n = 1
        while True:
            name = base if n == 1 else f"{base}-{n}"
            page = folder / f"{name}{ext}"
            side = folder / f"{name}.json"
            taken = page.exists() or side.exists() or any(
                (folder / f"{name}{e}").exists() for e in (".html", ".pdf"))
            if not taken:
                return page
            record = read_sidecar(side)
            if record and asked_url in (record.get("url"), record.get("final_url")) and page.exists():
                return page
            n += 1

    def save(self, page: Path, data: bytes, record: dict) -> None:
        page.parent.mkdir(parents=True, exist_ok=True)
        # The sidecar first: a folder watcher that sees the page finds where it came from beside it.
        atomic_write_text(page.with_suffix(".json"), json.dumps(record, ensure_ascii=False, indent=1) + "\n")
        atomic_write_bytes(page, data)
        for key in ("url", "final_url"):
            if self._by_url is not None and record.get(key):
                self._by_url[record[key]] = page


def read_sidecar(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("url"), str) else None


def now_iso() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
