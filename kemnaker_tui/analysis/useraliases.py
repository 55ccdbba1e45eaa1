"""The user's alias file (TOML): merge, split, rename or drop entities.

Read as corrections (``to_corrections``), applied after the analysis like the
corrections file: the analysis itself never sees it, so declaring a person's
alias keeps every alias, mention and quote the analysis learned for him,
declaring a known organisation again names the existing entity (no twin), and a
``[[split]]`` of a full name takes the surname-only mentions printed beside it.

    drop = ["Kementerian HRD"]            # never an entity (top of the file)

    [[entity]]                            # these forms are one entity
    name = "Kementerian Ketenagakerjaan"
    type = "organisation"                 # person | organisation | program | place
    acronym = "Kemnaker"
    aliases = ["Kementerian HRD", "Depnaker"]

    [[split]]                             # this form is its own entity
    form = "Anwar"
    name = "Anwar Usman"
    type = "person"

    [rename]                              # show an entity under another name
    "Kitazawa Tomoko" = "Tomoko Kitazawa"
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field

from kemnaker_tui.analysis.lexicon import KnownEntity, fold
from kemnaker_tui.model import ENTITY_TYPES


@dataclass
class UserAliases:
    entities: list[KnownEntity] = field(default_factory=list)
    split: dict[str, tuple[str, str]] = field(default_factory=dict)   # folded form -> (name, type)
    rename: dict[str, str] = field(default_factory=dict)              # folded old name -> new name
    drop: frozenset[str] = frozenset()
    split_forms: dict[str, tuple[str, str]] = field(default_factory=dict)   # form as written -> (name, type)
    rename_names: dict[str, str] = field(default_factory=dict)             # old name as written -> new
    drop_names: list[str] = field(default_factory=list)

    def is_dropped(self, name: str, acronym: str | None, aliases) -> bool:
        if not self.drop:
            return False
        return fold(name) in self.drop or bool(acronym and fold(acronym) in self.drop)

    @classmethod
    def parse(cls, data: dict, source: str = "aliases file") -> "UserAliases":
        def err(msg: str) -> ValueError:
            return ValueError(f"{source}: {msg}")

        out = cls()
        for table in ("entity", "split"):
            if not isinstance(data.get(table, []), list):
                raise err(f"{table} must be a list of [[{table}]] tables")
        for i, row in enumerate(data.get("entity", []), start=1):
            if not isinstance(row, dict) or not isinstance(row.get("name"), str):
                raise err(f"[[entity]] number {i} needs a name")
            etype = row.get("type", "organisation")
            if etype not in ENTITY_TYPES:
                raise err(f"[[entity]] {row['name']!r}: type must be one of {', '.join(ENTITY_TYPES)}")
            if not isinstance(row.get("acronym") or "", str):
                raise err(f"[[entity]] {row['name']!r}: acronym must be a string")
            aliases = row.get("aliases", [])
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                raise err(f"[[entity]] {row['name']!r}: aliases must be a list of strings")
            key = (f"person:{' '.join(sorted(fold(row['name']).split()))}" if etype == "person"
                   else f"user:{etype}:{row['name']}")
            out.entities.append(KnownEntity(key, etype, row["name"], row.get("acronym") or None, tuple(aliases)))
        for i, row in enumerate(data.get("split", []), start=1):
            if not isinstance(row, dict) or not isinstance(row.get("form"), str) or not isinstance(row.get("name"), str):
                raise err(f"[[split]] number {i} needs form and name")
            etype = row.get("type", "person")
            if etype not in ENTITY_TYPES:
                raise err(f"[[split]] {row['form']!r}: type must be one of {', '.join(ENTITY_TYPES)}")
            out.split[fold(row["form"])] = (row["name"], etype)
            out.split_forms[row["form"]] = (row["name"], etype)
        rename = data.get("rename", {})
        if not isinstance(rename, dict):
            raise err("[rename] must be a table of \"old\" = \"new\"")
        out.rename = {fold(k): str(v) for k, v in rename.items()}
        out.rename_names = {str(k): str(v) for k, v in rename.items()}
        drop = data.get("drop", [])
        if not isinstance(drop, list):
            raise err("drop must be a list of names")
        out.drop = frozenset(fold(str(d)) for d in drop)
        out.drop_names = [str(d) for d in drop]
        return out

    def to_corrections(self, source: str = "aliases file") -> list:
        """The file as corrections, in the order: declarations, splits, renames, drops."""
        from kemnaker_tui.corrections.model import Anchor, Correction

        out = []

        def add(kind, target, values):
            out.append(Correction(n=len(out) + 1, kind=kind, target=target, values=values, by="aliases file",
                                  note=source))
        for k in self.entities:
            add("declare", None, {"name": k.name, "type": k.type, **({"acronym": k.acronym} if k.acronym else {}),
                                  "aliases": list(k.aliases)})
        for form, (name, etype) in self.split_forms.items():
            add("split", Anchor("entity", name=form, text=form), {"name": name, "type": etype, "forms": [form]})
        for old, new in self.rename_names.items():
            add("rename", Anchor("entity", name=old), {"name": new})
        for name in self.drop_names:
            add("drop", Anchor("entity", name=name), {})
        return out

    @classmethod
    def load(cls, path: str | os.PathLike | None) -> "UserAliases":
        """Raises ValueError with a clear message when the file is unusable."""
        if path is None:
            return cls()
        try:
            with open(path, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            raise ValueError(f"aliases file not found: {path}") from None
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"aliases file {path}: not valid TOML ({exc})") from None
        except OSError as exc:
            raise ValueError(f"aliases file {path}: cannot read ({exc.strerror or exc})") from None
        return cls.parse(data, source=f"aliases file {path}")
