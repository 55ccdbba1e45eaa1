"""The user's corrections: one TOML file (``corrections.toml`` in the config
folder, or ``--corrections FILE``), written by the explorer and by
``kemnaker-tui correct``, applied to an analysed Corpus after loading — never
part of the analysis, so re-analysis, new articles and a better analysis keep
them (each correction finds its fact again by id, else by the words it stands on).

    finish(corpus, corrections_file=None, alias_file=None) -> Finished
        the one call that turns a loaded Corpus into the corrected one
    store.load / store.add / store.undo      the file
    apply.apply(corpus, corrections)         the engine (plain data in, plain data out)

No UI imports.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from kemnaker_tui.corrections.apply import Applied, apply
from kemnaker_tui.corrections.model import Anchor, Correction, Orphan
from kemnaker_tui.corrections.store import CorrectionsFile
from kemnaker_tui.model import Corpus

__all__ = ["Anchor", "Applied", "Correction", "Finished", "Orphan", "apply", "finish", "load_alias_corrections"]


@dataclass
class Finished(Applied):
    """What ``finish`` returns: the corrected corpus, plus the base corpus (for
    re-applying after a change without re-analysing) and the files it read."""
    base: Corpus | None = None
    file: CorrectionsFile | None = None
    alias_corrections: list[Correction] = field(default_factory=list)


def load_alias_corrections(alias_file: str | os.PathLike | None, warnings: list[str]) -> list[Correction]:
    """The alias file as corrections. One given explicitly must be valid (ValueError);
    the one in the config folder, if broken, is moved aside with a warning."""
    from kemnaker_tui.analysis.useraliases import UserAliases
    if alias_file is not None:
        return UserAliases.load(alias_file).to_corrections(str(alias_file))
    from kemnaker_tui.userdata import aliases_path, move_aside
    path = aliases_path()
    if not path.exists():
        return []
    try:
        return UserAliases.load(path).to_corrections(str(path))
    except ValueError as exc:
        try:
            where = f"moved aside to {move_aside(path, 'corrupt')}"
        except OSError as move_exc:
            where = f"could not move it aside ({move_exc.strerror or move_exc})"
        warnings.append(f"{exc} — {where}; analysing without it")
        return []


def finish(corpus: Corpus, corrections_file: str | os.PathLike | None = None,
           alias_file: str | os.PathLike | None = None, file: CorrectionsFile | None = None) -> Finished:
    """The corpus with the alias file and the corrections file applied.

    Raises ValueError (one clear line) for a file the user named that cannot be
    used; the default files, when broken, are moved aside and reported in the
    corrected corpus's warnings. ``file`` reuses corrections already read."""
    from kemnaker_tui.corrections import store
    warnings: list[str] = []
    aliases = load_alias_corrections(alias_file, warnings)
    if file is None:
        file = store.load(corrections_file)
    warnings += file.warnings
    base = corpus
    if warnings:
        import dataclasses
        base = dataclasses.replace(corpus, warnings=tuple(corpus.warnings) + tuple(warnings),
                                   _by_key={}, _by_entity={})
    done = apply(base, aliases + file.corrections)
    return Finished(done.corpus, done.orphans, done.marks, done.meeting_links, done.applied,
                    base=base, file=file, alias_corrections=aliases)


def reapply(finished: Finished, corrections_file: str | os.PathLike | None = None) -> Finished:
    """After the file changed (the explorer wrote or undid a correction): the base
    corpus corrected again, without re-analysing. Raises ValueError like ``finish``."""
    from kemnaker_tui.corrections import store
    file = store.load(corrections_file)
    done = apply(finished.base, finished.alias_corrections + file.corrections)
    return Finished(done.corpus, done.orphans, done.marks, done.meeting_links, done.applied,
                    base=finished.base, file=file, alias_corrections=finished.alias_corrections)
