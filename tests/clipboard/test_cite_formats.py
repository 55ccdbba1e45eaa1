"""Citation formats: plain, Markdown, CSL-JSON, BibTeX; Indonesian and English dates."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kemnaker_tui import cite

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "corpus" / "004_f69a7a4bb58a05e0.txt"


def test_plain_quote_has_words_speaker_role_outlet_date_title_url(hand_corpus):
    text = cite.cite_quote(hand_corpus, "q1", "plain", "id")
    words, attribution = text.split("\n")
    assert words.startswith("“Kami berharap Human Resources Forum") and words.endswith("”")
    assert attribution == (
        "— Anwar Sanusi, Sekretaris Jenderal Kementerian Ketenagakerjaan. "
        "“Lewat Forum Ini, Kemnaker Membangun Jejaring Pengembangan SDM Indonesia dengan Jepang.” "
        "jpnn.com, 29 November 2023. https://www.jpnn.com/news/lewat-forum-ini")


def test_role_is_one_printed_in_the_article(hand_corpus):
    # The entity also knows a longer role that this article does not print.
    c = cite.quote_citation(hand_corpus, "q1")
    assert c.role == "Sekretaris Jenderal Kementerian Ketenagakerjaan"


def test_english_dates_come_from_babel(hand_corpus):
    assert "jpnn.com, November 29, 2023." in cite.cite_quote(hand_corpus, "q1", "plain", "en")
    assert cite.format_date(dt.date(2025, 2, 4), "id") == "4 Februari 2025"
    assert cite.format_date(dt.date(2023, 12, 1), "id", "month") == "Desember 2023"


def test_event_date_is_labelled_and_inferred_year_marked(hand_corpus):
    id_text = cite.cite_quote(hand_corpus, "q3", "plain", "id")
    assert "surabayapagi.com, 24 Januari 2025 (tanggal acara; tahun diperkirakan)." in id_text
    en_text = cite.cite_quote(hand_corpus, "q3", "plain", "en")
    assert "January 24, 2025 (event date; year inferred)" in en_text
    assert "http" not in id_text          # no URL known: none invented


def test_markdown_is_block_quote_plus_attribution_and_escaped(hand_corpus):
    md = cite.cite_quote(hand_corpus, "q2", "md", "id")
    quote, blank, attribution = md.split("\n")
    assert quote == r"> Saya berharap sektor swasta \[dan\] pejabat publik \*hadir\*"
    assert blank == ""
    assert attribution.startswith("— **Kanasugi Kenji**, Duta Besar Jepang untuk Indonesia. [Lewat Forum Ini")
    assert "](https://www.jpnn.com/news/lewat-forum-ini) *jpnn.com*, 29 November 2023." in attribution


def test_csl_json_item(hand_corpus):
    items = json.loads(cite.cite_quote(hand_corpus, "q1", "csl", "id"))
    assert len(items) == 1
    item = items[0]
    assert item["type"] == "article-newspaper"
    assert item["container-title"] == "jpnn.com"
    assert item["issued"] == {"date-parts": [[2023, 11, 29]]}
    assert item["URL"] == "https://www.jpnn.com/news/lewat-forum-ini"
    assert item["title"].startswith("Lewat Forum Ini")
    assert "Anwar Sanusi, Sekretaris Jenderal Kementerian Ketenagakerjaan" in item["note"]


def test_csl_event_date_is_circa(hand_corpus):
    item = json.loads(cite.cite_quote(hand_corpus, "q3", "csl", "en"))[0]
    assert item["event-date"] == {"date-parts": [[2025, 1, 24]]}
    assert item["issued"]["circa"] is True
    assert "year inferred" in item["note"]


def test_bibtex_entry(hand_corpus):
    bib = cite.cite_quote(hand_corpus, "q1", "bibtex", "id")
    assert bib.startswith("@article{jpnn2023lewat-q1,\n")
    assert "  journal = {jpnn.com},\n" in bib
    assert "  year = {2023},\n  month = nov,\n  date = {2023-11-29},\n" in bib
    assert "  langid = {indonesian},\n" in bib
    assert "Anwar Sanusi, Sekretaris Jenderal" in bib
    assert bib.count("{") == bib.count("}")
    assert cite.bib_escape("50% & #1_a") == r"50\% \& \#1\_a"


def test_passage_and_article(hand_corpus):
    art = hand_corpus.article("004_seed.txt")
    start = art.text.index("Duta Besar")
    end = art.text.index("menambahkan.") + len("menambahkan.")
    passage = cite.cite_passage(hand_corpus, "004_seed.txt", start, end, "plain", "id")
    assert passage.startswith("“Duta Besar Jepang untuk Indonesia Kanasugi Kenji menambahkan.”\n— “Lewat Forum")
    ref = cite.cite_article(hand_corpus, "004_seed.txt", "md", "en")
    assert ref == ("[Lewat Forum Ini, Kemnaker Membangun Jejaring Pengembangan SDM Indonesia dengan Jepang.]"
                   "(https://www.jpnn.com/news/lewat-forum-ini) *jpnn.com*, November 29, 2023.")
    with pytest.raises(ValueError):
        cite.cite_passage(hand_corpus, "004_seed.txt", 10, 5)


def test_citation_round_trips_through_json(hand_corpus):
    for q in hand_corpus.quotes:
        c = cite.quote_citation(hand_corpus, q)
        again = cite.Citation.from_dict(json.loads(json.dumps(c.to_dict())))
        assert again == c
        assert cite.render(again, "md", "id") == cite.render(c, "md", "id")


def test_render_many_csl_is_one_array(hand_corpus):
    cs = [cite.quote_citation(hand_corpus, q) for q in hand_corpus.quotes]
    items = json.loads(cite.render_many(cs, "csl", "id"))
    assert [i["id"] for i in items] == ["jpnn2023lewat-q1", "jpnn2023lewat-q2", "surabayapagi2025kemnaker-q3"]


def test_bad_format_or_language_says_so(hand_corpus):
    with pytest.raises(ValueError, match="unknown citation format"):
        cite.cite_quote(hand_corpus, "q1", "ris")
    with pytest.raises(ValueError, match="unknown citation language"):
        cite.cite_quote(hand_corpus, "q1", "plain", "ja")


def test_cite_imports_no_ui():
    code = ("import sys, kemnaker_tui.cite, kemnaker_tui.clipboard, kemnaker_tui.basket, kemnaker_tui.userdata;"
            "bad=[m for m in sys.modules if m.split('.')[0] in ('textual','rich')]; print(bad); sys.exit(bool(bad))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# -- on the seed corpus, through the real analysis --------------------------

@pytest.fixture(scope="module")
def seed_corpus():
    from kemnaker_tui.analysis.pipeline import analyse_paths
    return analyse_paths([str(SEED)])


def _anwar_quote(corpus):
    quotes = [q for q in corpus.quotes if q.speaker == "Anwar Sanusi"]
    if not corpus.quotes:
        pytest.skip("quote extraction has not landed yet")
    assert quotes, f"no quote by Anwar Sanusi among {[q.speaker for q in corpus.quotes]}"
    return quotes[0]


@pytest.mark.parametrize("fmt", cite.FORMATS)
def test_seed_quote_in_every_format(seed_corpus, fmt):
    q = _anwar_quote(seed_corpus)
    text = cite.cite_quote(seed_corpus, q, fmt, "id")
    assert "Anwar Sanusi" in text
    assert "Sekretaris Jenderal" in text
    assert "jpnn.com" in text
    assert "Lewat Forum Ini" in text
    if fmt in ("plain", "md"):
        assert "29 November 2023" in text
        assert q.text.split()[0] in text
    elif fmt == "csl":
        assert json.loads(text)[0]["issued"] == {"date-parts": [[2023, 11, 29]]}
    else:
        assert "year = {2023}" in text and "month = nov" in text and "date = {2023-11-29}" in text


def test_seed_kanasugi_role(seed_corpus):
    if not seed_corpus.quotes:
        pytest.skip("quote extraction has not landed yet")
    q = next(q for q in seed_corpus.quotes if q.speaker == "Kanasugi Kenji")
    c = cite.quote_citation(seed_corpus, q)
    assert c.role and "Duta Besar Jepang" in c.role
    assert c.outlet == "jpnn.com" and c.date == dt.date(2023, 11, 29) and c.date_kind == "published"


# -- any text, any title -----------------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402


@settings(max_examples=150, deadline=None)
@given(words=st.text(min_size=1, max_size=80), title=st.text(min_size=1, max_size=60))
def test_any_text_renders_safely(words, title):
    c = cite.Citation(kind="quote", article_key="k", title=title, outlet="jpnn.com",
                      date=dt.date(2023, 11, 29), date_kind="published", text=words, speaker="A B")
    bib = cite.render(c, "bibtex", "id")
    depth = 0
    for i, ch in enumerate(bib):          # braces balance once escapes are skipped
        if ch in "{}" and (i == 0 or bib[i - 1] != "\\"):
            depth += 1 if ch == "{" else -1
            assert depth >= 0
    assert depth == 0
    item = json.loads(cite.render(c, "csl", "en"))[0]
    assert item["title"] == title
    md = cite.render(c, "md", "id")
    quote, _, attribution = md.rpartition("\n\n— ")
    assert attribution.startswith("**A B**.")
    assert all(line.startswith(">") for line in quote.split("\n"))
    seq = __import__("kemnaker_tui.clipboard").clipboard.osc52_sequence(words)
    import base64
    assert base64.b64decode(seq[7:-1]).decode("utf-8") == words
