"""The same fact told by several articles: one event, one claim, several sources.

Meetings are one event when they share a date (a real one, not the publication
date standing in) and their participants overlap or their place is the same;
figures are one claim when value, unit and claimant are the same. The user can
join meetings the rules kept apart (a "meeting-merge" correction: ``links``).
Groups keep every source, oldest article first; a fact told once is a group of one.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from kemnaker_tui.model import Figure, Meeting


@dataclass(frozen=True, slots=True)
class Group:
    """One event or claim and every article telling it."""
    items: tuple            # Meetings or Figures, the first is the one shown

    @property
    def first(self):
        return self.items[0]

    @property
    def sources(self) -> int:
        return len({item.article for item in self.items})

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(item.id for item in self.items)


class _Union:
    def __init__(self, ids: Iterable[str]) -> None:
        self.parent = {i: i for i in ids}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: str, b: str) -> None:
        if a in self.parent and b in self.parent:
            ra, rb = self.find(a), self.find(b)
            if ra != rb:
                self.parent[max(ra, rb)] = min(ra, rb)


def _same_event(a: Meeting, b: Meeting) -> bool:
    if a.article == b.article or a.date is None or a.date != b.date:
        return False
    if set(a.participant_ids) & set(b.participant_ids):
        return True
    names_a = {n.casefold() for n in a.participants + a.organisations}
    names_b = {n.casefold() for n in b.participants + b.organisations}
    if names_a & names_b:
        return True
    return bool(a.place and b.place and a.place.casefold() == b.place.casefold())


def _join_same_day(same_day: list[Meeting], union: _Union) -> None:
    """Join the meetings of one day that ``_same_event`` pairs, without testing every
    pair (a busy day of a large corpus has hundreds): meetings are bucketed by what
    they may share — a participant's id, a participant's or organisation's name, the
    place. Within a bucket, any two meetings from different articles are the same
    event; so a bucket drawn from two articles or more is one event, all of it (two
    of its meetings from one article are joined through a third from another, as
    the pairs would join them), and a bucket from one article joins nothing."""
    buckets: dict[tuple, list[Meeting]] = defaultdict(list)
    for m in same_day:
        keys = {("id", x) for x in m.participant_ids}
        keys.update(("name", n.casefold()) for n in m.participants + m.organisations)
        if m.place:
            keys.add(("place", m.place.casefold()))
        for k in keys:
            buckets[k].append(m)
    for members in buckets.values():
        if len(members) > 1 and any(m.article != members[0].article for m in members):
            for m in members[1:]:
                union.join(members[0].id, m.id)


def _order(item, published) -> tuple:
    return (published.get(item.article) is None, published.get(item.article) or "", item.article, item.start)


def group_meetings(meetings: Sequence[Meeting], links: Iterable[tuple[str, str]] = (),
                   published: dict | None = None) -> list[Group]:
    """Meetings grouped into events, in the order of their first meeting in ``meetings``.
    ``published``: article key -> date, to show the earliest source first."""
    published = published or {}
    union = _Union(m.id for m in meetings)
    by_date: dict = defaultdict(list)
    for m in meetings:
        if m.date is not None:
            by_date[m.date].append(m)
    for same_day in by_date.values():
        if len(same_day) > 1:
            _join_same_day(same_day, union)
    for a, b in links:
        union.join(a, b)
    return _groups(meetings, union, published)


def group_figures(figures: Sequence[Figure], published: dict | None = None) -> list[Group]:
    """Figures grouped into claims: the same value and unit claimed by the same
    claimant in several articles (figures with no claimant stay alone)."""
    published = published or {}
    union = _Union(f.id for f in figures)
    first: dict[tuple, Figure] = {}
    for f in figures:
        claimant = f.claimed_by_id or (f.claimed_by or "").casefold()
        if not claimant:
            continue
        key = (f.value, (f.unit or "").casefold(), claimant)
        if key in first and first[key].article != f.article:
            union.join(first[key].id, f.id)
        first.setdefault(key, f)
    return _groups(figures, union, published)


def _groups(items, union: _Union, published: dict) -> list[Group]:
    members: dict[str, list] = defaultdict(list)
    order: list[str] = []
    for item in items:
        root = union.find(item.id)
        if root not in members:
            order.append(root)
        members[root].append(item)
    return [Group(tuple(sorted(members[r], key=lambda x: _order(x, published)))) for r in order]
