"""From files to a Corpus: read, build articles, extract, merge across the corpus."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from kemnaker_tui.corpus.article import build_article, compact_article
from kemnaker_tui.corpus.reader import ReadResult, read_paths
from kemnaker_tui.model import Corpus, RawDocument, SkippedFile

# progress(stage, done, total): stage is "read", "analyse", "merge" (the library adds
# "scan", "load" and "index"); total 0 when not known yet.
Progress = Callable[[str, int, int], None]


def analyse_paths(paths: Iterable[str | os.PathLike], progress: Progress | None = None) -> Corpus:
    """Read and analyse. Raises FileNotFoundError for a path that does not exist.

    The user's alias and corrections files are not read here: they apply after
    loading (``kemnaker_tui.corrections.finish``), so they are no part of what
    the analysis computes or caches."""
    result = read_paths(paths, progress=(lambda n, _p: progress("read", n, 0)) if progress else None)
    return analyse(result, progress=progress)


def analyse(result: ReadResult, progress: Progress | None = None) -> Corpus:
    """Analyse everything in this process, nothing cached (``--no-store``;
    the library runs the same two stages with a store and workers)."""
    from kemnaker_tui.analysis.useraliases import UserAliases
    warnings = list(result.warnings)
    user = UserAliases()        # the user's aliases apply after the analysis (corrections.finish)
    ex = extractors_for_user(user)
    found: list = []
    skipped = list(result.skipped)
    total = len(result.documents)
    for n, doc in enumerate(result.documents, start=1):
        outcome = analyse_document(doc, ex, compact=False)     # compacted after the corpus stage
        (skipped if isinstance(outcome, SkippedFile) else found).append(outcome)
        if progress and (n % 50 == 0 or n == total):
            progress("analyse", n, total)
    return corpus_stage(found, skipped, warnings, ex, user, progress)


def extractors_for_user(user):
    """The extractors of the base lexicon plus the user's aliases (built once a run)."""
    from kemnaker_tui.analysis.extract import extractors_for, lexicon_with
    return extractors_for(lexicon_with(user))


def analyse_document(doc: RawDocument, ex, compact: bool = True):
    """The per-document stage: the article and its findings (DocumentFindings),
    or a SkippedFile when the analysis cannot take it. Depends on nothing but
    the document, the analysis code and the user's aliases — what the library
    caches."""
    from kemnaker_tui.analysis.extract import find_in_document
    try:
        article = build_article(doc)
        found = find_in_document(article, ex)
    except Exception as exc:  # noqa: BLE001 - one article the analysis cannot take is reported, not fatal
        return SkippedFile(doc.path, f"{doc.key}: cannot analyse ({type(exc).__name__}: {exc})")
    if compact:         # stored compact (the library's analyses); the corpus stage reads either
        found.article = compact_article(article)
    return found


def corpus_stage(found: list, skipped: list[SkippedFile], warnings: list[str], ex, user,
                 progress: Progress | None = None, reuse=None, article_map=None, replay=None) -> Corpus:
    """The corpus-wide stage over every document's findings, in reading order.
    ``reuse``: an earlier merge's per-article results (``extract.MergeReuse``);
    ``article_map``: where the per-article finders run (``extract.ArticleMap``);
    ``replay``: the resolver's traces of the last merge (``resolve_trace.Replay``)."""
    from kemnaker_tui.analysis.extract import merge_corpus
    from kemnaker_tui.model import SpanList
    if progress:
        progress("merge", 0, len(found))
    entities, meetings, quotes, figures = merge_corpus(
        found, ex, user, progress=(lambda n, t: progress("merge", n, t)) if progress else None, reuse=reuse,
        article_map=article_map, replay=replay)
    # compact once the merge, which reads each article's spans many times over, is done with them
    articles = tuple(f.article if isinstance(f.article.sentences, SpanList) else compact_article(f.article)
                     for f in found)
    return Corpus(
        articles=articles, entities=tuple(entities), meetings=tuple(meetings),
        quotes=tuple(quotes), figures=tuple(figures),
        skipped=tuple(skipped), warnings=tuple(warnings),
    )
