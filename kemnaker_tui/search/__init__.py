"""Search: typo-tolerant, stem-aware search as you type, with a query language.

No UI here (no Textual, no Rich). The API the explorer and the CLI call::

    from kemnaker_tui.search import SearchIndex, parse_query
    index = SearchIndex.build(corpus)                 # Corpus -> in-memory index
    results = index.search("kemnekar magang", limit=200,
                           entity_ids=frozenset(), include_boilerplate=False)
    results.query        # parsed Query (groups/terms, phrases, excludes, filters, ...)
    results.problems     # list[str]: what was wrong with the query (search never raises)
    results.articles     # Hits (a sequence; Hit objects made when read), one per article, best first
    results.passages     # Hits: sentence-level hits (KWIC)
    results.quotes       # Hits: hits on Quote text (ref_id = quote id); searched on first read
    results.figures      # Hits: hits on Figure sentences (ref_id = figure id); searched on first read
    results.counts       # dict kind -> total count before limit

    Hit: kind, article (key), ref_id, score, start, end (the unit's span in
         article.text; the whole text for article hits), published,
         spans: tuple[Span, ...] (matched characters in article.text),
         snippet: Snippet(text, highlights (offsets into snippet.text), start,
                          left, keyword, right)
    ``spans`` and ``snippet`` are computed on first access, so a list of 200
    hits costs only the rows a screen shows.

``entity_ids`` keeps units of articles mentioning *all* those entities (the
sidebar filter). An empty query with filters lists everything the filters
keep, newest first. The query language is described in ``query.py``.
"""
from __future__ import annotations

__all__ = ["SearchIndex", "SearchResults", "Hit", "Snippet", "Query", "Filter", "parse_query"]


def __getattr__(name: str):
    if name in ("SearchIndex", "SearchResults", "Hit"):
        from kemnaker_tui.search import index
        return getattr(index, name)
    if name == "Snippet":
        from kemnaker_tui.search.snippets import Snippet
        return Snippet
    if name in ("Query", "Filter", "parse_query"):
        from kemnaker_tui.search import query
        return getattr(query, name)
    raise AttributeError(name)
