"""Facts from invented news articles the rules were not written against.

The articles in ``generalisation/`` are written for this test in the styles the
field's real news comes in (wire copy, the English sites of Japanese and
Indonesian outlets, regional news, ministry press releases), with attribution
forms, titles and name orders of many kinds. ``expected.toml`` holds the facts a
journalist would read off each one: who said each quote, the people and their
roles, the organisations. Each fact is its own test, so a failure names the
article and the fact.
"""
from __future__ import annotations

import shutil
import tomllib
from pathlib import Path

import pytest

from kemnaker_tui.analysis.lexicon import fold

HERE = Path(__file__).with_name("generalisation")
EXPECTED = tomllib.loads((HERE / "expected.toml").read_text(encoding="utf-8"))


def _facts():
    for article, facts in EXPECTED.items():
        for q in facts.get("quote", []):
            yield pytest.param(article, "quote", q, id=f"{article}-quote-{q['starts'][:20]}")
        for p in facts.get("person", []):
            yield pytest.param(article, "person", p, id=f"{article}-person-{p['name']}")
        for o in facts.get("org", []):
            yield pytest.param(article, "org", o, id=f"{article}-org-{o['any'][0]}")
        for n in facts.get("not_person", []):
            yield pytest.param(article, "not_person", n, id=f"{article}-not-person-{n}")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    from kemnaker_tui.analysis.pipeline import analyse_paths
    folder = tmp_path_factory.mktemp("generalisation")
    for path in HERE.glob("*.txt"):
        shutil.copy(path, folder / path.name)
    return analyse_paths([folder])


def _words(name: str | None) -> frozenset[str]:
    return frozenset(fold(name or "").split())


def _in_article(entity, article: str) -> bool:
    return any(a.removesuffix(".txt") == article for a in entity.articles)


def _people(corpus, article: str):
    return [e for e in corpus.entities if e.type == "person" and _in_article(e, article)]


@pytest.mark.parametrize("article,kind,fact", list(_facts()))
def test_fact(corpus, article, kind, fact):
    if kind == "quote":
        quotes = [q for q in corpus.quotes if q.article.removesuffix(".txt") == article]
        found = [q for q in quotes if q.text.lstrip("“\"' ").startswith(fact["starts"])]
        assert found, f"{article}: no quote starting {fact['starts']!r}; quotes found: " \
                      f"{[q.text[:30] for q in quotes]}"
        q = found[0]
        if fact["speaker"]:
            assert _words(q.speaker) == _words(fact["speaker"]), \
                f"{article}: quote {fact['starts']!r} → {q.speaker!r}, expected {fact['speaker']!r} ({q.why})"
        else:
            assert q.speaker is None, \
                f"{article}: quote {fact['starts']!r} → {q.speaker!r}, expected no speaker ({q.why})"
    elif kind == "person":
        people = _people(corpus, article)
        match = [e for e in people if _words(e.name) == _words(fact["name"])]
        assert match, f"{article}: no person {fact['name']!r}; people found: {[e.name for e in people]}"
        role = fact.get("role")
        if role:
            roles = match[0].roles
            assert any(fold(role) in fold(r) for r in roles), \
                f"{article}: {fact['name']!r} has roles {roles}, none with {role!r}"
    elif kind == "org":
        wanted = {fold(n) for n in fact["any"]}
        orgs = [e for e in corpus.entities if e.type in ("organisation", "program") and _in_article(e, article)]
        assert any(wanted & {fold(n) for n in (e.name, e.acronym or "", *e.aliases)} for e in orgs), \
            f"{article}: no organisation named any of {fact['any']}; found: {[e.name for e in orgs]}"
    else:
        people = _people(corpus, article)
        assert not [e for e in people if fold(e.name) == fold(fact)], \
            f"{article}: {fact!r} is taken for a person ({[e.why for e in people if fold(e.name) == fold(fact)]})"
