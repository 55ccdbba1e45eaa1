"""From files to a Corpus: read, build articles, extract, merge across the corpus."""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from kemnaker_tui.corpus.article import build_article, compact_article
from kemnaker_tui.corpus.reader import ReadResult, read_paths
from kemnaker_tui.model import Article, Corpus, SkippedFile

# progress(stage, done, total): stage is "read" or "analyse".
Progress = Callable[[str, int, int], None]


def analyse_paths(paths: Iterable[str | os.PathLike], progress: Progress | None = None,
                  alias_file: str | os.PathLike | None = None) -> Corpus:
    """Read and analyse. Raises FileNotFoundError for a path that does not exist."""
    result = read_paths(paths, progress=(lambda n, _p: progress("read", n, 0)) if progress else None)
    return analyse(result, progress=progress, alias_file=alias_file)


def analyse(result: ReadResult, progress: Progress | None = None,
            alias_file: str | os.PathLike | None = None) -> Corpus:
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
    warnings = list(result.warnings)
    user = user_aliases(alias_file, warnings)
    entities, meetings, quotes, figures = extract_corpus(articles, user=user)
    return Corpus(
        articles=tuple(map(compact_article, articles)), entities=tuple(entities), meetings=tuple(meetings),
        quotes=tuple(quotes), figures=tuple(figures),
        skipped=tuple(skipped), warnings=tuple(warnings),
    )


def user_aliases(alias_file: str | os.PathLike | None, warnings: list[str]):
    """The user's alias file: one given explicitly must be valid (ValueError);
    the one in the config folder, if broken, is moved aside and the rest loads."""
    from kemnaker_tui.analysis.useraliases import UserAliases

    if alias_file is not None:
        return UserAliases.load(alias_file)
    from kemnaker_tui.userdata import aliases_path, move_aside

    path = aliases_path()
    if not path.exists():
        return UserAliases()
    try:
        return UserAliases.load(path)
    except ValueError as exc:
        moved = move_aside(path, "corrupt")
        warnings.append(f"{exc} — moved aside to {moved}; analysing without it")
        return UserAliases()
