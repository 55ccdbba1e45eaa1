"""Search a journalist can trust (issue 14): acronyms are never typo-matched, a
completed word is not a prefix of unrelated longer words, every hit says why it
matched, speakers' names tolerate a typo, field words match across Indonesian
and English below the exact word, an empty query lists everything newest
first, year:/speaker: narrow any list, and an undated article is filtered by
the date of the event it reports."""
from __future__ import annotations

import datetime as dt

import pytest

from kemnaker_tui.model import Corpus, Entity, Meeting, Mention, Quote, Span


def _mention(article, text):
    i = article.text.index(text)
    return Mention(article.key, i, i + len(text), text)


@pytest.fixture(scope="module")
def trust(article_factory):
    mk = article_factory
    b1 = mk("b1.txt", "Delegasi JICA datang ke Bandung\nDelegasi JICA meninjau balai pelatihan di Bandung. "
                      "Anwar Sanusi mendampingi mereka.", published=dt.date(2024, 3, 1))
    b2 = mk("b2.txt", "Warga bertanya soal upah\nJika upah naik, warga senang. Anwaruddin menulis surat "
                      "kepada bupati.", published=dt.date(2024, 5, 1))
    b3 = mk("b3.txt", "Pertemuan di kedutaan\nPertemuan di kedutaan membahas pemagangan. Menteri hadir.",
            published=dt.date(2023, 2, 1))
    b4 = mk("b4.txt", "Meeting at the embassy\nThe meeting at the embassy covered the internship scheme. "
                      "The minister attended.", published=dt.date(2022, 2, 1), language="en")
    b5 = mk("b5.txt", "Kunjungan tanpa tanggal terbit\nRombongan dari Osaka berkunjung ke balai Semarang.",
            published=None)
    quote_text = "Kami siap membantu para peserta"
    qa = b1.text.index("Anwar Sanusi")
    b1 = mk("b1.txt", b1.text[:qa] + f"“{quote_text},” kata Anwar Sanusi.", published=dt.date(2024, 3, 1))
    qs = b1.text.index(quote_text)
    quote = Quote("q1", "b1.txt", quote_text, qs, qs + len(quote_text), "Anwar Sanusi",
                  "person:anwar-sanusi", None)
    ms = b5.text.index("Rombongan")
    meeting = Meeting("m5", "b5.txt", "visit", dt.date(2021, 7, 9), "9 Juli 2021", False, "Semarang",
                      (), (), (), "visit", ms, len(b5.text))
    jica = Entity("organisation:jica", "organisation", "Japan International Cooperation Agency", "JICA", (), (),
                  (_mention(b1, "JICA"),))
    anwar = Entity("person:anwar-sanusi", "person", "Anwar Sanusi", None, (), (),
                   (_mention(b1, "Anwar Sanusi"),))
    corpus = Corpus(articles=(b1, b2, b3, b4, b5), entities=(jica, anwar), meetings=(meeting,),
                    quotes=(quote,), figures=())
    from kemnaker_tui.search import SearchIndex
    return SearchIndex.build(corpus, freeze_gc=False)


def matched(index, hit):
    text = index.corpus.article(hit.article).text
    return [text[s.start:s.end].lower() for s in hit.spans]


@pytest.mark.parametrize("query", ["JICA", "JICA ", "jica ", "delegasi JICA"])
def test_acronyms_are_never_typo_matched(trust, query):
    r = trust.search(query)
    assert {h.article for h in r.articles} == {"b1.txt"}
    assert all("jika" not in matched(trust, h) for h in r.passages)


def test_acronym_being_typed_still_completes(trust):
    r = trust.search("JIC")
    assert {h.article for h in r.articles} == {"b1.txt"}


def test_a_completed_word_is_not_a_prefix_of_longer_words(trust):
    r = trust.search("anwar")                    # still "being typed", but a whole word already
    assert "b2.txt" not in {h.article for h in r.articles}
    r = trust.search("anwa")                     # a beginning: completions are wanted
    assert {"b1.txt", "b2.txt"} <= {h.article for h in r.articles}


def test_a_speaker_name_one_letter_off_finds_the_quote(trust):
    right = trust.search("Anwar Sanusi in:quotes")
    typo = trust.search("Anwar Sanusu in:quotes")
    assert [h.ref_id for h in right.quotes] == ["q1"]
    assert [h.ref_id for h in typo.quotes] == ["q1"]


@pytest.mark.parametrize("word,exact,other", [
    ("meeting", "b4.txt", "b3.txt"), ("pertemuan", "b3.txt", "b4.txt"),
    ("embassy", "b4.txt", "b3.txt"), ("kedutaan", "b3.txt", "b4.txt"),
    ("internship", "b4.txt", "b3.txt"), ("minister ", "b4.txt", "b3.txt"), ("menteri ", "b3.txt", "b4.txt"),
])
def test_field_words_match_across_languages_below_the_exact_word(trust, word, exact, other):
    r = trust.search(word)
    keys = [h.article for h in r.articles]
    assert keys[:2] == [exact, other], keys


def test_every_hit_says_why_it_matched(trust):
    r = trust.search("kedutaan ")
    reasons = {h.article: r.why(h) for h in r.articles}
    assert reasons["b3.txt"] == []                       # the word as typed: nothing to explain
    assert any("embassy" in text and "kedutaan" in why for text, why in reasons["b4.txt"])
    r = trust.search("delegsi ")
    (hit,) = [h for h in r.articles]
    assert ("delegasi", "typo of delegsi") in [(t.lower(), w) for t, w in r.why(hit)]


def test_empty_query_lists_everything_newest_first(trust):
    r = trust.search("")
    assert len(r.articles) == 5
    dated = [h.published or dt.date.min for h in r.articles]
    assert [h.article for h in r.articles][:4] == ["b2.txt", "b1.txt", "b3.txt", "b4.txt"]
    assert [h.ref_id for h in r.quotes] == ["q1"]
    assert r.counts["articles"] == 5
    assert dated


def test_year_and_speaker_facets_narrow_any_list(trust):
    r = trust.search("year:2024")
    assert {h.article for h in r.articles} == {"b1.txt", "b2.txt"}
    r = trust.search("speaker:anwar")
    assert [h.ref_id for h in r.quotes] == ["q1"]
    assert {h.article for h in r.articles} == {"b1.txt"}
    r = trust.search("year:2022 lang:en")
    assert {h.article for h in r.articles} == {"b4.txt"}


def test_an_undated_article_is_filtered_by_its_event_date(trust):
    r = trust.search("from:2021-01 to:2021-12")
    assert {h.article for h in r.articles} == {"b5.txt"}
    r = trust.search("year:2024")
    assert "b5.txt" not in {h.article for h in r.articles}


@pytest.mark.parametrize("query", ["person:", "in:qu", "lang:x"])
def test_a_half_typed_filter_lists_nothing(trust, query):
    # a step of typing, not a request for everything (and not a 200,000-passage listing)
    r = trust.search(query)
    assert not r.articles and not r.passages
