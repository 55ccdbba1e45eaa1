"""Two whole articles written in the styles of other outlets (ANTARA, Liputan6):
every extractor at once, on text none of the rules were tuned on."""
import datetime as dt
from pathlib import Path

import pytest

HERE = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def corpus():
    from kemnaker_tui.analysis.pipeline import analyse_paths
    return analyse_paths([HERE])


def people(corpus):
    return {e.name: e for e in corpus.entities if e.type == "person"}


def test_metadata(corpus):
    a = corpus.article("antara_style.txt")
    assert a.title.startswith("Menaker Yassierli Bahas") and a.outlet == "ANTARA" and a.dateline == "Jakarta"
    b = corpus.article("liputan6_style.txt")
    assert b.outlet == "liputan6.com" and b.dateline == "Jakarta"
    # Credits and the footer are boilerplate.
    marked = [a.text[s.start:s.end] for s in a.boilerplate]
    assert "Pewarta: Sanya Dinda" in marked and "Editor: Agus Salim" in marked


def test_people_roles_and_orgs(corpus):
    p = people(corpus)
    assert {"Yassierli", "Hiroshi Nakano", "Suhartono", "Benny Rhamdani", "Masahiro Yamada"} <= set(p)
    assert "Sanya Dinda" not in p and "Agus Salim" not in p           # credit lines
    assert p["Hiroshi Nakano"].roles[0].startswith("Wakil Menteri Kesehatan, Tenaga Kerja")
    orgs = {e.acronym for e in corpus.entities if e.type == "organisation"}
    assert {"Kemnaker", "BP2MI", "OTIT"} <= orgs


def test_meetings(corpus):
    by_article = {m.article: m for m in corpus.meetings}
    a = by_article["antara_style.txt"]
    assert a.date == dt.date(2025, 3, 13) and set(a.participants) == {"Yassierli", "Hiroshi Nakano"}
    b = by_article["liputan6_style.txt"]
    assert b.date == dt.date(2024, 5, 14) and b.kind == "signing" and b.place == "Tokyo"
    assert "Kementerian Ketenagakerjaan" in b.participants


def test_quotes_and_figures(corpus):
    speakers = [(q.article, q.speaker) for q in corpus.quotes]
    assert speakers == [("antara_style.txt", "Yassierli"), ("antara_style.txt", "Hiroshi Nakano"),
                        ("liputan6_style.txt", "Suhartono")]
    values = {(f.article, f.value) for f in corpus.figures}
    assert {("antara_style.txt", 70542), ("antara_style.txt", 23.5), ("antara_style.txt", 820000),
            ("liputan6_style.txt", 12000), ("liputan6_style.txt", 2.3e12), ("liputan6_style.txt", 80000)} <= values
    assert not any(f.value in (2024, 2023, 2025) for f in corpus.figures)
