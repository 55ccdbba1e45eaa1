"""What a search returns: hits, their lists and the highlights and snippets
computed on demand (a screen reads a few rows of a list of 200).

``SearchIndex.search`` (index.py) makes these; nothing here talks to tantivy
except through the index handed in.
"""
from __future__ import annotations

import datetime as dt
import threading
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from kemnaker_tui.model import Article, Span, span_pairs
from kemnaker_tui.search.query import Query
from kemnaker_tui.search.snippets import Matcher, Snippet, make_snippet, title_snippet, to_spans

KINDS = ("articles", "passages", "quotes", "figures")
# an article row's snippet: how many leading units (title, sentences) are scanned one by one
LEAD_UNITS = 4


class Hit:
    """One result. Its fields are read from the index's unit table on first
    access (a list of 200 hits costs 200 small objects); ``spans`` and
    ``snippet`` are computed on first access (a UI renders only the visible
    rows), then kept."""

    __slots__ = ("kind", "score", "_row", "_units", "_ctx", "_spans", "_snippet")

    def __init__(self, kind: str, score: float, row: int, units: "UnitTable", ctx: "HitContext") -> None:
        self.kind = kind
        self.score = score
        self._row = row
        self._units = units
        self._ctx = ctx
        self._spans = None
        self._snippet = None

    @property
    def article(self) -> str:
        """The article's key."""
        return self._ctx.index._keys[self._units.art[self._row]]

    @property
    def ref_id(self) -> str | None:
        """The quote or figure id (None for articles and passages)."""
        ref = self._units.ref
        return None if ref is None else ref[self._row]

    @property
    def start(self) -> int:
        return self._units.start[self._row]

    @property
    def end(self) -> int:
        return self._units.end[self._row]

    @property
    def published(self) -> dt.date | None:
        return self._ctx.index._published[self._units.art[self._row]]

    @property
    def spans(self) -> tuple[Span, ...]:
        """Matched characters in ``Article.text`` (for highlighting), in order."""
        if self._spans is None:
            self._spans = self._ctx.spans(self)
        return self._spans

    @property
    def why(self) -> list[tuple[str, str]]:
        """(matched text, reason) for each distinct match that is not the word as
        typed: a stem form, a translation, a completion or a typo."""
        return self._ctx.why(self)

    @property
    def snippet(self) -> Snippet:
        if self._snippet is None:
            self._snippet = self._ctx.snippet(self)
        return self._snippet

    def __repr__(self) -> str:
        return (f"Hit({self.kind!r}, {self.article!r}, ref_id={self.ref_id!r}, score={self.score:.3f}, "
                f"start={self.start}, end={self.end})")


class Hits(Sequence):
    """One result list, best first: a sequence (``len``, indexing, slicing,
    iteration, truthiness) whose :class:`Hit` objects are made only for the
    rows read (the same object each time a row is read again).

    A list a search expects to be read (articles, passages) holds its ranked
    rows already; the others (quotes, figures) only know their count (what a
    tab label needs) and run their tantivy search on the first row read — the
    same query on the same searcher, so the same rows. ``len`` is
    min(count, limit), which is what tantivy's top-``limit`` returns.
    """

    __slots__ = ("kind", "_index", "_make_query", "_has_text", "_limit", "_ctx", "_count", "_rows",
                 "_scores", "_made", "_lock")

    def __init__(self, index: "SearchIndex", kind: str, ctx: "HitContext", count: int, limit: int,
                 has_text: bool, rows=None, scores=None, make_query=None) -> None:
        self.kind = kind
        self._index = index
        self._ctx = ctx
        self._count = count
        self._limit = limit
        self._has_text = has_text
        self._rows = rows
        self._scores = scores
        self._make_query = make_query
        self._made = None
        self._lock = None if rows is not None else threading.Lock()

    def _load(self):
        rows = self._rows
        if rows is None:
            with self._lock:
                rows = self._rows
                if rows is None:
                    index = self._index
                    res = index._run(self.kind, self._make_query(), self._has_text, self._limit)
                    self._scores, rows = index._ranked(self.kind, self._has_text, res, self._limit)
                    self._rows = rows
                    self._make_query = None
        return rows

    def __len__(self) -> int:
        if self._rows is not None:
            return len(self._rows)
        return min(_resolve(self._count), self._limit)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._hit(j) for j in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("hit index out of range")
        return self._hit(i)

    def _hit(self, i: int) -> Hit:
        made = self._made
        if made is None:
            rows = self._load()
            made = self._made = [None] * len(rows)
        hit = made[i]
        if hit is None:
            hit = made[i] = Hit(self.kind, self._scores[i], self._rows[i], self._index._units[self.kind],
                                self._ctx)
        return hit

    def __iter__(self):
        for i in range(len(self)):
            yield self._hit(i)

    def __repr__(self) -> str:
        return f"<Hits {self.kind} {len(self)} of {_resolve(self._count)}>"


class SearchResults:
    """A search's result lists (:class:`Hits`, best first), their exact counts
    and the query's problems.

    The counts of the lists a search does not rank at once (quotes, figures)
    are still being counted on the search threads when :meth:`SearchIndex.search`
    returns, so a reader building the visible rows overlaps them; ``counts``
    waits for them."""

    def __init__(self, query: Query, problems: list[str] | None = None) -> None:
        self.query = query
        self.problems: list[str] = problems if problems is not None else []
        self.articles: Sequence[Hit] = ()
        self.passages: Sequence[Hit] = ()
        self.quotes: Sequence[Hit] = ()
        self.figures: Sequence[Hit] = ()
        self._counts: dict[str, int] = dict.fromkeys(KINDS, 0)
        self._pending: dict | None = None        # kind -> future of its count

    @property
    def counts(self) -> dict[str, int]:
        pending = self._pending
        if pending:
            for kind, count in pending.items():
                self._counts[kind] = _resolve(count)
            self._pending = None
        return self._counts

    def hits(self, kind: str) -> Sequence[Hit]:
        return getattr(self, kind)

    @staticmethod
    def why(hit: Hit) -> list[tuple[str, str]]:
        """Why ``hit`` matched, for each match that is not a word as typed."""
        return hit.why

    def __repr__(self) -> str:
        return f"SearchResults({self.query.text!r}, counts={self.counts}, problems={self.problems})"


def _resolve(count) -> int:
    """A count, or the future of one."""
    return count if isinstance(count, int) else count.result()


class HitContext:
    """What the hits of one search share to compute highlights lazily: the
    query's term set, and each article's matches (found once, for its hits)."""

    def __init__(self, index: "SearchIndex", query: Query, include_boilerplate: bool, terms) -> None:
        self.index = index
        self.query = query
        self.terms = terms
        self._matcher = None
        self.include_boilerplate = include_boilerplate
        self.passages: Sequence[Hit] = ()
        self._best: dict[int, int] | None = None       # article ordinal -> its first passage hit
        self._lock = threading.Lock()
        self._found: dict[str, tuple[list, list]] = {}     # article -> (match starts, matches), whole text
        self._reasons: dict[str, str | None] = {}           # matched word -> why (None: as typed)
        self._exact: set[str] = set()

    @property
    def matcher(self) -> Matcher:
        if self._matcher is None:
            with self._lock:
                if self._matcher is None:
                    self._matcher = Matcher(self.terms, self.query.phrases, self.query.excludes)
        return self._matcher

    def best_passage(self, key: str) -> Hit | None:
        """The article's best passage among the passage hits (the first in rank order)."""
        best = self._best
        if best is None:
            passages = self.passages
            best = {}
            if passages:
                art = self.index._units["passages"].art
                for i, row in enumerate(passages._load() if isinstance(passages, Hits) else ()):
                    best.setdefault(art[row], i)
            self._best = best
        i = best.get(self.index._ordinal[key])
        return None if i is None else self.passages[i]

    def _matches(self, article: Article) -> tuple[list, list]:
        """Every match in the article's text, found once per search and article."""
        got = self._found.get(article.key)
        if got is None:
            pairs = self.matcher.spans(article.text, 0, len(article.text))
            got = self._found[article.key] = ([s for s, _e in pairs], pairs)
        return got

    def _within(self, article: Article, start: int, end: int, whole: bool = True) -> list[tuple[int, int]]:
        """Matches inside [start, end): from the article's matches when they are
        known (or ``whole``), else by scanning just that range."""
        got = self._found.get(article.key)
        if got is None and not whole:
            return self.matcher.spans(article.text, start, end)
        starts, pairs = got or self._matches(article)
        out = []
        for s, e in pairs[bisect_left(starts, start):]:
            if s >= end:
                break
            if e <= end:
                out.append((s, e))
        return out

    def _unit_spans(self, hit: Hit) -> list[tuple[int, int]]:
        article = self.index.corpus.article(hit.article)
        if hit.kind != "articles":
            return self._within(article, hit.start, hit.end, whole=False)
        if self.include_boilerplate or not article.boilerplate:
            return list(self._matches(article)[1])
        spans = []
        for a, b in searchable_ranges(article, False):
            spans.extend(self._within(article, a, b))
        return spans

    def spans(self, hit: Hit) -> tuple[Span, ...]:
        return to_spans(self._unit_spans(hit))

    def why(self, hit: Hit) -> list[tuple[str, str]]:
        text = self.index.corpus.article(hit.article).text
        out: dict[str, tuple[str, str]] = {}
        for s in hit.spans:
            matched = text[s.start:s.end]
            key = matched.lower()
            if key in out or key in self._exact:
                continue
            reason = self._reasons.get(key)
            if reason is None and key not in self._reasons:
                reason = self._reasons[key] = self.index.explain(self.query, key)
            if reason is None:
                self._exact.add(key)
                continue
            out[key] = (matched, reason)
        return list(out.values())

    def snippet(self, hit: Hit) -> Snippet:
        article = self.index.corpus.article(hit.article)
        text = article.text
        if not self.query.has_text:            # filters only: the unit's opening, nothing to highlight
            if hit.kind == "articles":
                unit = article.title_span or (article.sentences[0] if article.sentences else Span(0, len(text)))
                if article.title_span is None and article.title:
                    return title_snippet(article.title, self.matcher)
                return make_snippet(text, unit.start, unit.end, [])
            return make_snippet(text, hit.start, hit.end, [])
        if hit.kind != "articles":
            return make_snippet(text, hit.start, hit.end, [(s.start, s.end) for s in hit.spans])
        # an article: its best passage among the passage hits, else its best sentence
        passage = self.best_passage(hit.article)
        if passage is not None:
            # just that passage's range: the whole article is scanned only when its spans are read
            pairs = [(s.start, s.end) for s in passage.spans]
            if pairs:
                return make_snippet(text, passage.start, passage.end, pairs)
        best = self._best_unit(article)
        if best is not None:
            return make_snippet(text, best[0], best[1], best[2])
        spans = self._unit_spans(hit)
        tsnip = title_snippet(article.title, self.matcher) if article.title else None
        if tsnip is not None and (tsnip.highlights or not spans):
            return tsnip
        if spans:
            s0 = spans[0][0]
            line_start = text.rfind("\n", 0, s0) + 1
            line_end = text.find("\n", s0)
            return make_snippet(text, line_start, len(text) if line_end == -1 else line_end, spans)
        first = article.sentences[0] if article.sentences else Span(0, min(len(text), 180))
        return make_snippet(text, first.start, first.end, [])

    def _best_unit(self, article: Article) -> tuple[int, int, list] | None:
        """(start, end, matches) of the article's first unit (title, sentence; boilerplate
        when searched) holding as many distinct matched words as the query has parts,
        else of the one holding the most; None when no unit holds a match."""
        text = article.text
        want = max(1, len(self.query.groups) + len(self.query.phrases))
        units = list(span_pairs(article.sentences))
        if article.title_span:
            units.insert(0, (article.title_span.start, article.title_span.end))
        if self.include_boilerplate:
            units.extend(span_pairs(article.boilerplate))
        if want == 1 and article.key not in self._found:
            # one word: the first unit that holds it, read one by one (it is usually early,
            # and the matcher's cost grows with the text it reads)
            scan = self.matcher.spans
            for start, end in units[:LEAD_UNITS]:
                pairs = scan(text, start, end)
                if pairs:
                    return start, end, pairs
        # one pass over the whole article; each match counted in the unit it falls in
        pairs = self._matches(article)[1]
        if not pairs:
            return None
        units.sort()
        unit_starts = [u[0] for u in units]
        words: dict[int, set[str]] = {}
        for s, e in pairs:
            i = bisect_right(unit_starts, s) - 1
            if i >= 0 and e <= units[i][1]:
                words.setdefault(i, set()).add(text[s:e].lower())
        best, best_n = None, 0
        for i in sorted(words):
            n = len(words[i])
            if n > best_n:
                best, best_n = i, n
                if n >= want:
                    break
        if best is None:
            return None
        start, end = units[best]
        return start, end, self._within(article, start, end)


def searchable_ranges(article: Article, include_boilerplate: bool) -> list[tuple[int, int]]:
    if include_boilerplate or not article.boilerplate:
        return [(0, len(article.text))]
    out, pos = [], 0
    for b in sorted(article.boilerplate, key=lambda s: s.start):
        if b.start > pos:
            out.append((pos, b.start))
        pos = max(pos, b.end)
    if pos < len(article.text):
        out.append((pos, len(article.text)))
    return out


class UnitTable:
    """Our side of one tantivy index: row -> (article ordinal, start, end, ref id)."""

    def __init__(self, with_ref: bool = False) -> None:
        self.art = array("I")
        self.start = array("I")
        self.end = array("I")
        self.rec = array("i")       # the article's day, for ties (newest first)
        # quote/figure ids; articles and passages have none (no list: 8 bytes a row at 2 million rows)
        self.ref: list[str | None] | None = [] if with_ref else None

    def add(self, art: int, start: int, end: int, ref: str | None = None, rec: int = 0) -> int:
        self.art.append(art)
        self.rec.append(rec)
        self.start.append(start)
        self.end.append(end)
        if self.ref is not None:
            self.ref.append(ref)
        return len(self.art) - 1

    def __len__(self) -> int:
        return len(self.art)
