"""Where a downloaded file came from: the sidecar ``NAME.json`` that ``fetch``
writes beside ``NAME.html`` / ``NAME.pdf``. Reading it is best effort: a
missing or broken sidecar leaves the page a page."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SIDECAR_KEYS = ("url", "final_url", "fetched_at", "status", "content_type")
# The suffixes a fetched page is saved under (its sidecar sits beside it).
PAGE_SUFFIXES = (".html", ".htm", ".pdf")


@dataclass(frozen=True)
class Origin:
    url: str | None
    final_url: str | None
    fetched_at: str | None
    content_type: str | None

    @property
    def best_url(self) -> str | None:
        return self.final_url or self.url


def sidecar_path(page: Path) -> Path:
    return page.with_suffix(".json")


def is_sidecar(path: Path) -> bool:
    """A .json beside a page of the same name, holding a fetch record, is that
    page's sidecar, not an article export (an export.json beside an export.html stays an export)."""
    if path.suffix.lower() != ".json" or not any(path.with_suffix(s).exists() for s in PAGE_SUFFIXES):
        return False
    try:
        if path.stat().st_size > 64 * 1024:
            return False
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return False
    return isinstance(data, dict) and isinstance(data.get("url"), str) and "fetched_at" in data


def read_origin(page: Path) -> Origin | None:
    side = sidecar_path(page)
    try:
        if not side.is_file() or side.stat().st_size > 1_000_000:
            return None
        data = json.loads(side.read_text(encoding="utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("url"), str) or "fetched_at" not in data:
        return None

    def s(name: str) -> str | None:
        v = data.get(name)
        return v if isinstance(v, str) and v else None
    return Origin(s("url"), s("final_url"), s("fetched_at"), s("content_type"))
