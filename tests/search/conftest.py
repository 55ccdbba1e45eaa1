"""Small hand-made corpora for the search tests (no dependence on the seed articles)."""
from __future__ import annotations

import datetime as dt

import pytest

from kemnaker_tui.model import Article, Corpus, Entity, Figure, Mention, Quote, Span


def make_article(key, text, *, title=None, outlet="jpnn.com", published=None, language="id",
                 boilerplate=()):
    """An Article whose sentences are found by a simple split on '. ' and newlines."""
    bps = tuple(Span(text.index(b), text.index(b) + len(b)) for b in boilerplate)
    sentences, pos = [], 0
    import re
    for m in re.finditer(r"[^\n]+?(?:[.!?](?=\s|$)|$)", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        if s < e and not any(b.overlaps(s, e) for b in bps):
            sentences.append(Span(s, e))
    first_line = text.split("\n", 1)[0]
    return Article(
        key=key, path=key, text=text, encoding="utf-8", title=title or first_line,
        title_span=Span(0, len(first_line)) if title is None else None, outlet=outlet, dateline=None,
        published=published, published_text=None, language=language, url=None, boilerplate=bps,
        paragraphs=tuple(sentences), sentences=tuple(sentences),
    )


def mention(entity_text, article):
    i = article.text.index(entity_text)
    return Mention(article.key, i, i + len(entity_text), entity_text)


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    a1 = make_article("a1.txt", (
        "Kemnaker Perkuat Kerja Sama Magang dengan Jepang\n"
        "jpnn.com, JAKARTA - Kementerian Ketenagakerjaan (Kemnaker) memperkuat kerja sama dengan Jepang. "
        "Sebanyak 52.440 peserta magang telah diberangkatkan ke Jepang sejak 1993.\n"
        "Baca juga: Harga Emas Hari Ini Naik Tipis\n"
        "“Kami ingin pelatihan vokasi semakin kuat,” kata Anwar Sanusi. "
        "Program Specified Skilled Worker (SSW) dibahas dalam pertemuan itu."),
        published=dt.date(2024, 4, 22), boilerplate=("Baca juga: Harga Emas Hari Ini Naik Tipis",))
    a2 = make_article("a2.txt", (
        "JICA dan Kemnaker Bahas Pelatihan\n"
        "antaranews.com, TOKYO - Sekjen Kemnaker Anwar Sanusi bertemu Presiden JICA Akihiko Tanaka di Tokyo. "
        "Mereka membahas pelatihan kerja dan sertifikasi kompetensi bagi pekerja migran.\n"
        "Para pelatih dari BPVP dilatih di Osaka selama tiga bulan."),
        outlet="antaranews.com", published=dt.date(2023, 11, 29))
    a3 = make_article("a3.txt", (
        "Menaker Lepas Pemagang ke Jepang\n"
        "kompas.com, BEKASI - Menteri Ketenagakerjaan Ida Fauziyah melepas pemagang ke Jepang. "
        "Pemerintah menargetkan 100.000 pekerja terampil ke Jepang serta pelindungan yang layak."),
        outlet="kompas.com", published=dt.date(2022, 1, 5))
    a4 = make_article("a4.txt", (
        "Job fair in Tokyo draws Indonesian workers\n"
        "Indonesian workers met Japanese employers in Tokyo. The Ministry of Manpower joined the fair."),
        outlet="jakartaglobe.id", published=None, language="en")
    articles = (a1, a2, a3, a4)
    anwar = Entity("person:anwar-sanusi", "person", "Anwar Sanusi", None, ("Sekjen Anwar",),
                   ("Sekretaris Jenderal Kemnaker",), (mention("Anwar Sanusi", a1), mention("Anwar Sanusi", a2)))
    ida = Entity("person:ida-fauziyah", "person", "Ida Fauziyah", None, ("Menaker Ida",), ("Menteri",),
                 (mention("Ida Fauziyah", a3),))
    kemnaker = Entity("organisation:kemnaker", "organisation", "Kementerian Ketenagakerjaan", "Kemnaker",
                      ("Ministry of Manpower",),
                      (), (mention("Kemnaker", a1), mention("Kemnaker", a2), mention("Ketenagakerjaan", a3),
                           mention("Ministry of Manpower", a4)))
    jica = Entity("organisation:jica", "organisation", "Japan International Cooperation Agency", "JICA", (), (),
                  (mention("JICA", a2),))
    ssw = Entity("program:ssw", "program", "Specified Skilled Worker", "SSW", ("tokutei ginou",), (),
                 (mention("Specified Skilled Worker", a1),))
    tokyo = Entity("place:tokyo", "place", "Tokyo", None, (), (), (mention("Tokyo", a2), mention("Tokyo", a4)))
    q_text = "Kami ingin pelatihan vokasi semakin kuat"
    qs = a1.text.index(q_text)
    quote = Quote("q1", "a1.txt", q_text, qs, qs + len(q_text), "Anwar Sanusi", "person:anwar-sanusi", None)
    fs = a1.text.index("52.440 peserta")
    sent = next(s for s in a1.sentences if s.start <= fs < s.end)
    figure = Figure("f1", "a1.txt", 52440.0, "peserta", "52.440 peserta", fs, fs + len("52.440 peserta"), sent)
    return Corpus(articles=articles, entities=(anwar, ida, kemnaker, jica, ssw, tokyo), meetings=(),
                  quotes=(quote,), figures=(figure,))


@pytest.fixture(scope="session")
def index(corpus):
    from kemnaker_tui.search import SearchIndex
    return SearchIndex.build(corpus)


@pytest.fixture(scope="session")
def article_factory():
    """``make_article`` for tests that build their own small corpus (a fixture: the
    test folders each have a conftest module, so importing it by name is ambiguous)."""
    return make_article
