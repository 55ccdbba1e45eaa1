"""The clip basket: quotes, passages and article references gathered for a piece.

No UI imports. Each clip stores its resolved ``cite.Citation`` (not a pointer
into the corpus), so the basket renders the same after a restart or when the
corpus changes::

    basket = Basket.load()             # userdata.basket_path(); a corrupt file is
    basket.message                     #   moved aside, an empty basket loads, and
                                       #   this says where the old file went
    clip = basket.add(citation)        # -> Clip; adding the same quote/passage again
                                       #   returns the clip already there (no duplicates)
    basket.remove(clip.id)             # -> bool
    basket.move(clip.id, -1)           # up one (+1: down); clamps at the ends; -> new index
    basket.move_to(clip.id, 0)
    basket.clear()
    len(basket), list(basket), basket.clips, basket.get(clip_id)
    basket.export_markdown(lang="id") -> str          # one Markdown document
    basket.export_to_file(path, lang="id") -> Path    # written atomically

Every change is saved at once (``autosave=True``): JSON, written atomically
(temp file + os.replace), ``{"version": 1, "clips": [...]}``. Two app
instances share the file; the last write wins.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from kemnaker_tui import userdata
from kemnaker_tui.cite import Citation, render

FORMAT_VERSION = 1

_HEADINGS = {"id": "Kliping", "en": "Clippings"}
_SOURCES = {"id": "Sumber", "en": "Sources"}


@dataclass(frozen=True, slots=True)
class Clip:
    id: str
    citation: Citation
    added: str              # ISO timestamp

    def to_dict(self) -> dict:
        return {"id": self.id, "added": self.added, "citation": self.citation.to_dict()}

    @classmethod
    def from_dict(cls, data: dict) -> "Clip":
        return cls(id=str(data["id"]), added=str(data.get("added", "")),
                   citation=Citation.from_dict(data["citation"]))

    @property
    def identity(self) -> tuple:
        c = self.citation
        return (c.kind, c.article_key, c.quote_id, c.start, c.end)


def _as_article(c: Citation) -> Citation:
    return Citation(kind="article", article_key=c.article_key, title=c.title, outlet=c.outlet,
                    url=c.url, date=c.date, date_kind=c.date_kind, year_inferred=c.year_inferred,
                    date_precision=c.date_precision, article_language=c.article_language, path=c.path,
                    accessed=c.accessed)


class Basket:
    def __init__(self, path: str | os.PathLike | None = None, clips: list[Clip] | None = None,
                 autosave: bool = True) -> None:
        self.path = Path(path) if path is not None else userdata.basket_path()
        self.clips: list[Clip] = list(clips or [])
        self.autosave = autosave
        self.message: str | None = None

    # -- persistence --
    @classmethod
    def load(cls, path: str | os.PathLike | None = None, autosave: bool = True) -> "Basket":
        basket = cls(path, autosave=autosave)
        try:
            raw = basket.path.read_bytes()
        except FileNotFoundError:
            return basket
        try:
            data = json.loads(raw.decode("utf-8"))    # not UTF-8 (binary junk) is corrupt too
            if not isinstance(data, dict) or not isinstance(data.get("clips"), list):
                raise ValueError("no list of clips")
            if data.get("version", FORMAT_VERSION) > FORMAT_VERSION:
                raise ValueError(f"written by a newer version (format {data['version']})")
            basket.clips = [Clip.from_dict(item) for item in data["clips"]]
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            moved = userdata.move_aside(basket.path)
            basket.clips = []
            basket.message = (f"The clip basket {basket.path} could not be read ({exc}); "
                              f"it was moved to {moved} and an empty basket started.")
        return basket

    def save(self) -> Path:
        data = {"version": FORMAT_VERSION, "clips": [c.to_dict() for c in self.clips]}
        return userdata.atomic_write_text(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")

    def _changed(self) -> None:
        if self.autosave:
            self.save()

    # -- the list --
    def __len__(self) -> int:
        return len(self.clips)

    def __iter__(self):
        return iter(self.clips)

    def get(self, clip_id: str) -> Clip | None:
        return next((c for c in self.clips if c.id == clip_id), None)

    def index(self, clip_id: str) -> int:
        for i, c in enumerate(self.clips):
            if c.id == clip_id:
                return i
        raise KeyError(f"no clip {clip_id!r} in the basket")

    def add(self, citation: Citation) -> Clip:
        new = Clip(id=uuid.uuid4().hex[:8], citation=citation,
                   added=dt.datetime.now().astimezone().isoformat(timespec="seconds"))
        for clip in self.clips:
            if clip.identity == new.identity:
                return clip
        self.clips.append(new)
        self._changed()
        return new

    def remove(self, clip_id: str) -> bool:
        before = len(self.clips)
        self.clips = [c for c in self.clips if c.id != clip_id]
        if len(self.clips) != before:
            self._changed()
            return True
        return False

    def move_to(self, clip_id: str, index: int) -> int:
        i = self.index(clip_id)
        index = max(0, min(index, len(self.clips) - 1))
        if index != i:
            self.clips.insert(index, self.clips.pop(i))
            self._changed()
        return index

    def move(self, clip_id: str, delta: int) -> int:
        return self.move_to(clip_id, self.index(clip_id) + delta)

    def clear(self) -> None:
        if self.clips:
            self.clips = []
            self._changed()

    # -- export --
    def export_markdown(self, lang: str = "id", title: str | None = None) -> str:
        heading = title or f"{_HEADINGS.get(lang, _HEADINGS['en'])} — {dt.date.today().isoformat()}"
        body = [f"# {heading}"]
        if self.clips:
            body.append("\n\n---\n\n".join(render(c.citation, "md", lang) for c in self.clips))
            # Each distinct article once, in order of first use.
            seen: dict[str, Citation] = {}
            for c in self.clips:
                seen.setdefault(c.citation.article_key, c.citation)
            refs = [f"- {render(_as_article(cit), 'md', lang)}" for cit in seen.values()]
            body.append(f"## {_SOURCES.get(lang, _SOURCES['en'])}\n\n" + "\n".join(refs))
        return "\n\n".join(body) + "\n"

    def export_to_file(self, path: str | os.PathLike, lang: str = "id", title: str | None = None) -> Path:
        return userdata.atomic_write_text(path, self.export_markdown(lang, title))

