"""Honest citations (issue 14): a lead sentence standing in for a missing
headline is never cited as the headline; the URL, else the file path, is
always there; a quote left open in the article is marked as cut."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import pytest

from kemnaker_tui import cite
from kemnaker_tui.model import Article, Corpus, Quote, RawDocument, Span

LEAD = "Para peserta pelatihan las di Semarang menerima sertifikat pada Kamis pagi."


def _corpus(*, url=None, unterminated=False) -> Corpus:
    from kemnaker_tui.corpus.article import build_article
    text = (f"Semarang - {LEAD} Mereka akan bekerja di Nagoya.\n"
            "“Kami siap berangkat bulan depan, kata seorang peserta.\n")
    article = build_article(RawDocument(key="lead.txt", path="/news/lead.txt", text=text, encoding="utf-8",
                                        url=url))
    article = dataclasses.replace(article, published=dt.date(2024, 8, 1))
    s = text.index("Kami siap")
    e = text.index("\n", s)
    quote = Quote("q1", "lead.txt", text[s:e], s, e, None, None, None, unterminated=unterminated)
    return Corpus(articles=(article,), entities=(), meetings=(), quotes=(quote,), figures=())


def test_the_reader_says_when_a_title_is_derived():
    corpus = _corpus()
    assert corpus.articles[0].title_derived
    assert corpus.articles[0].title.startswith("Para peserta")


@pytest.mark.parametrize("fmt", cite.FORMATS)
def test_a_derived_title_is_never_cited_as_the_headline(fmt):
    corpus = _corpus()
    text = cite.cite_quote(corpus, "q1", fmt=fmt, lang="en")
    assert "Para peserta pelatihan las" not in text
    c = cite.quote_citation(corpus, "q1")
    assert c.title == ""
    if fmt in ("plain", "md"):
        assert "untitled" in text


@pytest.mark.parametrize("fmt", cite.FORMATS)
def test_the_file_path_stands_in_for_a_missing_url(fmt):
    text = cite.cite_quote(_corpus(), "q1", fmt=fmt)
    assert "/news/lead.txt" in text
    with_url = cite.cite_quote(_corpus(url="https://example.org/a"), "q1", fmt=fmt)
    assert "https://example.org/a" in with_url and "/news/lead.txt" not in with_url


@pytest.mark.parametrize("fmt", cite.FORMATS)
def test_a_quote_left_open_is_marked_as_cut(fmt):
    closed = cite.cite_quote(_corpus(), "q1", fmt=fmt)
    open_ = cite.cite_quote(_corpus(unterminated=True), "q1", fmt=fmt)
    assert "[…]" not in closed and "[…]" in open_ or (fmt == "md" and "\\[…\\]" in open_)


def test_a_cut_citation_survives_the_basket_round_trip():
    c = cite.quote_citation(_corpus(unterminated=True), "q1")
    again = cite.Citation.from_dict(json.loads(json.dumps(c.to_dict())))
    assert again.cut and again.path == "/news/lead.txt"
