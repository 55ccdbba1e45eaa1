"""What a correction is: a kind, the fact it concerns (an anchor), and the new values.

An anchor names its target twice: by the analysis id (fast, but ids change when
offsets or rules change) and by where it stands in the text — article key,
offsets and the words there — so the target is found again after re-analysis,
an edited article or a better analysis version. Plain data, no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

# kind -> (what it targets, the value keys it may carry)
KINDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "merge": ("entity", ("into",)),
    "split": ("entity", ("name", "type", "forms", "mentions")),
    "rename": ("entity", ("name",)),
    "retype": ("entity", ("type",)),
    "drop": ("any", ()),
    "speaker": ("quote", ("person",)),
    "meeting": ("meeting", ("date", "place", "participants")),
    "meeting-merge": ("meeting", ("into",)),
    "figure": ("figure", ("value", "unit", "claimant")),
    "article": ("article", ("title", "outlet", "published")),
    # from the alias file: these names are one entity (found, merged, named)
    "declare": ("none", ("name", "type", "acronym", "aliases")),
}
TARGET_KINDS = ("entity", "quote", "meeting", "figure", "article")
# value keys holding anchors (entities or meetings), one or a list
ANCHOR_VALUES = ("into", "person", "claimant")
ANCHOR_LISTS = ("participants", "mentions")


@dataclass(frozen=True, slots=True)
class Anchor:
    """A fact of the analysis, named by id and by the text it stands on."""
    kind: str                # entity | quote | meeting | figure | article | mention
    id: str = ""
    article: str = ""        # article key ("" for an entity known only by name)
    start: int = -1
    end: int = -1
    text: str = ""           # the words at start..end when the correction was made
    name: str = ""           # entities: the name they had

    def to_dict(self) -> dict:
        out = {"kind": self.kind}
        for key in ("id", "article", "text", "name"):
            if getattr(self, key):
                out[key] = getattr(self, key)
        if self.start >= 0:
            out["start"], out["end"] = self.start, self.end
        return out

    @classmethod
    def from_dict(cls, data: dict, where: str) -> "Anchor":
        if not isinstance(data, dict):
            raise ValueError(f"{where}: must be a table (kind, id, article, start, end, text)")
        kind = data.get("kind")
        if kind not in TARGET_KINDS + ("mention",):
            raise ValueError(f"{where}: kind must be one of {', '.join(TARGET_KINDS + ('mention',))}")
        out = {"kind": kind}
        for key in ("id", "article", "text", "name"):
            value = data.get(key, "")
            if not isinstance(value, str):
                raise ValueError(f"{where}: {key} must be a string")
            out[key] = value
        for key in ("start", "end"):
            value = data.get(key, -1)
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError(f"{where}: {key} must be a whole number")
            out[key] = value
        if not (out["id"] or out["name"] or out["article"]):
            raise ValueError(f"{where}: needs an id, a name or an article")
        return cls(**out)

    def describe(self) -> str:
        if self.kind == "entity":
            return self.name or self.id
        if self.kind == "article":
            return self.article or self.id
        words = " ".join(self.text.split())
        words = words if len(words) <= 50 else words[:49] + "…"
        return f"{self.kind} {self.id or '?'}" + (f" “{words}”" if words else "") + (
            f" in {self.article}" if self.article else "")


@dataclass(frozen=True, slots=True)
class Correction:
    n: int                      # its number in the file (order of application, `undo N`)
    kind: str
    target: Anchor | None       # None for "declare" (alias file)
    values: dict = field(default_factory=dict)
    created: str = ""           # ISO time
    by: str = ""                # "explorer", "cli", "aliases file"
    undone: bool = False
    note: str = ""

    def describe(self) -> str:
        """One line for `correct list` and the explorer."""
        v = self.values
        what = self.target.describe() if self.target else ""
        if self.kind == "merge":
            return f"merge {what} into {_name(v.get('into'))}"
        if self.kind == "split":
            forms = ", ".join(v.get("forms", []))
            n_mentions = len(v.get("mentions", []))
            moved = " and ".join(b for b in (forms and f"forms {forms}",
                                             n_mentions and f"{n_mentions} mention(s)") if b)
            return f"split {moved or 'mentions'} of {what} into {v.get('name')}"
        if self.kind == "rename":
            return f"rename {what} to {v.get('name')}"
        if self.kind == "retype":
            return f"retype {what} as {v.get('type')}"
        if self.kind == "drop":
            return f"drop {what}"
        if self.kind == "speaker":
            return f"speaker of {what}: {_name(v.get('person')) or 'nobody'}"
        if self.kind == "meeting-merge":
            return f"{what} is the same event as {_name(v.get('into'))}"
        if self.kind == "declare":
            names = [v.get("name", "")] + ([v["acronym"]] if v.get("acronym") else []) + list(v.get("aliases", []))
            return f"one {v.get('type', 'organisation')}: " + " = ".join(n for n in names if n)
        changes = []
        for key in KINDS[self.kind][1]:
            if key in v:
                value = v[key]
                if isinstance(value, Anchor):
                    value = _name(value)
                elif isinstance(value, list):
                    value = ", ".join(_name(x) if isinstance(x, Anchor) else str(x) for x in value)
                changes.append(f"{key} = {value or '(none)'}")
        return f"{self.kind} {what}: " + "; ".join(changes)

    def with_(self, **changes) -> "Correction":
        return replace(self, **changes)


def _name(anchor) -> str:
    if isinstance(anchor, Anchor):
        return anchor.name or anchor.describe()
    return str(anchor or "")


@dataclass(frozen=True, slots=True)
class Orphan:
    """A correction that found nothing to apply to, and why (listed, never dropped)."""
    correction: Correction
    reason: str
    not_loaded: bool = False    # its article is not in this corpus (normal with a shared file)
