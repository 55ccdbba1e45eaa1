"""The corrections file: TOML read with tomllib, written with tomli-w, atomically.

    version = 1

    [[correction]]
    n = 1                                  # order of application; `correct undo` takes the last
    kind = "speaker"
    by = "explorer"
    created = "2026-11-30T15:20:00+00:00"
    target = { kind = "quote", id = "q-1a2b3c4d", article = "a.txt", start = 120, end = 188, text = "…" }
    person = { kind = "entity", id = "person:ida-fauziyah", name = "Ida Fauziyah" }

Undo marks a correction ``undone = true`` (kept in the file, never deleted), so
an undo can itself be taken back by editing one line. Every write re-reads the
file first, so the explorer and the CLI can add to the same file in turn.
"""
from __future__ import annotations

import datetime as dt
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from kemnaker_tui.corrections.model import ANCHOR_LISTS, ANCHOR_VALUES, KINDS, Anchor, Correction

VERSION = 1
HEADER = ("# kemnaker-tui corrections: one [[correction]] per fix, applied in order of n.\n"
          "# Written by the explorer and `kemnaker-tui correct`; plain TOML, safe to share and diff.\n"
          "# `undone = true` keeps an undone correction without applying it.\n\n")
_RESERVED = ("n", "kind", "target", "created", "by", "undone", "note")
_STRINGS = ("name", "type", "acronym", "place", "unit", "title", "outlet", "date", "published")
_STRING_LISTS = ("forms", "aliases")


@dataclass
class CorrectionsFile:
    path: Path | None
    corrections: list[Correction] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def active(self) -> list[Correction]:
        return [c for c in self.corrections if not c.undone]

    def next_n(self) -> int:
        return max((c.n for c in self.corrections), default=0) + 1


def parse(data: dict, source: str) -> list[Correction]:
    """Corrections from a parsed TOML document; ValueError names the bad entry."""
    version = data.get("version", VERSION)
    if not isinstance(version, int) or version > VERSION:
        raise ValueError(f"{source}: version {version!r} is newer than this kemnaker-tui understands ({VERSION})")
    rows = data.get("correction", [])
    if not isinstance(rows, list):
        raise ValueError(f"{source}: correction must be a list of [[correction]] tables")
    out: list[Correction] = []
    seen: set[int] = set()
    for i, row in enumerate(rows, start=1):
        out.append(_parse_one(row, f"{source}: [[correction]] number {i}"))
        if out[-1].n in seen:
            raise ValueError(f"{source}: [[correction]] number {i}: n = {out[-1].n} is used twice")
        seen.add(out[-1].n)
    out.sort(key=lambda c: c.n)
    return out


def _parse_one(row, where: str) -> Correction:
    if not isinstance(row, dict):
        raise ValueError(f"{where}: must be a table")
    kind = row.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {', '.join(KINDS)}")
    n = row.get("n")
    if not isinstance(n, int) or isinstance(n, bool) or n < 1:
        raise ValueError(f"{where}: n must be a positive whole number")
    target_kind, allowed = KINDS[kind]
    target = None
    if target_kind != "none":
        target = Anchor.from_dict(row.get("target"), f"{where} ({kind}): target")
        if target_kind != "any" and target.kind != target_kind:
            raise ValueError(f"{where} ({kind}): the target must be a {target_kind}, not a {target.kind}")
        if target_kind == "any" and target.kind == "article":
            raise ValueError(f"{where} (drop): an article cannot be dropped (correct its title, outlet or date)")
    values: dict = {}
    for key, value in row.items():
        if key in _RESERVED:
            continue
        if key not in allowed:
            raise ValueError(f"{where} ({kind}): unknown field {key!r} (allowed: {', '.join(allowed) or 'none'})")
        if key in ANCHOR_VALUES:
            values[key] = Anchor.from_dict(value, f"{where}: {key}")
        elif key in ANCHOR_LISTS:
            if not isinstance(value, list):
                raise ValueError(f"{where}: {key} must be a list of tables")
            values[key] = [Anchor.from_dict(v, f"{where}: {key}") for v in value]
        elif key in _STRING_LISTS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{where}: {key} must be a list of strings")
            values[key] = list(value)
        elif key == "value":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise ValueError(f"{where}: value must be a number")
            values[key] = float(value)
        elif key in _STRINGS:
            if not isinstance(value, str):
                raise ValueError(f"{where}: {key} must be a string")
            if key in ("date", "published") and value:
                try:
                    dt.date.fromisoformat(value)
                except ValueError:
                    raise ValueError(f"{where}: {key} must be a date as YYYY-MM-DD, not {value!r}") from None
            values[key] = value
    for flag in ("undone",):
        if not isinstance(row.get(flag, False), bool):
            raise ValueError(f"{where}: {flag} must be true or false")
    for text in ("created", "by", "note"):
        if not isinstance(row.get(text, ""), str):
            raise ValueError(f"{where}: {text} must be a string")
    return Correction(n=n, kind=kind, target=target, values=values, created=row.get("created", ""),
                      by=row.get("by", ""), undone=row.get("undone", False), note=row.get("note", ""))


def to_toml_dict(corrections: list[Correction]) -> dict:
    rows = []
    for c in corrections:
        row: dict = {"n": c.n, "kind": c.kind}
        if c.by:
            row["by"] = c.by
        if c.created:
            row["created"] = c.created
        if c.undone:
            row["undone"] = True
        if c.note:
            row["note"] = c.note
        if c.target is not None:
            row["target"] = c.target.to_dict()
        for key, value in c.values.items():
            if isinstance(value, Anchor):
                row[key] = value.to_dict()
            elif isinstance(value, list) and value and isinstance(value[0], Anchor):
                row[key] = [v.to_dict() for v in value]
            else:
                row[key] = value
        rows.append(row)
    return {"version": VERSION, "correction": rows}


def dumps(corrections: list[Correction]) -> str:
    import tomli_w
    return HEADER + tomli_w.dumps(to_toml_dict(corrections))


def read(path: Path) -> list[Correction]:
    """Corrections in ``path`` (missing: none). ValueError when it is unusable."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise ValueError(f"corrections file {path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"corrections file {path}: not valid TOML ({exc})") from None
    return parse(data, f"corrections file {path}")


def load(path: str | os.PathLike | None = None) -> CorrectionsFile:
    """The corrections file. One named by the user (``--corrections FILE``) must be
    usable (ValueError otherwise: we never move a file the user named); the default
    one in the config folder, when broken, is moved aside with a warning and an
    empty file takes its place."""
    if path is not None:
        path = Path(path)
        return CorrectionsFile(path, read(path))
    from kemnaker_tui.userdata import corrections_path, move_aside
    path = corrections_path()
    try:
        return CorrectionsFile(path, read(path))
    except ValueError as exc:
        try:
            moved = move_aside(path, "corrupt")
            where = f"moved aside to {moved}"
        except OSError as move_exc:
            where = f"could not move it aside ({move_exc.strerror or move_exc})"
        return CorrectionsFile(path, [], [f"{exc} — {where}; starting a new corrections file"])


def save(path: Path, corrections: list[Correction]) -> Path:
    from kemnaker_tui.userdata import atomic_write_text
    return atomic_write_text(path, dumps(corrections))


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def add(path: str | os.PathLike | None, kind: str, target: Anchor | None, values: dict, by: str) -> Correction:
    """Append one correction to the file (re-read first) and write it; returns it."""
    current = load(path)
    correction = Correction(n=current.next_n(), kind=kind, target=target, values=values, created=now(), by=by)
    save(current.path, current.corrections + [correction])
    return correction


def undo(path: str | os.PathLike | None, count: int = 1) -> list[Correction]:
    """Mark the last ``count`` active corrections undone; returns them (newest first)."""
    current = load(path)
    active = sorted(current.active, key=lambda c: c.n, reverse=True)[:max(0, count)]
    if not active:
        return []
    numbers = {c.n for c in active}
    save(current.path, [c.with_(undone=True) if c.n in numbers else c for c in current.corrections])
    return active
