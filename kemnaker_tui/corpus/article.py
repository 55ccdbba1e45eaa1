"""Build an Article from a RawDocument: boilerplate, metadata, paragraphs, sentences."""
from __future__ import annotations

import dataclasses

from kemnaker_tui.corpus.boilerplate import find_boilerplate
from kemnaker_tui.corpus.metadata import find_metadata
from kemnaker_tui.corpus.segment import paragraphs, sentences
from kemnaker_tui.model import Article, RawDocument, Span, SpanList, compact_text

# Extraction reads at most this much of one article; a longer "article" is a
# dump, and reading its head keeps the explorer responsive (the view still
# shows, and search still indexes, the sentences found).
MAX_ANALYSED_CHARS = 400_000


def build_article(raw: RawDocument) -> Article:
    text = raw.text
    boilerplate = find_boilerplate(text[:MAX_ANALYSED_CHARS])
    if raw.marked:        # what the format already knows is not the article (a PDF's letterhead)
        boilerplate = tuple(sorted(set(boilerplate) | set(raw.marked), key=lambda s: (s.start, s.end)))
    meta = find_metadata(text, boilerplate, raw.title, raw.outlet, raw.published)
    skip = (meta.title_span,) if meta.title_span else ()
    paras = [p for p in paragraphs(text[:MAX_ANALYSED_CHARS], boilerplate, skip)]
    sents = [s for p in paras for s in sentences(text, p)]
    return Article(
        key=raw.key, path=raw.path, text=text, encoding=raw.encoding,
        title=meta.title, title_span=meta.title_span, outlet=meta.outlet,
        dateline=meta.dateline, published=meta.published, published_text=meta.published_text,
        language=meta.language, url=raw.url, boilerplate=tuple(boilerplate),
        paragraphs=tuple(paras), sentences=tuple(sents), title_derived=meta.title_derived,
        author=raw.author, fetched_at=raw.fetched_at, meta_source=raw.meta_source,
    )


def compact_article(article: Article) -> Article:
    """The article with its spans stored compactly (SpanList), once the analysis, which
    reads them many times over, is done with it, and its text as UTF-8 when that is
    smaller (``model.compact_text``; ``article.text`` still reads a str)."""
    return dataclasses.replace(article, text=compact_text(article.text), boilerplate=SpanList(article.boilerplate),
                               paragraphs=SpanList(article.paragraphs), sentences=SpanList(article.sentences))
