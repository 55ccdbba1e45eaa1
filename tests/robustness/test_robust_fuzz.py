"""Hypothesis-generated text (any Unicode, long lines, unbalanced quotes, odd
numbers and dates, control characters, markup brackets) through the reader,
every extractor, the query parser and the search: no exception, and every
offset inside the text it points into. ``FUZZED`` counts the inputs tried."""
from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kemnaker_tui.analysis.dates import find_dates
from kemnaker_tui.analysis.extract import extract_corpus, extractors_for, lexicon_with
from kemnaker_tui.analysis.useraliases import UserAliases
from kemnaker_tui.corpus.article import build_article
from kemnaker_tui.corpus.encoding import NotText, decode
from kemnaker_tui.corpus.formats import FormatError, read_jsonl
from kemnaker_tui.model import RawDocument
from kemnaker_tui.search.query import parse_query

FUZZED: Counter = Counter()
FAST = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces that make the extractors work hard: names with titles, quotes of every
# kind (balanced or not), numbers in both locales, real and impossible dates.
FRAGMENTS = [
    "Menteri Ketenagakerjaan ", "Ida Fauziyah", "Yassierli", "Sekjen Kemnaker Anwar Sanusi ",
    "Dubes Jepang Kanasugi Kenji", "Presiden JICA Akihiko Tanaka", "Gubernur Miyagi ", "Kemnaker", "JCCI",
    "IM Japan", "(JICA)", "PT ", "Bapak ", "Ibu ", "Dirjen ", " ujar ", " kata ", " tutur ", " ungkap ",
    "“", "”", "\"", "'", "‘", "’", "«", "»", "„", "(", ")", "[", "]", "[bold]", "[/]", "{", "}",
    "24.000", "1,5 juta", "Rp3,2 triliun", "US$ 1.2 billion", "12,5%", "5.000 pemagang", "0", "-7",
    "1e309", "9" * 40, "½", "٣", "१२", "Senin (3/6/2024)", "31/2/2024", "99 Februari 2024", "2024-13-45",
    "Jumat (24/1)", "29 November 2023", "Nov 31, 2023", "tahun 1993", "pada 10 Juni", "0/0/0", "(27/11)",
    "Jakarta – ", "JAKARTA - ", "jpnn.com, ", "Baca juga: ", "Editor: ", ". ", "! ", "? ", "\n", "\r\n",
    "\r", "\t", " ", "  ", "\x00", "\x1b[31m", "\x1b]52;c;QQ==\x07", "\x9b", "\u200b", "\ufeff", "\u202e",
    "🇮🇩", "日本", "ä", "ﬁ", "İ", "ß",
]
texty = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=60).map("".join)
long_line = st.tuples(st.sampled_from(FRAGMENTS), st.integers(1, 3000)).map(lambda t: t[0] * t[1])
any_text = st.one_of(st.text(max_size=400), texty, texty, long_line,
                     st.lists(texty, max_size=4).map(lambda xs: "Kemnaker\n".join(xs) + "".join(xs[:1]) * 50))
dates = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))

_EX = extractors_for(lexicon_with(UserAliases()))


def _article(text: str, title=None, published=None):
    return build_article(RawDocument(key="fuzz.txt", path="/fuzz.txt", text=text, encoding="utf-8",
                                     title=title, published=published))


def _inside(text: str, start: int, end: int) -> bool:
    return 0 <= start <= end <= len(text)


@FAST
@given(any_text, st.one_of(st.none(), st.text(max_size=40)), st.one_of(st.none(), st.text(max_size=20)))
def test_article_building(text, title, published):
    FUZZED["article"] += 1
    a = _article(text, title, published)
    for span in (*a.paragraphs, *a.sentences, *a.boilerplate, *([a.title_span] if a.title_span else [])):
        assert _inside(a.text, span.start, span.end), span
    assert a.text == text


@FAST
@given(any_text, dates)
def test_dates(text, reference):
    FUZZED["dates"] += 1
    for found in (find_dates(text, reference), find_dates(text, reference, [(0, len(text) // 2)])):
        for d in found:
            assert _inside(text, d.start, d.end)


@FAST
@given(any_text, dates)
def test_every_extractor_on_one_article(text, reference):
    FUZZED["extractors"] += 1
    a = _article(text, published=reference.isoformat() if reference else None)
    raw = _EX.entities.find(a)
    for m in raw.mentions:
        assert _inside(text, m.start, m.end)
    entities, meetings, quotes, figures = extract_corpus([a], user=UserAliases())
    for e in entities:
        for m in e.mentions:
            assert _inside(text, m.start, m.end) and text[m.start:m.end] == m.text
    for q in quotes:
        assert _inside(text, q.start, q.end) and text[q.start:q.end] == q.text
        if q.attribution:
            assert _inside(text, q.attribution.start, q.attribution.end)
    for m in meetings:
        assert _inside(text, m.start, m.end)
    for f in figures:
        assert _inside(text, f.start, f.end) and _inside(text, f.sentence.start, f.sentence.end)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(any_text, min_size=2, max_size=4))
def test_extractors_across_articles(texts):
    """Resolution across articles (aliases, acronyms, surnames) with fuzzed text."""
    FUZZED["corpus"] += 1
    articles = [build_article(RawDocument(key=f"a{i}.txt", path=f"/a{i}.txt", text=t, encoding="utf-8"))
                for i, t in enumerate(texts)]
    entities, meetings, quotes, figures = extract_corpus(articles, user=UserAliases())
    by_key = {a.key: a.text for a in articles}
    for e in entities:
        for m in e.mentions:
            assert _inside(by_key[m.article], m.start, m.end)
    for item in (*meetings, *quotes, *figures):
        assert _inside(by_key[item.article], item.start, item.end)


QUERY_PIECES = ["magang", "kemnekar", "\"kerja sama", "\"", "-", "-\"", "OR", "or", "person:", "org:\"",
                "place:tokyo", "from:", "to:2024-13", "from:2023-02-30", "from:0000", "lang:xx", "in:",
                "in:quotes", "outlet:", ":", "::", "(", ")", "*", "?", "~", "^", "\\", "'", "[", "]", "\x00",
                "\x1b", " ", "  ", "NOT", "AND", "+", "ß", "İ", "日本"]
queries = st.one_of(st.text(max_size=80),
                    st.lists(st.one_of(st.sampled_from(QUERY_PIECES), st.text(max_size=6)), max_size=12).map("".join))


@settings(max_examples=1500, deadline=None)
@given(queries)
def test_query_parser(text):
    FUZZED["query"] += 1
    q = parse_query(text)
    assert isinstance(q.problems, tuple)


@pytest.fixture(scope="module")
def seed_index():
    from kemnaker_tui.analysis.pipeline import analyse_paths
    from kemnaker_tui.corpus.reader import bundled_corpus_path
    from kemnaker_tui.search import SearchIndex
    corpus = analyse_paths([bundled_corpus_path()])
    return corpus, SearchIndex.build(corpus)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(queries)
def test_search_on_the_seeds(seed_index, text):
    FUZZED["search"] += 1
    corpus, index = seed_index
    results = index.search(text, limit=5)
    for kind in ("articles", "passages", "quotes", "figures"):
        for hit in results.hits(kind)[:3]:
            body = corpus.article(hit.article).text
            assert _inside(body, hit.start, hit.end)
            for span in hit.spans:
                assert _inside(body, span.start, span.end)
            snip = hit.snippet
            for s, e in snip.highlights:
                assert _inside(snip.text, s, e)


@FAST
@given(st.binary(max_size=600))
def test_decoding_any_bytes(data):
    FUZZED["bytes"] += 1
    try:
        text, encoding, _warning = decode(data)
    except NotText:
        return
    assert isinstance(text, str) and encoding


@FAST
@given(st.lists(st.one_of(any_text, st.sampled_from(['{"text": "Kemnaker"}', '{"text": 5}', "[]", "null",
                                                       '{"text": "a", "title": ["x"]}', '{"text": "\\ud800"}'])),
                max_size=6).map("\n".join))
def test_jsonl_reader(text):
    FUZZED["jsonl"] += 1
    try:
        docs, problems = read_jsonl("/f.jsonl", "f.jsonl", text, "utf-8")
    except FormatError:
        return
    for d in docs:
        assert isinstance(d.text, str) and d.text.strip()


@FAST
@given(any_text, st.integers(1, 200))
def test_ui_wrapping_and_kwic(text, width):
    """The article view wraps by offsets; key-word-in-context cuts by offsets."""
    FUZZED["ui"] += 1
    from kemnaker_tui.ui.render import kwic, safe
    from kemnaker_tui.ui.widgets.article_body import wrap_offsets
    line = text.replace("\n", " ")
    spans = wrap_offsets(line, 0, len(line), width)
    assert spans[0][0] == 0 and spans[-1][1] == len(line)
    for (s, e), (s2, _e2) in zip(spans, spans[1:]):
        assert s <= e == s2
    assert len(safe(text)) == len(text)
    if text:
        mid = len(text) // 2
        kwic(text, mid, min(len(text), mid + 3), [(mid, mid + 3), (0, len(text) + 5)])


def test_zz_report_counts():
    """Runs last in this module (same worker only); prints what was fuzzed."""
    print("\nfuzzed inputs:", dict(FUZZED), "total", sum(FUZZED.values()))
