"""Finding a correction's target again in a (re-)analysed corpus.

By id first — when the fact under that id still stands on the same words —
then by the words: the anchor's text is looked for in its article (at the old
offsets, else the occurrence nearest to them, else a close match among the
article's quotes or meetings), so an edited article, new articles or a better
analysis that renumbers ids still reach the fact the user meant.
"""
from __future__ import annotations

from kemnaker_tui.model import Article, Entity, Figure, Meeting, Quote, mentions_in

FUZZY_MIN = 85      # rapidfuzz ratio for "the same quote, slightly edited"


def relocate(article: Article, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Where ``text`` stands now: at start..end if unchanged, else the occurrence
    nearest to ``start``; None when the words are no longer in the article."""
    if not text:
        return None
    body = article.text
    if 0 <= start and body[start:end] == text:
        return start, end
    best = None
    i = body.find(text)
    while i >= 0:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = body.find(text, i + 1)
    return (best, best + len(text)) if best is not None else None


def entity_mention_at(entities, article: str, start: int, end: int) -> Entity | None:
    """The entity holding a mention overlapping start..end in ``article`` (longest overlap)."""
    best, best_overlap = None, 0
    for e in entities:
        for m in mentions_in(e.mentions, article):
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = e, overlap
    return best


def entities_named(entities, name: str) -> list[Entity]:
    """Entities whose name, acronym or alias is ``name`` (case-insensitive); the
    ones whose canonical name matches come first."""
    folded = name.casefold().strip()
    exact = [e for e in entities if e.name.casefold() == folded]
    other = [e for e in entities if e not in exact and any(n.casefold() == folded for n in e.all_names)]
    return exact + other


def find_in_article(items, article: Article | None, anchor, text_of) -> object | None:
    """A quote, meeting or figure of one article: the one under the relocated words,
    else the closest in wording (rapidfuzz), else None."""
    if article is None:
        return None
    spot = relocate(article, anchor.start, anchor.end, anchor.text)
    if spot is not None:
        s, e = spot
        for item in items:
            if item.start <= s < max(item.end, item.start + 1) or s <= item.start < e:
                return item
    if not anchor.text or not items:
        return None
    from rapidfuzz import fuzz
    scored = [(fuzz.ratio(anchor.text, text_of(item)), item) for item in items]
    score, item = max(scored, key=lambda si: si[0])
    return item if score >= FUZZY_MIN else None


def quote_text(q: Quote) -> str:
    return q.text


def meeting_text(article: Article):
    return lambda m: article.text[m.start:m.start + len(m.summary)]


def figure_text(f: Figure) -> str:
    return f.text


def anchor_text(article: Article, start: int, end: int, limit: int = 160) -> str:
    """The words an anchor keeps: the span, cut at ``limit`` characters (a meeting's
    sentences can be long; the start is enough to find them again)."""
    return article.text[start:min(end, start + limit)]


def meeting_anchor_span(m: Meeting) -> tuple[int, int]:
    return m.start, m.end
