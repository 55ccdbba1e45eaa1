"""What the corpus-wide resolver did with each article, kept so the next merge
can replay it instead of working it out again.

``Resolver.resolve`` places every article's mentions in clusters, one article
after another. What an article adds depends on three things only: its own
mentions, the corpus-wide tables built before placing (acronym definitions,
long forms, the words of people named in full, their title groups), and — for
an acronym defined elsewhere — the type the acronym's cluster had so far. So
an article traced last time is replayed (its adds applied as recorded, in its
place in the order) when it is the same document, no table entry it read has
changed, and every cluster type it read would read the same now. Anything
else is placed afresh. Replaying all articles in order gives the clusters a
fresh run gives — first-seen names, acronyms, sources and tie-breaks
included — because the adds and their order are the same.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

# One add is ROW values in a flat tuple: cluster key, type, surface, name, acronym,
# alias, role, start, end, source (``Resolver._add_row``'s arguments).
ROW = 10


@dataclass(slots=True)
class ArticleTrace:
    """One article's part in a resolve."""
    key: str                                  # the article's key (its mentions name it)
    defs: tuple                               # ((acronym, long form), ...) it defines, in order
    persons: tuple                            # ((person key, name words, title group), ...) named in full
    reads: frozenset                          # keys of the corpus-wide tables its placing looked up
    rows: tuple                               # its adds, ROW values each, in order
    first: int                                # adds made before the second pass (where votes are read)
    votes: tuple                              # ((cluster key, type read), ...) in the second pass
    roles: tuple                              # (start, end, role, source) of its people with a role

    def cluster_keys(self) -> set[str]:
        return set(self.rows[0::ROW])

    def starts_unique(self) -> bool:
        """No two of its adds start at one place (its places then sort one way only,
        whatever order the entities come in)."""
        starts = self.rows[7::ROW]
        return len(set(starts)) == len(starts)

    def first_votes(self, cluster_key: str) -> list[str]:
        """The types its first adds gave ``cluster_key``, in order."""
        rows = self.rows
        return [rows[i + 1] for i in range(0, self.first * ROW, ROW) if rows[i] == cluster_key]


@dataclass(slots=True)
class Tables:
    """The corpus-wide tables the placing of every article reads."""
    def_key: dict                              # acronym -> cluster key
    long_key: dict                             # folded long form -> cluster key
    people_tokens: dict                        # name word -> person keys
    person_groups: dict                        # person key -> title groups

    def frozen(self) -> "Tables":
        return Tables(dict(self.def_key), dict(self.long_key),
                      {k: frozenset(v) for k, v in self.people_tokens.items()},
                      {k: frozenset(v) for k, v in self.person_groups.items()})

    def changed_keys(self, other: "Tables") -> set:
        """Keys whose entry differs between the two, in any table (one set: a key of
        one table read under another's name only makes a replay more cautious)."""
        out: set = set()
        for mine, theirs in ((self.def_key, other.def_key), (self.long_key, other.long_key),
                             (self.people_tokens, other.people_tokens),
                             (self.person_groups, other.person_groups)):
            for k in mine.keys() | theirs.keys():
                if mine.get(k) != theirs.get(k):
                    out.add(k)
        return out


@dataclass
class TraceSet:
    """A whole resolve's traces, by document tag, and its tables (what is saved);
    ``entities``: what each cluster became (``extract.entity_part``), which tells
    whether a replayed article's entities are still the same."""
    tables: Tables
    traces: dict[str, ArticleTrace]
    entities: dict[str, tuple] = field(default_factory=dict)
    fresh: set[str] = field(default_factory=set)     # tags traced in this resolve (not replayed)


@dataclass
class Replay:
    """One resolve's link to the last one: ``tags`` name each document (its stored id,
    "" = never replay), ``before`` is the last resolve's traces (None: none),
    ``fetch(n)`` gives document n's findings (the resolve asks only for those it
    must place afresh). Filled by the resolve: ``after`` (this resolve's traces, by
    position) and ``tables``; ``replayed`` counts the articles replayed."""
    tags: list[str]
    before: TraceSet | None
    fetch: Callable[[int], object]
    after: list = field(default_factory=list)
    tables: Tables | None = None
    changed: set = field(default_factory=set)
    replayed: int = 0
    entities: dict = field(default_factory=dict)     # filled by the merge: cluster key -> entity part
    found: dict = field(default_factory=dict)        # position -> findings fetched (``findings``)

    def findings(self, n: int):
        """Document n's findings, fetched once (the resolve places them, the merge reads
        the mentions as placed)."""
        got = self.found.get(n)
        if got is None:
            got = self.found[n] = self.fetch(n)
        return got

    def trace_before(self, n: int) -> ArticleTrace | None:
        tag = self.tags[n]
        if not tag or self.before is None:
            return None
        return self.before.traces.get(tag)

    def saved(self) -> TraceSet:
        """This resolve's traces as the next one reads them."""
        traces = {}
        fresh = set()
        for n, (tag, trace) in enumerate(zip(self.tags, self.after)):
            if tag and trace is not None:
                traces[tag] = trace
                if self.replayed_at(n) is None:
                    fresh.add(tag)
        return TraceSet(self.tables.frozen(), traces, self.entities, fresh)

    def replayed_at(self, n: int) -> ArticleTrace | None:
        """The trace article n was replayed from (None: placed afresh)."""
        old = self.trace_before(n)
        return old if old is not None and self.after[n] is old else None

    def changed_clusters(self) -> set[str]:
        """Clusters whose entity is not what it was in the last resolve."""
        before = self.before.entities if self.before is not None else {}
        now = self.entities
        return {k for k in before.keys() | now.keys() if before.get(k) != now.get(k)}


class ReplayMismatch(Exception):
    """An article placed again did not add what its trace says (a bug): the merge
    is then done afresh, without traces."""
