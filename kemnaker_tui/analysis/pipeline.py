"""From files to a Corpus: read, build articles, extract, merge across the corpus."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from kemnaker_tui.corpus.article import build_article, compact_article
from kemnaker_tui.corpus.reader import ReadResult, read_paths
from kemnaker_tui.model import Article, Corpus, SkippedFile

# progress(stage, done, total): stage is "read" or "analyse".
Progress = Callable[[str, int, int], None]


def analyse_paths(paths: Iterable[str | os.PathLike], progress: Progress | None = None) -> Corpus:
    """Read and analyse. Raises FileNotFoundError for a path that does not exist.

    The user's alias and corrections files are not read here: they apply after
    loading (``kemnaker_tui.corrections.finish``), so they are no part of what
    the analysis computes or caches."""
    result = read_paths(paths, progress=(lambda n, _p: progress("read", n, 0)) if progress else None)
    return analyse(result, progress=progress)


def analyse(result: ReadResult, progress: Progress | None = None) -> Corpus:
    articles: list[Article] = []
    skipped = list(result.skipped)
    total = len(result.documents)
    for n, doc in enumerate(result.documents, start=1):
        try:
            articles.append(build_article(doc))
        except Exception as exc:  # noqa: BLE001 - one article the analysis cannot take is reported, not fatal
            skipped.append(SkippedFile(doc.path, f"{doc.key}: cannot analyse ({type(exc).__name__}: {exc})"))
        if progress and (n % 50 == 0 or n == total):
            progress("analyse", n, total)
    from kemnaker_tui.analysis.extract import extract_corpus
    from kemnaker_tui.analysis.useraliases import UserAliases
    warnings = list(result.warnings)
    entities, meetings, quotes, figures = extract_corpus(articles, user=UserAliases())
    return Corpus(
        articles=tuple(map(compact_article, articles)), entities=tuple(entities), meetings=tuple(meetings),
        quotes=tuple(quotes), figures=tuple(figures),
        skipped=tuple(skipped), warnings=tuple(warnings),
    )
