"""The UI's door to the search engine (``kemnaker_tui.search``).

If the engine cannot be imported or fails to build, the explorer still opens
and says so on the search pane; a plain substring search stands in so the
panes stay usable. The stand-in returns the same shapes as the engine.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kemnaker_tui.model import Corpus, Span

KINDS = ("articles", "passages", "quotes", "figures")


def build_index(corpus: Corpus):
    """(index, problem): the engine's index, or the stand-in and why."""
    try:
        from kemnaker_tui.search import SearchIndex
    except Exception as exc:  # noqa: BLE001 - any import failure is reported, not fatal
        return SubstringIndex(corpus), f"search engine unavailable ({exc}); plain substring search"
    try:
        return SearchIndex.build(corpus), None
    except Exception as exc:  # noqa: BLE001
        return SubstringIndex(corpus), f"search index failed ({exc}); plain substring search"


# ----------------------------------------------------------------------------
# Stand-in with the engine's result shapes.

@dataclass(frozen=True, slots=True)
class _Snippet:
    text: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class _Hit:
    kind: str
    article: str
    ref_id: str | None
    score: float
    start: int
    end: int
    spans: tuple[Span, ...]
    snippet: _Snippet


@dataclass
class _Results:
    articles: list = field(default_factory=list)
    passages: list = field(default_factory=list)
    quotes: list = field(default_factory=list)
    figures: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)
    problems: list = field(default_factory=list)


class SubstringIndex:
    """Case-insensitive substring search over sentences, quotes and figures."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._folded = {a.key: a.text.casefold() for a in corpus.articles}

    def search(self, query: str, limit: int = 200, entity_ids=frozenset(),
               include_boilerplate: bool = False) -> _Results:
        res = _Results()
        terms = [t for t in query.casefold().split() if t]
        allowed = None
        if entity_ids:
            sets = [frozenset(e.articles) for e in self.corpus.entities if e.id in entity_ids]
            allowed = frozenset.intersection(*sets) if len(sets) == len(entity_ids) else frozenset()
        for article in self.corpus.articles:
            if allowed is not None and article.key not in allowed:
                continue
            folded = self._folded[article.key]
            spans = []
            for t in terms:
                i = folded.find(t)
                while i >= 0:
                    if include_boilerplate or not article.is_boilerplate(i, i + len(t)):
                        spans.append(Span(i, i + len(t)))
                    i = folded.find(t, i + 1)
            if not terms or not spans:
                continue
            spans.sort(key=lambda s: s.start)
            res.articles.append(self._hit("article", article, None, spans[0].start, spans[-1].end, spans))
            for s in article.sentences:
                inside = [sp for sp in spans if s.start <= sp.start < s.end]
                if inside:
                    res.passages.append(self._hit("passage", article, None, s.start, s.end, inside))
        for q in self.corpus.quotes:
            if allowed is not None and q.article not in allowed:
                continue
            self._match_ref(res.quotes, "quote", q, terms)
        for f in self.corpus.figures:
            if allowed is not None and f.article not in allowed:
                continue
            self._match_ref(res.figures, "figure", f, terms, f.sentence.start, f.sentence.end)
        for kind in KINDS:
            hits = getattr(res, kind)
            res.counts[kind] = len(hits)
            hits.sort(key=lambda h: -h.score)
            del hits[limit:]
        return res

    def _match_ref(self, out, kind, ref, terms, start=None, end=None) -> None:
        article = self.corpus.article(ref.article)
        start = ref.start if start is None else start
        end = ref.end if end is None else end
        folded = self._folded[article.key]
        spans = []
        for t in terms:
            i = folded.find(t, start, end)
            while 0 <= i:
                spans.append(Span(i, i + len(t)))
                i = folded.find(t, i + 1, end)
        if terms and spans:
            spans.sort(key=lambda s: s.start)
            out.append(self._hit(kind, article, ref.id, start, end, spans))

    @staticmethod
    def _hit(kind, article, ref_id, start, end, spans) -> _Hit:
        lo = max(0, spans[0].start - 60) if kind == "article" else start
        hi = min(len(article.text), lo + 200) if kind == "article" else end
        text = article.text[lo:hi]
        highlights = tuple((s.start - lo, s.end - lo) for s in spans if lo <= s.start and s.end <= hi)
        return _Hit(kind, article.key, ref_id, float(len(spans)), start, end, tuple(spans),
                    _Snippet(text, highlights))
