"""What the panes share: the corpus, its search index and the lookups built
once after loading (mentions by article, sentences by offset, co-occurrences).

Plain Python — no Textual — so it is cheap to test and to reuse.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import Counter, OrderedDict, defaultdict
from dataclasses import dataclass

from kemnaker_tui.model import (ENTITY_TYPES, Article, Corpus, Entity, Figure, Meeting, Quote, Span,
                                mention_articles, mentions_in, span_pairs)

TYPE_LABELS = {
    "person": "People",
    "organisation": "Organisations",
    "program": "Programs",
    "place": "Places",
}

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class EntityMark:
    """One entity mention inside an article, for colouring the body."""
    start: int
    end: int
    type: str
    entity_id: str


@dataclass(frozen=True, slots=True)
class Link:
    """Another entity named in the same sentence as the one on its page."""
    other: Entity
    sentences: tuple[tuple[str, Span], ...]   # (article key, sentence span)


class _ArticleMarks:
    """Entity marks of an article (sorted by start, longer first), made on first read
    and kept for the last few hundred articles read."""

    def __init__(self, entities_in: dict[str, list[Entity]], keep: int = 512) -> None:
        self._entities_in = entities_in
        self._made: OrderedDict[str, list[EntityMark]] = OrderedDict()
        self._keep = keep

    def __getitem__(self, key: str) -> list[EntityMark]:
        return self.get(key)

    def get(self, key: str, default=()) -> list[EntityMark]:
        made = self._made.get(key)
        if made is None:
            entities = self._entities_in.get(key)
            if not entities:
                return list(default)
            made = [EntityMark(m.start, m.end, e.type, e.id)
                    for e in entities for m in mentions_in(e.mentions, key)]
            made.sort(key=lambda m: (m.start, -m.end))
            self._made[key] = made
            if len(self._made) > self._keep:
                self._made.popitem(last=False)
        return made


class _SortedIds:
    """Facts found by id by bisection: two lists in id order (~16 bytes a fact, where
    a dict takes ~100: 800,000 figures at 100,000 articles)."""

    def __init__(self, facts) -> None:
        order = sorted(range(len(facts)), key=lambda i: facts[i].id)
        self._ids = [facts[i].id for i in order]
        self._facts = [facts[i] for i in order]

    def get(self, fact_id: str):
        i = bisect.bisect_left(self._ids, fact_id)
        return self._facts[i] if i < len(self._ids) and self._ids[i] == fact_id else None


class Explorer:
    """The loaded corpus plus everything the UI looks up while you move."""

    def __init__(self, corpus: Corpus, index=None, index_problem: str | None = None, finished=None) -> None:
        self.corpus = corpus
        self.finished = finished      # corrections.Finished: what the user corrected, orphaned corrections
        self.index = index
        self.index_problem = index_problem
        # which entities each article mentions; an article's marks are made when it is shown
        # (all of them at once would be one object per mention: millions at 100,000 articles)
        self._entities_in: dict[str, list[Entity]] = defaultdict(list)
        for entity in corpus.entities:
            for key in set(mention_articles(entity.mentions)):
                self._entities_in[key].append(entity)
        # each entity's articles, made when a filter asks (kept for all entities they are
        # ~100 MB of sets at 100,000 articles)
        self._articles_of: OrderedDict[str, frozenset[str]] = OrderedDict()
        self.marks = _ArticleMarks(self._entities_in)
        self._starts: dict[str, list[int]] = {}     # article -> its sentences' starts, when first asked
        self.quotes_by_article: dict[str, list[Quote]] = defaultdict(list)
        for q in corpus.quotes:
            self.quotes_by_article[q.article].append(q)
        self.figures_by_article: dict[str, list[Figure]] = defaultdict(list)
        for f in corpus.figures:
            self.figures_by_article[f.article].append(f)
        self._by_id: dict[str, _SortedIds] = {}     # "quotes"/"figures" -> ids in order, when first asked
        # one event told by several articles is listed once; ``sources`` holds every telling
        # of the events told more than once (``tellings``)
        from kemnaker_tui.analysis.crossref import group_meetings
        ordered = sorted(corpus.meetings, key=self.meeting_sort_key)
        groups = group_meetings(ordered, finished.meeting_links if finished else ())
        self.sources: dict[str, tuple[Meeting, ...]] = {m.id: g.items for g in groups if len(g.items) > 1
                                                        for m in g.items}
        self.meetings: list[Meeting] = [g.first for g in groups]

    def tellings(self, meeting: Meeting) -> tuple[Meeting, ...]:
        """Every article's telling of the event ``meeting`` tells (itself when it is the only one)."""
        return self.sources.get(meeting.id, (meeting,))

    def entity_articles(self, entity_id: str) -> frozenset[str]:
        """The keys of the articles naming ``entity_id`` (the last few asked are kept)."""
        got = self._articles_of.get(entity_id)
        if got is None:
            entity = self.corpus.entity(entity_id)
            got = frozenset(mention_articles(entity.mentions)) if entity is not None else frozenset()
            self._articles_of[entity_id] = got
            if len(self._articles_of) > 64:
                self._articles_of.popitem(last=False)
        return got

    # -- corrections --------------------------------------------------------
    def correction_marks(self, fact_id: str | None) -> list[str]:
        """What the user corrected about a fact (entity, quote, meeting, figure id or article key)."""
        if not fact_id or self.finished is None:
            return []
        return self.finished.marks.get(fact_id, [])

    def mark_of(self, fact) -> str:
        """'✎ ' for a corrected fact, '? ' for one the rules are unsure of, '' otherwise."""
        if self.correction_marks(getattr(fact, "id", None) or getattr(fact, "key", None)):
            return "✎ "
        return "? " if getattr(fact, "unsure", False) else ""

    def facts_in(self, key: str, start: int, end: int) -> list:
        """Every fact standing in ``key`` between start and end: quotes, meetings, figures, entities."""
        out: list = [q for q in self.quotes_by_article.get(key, ()) if q.start < end and start < q.end]
        out += [m for m in self.corpus.meetings if m.article == key and m.start < end and start < m.end]
        out += [f for f in self.figures_by_article.get(key, ()) if f.start < end and start < f.end]
        seen = set()
        for mark in self.marks.get(key, ()):
            if start <= mark.start < end and mark.entity_id not in seen:
                seen.add(mark.entity_id)
                entity = self.corpus.entity(mark.entity_id)
                if entity is not None:
                    out.append(entity)
        return out

    # -- lookups ---------------------------------------------------------
    def article(self, key: str) -> Article:
        return self.corpus.article(key)

    def quote(self, quote_id: str | None, article: str | None = None) -> Quote | None:
        """The quote of this id; ``article``, when known, finds it among that article's few."""
        return self._fact("quotes", quote_id, article, self.quotes_by_article, self.corpus.quotes)

    def figure(self, figure_id: str | None, article: str | None = None) -> Figure | None:
        """The figure of this id; ``article``, when known, finds it among that article's few."""
        return self._fact("figures", figure_id, article, self.figures_by_article, self.corpus.figures)

    def _fact(self, kind: str, fact_id: str | None, article: str | None, by_article, every):
        if not fact_id:
            return None
        if article is not None:
            for fact in by_article.get(article, ()):
                if fact.id == fact_id:
                    return fact
        ids = self._by_id.get(kind)
        if ids is None:
            ids = self._by_id[kind] = _SortedIds(every)
        return ids.get(fact_id)

    def sentence_at(self, key: str, offset: int) -> Span | None:
        """The body sentence holding ``offset`` (None in title/boilerplate)."""
        article = self.article(key)
        i = bisect.bisect_right(self._sentence_starts(key), offset) - 1
        if 0 <= i < len(article.sentences) and article.sentences[i].start <= offset < max(
                article.sentences[i].end, article.sentences[i].start + 1):
            return article.sentences[i]
        return None

    def _sentence_starts(self, key: str) -> list[int]:
        # per explorer (a cache on the method would keep every explorer, and its corpus, alive)
        starts = self._starts.get(key)
        if starts is None:
            starts = self._starts[key] = [start for start, _end in span_pairs(self.article(key).sentences)]
        return starts

    def quote_at(self, key: str, start: int, end: int | None = None) -> Quote | None:
        end = start + 1 if end is None else end
        for q in self.quotes_by_article.get(key, ()):
            if q.start < end and start < q.end:
                return q
        return None

    def meeting_date(self, meeting: Meeting) -> tuple[dt.date | None, bool]:
        """(date, from_publication): the meeting's date, else the article's."""
        if meeting.date:
            return meeting.date, False
        return self.article(meeting.article).published, True

    def meeting_sort_key(self, meeting: Meeting):
        date, _ = self.meeting_date(meeting)
        return (date is None, date or dt.date.min, meeting.article, meeting.start)

    # -- filters ---------------------------------------------------------
    def articles_with(self, entity_ids: frozenset[str]) -> frozenset[str] | None:
        """Articles naming every entity in ``entity_ids`` (None: no filter)."""
        if not entity_ids:
            return None
        sets = [self.entity_articles(e) for e in entity_ids]
        return frozenset.intersection(*sets)

    def meeting_involves(self, meeting: Meeting, entity_id: str) -> bool:
        if entity_id in meeting.participant_ids:
            return True
        entity = self.corpus.entity(entity_id)
        if entity is None:
            return False
        if entity.name in meeting.participants or entity.name in meeting.organisations:
            return True
        if meeting.place and meeting.place in entity.all_names:
            return True
        return any(m.article == meeting.article and m.start < meeting.end and meeting.start < m.end
                   for m in entity.mentions)

    def filter_meetings(self, entity_ids: frozenset[str], start: dt.date | None = None,
                        end: dt.date | None = None, keep_undated: bool = False) -> list[Meeting]:
        """Meetings involving every entity and dated within [start, end] (by their
        own date, else their article's). ``keep_undated``: meetings with no date at
        all stay in (a date range cannot tell about them; the caller shows them apart)."""
        out = []
        for m in self.meetings:
            if entity_ids and not all(self.meeting_involves(m, e) for e in entity_ids):
                continue
            date, _ = self.meeting_date(m)
            if date is None and keep_undated:
                out.append(m)
                continue
            if start and (date is None or date < start):
                continue
            if end and (date is None or date > end):
                continue
            out.append(m)
        return out

    # -- summaries -------------------------------------------------------
    def entities_by_type(self) -> dict[str, list[Entity]]:
        groups: dict[str, list[Entity]] = {t: [] for t in ENTITY_TYPES}
        for e in self.corpus.entities:
            groups.setdefault(e.type, []).append(e)
        for items in groups.values():
            items.sort(key=lambda e: (-len(e.mentions), e.name.casefold()))
        return groups

    def date_range(self) -> tuple[dt.date, dt.date] | None:
        dates = [a.published for a in self.corpus.articles if a.published]
        return (min(dates), max(dates)) if dates else None

    def meetings_per_year(self) -> list[tuple[int | None, int]]:
        counts: Counter = Counter()
        for m in self.meetings:
            date, _ = self.meeting_date(m)
            counts[date.year if date else None] += 1
        return sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))

    def cooccurring(self, entity_id: str, limit_sentences: int = 3) -> list[Link]:
        """Entities sharing a sentence with ``entity_id``, most shared first."""
        entity = self.corpus.entity(entity_id)
        if entity is None:
            return []
        sentences: dict[tuple[str, int, int], Span] = {}
        for m in entity.mentions:
            s = self.sentence_at(m.article, m.start)
            if s is not None:
                sentences[(m.article, s.start, s.end)] = s
        links: dict[str, list[tuple[str, Span]]] = defaultdict(list)
        for (key, _s, _e), span in sentences.items():
            seen: set[str] = set()
            for mark in self.marks.get(key, ()):
                if mark.entity_id == entity_id or mark.entity_id in seen:
                    continue
                if span.start <= mark.start < span.end:
                    seen.add(mark.entity_id)
                    links[mark.entity_id].append((key, span))
        out = []
        for other_id, sents in links.items():
            other = self.corpus.entity(other_id)
            if other is not None:
                out.append(Link(other, tuple(sents)))
        out.sort(key=lambda l: (-len(l.sentences), l.other.name.casefold()))
        return out

    def quotes_of(self, entity: Entity) -> list[Quote]:
        names = {n.casefold() for n in entity.all_names}
        return [q for q in self.corpus.quotes
                if q.speaker_id == entity.id or (q.speaker and q.speaker.casefold() in names)]


def parse_date_range(text: str) -> tuple[dt.date | None, dt.date | None, str | None]:
    """``2024``, ``2023-06``, ``2023..2024-03``, ``..2024``, ``2024-05-01..``.

    Returns (start, end, problem). An empty text is no range.
    """
    text = text.strip()
    if not text:
        return None, None, None
    if ".." in text:
        left, _, right = text.partition("..")
    else:
        left = right = text
    try:
        start = _parse_bound(left.strip(), first=True)
        end = _parse_bound(right.strip(), first=False)
    except ValueError:
        return None, None, f"not a date range: {text!r} (try 2024, 2023-06, 2023..2024-03)"
    if start and end and start > end:
        return None, None, "the range ends before it starts"
    return start, end, None


def _parse_bound(part: str, first: bool) -> dt.date | None:
    if not part:
        return None
    bits = part.split("-")
    if not 1 <= len(bits) <= 3 or not all(b.isdigit() for b in bits):
        raise ValueError(part)
    year = int(bits[0])
    if len(bits) == 1:
        return dt.date(year, 1, 1) if first else dt.date(year, 12, 31)
    month = int(bits[1])
    dt.date(year, month, 1)  # validates the month
    if len(bits) == 2:
        if first:
            return dt.date(year, month, 1)
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, month, int(bits[2]))
